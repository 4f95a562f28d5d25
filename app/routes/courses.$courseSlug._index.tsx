import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { findCourseOutline } from "~/models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} · Cairn` : "Not found · Cairn" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const outline = await findCourseOutline(params.courseSlug ?? "");
  if (!outline) throw new Response("No such course.", { status: 404 });
  return {
    course: { slug: outline.course.slug, title: outline.course.title, description: outline.course.description },
    modules: outline.modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      description: m.description,
      lessonCount: m.lessonCount,
    })),
  };
}

export default function CoursePage() {
  const { course, modules } = useLoaderData<typeof loader>();
  return (
    <section>
      <Breadcrumbs items={[{ to: "/", label: "Courses" }, { label: course.title }]} />
      <h1>{course.title}</h1>
      <p className="muted prose">{course.description}</p>
      <h2>Modules</h2>
      <ol className="list-plain">
        {modules.map((m, i) => (
          <li key={m.slug} className="card">
            <h3>
              <Link to={`/courses/${course.slug}/${m.slug}`}>
                {i + 1}. {m.title}
              </Link>
            </h3>
            <p className="muted">{m.description}</p>
            <p className="muted">{m.lessonCount} lessons</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
