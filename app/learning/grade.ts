/**
 * Grading a learner's response to a question, and the rating it suggests.
 * Owns answer folding (case, diacritics, punctuation, leading articles,
 * whitespace), number reading ("1,000", "1 000", "24 hours", "twenty-four"),
 * the Again/Hard/Good/Easy proposal from correctness and response time, and
 * the per-showing shuffle of multiple-choice options. Pure: seeds are given.
 */
import type { NumericAnswer, QuestionType } from "~/content/types";
import type { Rating } from "./scheduler";
import { seededRandom, shuffled } from "./random";

export interface GradableQuestion {
  type: QuestionType;
  /** As a person would write it ("24 hours", "True", "Marie Curie"). */
  answer: string;
  /** Accepted variants (the answer itself may or may not be included). */
  accepted: readonly string[];
  options?: readonly string[] | null;
  numeric?: NumericAnswer | null;
}

export interface GradeResult {
  correct: boolean;
  /** What to show as the right answer. */
  expected: string;
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/**
 * The comparable form of a text answer: lower case, no diacritics, "&" read
 * as "and", apostrophes and full stops dropped (U.S.A. = USA), other
 * punctuation as spaces, one leading article dropped, spaces collapsed.
 */
export function foldAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`´.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(LEADING_ARTICLE, "");
}

function sameText(a: string, b: string): boolean {
  const fa = foldAnswer(a);
  const fb = foldAnswer(b);
  if (fa === "" || fb === "") return false;
  // "well-known" = "well known" = "wellknown".
  return fa === fb || fa.replace(/ /g, "") === fb.replace(/ /g, "");
}

function matchesAny(response: string, variants: readonly string[]): boolean {
  return variants.some((v) => sameText(response, v));
}

// ------------------------------------------------------------------ numbers

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Units a learner might write; a response naming a different one than expected is wrong. */
const UNIT_WORDS: Record<string, string> = {
  second: "s", seconds: "s", sec: "s", secs: "s", s: "s",
  minute: "min", minutes: "min", min: "min", mins: "min",
  hour: "h", hours: "h", hr: "h", hrs: "h", h: "h",
  day: "d", days: "d", week: "wk", weeks: "wk", month: "mo", months: "mo",
  year: "yr", years: "yr", yr: "yr", yrs: "yr",
  millimetre: "mm", millimetres: "mm", millimeter: "mm", millimeters: "mm", mm: "mm",
  centimetre: "cm", centimetres: "cm", centimeter: "cm", centimeters: "cm", cm: "cm",
  metre: "m", metres: "m", meter: "m", meters: "m", m: "m",
  kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km", km: "km",
  mile: "mi", miles: "mi", gram: "g", grams: "g", g: "g",
  kilogram: "kg", kilograms: "kg", kg: "kg", percent: "%", "%": "%",
};

/** Words-to-number for "twenty-four", "one hundred and five", "two thousand". */
function wordsToNumber(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words) {
    if (word === "and" && seen) continue;
    if (word in SMALL_NUMBERS) {
      current += SMALL_NUMBERS[word]!;
    } else if (word === "hundred" && seen) {
      current = (current || 1) * 100;
    } else if (word in SCALES && seen) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else {
      break;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

export interface ReadNumber {
  value: number;
  /** Canonical unit named after the number, if any ("h" for "hours"). */
  unit: string | null;
}

/**
 * Reads the first number in a response: digits with thousands separators
 * ("1,000", "1 000", "1.000.000" is not read as thousands), decimals, a scale
 * word ("2 million"), or number words; plus the unit named after it.
 */
export function readNumber(response: string): ReadNumber | null {
  const text = response
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/[−–]/g, "-")
    .trim();
  let value: number | null = null;
  let rest = "";
  const digits = /(-?)(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?/.exec(text);
  if (digits) {
    const whole = digits[2]!.replace(/[, ]/g, "");
    value = Number(`${digits[1]}${whole}${digits[3] ? `.${digits[3]}` : ""}`);
    rest = text.slice(digits.index + digits[0].length);
    const scale = /^\s*(thousand|million|billion|trillion)\b/.exec(rest);
    if (scale) {
      value *= SCALES[scale[1]!]!;
      rest = rest.slice(scale[0].length);
    }
  } else {
    const words = text.split(/[\s-]+/).filter(Boolean);
    const start = words.findIndex((w) => w in SMALL_NUMBERS);
    if (start >= 0) {
      const numberWords: string[] = [];
      for (const w of words.slice(start)) {
        if (w in SMALL_NUMBERS || w in SCALES || w === "hundred" || w === "and") numberWords.push(w);
        else break;
      }
      while (numberWords.at(-1) === "and") numberWords.pop();
      value = wordsToNumber(numberWords);
      rest = words.slice(start + numberWords.length).join(" ");
    }
  }
  if (value === null || !Number.isFinite(value)) return null;
  const unitWord = /^\s*(%|[a-z]+)/.exec(rest)?.[1];
  return { value, unit: unitWord ? (UNIT_WORDS[unitWord] ?? null) : null };
}

function gradeNumeric(question: GradableQuestion, response: string): boolean {
  const expected = question.numeric ?? null;
  const read = readNumber(response);
  if (!read) return false;
  const target = expected?.value ?? readNumber(question.answer)?.value;
  if (target === undefined) return false;
  const tolerance = Math.max(expected?.tolerance ?? 0, 1e-9 * Math.max(1, Math.abs(target)));
  if (Math.abs(read.value - target) > tolerance) return false;
  // "24 minutes" for "24 hours" is wrong; "24" alone is right.
  const expectedUnit = expected?.unit ? (UNIT_WORDS[expected.unit.toLowerCase()] ?? null) : null;
  return !(read.unit && expectedUnit && read.unit !== expectedUnit);
}

const TRUE_WORDS = new Set(["true", "t", "yes", "y", "correct", "right"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "incorrect", "wrong"]);

function truthValue(text: string): boolean | null {
  const folded = foldAnswer(text);
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

/** Grades `response` against the question's answer and accepted variants. */
export function gradeResponse(question: GradableQuestion, response: string): GradeResult {
  const expected = question.answer;
  const variants = [question.answer, ...question.accepted];
  if (typeof response !== "string" || response.trim() === "") return { correct: false, expected };
  switch (question.type) {
    case "numeric":
      return { correct: gradeNumeric(question, response), expected };
    case "true_false": {
      const given = truthValue(response);
      const wanted = truthValue(question.answer);
      return { correct: given !== null && given === wanted, expected };
    }
    case "multiple_choice":
    case "cloze":
    case "short_answer":
      return { correct: matchesAny(response, variants), expected };
  }
}

// ------------------------------------------------------------------ rating

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
  responseMs: number;
  /** Median response time of this learner's correct answers, or null if too few. */
  learnerMedianMs: number | null;
  type: QuestionType;
}

/**
 * Wrong → Again. Right → Hard when slow (over twice the learner's median, or a
 * minute), Easy when fast (under half the median), otherwise Good.
 */
export function proposeRating(input: RatingProposalInput): Rating {
  if (!input.correct) return 1;
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

/** The options in an order fixed by `seed` (use the showing's id: a reload keeps the order). */
export function shuffleOptions<T>(options: readonly T[], seed: string): T[] {
  return shuffled(options, seededRandom(`options:${seed}`));
}
