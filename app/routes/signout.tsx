import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { forgetAttemptPages } from "~/client/attempt-cache";
import { getUser, safeRedirect, signOut } from "~/auth.server";

export const meta: MetaFunction = () => [{ title: "Sign out · Cairn" }];

// Signing out changes state, so it is a POST; a GET (a typed URL, a link
// prefetch) only shows the button.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUser(request))) throw redirect("/");
  return null;
}

// A page that needs a signed-out visitor (a set-password link) signs out and comes back: ?redirectTo=.
export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
}

export default function SignOut() {
  return (
    <section className="card auth-card">
      <h1>Sign out</h1>
      <p>Sign out of Cairn on this device?</p>
      <Form method="post" className="auth-actions" onSubmit={forgetAttemptPages}>
        <button type="submit">Sign out</button>
        <Link to="/" className="button secondary">
          Stay signed in
        </Link>
      </Form>
    </section>
  );
}
