/** The practice page's answer post, validated (server-only: zod stays out of the client bundle). */
import { z } from "zod";

const answerSchema = z.object({
  questionId: z.string().min(1).max(100),
  // No response at all (no option chosen) is graded as invalid, like an empty one: the form says why.
  response: z.string().max(500).default(""),
});

export function parsePracticeForm(form: Record<string, FormDataEntryValue>) {
  return answerSchema.safeParse(form);
}
