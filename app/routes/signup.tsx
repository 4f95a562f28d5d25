import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireAnonymous, safeRedirect, signInResponse } from "~/auth.server";
import { DeviceTimeZone } from "~/components/device-time-zone";
import { Field, FormErrorSummary, FORM_ERROR_ID, NewPasswordField, refusedForm } from "~/components/form-fields";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { joinFromRedirectOnAppDb } from "~/models/cohort-invite.server";
import { deviceTimeZone, deviceTimeZoneFields } from "~/forms/account-form.server";
import { signUpLearner } from "~/models/account.server";
import { emailSchema, nameSchema, passwordSchema } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Create an account · Cairn" }];

export const DUPLICATE_EMAIL = "An account with this email already exists. Sign in instead.";
export const SIGN_UP_LIMITED = "Too many accounts were created from your network recently. Please try again in an hour.";

// No role field: every sign-up is a learner, whatever else the form carries.
const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  redirectTo: z.string().optional(),
  // The device's zone, filled in by the page's script; without JavaScript, the learner's choice.
  ...deviceTimeZoneFields,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  await requireAnonymous(request, redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, signUpSchema);
  if (!form.ok) return form.response;
  const { name, email, password, redirectTo } = form.data;
  // A zone this server does not know is not the learner's fault: UTC, which settings can change.
  const timeZone = deviceTimeZone(form.data) ?? "UTC";
  const result = await signUpLearner({ name, email, password, timeZone }, clientAddress(request, context), Date.now());
  if (result.ok) {
    // Back from an invite link's page: join its cohort now (a POST), so the learner lands in it.
    const asker = { learnerId: result.user.id, address: clientAddress(request, context) };
    return signInResponse(result.user.id, await joinFromRedirectOnAppDb(asker, safeRedirect(redirectTo), Date.now()));
  }
  if (result.reason === "rate-limited") return formErrors({ formError: SIGN_UP_LIMITED, values: form.values }, 429);
  return formErrors({ fieldErrors: { email: DUPLICATE_EMAIL }, values: form.values });
}

export default function SignUp() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { fieldErrors, values } = refusedForm(actionData);
  return (
    <section className="card auth-card">
      <h1>Create an account</h1>
      <Form method="post" noValidate aria-describedby={actionData ? FORM_ERROR_ID : undefined}>
        <FormErrorSummary result={actionData} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="name" label="Name" autoComplete="name" maxLength={100} error={fieldErrors.name} defaultValue={values.name} />
        <Field name="email" label="Email" type="email" autoComplete="email" error={fieldErrors.email} defaultValue={values.email} />
        <NewPasswordField label="Password" error={fieldErrors.password} />
        <DeviceTimeZone />
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
