/**
 * How learners stand on their assigned modules: the instructor's cohort
 * dashboard and the learner's own list of assignments. Loads what
 * teaching/progress.ts progressCell needs for every learner × assignment in a
 * fixed number of queries (never one per learner), then leaves every rule to
 * it (status, retention on the due date) and to teaching/dashboard-order.ts
 * (which learners come first). The many-row reads come back as one JSON text
 * each (jsonRows): a 500-learner cohort's dashboard read its rows in a third
 * of the time that way.
 *
 * A learner's deck of a module is what "Start this module" would give them
 * (learning/deck.ts chooseModuleDecks); cards of questions since
 * dropped from the deck, and reads of retired lessons, are left out, as
 * progressCell asks.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
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
import { DEFAULT_ORDER, orderLearners, type DashboardOrder } from "../teaching/dashboard-order";
import { compareByRisk, progressCell, RECENT_REVIEW_WINDOW_MS, type LearnerCard, type ProgressCell } from "../teaching/progress";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import { lessonDecks } from "./course.server";
import { schedulerSettingsFor } from "./review.server";

export interface AssignmentRow {
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

/** Whose rows a query reads: a cohort's members or one learner. */
type Members = { cohortId: string } | { learnerId: string };

/**
 * The learners as a table `members(user_id)` to join from: a cohort's by a
 * subquery (not a list of hundreds of ids), or one learner as a constant row.
 */
function membersTable(who: Members): SQL {
  return "cohortId" in who
    ? sql`(SELECT ${cohortMembers.userId} AS user_id FROM ${cohortMembers} WHERE ${cohortMembers.cohortId} = ${who.cohortId}) AS members`
    : sql`(SELECT ${who.learnerId} AS user_id) AS members`;
}

/**
 * A query's rows as arrays, sent as one JSON text: `inner` names its columns
 * c0, c1, … The embedded driver builds an object per row, which cost far more
 * than the queries themselves: a 500-learner cohort's 6,599 cards took about
 * 50 ms as rows and 10 ms as one text, while SQLite found them in under 1 ms.
 */
async function jsonRows<Row extends unknown[]>(db: Database, inner: SQL, width: Row["length"]): Promise<Row[]> {
  const columns = sql.raw(Array.from({ length: width }, (_, i) => `c${i}`).join(", "));
  const [result] = await db.all<{ rows: string }>(sql`SELECT json_group_array(json_array(${columns})) AS rows FROM (${inner})`);
  return JSON.parse(result?.rows ?? "[]") as Row[];
}

type CardRow = [userId: string, moduleId: string, state: number, stability: number, lastReview: number | null, due: number];

/** A cell of the dashboard or of a learner's list: progressCell's, and whether the due date is the learner's own. */
export type AssignmentCell = ProgressCell & { ownDueDate: boolean };

/** progressCell for every learner × assignment, by learner id, in the assignments' order: six statements whatever the numbers. */
async function computeCells(
  db: Database,
  who: Members,
  learners: readonly LearnerRow[],
  assigned: readonly AssignmentRow[],
  now: number,
): Promise<Map<string, AssignmentCell[]>> {
  const cells = new Map<string, AssignmentCell[]>();
  if (learners.length === 0 || assigned.length === 0) return cells;
  const moduleIds = [...new Set(assigned.map((a) => a.moduleId))];
  const decks = await loadDecks(db, moduleIds);
  const deckIds = JSON.stringify([...decks.values()].flatMap((deck) => [...deck]));
  const inModules = inArray(lessons.moduleId, moduleIds);
  const members = membersTable(who);
  const [lessonCounts, reads, cardRows, reviewRows, extensions] = await Promise.all([
    db
      .select({ moduleId: lessons.moduleId, n: count() })
      .from(lessons)
      .where(and(inModules, eq(lessons.status, "active")))
      .groupBy(lessons.moduleId),
    jsonRows<[string, string, number]>(
      db,
      sql`SELECT ${lessonReads.userId} AS c0, ${lessons.moduleId} AS c1, count(*) AS c2
          FROM ${members} JOIN ${lessonReads} ON ${lessonReads.userId} = members.user_id
          JOIN ${lessons} ON ${lessons.id} = ${lessonReads.lessonId} AND ${lessons.status} = 'active'
          WHERE ${inModules}
          GROUP BY ${lessonReads.userId}, ${lessons.moduleId}`,
      3,
    ),
    // Only cards of the current decks: cards of questions since dropped from a deck are left out, as progressCell asks.
    // The unary + keeps SQLite from looking each learner's cards up question by question (three times slower).
    jsonRows<CardRow>(
      db,
      sql`SELECT ${cards.userId} AS c0, ${cards.moduleId} AS c1, ${cards.state} AS c2, ${cards.stability} AS c3, ${cards.lastReview} AS c4, ${cards.due} AS c5
          FROM ${members} JOIN ${cards} ON ${cards.userId} = members.user_id
          WHERE ${inArray(cards.moduleId, moduleIds)} AND +${cards.questionId} IN (SELECT value FROM json_each(${deckIds}))`,
      6,
    ),
    jsonRows<[string, string, number]>(
      db,
      sql`SELECT ${reviewLogs.userId} AS c0, ${cards.moduleId} AS c1, ${reviewLogs.reviewedAt} AS c2
          FROM ${members} JOIN ${reviewLogs} ON ${reviewLogs.userId} = members.user_id
          JOIN ${cards} ON ${cards.id} = ${reviewLogs.cardId}
          LEFT JOIN ${reviewUndos} ON ${reviewUndos.reviewLogId} = ${reviewLogs.id}
          WHERE ${reviewLogs.reviewedAt} > ${now - RECENT_REVIEW_WINDOW_MS}
            AND ${inArray(cards.moduleId, moduleIds)} AND ${reviewUndos.reviewLogId} IS NULL`,
      3,
    ),
    jsonRows<[string, string, number]>(
      db,
      sql`SELECT ${assignmentExtensions.userId} AS c0, ${assignmentExtensions.assignmentId} AS c1, ${assignmentExtensions.dueAt} AS c2
          FROM ${members} JOIN ${assignmentExtensions} ON ${assignmentExtensions.userId} = members.user_id
          WHERE ${inArray(assignmentExtensions.assignmentId, assigned.map((a) => a.id))}`,
      3,
    ),
  ]);

  // Everything is gathered per learner, by module position: no composite string keys (they cost more than the rules).
  const moduleAt = new Map(moduleIds.map((id, i) => [id, i]));
  const assignmentAt = new Map(assigned.map((a, i) => [a.id, i]));
  const lessonCountOf = new Map(lessonCounts.map((r) => [r.moduleId, r.n]));
  interface Gathered {
    reads: number[];
    cards: LearnerCard[][];
    reviews: number[][];
    own: (number | undefined)[];
  }
  const gathered = new Map<string, Gathered>();
  const of = (userId: string) => {
    let g = gathered.get(userId);
    if (!g) gathered.set(userId, (g = { reads: [], cards: moduleIds.map(() => []), reviews: moduleIds.map(() => []), own: [] }));
    return g;
  };
  for (const [userId, moduleId, n] of reads) of(userId).reads[moduleAt.get(moduleId)!] = n;
  for (const [userId, moduleId, state, stability, lastReview, due] of cardRows) {
    of(userId).cards[moduleAt.get(moduleId)!]!.push({ state: state as CardState["state"], stability, lastReview, due });
  }
  for (const [userId, moduleId, reviewedAt] of reviewRows) of(userId).reviews[moduleAt.get(moduleId)!]!.push(reviewedAt);
  for (const [userId, assignmentId, dueAt] of extensions) of(userId).own[assignmentAt.get(assignmentId)!] = dueAt;

  const none: Gathered = { reads: [], cards: [], reviews: [], own: [] };
  for (const learner of learners) {
    const weights = schedulerSettingsFor(learner).weights;
    const g = gathered.get(learner.id) ?? none;
    cells.set(
      learner.id,
      assigned.map((a, i) => {
        const m = moduleAt.get(a.moduleId)!;
        const own = g.own[i];
        const input = {
          cards: g.cards[m] ?? [],
          deckSize: decks.get(a.moduleId)?.size ?? 0,
          lessonsRead: g.reads[m] ?? 0,
          lessonCount: lessonCountOf.get(a.moduleId) ?? 0,
          reviewTimes: g.reviews[m] ?? [],
          weights,
        };
        const cell = progressCell(input, { startsAt: a.startsAt, dueAt: effectiveDueAt(a, own === undefined ? null : { dueAt: own }) }, now);
        return Object.assign(cell, { ownDueDate: own !== undefined });
      }),
    );
  }
  return cells;
}

export interface DashboardRow {
  learner: { id: string; name: string; email: string };
  /** In the order of the dashboard's assignments. */
  cells: AssignmentCell[];
}

export interface CohortDashboard {
  cohort: { id: string; name: string; joinCode: string };
  assignments: Omit<AssignmentRow, "cohortId">[];
  /** Every learner, in the order asked for (teaching/dashboard-order.ts; most at risk first by default). */
  rows: DashboardRow[];
}

/** A cohort's assignments, soonest due first. */
export async function cohortAssignments(db: Database, cohortId: string): Promise<AssignmentRow[]> {
  const rows = await db
    .select(assignmentColumns)
    .from(assignments)
    .innerJoin(modules, eq(modules.id, assignments.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(assignments.cohortId, cohortId))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
  return rows.map(assignmentRow);
}

const learnerColumns = { id: users.id, name: users.name, email: users.email, desiredRetention: users.desiredRetention, fsrsParamsJson: users.fsrsParamsJson };

/**
 * The dashboard of a cohort the scope reaches, every learner in the order
 * asked for (a page is the route's slice of it; the CSV export takes all);
 * null otherwise.
 */
export async function cohortDashboard(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  now: number,
  order: Pick<DashboardOrder, "sort" | "dir"> = DEFAULT_ORDER,
): Promise<CohortDashboard | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  const [assigned, learners] = await Promise.all([
    cohortAssignments(db, cohortId),
    db.select(learnerColumns).from(cohortMembers).innerJoin(users, eq(users.id, cohortMembers.userId)).where(eq(cohortMembers.cohortId, cohortId)),
  ]);
  const cells = await computeCells(db, { cohortId }, learners, assigned, now);
  const rows = learners.map((l) => ({ learner: { id: l.id, name: l.name, email: l.email }, cells: cells.get(l.id) ?? [] }));
  return {
    cohort: { id: cohort.id, name: cohort.name, joinCode: cohort.joinCode },
    assignments: assigned.map(({ cohortId: _, ...a }) => a),
    rows: orderLearners(rows, order.sort, order.dir),
  };
}

export interface LearnerAssignment {
  id: string;
  cohortName: string;
  moduleTitle: string;
  moduleUrl: string;
  cell: AssignmentCell;
}

/** The learner's assignments in every cohort they belong to, most at risk first (the home page's list). */
export async function learnerAssignments(db: Database, learnerId: string, now: number): Promise<LearnerAssignment[]> {
  const [learner] = await db.select(learnerColumns).from(users).where(eq(users.id, learnerId));
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
  const cells = await computeCells(db, { learnerId }, [learner], assigned, now);
  return rows
    .map((r, i) => ({
      id: r.id,
      cohortName: r.cohortName,
      moduleTitle: r.moduleTitle,
      moduleUrl: assigned[i]!.moduleUrl,
      cell: cells.get(learnerId)![i]!,
    }))
    .sort((a, b) => compareByRisk(a.cell, b.cell));
}

/** One learner's cells on a cohort's assignments (the per-learner page), keyed by assignment id. */
export async function learnerCellsInCohort(
  db: Database,
  learnerId: string,
  assigned: readonly AssignmentRow[],
  now: number,
): Promise<Map<string, AssignmentCell>> {
  const [learner] = await db.select(learnerColumns).from(users).where(eq(users.id, learnerId));
  if (!learner) return new Map();
  const cells = (await computeCells(db, { learnerId }, [learner], assigned, now)).get(learnerId) ?? [];
  return new Map(assigned.map((a, i) => [a.id, cells[i]!]));
}

export const cohortDashboardOnAppDb = onAppDb(cohortDashboard);
export const learnerAssignmentsOnAppDb = onAppDb(learnerAssignments);
