import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { describeAccommodation } from "~/assessment/timing";
import { AccommodationForm, accommodationValues } from "~/components/accommodation-form";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { formatDateTime } from "~/components/time-format";
import { accommodationFromForm, accommodationSchema } from "~/forms/assessment-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { cohortAccommodationListOnAppDb, setCohortAccommodationOnAppDb } from "~/models/assessment-accommodations.server";
import { assessmentCohortOnAppDb } from "~/models/assessment-setup.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Accommodations · ${data?.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = (what = "cohort") =>
  new Response(`There is no such ${what} among yours.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:accommodation:own");
  const scope = permissionScope(user, "update:accommodation");
  const cohortId = params.cohortId ?? "";
  const [cohort, members] = await Promise.all([assessmentCohortOnAppDb(scope, cohortId), cohortAccommodationListOnAppDb(scope, cohortId)]);
  if (!cohort || !members) throw notFound();
  return {
    cohort: { id: cohort.id, name: cohort.name },
    members: members.map((m) => ({
      ...m,
      described: m.profile ? describeAccommodation(m.profile, (ms) => formatDateTime(ms, user.timeZone)) : "none",
      values: accommodationValues(m.profile, user.timeZone),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:accommodation:own");
  // Whose cohort first: another instructor's answers 404 before their form is read.
  if (!(await assessmentCohortOnAppDb(permissionScope(user, "update:accommodation"), params.cohortId ?? ""))) throw notFound();
  const form = await parseForm(request, accommodationSchema);
  if (!form.ok) return form.response;
  const read = accommodationFromForm(form.data, "after", user.timeZone);
  if (!read.ok) return formErrors({ fieldErrors: read.fieldErrors, values: form.values });
  const saved = await setCohortAccommodationOnAppDb(permissionScope(user, "update:accommodation"), params.cohortId ?? "", form.data.learnerId, read.accommodation, Date.now());
  if (!saved) throw notFound("learner in this cohort");
  if (!saved.ok) return formErrors({ formError: saved.error, values: form.values });
  return {
    done: form.data.learnerId,
    message: saved.attemptsMoved > 0 ? `Saved; the deadline of ${saved.attemptsMoved} attempt in progress moved at once.` : "Saved.",
  };
}

export default function AccommodationsPage() {
  const { cohort, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const refusedFor = refused.values.learnerId;
  return (
    <section className="assessment">
      <p>
        <Link to={`/cohorts/${cohort.id}/assessments`}>Assessments of {cohort.name}</Link>
      </p>
      <h1>Accommodations</h1>
      <p className="muted">
        A learner's extra time and later close here apply to every assessment of {cohort.name}. An assessment's own page can add an override for
        one assessment; where both apply, the more generous holds. Saving moves the deadline of an attempt in progress at once.
      </p>
      <FormErrorSummary result={actionData} notice={actionData && "message" in actionData ? actionData.message : undefined} />
      {members.length === 0 ? <p className="card">No learner has joined yet.</p> : null}
      <ul className="list-plain">
        {members.map((m) => (
          <li key={m.learner.id} className="card">
            <h2>{m.learner.name}</h2>
            <p className="muted">
              {m.learner.email} · now: {m.described}
            </p>
            <AccommodationForm
              learner={m.learner}
              laterClose="after"
              values={refusedFor === m.learner.id ? refused.values : m.values}
              errors={refusedFor === m.learner.id ? refused.fieldErrors : {}}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
