import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { getUser, signInResponse } from "~/auth.server";
import { formatDay } from "~/components/charts/format";
import { DeviceTimeZone } from "~/components/device-time-zone";
import { FormErrorSummary, FORM_ERROR_ID, NewPasswordField, refusedForm } from "~/components/form-fields";
import { deviceTimeZone, setPasswordSchema } from "~/forms/account-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { findPasswordLinkOnAppDb, setPasswordWithLinkOnAppDb, type LinkRefusal } from "~/models/password-token.server";

export const meta: MetaFunction = () => [{ title: "Choose a password · Cairn" }];

/** What a link that does not open says, for each reason. */
export const LINK_REFUSALS: Record<LinkRefusal, string> = {
  unknown: "This link does not work: it may be mistyped or cut short, or a newer link has replaced it. Ask your instructor for a new one.",
  used: "This link has already been used to choose a password. Sign in with that password, or ask your instructor for a new link.",
  expired: "This link has expired. Ask your instructor for a new one.",
};

export const SIGN_OUT_FIRST = "You are signed in. Sign out first, then open this link again to choose the password.";

// Following the link only shows the form: a GET never spends it (a chat preview fetching the link must not).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [link, user] = await Promise.all([findPasswordLinkOnAppDb(params.token ?? "", Date.now()), getUser(request)]);
  const signedIn = user ? { name: user.name } : null;
  if (!link.ok) return data({ link: null, refusal: LINK_REFUSALS[link.reason], signedIn }, { status: link.reason === "unknown" ? 404 : 410 });
  return {
    link: {
      purpose: link.purpose,
      firstPassword: link.firstPassword,
      email: link.user.email,
      name: link.user.name,
      expiresOn: new Date(link.expiresAt).toISOString().slice(0, 10),
    },
    refusal: null,
    signedIn,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await parseForm(request, setPasswordSchema);
  if (!form.ok) return form.response;
  // Setting a password signs its owner in: with someone else's session in this browser, that would be confusing at best.
  if (await getUser(request)) return formErrors({ formError: SIGN_OUT_FIRST });
  const result = await setPasswordWithLinkOnAppDb(params.token ?? "", form.data.password, { timeZone: deviceTimeZone(form.data) }, Date.now());
  if (!result.ok) return formErrors({ formError: LINK_REFUSALS[result.reason] });
  // Home lists what their cohorts assigned them first.
  return signInResponse(result.userId, "/");
}

type PageData = Exclude<Awaited<ReturnType<typeof loader>>, { init: unknown }> | { link: null; refusal: string; signedIn: { name: string } | null };

export default function SetPassword() {
  // The refusal comes wrapped in data() for its status; the page reads the same fields either way.
  const { link, refusal, signedIn } = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { pathname } = useLocation();
  const { fieldErrors } = refusedForm(actionData);
  if (!link) {
    return (
      <section className="card auth-card">
        <h1>This link cannot be used</h1>
        <p role="alert">{refusal}</p>
        <p>
          <Link to="/signin">Sign in</Link>
        </p>
      </section>
    );
  }
  if (signedIn) {
    return (
      <section className="card auth-card">
        <h1>Choose a password</h1>
        <p>
          You are signed in as {signedIn.name}. This link chooses the password of {link.email}: sign out first, and you will come back here.
        </p>
        <Form method="post" action={`/signout?${new URLSearchParams({ redirectTo: pathname })}`}>
          <button type="submit">Sign out</button>
        </Form>
      </section>
    );
  }
  return (
    <section className="card auth-card">
      <h1>{link.firstPassword ? "Welcome to Cairn" : "Choose a new password"}</h1>
      <p>
        Choose a password for <strong>{link.email}</strong>
        {link.firstPassword ? ` (${link.name})` : ""}. This link works once, until {formatDay(link.expiresOn, "long")}.
      </p>
      <Form method="post" noValidate aria-describedby={actionData ? FORM_ERROR_ID : undefined}>
        <FormErrorSummary result={actionData} />
        {/* Lets a password manager file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
        <NewPasswordField label="New password" error={fieldErrors.password} />
        {link.firstPassword ? <DeviceTimeZone /> : null}
        <p>
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save password and sign in"}
          </button>
        </p>
      </Form>
    </section>
  );
}
