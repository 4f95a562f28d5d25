/**
 * A learner's progress, as the Home dashboard and the Statistics page show it:
 * loads that learner's rows (always scoped by their id; undone reviews left
 * out) and hands them to the pure figures in learning/stats.ts.
 */
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  cards,
  courses,
  enrolments,
  lessonReads,
  lessons,
  modules,
  questions,
  reviewLogs,
  reviewUndos,
  type User,
} from "../../db/schema";
import { addDays, startOfDay, studyDay } from "../learning/day";
import { medianResponseMs } from "../learning/grade";
import { CardStates, type CardState, type Rating } from "../learning/scheduler";
import {
  cardsByState,
  dueForecast,
  estimateStudyMinutes,
  moduleProgress,
  reviewHeatmap,
  studyStreak,
  trueRetention,
  type CardsByState,
  type DayCount,
  type ModuleProgress,
  type RetentionFigure,
  type StatsCard,
  type StatsLog,
} from "../learning/stats";
import { reviewQueue, schedulerSettingsFor } from "./review.server";

/** Answers the time estimate's median is taken over (the review page uses the same window). */
const RECENT_ANSWERS = 100;
export const HEATMAP_WEEKS = 26;
export const RETENTION_DAYS = 30;
export const FORECAST_DAYS = 30;

/** Cards of the learner's deck whose question is still taught (retired questions are never reviewed). */
async function loadCards(db: Database, userId: string): Promise<(StatsCard & { id: number })[]> {
  const rows = await db
    .select({
      id: cards.id,
      moduleId: cards.moduleId,
      state: cards.state,
      due: cards.due,
      stability: cards.stability,
      lastReview: cards.lastReview,
    })
    .from(cards)
    .innerJoin(questions, and(eq(questions.id, cards.questionId), eq(questions.status, "active")))
    .where(eq(cards.userId, userId));
  return rows.map((r) => ({ ...r, state: r.state as CardState["state"] }));
}

/** The learner's reviews that stand (not undone), oldest first. */
async function loadLogs(db: Database, userId: string): Promise<StatsLog[]> {
  const rows = await db
    .select({ reviewedAt: reviewLogs.reviewedAt, rating: reviewLogs.rating, state: reviewLogs.state })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(eq(reviewLogs.userId, userId), isNull(reviewUndos.reviewLogId)))
    .orderBy(asc(reviewLogs.reviewedAt));
  return rows.map((r) => ({ reviewedAt: r.reviewedAt, rating: r.rating as Rating, state: r.state as CardState["state"] }));
}

async function recentMedianResponseMs(db: Database, userId: string): Promise<number | null> {
  const rows = await db
    .select({ correct: reviewLogs.correct, responseMs: reviewLogs.responseMs })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(eq(reviewLogs.userId, userId), isNull(reviewUndos.reviewLogId)))
    .orderBy(desc(reviewLogs.id))
    .limit(RECENT_ANSWERS);
  return medianResponseMs(rows);
}

export interface EnrolledModule extends ModuleProgress {
  title: string;
  url: string;
  courseTitle: string;
}

/** The learner's active enrolled modules with their lesson counts, in course then module order. */
async function loadEnrolledModules(db: Database, userId: string) {
  const rows = await db
    .select({
      moduleId: modules.id,
      title: modules.title,
      slug: modules.slug,
      courseSlug: courses.slug,
      courseTitle: courses.title,
    })
    .from(enrolments)
    .innerJoin(modules, and(eq(modules.id, enrolments.moduleId), eq(modules.status, "active")))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(enrolments.userId, userId))
    .orderBy(asc(courses.title), asc(modules.position));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.moduleId);
  const totals = await db
    .select({ moduleId: lessons.moduleId, n: count() })
    .from(lessons)
    .where(and(inArray(lessons.moduleId, ids), eq(lessons.status, "active")))
    .groupBy(lessons.moduleId);
  const reads = await db
    .select({ moduleId: lessons.moduleId, n: count() })
    .from(lessonReads)
    .innerJoin(lessons, and(eq(lessons.id, lessonReads.lessonId), eq(lessons.status, "active")))
    .where(and(eq(lessonReads.userId, userId), inArray(lessons.moduleId, ids)))
    .groupBy(lessons.moduleId);
  const totalOf = new Map(totals.map((t) => [t.moduleId, t.n]));
  const readOf = new Map(reads.map((r) => [r.moduleId, r.n]));
  return rows.map((r) => ({
    ...r,
    lessonsTotal: totalOf.get(r.moduleId) ?? 0,
    lessonsRead: readOf.get(r.moduleId) ?? 0,
  }));
}

export interface Dashboard {
  /** Cards in today's queue now (what "Start review" will show). */
  dueNow: number;
  dueBreakdown: { learning: number; review: number; new: number };
  estimatedMinutes: number;
  reviewedToday: number;
  /** Review cards falling due tomorrow, for an empty day's "come back" note. */
  dueTomorrow: number;
  streak: number;
  modules: EnrolledModule[];
}

export async function getDashboard(db: Database, learner: User, now: number): Promise<Dashboard> {
  const [deck, logs, enrolled, { queue, counts }, medianMs] = await Promise.all([
    loadCards(db, learner.id),
    loadLogs(db, learner.id),
    loadEnrolledModules(db, learner.id),
    reviewQueue(db, learner, now),
    recentMedianResponseMs(db, learner.id),
  ]);
  // The queue gives card ids only; their states say which kind each one is.
  const stateOf = new Map(deck.map((c) => [c.id, c.state]));
  const dueBreakdown = { learning: 0, review: 0, new: 0 };
  for (const id of queue) {
    const state = stateOf.get(id);
    if (state === CardStates.new) dueBreakdown.new++;
    else if (state === CardStates.review) dueBreakdown.review++;
    else dueBreakdown.learning++;
  }
  const weights = schedulerSettingsFor(learner).weights;
  const progress = moduleProgress(enrolled, deck, now, learner.timeZone, weights);
  const forecast = dueForecast(deck, now, learner.timeZone, 2);
  return {
    dueNow: queue.length,
    dueBreakdown,
    estimatedMinutes: estimateStudyMinutes({
      reviewCount: dueBreakdown.review,
      learningCount: dueBreakdown.learning,
      newCount: dueBreakdown.new,
      medianResponseMs: medianMs,
      desiredRetention: learner.desiredRetention,
    }),
    reviewedToday: counts.reviewedToday,
    dueTomorrow: forecast[1]?.count ?? 0,
    streak: studyStreak(logs, now, learner.timeZone),
    modules: progress.map((p, i) => {
      const m = enrolled[i]!;
      return { ...p, title: m.title, courseTitle: m.courseTitle, url: `/courses/${m.courseSlug}/${m.slug}` };
    }),
  };
}

export interface DailyRetention extends RetentionFigure {
  day: string;
}

/**
 * True retention of each of the last `days` study days (learning/stats.ts
 * gives only the total over a window, so each day is asked for on its own).
 */
export function dailyRetention(logs: readonly StatsLog[], now: number, timeZone: string, days: number): DailyRetention[] {
  const today = studyDay(now, timeZone);
  const first = addDays(today, -(days - 1));
  const since = startOfDay(first, timeZone);
  const recent = logs.filter((l) => l.reviewedAt >= since && l.reviewedAt <= now);
  const byDay = new Map<string, StatsLog[]>();
  for (const log of recent) {
    const day = studyDay(log.reviewedAt, timeZone);
    const list = byDay.get(day);
    if (list) list.push(log);
    else byDay.set(day, [log]);
  }
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i);
    const dayEnd = Math.min(now, startOfDay(addDays(day, 1), timeZone) - 1);
    return { day, ...trueRetention(byDay.get(day) ?? [], dayEnd, timeZone, 1) };
  });
}

export type ParametersInUse =
  | { kind: "default" }
  | { kind: "personal"; reviewCount: number | null; updatedAt: number | null };

export function parametersInUse(learner: User): ParametersInUse {
  if (!schedulerSettingsFor(learner).weights) return { kind: "default" };
  return { kind: "personal", reviewCount: learner.fsrsParamsReviewCount, updatedAt: learner.fsrsParamsUpdatedAt };
}

export interface Statistics {
  today: string;
  timeZone: string;
  desiredRetention: number;
  totalReviews: number;
  heatmap: DayCount[];
  retention: RetentionFigure;
  retentionByDay: DailyRetention[];
  forecast: DayCount[];
  cardsByState: CardsByState;
  parameters: ParametersInUse;
}

export async function getStatistics(db: Database, learner: User, now: number): Promise<Statistics> {
  const [deck, logs] = await Promise.all([loadCards(db, learner.id), loadLogs(db, learner.id)]);
  const tz = learner.timeZone;
  return {
    today: studyDay(now, tz),
    timeZone: tz,
    desiredRetention: learner.desiredRetention,
    totalReviews: logs.length,
    heatmap: reviewHeatmap(logs, now, tz, HEATMAP_WEEKS),
    retention: trueRetention(logs, now, tz, RETENTION_DAYS),
    retentionByDay: dailyRetention(logs, now, tz, RETENTION_DAYS),
    forecast: dueForecast(deck, now, tz, FORECAST_DAYS),
    cardsByState: cardsByState(deck),
    parameters: parametersInUse(learner),
  };
}
