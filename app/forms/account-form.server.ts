/**
 * Account forms beyond signing in: the device's time zone that sign-up and a
 * welcome link record, and choosing a password from a one-time link.
 */
import { z } from "zod";
import { supportedTimeZone } from "../learning/day";
import { passwordSchema } from "../models/user.server";

/** components/device-time-zone.tsx's fields: the device's zone (script) or the learner's choice (no script). */
export const deviceTimeZoneFields = {
  timeZone: z.string().max(100).optional(),
  timeZoneChoice: z.string().max(100).optional(),
};

/** The zone the form names, if this server knows it; null otherwise (the caller decides: UTC, or leave it). */
export function deviceTimeZone(fields: { timeZone?: string; timeZoneChoice?: string }): string | null {
  return supportedTimeZone(fields.timeZone) ?? supportedTimeZone(fields.timeZoneChoice);
}

export const setPasswordSchema = z.object({ password: passwordSchema, ...deviceTimeZoneFields });
