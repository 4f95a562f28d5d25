/**
 * The review page's form posts, validated. Server-only (zod stays out of the
 * review page's client bundle, which a phone downloads).
 */
import { z } from "zod";

const answerSchema = z.object({
  intent: z.literal("answer"),
  showingId: z.string().min(1).max(64),
  response: z.string().max(500).default(""),
  clientMs: z.coerce.number().int().min(0).max(86_400_000).optional().catch(undefined),
});
const rateSchema = z.object({
  intent: z.literal("rate"),
  showingId: z.string().min(1).max(64),
  rating: z.coerce.number().int().min(1).max(4),
});
const undoSchema = z.object({ intent: z.literal("undo") });
const reviewFormSchema = z.discriminatedUnion("intent", [answerSchema, rateSchema, undoSchema]);

export function parseReviewForm(form: Record<string, FormDataEntryValue>) {
  return reviewFormSchema.safeParse(form);
}
