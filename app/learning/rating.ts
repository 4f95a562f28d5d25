/**
 * The rating a graded answer suggests: Again/Hard/Good/Easy from whether it
 * was right, whether it was misspelt, and how long it took against the
 * learner's usual pace. What an answer means (right, close, wrong) is
 * app/questions' to say. Pure.
 */
import type { QuestionType } from "../content/types";
import type { Rating } from "./scheduler";

/** Typical time to answer before a learner has a median of their own. */
const DEFAULT_MEDIAN_MS: Record<QuestionType, number> = {
  multiple_choice: 6_000,
  true_false: 4_000,
  cloze: 8_000,
  short_answer: 10_000,
  numeric: 8_000,
};
/** Slower than this is Hard whatever the learner's usual pace. */
const ALWAYS_SLOW_MS = 60_000;
export const SLOW_FACTOR = 2;
export const FAST_FACTOR = 0.5;

export interface RatingProposalInput {
  correct: boolean;
  /** Right but misspelt ("close"): never more than Hard. */
  misspelt?: boolean;
  responseMs: number;
  /** Median response time of this learner's correct answers, or null if too few. */
  learnerMedianMs: number | null;
  type: QuestionType;
}

/**
 * Wrong → Again. Right but misspelt → Hard. Right → Hard when slow (over
 * twice the learner's median, or a minute), Easy when fast (under half the
 * median), otherwise Good.
 */
export function proposeRating(input: RatingProposalInput): Rating {
  if (!input.correct) return 1;
  if (input.misspelt) return 2;
  const median =
    input.learnerMedianMs !== null && input.learnerMedianMs > 0
      ? input.learnerMedianMs
      : DEFAULT_MEDIAN_MS[input.type];
  if (input.responseMs > ALWAYS_SLOW_MS || input.responseMs > SLOW_FACTOR * median) return 2;
  if (input.responseMs < FAST_FACTOR * median) return 4;
  return 3;
}

/** Fewer correct answers than this give no personal median (defaults apply). */
export const MIN_ANSWERS_FOR_MEDIAN = 10;

/** Median response time of correct answers, or null when there are too few. */
export function medianResponseMs(
  answers: readonly { correct: boolean; responseMs: number }[],
): number | null {
  const times = answers
    .filter((a) => a.correct && Number.isFinite(a.responseMs) && a.responseMs > 0)
    .map((a) => a.responseMs)
    .sort((a, b) => a - b);
  if (times.length < MIN_ANSWERS_FOR_MEDIAN) return null;
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}
