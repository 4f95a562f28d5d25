/**
 * How a question's options are put in front of a learner, by one rule for
 * practice and review alike: true/false always reads True then False;
 * multiple choice is shuffled per showing, in an order fixed by the seed
 * (the showing's id, so a reload keeps it). Pure: the seed is given.
 */
import type { QuestionType } from "../content/types";
import { seededRandom, shuffled } from "../learning/random";

export const TRUE_FALSE_OPTIONS: readonly string[] = ["True", "False"];

/** The options to display, in display order; null for a typed answer. */
export function presentedOptions(
  question: { type: QuestionType; options?: readonly string[] | null },
  seed: string,
): string[] | null {
  if (question.type === "true_false") return [...TRUE_FALSE_OPTIONS];
  if (!question.options || question.options.length === 0) return null;
  if (question.type === "multiple_choice") return shuffled(question.options, seededRandom(`options:${seed}`));
  return [...question.options];
}
