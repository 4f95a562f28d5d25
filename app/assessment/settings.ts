/**
 * What an instructor sets for a timed assessment, and the rules on those
 * settings: the blueprint (which lessons, how many questions each), the
 * question types allowed, the window, the time limit, attempts, what learners
 * see afterwards and the pass mark. Which edits an opened assessment still
 * takes is said here too (its questions and keys are fixed; the rest is
 * logged). Pure: the clock and the question pool are arguments.
 */
import type { QuestionType } from "../content/types";
import { availableFacts, type PoolQuestion } from "./form";

export const QUESTION_TYPES: readonly QuestionType[] = ["multiple_choice", "true_false", "cloze", "short_answer", "numeric"];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  cloze: "Fill in the blank",
  short_answer: "Short answer",
  numeric: "Number",
};

/**
 * What a learner sees of a finished attempt, from least to most: nothing but
 * that it was submitted; their score; each question with their answer and
 * whether it was right; and with the key and the source sentence too.
 */
export const REVIEW_LEVELS = ["nothing", "score", "answers", "keys"] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, string> = {
  nothing: "Only that it was submitted",
  score: "Their score",
  answers: "Their score and each answer, right or wrong",
  keys: "Their score, each answer, the right answer and its source",
};

export interface BlueprintEntry {
  lessonId: string;
  /** Questions drawn from this lesson for each learner. */
  count: number;
}

export interface AssessmentSettings {
  title: string;
  blueprint: BlueprintEntry[];
  allowedTypes: QuestionType[];
  /** Multiple-choice options in an order of each learner's own. */
  shuffleOptions: boolean;
  opensAt: number;
  closesAt: number;
  timeLimitMinutes: number;
  attemptsAllowed: number;
  reviewAfterSubmit: ReviewLevel;
  reviewAfterClose: ReviewLevel;
  /** 0–100: the share of questions right that passes. */
  passMarkPercent: number;
}

export const TITLE_MAX = 120;
export const TIME_LIMIT_MAX_MINUTES = 600;
export const ATTEMPTS_MAX = 10;
/** Per lesson and on a whole form: a bound on what one learner's page holds. */
export const PER_LESSON_MAX = 50;
export const FORM_MAX = 200;

export type SettingsField = keyof AssessmentSettings;
export type SettingsErrors = Partial<Record<SettingsField, string>>;
export type SettingsCheck = { ok: true; settings: AssessmentSettings } | { ok: false; errors: SettingsErrors };

const isTime = (t: number) => Number.isFinite(t);
const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks settings against the pool of questions learners may be asked
 * (`pool`, every lesson's learner-facing questions). `isNew`: a new
 * assessment may not have closed already; an edited one keeps its dates
 * unless they change.
 */
export function checkAssessmentSettings(
  settings: AssessmentSettings,
  pool: readonly PoolQuestion[],
  now: number,
  options: { isNew: boolean; before?: AssessmentSettings },
): SettingsCheck {
  const errors: SettingsErrors = {};
  const title = settings.title.trim();
  if (title.length === 0) errors.title = "Give the assessment a title.";
  else if (title.length > TITLE_MAX) errors.title = `A title has at most ${TITLE_MAX} characters.`;

  if (settings.allowedTypes.length === 0) errors.allowedTypes = "Allow at least one type of question.";
  else if (settings.allowedTypes.some((t) => !QUESTION_TYPES.includes(t))) errors.allowedTypes = "Choose types from the list.";

  const blueprintError = checkBlueprint(settings.blueprint, pool, settings.allowedTypes);
  if (blueprintError) errors.blueprint = blueprintError;

  if (!isTime(settings.opensAt)) errors.opensAt = "Give the time the assessment opens.";
  if (!isTime(settings.closesAt)) errors.closesAt = "Give the time the assessment closes.";
  else if (isTime(settings.opensAt) && settings.closesAt <= settings.opensAt) errors.closesAt = "It must close after it opens.";
  else if ((options.isNew || settings.closesAt !== options.before?.closesAt) && settings.closesAt <= now) {
    errors.closesAt = "That closing time has already passed.";
  }

  if (!isWhole(settings.timeLimitMinutes, 1, TIME_LIMIT_MAX_MINUTES)) {
    errors.timeLimitMinutes = `Give a time limit from 1 to ${TIME_LIMIT_MAX_MINUTES} minutes.`;
  }
  if (!isWhole(settings.attemptsAllowed, 1, ATTEMPTS_MAX)) errors.attemptsAllowed = `Allow from 1 to ${ATTEMPTS_MAX} attempts.`;
  if (!REVIEW_LEVELS.includes(settings.reviewAfterSubmit)) errors.reviewAfterSubmit = "Choose what learners see after submitting.";
  if (!REVIEW_LEVELS.includes(settings.reviewAfterClose)) errors.reviewAfterClose = "Choose what learners see after it closes.";
  if (!(Number.isFinite(settings.passMarkPercent) && settings.passMarkPercent >= 0 && settings.passMarkPercent <= 100)) {
    errors.passMarkPercent = "Give a pass mark from 0 to 100 %.";
  }
  if (options.before && options.before.opensAt <= now) {
    const fixed = fixedOnceOpened(options.before, settings);
    if (fixed) errors[fixed.field] = fixed.message;
  }
  return Object.keys(errors).length === 0 ? { ok: true, settings: { ...settings, title } } : { ok: false, errors };
}

/** Why the blueprint cannot be drawn from `pool`, or null when every learner can get a full form. */
export function checkBlueprint(blueprint: readonly BlueprintEntry[], pool: readonly PoolQuestion[], types: readonly QuestionType[]): string | null {
  if (blueprint.length === 0) return "Ask at least one question: give a number for one lesson or more.";
  const lessons = new Set<string>();
  let total = 0;
  for (const entry of blueprint) {
    if (lessons.has(entry.lessonId)) return "A lesson appears twice in the blueprint.";
    lessons.add(entry.lessonId);
    if (!isWhole(entry.count, 1, PER_LESSON_MAX)) return `Ask from 1 to ${PER_LESSON_MAX} questions per lesson.`;
    total += entry.count;
    const available = availableFacts(pool, entry.lessonId, types);
    if (entry.count > available) {
      return available === 0
        ? "A lesson in the blueprint has no questions of the allowed types for learners."
        : `A lesson in the blueprint has ${available} question${available === 1 ? "" : "s"} of the allowed types for learners; ask at most that many.`;
    }
  }
  if (total > FORM_MAX) return `A form holds at most ${FORM_MAX} questions; this blueprint asks ${total}.`;
  return null;
}

/**
 * Once an assessment has opened, learners have been drawn forms from its
 * frozen questions: the blueprint, the types and the option order stay as
 * they were (changing a key is a regrade, not an edit), and so does the
 * opening time, which has passed.
 */
export function fixedOnceOpened(
  before: AssessmentSettings,
  after: AssessmentSettings,
): { field: SettingsField; message: string } | null {
  const message = "Its questions are fixed once the assessment has opened; change them by a regrade.";
  if (JSON.stringify(before.blueprint) !== JSON.stringify(after.blueprint)) return { field: "blueprint", message };
  if ([...before.allowedTypes].sort().join() !== [...after.allowedTypes].sort().join()) return { field: "allowedTypes", message };
  if (before.shuffleOptions !== after.shuffleOptions) return { field: "shuffleOptions", message };
  if (before.opensAt !== after.opensAt) return { field: "opensAt", message: "It has opened already; its opening time stays." };
  return null;
}

export interface SettingsChange {
  field: SettingsField;
  from: unknown;
  to: unknown;
}

/** What an edit changed, field by field, for the assessment's log. */
export function settingsChanges(before: AssessmentSettings, after: AssessmentSettings): SettingsChange[] {
  const changes: SettingsChange[] = [];
  for (const field of Object.keys(after) as SettingsField[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes.push({ field, from: before[field], to: after[field] });
  }
  return changes;
}

/**
 * The review level in force for a finished attempt: the after-submit level
 * until the window has closed for every learner (the latest close any
 * accommodation gives, and no attempt still open), the after-close level
 * from then on. Keys shown to one learner while another still sits the
 * assessment would travel.
 */
export function reviewLevelNow(settings: Pick<AssessmentSettings, "reviewAfterSubmit" | "reviewAfterClose">, closedForEveryone: boolean): ReviewLevel {
  return closedForEveryone ? settings.reviewAfterClose : settings.reviewAfterSubmit;
}

/** What a review level lets a learner see. */
export function reviewShows(level: ReviewLevel): { score: boolean; answers: boolean; keys: boolean } {
  const rank = REVIEW_LEVELS.indexOf(level);
  return { score: rank >= 1, answers: rank >= 2, keys: rank >= 3 };
}
