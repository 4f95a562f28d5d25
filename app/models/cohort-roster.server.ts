/**
 * Adding a roster to a cohort: the rows teaching/roster.ts read (already
 * checked, one per email) become members. An email with no account gets a
 * new learner account without a password and a one-time welcome link
 * (password-token.server.ts); an existing learner account is simply added;
 * an instructor's or admin's account is not (a co-instructor is added as
 * one, on the cohort page). Everything is one transaction: a failure midway
 * leaves no account, membership or link behind.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cohortMembers, users } from "../../db/schema";
import type { RosterRow } from "../teaching/roster";
import { NAME_MAX } from "./account-rules";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import { issuePasswordTokens, PASSWORD_LINK_LIFETIME_MS } from "./password-token.server";
import { inChunks } from "./chunks";
import { NO_PASSWORD } from "./user.server";

export type RosterOutcomeKind =
  /** A new learner account, with its welcome link's token. */
  | "created"
  /** An existing learner account, now a member. */
  | "added"
  /** Already a member: nothing changed. */
  | "already-member"
  /** An instructor's or admin's account: not added. */
  | "not-a-learner";

export interface RosterOutcome {
  line: number;
  email: string;
  /** The account's name (a new account's is the roster's, or the email's local part). */
  name: string;
  kind: RosterOutcomeKind;
  /** The set-password token of a created account; shown once, never stored. */
  token?: string;
}

export interface AppliedRoster {
  outcomes: RosterOutcome[];
  /** When the new accounts' links stop working. */
  linksExpireAt: number;
}

/** A new account needs a name: the roster's, else the address's local part ("ada.lovelace"). */
function nameFor(row: RosterRow): string {
  return (row.name ?? row.email.slice(0, row.email.indexOf("@"))).slice(0, NAME_MAX);
}

/**
 * Adds the rows to a cohort the scope reaches, as the module header says;
 * null when the cohort is not reached (nothing is done). Outcomes are in the
 * rows' order.
 */
export async function addRosterToCohort(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  rows: readonly RosterRow[],
  now: number,
  drawBytes: (n: number) => Uint8Array = randomBytes,
): Promise<AppliedRoster | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const outcomes = await db.transaction(async (tx) => {
    const existing = new Map<string, { id: string; name: string; role: string }>();
    for (const part of inChunks(rows.map((r) => r.email))) {
      const found = await tx.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(inArray(users.email, part));
      for (const u of found) existing.set(u.email, u);
    }

    const created = rows
      .filter((r) => !existing.has(r.email))
      .map((r) => ({ id: randomUUID(), email: r.email, name: nameFor(r), role: "learner" as const, passwordHash: NO_PASSWORD, createdAt: now }));
    for (const part of inChunks(created)) await tx.insert(users).values(part);
    const createdId = new Map(created.map((u) => [u.email, u.id]));

    const joining = [
      ...created.map((u) => ({ cohortId, userId: u.id, joinedAt: now, source: "roster-new" as const })),
      ...[...existing.values()]
        .filter((u) => u.role === "learner")
        .map((u) => ({ cohortId, userId: u.id, joinedAt: now, source: "roster-existing" as const })),
    ];
    const joined = new Set<string>();
    for (const part of inChunks(joining)) {
      const inserted = await tx.insert(cohortMembers).values(part).onConflictDoNothing().returning({ userId: cohortMembers.userId });
      for (const m of inserted) joined.add(m.userId);
    }
    const links = await issuePasswordTokens(tx, [...createdId.values()], "welcome", scope.userId, now, drawBytes);

    return rows.map((row): RosterOutcome => {
      const newId = createdId.get(row.email);
      if (newId) return { line: row.line, email: row.email, name: nameFor(row), kind: "created", token: links.get(newId)!.token };
      const account = existing.get(row.email)!;
      const kind = account.role !== "learner" ? "not-a-learner" : joined.has(account.id) ? "added" : "already-member";
      return { line: row.line, email: row.email, name: account.name, kind };
    });
  });
  return { outcomes, linksExpireAt: now + PASSWORD_LINK_LIFETIME_MS.welcome };
}

export const addRosterToCohortOnAppDb = onAppDb(addRosterToCohort);
