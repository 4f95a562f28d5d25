import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { LessonBody } from "~/components/lesson-body";
import { getUser } from "~/auth.server";
import { getDb } from "~/db.server";
import { getLesson } from "~/models/course.server";
import { startLesson } from "~/models/deck.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · Cairn` : "Not found · Cairn" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = await getDb();
  const found = await getLesson(db, params.courseSlug ?? "", params.moduleSlug ?? "", params.lessonSlug ?? "");
  if (!found) throw new Response("No such lesson.", { status: 404 });
  // Reading a lesson enrols a signed-in learner and brings its questions into their deck.
  const user = await getUser(request);
  const cardsAdded = user ? await startLesson(db, user.id, found.lesson.id, Date.now()) : 0;
  return {
    signedIn: Boolean(user),
    cardsAdded,
    course: { slug: found.course.slug, title: found.course.title },
    module: { slug: found.module.slug, title: found.module.title },
    lesson: found.lesson,
    questionCount: found.questionCount,
    previous: found.previous ? { slug: found.previous.slug, title: found.previous.title } : null,
    next: found.next ? { slug: found.next.slug, title: found.next.title } : null,
  };
}

export default function LessonPage() {
  const { course, module, lesson, questionCount, previous, next, signedIn, cardsAdded } = useLoaderData<typeof loader>();
  const moduleUrl = `/courses/${course.slug}/${module.slug}`;
  return (
    <article className="lesson">
      <Breadcrumbs
        items={[
          { to: `/courses/${course.slug}`, label: course.title },
          { to: moduleUrl, label: module.title },
          { label: lesson.title },
        ]}
      />
      <h1>{lesson.title}</h1>
      <p className="muted">
        {lesson.readingMinutes} min read
        {lesson.keyTerms.length > 0 ? ` · Key terms: ${lesson.keyTerms.slice(0, 6).join(", ")}` : null}
      </p>
      <LessonBody blocks={lesson.blocks} />
      {cardsAdded > 0 ? (
        <p role="status" className="notice">
          {cardsAdded} new {cardsAdded === 1 ? "card" : "cards"} from this lesson joined your daily review.
        </p>
      ) : null}
      <div className="lesson-actions">
        {signedIn ? (
          <Link className="button secondary" to="/review">
            Go to daily review
          </Link>
        ) : (
          <Link className="button secondary" to="/signup">
            Sign up to review this lesson with spaced repetition
          </Link>
        )}
        {questionCount > 0 ? (
          <Link className="button" to={`${moduleUrl}/${lesson.slug}/practice`}>
            Practise this lesson ({questionCount} questions)
          </Link>
        ) : null}
      </div>
      <nav className="pager" aria-label="Lessons">
        {previous ? (
          <Link to={`${moduleUrl}/${previous.slug}`} rel="prev">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`${moduleUrl}/${next.slug}`} rel="next">
            {next.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
