import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { formatDateTime } from "~/components/time-format";
import { assessmentCohortOnAppDb, listCohortAssessmentsOnAppDb } from "~/models/assessment-setup.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Assessments · ${data?.cohort.name ?? "Cohort"} · Cairn` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:assessment:own");
  const scope = permissionScope(user, "read:assessment");
  const cohortId = params.cohortId ?? "";
  const [cohort, assessments] = await Promise.all([assessmentCohortOnAppDb(scope, cohortId), listCohortAssessmentsOnAppDb(scope, cohortId)]);
  if (!cohort || !assessments) throw new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    assessments: assessments.map((a) => ({ ...a, opens: formatDateTime(a.opensAt, user.timeZone), closes: formatDateTime(a.closesAt, user.timeZone) })),
  };
}

export default function CohortAssessmentsPage() {
  const { cohort, assessments } = useLoaderData<typeof loader>();
  return (
    <section className="assessment">
      <p>
        <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
      </p>
      <h1>Assessments</h1>
      <p className="pitch-actions">
        <Link className="button" to={`/cohorts/${cohort.id}/assessments/new`}>
          New assessment
        </Link>
        <Link className="button secondary" to={`/cohorts/${cohort.id}/accommodations`}>
          Accommodations
        </Link>
      </p>
      {assessments.length === 0 ? (
        <p className="card">No assessment yet.</p>
      ) : (
        <ul className="list-plain">
          {assessments.map((a) => (
            <li key={a.id} className="card">
              <h2>
                <Link to={`/cohorts/${cohort.id}/assessments/${a.id}`}>{a.title}</Link>
              </h2>
              <p className="muted">
                {a.opens} to {a.closes} · {a.timeLimitMinutes} min · {a.attemptsStarted} started, {a.attemptsFinished} finished
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
