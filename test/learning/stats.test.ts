import { describe, expect, it } from "vitest";
import {
  cardsByState,
  dueForecast,
  estimateStudyMinutes,
  moduleProgress,
  reviewHeatmap,
  studyStreak,
  trueRetention,
  type StatsCard,
  type StatsLog,
} from "~/learning/stats";

const TZ = "America/New_York";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 10, 16); // Wednesday 12:00 in New York (EDT)

const log = (reviewedAt: number, rating: StatsLog["rating"] = 3, state: StatsLog["state"] = 2): StatsLog => ({
  reviewedAt, rating, state,
});

describe("progress statistics", () => {
  it("the heatmap counts reviews per study day, with late-night reviews on the day they began", () => {
    const logs = [log(NOW), log(NOW - HOUR), log(NOW - DAY), log(Date.UTC(2026, 5, 10, 6, 30))]; // 02:30 local = the 9th
    const map = reviewHeatmap(logs, NOW, TZ, 2);
    expect(map.at(-1)).toEqual({ day: "2026-06-10", count: 2 });
    expect(map.find((d) => d.day === "2026-06-09")?.count).toBe(2);
    expect(map[0]!.day).toBe("2026-06-01"); // a Monday, one full week before this one
    expect(map.reduce((s, d) => s + d.count, 0)).toBe(4);
  });

  it("true retention counts review-state reviews of the last 30 days not rated Again", () => {
    const logs = [
      log(NOW - DAY, 3), log(NOW - 2 * DAY, 1), log(NOW - 3 * DAY, 2), log(NOW - 4 * DAY, 4),
      log(NOW - DAY, 1, 1), // a learning step: not a memory test
      log(NOW - 40 * DAY, 1), // too old
    ];
    expect(trueRetention(logs, NOW, TZ)).toEqual({ reviews: 4, passed: 3, rate: 0.75 });
    expect(trueRetention([], NOW, TZ).rate).toBeNull();
  });

  it("the forecast puts overdue cards today and leaves new cards out", () => {
    const cards = [
      { state: 2 as const, due: NOW - 5 * DAY },
      { state: 2 as const, due: NOW + 2 * HOUR },
      { state: 2 as const, due: NOW + 3 * DAY },
      { state: 0 as const, due: NOW },
      { state: 2 as const, due: NOW + 45 * DAY },
    ];
    const forecast = dueForecast(cards, NOW, TZ);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-06-10", count: 2 });
    expect(forecast[3]).toEqual({ day: "2026-06-13", count: 1 });
    expect(forecast.reduce((s, d) => s + d.count, 0)).toBe(3);
  });

  it("cards by state split review cards into young and mature at 21 days of stability", () => {
    const cards = [
      { state: 0 as const, stability: 0 }, { state: 1 as const, stability: 1 },
      { state: 3 as const, stability: 2 }, { state: 2 as const, stability: 20.9 },
      { state: 2 as const, stability: 21 },
    ];
    expect(cardsByState(cards)).toEqual({ new: 1, learning: 1, relearning: 1, young: 1, mature: 1 });
  });

  it("a streak counts consecutive study days up to today, or yesterday before today's reviews", () => {
    const days = [0, 1, 2, 4].map((d) => log(NOW - d * DAY));
    expect(studyStreak(days, NOW, TZ)).toBe(3);
    expect(studyStreak(days.slice(1), NOW, TZ)).toBe(2);
    expect(studyStreak([log(NOW - 2 * DAY)], NOW, TZ)).toBe(0);
  });

  it("module progress counts learned and mature cards and predicts retention now", () => {
    const cards: StatsCard[] = [
      { moduleId: "a", state: 0, due: NOW, stability: 0, lastReview: null },
      { moduleId: "a", state: 2, due: NOW + 20 * DAY, stability: 30, lastReview: NOW - 30 * DAY },
      { moduleId: "a", state: 2, due: NOW - DAY, stability: 5, lastReview: NOW - 5 * DAY },
      { moduleId: "b", state: 0, due: NOW, stability: 0, lastReview: null },
    ];
    const [a, b] = moduleProgress(
      [{ moduleId: "a", lessonsTotal: 4, lessonsRead: 2 }, { moduleId: "b", lessonsTotal: 1, lessonsRead: 0 }],
      cards, NOW, TZ,
    );
    expect(a).toMatchObject({ cardsTotal: 3, cardsLearned: 2, cardsMature: 1, dueToday: 1, lessonsRead: 2 });
    // Both learned cards are exactly one stability past their last review: R = 0.9 each.
    expect(a!.predictedRetention).toBeCloseTo(0.9, 6);
    expect(b).toMatchObject({ cardsLearned: 0, predictedRetention: null });
  });

  it("the time estimate scales with the learner's own median response time", () => {
    const base = { reviewCount: 30, learningCount: 0, newCount: 10, desiredRetention: 0.9 };
    const quick = estimateStudyMinutes({ ...base, medianResponseMs: 3_000 });
    const slow = estimateStudyMinutes({ ...base, medianResponseMs: 12_000 });
    expect(slow).toBeGreaterThan(quick);
    expect(estimateStudyMinutes({ ...base, reviewCount: 0, newCount: 0, medianResponseMs: 3_000 })).toBe(0);
  });
});
