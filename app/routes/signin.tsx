import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireAnonymous, safeRedirect, signInResponse } from "~/auth.server";
import { Field, FormErrorSummary, FORM_ERROR_ID, refusedForm } from "~/components/form-fields";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { joinFromRedirectOnAppDb } from "~/models/cohort-invite.server";
import { signIn } from "~/models/account.server";
import { emailSchema, PASSWORD_MAX } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Cairn" }];

/** One message for an unknown email and a wrong password alike. */
export const SIGN_IN_FAILED = "That email and password do not match an account.";
export const SIGN_IN_LIMITED = "Too many sign-in attempts. Please wait 15 minutes and try again.";
const SESSION_ENDED = "Your session has ended. Sign in again to carry on; nothing was changed.";

// Only an upper bound here: the length rules are for choosing a password,
// and a too-long one must not cost an argon2 run.
const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  await requireAnonymous(request, redirectTo);
  return { redirectTo, sessionEnded: url.searchParams.get("reason") === "expired" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, signInSchema);
  if (!form.ok) return form.response;
  const { email, password, redirectTo } = form.data;
  const result = await signIn({ email, password, address: clientAddress(request, context) }, Date.now());
  if (!result.ok) {
    const limited = result.reason === "rate-limited";
    return formErrors({ formError: limited ? SIGN_IN_LIMITED : SIGN_IN_FAILED, values: form.values }, limited ? 429 : 400);
  }
  // Back from an invite link's page: join its cohort now (a POST), so the learner lands in it.
  const asker = { learnerId: result.user.id, address: clientAddress(request, context) };
  return signInResponse(result.user.id, await joinFromRedirectOnAppDb(asker, safeRedirect(redirectTo), Date.now()));
}

export default function SignIn() {
  const { redirectTo, sessionEnded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { fieldErrors, values } = refusedForm(actionData);
  return (
    <section className="card auth-card">
      <h1>Sign in</h1>
      <Form method="post" noValidate aria-describedby={actionData || sessionEnded ? FORM_ERROR_ID : undefined}>
        <FormErrorSummary result={actionData} notice={sessionEnded && !actionData ? SESSION_ENDED : undefined} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" label="Email" type="email" autoComplete="email" error={fieldErrors.email} defaultValue={values.email} />
        <Field name="password" label="Password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </p>
      </Form>
      <p className="muted">
        New to Cairn? <Link to={{ pathname: "/signup", search: `?redirectTo=${encodeURIComponent(redirectTo)}` }}>Create an account</Link>
      </p>
    </section>
  );
}
