import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUserWithPermission } from "~/auth.server";
import { formatDay } from "~/components/charts/format";
import { CopyField } from "~/components/copy-field";
import { FormErrorSummary } from "~/components/form-fields";
import { formErrors, parseForm, unreadableForm } from "~/forms/parse-form.server";
import { studyDay } from "~/learning/day";
import { onAppDb } from "~/db.server";
import { issueRecoveryLinkForUserOnAppDb } from "~/models/password-token.server";
import { searchUsersByEmail, USER_SEARCH_LIMIT } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Users · Cairn" }];

const searchUsersOnAppDb = onAppDb(searchUsersByEmail);
const SEARCH_MAX = 254;

export const LINK_LIMITED = "Too many set-password links were made lately; wait an hour and try again.";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireUserWithPermission(request, "read:user:any");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  return { q, users: q ? await searchUsersOnAppDb(q) : null, limit: USER_SEARCH_LIMIT, timeZone: admin.timeZone };
}

const linkSchema = z.object({ intent: z.literal("recovery-link"), userId: z.string().min(1).max(200) }, unreadableForm);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "create:password-link:any");
  const form = await parseForm(request, linkSchema);
  if (!form.ok) return form.response;
  const issued = await issueRecoveryLinkForUserOnAppDb(admin.id, form.data.userId, Date.now());
  if (!issued) throw new Response("There is no such user.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!issued.ok) return formErrors({ formError: LINK_LIMITED }, 429);
  return {
    userId: form.data.userId,
    link: `${new URL(request.url).origin}/set-password/${issued.token}`,
    expiresOn: studyDay(issued.expiresAt, admin.timeZone),
  };
}

export default function AdminUsers() {
  const { q, users, limit, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const issued = actionData && "link" in actionData ? actionData : null;
  return (
    <section className="admin-users">
      <h1>Users</h1>
      <Form method="get" className="card" role="search">
        <div className="field">
          <label htmlFor="field-q">Email contains</label>
          <input id="field-q" type="search" name="q" defaultValue={q} maxLength={SEARCH_MAX} autoComplete="off" />
        </div>
        <button type="submit">Search</button>
      </Form>
      <FormErrorSummary result={actionData} />
      {users === null ? null : users.length === 0 ? (
        <p className="card">No account’s email contains “{q}”.</p>
      ) : (
        <>
          {users.length === limit ? <p className="muted">The first {limit} matches; type more of the email to narrow them down.</p> : null}
          <ul className="list-plain">
            {users.map((u) => (
              <li key={u.id} className="card">
                <strong>{u.name}</strong> <span className="muted">({u.role})</span>
                <br />
                {u.email}
                <br />
                <span className="muted">
                  Since {formatDay(studyDay(u.createdAt, timeZone), "long")}
                  {u.hasPassword ? "" : " · has not chosen a password yet"}
                </span>
                {issued?.userId === u.id ? (
                  <div>
                    <p>Give them this link to choose a new password: shown only now, works once, until {formatDay(issued.expiresOn, "long")}.</p>
                    <CopyField id={`link-${u.id}`} label={`set-password link for ${u.email}`} value={issued.link} />
                  </div>
                ) : (
                  // The search stays in the address, so the list is still there after the post.
                  <Form method="post" action={`?${new URLSearchParams({ q })}`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" name="intent" value="recovery-link" className="secondary">
                      Make a set-password link
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
