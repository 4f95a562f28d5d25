/**
 * A learner's review history as the FSRS optimiser and the srs-benchmark see
 * it, and how well a set of FSRS-6 weights predicts it.
 *
 * Conventions follow open-spaced-repetition/srs-benchmark (features/base.py,
 * other.py) and fsrs-rs:
 * - days are counted from a day boundary at `nextDayHour` in the learner's time
 *   zone (Anki's "next day starts at", 4 am by default); delta_t is the number
 *   of such days since the card's previous review;
 * - same-day reviews (delta_t = 0) stay in a card's history, where FSRS-6's
 *   short-term stability uses them, but are never predicted: only a card's
 *   first review of a later day is an evaluable (long-term) review;
 * - y = 1 unless the rating is Again; log loss is the mean binary
 *   cross-entropy; RMSE(bins) groups reviews by interval length, long-term
 *   review number and long-term lapse count (rmse_matrix), then takes the
 *   count-weighted RMSE of mean outcome against mean prediction;
 * - the time-series split is scikit-learn's TimeSeriesSplit(n_splits=5) over
 *   the evaluable reviews in chronological order.
 * Pure: no I/O. The only other importer of ts-fsrs besides scheduler.ts.
 */
import { forgetting_curve, fsrs, generatorParameters, type FSRS, type FSRSState } from "ts-fsrs";
import { timeZoneOffsetMs, DAY_ROLLOVER_HOUR } from "./day";
import { checkWeights, DEFAULT_WEIGHTS, isRating, type Rating } from "./scheduler";

export interface LoggedReview {
  cardId: string | number;
  /** ms since the epoch. */
  reviewedAt: number;
  rating: Rating;
}

export interface DayClock {
  timeZone: string;
  /** Hour at which a new day starts (srs-benchmark and Anki default: 4). */
  nextDayHour: number;
}

export const DEFAULT_DAY_CLOCK: DayClock = { timeZone: "UTC", nextDayHour: DAY_ROLLOVER_HOUR };

/** Days since the epoch with the day starting at `nextDayHour` local time. */
export function dayNumber(ms: number, clock: DayClock): number {
  const offset = clock.timeZone === "UTC" ? 0 : timeZoneOffsetMs(ms, clock.timeZone);
  return Math.floor((ms + offset - clock.nextDayHour * 3_600_000) / 86_400_000);
}

export interface HistoryStep {
  rating: Rating;
  /** Whole days since the card's previous review (0 for the first and same-day ones). */
  deltaT: number;
}

/** One long-term review to predict, with everything the card went through before it. */
export interface EvaluableReview {
  cardId: string | number;
  reviewedAt: number;
  /** Position in the whole log, chronological (ties keep file order). */
  order: number;
  /** The card's reviews up to and including this one. */
  history: HistoryStep[];
  deltaT: number;
  /** 1 recalled (Hard/Good/Easy), 0 forgotten (Again). */
  y: 0 | 1;
  /** srs-benchmark's `i`: 1 + the number of long-term reviews up to and including this one. */
  i: number;
  /** Long-term reviews rated Again before this one. */
  lapses: number;
}

/**
 * The evaluable (long-term) reviews of a log, in chronological order. Reviews
 * with a rating outside 1–4 are dropped, as srs-benchmark drops them.
 */
export function evaluableReviews(
  log: readonly LoggedReview[],
  clock: DayClock = DEFAULT_DAY_CLOCK,
): EvaluableReview[] {
  const ordered = log
    .map((r, index) => ({ ...r, index }))
    .filter((r) => isRating(r.rating))
    .sort((a, b) => a.reviewedAt - b.reviewedAt || a.index - b.index);
  const cards = new Map<string | number, { lastDay: number; history: HistoryStep[]; longTerm: number; lapses: number }>();
  const out: EvaluableReview[] = [];
  ordered.forEach((r, order) => {
    const day = dayNumber(r.reviewedAt, clock);
    let card = cards.get(r.cardId);
    if (!card) {
      card = { lastDay: day, history: [], longTerm: 0, lapses: 0 };
      cards.set(r.cardId, card);
      card.history.push({ rating: r.rating, deltaT: 0 });
      return;
    }
    const deltaT = Math.max(0, day - card.lastDay);
    card.lastDay = day;
    card.history.push({ rating: r.rating, deltaT });
    if (deltaT === 0) return;
    card.longTerm++;
    out.push({
      cardId: r.cardId,
      reviewedAt: r.reviewedAt,
      order,
      history: card.history.slice(),
      deltaT,
      y: r.rating === 1 ? 0 : 1,
      i: card.longTerm + 1,
      lapses: card.lapses,
    });
    if (r.rating === 1) card.lapses++;
  });
  return out;
}

function algorithm(weights: readonly number[]): FSRS {
  return fsrs(generatorParameters({ w: [...checkWeights(weights)], enable_short_term: true, enable_fuzz: false }));
}

/** The memory state after a sequence of reviews (null before the first). */
export function memoryAfter(f: FSRS, steps: readonly HistoryStep[]): FSRSState | null {
  let state: FSRSState | null = null;
  for (const step of steps) state = f.next_state(state, step.deltaT, step.rating);
  return state;
}

export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** FSRS-6 memory dynamics under given weights (used to replay or simulate a learner). */
export interface MemoryModel {
  /** State after a review rated `rating`, `deltaT` whole days after the previous one (0 = same day). */
  next(state: MemoryState | null, deltaT: number, rating: Rating): MemoryState;
  /** Probability of recall `elapsedDays` (may be fractional) after the last review. */
  recall(state: MemoryState, elapsedDays: number): number;
}

export function memoryModel(weights: readonly number[]): MemoryModel {
  const f = algorithm(weights);
  const w = [...weights];
  return {
    next: (state, deltaT, rating) => f.next_state(state, deltaT, rating),
    recall: (state, elapsedDays) => forgetting_curve(w, elapsedDays, state.stability),
  };
}

/** Predicted probability of recall at each review (before its rating is known). */
export function predictRecall(
  reviews: readonly EvaluableReview[],
  weights: readonly number[] = DEFAULT_WEIGHTS,
): number[] {
  const f = algorithm(weights);
  return reviews.map((r) => {
    const before = memoryAfter(f, r.history.slice(0, -1));
    if (!before) return 0.5;
    return forgetting_curve([...weights], r.deltaT, before.stability);
  });
}

const EPSILON = 1e-15;

/** Mean binary cross-entropy (scikit-learn's log_loss, predictions clipped). */
export function logLoss(y: readonly number[], p: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < y.length; k++) {
    const q = Math.min(1 - EPSILON, Math.max(EPSILON, p[k]!));
    sum += -(y[k]! * Math.log(q) + (1 - y[k]!) * Math.log(1 - q));
  }
  return sum / y.length;
}

function logBin(x: number, scale: number, base: number, digits: number): number {
  const v = scale * Math.pow(base, Math.floor(Math.log(x) / Math.log(base)));
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** The srs-benchmark bin of a review: (interval length, review number, lapses). */
export function rmseBin(r: Pick<EvaluableReview, "deltaT" | "i" | "lapses">): string {
  const deltaT = logBin(Math.max(r.deltaT, 1e-6), 2.48, 3.62, 2);
  const i = logBin(r.i, 1.99, 1.89, 0);
  const lapses = r.lapses === 0 ? 0 : logBin(r.lapses, 1.65, 1.73, 0);
  return `${deltaT}|${i}|${lapses}`;
}

/** RMSE(bins): count-weighted RMSE between mean outcome and mean prediction per bin. */
export function rmseBins(
  reviews: readonly Pick<EvaluableReview, "deltaT" | "i" | "lapses" | "y">[],
  p: readonly number[],
): number {
  const bins = new Map<string, { y: number; p: number; n: number }>();
  reviews.forEach((r, k) => {
    const key = rmseBin(r);
    const bin = bins.get(key) ?? { y: 0, p: 0, n: 0 };
    bin.y += r.y;
    bin.p += p[k]!;
    bin.n++;
    bins.set(key, bin);
  });
  let sum = 0;
  let n = 0;
  for (const bin of bins.values()) {
    sum += bin.n * (bin.y / bin.n - bin.p / bin.n) ** 2;
    n += bin.n;
  }
  return Math.sqrt(sum / n);
}

/** scikit-learn TimeSeriesSplit: expanding train window, equal test folds at the end. */
export function timeSeriesSplits(
  n: number,
  splits = 5,
): { trainEnd: number; testStart: number; testEnd: number }[] {
  const testSize = Math.floor(n / (splits + 1));
  if (testSize < 1) {
    throw new RangeError(`Too few reviews (${n}) for a ${splits}-fold time-series split.`);
  }
  return Array.from({ length: splits }, (_, k) => {
    const testStart = n - (splits - k) * testSize;
    return { trainEnd: testStart, testStart, testEnd: testStart + testSize };
  });
}

export interface Metrics {
  logLoss: number;
  rmseBins: number;
  reviews: number;
}

export function metricsOf(reviews: readonly EvaluableReview[], p: readonly number[]): Metrics {
  return { logLoss: logLoss(reviews.map((r) => r.y), p), rmseBins: rmseBins(reviews, p), reviews: reviews.length };
}

export interface SplitEvaluation {
  defaults: Metrics;
  optimised: Metrics;
  /** The weights fitted on each fold's training part. */
  foldWeights: number[][];
}

/**
 * Time-series evaluation: for each fold, weights are fitted on the reviews
 * before it (`fit`), and both those and the defaults predict the fold. Metrics
 * are computed over all test folds together, as srs-benchmark does.
 */
export async function evaluateWithSplits(
  reviews: readonly EvaluableReview[],
  fit: (train: readonly EvaluableReview[]) => Promise<readonly number[]>,
  splits = 5,
): Promise<SplitEvaluation> {
  const tested: EvaluableReview[] = [];
  const pDefault: number[] = [];
  const pOptimised: number[] = [];
  const foldWeights: number[][] = [];
  for (const fold of timeSeriesSplits(reviews.length, splits)) {
    const test = reviews.slice(fold.testStart, fold.testEnd);
    const weights = await fit(reviews.slice(0, fold.trainEnd));
    foldWeights.push([...weights]);
    tested.push(...test);
    pDefault.push(...predictRecall(test, DEFAULT_WEIGHTS));
    pOptimised.push(...predictRecall(test, weights));
  }
  return { defaults: metricsOf(tested, pDefault), optimised: metricsOf(tested, pOptimised), foldWeights };
}
