import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { formatDay, percent } from "~/components/charts/format";
import { CopyField } from "~/components/copy-field";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { dueAtEndOf, learnerActionSchema } from "~/forms/cohort-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { studyDay } from "~/learning/day";
import {
  clearOwnDueDateOnAppDb,
  cohortLearnerOnAppDb,
  issueLearnerRecoveryLinkOnAppDb,
  setOwnDueDateOnAppDb,
} from "~/models/cohort-learner.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.learner.name ?? "Learner"} · ${data?.view.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = () =>
  new Response("There is no such learner in your cohorts.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const forbidden = () => new Response("You do not have permission to do this.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export const RECOVERY_LIMITED = "Too many set-password links were made lately; wait an hour and try again.";
export const NOT_RECOVERABLE =
  "This account existed before your roster added it, so only an admin can make its set-password link. Ask an admin.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:cohort-progress:own");
  const view = await cohortLearnerOnAppDb(permissionScope(user, "read:cohort-progress"), params.cohortId ?? "", params.learnerId ?? "", Date.now());
  if (!view) throw notFound();
  return { view, timeZone: user.timeZone, today: studyDay(Date.now(), user.timeZone), canIssueLinks: userHasPermission(user, "create:password-link:own") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const form = await parseForm(request, learnerActionSchema);
  if (!form.ok) return form.response;
  const now = Date.now();
  const ids = { cohortId: params.cohortId ?? "", learnerId: params.learnerId ?? "" };
  if (form.data.intent === "recovery-link") {
    if (!userHasPermission(user, "create:password-link:own")) throw forbidden();
    const issued = await issueLearnerRecoveryLinkOnAppDb(permissionScope(user, "create:password-link"), ids.cohortId, ids.learnerId, now);
    if (!issued) throw notFound();
    if (!issued.ok) {
      return issued.reason === "rate-limited" ? formErrors({ formError: RECOVERY_LIMITED }, 429) : formErrors({ formError: NOT_RECOVERABLE });
    }
    const link = `${new URL(request.url).origin}/set-password/${issued.token}`;
    return { done: "link" as const, link, expiresOn: studyDay(issued.expiresAt, user.timeZone) };
  }
  if (!userHasPermission(user, "update:assignment:own")) throw forbidden();
  const scope = permissionScope(user, "update:assignment");
  const target = { ...ids, assignmentId: form.data.assignmentId };
  if (form.data.intent === "clear-due-date") {
    if ((await clearOwnDueDateOnAppDb(scope, target)) === null) throw notFound();
    return { done: "due-date-cleared" as const, assignmentId: target.assignmentId };
  }
  const set = await setOwnDueDateOnAppDb(scope, target, dueAtEndOf(form.data.dueOn, user.timeZone), now);
  if (!set) throw notFound();
  if (!set.ok) return formErrors({ fieldErrors: { dueOn: set.error }, values: form.values });
  return { done: "due-date-set" as const, assignmentId: target.assignmentId };
}

const STATUS_CLASS: Record<string, string> = { overdue: "field-error", "not started": "field-error", behind: "field-error" };

export default function LearnerPage() {
  const { view, timeZone, today, canIssueLinks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const done = actionData && "done" in actionData ? actionData : null;
  const { cohort, learner, assignments } = view;
  const date = (ms: number) => formatDay(studyDay(ms, timeZone), "long");
  return (
    <section className="cohort-learner">
      <p>
        <Link to={`/cohorts/${cohort.id}`}>Back to {cohort.name}</Link>
      </p>
      <h1>{learner.name}</h1>
      <p className="muted">
        {learner.email} · {learner.source === "joined" ? "joined" : "added from a roster"} on {date(learner.joinedAt)}
        {learner.hasPassword ? null : " · has not chosen a password yet"}
      </p>
      <FormErrorSummary result={actionData} />

      <h2>Assignments</h2>
      {assignments.length === 0 ? <p className="card">Nothing is assigned to this cohort yet.</p> : null}
      <ul className="list-plain">
        {assignments.map((a) => {
          const errorHere = refused.values.assignmentId === a.id ? refused.fieldErrors.dueOn : undefined;
          const fieldId = `due-${a.id}`;
          return (
            <li key={a.id} className="card">
              <h3>
                <Link to={a.moduleUrl}>{a.moduleTitle}</Link>
              </h3>
              <dl className="learner-cell">
                <div>
                  <dt>Status</dt>
                  <dd className={STATUS_CLASS[a.cell.status]}>{a.cell.status}</dd>
                </div>
                <div>
                  <dt>Lessons read</dt>
                  <dd>
                    {a.cell.lessonsRead} / {a.cell.lessonCount}
                  </dd>
                </div>
                <div>
                  <dt>Cards learned</dt>
                  <dd>
                    {a.cell.cardsLearned} / {a.cell.deckSize}
                  </dd>
                </div>
                <div>
                  <dt>Predicted retention on due date</dt>
                  <dd>{a.cell.predictedRetention === null ? "no cards" : percent(a.cell.predictedRetention)}</dd>
                </div>
                <div>
                  <dt>Reviews, last 7 days</dt>
                  <dd>{a.cell.reviewsLast7Days}</dd>
                </div>
                <div>
                  <dt>Due</dt>
                  <dd>
                    {date(a.cell.dueAt)}
                    {a.ownDueAt !== null ? <span className="muted"> (own date; the cohort’s is {date(a.cohortDueAt)})</span> : null}
                  </dd>
                </div>
              </dl>
              <details>
                <summary>Lessons ({a.lessons.filter((l) => l.readAt !== null).length} of {a.lessons.length} read)</summary>
                <ul>
                  {a.lessons.map((l) => (
                    <li key={l.id}>
                      {l.title}: {l.readAt === null ? <span className="muted">not read</span> : `read ${date(l.readAt)}`}
                    </li>
                  ))}
                </ul>
              </details>
              <Form method="post" noValidate className="own-due-date">
                <input type="hidden" name="assignmentId" value={a.id} />
                <div className="field">
                  <label htmlFor={fieldId}>Due date for {learner.name} (end of the day)</label>
                  <input
                    id={fieldId}
                    type="date"
                    name="dueOn"
                    min={today}
                    key={errorHere ? `refused ${refused.values.dueOn}` : a.cell.dueAt}
                    defaultValue={errorHere ? refused.values.dueOn : studyDay(a.cell.dueAt, timeZone)}
                    aria-invalid={errorHere ? true : undefined}
                    aria-describedby={errorHere ? `${fieldId}-error` : undefined}
                  />
                  {errorHere ? (
                    <p id={`${fieldId}-error`} className="field-error">
                      {errorHere}
                    </p>
                  ) : null}
                </div>
                <p className="auth-actions">
                  <button type="submit" name="intent" value="own-due-date">
                    Set due date
                  </button>
                  {a.ownDueAt !== null ? (
                    <button type="submit" name="intent" value="clear-due-date" className="secondary">
                      Use the cohort’s date
                    </button>
                  ) : null}
                </p>
                {done && "assignmentId" in done && done.assignmentId === a.id ? (
                  <p role="status">{done.done === "due-date-set" ? "Due date saved." : "Back on the cohort’s due date."}</p>
                ) : null}
              </Form>
            </li>
          );
        })}
      </ul>

      {canIssueLinks ? (
        <>
          <h2>Password</h2>
          {done?.done === "link" ? (
            <div className="card">
              <p>
                Give {learner.name} this link to choose a new password. It is shown only now, works once, until {formatDay(done.expiresOn, "long")}, and
                signs them out everywhere.
              </p>
              <CopyField id="recovery-link" label={`set-password link for ${learner.email}`} value={done.link} />
            </div>
          ) : learner.recoverable ? (
            <Form method="post" className="card">
              <p>If {learner.name} cannot sign in, make a link with which they choose a new password. Any earlier link stops working.</p>
              <button type="submit" name="intent" value="recovery-link">
                Make a set-password link
              </button>
            </Form>
          ) : (
            <p className="card muted">{NOT_RECOVERABLE}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
