/**
 * What makes a question an instructor writes or edits well formed, per type:
 * a prompt and a key; a cloze prompt with one blank; a multiple-choice key
 * among distinct options, no other option an accepted answer; a true/false
 * key of True or False (its options are always True and False); a numeric
 * key that reads as a number, in the unit asked for. The grader
 * (grade.ts) reads what this returns. Pure.
 */
import type { NumericAnswer, QuestionType } from "../content/types";
import { foldAnswer, sameAnswer } from "./fold";
import { readNumber, unitCode } from "./numbers";
import { TRUE_FALSE_OPTIONS } from "./options";

/** The blank a cloze prompt shows, as the generator writes it. */
export const CLOZE_BLANK = "_____";

export const AUTHORING_LIMITS = { prompt: 1000, answer: 200, explanation: 2000, option: 200, options: 8, accepted: 20, unit: 40 } as const;

/** The fields of the question form, as typed: several values a field are one a line. */
export interface AuthoredFields {
  prompt: string;
  answer: string;
  /** Other accepted answers, one a line. */
  accepted: string;
  /** Multiple-choice options, one a line. */
  options: string;
  /** Numeric: the unit asked for, and how far off an answer may be. */
  unit: string;
  tolerance: string;
  explanation: string;
}

export type AuthoredField = keyof AuthoredFields;

export interface AuthoredQuestion {
  prompt: string;
  answer: string;
  /** The key first, then the other accepted answers. */
  accepted: string[];
  options: string[] | null;
  numeric: NumericAnswer | null;
  explanation: string;
}

export type AuthoringResult =
  | { ok: true; question: AuthoredQuestion }
  | { ok: false; fieldErrors: Partial<Record<AuthoredField, string>> };

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Three or more underscores: a blank, however many the instructor typed. */
const TYPED_BLANK = /_{3,}/g;

export function checkAuthoredQuestion(type: QuestionType, fields: AuthoredFields): AuthoringResult {
  const errors: Partial<Record<AuthoredField, string>> = {};
  const explanation = fields.explanation.trim();
  let prompt = fields.prompt.trim().replace(/\s+/g, " ");
  let answer = fields.answer.trim().replace(/\s+/g, " ");
  if (!prompt) errors.prompt = "Write the question's prompt.";
  else if (prompt.length > AUTHORING_LIMITS.prompt) errors.prompt = `A prompt has at most ${AUTHORING_LIMITS.prompt} characters.`;
  if (!answer) errors.answer = "Give the key: the answer that counts as right.";
  else if (answer.length > AUTHORING_LIMITS.answer) errors.answer = `A key has at most ${AUTHORING_LIMITS.answer} characters.`;
  if (explanation.length > AUTHORING_LIMITS.explanation) errors.explanation = `An explanation has at most ${AUTHORING_LIMITS.explanation} characters.`;

  if (type === "cloze" && prompt) {
    const blanks = prompt.match(TYPED_BLANK)?.length ?? 0;
    if (blanks !== 1) errors.prompt = `A cloze prompt has one blank, written ${CLOZE_BLANK}${blanks > 1 ? `; this one has ${blanks}` : ""}.`;
    else prompt = prompt.replace(TYPED_BLANK, CLOZE_BLANK);
  }

  // A true/false key is graded as a truth value: other spellings of it mean nothing.
  const typedOthers = type === "true_false" ? [] : lines(fields.accepted);
  const others = typedOthers.filter((v) => v.length <= AUTHORING_LIMITS.answer);
  if (typedOthers.length !== others.length) errors.accepted = `An accepted answer has at most ${AUTHORING_LIMITS.answer} characters.`;
  else if (others.length > AUTHORING_LIMITS.accepted) errors.accepted = `At most ${AUTHORING_LIMITS.accepted} accepted answers.`;

  let options: string[] | null = null;
  let numeric: NumericAnswer | null = null;
  switch (type) {
    case "true_false": {
      const given = lines(fields.options);
      if (given.length > 0 && given.join("|") !== TRUE_FALSE_OPTIONS.join("|")) errors.options = "A true/false question's options are True and False.";
      const truth = TRUE_FALSE_OPTIONS.find((o) => o.toLowerCase() === answer.toLowerCase());
      if (answer && !truth) errors.answer = "A true/false key is True or False.";
      else if (truth) answer = truth;
      options = [...TRUE_FALSE_OPTIONS];
      break;
    }
    case "multiple_choice": {
      options = lines(fields.options);
      if (options.length < 2 || options.length > AUTHORING_LIMITS.options) {
        errors.options = `Give from 2 to ${AUTHORING_LIMITS.options} options, one a line.`;
      } else if (options.some((o) => o.length > AUTHORING_LIMITS.option)) {
        errors.options = `An option has at most ${AUTHORING_LIMITS.option} characters.`;
      } else if (new Set(options.map(foldAnswer)).size !== options.length || options.some((o) => foldAnswer(o) === "")) {
        errors.options = "Each option must differ from the others.";
      } else if (answer) {
        const key = options.find((o) => sameAnswer(o, answer));
        const alsoRight = options.find((o) => o !== key && others.some((v) => sameAnswer(o, v)));
        if (!key) errors.answer = "The key must be one of the options.";
        else if (alsoRight) errors.accepted = `“${alsoRight}” is an option and also an accepted answer: only the key may be right.`;
        else answer = key;
      }
      break;
    }
    case "numeric": {
      const read = answer ? readNumber(answer) : null;
      const unit = fields.unit.trim() || null;
      const tolerance = fields.tolerance.trim() === "" ? 0 : Number(fields.tolerance.trim());
      if (answer && !read) errors.answer = "A numeric key is a number, such as 8849 or 8,849 metres.";
      if (unit && unit.length > AUTHORING_LIMITS.unit) errors.unit = `A unit has at most ${AUTHORING_LIMITS.unit} characters.`;
      else if (read?.unit && unit && unitCode(unit) !== read.unit) errors.unit = "The key is written in another unit than this one.";
      if (!Number.isFinite(tolerance) || tolerance < 0) errors.tolerance = "The tolerance is a number, zero or more.";
      if (read) numeric = { value: read.value, unit, tolerance };
      break;
    }
    case "cloze":
    case "short_answer":
      break;
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const accepted = [answer, ...others.filter((v, i) => !sameAnswer(v, answer) && others.findIndex((w) => sameAnswer(v, w)) === i)];
  return { ok: true, question: { prompt, answer, accepted, options, numeric, explanation } };
}
