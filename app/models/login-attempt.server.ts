/**
 * Sign-in attempts: checking credentials under a rate limit.
 *
 * Every attempt is a row in login_attempts under three keys: the account and
 * address together ("pair:"), the account ("email:") and the address
 * ("ip:"), so the limit holds across several app servers sharing one
 * database. The ceilings differ so that an attacker is slowed without the
 * owner being locked out: one address may try an account only a few times
 * (the pair's low ceiling), an account may be tried from everywhere a good
 * many times more (its higher ceiling, so guessing from one address does not
 * lock the owner out on theirs), and one address may try many accounts up to
 * a high ceiling (a classroom behind one NAT is many learners, not one
 * attacker).
 *
 * The slot is reserved before the password is checked, in one INSERT … SELECT
 * that counts and inserts in a single statement (SQLite runs it under the
 * write lock, so two servers cannot both take the last slot): at most the
 * ceiling's number of passwords are ever checked, however many guesses
 * arrive at once. A successful sign-in gives its slots back: the account's
 * and the pair's rows are cleared (the owner is in), and so is this
 * attempt's row under the address (a right password is not guessing).
 */
import { eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginAttempts } from "../../db/schema";
import { normaliseEmail, verifyCredentials, type PublicUser } from "./user.server";

export interface RateLimits {
  windowMs: number;
  /** Attempts at one account from one address. */
  maxPerAccountAddress: number;
  /** Attempts at one account from all addresses together. */
  maxPerAccount: number;
  /** Attempts from one address at all accounts together. */
  maxPerAddress: number;
}

export const SIGN_IN_LIMITS: RateLimits = {
  windowMs: 15 * 60 * 1000,
  maxPerAccountAddress: 5,
  maxPerAccount: 25,
  maxPerAddress: 100,
};

export function accountKey(email: string): string {
  return `email:${normaliseEmail(email)}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

export function accountAddressKey(email: string, address: string): string {
  return `pair:${normaliseEmail(email)}|${address}`;
}

/**
 * Takes one slot under every key, or none: one statement counts each key's
 * attempts in the window and inserts a row per key only when every count is
 * below its ceiling. Returns the inserted rows (empty when refused). Rows
 * older than the window are pruned afterwards; they count for nothing.
 */
export async function reserveAttempt(
  db: Database,
  ceilings: { key: string; max: number }[],
  now: number,
  windowMs: number,
): Promise<{ id: number; key: string }[]> {
  const since = now - windowMs;
  const underEveryCeiling = sql.join(
    ceilings.map(
      ({ key, max }) => sql`(SELECT count(*) FROM ${loginAttempts} WHERE ${loginAttempts.key} = ${key} AND ${loginAttempts.attemptedAt} > ${since}) < ${max}`,
    ),
    sql` AND `,
  );
  const keys = JSON.stringify(ceilings.map((c) => c.key));
  const rows = await db.all<{ id: number; key: string }>(
    sql`INSERT INTO ${loginAttempts} (key, attempted_at) SELECT value, ${now} FROM json_each(${keys}) WHERE ${underEveryCeiling} RETURNING id, key`,
  );
  await db.run(
    sql`DELETE FROM ${loginAttempts} WHERE ${loginAttempts.key} IN (SELECT value FROM json_each(${keys})) AND ${loginAttempts.attemptedAt} <= ${since}`,
  );
  return rows.map((r) => ({ id: Number(r.id), key: String(r.key) }));
}

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" | "rate-limited" };

/**
 * Checks an email and password under the rate limit. "invalid" covers both an
 * unknown email and a wrong password, so callers cannot tell them apart.
 */
export async function attemptSignIn(
  db: Database,
  input: { email: string; password: string; address: string },
  now: number,
  limits: RateLimits = SIGN_IN_LIMITS,
): Promise<SignInResult> {
  const pair = accountAddressKey(input.email, input.address);
  const account = accountKey(input.email);
  const address = addressKey(input.address);
  const slots = await reserveAttempt(
    db,
    [
      { key: pair, max: limits.maxPerAccountAddress },
      { key: account, max: limits.maxPerAccount },
      { key: address, max: limits.maxPerAddress },
    ],
    now,
    limits.windowMs,
  );
  if (slots.length === 0) return { ok: false, reason: "rate-limited" };
  const user = await verifyCredentials(db, input.email, input.password);
  if (!user) return { ok: false, reason: "invalid" };
  const addressSlot = slots.find((s) => s.key === address)?.id ?? -1;
  await db.delete(loginAttempts).where(or(inArray(loginAttempts.key, [pair, account]), eq(loginAttempts.id, addressSlot)));
  return { ok: true, user };
}

/**
 * Sign-ups per client address: each costs an argon2id hash (tens of ms of
 * CPU) and a row, so one address may create only so many accounts an hour.
 * Every attempt past validation counts, successful or not.
 */
export const SIGN_UP_LIMITS = { windowMs: 60 * 60 * 1000, maxPerAddress: 10 };

function signUpKey(address: string): string {
  return `signup:${address}`;
}

/**
 * Counts a sign-up attempt from `address`; false when the address has used up
 * its sign-ups for the window (the attempt is then not counted).
 */
export async function admitSignUp(
  db: Database,
  address: string,
  now: number,
  limits = SIGN_UP_LIMITS,
): Promise<boolean> {
  const slots = await reserveAttempt(db, [{ key: signUpKey(address), max: limits.maxPerAddress }], now, limits.windowMs);
  return slots.length > 0;
}
