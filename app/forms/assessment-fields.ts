/**
 * The names of an assessment settings form's fields and the values that
 * fill it from saved settings: shared by the form (a component) and its
 * reader (assessment-form.server.ts).
 */
import type { AssessmentSettings } from "../assessment/settings";
import { localTimeOf } from "../learning/day";

/** A blueprint's count per lesson arrives as `count:<lesson id>`, an allowed type as `type:<type>`. */
export const COUNT_FIELD = "count:";
export const TYPE_FIELD = "type:";

/** The form's values for saved (or default) settings, times in the instructor's zone. */
export function settingsFormValues(settings: AssessmentSettings, timeZone: string): Record<string, string> {
  const values: Record<string, string> = {
    title: settings.title,
    opensAt: Number.isFinite(settings.opensAt) ? localTimeOf(settings.opensAt, timeZone) : "",
    closesAt: Number.isFinite(settings.closesAt) ? localTimeOf(settings.closesAt, timeZone) : "",
    timeLimitMinutes: String(settings.timeLimitMinutes),
    attemptsAllowed: String(settings.attemptsAllowed),
    passMarkPercent: String(settings.passMarkPercent),
    reviewAfterSubmit: settings.reviewAfterSubmit,
    reviewAfterClose: settings.reviewAfterClose,
  };
  if (settings.shuffleOptions) values.shuffleOptions = "on";
  for (const type of settings.allowedTypes) values[`${TYPE_FIELD}${type}`] = "on";
  for (const entry of settings.blueprint) values[`${COUNT_FIELD}${entry.lessonId}`] = String(entry.count);
  return values;
}
