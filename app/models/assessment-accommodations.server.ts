/**
 * Accommodations: a learner's profile in a cohort (for every assessment of
 * it) and a per-assessment override, each saved with the deadlines of the
 * learner's attempts in progress recomputed in the same transaction, so the
 * page they are on shows the new time at its next save. The rules (most
 * generous wins, a deadline never reaches back before now) are
 * app/assessment/timing.ts's.
 */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessmentOverrides, assessments, attempts, cohortAccommodations, cohortMembers, users, type Assessment } from "../../db/schema";
import {
  checkAccommodation,
  learnerClock,
  recomputedDeadline,
  type Accommodation,
  type LearnerClock,
} from "../assessment/timing";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import type { Executor } from "./assessment-setup.server";

const MINUTE = 60_000;

type ProfileRow = typeof cohortAccommodations.$inferSelect;
type OverrideRow = typeof assessmentOverrides.$inferSelect;

function extraTimeOf(row: { extraTimeKind: "multiplier" | "minutes" | null; extraTimeValue: number | null }): Accommodation["extraTime"] {
  if (row.extraTimeKind === null || row.extraTimeValue === null) return null;
  return row.extraTimeKind === "multiplier" ? { kind: "multiplier", factor: row.extraTimeValue } : { kind: "minutes", minutes: row.extraTimeValue };
}

export function profileAccommodation(row: ProfileRow): Accommodation {
  return { extraTime: extraTimeOf(row), laterClose: row.laterCloseMinutes === null ? null : { kind: "after", minutes: row.laterCloseMinutes } };
}

export function overrideAccommodation(row: OverrideRow): Accommodation {
  return { extraTime: extraTimeOf(row), laterClose: row.laterCloseAt === null ? null : { kind: "at", at: row.laterCloseAt } };
}

function extraTimeColumns(a: Accommodation) {
  return {
    extraTimeKind: a.extraTime?.kind ?? null,
    extraTimeValue: a.extraTime ? (a.extraTime.kind === "multiplier" ? a.extraTime.factor : a.extraTime.minutes) : null,
  };
}

export function assessmentClock(assessment: Pick<Assessment, "timeLimitMinutes" | "closesAt">) {
  return { timeLimitMs: assessment.timeLimitMinutes * MINUTE, closesAt: assessment.closesAt };
}

/** Each of these learners' clock on the assessment: its limit and close with their profile and override applied. */
export async function learnerClocks(db: Executor, assessment: Assessment, userIds: readonly string[]): Promise<Map<string, LearnerClock>> {
  if (userIds.length === 0) return new Map();
  const [profiles, overrides] = await Promise.all([
    db
      .select()
      .from(cohortAccommodations)
      .where(and(eq(cohortAccommodations.cohortId, assessment.cohortId), inArray(cohortAccommodations.userId, [...userIds]))),
    db
      .select()
      .from(assessmentOverrides)
      .where(and(eq(assessmentOverrides.assessmentId, assessment.id), inArray(assessmentOverrides.userId, [...userIds]))),
  ]);
  const of = new Map<string, Accommodation[]>(userIds.map((id) => [id, []]));
  for (const p of profiles) of.get(p.userId)?.push(profileAccommodation(p));
  for (const o of overrides) of.get(o.userId)?.push(overrideAccommodation(o));
  const clock = assessmentClock(assessment);
  return new Map([...of].map(([userId, list]) => [userId, learnerClock(clock, list)]));
}

/**
 * Moves the deadline of every attempt still in progress (open, deadline
 * ahead) that the change reaches: one assessment's, one learner's on one
 * assessment, or one learner's across a cohort. Run inside the transaction
 * that saved the change.
 */
export async function recomputeOpenDeadlines(
  tx: Executor,
  reach: { assessmentId: string; userId?: string } | { cohortId: string; userId: string },
  now: number,
): Promise<number> {
  const where =
    "cohortId" in reach
      ? and(eq(assessments.cohortId, reach.cohortId), eq(attempts.userId, reach.userId))
      : and(eq(attempts.assessmentId, reach.assessmentId), reach.userId ? eq(attempts.userId, reach.userId) : undefined);
  const open = await tx
    .select({ attempt: attempts, assessment: assessments })
    .from(attempts)
    .innerJoin(assessments, eq(assessments.id, attempts.assessmentId))
    .where(and(where, eq(attempts.status, "open"), gt(attempts.deadline, now)));
  let moved = 0;
  for (const { attempt, assessment } of open) {
    const clock = (await learnerClocks(tx, assessment, [attempt.userId])).get(attempt.userId)!;
    const deadline = recomputedDeadline(attempt.startedAt, clock, now);
    if (deadline === attempt.deadline && clock.limitMs === attempt.limitMs && clock.baseLimitMs === attempt.baseLimitMs) continue;
    await tx
      .update(attempts)
      .set({ deadline, limitMs: clock.limitMs, baseLimitMs: clock.baseLimitMs })
      .where(and(eq(attempts.id, attempt.id), eq(attempts.status, "open")));
    moved++;
  }
  return moved;
}

export interface MemberAccommodation {
  learner: { id: string; name: string; email: string };
  profile: Accommodation | null;
}

/** The cohort's learners with their profiles, by name; null when the scope does not reach the cohort. */
export async function cohortAccommodationList(db: Database, scope: CohortScope, cohortId: string): Promise<MemberAccommodation[] | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const [learners, profiles] = await Promise.all([
    cohortLearners(db, cohortId),
    db.select().from(cohortAccommodations).where(eq(cohortAccommodations.cohortId, cohortId)),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.userId, profileAccommodation(p)]));
  return learners.map((learner) => ({ learner, profile: profileOf.get(learner.id) ?? null }));
}

/** A cohort's learners by name. */
export async function cohortLearners(db: Database, cohortId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(users.name), asc(users.email));
}

export type AccommodationResult = { ok: true; attemptsMoved: number } | { ok: false; error: string };

async function isMember(db: Database, cohortId: string, userId: string) {
  const [row] = await db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)));
  return Boolean(row);
}

const isNone = (a: Accommodation) => a.extraTime === null && a.laterClose === null;

/**
 * Saves (or, with no extra time and no later close, removes) a learner's
 * profile in a cohort the scope reaches, and moves the deadlines of their
 * attempts in progress in that cohort. Null when the cohort or the learner
 * is not found there.
 */
export async function setCohortAccommodation(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  learnerId: string,
  accommodation: Accommodation,
  now: number,
): Promise<AccommodationResult | null> {
  if (!(await findCohort(db, scope, cohortId)) || !(await isMember(db, cohortId, learnerId))) return null;
  if (accommodation.laterClose?.kind === "at") return { ok: false, error: "A cohort profile gives a later close in minutes after each assessment's." };
  const error = checkAccommodation(accommodation);
  if (error) return { ok: false, error };
  const attemptsMoved = await db.transaction(async (tx) => {
    const key = and(eq(cohortAccommodations.cohortId, cohortId), eq(cohortAccommodations.userId, learnerId));
    await tx.delete(cohortAccommodations).where(key);
    if (!isNone(accommodation)) {
      await tx.insert(cohortAccommodations).values({
        cohortId,
        userId: learnerId,
        ...extraTimeColumns(accommodation),
        laterCloseMinutes: accommodation.laterClose?.kind === "after" ? accommodation.laterClose.minutes : null,
        updatedBy: scope.userId,
        updatedAt: now,
      });
    }
    return recomputeOpenDeadlines(tx, { cohortId, userId: learnerId }, now);
  });
  return { ok: true, attemptsMoved };
}

/** One assessment's overrides, by learner id. */
export async function assessmentOverrideList(db: Database, assessmentId: string): Promise<Map<string, Accommodation>> {
  const rows = await db.select().from(assessmentOverrides).where(eq(assessmentOverrides.assessmentId, assessmentId));
  return new Map(rows.map((r) => [r.userId, overrideAccommodation(r)]));
}

/**
 * Saves (or removes) a learner's override on one assessment, checked as the
 * assessment's caller found it (findAssessment), and moves the deadline of
 * their attempt in progress. Null when the learner is not in its cohort.
 */
export async function setAssessmentOverride(
  db: Database,
  assessment: Assessment,
  updatedBy: string,
  learnerId: string,
  accommodation: Accommodation,
  now: number,
): Promise<AccommodationResult | null> {
  if (!(await isMember(db, assessment.cohortId, learnerId))) return null;
  if (accommodation.laterClose?.kind === "after") return { ok: false, error: "An override gives its later close as a date and time." };
  const error = checkAccommodation(accommodation);
  if (error) return { ok: false, error };
  if (accommodation.laterClose?.kind === "at" && accommodation.laterClose.at <= assessment.closesAt) {
    return { ok: false, error: "A later close must be after the assessment's own close." };
  }
  const attemptsMoved = await db.transaction(async (tx) => {
    const key = and(eq(assessmentOverrides.assessmentId, assessment.id), eq(assessmentOverrides.userId, learnerId));
    await tx.delete(assessmentOverrides).where(key);
    if (!isNone(accommodation)) {
      await tx.insert(assessmentOverrides).values({
        assessmentId: assessment.id,
        userId: learnerId,
        ...extraTimeColumns(accommodation),
        laterCloseAt: accommodation.laterClose?.kind === "at" ? accommodation.laterClose.at : null,
        updatedBy,
        updatedAt: now,
      });
    }
    return recomputeOpenDeadlines(tx, { assessmentId: assessment.id, userId: learnerId }, now);
  });
  return { ok: true, attemptsMoved };
}

export const cohortAccommodationListOnAppDb = onAppDb(cohortAccommodationList);
export const setCohortAccommodationOnAppDb = onAppDb(setCohortAccommodation);
export const assessmentOverrideListOnAppDb = onAppDb(assessmentOverrideList);
export const setAssessmentOverrideOnAppDb = onAppDb(setAssessmentOverride);
