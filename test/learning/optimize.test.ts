import { describe, expect, it } from "vitest";
import { simulateReviewLog } from "../../bench/simulate-review-log";
import { hasEnoughHistory, MIN_REVIEWS_TO_OPTIMISE, optimizeParameters } from "~/learning/optimize";
import { DEFAULT_WEIGHTS } from "~/learning/scheduler";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1, 12);

describe("personal parameters", () => {
  it("need 400 reviews over at least 14 study days", () => {
    const spread = (n: number, days: number) =>
      Array.from({ length: n }, (_, k) => ({ reviewedAt: T0 + (k % days) * DAY }));
    expect(hasEnoughHistory(spread(400, 14), "UTC")).toEqual({ enough: true, reviews: 400, days: 14 });
    expect(hasEnoughHistory(spread(399, 14), "UTC").enough).toBe(false);
    expect(hasEnoughHistory(spread(1000, 13), "UTC").enough).toBe(false);
  });

  it("keep the defaults, and say why, until the history is big enough", async () => {
    const log = simulateReviewLog({ seed: "small", days: 5, newPerDay: 10, desiredRetention: 0.9 });
    const result = await optimizeParameters(log);
    expect(result.source).toBe("defaults");
    expect(result.weights).toEqual([...DEFAULT_WEIGHTS]);
    if (result.source === "defaults") expect(result.reason).toMatch(/Needs 400 reviews over 14 days/);
  });

  it("are 21 finite weights fitted from a big enough log", async () => {
    const log = simulateReviewLog({ seed: "fit", days: 30, newPerDay: 10, desiredRetention: 0.9 });
    expect(log.length).toBeGreaterThanOrEqual(MIN_REVIEWS_TO_OPTIMISE);
    const result = await optimizeParameters(log);
    expect(result.source).toBe("personal");
    expect(result.weights).toHaveLength(21);
    expect(result.weights.every(Number.isFinite)).toBe(true);
    expect(result.weights).not.toEqual([...DEFAULT_WEIGHTS]);
    expect(result.reviewCount).toBe(log.length);
  }, 60_000);

  it("settle as soon as the fit ends, and a fit past its deadline keeps the defaults", async () => {
    const log = simulateReviewLog({ seed: "fit", days: 30, newPerDay: 10, desiredRetention: 0.9 });
    // fsrs-rs's progress ticks once its interval passes; a fit of this size ends in well under a second.
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const result = await optimizeParameters(log, undefined, { deadlineMs: 20_000 });
      expect(result.source).toBe("personal");
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    // A log big enough that training outlasts the first progress tick.
    const long = simulateReviewLog({ seed: "long", days: 90, newPerDay: 20, desiredRetention: 0.9 });
    const late = await optimizeParameters(long, undefined, { deadlineMs: 0 });
    expect(late.source).toBe("defaults");
    expect(late.weights).toEqual([...DEFAULT_WEIGHTS]);
    if (late.source === "defaults") expect(late.reason).toMatch(/Interrupted/);
  }, 60_000);
});
