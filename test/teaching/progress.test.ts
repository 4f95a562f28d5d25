import { describe, expect, it } from "vitest";
import { CardStates } from "~/learning/scheduler";
import {
  compareByRisk,
  DEFAULT_TARGET_RETENTION,
  progressCell,
  riskiestCell,
  type LearnerCard,
  type LearnerModuleInput,
  type ProgressCell,
} from "~/teaching/progress";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12); // fixed clock
const WINDOW = { startsAt: NOW - 10 * DAY, dueAt: NOW + 10 * DAY }; // half the time spent

/** A reviewed card whose recall on the due date is 0.9: FSRS stability is the interval at which recall falls to 90%. */
const recalledAtNinety = (dueAt = WINDOW.dueAt): LearnerCard => ({
  state: CardStates.review,
  stability: 10,
  lastReview: dueAt - 10 * DAY,
  due: dueAt,
});
const unstudied: LearnerCard = { state: CardStates.new, stability: 0, lastReview: null, due: NOW };

const input = (over: Partial<LearnerModuleInput> = {}): LearnerModuleInput => ({
  cards: [],
  deckSize: 4,
  lessonsRead: 0,
  lessonCount: 4,
  reviewTimes: [],
  ...over,
});

describe("predicted retention on the due date", () => {
  it("is the forgetting curve on the due date, averaged over the whole deck, unstudied and absent cards counting 0", () => {
    const cell = progressCell(input({ cards: [recalledAtNinety(), recalledAtNinety(), unstudied], deckSize: 4 }), WINDOW, NOW);
    expect(cell.predictedRetention).toBeCloseTo((0.9 + 0.9 + 0 + 0) / 4, 6);
  });

  it("is evaluated on the due date, not now: the same card scores lower for a later due date", () => {
    const card = { ...recalledAtNinety(), lastReview: NOW };
    const soon = progressCell(input({ cards: [card], deckSize: 1 }), { ...WINDOW, dueAt: NOW + 10 * DAY }, NOW);
    const later = progressCell(input({ cards: [card], deckSize: 1 }), { ...WINDOW, dueAt: NOW + 30 * DAY }, NOW);
    expect(soon.predictedRetention).toBeCloseTo(0.9, 6);
    expect(later.predictedRetention!).toBeLessThan(0.85);
  });

  it("a card reviewed after the due date counts as recalled on it (caught up late)", () => {
    const past = { startsAt: NOW - 20 * DAY, dueAt: NOW - 5 * DAY };
    const card = { ...recalledAtNinety(), lastReview: NOW - DAY };
    expect(progressCell(input({ cards: [card], deckSize: 1 }), past, NOW).predictedRetention).toBe(1);
  });

  it("is null for a module without cards", () => {
    expect(progressCell(input({ deckSize: 0 }), WINDOW, NOW).predictedRetention).toBeNull();
  });
});

describe("counts in a cell", () => {
  it("a card counts as learned once reviewed at all, whatever its state; a new card does not", () => {
    const cards: LearnerCard[] = [
      { ...recalledAtNinety(), state: CardStates.learning },
      { ...recalledAtNinety(), state: CardStates.relearning },
      recalledAtNinety(),
      unstudied,
    ];
    expect(progressCell(input({ cards }), WINDOW, NOW).cardsLearned).toBe(3);
  });

  it("reviews in the last 7 days count the 7 × 24 hours up to now, not a review a moment older", () => {
    const reviewTimes = [NOW, NOW - DAY, NOW - 7 * DAY + 1, NOW - 7 * DAY, NOW - 30 * DAY];
    expect(progressCell(input({ reviewTimes }), WINDOW, NOW).reviewsLast7Days).toBe(3);
  });

  it("progress is the mean of the lesson and learned-card fractions; an empty deck leaves only lessons", () => {
    const cell = progressCell(input({ lessonsRead: 2, cards: [recalledAtNinety()] }), WINDOW, NOW);
    expect(cell.progress).toBeCloseTo((2 / 4 + 1 / 4) / 2, 9);
    expect(progressCell(input({ lessonsRead: 1, deckSize: 0 }), WINDOW, NOW).progress).toBeCloseTo(0.25, 9);
    expect(cell.expectedProgress).toBeCloseTo(0.5, 9);
  });

  it("a learner's cards beyond the deck, or a negative count, are a caller's mistake and throw", () => {
    expect(() => progressCell(input({ cards: [unstudied, unstudied], deckSize: 1 }), WINDOW, NOW)).toThrow(RangeError);
    expect(() => progressCell(input({ lessonsRead: -1 }), WINDOW, NOW)).toThrow(/lessonsRead/);
    expect(() => progressCell(input({ lessonsRead: 5, lessonCount: 4 }), WINDOW, NOW)).toThrow(/read 5 lessons of 4/);
    expect(() => progressCell(input(), { startsAt: NOW, dueAt: NOW }, NOW)).toThrow(/after its start/);
  });
});

describe("a cell's status", () => {
  const allCards = (n = 4) => Array.from({ length: n }, () => recalledAtNinety());

  it("done: every lesson read and retention at the target, before the due date", () => {
    const cell = progressCell(input({ lessonsRead: 4, cards: allCards() }), WINDOW, NOW);
    expect(cell.predictedRetention).toBeCloseTo(0.9, 6);
    expect(cell.status).toBe("done");
  });

  it("all lessons read but retention under the target is not done", () => {
    const cell = progressCell(input({ lessonsRead: 4, cards: allCards() }), WINDOW, NOW, { targetRetention: 0.95 });
    expect(cell.status).toBe("on track");
  });

  it("done stays done after the due date", () => {
    const past = { startsAt: NOW - 20 * DAY, dueAt: NOW - DAY };
    const cards = allCards().map(() => recalledAtNinety(past.dueAt));
    expect(progressCell(input({ lessonsRead: 4, cards }), past, NOW).status).toBe("done");
  });

  it("overdue: the due date passed with a lesson unread, or with retention under the target", () => {
    const past = { startsAt: NOW - 20 * DAY, dueAt: NOW - 1 };
    const cards = allCards().map(() => recalledAtNinety(past.dueAt));
    expect(progressCell(input({ lessonsRead: 3, cards }), past, NOW).status).toBe("overdue");
    expect(progressCell(input({ lessonsRead: 4, cards: cards.slice(1) }), past, NOW).status).toBe("overdue");
    expect(progressCell(input(), past, NOW).status).toBe("overdue"); // never started, now late
  });

  it("on the due date itself the learner is not yet overdue", () => {
    const dueNow = { startsAt: NOW - 20 * DAY, dueAt: NOW };
    expect(progressCell(input({ lessonsRead: 1 }), dueNow, NOW).status).toBe("behind");
  });

  it("not started: nothing read and no card reviewed, before the due date", () => {
    expect(progressCell(input({ cards: [unstudied] }), WINDOW, NOW).status).toBe("not started");
  });

  it("before the start nothing is expected yet: not started, or on track with work done early", () => {
    const early = NOW - 15 * DAY;
    expect(progressCell(input(), WINDOW, early).status).toBe("not started");
    const cell = progressCell(input({ lessonsRead: 1 }), WINDOW, early);
    expect([cell.status, cell.expectedProgress]).toEqual(["on track", 0]);
  });

  it("behind versus on track: progress held against the share of time spent", () => {
    // Half the time spent: 2 of 4 lessons and 2 of 4 cards is exactly on pace.
    const onPace = input({ lessonsRead: 2, cards: allCards(2) });
    expect(progressCell(onPace, WINDOW, NOW).status).toBe("on track");
    expect(progressCell({ ...onPace, lessonsRead: 1 }, WINDOW, NOW).status).toBe("behind");
    // The same work a day earlier in the window is ahead of pace.
    expect(progressCell({ ...onPace, lessonsRead: 1 }, WINDOW, NOW - 5 * DAY).status).toBe("on track");
  });

  it("the default target is 80%", () => {
    expect(DEFAULT_TARGET_RETENTION).toBe(0.8);
  });
});

describe("the dashboard's order", () => {
  const cell = (over: Partial<ProgressCell>): ProgressCell => ({
    status: "on track",
    lessonsRead: 0,
    lessonCount: 4,
    cardsLearned: 0,
    deckSize: 4,
    predictedRetention: 0.5,
    reviewsLast7Days: 0,
    progress: 0.5,
    expectedProgress: 0.5,
    dueAt: NOW,
    ...over,
  });

  it("puts overdue first, then not started, behind, on track and done", () => {
    const cells = (["done", "on track", "behind", "not started", "overdue"] as const).map((status) => cell({ status }));
    expect([...cells].sort(compareByRisk).map((c) => c.status)).toEqual([
      "overdue",
      "not started",
      "behind",
      "on track",
      "done",
    ]);
  });

  it("within a status: the sooner due date, then less progress, then lower retention", () => {
    const a = cell({ dueAt: NOW + DAY });
    const b = cell({ dueAt: NOW, progress: 0.9 });
    const c = cell({ dueAt: NOW, progress: 0.2, predictedRetention: 0.7 });
    const d = cell({ dueAt: NOW, progress: 0.2, predictedRetention: 0.1 });
    expect([a, b, c, d].sort(compareByRisk)).toEqual([d, c, b, a]);
  });

  it("a learner's riskiest cell orders their row; none for a learner without assignments", () => {
    const behind = cell({ status: "behind" });
    expect(riskiestCell([cell({ status: "done" }), behind, cell({})])).toBe(behind);
    expect(riskiestCell([])).toBeNull();
  });
});
