import { describe, expect, it } from "vitest";
import { fsrs, generatorParameters, type Card as FsrsCard } from "ts-fsrs";
import {
  CardStates,
  DEFAULT_WEIGHTS,
  newCardState,
  parseCardState,
  parseRating,
  previewOutcomes,
  retrievability,
  scheduleReview,
  serializeCardState,
  undoReview,
  type CardState,
  type Rating,
  type SchedulerSettings,
} from "~/learning/scheduler";

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0); // a Monday, 09:00 UTC
const MIN = 60_000;
const DAY = 86_400_000;
const settings: SchedulerSettings = { desiredRetention: 0.9, enableFuzz: true, seed: "card-7" };

/** Reviews `card` with each rating in turn, each at the card's due time (or `at`). */
function reviewSequence(card: CardState, ratings: Rating[], s = settings): CardState {
  let c = card;
  for (const rating of ratings) c = scheduleReview(c, rating, Math.max(c.due, T0), s).card;
  return c;
}

describe("scheduling a review", () => {
  it("a new card starts due now with no memory", () => {
    const card = newCardState(T0);
    expect(card).toMatchObject({ state: CardStates.new, due: T0, reps: 0, lapses: 0, lastReview: null });
  });

  it("a wrong answer brings the card back within the session", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3, 3]);
    expect(learned.state).toBe(CardStates.review);
    const lapse = scheduleReview(learned, 1, learned.due, settings);
    expect(lapse.card.state).toBe(CardStates.relearning);
    expect(lapse.card.lapses).toBe(1);
    // Back after the 10-minute relearning step, not days later.
    expect(lapse.card.due - learned.due).toBeGreaterThan(0);
    expect(lapse.card.due - learned.due).toBeLessThanOrEqual(10 * MIN);

    const fresh = scheduleReview(newCardState(T0), 1, T0, settings);
    expect(fresh.card.state).toBe(CardStates.learning);
    expect(fresh.card.due - T0).toBeLessThanOrEqual(10 * MIN);
  });

  it("a right answer on a review card moves it days ahead", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3]);
    const next = scheduleReview(learned, 3, learned.due, settings);
    expect(next.card.scheduledDays).toBeGreaterThan(learned.scheduledDays);
    expect(next.card.due - learned.due).toBeGreaterThanOrEqual(next.card.scheduledDays * DAY - DAY);
  });

  it("the log records the state before, elapsed days and the interval scheduled", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3]);
    const at = learned.due + 2 * DAY;
    const { card, log } = scheduleReview(learned, 3, at, settings);
    expect(log.state).toBe(learned.state);
    expect(log.reviewedAt).toBe(at);
    expect(log.rating).toBe(3);
    expect(log.elapsedDays).toBe(Math.round((at - learned.lastReview!) / DAY));
    expect(log.scheduledDays).toBe(card.scheduledDays);
    expect(log.cardBefore).toEqual(learned);
  });

  it("undo restores the card exactly", () => {
    const before = reviewSequence(newCardState(T0), [3, 3, 2]);
    const outcome = scheduleReview(before, 1, before.due + 3 * DAY, settings);
    expect(outcome.card).not.toEqual(before);
    // The log travels through the database as JSON.
    const stored = parseCardState(serializeCardState(outcome.log.cardBefore));
    expect(undoReview({ cardBefore: stored })).toEqual(before);
    // Reviewing again after the undo gives the same result as the first time.
    expect(scheduleReview(stored, 1, before.due + 3 * DAY, settings)).toEqual(outcome);
  });

  it("ts-fsrs rollback agrees with the stored card on the memory state", () => {
    const f = fsrs(generatorParameters({ enable_fuzz: false }));
    const start: FsrsCard = {
      due: new Date(T0), stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0,
      learning_steps: 0, reps: 0, lapses: 0, state: 0,
    };
    const first = f.next(start, new Date(T0), 3).card;
    const second = f.next(first, first.due, 3);
    const rolled = f.rollback(second.card, second.log);
    expect(rolled).toMatchObject({
      stability: first.stability, difficulty: first.difficulty, reps: first.reps,
      lapses: first.lapses, state: first.state, learning_steps: first.learning_steps,
    });
  });

  it("a stored card state that is not one is refused with a clear error", () => {
    expect(() => parseCardState("{")).toThrow(/not valid JSON/);
    expect(() => parseCardState(JSON.stringify({ state: 2 }))).toThrow(/lacks a numeric due/);
  });

  it("a learner's desired retention changes the interval", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3, 3]);
    const at = learned.due;
    const noFuzz = (desiredRetention: number) =>
      scheduleReview(learned, 3, at, { desiredRetention, enableFuzz: false }).card.scheduledDays;
    expect(noFuzz(0.8)).toBeGreaterThan(noFuzz(0.9));
    expect(noFuzz(0.9)).toBeGreaterThan(noFuzz(0.97));
  });

  it("fuzz is deterministic for a given seed", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3, 3, 3]);
    const at = learned.due;
    const withSeed = (seed: string) =>
      scheduleReview(learned, 3, at, { desiredRetention: 0.9, enableFuzz: true, seed }).card.due;
    expect(withSeed("card-1")).toBe(withSeed("card-1"));
    // Across many seeds the fuzz spreads the due date over several days.
    const dues = new Set(Array.from({ length: 40 }, (_, i) => withSeed(`card-${i}`)));
    expect(dues.size).toBeGreaterThan(1);
  });

  it("previews all four outcomes with intervals ordered Again ≤ Hard ≤ Good ≤ Easy", () => {
    const learned = reviewSequence(newCardState(T0), [3, 3, 3]);
    const outcomes = previewOutcomes(learned, learned.due, { desiredRetention: 0.9, enableFuzz: false });
    const dues = ([1, 2, 3, 4] as const).map((r) => outcomes[r].card.due);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(outcomes[1].log.rating).toBe(1);
  });

  it("personal weights change the schedule", () => {
    const weights = [...DEFAULT_WEIGHTS];
    weights[2] = weights[2]! * 3; // initial stability after Good
    const personal = scheduleReview(newCardState(T0), 3, T0, { desiredRetention: 0.9, weights, enableFuzz: false });
    const defaults = scheduleReview(newCardState(T0), 3, T0, { desiredRetention: 0.9, enableFuzz: false });
    expect(personal.card.stability).toBeGreaterThan(defaults.card.stability);
  });

  it("refuses weights of the wrong length", () => {
    expect(() =>
      scheduleReview(newCardState(T0), 3, T0, { desiredRetention: 0.9, weights: [1, 2, 3] }),
    ).toThrow(/21 weights/);
  });
});

describe("ratings", () => {
  it("a rating out of range is refused with a clear error", () => {
    expect(parseRating("3")).toEqual({ ok: true, rating: 3 });
    expect(parseRating(4)).toEqual({ ok: true, rating: 4 });
    for (const bad of [0, 5, "2.5", "", "good", null, -1]) {
      const parsed = parseRating(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/Rating must be 1 \(Again\)/);
    }
    expect(() => scheduleReview(newCardState(T0), 7 as Rating, T0, settings)).toThrow(RangeError);
  });
});

describe("retrievability", () => {
  it("is 0 for a new card, 0.9 after one stability, and falls with time", () => {
    expect(retrievability(newCardState(T0), T0)).toBe(0);
    const card = { state: CardStates.review, stability: 10, lastReview: T0 };
    expect(retrievability(card, T0 + 10 * DAY)).toBeCloseTo(0.9, 6);
    expect(retrievability(card, T0 + 5 * DAY)).toBeGreaterThan(retrievability(card, T0 + 20 * DAY));
  });
});
