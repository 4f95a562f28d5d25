import { describe, expect, it } from "vitest";
import { medianResponseMs, proposeRating } from "~/learning/rating";

describe("proposing a rating", () => {
  const base = { learnerMedianMs: 8_000, type: "short_answer" as const };
  it("wrong → Again; right → Good, Hard when slow, Easy when fast", () => {
    expect(proposeRating({ ...base, correct: false, responseMs: 1_000 })).toBe(1);
    expect(proposeRating({ ...base, correct: true, responseMs: 8_000 })).toBe(3);
    expect(proposeRating({ ...base, correct: true, responseMs: 17_000 })).toBe(2);
    expect(proposeRating({ ...base, correct: true, responseMs: 3_000 })).toBe(4);
  });

  it("a right answer with a spelling slip is Hard at best, however quick", () => {
    expect(proposeRating({ ...base, correct: true, misspelt: true, responseMs: 3_000 })).toBe(2);
    expect(proposeRating({ ...base, correct: true, misspelt: true, responseMs: 8_000 })).toBe(2);
  });

  it("uses a typical pace for the question type until the learner has a median", () => {
    const noMedian = { learnerMedianMs: null, type: "true_false" as const, correct: true };
    expect(proposeRating({ ...noMedian, responseMs: 4_000 })).toBe(3);
    expect(proposeRating({ ...noMedian, responseMs: 30_000 })).toBe(2);
  });

  it("the learner's median comes from correct answers only, once there are enough", () => {
    const answers = Array.from({ length: 11 }, (_, i) => ({ correct: true, responseMs: (i + 1) * 1000 }));
    expect(medianResponseMs(answers)).toBe(6000);
    expect(medianResponseMs([...answers, { correct: false, responseMs: 99_000 }])).toBe(6000);
    expect(medianResponseMs(answers.slice(0, 3))).toBeNull();
  });
});
