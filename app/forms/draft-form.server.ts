/**
 * The draft page's forms: publish as a new module (into a course of one's
 * own or a new course), publish as a module's next version, try a failed
 * preparation again, or discard the draft.
 */
import { z } from "zod";
import type { PublishTarget } from "../models/draft-publish.server";
import { NEW_COURSE } from "./draft-fields";
import { TITLE_MAX } from "./upload-form.server";

const title = (missing: string) => z.string().trim().min(1, missing).max(TITLE_MAX, `A title has at most ${TITLE_MAX} characters.`);

export const draftActionSchema = z
  .discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("publish"),
        courseId: z.string().min(1, "Choose a course, or a new one.").max(200),
        courseTitle: z.string().trim().max(TITLE_MAX, `A title has at most ${TITLE_MAX} characters.`).default(""),
        title: title("Give the module a title."),
      }),
      z.object({ intent: z.literal("version"), moduleId: z.string().min(1, "Choose the module this is a new version of.").max(200) }),
      z.object({ intent: z.literal("retry") }),
      z.object({ intent: z.literal("discard") }),
    ],
    { errorMap: () => ({ message: "This form could not be read; reload the page and try again." }) },
  )
  .superRefine((form, ctx) => {
    if (form.intent === "publish" && form.courseId === NEW_COURSE && form.courseTitle === "") {
      ctx.addIssue({ code: "custom", path: ["courseTitle"], message: "Give the new course a title." });
    }
  });

export type DraftAction = z.output<typeof draftActionSchema>;

/** Where a publish form sends the draft. */
export function publishTarget(form: Extract<DraftAction, { intent: "publish" | "version" }>): PublishTarget {
  if (form.intent === "version") return { kind: "version", moduleId: form.moduleId };
  if (form.courseId === NEW_COURSE) return { kind: "module-in-new-course", courseTitle: form.courseTitle, title: form.title };
  return { kind: "module", courseId: form.courseId, title: form.title };
}
