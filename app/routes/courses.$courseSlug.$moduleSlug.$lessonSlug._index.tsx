import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { LessonBody } from "~/components/lesson-body";
import { getUser, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { readForm } from "~/forms/parse-form.server";
import { getLessonPage, startLessonBySlug } from "~/models/deck.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · Cairn` : "Not found · Cairn" },
];

function slugsOf(params: LoaderFunctionArgs["params"]) {
  return { courseSlug: params.courseSlug ?? "", moduleSlug: params.moduleSlug ?? "", lessonSlug: params.lessonSlug ?? "" };
}

// Reading a lesson records nothing: a GET (a link, a prefetch, another
// site's link) must not change a deck. Starting it is the POST below.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { courseSlug, moduleSlug, lessonSlug } = slugsOf(params);
  const found = await getLessonPage(courseSlug, moduleSlug, lessonSlug, user?.id ?? null);
  if (!found) throw new Response("No such lesson.", { status: 404 });
  return {
    signedIn: Boolean(user),
    canStart: userHasPermission(user, "create:enrolment:own"),
    read: found.read,
    course: { slug: found.course.slug, title: found.course.title },
    module: { slug: found.module.slug, title: found.module.title },
    lesson: found.lesson,
    questionCount: found.questionCount,
    previous: found.previous ? { slug: found.previous.slug, title: found.previous.title } : null,
    next: found.next ? { slug: found.next.slug, title: found.next.title } : null,
  };
}

/** "Mark as read and add its cards": enrols the learner and brings the lesson's questions into their deck. */
export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:enrolment:own");
  await readForm(request); // a button and no fields, but a form post all the same
  const cardsAdded = await startLessonBySlug(user.id, slugsOf(params), Date.now());
  if (cardsAdded === null) throw new Response("No such lesson.", { status: 404 });
  return { cardsAdded };
}

export default function LessonPage() {
  const { course, module, lesson, questionCount, previous, next, signedIn, canStart, read } = useLoaderData<typeof loader>();
  const started = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
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
      <div role="status" className={started ? "notice" : undefined}>
        {started
          ? started.cardsAdded > 0
            ? `${started.cardsAdded} new ${started.cardsAdded === 1 ? "card" : "cards"} from this lesson joined your daily review.`
            : "This lesson is marked as read; its cards were already in your review."
          : null}
      </div>
      {read && !started ? <p className="muted">You have read this lesson; its cards are in your daily review.</p> : null}
      <div className="lesson-actions">
        {canStart && !read && !started ? (
          <Form method="post">
            <button type="submit" disabled={busy}>
              Mark as read and add its cards
            </button>
          </Form>
        ) : null}
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
