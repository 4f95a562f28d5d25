import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { formatDay, plural } from "~/components/charts/format";
import { CopyField } from "~/components/copy-field";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { RosterForm } from "~/components/roster-form";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { ROSTER_BODY_LIMIT, rosterFormSchema, rosterText } from "~/forms/roster-form.server";
import { studyDay } from "~/learning/day";
import { addRosterToCohortOnAppDb, type RosterOutcomeKind } from "~/models/cohort-roster.server";
import { findCohortOnAppDb } from "~/models/cohort.server";
import { readRoster, ROSTER_PROBLEM_MESSAGES } from "~/teaching/roster";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Add learners · ${data?.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = () => new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const forbidden = () => new Response("You do not have permission to do this.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const cohort = await findCohortOnAppDb(permissionScope(user, "update:cohort"), params.cohortId ?? "");
  if (!cohort) throw notFound();
  return { cohort: { id: cohort.id, name: cohort.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  // A roster makes accounts with set-password links: both permissions (instructors and admins hold them).
  if (!userHasPermission(user, "create:password-link:own")) throw forbidden();
  const form = await parseForm(request, rosterFormSchema, { limit: ROSTER_BODY_LIMIT });
  if (!form.ok) return form.response;
  // The pasted text comes back whole: echoed values are cut short, and a roster must lose nothing.
  const values = { roster: form.data.roster };
  const text = await rosterText(form.data);
  if (!text.ok) return formErrors({ fieldErrors: text.fieldErrors, values });
  const read = readRoster(text.text);
  if (!read.ok) return formErrors({ fieldErrors: { [form.data.file ? "file" : "roster"]: read.error }, values });
  const now = Date.now();
  const applied = await addRosterToCohortOnAppDb(permissionScope(user, "update:cohort"), params.cohortId ?? "", read.rows, now);
  if (!applied) throw notFound();
  const origin = new URL(request.url).origin;
  return {
    added: {
      outcomes: applied.outcomes.map(({ token, ...o }) => ({ ...o, link: token ? `${origin}/set-password/${token}` : null })),
      problems: read.problems.map((p) => ({ ...p, message: ROSTER_PROBLEM_MESSAGES[p.reason] })),
      linksExpireOn: studyDay(applied.linksExpireAt, user.timeZone),
    },
  };
}

const KIND_SAYS: Record<Exclude<RosterOutcomeKind, "created">, string> = {
  added: "Added (they already had an account)",
  "already-member": "Already in this cohort",
  "not-a-learner": "Not added: an instructor’s or admin’s account (add a colleague as a co-instructor instead)",
};

export default function RosterPage() {
  const { cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const added = actionData && "added" in actionData ? actionData.added : null;
  return (
    <section className="roster">
      <p>
        <Link to={`/cohorts/${cohort.id}`}>Back to {cohort.name}</Link>
      </p>
      <h1>Add learners to {cohort.name}</h1>
      {added ? <RosterResult added={added} /> : null}
      <h2>{added ? "Add more learners" : "From a list of emails"}</h2>
      <FormErrorSummary result={actionData} />
      <RosterForm cohortId={cohort.id} errors={refused.fieldErrors} defaultText={refused.values.roster} />
    </section>
  );
}

type Added = Extract<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { added: unknown }>["added"];

function RosterResult({ added }: { added: Added }) {
  const created = added.outcomes.filter((o) => o.link !== null);
  const others = added.outcomes.filter((o) => o.link === null);
  const summary = [
    created.length ? `${plural(created.length, "new account")}` : null,
    others.length ? `${plural(others.length, "existing account")}` : null,
    added.problems.length ? `${plural(added.problems.length, "line")} not read` : null,
  ].filter(Boolean);
  return (
    <>
      <p role="status" className="card">
        {added.outcomes.length === 0 ? "No learner was added: no line of the roster could be read. " : null}
        {summary.join(", ")}.
      </p>
      {created.length > 0 ? (
        <section aria-labelledby="new-accounts-heading">
          <h2 id="new-accounts-heading">New accounts: copy their links now</h2>
          <p>
            Each new learner chooses a password with their link. The links are shown only here and only now: copy them before you leave
            this page. A link works once, until {formatDay(added.linksExpireOn, "long")}; a lost one can be replaced from the learner’s
            page.
          </p>
          <ul className="list-plain outcome-list">
            {created.map((o) => (
              <li key={o.email} className="card">
                <strong>{o.name}</strong> <span className="muted">{o.email}</span>
                <CopyField id={`link-${o.line}-${o.email}`} label={`set-password link for ${o.email}`} value={o.link!} />
              </li>
            ))}
          </ul>
          <details>
            <summary>All the links at once (email, link)</summary>
            <label htmlFor="all-links" className="visually-hidden">
              Every new learner’s email and link, one a line
            </label>
            <textarea id="all-links" className="all-links" readOnly rows={Math.min(10, created.length + 1)} value={created.map((o) => `${o.email},${o.link}`).join("\n")} />
          </details>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="existing-heading">
          <h2 id="existing-heading">Existing accounts</h2>
          <ul className="outcome-list">
            {others.map((o) => (
              <li key={o.email}>
                {o.name} <span className="muted">{o.email}</span>: {KIND_SAYS[o.kind as keyof typeof KIND_SAYS]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {added.problems.length > 0 ? (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading">Lines not read</h2>
          <p className="muted">Nothing was done for these lines; correct them and add them again.</p>
          <div className="table-scroll">
            <table className="cohort-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">As written</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {added.problems.map((p, i) => (
                  <tr key={`${p.line} ${i}`}>
                    <td>{p.line}</td>
                    <td>
                      <code>{p.text}</code>
                    </td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
