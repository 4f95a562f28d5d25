/**
 * Cohorts as instructors run them: creating one, listing the ones they
 * teach, assigning modules, removing a learner; and a learner joining one by
 * its code. The rules (dates, codes) are app/teaching/assignments.ts; this
 * file loads, calls them and saves. The dashboard's figures are in
 * cohort-progress.server.ts.
 *
 * Every instructor function takes the asker's scope and reaches only cohorts
 * the asker teaches (cohort_instructors), unless the scope says `all` (an
 * admin's "any" permission). Another instructor's cohort id behaves exactly
 * as an id that does not exist: null, never a 403 that would confirm it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, countDistinct, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assignments, cohortInstructors, cohortMembers, cohorts, courses, loginAttempts, modules, type Cohort } from "../../db/schema";
import { onAppDb } from "../db.server";
import { reserveAttempt } from "./login-attempt.server";
import { checkAssignmentDates, joinCodeFromBytes, JOIN_CODE_LENGTH, readJoinCode, type DateErrors } from "../teaching/assignments";

/** Whose cohorts a request reaches: the ones `userId` teaches, or every one with `all`. */
export interface CohortScope {
  userId: string;
  all: boolean;
}

export { onAppDb };

/** The condition "the scope reaches this cohort", said once for every query here. */
function reaches(db: Database, scope: CohortScope): SQL | undefined {
  if (scope.all) return undefined;
  return inArray(
    cohorts.id,
    db.select({ id: cohortInstructors.cohortId }).from(cohortInstructors).where(eq(cohortInstructors.userId, scope.userId)),
  );
}

/** The cohort, if the scope reaches it; null otherwise (another's cohort is not told apart from none). */
export async function findCohort(db: Database, scope: CohortScope, cohortId: string): Promise<Cohort | null> {
  const [row] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), reaches(db, scope)))
    .limit(1);
  return row ?? null;
}

export const NAME_MAX = 100;
/** Draws of a join code before giving up: a clash among 2^40 codes is rare, three in a row is a broken generator. */
const CODE_DRAWS = 3;

/** A new cohort taught by its creator, with a fresh join code. */
export async function createCohort(
  db: Database,
  ownerId: string,
  name: string,
  now: number,
  drawBytes: (n: number) => Uint8Array = randomBytes,
): Promise<Cohort> {
  for (let draw = 1; ; draw++) {
    const cohort: Cohort = { id: randomUUID(), ownerId, name, joinCode: joinCodeFromBytes(drawBytes(JOIN_CODE_LENGTH)), createdAt: now };
    const taken = await db.query.cohorts.findFirst({ where: eq(cohorts.joinCode, cohort.joinCode) });
    if (taken && draw < CODE_DRAWS) continue;
    if (taken) throw new Error(`No free join code after ${CODE_DRAWS} draws.`);
    await db.batch([db.insert(cohorts).values(cohort), db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: ownerId })]);
    return cohort;
  }
}

export interface CohortSummary {
  id: string;
  name: string;
  joinCode: string;
  learners: number;
  assignments: number;
}

/** The cohorts the scope reaches, by name, with how many learners and assignments each has. */
export async function listCohorts(db: Database, scope: CohortScope): Promise<CohortSummary[]> {
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      joinCode: cohorts.joinCode,
      learners: countDistinct(cohortMembers.userId),
      assignments: countDistinct(assignments.id),
    })
    .from(cohorts)
    .leftJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .leftJoin(assignments, eq(assignments.cohortId, cohorts.id))
    .where(reaches(db, scope))
    .groupBy(cohorts.id)
    .orderBy(asc(cohorts.name), asc(cohorts.createdAt));
}

export type JoinResult =
  | { ok: true; cohort: Pick<Cohort, "id" | "name">; alreadyMember: boolean }
  | { ok: false; reason: "invalid" | "unknown" | "rate-limited"; error: string };

/**
 * Guesses at a join code per learner and per client address. A code is 40
 * bits and stored as it is (teaching/assignments.ts), so only a limit keeps
 * guessing from reaching one; the address's ceiling is higher because a
 * classroom behind one NAT is many learners typing, some of them twice.
 */
export const JOIN_LIMITS = { windowMs: 15 * 60 * 1000, maxPerLearner: 10, maxPerAddress: 60 };

/**
 * A learner joins the cohort whose code they typed (any case, spaces or
 * hyphens). Joining twice changes nothing. A malformed code costs nothing:
 * it cannot find a cohort; a well-formed one is looked up under the limits
 * (joinUnderLimits).
 */
export async function joinCohort(
  db: Database,
  asker: { learnerId: string; address: string },
  typed: string,
  now: number,
  limits = JOIN_LIMITS,
): Promise<JoinResult> {
  const code = readJoinCode(typed);
  if (!code.ok) return { ok: false, reason: "invalid", error: code.error };
  const byCode = () => db.query.cohorts.findFirst({ where: eq(cohorts.joinCode, code.code), columns: { id: true, name: true } });
  return joinUnderLimits(db, asker, byCode, now, limits, "No cohort has this code; check it with your instructor.");
}

/**
 * Joins the cohort `find` names (by join code, or by invite link:
 * cohort-invite.server.ts) under the guessing limits. The lookup runs only
 * after the attempt has reserved its slots (as sign-in does:
 * login-attempt.server.ts); a lookup that finds a cohort gives its slots
 * back, since a right code is not a guess.
 */
export async function joinUnderLimits(
  db: Database,
  asker: { learnerId: string; address: string },
  find: () => Promise<Pick<Cohort, "id" | "name"> | null | undefined>,
  now: number,
  limits: typeof JOIN_LIMITS,
  unknownMessage: string,
): Promise<JoinResult> {
  const slots = await reserveAttempt(
    db,
    [
      { key: `join:${asker.learnerId}`, max: limits.maxPerLearner },
      { key: `join-ip:${asker.address}`, max: limits.maxPerAddress },
    ],
    now,
    limits.windowMs,
  );
  if (slots.length === 0) {
    return { ok: false, reason: "rate-limited", error: "Too many codes tried; wait a quarter of an hour, then check the code with your instructor." };
  }
  const cohort = await find();
  if (!cohort) return { ok: false, reason: "unknown", error: unknownMessage };
  await db.delete(loginAttempts).where(inArray(loginAttempts.id, slots.map((s) => s.id)));
  const inserted = await db
    .insert(cohortMembers)
    .values({ cohortId: cohort.id, userId: asker.learnerId, joinedAt: now })
    .onConflictDoNothing()
    .returning({ userId: cohortMembers.userId });
  return { ok: true, cohort: { id: cohort.id, name: cohort.name }, alreadyMember: inserted.length === 0 };
}

/** Takes a learner out of a cohort the scope reaches; false when there was no such cohort or member. */
export async function removeMember(db: Database, scope: CohortScope, cohortId: string, learnerId: string): Promise<boolean> {
  if (!(await findCohort(db, scope, cohortId))) return false;
  const removed = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, learnerId)))
    .returning({ userId: cohortMembers.userId });
  return removed.length > 0;
}

export interface AssignmentInput {
  moduleId: string;
  startsAt: number;
  dueAt: number;
}

export type AssignResult =
  | { ok: true; assignmentId: string }
  | { ok: false; fieldErrors: DateErrors & { moduleId?: string } };

/**
 * Assigns a module to a cohort the scope reaches, with dates that pass
 * checkAssignmentDates; null when the cohort is not reached. Nothing is
 * saved unless every check passes.
 */
export async function assignModule(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  input: AssignmentInput,
  now: number,
): Promise<AssignResult | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const fieldErrors: DateErrors & { moduleId?: string } = {};
  const dates = checkAssignmentDates({ startsAt: input.startsAt, dueAt: input.dueAt }, now, { isNew: true });
  if (!dates.ok) Object.assign(fieldErrors, dates.errors);
  const module = await db.query.modules.findFirst({ where: and(eq(modules.id, input.moduleId), eq(modules.status, "active")) });
  if (!module) fieldErrors.moduleId = "Choose a module from the list.";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const id = randomUUID();
  await db.insert(assignments).values({ id, cohortId, moduleId: input.moduleId, startsAt: input.startsAt, dueAt: input.dueAt, createdAt: now });
  return { ok: true, assignmentId: id };
}

/** The modules an instructor may assign: every active module, by course then position. */
export async function assignableModules(db: Database) {
  return db
    .select({ id: modules.id, title: modules.title, courseTitle: courses.title })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(modules.status, "active"))
    .orderBy(asc(courses.title), asc(modules.position));
}

export const createCohortOnAppDb = onAppDb(createCohort);
export const listCohortsOnAppDb = onAppDb(listCohorts);
export const joinCohortOnAppDb = onAppDb(joinCohort);
export const removeMemberOnAppDb = onAppDb(removeMember);
export const assignModuleOnAppDb = onAppDb(assignModule);
export const assignableModulesOnAppDb = onAppDb(assignableModules);
export const findCohortOnAppDb = onAppDb(findCohort);
