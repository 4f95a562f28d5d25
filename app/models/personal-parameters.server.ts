/**
 * Personal FSRS parameters: fitted from a learner's own review log once it is
 * big enough (400 reviews over 14+ study days), refitted as it grows, and
 * stored on the learner's row; the scheduler uses them from then on. Fitting
 * takes seconds, so answering a card only schedules it in the background.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reviewLogs, reviewUndos } from "../../db/schema";
import { DAY_ROLLOVER_HOUR } from "../learning/day";
import { MIN_REVIEWS_TO_OPTIMISE, optimizeParameters, type OptimisedParameters } from "../learning/optimize";
import type { Rating } from "../learning/scheduler";
import { getLearner, savePersonalParameters } from "./learner.server";

/** Refit when the log has grown by this share since the last fit. */
const REFIT_GROWTH = 0.2;
/** Look at the log size on one answer in this many per learner and process (a cheap gate on the hot path). */
export const CHECK_EVERY = 20;

/** The learner's non-undone reviews, oldest first. */
async function loggedReviews(db: Database, userId: string) {
  const rows = await db
    .select({ cardId: reviewLogs.cardId, reviewedAt: reviewLogs.reviewedAt, rating: reviewLogs.rating })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(eq(reviewLogs.userId, userId), isNull(reviewUndos.reviewLogId)))
    .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id));
  return rows.map((r) => ({ ...r, rating: r.rating as Rating }));
}

/** Fits and stores the learner's parameters when their history allows; returns what was decided. */
export async function optimizeLearnerParameters(db: Database, userId: string, now: number): Promise<OptimisedParameters | null> {
  const learner = await getLearner(db, userId);
  if (!learner) return null;
  const log = await loggedReviews(db, userId);
  const result = await optimizeParameters(log, { timeZone: learner.timeZone, nextDayHour: DAY_ROLLOVER_HOUR }, { deadlineMs: 60_000 });
  if (result.source === "personal") await savePersonalParameters(db, userId, result.weights, result.reviewCount, now);
  return result;
}

/** Whether the log is big enough and has grown enough since the last fit. */
export async function dueForOptimisation(db: Database, userId: string): Promise<boolean> {
  const learner = await getLearner(db, userId);
  if (!learner) return false;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reviewLogs)
    .where(eq(reviewLogs.userId, userId));
  const count = Number(row?.n ?? 0);
  if (count < MIN_REVIEWS_TO_OPTIMISE) return false;
  const fittedOn = learner.fsrsParamsReviewCount ?? 0;
  return fittedOn === 0 || count >= fittedOn * (1 + REFIT_GROWTH);
}

const running = new Set<string>();
const answersSinceCheck = new Map<string, number>();

/**
 * Called after an answer: every CHECK_EVERY answers (per process) looks at
 * the learner's log and, when due, fits their parameters in the background.
 * Another app server doing the same at once only repeats an idempotent fit.
 */
export function scheduleOptimisation(db: Database, userId: string) {
  const seen = (answersSinceCheck.get(userId) ?? 0) + 1;
  answersSinceCheck.set(userId, seen % CHECK_EVERY);
  if (seen < CHECK_EVERY || running.has(userId)) return;
  running.add(userId);
  setImmediate(async () => {
    try {
      if (await dueForOptimisation(db, userId)) await optimizeLearnerParameters(db, userId, Date.now());
    } catch (error) {
      console.error(`Optimising FSRS parameters for ${userId} failed:`, error);
    } finally {
      running.delete(userId);
    }
  });
}
