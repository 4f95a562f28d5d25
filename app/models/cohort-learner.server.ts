/**
 * One learner of a cohort, as the cohort's instructors see them: their
 * assignments with the dashboard's cells, the lessons they have read, their
 * own due dates, and a set-password link when they have lost theirs.
 *
 * Every function takes the asker's scope and reaches the learner only through
 * a cohort the asker teaches and that the learner belongs to; anything else
 * answers null, as a missing id does.
 *
 * Recovery: an instructor may issue a set-password link only for a learner
 * account (never a colleague's or an admin's) that came into this cohort by
 * joining it or as a new account from its roster. An existing account that a
 * roster added is someone else's: adding an email to a roster must give no
 * hold over it, so only an admin issues its link.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assignmentExtensions, assignments, cohortMembers, lessonReads, lessons, users, type Cohort } from "../../db/schema";
import { checkDueOverride } from "../teaching/assignments";
import { cohortAssignments, learnerCellsInCohort, type AssignmentCell } from "./cohort-progress.server";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import { issueRecoveryLink, type RecoveryLinkResult } from "./password-token.server";
import { NO_PASSWORD } from "./user.server";

interface Member {
  id: string;
  name: string;
  email: string;
  role: "learner" | "instructor" | "admin";
  joinedAt: number;
  source: "joined" | "roster-new" | "roster-existing";
  /** False for an account made from a roster whose link has not been used yet. */
  hasPassword: boolean;
}

async function reachMember(db: Database, scope: CohortScope, cohortId: string, learnerId: string): Promise<{ cohort: Cohort; member: Member } | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  const [member] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      joinedAt: cohortMembers.joinedAt,
      source: cohortMembers.source,
      hasPassword: sql<boolean>`${users.passwordHash} <> ${NO_PASSWORD}`.mapWith(Boolean),
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, learnerId)))
    .limit(1);
  return member ? { cohort, member } : null;
}

/** Whether the scope may issue this member a set-password link (see the module header). */
function recoverable(scope: CohortScope, member: Member): boolean {
  return scope.all || (member.role === "learner" && member.source !== "roster-existing");
}

export interface LearnerAssignmentDetail {
  id: string;
  moduleTitle: string;
  moduleUrl: string;
  startsAt: number;
  /** The cohort's due date; the cell's dueAt is the learner's (their own, if set). */
  cohortDueAt: number;
  ownDueAt: number | null;
  cell: AssignmentCell;
  lessons: { id: string; title: string; readAt: number | null }[];
}

export interface CohortLearnerView {
  cohort: { id: string; name: string };
  learner: Omit<Member, "role"> & { recoverable: boolean };
  assignments: LearnerAssignmentDetail[];
}

/** The per-learner page of a cohort the scope reaches, for one of its learners; null otherwise. */
export async function cohortLearner(db: Database, scope: CohortScope, cohortId: string, learnerId: string, now: number): Promise<CohortLearnerView | null> {
  const reached = await reachMember(db, scope, cohortId, learnerId);
  if (!reached) return null;
  const { cohort, member } = reached;
  const assigned = await cohortAssignments(db, cohortId);
  const moduleIds = [...new Set(assigned.map((a) => a.moduleId))];
  const [cells, lessonRows, own] = await Promise.all([
    learnerCellsInCohort(db, learnerId, assigned, now),
    moduleIds.length === 0
      ? []
      : db
          .select({ id: lessons.id, moduleId: lessons.moduleId, title: lessons.title, readAt: lessonReads.readAt })
          .from(lessons)
          .leftJoin(lessonReads, and(eq(lessonReads.lessonId, lessons.id), eq(lessonReads.userId, learnerId)))
          .where(and(inArray(lessons.moduleId, moduleIds), eq(lessons.status, "active")))
          .orderBy(asc(lessons.moduleId), asc(lessons.position)),
    assigned.length === 0
      ? []
      : db
          .select({ assignmentId: assignmentExtensions.assignmentId, dueAt: assignmentExtensions.dueAt })
          .from(assignmentExtensions)
          .where(and(eq(assignmentExtensions.userId, learnerId), inArray(assignmentExtensions.assignmentId, assigned.map((a) => a.id)))),
  ]);
  const ownDueOf = new Map(own.map((o) => [o.assignmentId, o.dueAt]));
  const { role: _, ...learner } = member;
  return {
    cohort: { id: cohort.id, name: cohort.name },
    learner: { ...learner, recoverable: recoverable(scope, member) },
    assignments: assigned.map((a) => ({
      id: a.id,
      moduleTitle: a.moduleTitle,
      moduleUrl: a.moduleUrl,
      startsAt: a.startsAt,
      cohortDueAt: a.dueAt,
      ownDueAt: ownDueOf.get(a.id) ?? null,
      cell: cells.get(a.id)!,
      lessons: lessonRows.filter((l) => l.moduleId === a.moduleId).map(({ moduleId: __, ...l }) => l),
    })),
  };
}

export type OwnDueDateResult = { ok: true } | { ok: false; error: string };

/**
 * Sets the learner's own due date on one of the cohort's assignments
 * (teaching/assignments.ts checkDueOverride); null when the cohort, the
 * learner or the assignment is not reached. Nothing is saved unless it passes.
 */
export async function setOwnDueDate(
  db: Database,
  scope: CohortScope,
  ids: { cohortId: string; learnerId: string; assignmentId: string },
  dueAt: number,
  now: number,
): Promise<OwnDueDateResult | null> {
  if (!(await reachMember(db, scope, ids.cohortId, ids.learnerId))) return null;
  const [assignment] = await db
    .select({ startsAt: assignments.startsAt, dueAt: assignments.dueAt, own: assignmentExtensions.dueAt })
    .from(assignments)
    .leftJoin(assignmentExtensions, and(eq(assignmentExtensions.assignmentId, assignments.id), eq(assignmentExtensions.userId, ids.learnerId)))
    .where(and(eq(assignments.id, ids.assignmentId), eq(assignments.cohortId, ids.cohortId)))
    .limit(1);
  if (!assignment) return null;
  const check = checkDueOverride({ dueAt }, assignment, now, { isNew: assignment.own === null });
  if (!check.ok) return check;
  await db
    .insert(assignmentExtensions)
    .values({ assignmentId: ids.assignmentId, userId: ids.learnerId, dueAt })
    .onConflictDoUpdate({ target: [assignmentExtensions.assignmentId, assignmentExtensions.userId], set: { dueAt } });
  return { ok: true };
}

/** Puts the learner back on the cohort's due date; null when not reached, false when they had no date of their own. */
export async function clearOwnDueDate(
  db: Database,
  scope: CohortScope,
  ids: { cohortId: string; learnerId: string; assignmentId: string },
): Promise<boolean | null> {
  if (!(await reachMember(db, scope, ids.cohortId, ids.learnerId))) return null;
  const ofCohort = db.select({ id: assignments.id }).from(assignments).where(eq(assignments.cohortId, ids.cohortId));
  const removed = await db
    .delete(assignmentExtensions)
    .where(
      and(
        eq(assignmentExtensions.assignmentId, ids.assignmentId),
        eq(assignmentExtensions.userId, ids.learnerId),
        inArray(assignmentExtensions.assignmentId, ofCohort),
      ),
    )
    .returning({ userId: assignmentExtensions.userId });
  return removed.length > 0;
}

export type LearnerRecoveryResult = RecoveryLinkResult | { ok: false; reason: "not-recoverable" };

/** A set-password link for a learner of the cohort, when the scope may issue one (module header); null when not reached. */
export async function issueLearnerRecoveryLink(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  learnerId: string,
  now: number,
): Promise<LearnerRecoveryResult | null> {
  const reached = await reachMember(db, scope, cohortId, learnerId);
  if (!reached) return null;
  if (!recoverable(scope, reached.member)) return { ok: false, reason: "not-recoverable" };
  return issueRecoveryLink(db, scope.userId, learnerId, now);
}

export const cohortLearnerOnAppDb = onAppDb(cohortLearner);
export const setOwnDueDateOnAppDb = onAppDb(setOwnDueDate);
export const clearOwnDueDateOnAppDb = onAppDb(clearOwnDueDate);
export const issueLearnerRecoveryLinkOnAppDb = onAppDb(issueLearnerRecoveryLink);
