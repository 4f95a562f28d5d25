import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { formatDay, percent } from "~/components/charts/format";
import { FormErrorSummary, Labelled, refusedForm } from "~/components/form-fields";
import { CohortTeam } from "~/components/cohort-team";
import { InviteLink } from "~/components/invite-link";
import { RosterForm } from "~/components/roster-form";
import { assignmentWindow, cohortActionSchema } from "~/forms/cohort-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { addDays, studyDay } from "~/learning/day";
import { cohortDashboardOnAppDb } from "~/models/cohort-progress.server";
import { cohortTeamOnAppDb } from "~/models/cohort-instructors.server";
import { inviteStatusOnAppDb } from "~/models/cohort-invite.server";
import { assignableModulesOnAppDb, assignModuleOnAppDb, removeMemberOnAppDb } from "~/models/cohort.server";
import { formatJoinCode } from "~/teaching/assignments";
import { DEFAULT_ORDER, LEARNERS_PER_PAGE, pageOf, readDashboardOrder, type DashboardOrder, type DashboardSort } from "~/teaching/dashboard-order";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.dashboard.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = () => new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:cohort-progress:own");
  const now = Date.now();
  const order = readDashboardOrder(new URL(request.url).searchParams);
  const dashboard = await cohortDashboardOnAppDb(permissionScope(user, "read:cohort-progress"), params.cohortId ?? "", now, order);
  if (!dashboard) throw notFound();
  const dayOf = (ms: number) => studyDay(ms, user.timeZone);
  // Every learner is ordered, one page is sent: a 500-learner cohort's page was 1.1 MB of HTML.
  const { rows, ...page } = pageOf(dashboard.rows, order.page);
  const [invite, team] = await Promise.all([
    inviteStatusOnAppDb(permissionScope(user, "read:cohort-progress"), dashboard.cohort.id),
    cohortTeamOnAppDb(permissionScope(user, "read:cohort-progress"), dashboard.cohort.id),
  ]);
  return {
    dashboard: { ...dashboard, rows },
    page,
    order,
    inviteMadeOn: invite?.createdAt ? formatDay(dayOf(invite.createdAt), "long") : null,
    // The cohort was just found for this user, so its team is too.
    team: { instructors: team?.instructors ?? [], mayManage: team?.mayManage ?? false },
    modules: await assignableModulesOnAppDb(),
    timeZone: user.timeZone,
    defaults: { startsOn: dayOf(now), dueOn: addDays(dayOf(now), 7) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const form = await parseForm(request, cohortActionSchema);
  if (!form.ok) return form.response;
  const cohortId = params.cohortId ?? "";
  if (form.data.intent === "remove") {
    const removed = await removeMemberOnAppDb(permissionScope(user, "update:cohort"), cohortId, form.data.learnerId);
    if (!removed) throw notFound();
    return { done: "removed" as const };
  }
  if (!userHasPermission(user, "create:assignment:own")) {
    throw new Response("You do not have permission to do this.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { startsOn, dueOn, moduleId } = form.data;
  const window = assignmentWindow(startsOn, dueOn, user.timeZone);
  const result = await assignModuleOnAppDb(permissionScope(user, "create:assignment"), cohortId, { moduleId, ...window }, Date.now());
  if (!result) throw notFound();
  if (!result.ok) {
    const { startsAt, dueAt, moduleId: moduleError } = result.fieldErrors;
    return formErrors({ fieldErrors: { ...(startsAt && { startsOn: startsAt }), ...(dueAt && { dueOn: dueAt }), ...(moduleError && { moduleId: moduleError }) }, values: form.values });
  }
  return { done: "assigned" as const };
}

const STATUS_CLASS: Record<string, string> = { overdue: "field-error", "not started": "field-error", behind: "field-error" };

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CohortPage() {
  const { dashboard, page, order, inviteMadeOn, team, modules, timeZone, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const values = { ...defaults, moduleId: "", ...refused.values };
  const { cohort, assignments } = dashboard;
  // The study day an instant falls in: an assignment due at the due day's end (4 am the next morning) shows the due day.
  const date = (ms: number) => formatDay(studyDay(ms, timeZone), "long");
  return (
    <section className="cohort">
      <p>
        <Link to="/cohorts">All cohorts</Link>
      </p>
      <h1>{cohort.name}</h1>
      <p className="card">
        Join code: <strong className="join-code">{formatJoinCode(cohort.joinCode)}</strong>
        <br />
        <span className="muted">Learners sign in, open “Join a cohort” on their home page and type this code.</span>
      </p>
      {/* Invite link: the forms post to /cohorts/$cohortId/invite, which shows a new link once. */}
      <InviteLink cohortId={cohort.id} madeOn={inviteMadeOn} />

      <section aria-labelledby="cohort-assessments-heading">
        <h2 id="cohort-assessments-heading">Assessments</h2>
        <p>
          <Link to={`/cohorts/${cohort.id}/assessments`}>Timed assessments and their results</Link> ·{" "}
          <Link to={`/cohorts/${cohort.id}/accommodations`}>Accommodations</Link>
        </p>
      </section>

      <h2>Progress</h2>
      {page.total === 0 ? (
        <p className="card">No learner has joined yet.</p>
      ) : assignments.length === 0 ? (
        <p className="card">Assign a module below to follow its learners’ progress.</p>
      ) : null}
      {page.total > 0 ? <ProgressTable data={{ dashboard, page, order }} date={date} /> : null}
      <p>
        <a href={`/cohorts/${cohort.id}/export.csv`} download>
          Download as CSV
        </a>
      </p>

      {/* Instructors: the owner's forms post to /cohorts/$cohortId/instructors. */}
      <h2>Instructors</h2>
      <CohortTeam cohortId={cohort.id} instructors={team.instructors} mayManage={team.mayManage} />

      {/* Roster: the form posts to /cohorts/$cohortId/roster, which shows the new accounts' links once. */}
      <h2>Add learners from a list</h2>
      <RosterForm cohortId={cohort.id} />

      <h2>Assign a module</h2>
      {assignments.length > 0 ? (
        <ul>
          {assignments.map((a) => (
            <li key={a.id}>
              <Link to={a.moduleUrl}>{a.moduleTitle}</Link>: {date(a.startsAt)} to {date(a.dueAt)}
            </li>
          ))}
        </ul>
      ) : null}
      <FormErrorSummary result={actionData} notice={actionData && "done" in actionData && actionData.done === "assigned" ? "Module assigned." : undefined} />
      <Form method="post" noValidate className="card">
        <input type="hidden" name="intent" value="assign" />
        <Labelled label="Module" name="moduleId" error={refused.fieldErrors.moduleId}>
          <select id="field-moduleId" name="moduleId" defaultValue={values.moduleId} aria-invalid={refused.fieldErrors.moduleId ? true : undefined}>
            <option value="">Choose a module</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.courseTitle}: {m.title}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="Starts on" name="startsOn" error={refused.fieldErrors.startsOn}>
          <input id="field-startsOn" type="date" name="startsOn" defaultValue={values.startsOn} aria-invalid={refused.fieldErrors.startsOn ? true : undefined} />
        </Labelled>
        <Labelled label="Due on (end of the day)" name="dueOn" error={refused.fieldErrors.dueOn}>
          <input id="field-dueOn" type="date" name="dueOn" defaultValue={values.dueOn} aria-invalid={refused.fieldErrors.dueOn ? true : undefined} />
        </Labelled>
        <button type="submit">Assign</button>
      </Form>
    </section>
  );
}

const COLUMNS: readonly { sort: DashboardSort | null; label: string }[] = [
  { sort: "learner", label: "Learner" },
  { sort: null, label: "Module" },
  { sort: "status", label: "Status" },
  { sort: "lessons", label: "Lessons read" },
  { sort: "cards", label: "Cards learned" },
  { sort: "retention", label: "Predicted retention on due date" },
  { sort: "reviews", label: "Reviews, last 7 days" },
  { sort: "due", label: "Due" },
];

/** A link to another order or page of the dashboard (the default order is left out of the query). */
function orderLink(cohortId: string, order: DashboardOrder): string {
  const params = new URLSearchParams();
  if (order.sort !== DEFAULT_ORDER.sort || order.dir !== DEFAULT_ORDER.dir) {
    params.set("sort", order.sort);
    params.set("dir", order.dir);
  }
  if (order.page > 1) params.set("page", String(order.page));
  const query = params.toString();
  return query ? `/cohorts/${cohortId}?${query}` : `/cohorts/${cohortId}`;
}

/**
 * The learners × assigned modules table, one page of learners at a time;
 * each sortable column's header is a link that sorts by it (again: the other
 * way round).
 */
function ProgressTable({ data, date }: { data: Pick<LoaderData, "dashboard" | "page" | "order">; date: (ms: number) => string }) {
  const { dashboard, page, order } = data;
  const { cohort, assignments, rows } = dashboard;
  const first = (page.page - 1) * LEARNERS_PER_PAGE + 1;
  return (
    <>
      <div className="table-scroll">
        <table className="cohort-table">
          <caption className="visually-hidden">Learners {first} to {first + rows.length - 1} of {page.total}</caption>
          <thead>
            <tr>
              {COLUMNS.map(({ sort, label }) => {
                const current = sort !== null && sort === order.sort;
                return (
                  <th key={label} scope="col" aria-sort={current ? (order.dir === "asc" ? "ascending" : "descending") : undefined}>
                    {sort === null ? (
                      label
                    ) : (
                      <Link to={orderLink(cohort.id, { sort, dir: current && order.dir === "asc" ? "desc" : "asc", page: 1 })} preventScrollReset>
                        {label}
                        {current ? <span aria-hidden="true">{order.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                      </Link>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              (row.cells.length > 0 ? row.cells : [null]).map((cell, i) => (
                <tr key={`${row.learner.id} ${i}`}>
                  {i === 0 ? (
                    <th scope="row" rowSpan={Math.max(1, row.cells.length)}>
                      <Link to={`/cohorts/${cohort.id}/learners/${row.learner.id}`}>{row.learner.name}</Link>
                      <br />
                      <span className="muted">{row.learner.email}</span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="learnerId" value={row.learner.id} />
                        <button type="submit" className="secondary" aria-label={`Remove ${row.learner.name} from the cohort`}>
                          Remove
                        </button>
                      </Form>
                    </th>
                  ) : null}
                  {cell ? (
                    <>
                      <td>{assignments[i]!.moduleTitle}</td>
                      <td className={STATUS_CLASS[cell.status]}>{cell.status}</td>
                      <td>
                        {cell.lessonsRead} / {cell.lessonCount}
                      </td>
                      <td>
                        {cell.cardsLearned} / {cell.deckSize}
                      </td>
                      <td>{cell.predictedRetention === null ? "no cards" : percent(cell.predictedRetention)}</td>
                      <td>{cell.reviewsLast7Days}</td>
                      <td>
                        {date(cell.dueAt)}
                        {cell.ownDueDate ? <span className="muted"> (own date)</span> : null}
                      </td>
                    </>
                  ) : (
                    <td colSpan={7} className="muted">
                      Nothing assigned yet
                    </td>
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {page.pageCount > 1 ? (
        <nav aria-label="Pages of learners" className="pager">
          {page.page > 1 ? (
            <Link to={orderLink(cohort.id, { ...order, page: page.page - 1 })} rel="prev">
              Previous
            </Link>
          ) : null}
          <span>
            Learners {first}–{first + rows.length - 1} of {page.total} (page {page.page} of {page.pageCount})
          </span>
          {page.page < page.pageCount ? (
            <Link to={orderLink(cohort.id, { ...order, page: page.page + 1 })} rel="next">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
