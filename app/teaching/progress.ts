/**
 * A cohort dashboard's cells: how one learner stands on one assigned module,
 * and the order that puts the learners most at risk first. Pure: the learner's
 * rows, the assignment's dates and the clock are arguments.
 *
 * Definitions (the dashboard's legend should say the same):
 * - lessons read / lesson count, as stored;
 * - a card is *learned* once it has been reviewed at all (FSRS state other than
 *   New), the rule the learner's own Home uses (learning/stats.ts
 *   moduleProgress), so teacher and learner never see two different counts;
 * - *predicted retention* is the chance of recalling a card on the due date
 *   (FSRS forgetting curve from the card's stability and last review),
 *   averaged over the whole deck the learner should have: a card never
 *   studied, or not yet created for the learner, counts as 0. A card reviewed
 *   after the due date counts as recalled on it (work caught up late), so a
 *   finished assignment stays finished instead of decaying into "overdue";
 * - *reviews in the last 7 days*: the learner's reviews of the module's cards
 *   in the 7 × 24 hours up to now (undone reviews left out by the caller).
 *
 * Status, first rule that applies:
 * 1. done: every lesson read and predicted retention at or above the target
 *    (an empty deck meets any target); holds before or after the due date;
 * 2. overdue: the due date has passed;
 * 3. not started: no lesson read and no card reviewed;
 * 4. behind: progress (the mean of the lesson and learned-card fractions) is
 *    below the share of the assignment's time already spent — a linear pace;
 * 5. on track: otherwise.
 */
import { CardStates, retrievability, type CardState } from "../learning/scheduler";

export const DAY_MS = 86_400_000;
export const RECENT_REVIEW_WINDOW_MS = 7 * DAY_MS;
/** The retention a cohort aims for unless the instructor sets another. */
export const DEFAULT_TARGET_RETENTION = 0.8;

export type ProgressStatus = "done" | "on track" | "behind" | "overdue" | "not started";

/** Most at risk first: the dashboard's order. */
export const STATUS_RISK_ORDER: readonly ProgressStatus[] = ["overdue", "not started", "behind", "on track", "done"];

/** One of the learner's cards in the module: the `cards` row's scheduling columns that matter here. */
export type LearnerCard = Pick<CardState, "state" | "stability" | "lastReview" | "due">;

export interface LearnerModuleInput {
  /**
   * The learner's cards of the module's current deck (at most deckSize: cards
   * not created yet are simply absent; cards of questions since removed from
   * the deck are left out by the caller, as are reads of removed lessons).
   */
  cards: readonly LearnerCard[];
  /** Cards in the module's deck: the cards the learner should have. */
  deckSize: number;
  lessonsRead: number;
  lessonCount: number;
  /** When the learner reviewed the module's cards (ms since the epoch). */
  reviewTimes: readonly number[];
  /** The learner's personal FSRS weights; null for the defaults. */
  weights?: readonly number[] | null;
}

export interface AssignmentWindow {
  startsAt: number;
  /** The effective due date for this learner (their override, if any: see assignments.ts). */
  dueAt: number;
}

export interface ProgressCell {
  status: ProgressStatus;
  lessonsRead: number;
  lessonCount: number;
  cardsLearned: number;
  deckSize: number;
  /** 0–1; null when the deck has no cards. */
  predictedRetention: number | null;
  reviewsLast7Days: number;
  /** 0–1: mean of the lesson and learned-card fractions. */
  progress: number;
  /** 0–1: the share of the assignment's time spent at `now` (the pace progress is held against). */
  expectedProgress: number;
  dueAt: number;
}

export interface ProgressOptions {
  targetRetention?: number;
}

function checkInput(input: LearnerModuleInput, window: AssignmentWindow, targetRetention: number): void {
  const counts = { deckSize: input.deckSize, lessonsRead: input.lessonsRead, lessonCount: input.lessonCount };
  for (const [name, n] of Object.entries(counts)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0; got ${n}.`);
  }
  if (input.lessonsRead > input.lessonCount) {
    throw new RangeError(`The learner has read ${input.lessonsRead} lessons of ${input.lessonCount}.`);
  }
  if (input.cards.length > input.deckSize) {
    throw new RangeError(`The learner has ${input.cards.length} cards of a deck of ${input.deckSize}.`);
  }
  if (!(window.dueAt > window.startsAt)) throw new RangeError("An assignment's due date must be after its start.");
  if (!(targetRetention > 0 && targetRetention <= 1)) {
    throw new RangeError(`Target retention must be in (0, 1]; got ${targetRetention}.`);
  }
}

/** Mean recall on the due date over the deck; cards absent or never studied add 0. */
export function predictedRetentionAt(
  cards: readonly LearnerCard[],
  deckSize: number,
  at: number,
  weights?: readonly number[] | null,
): number | null {
  if (deckSize === 0) return null;
  let sum = 0;
  for (const card of cards) sum += retrievability(card, at, weights);
  return sum / deckSize;
}

function fraction(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** One learner × one assigned module at `now`; see the module header for every rule. */
export function progressCell(
  input: LearnerModuleInput,
  window: AssignmentWindow,
  now: number,
  options: ProgressOptions = {},
): ProgressCell {
  const target = options.targetRetention ?? DEFAULT_TARGET_RETENTION;
  checkInput(input, window, target);
  const { lessonsRead } = input;
  const cardsLearned = input.cards.filter((c) => c.state !== CardStates.new).length;
  const predictedRetention = predictedRetentionAt(input.cards, input.deckSize, window.dueAt, input.weights);
  const reviewsLast7Days = input.reviewTimes.filter((t) => t > now - RECENT_REVIEW_WINDOW_MS && t <= now).length;

  const parts = [fraction(lessonsRead, input.lessonCount), fraction(cardsLearned, input.deckSize)].filter(
    (f): f is number => f !== null,
  );
  const progress = parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length;
  const expectedProgress = Math.min(1, Math.max(0, (now - window.startsAt) / (window.dueAt - window.startsAt)));

  const allRead = lessonsRead === input.lessonCount;
  const retained = predictedRetention === null || predictedRetention >= target;
  let status: ProgressStatus;
  if (allRead && retained) status = "done";
  else if (now > window.dueAt) status = "overdue";
  else if (lessonsRead === 0 && cardsLearned === 0) status = "not started";
  else if (progress < expectedProgress) status = "behind";
  else status = "on track";

  return {
    status,
    lessonsRead,
    lessonCount: input.lessonCount,
    cardsLearned,
    deckSize: input.deckSize,
    predictedRetention,
    reviewsLast7Days,
    progress,
    expectedProgress,
    dueAt: window.dueAt,
  };
}

/**
 * Most at risk first: by status (STATUS_RISK_ORDER), then the sooner due date,
 * then less progress, then lower predicted retention. Ties compare equal, so a
 * stable sort keeps the caller's order (sort by name first for a steady page).
 */
export function compareByRisk(a: ProgressCell, b: ProgressCell): number {
  return (
    STATUS_RISK_ORDER.indexOf(a.status) - STATUS_RISK_ORDER.indexOf(b.status) ||
    a.dueAt - b.dueAt ||
    a.progress - b.progress ||
    (a.predictedRetention ?? 1) - (b.predictedRetention ?? 1)
  );
}

/** A learner's riskiest cell across their assigned modules (orders the dashboard's rows); null for none. */
export function riskiestCell(cells: readonly ProgressCell[]): ProgressCell | null {
  let worst: ProgressCell | null = null;
  for (const cell of cells) if (worst === null || compareByRisk(cell, worst) < 0) worst = cell;
  return worst;
}
