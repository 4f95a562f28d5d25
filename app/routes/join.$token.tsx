import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, getUser, requireUserWithPermission, userHasPermission } from "~/auth.server";
import { FormErrorSummary } from "~/components/form-fields";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { findInviteOnAppDb, INVITE_UNKNOWN, invitePath, joinByInviteOnAppDb } from "~/models/cohort-invite.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Join ${data?.cohort.name ?? "a cohort"} · Cairn` }];

// Following the link shows the cohort and a button: a GET never joins (a link preview or an image must not).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [cohort, user] = await Promise.all([findInviteOnAppDb(params.token ?? ""), getUser(request)]);
  if (!cohort) throw new Response(INVITE_UNKNOWN, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return {
    cohort,
    path: invitePath(params.token ?? ""),
    signedIn: user ? { name: user.name, mayJoin: userHasPermission(user, "join:cohort:own") } : null,
  };
}

const joinSchema = z.object({});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const learner = await requireUserWithPermission(request, "join:cohort:own");
  const form = await parseForm(request, joinSchema);
  if (!form.ok) return form.response;
  const joined = await joinByInviteOnAppDb({ learnerId: learner.id, address: clientAddress(request, context) }, params.token ?? "", Date.now());
  if (!joined.ok) return formErrors({ formError: joined.error }, joined.reason === "rate-limited" ? 429 : 400);
  // Home lists the cohort's assignments first.
  return redirect("/");
}

export default function JoinByLink() {
  const { cohort, path, signedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `?${new URLSearchParams({ redirectTo: path })}`;
  return (
    <section className="card auth-card">
      <h1>Join {cohort.name}</h1>
      <FormErrorSummary result={actionData} />
      {signedIn ? (
        signedIn.mayJoin ? (
          <Form method="post">
            <p>You are invited to join {cohort.name}: its assignments will appear first on your home page.</p>
            <button type="submit">Join {cohort.name}</button>
          </Form>
        ) : null
      ) : (
        <>
          <p>You are invited to join {cohort.name}. Sign in, or create an account, and you will be in it.</p>
          <p className="auth-actions">
            <Link className="button" to={`/signin${back}`}>
              Sign in
            </Link>
            <Link className="button secondary" to={`/signup${back}`}>
              Create an account
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
