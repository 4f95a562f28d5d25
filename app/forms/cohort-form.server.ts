/**
 * The cohort pages' forms: naming a cohort, assigning a module (dates as the
 * instructor's study days), removing a learner, a learner's own due date and
 * set-password link, and a learner's join code.
 * The rules on the values themselves (dates in order, codes well formed) are
 * app/teaching/assignments.ts's, applied by the models.
 */
import { z } from "zod";
import { addDays, startOfDay } from "../learning/day";
import { NAME_MAX } from "../models/cohort.server";
import { unreadableForm } from "./parse-form.server";

export const cohortNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the cohort a name.")
    .max(NAME_MAX, `A name has at most ${NAME_MAX} characters.`),
});

const day = (missing: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, missing);

export const cohortActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assign"),
    moduleId: z.string().min(1, "Choose a module from the list.").max(200),
    startsOn: day("Give a start date."),
    dueOn: day("Give a due date."),
  }),
  z.object({ intent: z.literal("remove"), learnerId: z.string().min(1).max(200) }),
], unreadableForm);

/**
 * An assignment's dates from the days the instructor picked, in their time
 * zone: it starts when the start day begins and is due when the due day ends
 * (study days roll over at 4 am, as learners' do: learning/day.ts).
 */
export function assignmentWindow(startsOn: string, dueOn: string, timeZone: string): { startsAt: number; dueAt: number } {
  return { startsAt: startOfDay(startsOn, timeZone), dueAt: dueAtEndOf(dueOn, timeZone) };
}

/** Due "on" a day: at that study day's end in the instructor's zone. */
export function dueAtEndOf(day: string, timeZone: string): number {
  return startOfDay(addDays(day, 1), timeZone) - 1;
}

const assignmentId = z.string().min(1).max(200);

/** The per-learner page's forms: the learner's own due date on an assignment, and a set-password link. */
export const learnerActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("own-due-date"), assignmentId, dueOn: day("Give a due date.") }),
  z.object({ intent: z.literal("clear-due-date"), assignmentId }),
  z.object({ intent: z.literal("recovery-link") }),
], unreadableForm);

export const joinFormSchema = z.object({
  code: z.string().trim().min(1, "Type the code your instructor gave you.").max(40, "A join code is 8 letters and digits."),
});
