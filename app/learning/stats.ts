/**
 * Progress figures computed from a learner's rows: the Home summary (due
 * today, time it will take, streak, per-module progress) and the Statistics
 * page (review heatmap, true retention, due forecast, cards by state).
 * Pure: rows, the clock, the time zone and weights are arguments; days are
 * study days (4 am rollover, see day.ts). Callers pass review logs with undone
 * reviews already left out.
 */
import { addDays, daysBetween, endOfStudyDay, studyDay } from "./day";
import { CardStates, retrievability, type CardState, type Rating } from "./scheduler";

/** A card is mature once its stability reaches 21 days (Anki's "mature" interval). */
export const MATURE_STABILITY_DAYS = 21;

export interface StatsLog {
  reviewedAt: number;
  rating: Rating;
  /** State of the card before the review. */
  state: CardState["state"];
}

export interface StatsCard {
  moduleId: string;
  state: CardState["state"];
  due: number;
  stability: number;
  lastReview: number | null;
}

export interface DayCount {
  day: string;
  count: number;
}

function countByDay(times: Iterable<number>, timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of times) {
    const day = studyDay(t, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

function dayRange(from: string, length: number, counts: Map<string, number>): DayCount[] {
  return Array.from({ length }, (_, i) => {
    const day = addDays(from, i);
    return { day, count: counts.get(day) ?? 0 };
  });
}

/**
 * Reviews per study day over the last `weeks` whole weeks ending today, oldest
 * first, starting on a Monday so a calendar grid lines up.
 */
export function reviewHeatmap(
  logs: readonly Pick<StatsLog, "reviewedAt">[],
  now: number,
  timeZone: string,
  weeks = 26,
): DayCount[] {
  const today = studyDay(now, timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const first = addDays(today, -(weeks - 1) * 7 - weekday);
  return dayRange(first, daysBetween(first, today) + 1, countByDay(logs.map((l) => l.reviewedAt), timeZone));
}

export interface RetentionFigure {
  /** Reviews of cards in the review state (learning steps are not memory tests). */
  reviews: number;
  passed: number;
  /** passed / reviews, null when there were none. */
  rate: number | null;
}

/** True retention over the last `days` study days: review-state reviews not rated Again. */
export function trueRetention(
  logs: readonly StatsLog[],
  now: number,
  timeZone: string,
  days = 30,
): RetentionFigure {
  const first = addDays(studyDay(now, timeZone), -(days - 1));
  let reviews = 0;
  let passed = 0;
  for (const log of logs) {
    if (log.state !== CardStates.review || log.reviewedAt > now) continue;
    if (studyDay(log.reviewedAt, timeZone) < first) continue;
    reviews++;
    if (log.rating > 1) passed++;
  }
  return { reviews, passed, rate: reviews ? passed / reviews : null };
}

/** Cards falling due on each of the next `days` study days; today includes overdue cards. */
export function dueForecast(
  cards: readonly Pick<StatsCard, "state" | "due">[],
  now: number,
  timeZone: string,
  days = 30,
): DayCount[] {
  const today = studyDay(now, timeZone);
  const counts = new Map<string, number>();
  for (const c of cards) {
    if (c.state === CardStates.new) continue;
    const day = c.due <= now ? today : studyDay(c.due, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return dayRange(today, days, counts);
}

export interface CardsByState {
  new: number;
  learning: number;
  relearning: number;
  /** Review cards with stability under 21 days. */
  young: number;
  /** Review cards with stability of 21 days or more. */
  mature: number;
}

export function cardsByState(cards: readonly Pick<StatsCard, "state" | "stability">[]): CardsByState {
  const out: CardsByState = { new: 0, learning: 0, relearning: 0, young: 0, mature: 0 };
  for (const c of cards) {
    if (c.state === CardStates.new) out.new++;
    else if (c.state === CardStates.learning) out.learning++;
    else if (c.state === CardStates.relearning) out.relearning++;
    else if (c.stability >= MATURE_STABILITY_DAYS) out.mature++;
    else out.young++;
  }
  return out;
}

/**
 * Consecutive study days with at least one review, ending today — or
 * yesterday, so a streak is not lost before today's reviews are done.
 */
export function studyStreak(
  logs: readonly Pick<StatsLog, "reviewedAt">[],
  now: number,
  timeZone: string,
): number {
  const days = new Set(logs.filter((l) => l.reviewedAt <= now).map((l) => studyDay(l.reviewedAt, timeZone)));
  let day = studyDay(now, timeZone);
  if (!days.has(day)) day = addDays(day, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

export interface ModuleProgressInput {
  moduleId: string;
  lessonsTotal: number;
  lessonsRead: number;
}

export interface ModuleProgress extends ModuleProgressInput {
  cardsTotal: number;
  /** Cards reviewed at least once. */
  cardsLearned: number;
  /** Cards with stability ≥ 21 days. */
  cardsMature: number;
  /** Mean probability of recall now over learned cards; null before any review. */
  predictedRetention: number | null;
  dueToday: number;
}

export function moduleProgress(
  modules: readonly ModuleProgressInput[],
  cards: readonly StatsCard[],
  now: number,
  timeZone: string,
  weights?: readonly number[] | null,
): ModuleProgress[] {
  const end = endOfStudyDay(now, timeZone);
  return modules.map((m) => {
    const own = cards.filter((c) => c.moduleId === m.moduleId);
    const learned = own.filter((c) => c.state !== CardStates.new);
    const recall = learned.map((c) => retrievability(c, now, weights));
    return {
      ...m,
      cardsTotal: own.length,
      cardsLearned: learned.length,
      cardsMature: learned.filter((c) => c.stability >= MATURE_STABILITY_DAYS).length,
      predictedRetention: recall.length ? recall.reduce((a, b) => a + b, 0) / recall.length : null,
      dueToday: learned.filter((c) => c.due < end).length,
    };
  });
}

/** Reading the feedback after an answer, on top of the answer itself. */
export const FEEDBACK_MS = 4_000;
/** A new card is seen about twice on its first day (learning steps 1m, 10m). */
export const SHOWINGS_PER_NEW_CARD = 2;
/** Without a median of their own, a learner is assumed to take this long to answer. */
export const DEFAULT_RESPONSE_MS = 8_000;

/**
 * Minutes today's queue will take: each showing costs the learner's median
 * response time plus reading the feedback; new cards are shown about twice,
 * and a review fails (and comes back once) at the rate 1 − desired retention.
 */
export function estimateStudyMinutes(input: {
  reviewCount: number;
  learningCount: number;
  newCount: number;
  medianResponseMs: number | null;
  desiredRetention: number;
}): number {
  const perShowing = (input.medianResponseMs ?? DEFAULT_RESPONSE_MS) + FEEDBACK_MS;
  const showings =
    input.reviewCount * (1 + (1 - input.desiredRetention)) +
    input.learningCount +
    input.newCount * SHOWINGS_PER_NEW_CARD;
  return Math.ceil((showings * perShowing) / 60_000);
}
