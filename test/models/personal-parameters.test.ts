import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cards, lessons, reviewLogs, users } from "../../db/schema";
import { startLesson } from "../../app/models/deck.server";
import { getLearner } from "../../app/models/learner.server";
import { dueForOptimisation, optimizeLearnerParameters } from "../../app/models/personal-parameters.server";
import { schedulerSettingsFor } from "../../app/models/review.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner, seedGeography } from "../support/fixtures";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedGeography(handle.db);
});
afterEach(() => handle.close());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 18, 0, 0);

/** A plausible log: each card reviewed at growing intervals, mostly remembered. */
async function writeHistory(userId: string, reviewsPerCard: number) {
  const { db } = handle;
  for (const l of await db.select().from(lessons)) await startLesson(db, userId, l.id, T0);
  const deck = await db.select().from(cards).where(eq(cards.userId, userId));
  // Many cards are needed for 400 reviews; clone the four fixture cards' rows as extra log entries per card id.
  let n = 0;
  for (let copy = 0; copy < 30; copy++) {
    for (const card of deck) {
      let t = T0 + copy * 3_600_000;
      let interval = 1;
      for (let i = 0; i < reviewsPerCard; i++) {
        const forgot = (card.id * 7 + i * 13 + copy) % 10 === 0;
        await db.insert(reviewLogs).values({
          cardId: card.id,
          userId,
          showingId: `s-${copy}-${card.id}-${i}`,
          reviewedAt: t,
          rating: forgot ? 1 : 3,
          correct: !forgot,
          responseMs: 5000,
          state: i === 0 ? 0 : 2,
          elapsedDays: i === 0 ? 0 : interval,
          scheduledDays: interval,
          cardBeforeJson: "{}",
          cardVersionAfter: i + 1,
        });
        n++;
        interval = forgot ? 1 : Math.round(interval * 2.5);
        t += interval * DAY;
      }
    }
  }
  return n;
}

describe("personal FSRS parameters", () => {
  it("keep the defaults until the learner has 400 reviews over 14 days", async () => {
    const user = await makeLearner(handle.db);
    await writeHistory(user.id, 2);
    expect(await dueForOptimisation(handle.db, user.id)).toBe(false);
    const result = await optimizeLearnerParameters(handle.db, user.id, T0 + 100 * DAY);
    expect(result?.source).toBe("defaults");
    const learner = await getLearner(handle.db, user.id);
    expect(learner?.fsrsParamsJson).toBeNull();
    expect(schedulerSettingsFor(learner!).weights).toBeNull();
  });

  it("are fitted from the learner's own log once it is big enough, and then used by the scheduler", async () => {
    const user = await makeLearner(handle.db);
    const written = await writeHistory(user.id, 5);
    expect(written).toBeGreaterThanOrEqual(400);
    expect(await dueForOptimisation(handle.db, user.id)).toBe(true);
    const result = await optimizeLearnerParameters(handle.db, user.id, T0 + 200 * DAY);
    expect(result?.source).toBe("personal");
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    const weights = JSON.parse(row.fsrsParamsJson!) as number[];
    expect(weights).toHaveLength(21);
    expect(weights.every(Number.isFinite)).toBe(true);
    expect(row.fsrsParamsReviewCount).toBe(written);
    expect(schedulerSettingsFor(row).weights).toEqual(weights);
    // Fitted on this log: not due again until the log grows.
    expect(await dueForOptimisation(handle.db, user.id)).toBe(false);
  });
});
