import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { getDb } from "~/db.server";
import { getModuleOutline } from "~/models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} · Cairn` : "Not found · Cairn" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const outline = await getModuleOutline(await getDb(), params.courseSlug ?? "", params.moduleSlug ?? "");
  if (!outline) throw new Response("No such module.", { status: 404 });
  return {
    course: { slug: outline.course.slug, title: outline.course.title },
    module: { slug: outline.module.slug, title: outline.module.title, description: outline.module.description },
    lessons: outline.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      readingMinutes: l.readingMinutes,
      questionCount: l.questionCount,
    })),
  };
}

export default function ModulePage() {
  const { course, module, lessons } = useLoaderData<typeof loader>();
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
      <h2>Lessons</h2>
      <ol className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link to={`${base}/${l.slug}`}>{l.title}</Link>{" "}
            <span className="muted">
              · {l.readingMinutes} min · {l.questionCount} questions
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
