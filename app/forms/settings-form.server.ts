/**
 * The settings form, validated: the bounds and messages are the learning
 * module's (validateSettings), read through zod like every other form.
 */
import { z } from "zod";
import { validateSettings } from "../learning/settings";

const field = z.string().max(100, "That value is too long.").default("");

export const settingsFormSchema = z
  .object({ desiredRetention: field, newPerDay: field, maxReviewsPerDay: field, timeZone: field })
  .transform((input, ctx) => {
    const result = validateSettings(input);
    if (result.ok) return result.settings;
    for (const [path, message] of Object.entries(result.errors)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    return z.NEVER;
  });
