/**
 * A learner's study settings and their bounds: desired retention, daily new
 * and review limits, time zone. Validation returns one message per bad field
 * (for a form to show beside the field), never throws on user input.
 */
import { isValidTimeZone } from "./day";

export interface LearnerSettings {
  /** FSRS desired retention. */
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** IANA zone; the study day rolls over at 4 am there. */
  timeZone: string;
}

export const SETTINGS_BOUNDS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newPerDay: { min: 0, max: 500 },
  maxReviewsPerDay: { min: 1, max: 9999 },
} as const;

export const DEFAULT_SETTINGS: LearnerSettings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  timeZone: "UTC",
};

export type SettingsErrors = Partial<Record<keyof LearnerSettings, string>>;

export type SettingsValidation =
  | { ok: true; settings: LearnerSettings }
  | { ok: false; errors: SettingsErrors };

function readNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value.trim());
  return Number.NaN;
}

/**
 * Validates settings from a form (strings) or JSON (numbers). A desired
 * retention may be given as a percentage ("90" means 0.90).
 */
export function validateSettings(input: Record<string, unknown>): SettingsValidation {
  const errors: SettingsErrors = {};

  let desiredRetention = readNumber(input.desiredRetention);
  if (desiredRetention > 1 && desiredRetention <= 100) desiredRetention /= 100;
  const r = SETTINGS_BOUNDS.desiredRetention;
  if (!Number.isFinite(desiredRetention) || desiredRetention < r.min || desiredRetention > r.max) {
    errors.desiredRetention = `Desired retention must be between ${r.min * 100}% and ${r.max * 100}%.`;
  }

  const newPerDay = readNumber(input.newPerDay);
  const n = SETTINGS_BOUNDS.newPerDay;
  if (!Number.isInteger(newPerDay) || newPerDay < n.min || newPerDay > n.max) {
    errors.newPerDay = `New cards per day must be a whole number from ${n.min} to ${n.max}.`;
  }

  const maxReviewsPerDay = readNumber(input.maxReviewsPerDay);
  const m = SETTINGS_BOUNDS.maxReviewsPerDay;
  if (!Number.isInteger(maxReviewsPerDay) || maxReviewsPerDay < m.min || maxReviewsPerDay > m.max) {
    errors.maxReviewsPerDay = `Maximum reviews per day must be a whole number from ${m.min} to ${m.max}.`;
  }

  const timeZone = typeof input.timeZone === "string" ? input.timeZone.trim() : "";
  if (!isValidTimeZone(timeZone)) {
    errors.timeZone = "Time zone must be an IANA zone name such as Europe/London or America/New_York.";
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { desiredRetention, newPerDay, maxReviewsPerDay, timeZone } };
}
