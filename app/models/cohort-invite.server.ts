/**
 * A cohort's invite link: joining by a link as well as by the code. The link
 * carries a token (teaching/invite-token.server.ts) whose SHA-256 alone is
 * stored, so the link is shown once, when it is made; making a new one
 * replaces it (the old link stops working) and turning it off deletes it.
 *
 * Joining by a link goes through the join code's limits (joinUnderLimits):
 * the same slots per learner and per address, so neither way is a second
 * budget for guessing. Following a link (the page's GET) only shows the
 * cohort's name; joining is a POST, or the sign-in or sign-up that the page
 * sends a signed-out visitor to, which comes back with the link as its
 * redirectTo and joins then (joinFromRedirect).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cohortInvites, cohorts } from "../../db/schema";
import { hashInviteToken, INVITE_TOKEN_BYTES, inviteTokenFromBytes, inviteTokenLookup } from "../teaching/invite-token.server";
import { findCohort, JOIN_LIMITS, joinUnderLimits, onAppDb, type CohortScope, type JoinResult } from "./cohort.server";

export interface InviteStatus {
  cohort: { id: string; name: string };
  /** When the current link was made; null when the cohort has none. */
  createdAt: number | null;
}

/** Whether a cohort the scope reaches has an invite link; null when not reached. */
export async function inviteStatus(db: Database, scope: CohortScope, cohortId: string): Promise<InviteStatus | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  const [row] = await db.select({ createdAt: cohortInvites.createdAt }).from(cohortInvites).where(eq(cohortInvites.cohortId, cohortId));
  return { cohort: { id: cohort.id, name: cohort.name }, createdAt: row?.createdAt ?? null };
}

/** A new invite link for the cohort, replacing any it had; its token is returned once. Null when not reached. */
export async function renewInvite(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  now: number,
  drawBytes: (n: number) => Uint8Array = randomBytes,
): Promise<{ token: string } | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const token = inviteTokenFromBytes(drawBytes(INVITE_TOKEN_BYTES));
  const row = { cohortId, tokenHash: hashInviteToken(token), createdBy: scope.userId, createdAt: now };
  await db
    .insert(cohortInvites)
    .values(row)
    .onConflictDoUpdate({ target: cohortInvites.cohortId, set: { tokenHash: row.tokenHash, createdBy: row.createdBy, createdAt: now } });
  return { token };
}

/** Turns the cohort's invite link off; null when not reached, false when it had none. */
export async function turnOffInvite(db: Database, scope: CohortScope, cohortId: string): Promise<boolean | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const removed = await db.delete(cohortInvites).where(eq(cohortInvites.cohortId, cohortId)).returning({ cohortId: cohortInvites.cohortId });
  return removed.length > 0;
}

/** The cohort a link's token opens, or null (malformed, replaced, turned off). Changes nothing. */
export async function findInvite(db: Database, token: string): Promise<{ id: string; name: string } | null> {
  const hash = inviteTokenLookup(token);
  if (!hash) return null;
  const [row] = await db
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohortInvites)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvites.cohortId))
    .where(eq(cohortInvites.tokenHash, hash))
    .limit(1);
  return row ?? null;
}

export const INVITE_UNKNOWN =
  "This invite link does not work: it may have been turned off or replaced by a new one. Ask your instructor for the current link or the join code.";

/** A learner joins the cohort whose invite link they followed, under the join code's limits. */
export async function joinByInvite(
  db: Database,
  asker: { learnerId: string; address: string },
  token: string,
  now: number,
  limits = JOIN_LIMITS,
): Promise<JoinResult> {
  // A token that cannot be one of ours costs nothing, as a malformed join code does.
  if (!inviteTokenLookup(token)) return { ok: false, reason: "invalid", error: INVITE_UNKNOWN };
  return joinUnderLimits(db, asker, () => findInvite(db, token), now, limits, INVITE_UNKNOWN);
}

/** An invite link's path: where a signed-out visitor is sent back to after signing in or up. */
export function invitePath(token: string): string {
  return `/join/${token}`;
}

const INVITE_PATH = /^\/join\/([A-Za-z0-9_-]{43})$/;

/**
 * After signing in or up with an invite link as the redirectTo: joins its
 * cohort and goes home, where its assignments come first. Elsewhere, or
 * when joining fails (the invite page then says why), goes where it was headed.
 */
export async function joinFromRedirect(db: Database, asker: { learnerId: string; address: string }, redirectTo: string, now: number): Promise<string> {
  const invite = INVITE_PATH.exec(redirectTo);
  if (!invite) return redirectTo;
  const joined = await joinByInvite(db, asker, invite[1]!, now);
  return joined.ok ? "/" : redirectTo;
}

export const inviteStatusOnAppDb = onAppDb(inviteStatus);
export const renewInviteOnAppDb = onAppDb(renewInvite);
export const turnOffInviteOnAppDb = onAppDb(turnOffInvite);
export const findInviteOnAppDb = onAppDb(findInvite);
export const joinByInviteOnAppDb = onAppDb(joinByInvite);
export const joinFromRedirectOnAppDb = onAppDb(joinFromRedirect);
