/**
 * How learners stand on their assigned modules: the instructor's cohort
 * dashboard and the learner's own list of assignments. Loads what
 * teaching/progress.ts progressCell needs for every learner × assignment in a
 * fixed number of queries (never one per learner), then leaves every rule to
 * it: status, retention on the due date, the most-at-risk-first order.
 *
 * A learner's deck of a module is what "Start this module" would give them
 * (learning/deck.ts chooseDeckQuestions per lesson); cards of questions since
 * dropped from the deck, and reads of retired lessons, are left out, as
 * progressCell asks.
 */
import { and, asc, count, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  assignmentExtensions,
  assignments,
  cards,
  cohortMembers,
  cohorts,
  courses,
  lessonReads,
  lessons,
  modules,
  questions,
  reviewLogs,
  reviewUndos,
  users,
} from "../../db/schema";
import type { CardState } from "../learning/scheduler";
import { effectiveDueAt } from "../teaching/assignments";
import { compareByRisk, progressCell, riskiestCell, RECENT_REVIEW_WINDOW_MS, type LearnerCard, type ProgressCell } from "../teaching/progress";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import { lessonDecks } from "./course.server";
import { schedulerSettingsFor } from "./review.server";

interface AssignmentRow {
  id: string;
  cohortId: string;
  moduleId: string;
  moduleTitle: string;
  moduleUrl: string;
  startsAt: number;
  dueAt: number;
}

interface LearnerRow {
  id: string;
  name: string;
  email: string;
  desiredRetention: number;
  fsrsParamsJson: string | null;
}

const assignmentColumns = {
  id: assignments.id,
  cohortId: assignments.cohortId,
  moduleId: assignments.moduleId,
  moduleTitle: modules.title,
  moduleSlug: modules.slug,
  courseSlug: courses.slug,
  startsAt: assignments.startsAt,
  dueAt: assignments.dueAt,
};

function assignmentRow(r: { moduleSlug: string; courseSlug: string } & Omit<AssignmentRow, "moduleUrl">): AssignmentRow {
  const { moduleSlug, courseSlug, ...rest } = r;
  return { ...rest, moduleUrl: `/courses/${courseSlug}/${moduleSlug}` };
}

/** Each module's deck: the question ids a learner who started every lesson would hold. One query for all modules. */
async function loadDecks(db: Database, moduleIds: string[]): Promise<Map<string, Set<string>>> {
  const decks = new Map<string, Set<string>>(moduleIds.map((id) => [id, new Set()]));
  for (const deck of (await lessonDecks(db, moduleIds)).values()) for (const q of deck) decks.get(q.moduleId)?.add(q.id);
  return decks;
}

/** progressCell for every learner × assignment, keyed `${learnerId} ${assignmentId}`: eight queries whatever the numbers. */
async function computeCells(
  db: Database,
  learners: readonly LearnerRow[],
  assigned: readonly AssignmentRow[],
  now: number,
): Promise<Map<string, ProgressCell>> {
  const cells = new Map<string, ProgressCell>();
  if (learners.length === 0 || assigned.length === 0) return cells;
  const learnerIds = learners.map((l) => l.id);
  const moduleIds = [...new Set(assigned.map((a) => a.moduleId))];
  const [decks, lessonCounts, reads, cardRows, reviewRows, extensions] = await Promise.all([
    loadDecks(db, moduleIds),
    db
      .select({ moduleId: lessons.moduleId, n: count() })
      .from(lessons)
      .where(and(inArray(lessons.moduleId, moduleIds), eq(lessons.status, "active")))
      .groupBy(lessons.moduleId),
    db
      .select({ userId: lessonReads.userId, moduleId: lessons.moduleId, n: count() })
      .from(lessonReads)
      .innerJoin(lessons, and(eq(lessons.id, lessonReads.lessonId), eq(lessons.status, "active")))
      .where(and(inArray(lessonReads.userId, learnerIds), inArray(lessons.moduleId, moduleIds)))
      .groupBy(lessonReads.userId, lessons.moduleId),
    db
      .select({
        userId: cards.userId,
        moduleId: cards.moduleId,
        questionId: cards.questionId,
        state: cards.state,
        stability: cards.stability,
        lastReview: cards.lastReview,
        due: cards.due,
      })
      .from(cards)
      .where(and(inArray(cards.userId, learnerIds), inArray(cards.moduleId, moduleIds))),
    db
      .select({ userId: reviewLogs.userId, moduleId: cards.moduleId, reviewedAt: reviewLogs.reviewedAt })
      .from(reviewLogs)
      .innerJoin(cards, eq(cards.id, reviewLogs.cardId))
      .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
      .where(
        and(
          inArray(reviewLogs.userId, learnerIds),
          inArray(cards.moduleId, moduleIds),
          gt(reviewLogs.reviewedAt, now - RECENT_REVIEW_WINDOW_MS),
          isNull(reviewUndos.reviewLogId),
        ),
      ),
    db
      .select()
      .from(assignmentExtensions)
      .where(and(inArray(assignmentExtensions.userId, learnerIds), inArray(assignmentExtensions.assignmentId, assigned.map((a) => a.id)))),
  ]);

  const key = (a: string, b: string) => `${a} ${b}`;
  const lessonCountOf = new Map(lessonCounts.map((r) => [r.moduleId, r.n]));
  const readsOf = new Map(reads.map((r) => [key(r.userId, r.moduleId), r.n]));
  const cardsOf = new Map<string, LearnerCard[]>();
  for (const c of cardRows) {
    if (!decks.get(c.moduleId)?.has(c.questionId)) continue;
    const k = key(c.userId, c.moduleId);
    const card: LearnerCard = { state: c.state as CardState["state"], stability: c.stability, lastReview: c.lastReview, due: c.due };
    const list = cardsOf.get(k);
    if (list) list.push(card);
    else cardsOf.set(k, [card]);
  }
  const reviewsOf = new Map<string, number[]>();
  for (const r of reviewRows) {
    const k = key(r.userId, r.moduleId);
    const list = reviewsOf.get(k);
    if (list) list.push(r.reviewedAt);
    else reviewsOf.set(k, [r.reviewedAt]);
  }
  const extensionOf = new Map(extensions.map((e) => [key(e.userId, e.assignmentId), { dueAt: e.dueAt }]));

  for (const learner of learners) {
    const weights = schedulerSettingsFor(learner).weights;
    for (const a of assigned) {
      const k = key(learner.id, a.moduleId);
      const dueAt = effectiveDueAt(a, extensionOf.get(key(learner.id, a.id)) ?? null);
      const input = {
        cards: cardsOf.get(k) ?? [],
        deckSize: decks.get(a.moduleId)?.size ?? 0,
        lessonsRead: readsOf.get(k) ?? 0,
        lessonCount: lessonCountOf.get(a.moduleId) ?? 0,
        reviewTimes: reviewsOf.get(k) ?? [],
        weights,
      };
      cells.set(key(learner.id, a.id), progressCell(input, { startsAt: a.startsAt, dueAt }, now));
    }
  }
  return cells;
}

export interface DashboardRow {
  learner: { id: string; name: string; email: string };
  /** In the order of the dashboard's assignments. */
  cells: ProgressCell[];
}

export interface CohortDashboard {
  cohort: { id: string; name: string; joinCode: string };
  assignments: Omit<AssignmentRow, "cohortId">[];
  /** Learners most at risk first (by their riskiest cell), by name among equals. */
  rows: DashboardRow[];
}

/** The dashboard of a cohort the scope reaches; null otherwise. */
export async function cohortDashboard(db: Database, scope: CohortScope, cohortId: string, now: number): Promise<CohortDashboard | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  const [assigned, learners] = await Promise.all([
    db
      .select(assignmentColumns)
      .from(assignments)
      .innerJoin(modules, eq(modules.id, assignments.moduleId))
      .innerJoin(courses, eq(courses.id, modules.courseId))
      .where(eq(assignments.cohortId, cohortId))
      .orderBy(asc(assignments.dueAt), asc(assignments.createdAt))
      .then((rows) => rows.map(assignmentRow)),
    db
      .select({ id: users.id, name: users.name, email: users.email, desiredRetention: users.desiredRetention, fsrsParamsJson: users.fsrsParamsJson })
      .from(cohortMembers)
      .innerJoin(users, eq(users.id, cohortMembers.userId))
      .where(eq(cohortMembers.cohortId, cohortId))
      .orderBy(asc(users.name), asc(users.email)),
  ]);
  const cells = await computeCells(db, learners, assigned, now);
  const rows = learners.map((l) => ({
    learner: { id: l.id, name: l.name, email: l.email },
    cells: assigned.map((a) => cells.get(`${l.id} ${a.id}`)!),
  }));
  // Stable sort: learners already by name; a learner with no cells (nothing assigned) keeps that order.
  rows.sort((a, b) => {
    const ra = riskiestCell(a.cells);
    const rb = riskiestCell(b.cells);
    return ra && rb ? compareByRisk(ra, rb) : 0;
  });
  return {
    cohort: { id: cohort.id, name: cohort.name, joinCode: cohort.joinCode },
    assignments: assigned.map(({ cohortId: _, ...a }) => a),
    rows,
  };
}

export interface LearnerAssignment {
  id: string;
  cohortName: string;
  moduleTitle: string;
  moduleUrl: string;
  cell: ProgressCell;
}

/** The learner's assignments in every cohort they belong to, most at risk first (the home page's list). */
export async function learnerAssignments(db: Database, learnerId: string, now: number): Promise<LearnerAssignment[]> {
  const [learner] = await db
    .select({ id: users.id, name: users.name, email: users.email, desiredRetention: users.desiredRetention, fsrsParamsJson: users.fsrsParamsJson })
    .from(users)
    .where(eq(users.id, learnerId));
  if (!learner) return [];
  const rows = await db
    .select({ ...assignmentColumns, cohortName: cohorts.name })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(assignments, eq(assignments.cohortId, cohorts.id))
    .innerJoin(modules, and(eq(modules.id, assignments.moduleId), eq(modules.status, "active")))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(cohortMembers.userId, learnerId));
  const assigned = rows.map(({ cohortName: _, ...r }) => assignmentRow(r));
  const cells = await computeCells(db, [learner], assigned, now);
  return rows
    .map((r, i) => ({
      id: r.id,
      cohortName: r.cohortName,
      moduleTitle: r.moduleTitle,
      moduleUrl: assigned[i]!.moduleUrl,
      cell: cells.get(`${learnerId} ${r.id}`)!,
    }))
    .sort((a, b) => compareByRisk(a.cell, b.cell));
}

export const cohortDashboardOnAppDb = onAppDb(cohortDashboard);
export const learnerAssignmentsOnAppDb = onAppDb(learnerAssignments);
