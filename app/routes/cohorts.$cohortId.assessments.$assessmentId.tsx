import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { describeAccommodation } from "~/assessment/timing";
import { AccommodationForm, accommodationValues } from "~/components/accommodation-form";
import { AssessmentSettingsForm } from "~/components/assessment-settings-form";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { formatDateTime } from "~/components/time-format";
import { settingsFormValues } from "~/forms/assessment-fields";
import { accommodationFromForm, assessmentPageSchema, settingsFromForm } from "~/forms/assessment-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { setAssessmentOverrideOnAppDb } from "~/models/assessment-accommodations.server";
import { blueprintChoicesOnAppDb } from "~/models/assessment-bank.server";
import { assessmentResultsOnAppDb } from "~/models/assessment-results.server";
import { assessmentCohortOnAppDb, assessmentEditLogOnAppDb, findAssessmentOnAppDb, settingsOf, updateAssessmentOnAppDb } from "~/models/assessment-setup.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.assessment.title ?? "Assessment"} · Cairn` }];

const notFound = (what = "assessment") =>
  new Response(`There is no such ${what} among yours.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const forbidden = () => new Response("You do not have permission to do this.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:assessment:own");
  const scope = permissionScope(user, "read:assessment");
  const cohortId = params.cohortId ?? "";
  const assessmentId = params.assessmentId ?? "";
  const now = Date.now();
  const assessment = await findAssessmentOnAppDb(scope, cohortId, assessmentId);
  if (!assessment) throw notFound();
  const [results, edits, modules] = await Promise.all([
    assessmentResultsOnAppDb(scope, cohortId, assessmentId, now),
    assessmentEditLogOnAppDb(assessmentId),
    blueprintChoicesOnAppDb(),
  ]);
  const tz = user.timeZone;
  const at = (ms: number) => formatDateTime(ms, tz);
  const settings = settingsOf(assessment);
  return {
    cohortId,
    assessment: { id: assessment.id, title: assessment.title, opens: at(assessment.opensAt), closes: at(assessment.closesAt), limit: assessment.timeLimitMinutes, attemptsAllowed: assessment.attemptsAllowed },
    opened: now >= assessment.opensAt,
    values: settingsFormValues(settings, tz),
    modules,
    timeZone: tz,
    learners: results!.learners.map((row) => ({
      learner: row.learner,
      profile: row.accommodation.profile ? describeAccommodation(row.accommodation.profile, at) : null,
      override: row.accommodation.override ? describeAccommodation(row.accommodation.override, at) : null,
      overrideValues: accommodationValues(row.accommodation.override, tz),
      limit: row.accommodation.limit,
      closes: at(row.accommodation.closeAt),
      attempts: row.attempts.map((a) => ({
        ...a,
        started: at(a.startedAt),
        deadlineAt: at(a.deadline),
        finished: a.finishedAt === null ? null : at(a.finishedAt),
        answers: a.answers.map((x) => ({ ...x, saved: x.savedAt === null ? null : at(x.savedAt) })),
        late: a.late.map((x) => ({ ...x, saved: at(x.savedAt) })),
      })),
    })),
    items: results!.items,
    edits: edits.map((e) => ({ ...e, at: at(e.editedAt) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:assessment:own");
  // Whose cohort first: another instructor's answers 404 before their form is read.
  if (!(await assessmentCohortOnAppDb(permissionScope(user, "update:assessment"), params.cohortId ?? ""))) throw notFound();
  const form = await parseForm(request, assessmentPageSchema);
  if (!form.ok) return form.response;
  const cohortId = params.cohortId ?? "";
  const assessmentId = params.assessmentId ?? "";
  const now = Date.now();
  if (form.data.intent === "update") {
    const saved = await updateAssessmentOnAppDb(permissionScope(user, "update:assessment"), cohortId, assessmentId, settingsFromForm(form.data, user.timeZone), now);
    if (!saved) throw notFound();
    if (!saved.ok) return formErrors({ fieldErrors: saved.errors as Record<string, string>, values: form.values });
    return { done: "update" as const, message: "Settings saved." };
  }
  if (!userHasPermission(user, "update:accommodation:own")) throw forbidden();
  const assessment = await findAssessmentOnAppDb(permissionScope(user, "update:accommodation"), cohortId, assessmentId);
  if (!assessment) throw notFound();
  const read = accommodationFromForm(form.data, "at", user.timeZone);
  if (!read.ok) return formErrors({ fieldErrors: read.fieldErrors, values: form.values });
  const saved = await setAssessmentOverrideOnAppDb(assessment, user.id, form.data.learnerId, read.accommodation, now);
  if (!saved) throw notFound("learner in this cohort");
  if (!saved.ok) return formErrors({ formError: saved.error, values: form.values });
  return { done: "override" as const, message: saved.attemptsMoved > 0 ? "Override saved; the deadline of the attempt in progress moved at once." : "Override saved." };
}

const VERDICTS = { correct: "right", close: "right (misspelt)", wrong: "wrong", unanswered: "not answered" } as const;

export default function AssessmentResultsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const { assessment } = data;
  const notice = actionData && "message" in actionData ? actionData.message : undefined;
  const refusedIntent = refused.values.intent;
  return (
    <section className="assessment">
      <p>
        <Link to={`/cohorts/${data.cohortId}/assessments`}>All assessments</Link>
      </p>
      <h1>{assessment.title}</h1>
      <p className="muted">
        {assessment.opens} to {assessment.closes} · {assessment.limit} min · {assessment.attemptsAllowed} attempt{assessment.attemptsAllowed === 1 ? "" : "s"}
      </p>
      <FormErrorSummary result={actionData} notice={notice} />

      <h2>Results</h2>
      {data.learners.length === 0 ? <p className="card">No learner has joined the cohort yet.</p> : null}
      <ul className="list-plain">
        {data.learners.map((row) => (
          <li key={row.learner.id} className="card">
            <h3>{row.learner.name}</h3>
            <p className="muted">
              {row.limit}, closes {row.closes}
              {row.profile ? ` · cohort accommodation: ${row.profile}` : ""}
              {row.override ? ` · override here: ${row.override}` : ""}
            </p>
            {row.attempts.length === 0 ? <p>Not started.</p> : null}
            {row.attempts.map((a) => (
              <details key={a.id}>
                <summary>
                  Attempt {a.number}:{" "}
                  {a.score ? (
                    <strong>
                      {a.score.right} of {a.score.total} ({a.score.percent}%), {a.score.passed ? "passed" : "not passed"}
                    </strong>
                  ) : (
                    <strong>in progress, until {a.deadlineAt}</strong>
                  )}
                  {a.finishedBy === "deadline" ? " · finished at the deadline" : a.finishedBy === "submit" ? " · submitted" : ""}
                  {a.late.length > 0 ? ` · ${a.late.length} late, not counted` : ""}
                </summary>
                <p className="muted">
                  Started {a.started}, {a.limit}
                  {a.finished ? `, finished ${a.finished}` : ""}
                </p>
                <ol>
                  {a.answers.map((x) => (
                    <li key={x.position}>
                      {x.prompt} — {x.response?.trim() ? <strong>{x.response}</strong> : <em>no answer</em>}
                      {x.saved ? <span className="muted"> (saved {x.saved})</span> : null}
                      {x.verdict ? <span className={`verdict verdict-${x.verdict}`}> {VERDICTS[x.verdict]}</span> : null}
                    </li>
                  ))}
                </ol>
                {a.late.length > 0 ? (
                  <ul>
                    {a.late.map((x, i) => (
                      <li key={i} className="late-answer">
                        {x.prompt} — <strong>{x.response}</strong> at {x.saved}: late, not counted
                      </li>
                    ))}
                  </ul>
                ) : null}
              </details>
            ))}
            <h4>Accommodation for this assessment</h4>
            <AccommodationForm
              intent="override"
              learner={row.learner}
              laterClose="at"
              values={refusedIntent === "override" && refused.values.learnerId === row.learner.id ? refused.values : row.overrideValues}
              errors={refusedIntent === "override" && refused.values.learnerId === row.learner.id ? refused.fieldErrors : {}}
            />
          </li>
        ))}
      </ul>

      {data.items.length > 0 ? (
        <>
          <h2>Questions</h2>
          <p className="muted">Facility: the share of learners asked it who got it right. Discrimination: how much better the top scorers did on it than the bottom ones (from 10 finished attempts).</p>
          <div className="table-scroll">
            <table className="cohort-table">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Asked</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Discrimination</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.questionId}>
                    <td>{item.prompt}</td>
                    <td>{item.asked}</td>
                    <td>{item.facility === null ? "—" : item.facility.toFixed(2)}</td>
                    <td>{item.discrimination === null ? "—" : item.discrimination.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>Settings</h2>
      <AssessmentSettingsForm
        intent="update"
        values={refusedIntent === "update" ? refused.values : data.values}
        errors={refusedIntent === "update" ? refused.fieldErrors : {}}
        modules={data.modules}
        opened={data.opened}
        timeZone={data.timeZone}
        submitLabel="Save settings"
      />
      {data.edits.length > 0 ? (
        <>
          <h2>Changes</h2>
          <ul>
            {data.edits.map((e, i) => (
              <li key={i}>
                {e.at}, {e.editor}: {e.changes.map((c) => c.field).join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
