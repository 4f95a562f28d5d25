import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { listCuratedModulesOnAppDb } from "~/models/curation-view.server";

export const meta: MetaFunction = () => [{ title: "Your modules · Cairn" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  return { courses: await listCuratedModulesOnAppDb(permissionScope(user, "update:module")) };
}

export default function InstructorHome() {
  const { courses } = useLoaderData<typeof loader>();
  return (
    <section className="instructor">
      <h1>Your modules</h1>
      {courses.length === 0 ? <p className="card">You have no course yet.</p> : null}
      {courses.map((course) => (
        <section key={course.id} aria-labelledby={`course-${course.id}`}>
          <h2 id={`course-${course.id}`}>{course.title}</h2>
          <ul className="list-plain curation-modules">
            {course.modules.map((m) => (
              <li key={m.id} className="card">
                <h3>
                  <Link to={`/instructor/modules/${m.id}`} aria-label={`Curate ${m.title}`}>
                    {m.title}
                  </Link>
                </h3>
                <dl className="curation-counts">
                  <div>
                    <dt>Questions</dt>
                    <dd>{m.questions}</dd>
                  </div>
                  <div>
                    <dt>Accepted</dt>
                    <dd>{m.accepted}</dd>
                  </div>
                  <div>
                    <dt>Flagged</dt>
                    <dd>{m.flagged > 0 ? <Link to={`/instructor/modules/${m.id}?flag=any`}>{m.flagged}</Link> : m.flagged}</dd>
                  </div>
                  <div>
                    <dt>Reach learners</dt>
                    <dd>{m.reachingLearners}</dd>
                  </div>
                </dl>
                <p className="muted">
                  {m.learnerQuestions === "accepted"
                    ? "Only accepted questions reach learners."
                    : "Accepted questions and those above the quality threshold reach learners."}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
