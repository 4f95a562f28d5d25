/**
 * What a learner's response means for a question: correct, close (right
 * but misspelt: a slip of a letter or two in a long answer), wrong, or
 * invalid (nothing to grade: empty, spaces, punctuation only), with what to
 * show as the answer and a message for the learner. Practice and review
 * both grade here; an invalid response is a form error, never a review.
 * Pure.
 */
import type { NumericAnswer, QuestionType } from "../content/types";
import { allowedSlips, compactFold, editDistance, foldAnswer, sameAnswer } from "./fold";
import { answersNumber, answersRange, decadesKey, rangeEnds, readNumber, yearsIn, type NumericKey } from "./numbers";
import { isAcronym } from "./variants";

export interface GradableQuestion {
  type: QuestionType;
  /** The prompt as shown: it says whether a date's year alone is asked for. */
  prompt?: string;
  /** As a person would write it ("24 hours", "True", "Marie Curie"). */
  answer: string;
  /** Accepted variants (the answer itself may or may not be included). */
  accepted: readonly string[];
  options?: readonly string[] | null;
  numeric?: NumericAnswer | null;
}

export type Verdict = "correct" | "close" | "wrong" | "invalid";

export interface Grade {
  verdict: Verdict;
  /** What to show as the right answer. */
  expected: string;
  /** For the learner: why the form was refused, or that a right answer was misspelt; null otherwise. */
  message: string | null;
}

export const EMPTY_RESPONSE_MESSAGE = "Type an answer (or choose one) before checking.";

/** Correct and close both count as knowing the answer; close caps the rating at Hard. */
export function isRight(verdict: Verdict): boolean {
  return verdict === "correct" || verdict === "close";
}

/** Why a response cannot be graded (no letter, digit or sign in it), or null when it can. */
export function responseProblem(response: unknown): string | null {
  if (typeof response !== "string" || !/[\p{L}\p{N}$€£¥%]/u.test(response)) return EMPTY_RESPONSE_MESSAGE;
  return null;
}

const TRUE_WORDS = new Set(["true", "t", "yes", "y", "correct", "right"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "incorrect", "wrong"]);

function truthValue(text: string): boolean | null {
  const folded = foldAnswer(text);
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

function numericKey(question: GradableQuestion): NumericKey | null {
  const fromAnswer = readNumber(question.answer);
  const value = question.numeric?.value ?? fromAnswer?.value;
  if (value === undefined) return null;
  return {
    value,
    unit: question.numeric?.unit ?? fromAnswer?.unit ?? null,
    tolerance: question.numeric?.tolerance ?? 0,
  };
}

/** "Year of …", "In which year …": a prompt about a year ("for ten years" asks for none). */
const ASKS_FOR_YEAR = /\byear\b/i;

/** "2020" (or "in 2020") for a key dated "October 2020", when the prompt asks for the year. */
function givesTheYear(question: GradableQuestion, response: string): boolean {
  if (!question.prompt || !ASKS_FOR_YEAR.test(question.prompt)) return false;
  const years = yearsIn(question.answer);
  if (years.length !== 1) return false;
  return foldAnswer(response).replace(/^in /, "") === String(years[0]);
}

/** A variant a slip may be forgiven against: letters only, and no acronym (one letter there is another name). */
function slipMayCount(variant: string): boolean {
  return !/\d/.test(variant) && !isAcronym(variant);
}

/**
 * Whether the response is a small slip from one of the variants (see
 * allowedSlips) and no nearer, or as near, to another option.
 */
function isSlip(response: string, variants: readonly string[], others: readonly string[]): boolean {
  const given = compactFold(response);
  if (given === "" || /\d/.test(given)) return false;
  const near = variants.some((variant) => {
    if (!slipMayCount(variant)) return false;
    const key = compactFold(variant);
    const allowed = allowedSlips(key.length);
    return allowed > 0 && editDistance(given, key, allowed) <= allowed;
  });
  if (!near) return false;
  return !others.some((other) => {
    const key = compactFold(other);
    return editDistance(given, key, allowedSlips(key.length)) <= allowedSlips(key.length);
  });
}

/** The blank a prompt shows where its key goes. */
const BLANK = "_____";

/**
 * A range asked with both ends blanked ("Between _____ and _____ the group staged...", key "1874 and 1886"):
 * its ends, and the words the prompt writes after the second blank (a unit the learner may repeat), or null.
 */
function askedRange(question: GradableQuestion): { ends: [number, number]; unitWords: string[] } | null {
  const prompt = question.prompt ?? "";
  const ends = rangeEnds(question.answer);
  if (!ends) return null;
  const last = prompt.lastIndexOf(BLANK);
  // Asked outright ("What are the sustained winds (km/h) for category 2?", 154–177): the prompt's words are its units.
  if (last < 0) return { ends, unitWords: prompt.toLowerCase().match(/\p{L}+/gu) ?? [] };
  if (prompt.indexOf(BLANK) === last) return null;
  const unitWords = (prompt.slice(last + BLANK.length).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 2);
  return { ends, unitWords };
}

function gradeText(question: GradableQuestion, response: string): Verdict {
  // A range is read by its numbers first: folding drops a minus sign, and "-12 to 14" is no "12 to 14".
  const range = askedRange(question);
  if (range) return answersRange(response, range.ends, range.unitWords, decadesKey(question.answer)) ? "correct" : "wrong";
  const variants = [question.answer, ...question.accepted];
  if (variants.some((v) => sameAnswer(response, v))) return "correct";
  if (givesTheYear(question, response)) return "correct";
  const others = (question.options ?? []).filter((o) => !variants.some((v) => sameAnswer(o, v)));
  return isSlip(response, variants, others) ? "close" : "wrong";
}

/** Grades `response` against the question's answer and accepted variants. */
export function gradeResponse(question: GradableQuestion, response: string): Grade {
  const expected = question.answer;
  const problem = responseProblem(response);
  if (problem) return { verdict: "invalid", expected, message: problem };
  let verdict: Verdict;
  switch (question.type) {
    case "numeric": {
      const key = numericKey(question);
      verdict = key && answersNumber(response, key) ? "correct" : "wrong";
      break;
    }
    case "true_false": {
      const given = truthValue(response);
      verdict = given !== null && given === truthValue(question.answer) ? "correct" : "wrong";
      break;
    }
    case "multiple_choice":
    case "cloze":
    case "short_answer":
      verdict = gradeText(question, response);
      break;
  }
  return { verdict, expected, message: verdict === "close" ? `Right — check the spelling: ${expected}` : null };
}
