import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { permissionScope, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { CohortTeam } from "~/components/cohort-team";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { formErrors, parseForm, unreadableForm } from "~/forms/parse-form.server";
import { addCoInstructorOnAppDb, cohortTeamOnAppDb, NOT_OWNER, removeCoInstructorOnAppDb } from "~/models/cohort-instructors.server";
import { emailSchema, type Role } from "~/models/user.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Instructors · ${data?.team.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = () => new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:cohort:own");
  const team = await cohortTeamOnAppDb(permissionScope(user, "read:cohort"), params.cohortId ?? "");
  if (!team) throw notFound();
  return { team };
}

const teamSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("add"), email: emailSchema }), z.object({ intent: z.literal("remove"), userId: z.string().min(1).max(200) })],
  unreadableForm,
);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const form = await parseForm(request, teamSchema);
  if (!form.ok) return form.response;
  const scope = permissionScope(user, "update:cohort");
  const cohortId = params.cohortId ?? "";
  // Teaching a cohort is the permission the cohort pages ask for.
  const mayTeach = (role: Role) => userHasPermission({ role }, "update:cohort:own");
  const changed =
    form.data.intent === "add"
      ? await addCoInstructorOnAppDb(scope, cohortId, form.data.email, mayTeach)
      : await removeCoInstructorOnAppDb(scope, cohortId, form.data.userId);
  if (!changed) throw notFound();
  if (!changed.ok && changed.reason === "not-owner") {
    throw new Response(NOT_OWNER, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!changed.ok) {
    return form.data.intent === "add" ? formErrors({ fieldErrors: { email: changed.error }, values: form.values }) : formErrors({ formError: changed.error });
  }
  return { done: form.data.intent === "add" ? `${changed.name} now teaches this cohort.` : `${changed.name} no longer teaches this cohort.` };
}

export default function InstructorsPage() {
  const { team } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  return (
    <section className="instructors">
      <p>
        <Link to={`/cohorts/${team.cohort.id}`}>Back to {team.cohort.name}</Link>
      </p>
      <h1>Instructors of {team.cohort.name}</h1>
      <FormErrorSummary result={actionData} notice={actionData && "done" in actionData ? actionData.done : undefined} />
      <CohortTeam
        cohortId={team.cohort.id}
        instructors={team.instructors}
        mayManage={team.mayManage}
        emailError={refused.fieldErrors.email}
        email={refused.values.email}
      />
    </section>
  );
}
