import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { listCourses } from "~/models/course.server";

export const meta: MetaFunction = () => [{ title: "Cairn" }];

export async function loader() {
  const db = await getDb();
  const courses = await listCourses(db);
  return { courses: courses.map((c) => ({ slug: c.slug, title: c.title, description: c.description })) };
}

export default function Index() {
  const { courses } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Courses</h1>
      {courses.length === 0 ? (
        <p className="muted">No course has been imported yet.</p>
      ) : (
        <ul className="list-plain">
          {courses.map((c) => (
            <li key={c.slug} className="card">
              <h2>
                <Link to={`/courses/${c.slug}`}>{c.title}</Link>
              </h2>
              <p className="muted">{c.description}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
