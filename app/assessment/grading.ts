/**
 * Grading a finished attempt: every question of the form against the answer
 * counted for it, through the one answer-meaning module (app/questions/grade:
 * accepted variants, numbers with tolerance and units, a slip of spelling
 * counted right). A question left blank is unanswered and scores nothing.
 * Also the FSRS rating an assessment answer counts as, and item analysis
 * (facility and discrimination indices) over many finished attempts. Pure.
 */
import type { Rating } from "../learning/scheduler";
import { gradeResponse, isRight, type GradableQuestion, type Verdict } from "../questions/grade";

export type ItemVerdict = Exclude<Verdict, "invalid"> | "unanswered";

export interface GradedItem {
  questionId: string;
  response: string | null;
  verdict: ItemVerdict;
  /** The key as a person writes it. */
  expected: string;
}

export interface AttemptGrade {
  items: GradedItem[];
  right: number;
  total: number;
  /** 0–100, rounded to one decimal. */
  percent: number;
}

export function gradeAttempt(
  form: readonly { questionId: string; question: GradableQuestion }[],
  answers: ReadonlyMap<string, string>,
): AttemptGrade {
  const items = form.map(({ questionId, question }): GradedItem => {
    const response = answers.get(questionId) ?? null;
    const graded = response === null ? null : gradeResponse(question, response);
    // A response with nothing to grade (emptied, spaces) is no answer.
    const verdict: ItemVerdict = !graded || graded.verdict === "invalid" ? "unanswered" : graded.verdict;
    return { questionId, response, verdict, expected: question.answer };
  });
  const right = items.filter((i) => i.verdict !== "unanswered" && isRight(i.verdict)).length;
  const total = items.length;
  return { items, right, total, percent: scorePercent(right, total) };
}

export function scorePercent(right: number, total: number): number {
  return total === 0 ? 0 : Math.round((right / total) * 1000) / 10;
}

export function hasPassed(percent: number, passMarkPercent: number): boolean {
  return percent >= passMarkPercent;
}

/**
 * An assessment answer as an FSRS review: right is Good, right but
 * misspelt Hard (as in review), wrong Again. An exam page does not time each
 * question, so speed never makes it Easy or Hard. Unanswered is no review.
 */
export function reviewRatingFor(verdict: ItemVerdict): Rating | null {
  switch (verdict) {
    case "correct":
      return 3;
    case "close":
      return 2;
    case "wrong":
      return 1;
    case "unanswered":
      return null;
  }
}

/** Fewer finished attempts than this give no discrimination index (the upper and lower groups would be one or two learners). */
export const DISCRIMINATION_MIN_ATTEMPTS = 10;
/** The upper and lower groups are this share of attempts each (Kelley's 27 %). */
const GROUP_SHARE = 0.27;

export interface ItemStatistics {
  questionId: string;
  /** Attempts whose form asked it. */
  asked: number;
  /** Share of those who got it right (facility index), or null when no one was asked. */
  facility: number | null;
  /** Facility in the top-scoring group minus facility in the bottom group; null with too few attempts. */
  discrimination: number | null;
}

/**
 * Facility and discrimination of every question over finished attempts.
 * Each attempt is its items' right/wrong and its total percent; with drawn
 * forms a question is judged only among the attempts that were asked it.
 */
export function itemAnalysis(attempts: readonly { percent: number; items: readonly { questionId: string; right: boolean }[] }[]): ItemStatistics[] {
  const ranked = [...attempts].sort((a, b) => a.percent - b.percent);
  const groupSize = Math.floor(ranked.length * GROUP_SHARE);
  const lower = new Set(ranked.slice(0, groupSize));
  const upper = new Set(ranked.slice(ranked.length - groupSize));
  const tallies = new Map<string, { asked: number; right: number; upper: [number, number]; lower: [number, number] }>();
  for (const attempt of ranked) {
    for (const item of attempt.items) {
      const t = tallies.get(item.questionId) ?? { asked: 0, right: 0, upper: [0, 0], lower: [0, 0] };
      t.asked++;
      if (item.right) t.right++;
      if (upper.has(attempt)) t.upper = [t.upper[0] + (item.right ? 1 : 0), t.upper[1] + 1];
      if (lower.has(attempt)) t.lower = [t.lower[0] + (item.right ? 1 : 0), t.lower[1] + 1];
      tallies.set(item.questionId, t);
    }
  }
  const enough = ranked.length >= DISCRIMINATION_MIN_ATTEMPTS;
  return [...tallies].map(([questionId, t]) => ({
    questionId,
    asked: t.asked,
    facility: t.asked > 0 ? t.right / t.asked : null,
    discrimination:
      enough && t.upper[1] > 0 && t.lower[1] > 0 ? t.upper[0] / t.upper[1] - t.lower[0] / t.lower[1] : null,
  }));
}
