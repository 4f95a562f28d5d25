import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, getUser, parseForm, safeRedirect, signInResponse } from "~/auth.server";
import { Field, FormError, FORM_ERROR_ID } from "~/components/auth-form";
import { getDb } from "~/db.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/models/account-rules";
import { admitSignUp } from "~/models/login-attempt.server";
import { createUser, DuplicateEmailError, emailSchema, nameSchema, passwordSchema } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Create an account · Cairn" }];

export const DUPLICATE_EMAIL = "An account with this email already exists. Sign in instead.";

// No role field: every sign-up is a learner, whatever else the form carries.
const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  // Echoed back so a page re-rendered without JavaScript keeps what was typed (never the password).
  const values = { name: String(formData.get("name") ?? "").slice(0, 200), email: String(formData.get("email") ?? "").slice(0, 254) };
  const form = parseForm(signUpSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values }, { status: 400 });
  const { name, email, password, redirectTo } = form.data;
  const db = await getDb();
  if (!(await admitSignUp(db, clientAddress(request, context), Date.now()))) {
    return data(
      { fieldErrors: { form: "Too many accounts were created from your network recently. Please try again in an hour." } as Record<string, string>, values },
      { status: 429 },
    );
  }
  try {
    const user = await createUser(db, { name, email, password, role: "learner" }, Date.now());
    return signInResponse(user.id, safeRedirect(redirectTo));
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      return data({ fieldErrors: { email: DUPLICATE_EMAIL } as Record<string, string>, values }, { status: 400 });
    }
    throw error;
  }
}

export default function SignUp() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section className="card auth-card">
      <h1>Create an account</h1>
      <Form method="post" noValidate aria-describedby={hasErrors ? FORM_ERROR_ID : undefined}>
        <FormError message={errors.form ?? (hasErrors ? "Please correct the fields marked below." : undefined)} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="name" label="Name" autoComplete="name" maxLength={100} error={errors.name} defaultValue={actionData?.values.name} />
        <Field name="email" label="Email" type="email" autoComplete="email" error={errors.email} defaultValue={actionData?.values.email} />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          error={errors.password}
        />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? "Creating your account…" : "Create account"}
          </button>
        </p>
      </Form>
      <p className="muted">
        Already have an account? <Link to={{ pathname: "/signin", search: `?redirectTo=${encodeURIComponent(redirectTo)}` }}>Sign in</Link>
      </p>
    </section>
  );
}
