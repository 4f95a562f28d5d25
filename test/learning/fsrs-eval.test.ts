import { describe, expect, it } from "vitest";
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { evaluateReviewLog } from "../../bench/fsrs-eval";
import { readReviewLogCsv, writeReviewLogCsv } from "../../bench/review-log-csv";
import { simulateReviewLog } from "../../bench/simulate-review-log";
import {
  DEFAULT_DAY_CLOCK,
  evaluableReviews,
  logLoss,
  rmseBins,
  timeSeriesSplits,
  type LoggedReview,
} from "~/learning/memory-model";
import { trainingItems } from "~/learning/optimize";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 3, 10);

describe("reading a review log CSV", () => {
  it("ignores extra columns and their order", () => {
    const csv = "review_state,review_rating,card_id,note,review_time\n0,3,a,x,1700000000000\n2,1,a,y,1700100000000\n";
    expect(readReviewLogCsv(csv)).toEqual([
      { cardId: "a", reviewedAt: 1700000000000, rating: 3 },
      { cardId: "a", reviewedAt: 1700100000000, rating: 1 },
    ]);
  });

  it("rejects a missing header with a clear error", () => {
    expect(() => readReviewLogCsv("1,1700000000000,3\n")).toThrow(/header naming card_id, review_time, review_rating/);
    expect(() => readReviewLogCsv("card_id,review_time\n1,1700000000000\n")).toThrow(/missing review_rating/);
  });

  it("names the line of a bad rating or time", () => {
    expect(() => readReviewLogCsv("card_id,review_time,review_rating\n1,1700000000000,3\n1,1700000000001,5\n")).toThrow(/Line 3: review_rating/);
    expect(() => readReviewLogCsv("card_id,review_time,review_rating\n1,yesterday,3\n")).toThrow(/Line 2: review_time/);
  });
});

describe("preparing reviews as srs-benchmark does", () => {
  const log: LoggedReview[] = [
    { cardId: 1, reviewedAt: T0, rating: 1 },
    { cardId: 1, reviewedAt: T0 + 10 * 60_000, rating: 3 }, // same day: history only
    { cardId: 1, reviewedAt: T0 + DAY, rating: 1 }, // long-term lapse
    { cardId: 1, reviewedAt: T0 + DAY + 600_000, rating: 3 },
    { cardId: 1, reviewedAt: T0 + 4 * DAY, rating: 3 },
  ];

  it("same-day reviews stay in the history but are not predicted", () => {
    const reviews = evaluableReviews(log);
    expect(reviews.map((r) => r.deltaT)).toEqual([1, 3]);
    expect(reviews[1]!.history).toEqual([
      { rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 1 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 },
    ]);
    expect(reviews.map((r) => [r.i, r.lapses, r.y])).toEqual([[2, 0, 0], [3, 1, 1]]);
  });

  it("a new day starts at the next-day hour", () => {
    const at = (h: number, m = 0) => Date.UTC(2025, 2, 3, h, m);
    const pair = (second: number): LoggedReview[] => [
      { cardId: "c", reviewedAt: at(2), rating: 3 },
      { cardId: "c", reviewedAt: second, rating: 3 },
    ];
    expect(evaluableReviews(pair(at(3, 59)))).toHaveLength(0);
    expect(evaluableReviews(pair(at(4, 1)))[0]!.deltaT).toBe(1);
    // In New York (UTC-5 in March before DST), 4 am local is 09:00 UTC.
    const ny = { timeZone: "America/New_York", nextDayHour: 4 };
    expect(evaluableReviews(pair(at(8, 59)), ny)).toHaveLength(0);
    expect(evaluableReviews(pair(at(9, 1)), ny)).toHaveLength(1);
  });

  it("builds the same training items as fsrs-rs's own CSV reader", () => {
    const rows = simulateReviewLog({ seed: "items", days: 30, newPerDay: 5, desiredRetention: 0.9 });
    const ours = trainingItems(evaluableReviews(rows, DEFAULT_DAY_CLOCK));
    const theirs = convertCsvToFsrsItems(Buffer.from(writeReviewLogCsv(rows)), 4, "UTC", () => 0);
    const shape = (items: typeof ours) =>
      items.map((item) => item.reviews.map((r) => `${r.rating}/${r.deltaT}`).join(" ")).sort();
    expect(ours.length).toBeGreaterThan(50);
    expect(shape(ours)).toEqual(shape(theirs));
  });
});

describe("metrics", () => {
  it("log loss is the mean binary cross-entropy", () => {
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
  });

  it("RMSE(bins) compares mean outcome and mean prediction per bin, weighted by count", () => {
    // Two reviews in one bin (deltaT 1, i 2, no lapse), one in another (deltaT 10).
    const reviews = [
      { deltaT: 1, i: 2, lapses: 0, y: 1 as const },
      { deltaT: 1, i: 2, lapses: 0, y: 0 as const },
      { deltaT: 10, i: 2, lapses: 0, y: 1 as const },
    ];
    const p = [0.9, 0.7, 0.6];
    // Bin 1: mean y 0.5 vs mean p 0.8 (n=2); bin 2: 1 vs 0.6 (n=1).
    expect(rmseBins(reviews, p)).toBeCloseTo(Math.sqrt((2 * 0.3 ** 2 + 0.4 ** 2) / 3), 12);
  });

  it("the time-series split matches scikit-learn's TimeSeriesSplit", () => {
    expect(timeSeriesSplits(12, 5).map((s) => [s.trainEnd, s.testStart, s.testEnd])).toEqual([
      [2, 2, 4], [4, 4, 6], [6, 6, 8], [8, 8, 10], [10, 10, 12],
    ]);
    expect(() => timeSeriesSplits(4, 5)).toThrow(/Too few reviews/);
  });
});

describe("evaluating FSRS on a simulated review log", () => {
  it("gives finite metrics better than a coin flip, and optimised weights no worse than defaults", async () => {
    const log = simulateReviewLog({ seed: "eval", days: 60, newPerDay: 10, desiredRetention: 0.9 });
    const report = await evaluateReviewLog(log, DEFAULT_DAY_CLOCK);
    for (const m of [report.defaults, report.optimised]) {
      expect(Number.isFinite(m.logLoss)).toBe(true);
      expect(Number.isFinite(m.rmseBins)).toBe(true);
      expect(m.logLoss).toBeLessThan(Math.log(2));
    }
    // The learner's memory follows non-default weights, so fitting should help.
    expect(report.optimised.logLoss).toBeLessThan(report.defaults.logLoss + 0.005);
    expect(report.optimised.rmseBins).toBeLessThan(report.defaults.rmseBins);
    expect(report.foldWeights).toHaveLength(5);
  }, 120_000);
});
