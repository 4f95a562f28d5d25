import { describe, expect, it } from "vitest";
import { buildReviewQueue, interleaveBy, planReviewQueue, type QueueCard, type QueueInput } from "~/learning/queue";
import { scheduleReview, newCardState, type CardState } from "~/learning/scheduler";

const TZ = "Europe/Paris";
const NOW = Date.UTC(2026, 4, 12, 8, 0); // 10:00 in Paris (CEST)
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let nextId = 1;
function card(over: Partial<QueueCard> & Pick<QueueCard, "state">): QueueCard {
  const id = over.id ?? nextId++;
  return {
    id,
    moduleId: "m1",
    siblingKey: `fact-${id}`,
    due: NOW,
    stability: over.state === 0 ? 0 : 10,
    lastReview: over.state === 0 ? null : NOW - 10 * DAY,
    ...over,
  };
}

function input(cards: QueueCard[], over: Partial<QueueInput> = {}): QueueInput {
  return {
    cards,
    now: NOW,
    timeZone: TZ,
    newPerDay: 20,
    maxReviewsPerDay: 200,
    reviewedTodayCount: 0,
    newIntroducedTodayCount: 0,
    siblingKeysReviewedToday: new Set(),
    weights: null,
    ...over,
  };
}

describe("the daily review queue", () => {
  it("due cards come before new cards", () => {
    const fresh = card({ id: 1, state: 0 });
    const due = card({ id: 2, state: 2, due: NOW - HOUR });
    const notDue = card({ id: 3, state: 2, due: NOW + 3 * DAY });
    expect(buildReviewQueue(input([fresh, due, notDue]))).toEqual([2, 1]);
  });

  it("due cards are ordered by due day, then lowest retrievability", () => {
    const yesterday = card({ id: 1, state: 2, due: NOW - DAY, stability: 50 });
    const todaySafe = card({ id: 2, state: 2, due: NOW - HOUR, stability: 30, lastReview: NOW - 5 * DAY });
    const todayAtRisk = card({ id: 3, state: 2, due: NOW - 2 * HOUR, stability: 2, lastReview: NOW - 5 * DAY });
    expect(buildReviewQueue(input([todaySafe, todayAtRisk, yesterday]))).toEqual([1, 3, 2]);
  });

  it("a review card due later today is in today's queue; one due tomorrow is not", () => {
    const tonight = card({ id: 1, state: 2, due: NOW + 12 * HOUR }); // 22:00 local
    const tomorrowMorning = card({ id: 2, state: 2, due: NOW + 19 * HOUR }); // 05:00 local next day
    expect(buildReviewQueue(input([tonight, tomorrowMorning]))).toEqual([1]);
  });

  it("new cards stop at the daily limit", () => {
    const fresh = Array.from({ length: 10 }, (_, i) => card({ id: 100 + i, state: 0 }));
    expect(buildReviewQueue(input(fresh, { newPerDay: 4 }))).toHaveLength(4);
    expect(buildReviewQueue(input(fresh, { newPerDay: 4, newIntroducedTodayCount: 3 }))).toEqual([100]);
    expect(buildReviewQueue(input(fresh, { newPerDay: 4, newIntroducedTodayCount: 9 }))).toEqual([]);
  });

  it("reviews and new cards stop at the daily review limit", () => {
    const due = Array.from({ length: 5 }, (_, i) => card({ id: 10 + i, state: 2, due: NOW - HOUR }));
    const fresh = Array.from({ length: 5 }, (_, i) => card({ id: 20 + i, state: 0 }));
    expect(buildReviewQueue(input([...due, ...fresh], { maxReviewsPerDay: 7 }))).toHaveLength(7);
    expect(buildReviewQueue(input([...due, ...fresh], { maxReviewsPerDay: 7, reviewedTodayCount: 4 }))).toHaveLength(3);
  });

  it("new cards are interleaved across modules", () => {
    const fresh = [
      card({ id: 1, state: 0, moduleId: "a" }),
      card({ id: 2, state: 0, moduleId: "a" }),
      card({ id: 3, state: 0, moduleId: "a" }),
      card({ id: 4, state: 0, moduleId: "b" }),
      card({ id: 5, state: 0, moduleId: "c" }),
      card({ id: 6, state: 0, moduleId: "b" }),
    ];
    expect(buildReviewQueue(input(fresh))).toEqual([1, 4, 5, 2, 6, 3]);
    expect(buildReviewQueue(input(fresh, { newPerDay: 3 }))).toEqual([1, 4, 5]);
  });

  it("siblings are not shown on the same day", () => {
    const reviewed = card({ id: 1, state: 2, siblingKey: "capital-of-peru", due: NOW + 5 * DAY, lastReview: NOW - HOUR });
    const sibling = card({ id: 2, state: 2, siblingKey: "capital-of-peru", due: NOW - HOUR });
    const newSibling = card({ id: 3, state: 0, siblingKey: "capital-of-peru" });
    const other = card({ id: 4, state: 0, siblingKey: "largest-lake" });
    const afterReview = input([reviewed, sibling, newSibling, other], {
      siblingKeysReviewedToday: new Set(["capital-of-peru"]),
      reviewedTodayCount: 1,
    });
    expect(buildReviewQueue(afterReview)).toEqual([4]);
    // Before any review today, only the first of the two siblings is queued.
    expect(buildReviewQueue(input([sibling, newSibling, other]))).toEqual([2, 4]);
  });

  it("a wrong answer brings the card back within the session", () => {
    const settings = { desiredRetention: 0.9, enableFuzz: true, seed: "7" };
    // A review card answered wrongly now goes to relearning, due in 10 minutes.
    const reviewCard: CardState = { ...newCardState(NOW - 30 * DAY), state: 2, stability: 5, difficulty: 5, reps: 4, lastReview: NOW - 6 * DAY, due: NOW - HOUR, scheduledDays: 5 };
    const lapsed = scheduleReview(reviewCard, 1, NOW, settings).card;
    const asQueued = (c: CardState, id: number, siblingKey: string): QueueCard => ({ id, moduleId: "m", siblingKey, state: c.state, due: c.due, stability: c.stability, lastReview: c.lastReview });
    const lapsedCard = asQueued(lapsed, 1, "k1");
    const otherDue = card({ id: 2, state: 2, due: NOW - HOUR });
    const afterLapse = { siblingKeysReviewedToday: new Set(["k1"]), reviewedTodayCount: 1 };
    // Other work first; the lapsed card waits at the end of the queue.
    expect(buildReviewQueue(input([lapsedCard, otherDue], afterLapse))).toEqual([2, 1]);
    // Once nothing else is left it is shown, even a little before it is due.
    expect(buildReviewQueue(input([lapsedCard], afterLapse))).toEqual([1]);
    // And once due, it jumps ahead of the other cards.
    expect(buildReviewQueue(input([lapsedCard, otherDue], { ...afterLapse, now: lapsed.due }))).toEqual([1, 2]);
  });

  it("a learning card due beyond the learn-ahead window waits, and the plan says when", () => {
    const later = card({ id: 1, state: 1, due: NOW + 2 * HOUR, lastReview: NOW - HOUR });
    const plan = planReviewQueue(input([later]));
    expect(plan.ids).toEqual([]);
    expect(plan.nextLearningDue).toBe(NOW + 2 * HOUR);
  });

  it("learning cards are not cut off by the daily review limit", () => {
    const learning = card({ id: 1, state: 3, due: NOW - 60_000, lastReview: NOW - 11 * 60_000 });
    const due = card({ id: 2, state: 2, due: NOW - HOUR });
    const plan = planReviewQueue(input([learning, due], { maxReviewsPerDay: 5, reviewedTodayCount: 5 }));
    expect(plan.ids).toEqual([1]);
    expect(plan.counts).toEqual({ learning: 1, review: 0, new: 0 });
  });
});

describe("interleaving", () => {
  it("takes one from each group in turn, keeping order within groups", () => {
    expect(interleaveBy(["a1", "a2", "b1", "c1", "b2"], (s) => s[0]!)).toEqual(["a1", "b1", "c1", "a2", "b2"]);
  });
});
