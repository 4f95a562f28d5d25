import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { formatDay } from "~/components/charts/format";
import { FormErrorSummary } from "~/components/form-fields";
import { InviteLink } from "~/components/invite-link";
import { parseForm, unreadableForm } from "~/forms/parse-form.server";
import { studyDay } from "~/learning/day";
import { invitePath, inviteStatusOnAppDb, renewInviteOnAppDb, turnOffInviteOnAppDb } from "~/models/cohort-invite.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invite link · ${data?.cohort.name ?? "Cohort"} · Cairn` }];

const notFound = () => new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const status = await inviteStatusOnAppDb(permissionScope(user, "update:cohort"), params.cohortId ?? "");
  if (!status) throw notFound();
  return { cohort: status.cohort, madeOn: status.createdAt === null ? null : formatDay(studyDay(status.createdAt, user.timeZone), "long") };
}

const inviteSchema = z.object({ intent: z.enum(["new", "off"]) }, unreadableForm);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:cohort:own");
  const form = await parseForm(request, inviteSchema);
  if (!form.ok) return form.response;
  const scope = permissionScope(user, "update:cohort");
  const cohortId = params.cohortId ?? "";
  if (form.data.intent === "off") {
    if ((await turnOffInviteOnAppDb(scope, cohortId)) === null) throw notFound();
    return { done: "off" as const };
  }
  const made = await renewInviteOnAppDb(scope, cohortId, Date.now());
  if (!made) throw notFound();
  return { done: "new" as const, link: `${new URL(request.url).origin}${invitePath(made.token)}` };
}

export default function InvitePage() {
  const { cohort, madeOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = actionData && "done" in actionData ? actionData : null;
  return (
    <section className="invite">
      <p>
        <Link to={`/cohorts/${cohort.id}`}>Back to {cohort.name}</Link>
      </p>
      <h1>Invite link for {cohort.name}</h1>
      <FormErrorSummary result={actionData} notice={done?.done === "off" ? "The invite link is off: it no longer works." : undefined} />
      <InviteLink cohortId={cohort.id} madeOn={madeOn} link={done?.done === "new" ? done.link : undefined} />
    </section>
  );
}
