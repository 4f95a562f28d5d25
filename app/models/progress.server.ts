/**
 * A learner's progress, as the Home dashboard and the Statistics page show it:
 * loads that learner's rows (always scoped by their id; undone reviews left
 * out) and hands them to the pure figures in learning/stats.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
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
import { getDb } from "../db.server";
import { addDays, startOfDay, studyDay } from "../learning/day";
import { medianResponseMs } from "../learning/rating";
import type { CardState, Rating } from "../learning/scheduler";
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

/** A learner as a signed-in request knows them: the user row without the password hash. */
type Learner = Omit<User, "passwordHash">;

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

const standingReview = (userId: string) => and(eq(reviewLogs.userId, userId), isNull(reviewUndos.reviewLogId));

/**
 * The learner's reviews that stand (not undone) since `since`, oldest first.
 * Each figure asks only for the window it shows: a study day costs an Intl
 * call per review in learning/stats.ts, and a long history holds many.
 */
async function loadLogs(db: Database, userId: string, since = 0): Promise<StatsLog[]> {
  const rows = await db
    .select({ reviewedAt: reviewLogs.reviewedAt, rating: reviewLogs.rating, state: reviewLogs.state })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(standingReview(userId), gte(reviewLogs.reviewedAt, since)))
    .orderBy(asc(reviewLogs.reviewedAt));
  return rows.map((r) => ({ reviewedAt: r.reviewedAt, rating: r.rating as Rating, state: r.state as CardState["state"] }));
}

async function countReviews(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(standingReview(userId));
  return row?.n ?? 0;
}

/** When study day `daysBack` days before today began: the start of a window of whole days. */
function windowStart(now: number, timeZone: string, daysBack: number): number {
  return startOfDay(addDays(studyDay(now, timeZone), -daysBack), timeZone);
}

/** Days of history read for the streak before falling back to all of it. */
const STREAK_WINDOW_DAYS = 60;
/**
 * Every zone's offset is a whole number of quarter hours and changes on a
 * quarter hour, so a study day (4 am local) never starts inside a quarter
 * hour: one review per quarter hour tells which days had reviews.
 */
const QUARTER_HOUR_MS = 15 * 60_000;

/** One standing review time per quarter hour with any review, since `since`. */
async function loadReviewQuarterHours(db: Database, userId: string, since: number): Promise<{ reviewedAt: number }[]> {
  const quarter = sql<number>`(${reviewLogs.reviewedAt} / ${QUARTER_HOUR_MS}) * ${QUARTER_HOUR_MS}`;
  return db
    .selectDistinct({ reviewedAt: quarter })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(standingReview(userId), gte(reviewLogs.reviewedAt, since)));
}

async function loadStreak(db: Database, learner: Learner, now: number): Promise<number> {
  const tz = learner.timeZone;
  const recent = await loadReviewQuarterHours(db, learner.id, windowStart(now, tz, STREAK_WINDOW_DAYS));
  const streak = studyStreak(recent, now, tz);
  // A streak that reaches the window's first day may go back further.
  if (streak < STREAK_WINDOW_DAYS) return streak;
  return studyStreak(await loadReviewQuarterHours(db, learner.id, 0), now, tz);
}

async function recentMedianResponseMs(db: Database, userId: string): Promise<number | null> {
  const rows = await db
    .select({ correct: reviewLogs.correct, responseMs: reviewLogs.responseMs })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(standingReview(userId))
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

/** The home dashboard and the statistics page, as routes read them: on the app's database. */
export async function dashboardFor(learner: Learner, now: number) {
  return getDashboard(await getDb(), learner, now);
}

export async function statisticsFor(learner: Learner, now: number) {
  return getStatistics(await getDb(), learner, now);
}

export async function getDashboard(db: Database, learner: Learner, now: number): Promise<Dashboard> {
  const [deck, streak, enrolled, { counts, left, remaining }, medianMs] = await Promise.all([
    loadCards(db, learner.id),
    loadStreak(db, learner, now),
    loadEnrolledModules(db, learner.id),
    reviewQueue(db, learner, now),
    recentMedianResponseMs(db, learner.id),
  ]);
  const dueBreakdown = left;
  const weights = schedulerSettingsFor(learner).weights;
  const progress = moduleProgress(enrolled, deck, now, learner.timeZone, weights);
  // Only cards due by the end of tomorrow can count for tomorrow (and each costs a day lookup).
  const dueSoon = deck.filter((c) => c.due < windowStart(now, learner.timeZone, -2));
  const forecast = dueForecast(dueSoon, now, learner.timeZone, 2);
  return {
    dueNow: remaining,
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
    streak,
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
 * Reviews are put in days by the days' start instants: one Intl call per day,
 * not per review.
 */
export function dailyRetention(logs: readonly StatsLog[], now: number, timeZone: string, days: number): DailyRetention[] {
  const first = addDays(studyDay(now, timeZone), -(days - 1));
  const dayList = Array.from({ length: days }, (_, i) => addDays(first, i));
  const starts = [...dayList, addDays(first, days)].map((d) => startOfDay(d, timeZone));
  const byDay: StatsLog[][] = dayList.map(() => []);
  for (const log of logs) {
    if (log.reviewedAt < starts[0]! || log.reviewedAt > now) continue;
    // The last day start at or before the review (binary search).
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= log.reviewedAt) lo = mid;
      else hi = mid - 1;
    }
    byDay[lo]!.push(log);
  }
  return dayList.map((day, i) => {
    const dayEnd = Math.min(now, starts[i + 1]! - 1);
    return { day, ...trueRetention(byDay[i]!, dayEnd, timeZone, 1) };
  });
}

export type ParametersInUse =
  | { kind: "default" }
  | { kind: "personal"; reviewCount: number | null; updatedAt: number | null };

export function parametersInUse(learner: Learner): ParametersInUse {
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

export async function getStatistics(db: Database, learner: Learner, now: number): Promise<Statistics> {
  const tz = learner.timeZone;
  // The heatmap's whole weeks reach back at most HEATMAP_WEEKS weeks and 6 days; the other windows are shorter.
  const since = windowStart(now, tz, HEATMAP_WEEKS * 7 + 7);
  const [deck, logs, totalReviews] = await Promise.all([
    loadCards(db, learner.id),
    loadLogs(db, learner.id, since),
    countReviews(db, learner.id),
  ]);
  const retentionSince = windowStart(now, tz, RETENTION_DAYS - 1);
  return {
    today: studyDay(now, tz),
    timeZone: tz,
    desiredRetention: learner.desiredRetention,
    totalReviews,
    heatmap: reviewHeatmap(logs, now, tz, HEATMAP_WEEKS),
    // Older reviews cannot count; leaving them out saves a day lookup each.
    retention: trueRetention(logs.filter((l) => l.reviewedAt >= retentionSince), now, tz, RETENTION_DAYS),
    retentionByDay: dailyRetention(logs, now, tz, RETENTION_DAYS),
    forecast: dueForecast(deck, now, tz, FORECAST_DAYS),
    cardsByState: cardsByState(deck),
    parameters: parametersInUse(learner),
  };
}
