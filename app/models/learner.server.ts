/**
 * A learner's own record as the study pages need it: the settings row
 * (retention, limits, time zone, personal FSRS parameters). Always looked up
 * by the id of the learner asking.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users, type User } from "../../db/schema";
import { getDb } from "../db.server";
import type { LearnerSettings } from "../learning/settings";

export async function getLearner(db: Database, userId: string): Promise<User | null> {
  const row = await db.query.users.findFirst({ where: eq(users.id, userId) });
  return row ?? null;
}

export async function updateLearnerSettings(db: Database, userId: string, settings: LearnerSettings) {
  await db
    .update(users)
    .set({
      desiredRetention: settings.desiredRetention,
      newPerDay: settings.newPerDay,
      maxReviewsPerDay: settings.maxReviewsPerDay,
      timeZone: settings.timeZone,
    })
    .where(eq(users.id, userId));
}

/** The settings form's save, on the app's database. */
export async function saveLearnerSettings(userId: string, settings: LearnerSettings) {
  await updateLearnerSettings(await getDb(), userId, settings);
}

export async function savePersonalParameters(
  db: Database,
  userId: string,
  weights: readonly number[],
  reviewCount: number,
  now: number,
) {
  await db
    .update(users)
    .set({ fsrsParamsJson: JSON.stringify(weights), fsrsParamsUpdatedAt: now, fsrsParamsReviewCount: reviewCount })
    .where(eq(users.id, userId));
}
