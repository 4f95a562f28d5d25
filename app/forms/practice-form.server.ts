/** The practice page's answer post, validated (server-only: zod stays out of the client bundle). */
import { z } from "zod";

const answerSchema = z.object({
  questionId: z.string().min(1).max(100),
  response: z.string().max(500),
});

export function parsePracticeForm(form: Record<string, FormDataEntryValue>) {
  return answerSchema.safeParse(form);
}
