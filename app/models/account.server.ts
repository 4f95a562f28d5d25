/**
 * Signing in and signing up as the routes ask for them: the throttle, then
 * the password check or the new account, on the app's database.
 */
import { getDb } from "../db.server";
import { admitSignUp, attemptSignIn, type SignInResult } from "./login-attempt.server";
import { createUser, DuplicateEmailError, type PublicUser } from "./user.server";

export function signIn(input: { email: string; password: string; address: string }, now: number): Promise<SignInResult> {
  return getDb().then((db) => attemptSignIn(db, input, now));
}

export type SignUpResult = { ok: true; user: PublicUser } | { ok: false; reason: "rate-limited" | "duplicate-email" };

/** A new learner account, unless the address has made too many lately or the email is taken. */
export async function signUpLearner(
  input: { name: string; email: string; password: string; timeZone: string },
  address: string,
  now: number,
): Promise<SignUpResult> {
  const db = await getDb();
  if (!(await admitSignUp(db, address, now))) return { ok: false, reason: "rate-limited" };
  try {
    return { ok: true, user: await createUser(db, { ...input, role: "learner" }, now) };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { ok: false, reason: "duplicate-email" };
    throw error;
  }
}
