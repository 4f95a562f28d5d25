import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getUser, requireUserWithPermission } from "~/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { readForm } from "~/forms/parse-form.server";
import { getModulePage, startModule } from "~/models/deck.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} · Cairn` : "Not found · Cairn" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const page = await getModulePage(params.courseSlug ?? "", params.moduleSlug ?? "", user?.id ?? null);
  if (!page) throw new Response("No such module.", { status: 404 });
  const { outline, read, enrolled } = page;
  return {
    signedIn: Boolean(user),
    enrolled,
    course: { slug: outline.course.slug, title: outline.course.title },
    module: { slug: outline.module.slug, title: outline.module.title, description: outline.module.description },
    lessons: outline.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      readingMinutes: l.readingMinutes,
      questionCount: l.questionCount,
      read: read.has(l.id),
    })),
  };
}

/** "Start": enrol and bring every lesson's questions into the deck, in lesson order. */
export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:enrolment:own");
  await readForm(request); // a button and no fields, but a form post all the same
  const added = await startModule(user.id, params.courseSlug ?? "", params.moduleSlug ?? "", Date.now());
  if (added === null) throw new Response("No such module.", { status: 404 });
  return redirect("/review");
}

export default function ModulePage() {
  const { course, module, lessons, signedIn, enrolled } = useLoaderData<typeof loader>();
  const base = `/courses/${course.slug}/${module.slug}`;
  return (
    <section>
      <Breadcrumbs
        items={[
          { to: "/", label: "Courses" },
          { to: `/courses/${course.slug}`, label: course.title },
          { label: module.title },
        ]}
      />
      <h1>{module.title}</h1>
      <p className="muted prose">{module.description}</p>
      {signedIn ? (
        <Form method="post" className="lesson-actions">
          <button type="submit">{enrolled ? "Add all lessons to my review" : "Start this module"}</button>
        </Form>
      ) : (
        <p className="lesson-actions">
          <Link className="button" to="/signup">
            Sign up to study this module
          </Link>
        </p>
      )}
      <h2>Lessons</h2>
      <ol className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link to={`${base}/${l.slug}`}>{l.title}</Link>{" "}
            <span className="muted">
              · {l.readingMinutes} min · {l.questionCount} questions{l.read ? " · read ✓" : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
