/**
 * The assessment pages' forms: an assessment's settings (new and edit), an
 * accommodation (a cohort profile or one assessment's override), starting,
 * flagging, submitting, and one answer saved by a page without JavaScript.
 * The fields are read as text here; what the values must be (dates in order,
 * a blueprint the bank can fill, a multiplier above 1) is app/assessment's
 * to say, and its messages come back as the fields' errors.
 */
import { z } from "zod";
import type { QuestionType } from "../content/types";
import { RESPONSE_MAX, SEQ_MAX } from "../assessment/attempt";
import { QUESTION_TYPES, type AssessmentSettings, type ReviewLevel } from "../assessment/settings";
import type { Accommodation } from "../assessment/timing";
import { instantOfLocalTime } from "../learning/day";
import { COUNT_FIELD, TYPE_FIELD } from "./assessment-fields";

const UNREADABLE = { errorMap: () => ({ message: "This form could not be read; reload the page and try again." }) };
const short = (max = 40) => z.string().trim().max(max, "That value is too long.");


const settingsFields = {
  title: z.string().max(500, "A title has at most 120 characters."),
  opensAt: short(),
  closesAt: short(),
  timeLimitMinutes: short(),
  attemptsAllowed: short(),
  passMarkPercent: short(),
  reviewAfterSubmit: short(),
  reviewAfterClose: short(),
  shuffleOptions: z.literal("on").optional(),
};

/** New and edited settings: the named fields, and the blueprint's and types' fields beside them. */
export const assessmentSettingsSchema = z.object(settingsFields).catchall(z.string().max(200));

const accommodationFields = {
  learnerId: z.string().min(1).max(200),
  extraKind: z.enum(["none", "multiplier", "minutes"], UNREADABLE),
  extraValue: short(),
  laterClose: short(),
};

export const accommodationSchema = z.object(accommodationFields);

/** The instructor's assessment page: saving its settings, or one learner's override. */
export const assessmentPageSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("update"), ...settingsFields }).catchall(z.string().max(200)), z.object({ intent: z.literal("override"), ...accommodationFields })],
  UNREADABLE,
);

export const startSchema = z.object({ intent: z.literal("start") }, UNREADABLE);

export const attemptActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("flag"), questionId: z.string().min(1).max(200), flagged: z.enum(["1", "0"]) }),
    z.object({ intent: z.literal("submit") }),
  ],
  UNREADABLE,
);

const response = z.string({ required_error: "Send the answer as response." }).max(RESPONSE_MAX, `An answer has at most ${RESPONSE_MAX} characters.`);
const seq = z
  .number({ required_error: "Send the save's sequence number as seq.", invalid_type_error: "seq must be a whole number." })
  .int("seq must be a whole number.")
  .min(1, "seq starts at 1.")
  .max(SEQ_MAX, `seq is at most ${SEQ_MAX}.`);

/** The save endpoint's JSON body. */
export const saveJsonSchema = z.object(
  {
    attemptId: z.string({ required_error: "Send the attempt's id as attemptId." }).min(1).max(200),
    questionId: z.string({ required_error: "Send the question's id as questionId." }).min(1).max(200),
    seq,
    response,
  },
  { invalid_type_error: "Send a JSON object: {attemptId, questionId, seq, response}." },
);

/** The same save posted by a form without JavaScript: the server numbers it. */
export const saveFormSchema = z.object({ questionId: z.string().min(1, "This answer names no question.").max(200), response });

type SettingsForm = z.infer<typeof assessmentSettingsSchema>;

/** Settings from the form, times read in the instructor's zone; values the rules refuse are left for them to name (NaN, empty). */
export function settingsFromForm(form: SettingsForm, timeZone: string): AssessmentSettings {
  const blueprint: AssessmentSettings["blueprint"] = [];
  const allowedTypes: QuestionType[] = [];
  for (const [name, value] of Object.entries(form)) {
    if (typeof value !== "string") continue;
    if (name.startsWith(COUNT_FIELD) && value.trim() !== "" && value.trim() !== "0") {
      blueprint.push({ lessonId: name.slice(COUNT_FIELD.length), count: Number(value.trim()) });
    }
    const type = name.slice(TYPE_FIELD.length) as QuestionType;
    if (name.startsWith(TYPE_FIELD) && value === "on" && QUESTION_TYPES.includes(type)) allowedTypes.push(type);
  }
  const number = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
  return {
    title: form.title,
    blueprint,
    allowedTypes,
    shuffleOptions: form.shuffleOptions === "on",
    opensAt: instantOfLocalTime(form.opensAt, timeZone),
    closesAt: instantOfLocalTime(form.closesAt, timeZone),
    timeLimitMinutes: number(form.timeLimitMinutes),
    attemptsAllowed: number(form.attemptsAllowed),
    reviewAfterSubmit: form.reviewAfterSubmit as ReviewLevel,
    reviewAfterClose: form.reviewAfterClose as ReviewLevel,
    passMarkPercent: number(form.passMarkPercent),
  };
}

export type AccommodationForm = z.infer<typeof accommodationSchema>;

/**
 * An accommodation from its form: extra time as a multiplier or minutes,
 * and a later close as minutes after each assessment's (a cohort profile) or
 * as a date and time (one assessment's override). Blank means none.
 */
export function accommodationFromForm(
  form: AccommodationForm,
  laterClose: "after" | "at",
  timeZone: string,
): { ok: true; accommodation: Accommodation } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  let extraTime: Accommodation["extraTime"] = null;
  if (form.extraKind !== "none") {
    const value = form.extraValue === "" ? Number.NaN : Number(form.extraValue);
    if (!Number.isFinite(value)) fieldErrors.extraValue = form.extraKind === "multiplier" ? "Give the multiplier, like 1.5." : "Give the extra minutes, like 15.";
    else extraTime = form.extraKind === "multiplier" ? { kind: "multiplier", factor: value } : { kind: "minutes", minutes: value };
  }
  let later: Accommodation["laterClose"] = null;
  if (form.laterClose !== "") {
    if (laterClose === "after") {
      const minutes = Number(form.laterClose);
      if (!Number.isFinite(minutes)) fieldErrors.laterClose = "Give the minutes after the close, like 60.";
      else later = { kind: "after", minutes };
    } else {
      const at = instantOfLocalTime(form.laterClose, timeZone);
      if (!Number.isFinite(at)) fieldErrors.laterClose = "Give the later closing date and time.";
      else later = { kind: "at", at };
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, accommodation: { extraTime, laterClose: later } };
}
