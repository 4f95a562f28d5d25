import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, getUser, parseForm, safeRedirect, signInResponse } from "~/auth.server";
import { Field, FormError, FORM_ERROR_ID } from "~/components/auth-form";
import { getDb } from "~/db.server";
import { attemptSignIn } from "~/models/login-attempt.server";
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
  if (await getUser(request)) throw redirect(redirectTo);
  return { redirectTo, sessionEnded: url.searchParams.get("reason") === "expired" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  // Echoed back so a page re-rendered without JavaScript keeps what was typed.
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const form = parseForm(signInSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: undefined, email }, { status: 400 });
  const { password, redirectTo } = form.data;
  const result = await attemptSignIn(
    await getDb(),
    { email: form.data.email, password, address: clientAddress(request, context) },
    Date.now(),
  );
  if (!result.ok) {
    const limited = result.reason === "rate-limited";
    return data(
      { fieldErrors: {} as Record<string, string>, formError: limited ? SIGN_IN_LIMITED : SIGN_IN_FAILED, email },
      { status: limited ? 429 : 400 },
    );
  }
  return signInResponse(result.user.id, safeRedirect(redirectTo));
}

export default function SignIn() {
  const { redirectTo, sessionEnded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formError = actionData?.formError ?? (sessionEnded && !actionData ? SESSION_ENDED : undefined);
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="card auth-card">
      <h1>Sign in</h1>
      <Form method="post" noValidate aria-describedby={formError ? FORM_ERROR_ID : undefined}>
        <FormError message={formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" label="Email" type="email" autoComplete="email" error={errors.email} defaultValue={actionData?.email} />
        <Field name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
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
