/**
 * The header's account corner: who is signed in and a sign-out button, or
 * links to sign in and sign up. Sign-out is a POST form, so it works without
 * JavaScript and cannot be triggered by a link or a prefetch.
 */
import { Form, Link } from "@remix-run/react";
import { forgetAttemptPages } from "~/client/attempt-cache";

export interface UserMenuProps {
  user: { name: string; role: string } | null;
}

export function UserMenu({ user }: UserMenuProps) {
  if (!user) {
    return (
      <nav className="user-menu" aria-label="Account">
        <Link to="/signin">Sign in</Link>
        <span aria-hidden="true"> / </span>
        <Link to="/signup">Sign up</Link>
      </nav>
    );
  }
  return (
    <nav className="user-menu" aria-label="Account">
      <span className="user-menu-name">
        {user.name}
        {user.role !== "learner" ? <span className="muted"> ({user.role})</span> : null}
      </span>
      <Form method="post" action="/signout" onSubmit={forgetAttemptPages}>
        <button type="submit" className="secondary">
          Sign out
        </button>
      </Form>
    </nav>
  );
}
