/**
 * One-time set-password links: issuing them (a roster's new accounts, an
 * account to recover) and using one to choose a password.
 *
 * A link carries a random token (app/link-token.server.ts); the table keeps
 * only its SHA-256, the purpose, the user, who issued it, when it expires and
 * when it was used. Following a link (GET) changes nothing, so a mail or chat
 * preview cannot spend it; choosing the password (POST) spends it in the same
 * transaction that sets the password, revokes every session the user had and
 * removes their other unused links, chained on "not used, not expired", so
 * two posts of one link set one password. Issuing a link for a user replaces
 * the unused ones they had: the newest link is the only one that works.
 *
 * Who may issue one for whom is the callers' to check (an instructor for a
 * learner of their cohort: cohort-learner.server.ts; an admin for anyone);
 * issuing is rate-limited here, per issuer and per user.
 */
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { passwordTokens, passwordTokenPurposes, sessions, users } from "../../db/schema";
import { onAppDb } from "../db.server";
import { hashLinkToken, LINK_TOKEN_BYTES, linkTokenFromBytes, linkTokenLookup } from "../link-token.server";
import { inChunks } from "./chunks";
import { reserveAttempt } from "./login-attempt.server";
import { hashPassword, NO_PASSWORD } from "./user.server";

export type PasswordTokenPurpose = (typeof passwordTokenPurposes)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long a link works. A roster's welcome links go round a class by hand
 * (no mail server), so they last two weeks; a recovery link is asked for by
 * someone waiting for it, so it lasts three days.
 */
export const PASSWORD_LINK_LIFETIME_MS: Readonly<Record<PasswordTokenPurpose, number>> = {
  welcome: 14 * DAY_MS,
  recovery: 3 * DAY_MS,
};

/** A database or an open transaction: issuing links is part of a roster's transaction. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface IssuedLink {
  token: string;
  expiresAt: number;
}

/**
 * New links for the given users (one each), replacing any unused links they
 * had. Returns each user's token, by user id: the only time it exists
 * outside the link itself.
 */
export async function issuePasswordTokens(
  exec: Executor,
  userIds: readonly string[],
  purpose: PasswordTokenPurpose,
  issuerId: string | null,
  now: number,
  drawBytes: (n: number) => Uint8Array = randomBytes,
): Promise<Map<string, IssuedLink>> {
  const expiresAt = now + PASSWORD_LINK_LIFETIME_MS[purpose];
  const issued = new Map<string, IssuedLink>();
  for (const userId of userIds) issued.set(userId, { token: linkTokenFromBytes(drawBytes(LINK_TOKEN_BYTES)), expiresAt });
  for (const part of inChunks(userIds)) {
    await exec.delete(passwordTokens).where(and(inArray(passwordTokens.userId, part), isNull(passwordTokens.usedAt)));
    await exec.insert(passwordTokens).values(
      part.map((userId) => ({
        id: hashLinkToken(issued.get(userId)!.token),
        purpose,
        userId,
        issuedBy: issuerId,
        createdAt: now,
        expiresAt,
      })),
    );
  }
  return issued;
}

/**
 * Recovery links per hour: an instructor handing out a few, not one running
 * through a roster of accounts; and a handful per user, enough for a link
 * lost or mistyped.
 */
export const LINK_ISSUE_LIMITS = { windowMs: HOUR_MS, maxPerIssuer: 30, maxPerUser: 5 };

export type RecoveryLinkResult = ({ ok: true } & IssuedLink) | { ok: false; reason: "rate-limited" };

/** A recovery link for a user the caller may reach, under the issuing limits. */
export async function issueRecoveryLink(
  db: Database,
  issuerId: string,
  userId: string,
  now: number,
  limits = LINK_ISSUE_LIMITS,
): Promise<RecoveryLinkResult> {
  const slots = await reserveAttempt(
    db,
    [
      { key: `link-by:${issuerId}`, max: limits.maxPerIssuer },
      { key: `link-for:${userId}`, max: limits.maxPerUser },
    ],
    now,
    limits.windowMs,
  );
  if (slots.length === 0) return { ok: false, reason: "rate-limited" };
  const link = (await issuePasswordTokens(db, [userId], "recovery", issuerId, now)).get(userId)!;
  return { ok: true, ...link };
}

/** A recovery link for any account (an admin's "any" permission); null when there is no such account. */
export async function issueRecoveryLinkForUser(db: Database, issuerId: string, userId: string, now: number): Promise<RecoveryLinkResult | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return user ? issueRecoveryLink(db, issuerId, userId, now) : null;
}

/** Why a link does not open: not one of ours (mistyped, forged, or replaced by a newer one), spent, or too old. */
export type LinkRefusal = "unknown" | "used" | "expired";

export type PasswordLinkLookup =
  | {
      ok: true;
      purpose: PasswordTokenPurpose;
      expiresAt: number;
      user: { id: string; email: string; name: string };
      /** The account has never had a password (made from a roster): the page asks for the device's zone too. */
      firstPassword: boolean;
    }
  | { ok: false; reason: LinkRefusal };

async function lookUp(exec: Executor, hash: string, now: number): Promise<PasswordLinkLookup> {
  const [row] = await exec
    .select({
      purpose: passwordTokens.purpose,
      expiresAt: passwordTokens.expiresAt,
      usedAt: passwordTokens.usedAt,
      user: { id: users.id, email: users.email, name: users.name },
      passwordHash: users.passwordHash,
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.id, hash))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt !== null) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  const firstPassword = row.purpose === "welcome" || row.passwordHash === NO_PASSWORD;
  return { ok: true, purpose: row.purpose, expiresAt: row.expiresAt, user: row.user, firstPassword };
}

/** What a link opens, without spending it. */
export async function findPasswordLink(db: Database, token: string, now: number): Promise<PasswordLinkLookup> {
  const hash = linkTokenLookup(token);
  return hash ? lookUp(db, hash, now) : { ok: false, reason: "unknown" };
}

export type SetPasswordResult = { ok: true; userId: string } | { ok: false; reason: LinkRefusal };

/**
 * Spends the link: sets the password, revokes every session the user had and
 * removes their other unused links, in one transaction. A first password (a
 * welcome link, or any link for an account made without a password) also
 * records the device's time zone, since the account was made without one; a
 * recovery link for an account in use leaves its settings alone. Nothing changes unless
 * the link is still good when the transaction runs.
 */
export async function setPasswordWithLink(
  db: Database,
  token: string,
  password: string,
  device: { timeZone: string | null },
  now: number,
): Promise<SetPasswordResult> {
  const hash = linkTokenLookup(token);
  if (!hash) return { ok: false, reason: "unknown" };
  const before = await lookUp(db, hash, now);
  if (!before.ok) return before;
  // argon2 runs outside the transaction: the write lock is held only while the rows change.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<SetPasswordResult> => {
    const [spent] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.id, hash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
      .returning({ userId: passwordTokens.userId, purpose: passwordTokens.purpose });
    if (!spent) {
      // Spent or expired between the check and now (another post of the same link).
      const after = await lookUp(tx, hash, now);
      return after.ok ? { ok: false, reason: "used" } : after;
    }
    // An account that never had a password (made from a roster) was made without a zone too, whatever the link's purpose.
    const zone = before.firstPassword && device.timeZone ? { timeZone: device.timeZone } : {};
    await tx.update(users).set({ passwordHash, ...zone }).where(eq(users.id, spent.userId));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, spent.userId), isNull(sessions.revokedAt)));
    await tx.delete(passwordTokens).where(and(eq(passwordTokens.userId, spent.userId), isNull(passwordTokens.usedAt)));
    return { ok: true, userId: spent.userId };
  });
}

export const findPasswordLinkOnAppDb = onAppDb(findPasswordLink);
export const setPasswordWithLinkOnAppDb = onAppDb(setPasswordWithLink);
export const issueRecoveryLinkForUserOnAppDb = onAppDb(issueRecoveryLinkForUser);
