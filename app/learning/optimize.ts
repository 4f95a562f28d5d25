/**
 * Personal FSRS parameters: when a learner has enough history to fit their
 * own, and fitting them from the review log with the fsrs-rs optimiser
 * (@open-spaced-repetition/binding, native). Until then the FSRS-6 defaults
 * apply. Import only from server code (*.server.ts, bench/, scripts/): the
 * binding is a native addon. The fit is asynchronous and takes seconds on a
 * few thousand reviews, so a caller runs it in the background.
 */
import {
  computeParameters,
  FSRSBindingItem,
  FSRSBindingReview,
} from "@open-spaced-repetition/binding";
import { studyDay } from "./day";
import {
  DEFAULT_DAY_CLOCK,
  evaluableReviews,
  type DayClock,
  type EvaluableReview,
  type LoggedReview,
} from "./memory-model";
import { DEFAULT_WEIGHTS, WEIGHT_COUNT } from "./scheduler";

/** Fewer reviews than this, or over fewer study days, and the defaults stay. */
export const MIN_REVIEWS_TO_OPTIMISE = 400;
export const MIN_DAYS_TO_OPTIMISE = 14;

export interface HistorySize {
  enough: boolean;
  reviews: number;
  days: number;
}

/** Whether a log is big enough to fit personal parameters (400 reviews over 14+ study days). */
export function hasEnoughHistory(
  log: readonly Pick<LoggedReview, "reviewedAt">[],
  timeZone: string,
): HistorySize {
  const days = new Set(log.map((r) => studyDay(r.reviewedAt, timeZone))).size;
  return {
    enough: log.length >= MIN_REVIEWS_TO_OPTIMISE && days >= MIN_DAYS_TO_OPTIMISE,
    reviews: log.length,
    days,
  };
}

/** fsrs-rs training items: one per long-term review, carrying the card's history up to it. */
export function trainingItems(reviews: readonly EvaluableReview[]): FSRSBindingItem[] {
  return reviews.map(
    (r) => new FSRSBindingItem(r.history.map((s) => new FSRSBindingReview(s.rating, s.deltaT))),
  );
}

/** Throws unless the optimiser returned 21 finite weights. */
function checkedWeights(weights: readonly number[]): number[] {
  if (weights.length !== WEIGHT_COUNT || !weights.every(Number.isFinite)) {
    throw new Error(`The optimiser returned ${weights.length} weights; expected ${WEIGHT_COUNT} finite numbers.`);
  }
  return [...weights];
}

export interface FitOptions {
  /** Give up after this many ms: the fit is interrupted and throws, so the caller keeps what it had. */
  deadlineMs?: number;
  progress?: (current: number, total: number) => void;
}

/**
 * How often, in ms, fsrs-rs calls back with progress. The binding's option
 * for it is named `timeout`, but it is a polling interval, not a deadline:
 * the promise settles only at the next tick after training ends, so a long
 * interval delays every fit by up to that long (500 ms by default).
 */
const PROGRESS_INTERVAL_MS = 25;

/** Fits FSRS-6 weights to long-term reviews. Throws if the optimiser fails. */
export async function fitWeights(
  reviews: readonly EvaluableReview[],
  options: FitOptions = {},
): Promise<number[]> {
  const started = Date.now();
  const inTime = () => options.deadlineMs === undefined || Date.now() - started < options.deadlineMs;
  const weights = await computeParameters(trainingItems(reviews), {
    enableShortTerm: true,
    numRelearningSteps: 1,
    timeout: PROGRESS_INTERVAL_MS,
    // Returning false interrupts training (the promise rejects with "Interrupted").
    progress: (current, total) => {
      options.progress?.(current, total);
      return inTime();
    },
  });
  // Training runs on its own thread and the progress calls wait for this one: on a
  // busy event loop a fit can end before any of them says stop. Past the deadline
  // is past it either way.
  if (!inTime()) throw new Error("Interrupted: the fit ended past its deadline");
  return checkedWeights(weights);
}

export type OptimisedParameters =
  | { source: "personal"; weights: number[]; reviewCount: number }
  | { source: "defaults"; weights: number[]; reviewCount: number; reason: string };

/**
 * The learner's parameters from their log: fitted when the history is big
 * enough and the fit succeeds, otherwise the defaults with the reason.
 */
export async function optimizeParameters(
  log: readonly LoggedReview[],
  clock: DayClock = DEFAULT_DAY_CLOCK,
  options: FitOptions = {},
): Promise<OptimisedParameters> {
  const defaults = (reason: string): OptimisedParameters => ({
    source: "defaults",
    weights: [...DEFAULT_WEIGHTS],
    reviewCount: log.length,
    reason,
  });
  const size = hasEnoughHistory(log, clock.timeZone);
  if (!size.enough) {
    return defaults(
      `Needs ${MIN_REVIEWS_TO_OPTIMISE} reviews over ${MIN_DAYS_TO_OPTIMISE} days; has ${size.reviews} over ${size.days}.`,
    );
  }
  try {
    const weights = await fitWeights(evaluableReviews(log, clock), options);
    return { source: "personal", weights, reviewCount: log.length };
  } catch (error) {
    return defaults(`The optimiser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
