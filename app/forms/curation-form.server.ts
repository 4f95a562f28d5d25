/**
 * The curation pages' forms: the list's actions (accept, retire or restore
 * the questions ticked, or the one whose button was pressed; the module's
 * setting of which questions reach learners), its filters (a GET query), and
 * the question form (editing one, or writing one by hand). What makes a
 * question well formed is app/questions/authoring.ts's; the schema applies it.
 */
import { z } from "zod";
import { questionTypes } from "../../db/schema";
import { CURATION_FLAG_LABELS, type CurationFlag } from "../questions/checks";
import { CURATION_STATUS_LABELS, type CurationStatus } from "../questions/curation";
import { checkAuthoredQuestion, type AuthoredFields } from "../questions/authoring";
import type { CurationFilter } from "../models/curation-view.server";
import { BULK_MAX } from "../models/curation.server";

const unreadable = { errorMap: () => ({ message: "This form could not be read; reload the page and try again." }) };

/** Fields read as lists (checkboxes sharing a name), for parseForm. */
export const CURATION_LISTS = ["questionId"] as const;

export const curationActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("curate"),
      action: z.enum(["accept", "retire", "restore"], { errorMap: () => ({ message: "Choose what to do with the questions." }) }),
      questionId: z
        .array(z.string().min(1).max(200))
        .min(1, "Tick at least one question first.")
        .max(BULK_MAX, `At most ${BULK_MAX} questions at once.`),
    }),
    z.object({
      intent: z.literal("policy"),
      learnerQuestions: z.enum(["quality", "accepted"], { errorMap: () => ({ message: "Choose which questions reach learners." }) }),
      qualityBar: z.coerce
        .number({ invalid_type_error: "The threshold is a percentage from 5 to 95." })
        .int("The threshold is a whole percentage.")
        .min(5, "The threshold is a percentage from 5 to 95.")
        .max(95, "The threshold is a percentage from 5 to 95."),
    }),
  ],
  unreadable,
);

const STATUSES = Object.keys(CURATION_STATUS_LABELS) as [CurationStatus, ...CurationStatus[]];
const FLAGS = Object.keys(CURATION_FLAG_LABELS) as [CurationFlag, ...CurationFlag[]];

/** The list's filters from its URL: an unknown value reads as no filter, never as an error. */
export const curationFilterSchema = z.object({
  status: z.enum(["all", ...STATUSES]).catch("all"),
  type: z.enum(["all", ...questionTypes]).catch("all"),
  flag: z.enum(["all", "any", "none", ...FLAGS]).catch("all"),
  lesson: z.string().max(200).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function readCurationFilter(url: URL): CurationFilter {
  const given = Object.fromEntries(["status", "type", "flag", "lesson", "page"].map((name) => [name, url.searchParams.get(name) || undefined]));
  return curationFilterSchema.parse(given);
}

const text = (max: number) => z.string().max(max * 4, "This is far too long.").default("");

const questionFields = {
  type: z.enum(questionTypes, unreadable),
  prompt: text(1000),
  answer: text(200),
  accepted: text(4000),
  options: text(2000),
  unit: text(40),
  tolerance: text(40),
  explanation: text(2000),
};

/** The fields as typed, checked for the question's type; a refusal names each field it concerns. */
function withAuthoredQuestion<T extends AuthoredFields & { type: (typeof questionTypes)[number] }>(fields: T, ctx: z.RefinementCtx) {
  const checked = checkAuthoredQuestion(fields.type, fields);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.fieldErrors)) ctx.addIssue({ code: "custom", path: [path], message });
    return z.NEVER;
  }
  return { ...fields, question: checked.question };
}

/** Editing a question: its type is fixed (the form says which, the model checks it), `revision` is the one the form showed. */
export const questionEditSchema = z
  .object({ revision: z.coerce.number({ ...unreadable }).int().min(1), ...questionFields })
  .transform(withAuthoredQuestion);

/** Writing a question by hand for a lesson of the module. */
export const questionNewSchema = z
  .object({
    lessonId: z.string().max(200).default(""),
    ...questionFields,
    type: z.enum(questionTypes, { errorMap: () => ({ message: "Choose the kind of question." }) }),
  })
  // The lesson is checked beside the question's own fields, so one refusal names every field to mend.
  .transform((fields, ctx) => {
    if (!fields.lessonId) ctx.addIssue({ code: "custom", path: ["lessonId"], message: "Choose the lesson the question belongs to." });
    return withAuthoredQuestion(fields, ctx);
  });
