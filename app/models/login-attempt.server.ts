/**
 * Sign-in attempts: checking credentials under a rate limit.
 *
 * Failed sign-ins are rows in login_attempts keyed "email:<address>" and
 * "ip:<address>", so the limit holds across several app servers sharing one
 * database. Too many recent failures for the account or for the client's
 * address refuse the attempt before any password is checked. A successful
 * sign-in clears the account's failures (not the address's: one right
 * password must not reset an address that is guessing at many accounts).
 */
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginAttempts } from "../../db/schema";
import { normaliseEmail, verifyCredentials, type PublicUser } from "./user.server";

export interface RateLimits {
  windowMs: number;
  maxPerAccount: number;
  maxPerAddress: number;
}

export const SIGN_IN_LIMITS: RateLimits = {
  windowMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerAddress: 20,
};

export function accountKey(email: string): string {
  return `email:${normaliseEmail(email)}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

/** Attempts recorded under `key` after `since`. */
async function countAttempts(db: Database, key: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
  return Number(row?.n ?? 0);
}

/** Whether sign-ins for this account or from this address are refused right now. */
export async function isSignInLimited(
  db: Database,
  who: { email: string; address: string },
  now: number,
  limits: RateLimits = SIGN_IN_LIMITS,
): Promise<boolean> {
  const since = now - limits.windowMs;
  const [account, address] = await Promise.all([
    countAttempts(db, accountKey(who.email), since),
    countAttempts(db, addressKey(who.address), since),
  ]);
  return account >= limits.maxPerAccount || address >= limits.maxPerAddress;
}

export async function recordFailedSignIn(
  db: Database,
  who: { email: string; address: string },
  now: number,
  limits: RateLimits = SIGN_IN_LIMITS,
): Promise<void> {
  await recordAttempts(db, [accountKey(who.email), addressKey(who.address)], now, limits.windowMs);
}

/** Records an attempt under each key, pruning those keys' rows older than the window. */
async function recordAttempts(db: Database, keys: string[], now: number, windowMs: number): Promise<void> {
  await db.batch([
    db.insert(loginAttempts).values(keys.map((key) => ({ key, attemptedAt: now }))),
    // Rows older than the window count for nothing; prune these keys' as we go.
    db.delete(loginAttempts).where(and(inArray(loginAttempts.key, keys), lte(loginAttempts.attemptedAt, now - windowMs))),
  ]);
}

export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, accountKey(email)));
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
  const who = { email: input.email, address: input.address };
  if (await isSignInLimited(db, who, now, limits)) return { ok: false, reason: "rate-limited" };
  const user = await verifyCredentials(db, input.email, input.password);
  if (!user) {
    await recordFailedSignIn(db, who, now, limits);
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(db, input.email);
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
  const key = signUpKey(address);
  if ((await countAttempts(db, key, now - limits.windowMs)) >= limits.maxPerAddress) return false;
  await recordAttempts(db, [key], now, limits.windowMs);
  return true;
}

