import { describe, expect, it } from "vitest";
import {
  foldAnswer,
  gradeResponse,
  medianResponseMs,
  proposeRating,
  readNumber,
  shuffleOptions,
  type GradableQuestion,
} from "~/learning/grade";

const shortAnswer = (answer: string, accepted: string[] = []): GradableQuestion => ({
  type: "short_answer",
  answer,
  accepted,
});

describe("grading text answers", () => {
  it("folds case, punctuation, diacritics, articles and spacing", () => {
    const q = shortAnswer("The Treaty of Westphalia");
    for (const ok of ["treaty of westphalia", "  TREATY of   Westphalia. ", "the treaty-of-westphalia"]) {
      expect(gradeResponse(q, ok).correct).toBe(true);
    }
    expect(gradeResponse(shortAnswer("Gödel"), "godel").correct).toBe(true);
    expect(gradeResponse(shortAnswer("U.S.A."), "usa").correct).toBe(true);
    expect(gradeResponse(shortAnswer("well-known"), "wellknown").correct).toBe(true);
    expect(gradeResponse(q, "Treaty of Versailles").correct).toBe(false);
    expect(foldAnswer("An Apple")).toBe("apple");
  });

  it("accepts listed variants", () => {
    const q = shortAnswer("World Health Organization", ["WHO", "World Health Organisation"]);
    expect(gradeResponse(q, "who").correct).toBe(true);
    expect(gradeResponse(q, "world health organisation").correct).toBe(true);
    expect(gradeResponse(q, "UN").correct).toBe(false);
    expect(gradeResponse(q, "who").expected).toBe("World Health Organization");
  });

  it("an empty answer is wrong", () => {
    expect(gradeResponse(shortAnswer("x"), "   ").correct).toBe(false);
    expect(gradeResponse(shortAnswer("..."), "!!").correct).toBe(false);
  });

  it("multiple choice and true/false compare the chosen option", () => {
    const mc: GradableQuestion = {
      type: "multiple_choice", answer: "Mitochondria", accepted: [],
      options: ["Nucleus", "Mitochondria", "Ribosome", "Golgi body"],
    };
    expect(gradeResponse(mc, "Mitochondria").correct).toBe(true);
    expect(gradeResponse(mc, "Ribosome").correct).toBe(false);
    const tf: GradableQuestion = { type: "true_false", answer: "False", accepted: [], options: ["True", "False"] };
    expect(gradeResponse(tf, "false").correct).toBe(true);
    expect(gradeResponse(tf, "True").correct).toBe(false);
    expect(gradeResponse(tf, "maybe").correct).toBe(false);
  });
});

describe("grading numbers", () => {
  const numeric = (answer: string, value: number, unit: string | null, tolerance = 0): GradableQuestion => ({
    type: "numeric", answer, accepted: [], numeric: { value, unit, tolerance },
  });

  it("numbers are compared as numbers", () => {
    const q = numeric("1,000", 1000, null);
    for (const ok of ["1000", "1,000", "1 000", "1000.0", "one thousand", "1 thousand"]) {
      expect(gradeResponse(q, ok).correct, ok).toBe(true);
    }
    expect(gradeResponse(q, "100").correct).toBe(false);
    expect(gradeResponse(q, "lots").correct).toBe(false);
  });

  it("a unit may be omitted but not contradicted", () => {
    const q = numeric("24 hours", 24, "hours");
    expect(gradeResponse(q, "24").correct).toBe(true);
    expect(gradeResponse(q, "24 hours").correct).toBe(true);
    expect(gradeResponse(q, "twenty-four hours").correct).toBe(true);
    expect(gradeResponse(q, "24 minutes").correct).toBe(false);
  });

  it("a tolerance widens what counts as right", () => {
    const q = numeric("3.14", 3.14, null, 0.01);
    expect(gradeResponse(q, "3.15").correct).toBe(true);
    expect(gradeResponse(q, "3.2").correct).toBe(false);
  });

  it("reads signed, decimal and scaled numbers", () => {
    expect(readNumber("-12.5 km")).toEqual({ value: -12.5, unit: "km" });
    expect(readNumber("2 million")?.value).toBe(2_000_000);
    expect(readNumber("one hundred and five")?.value).toBe(105);
    expect(readNumber("no digits")).toBeNull();
  });
});

describe("proposing a rating", () => {
  const base = { learnerMedianMs: 8_000, type: "short_answer" as const };
  it("wrong → Again; right → Good, Hard when slow, Easy when fast", () => {
    expect(proposeRating({ ...base, correct: false, responseMs: 1_000 })).toBe(1);
    expect(proposeRating({ ...base, correct: true, responseMs: 8_000 })).toBe(3);
    expect(proposeRating({ ...base, correct: true, responseMs: 17_000 })).toBe(2);
    expect(proposeRating({ ...base, correct: true, responseMs: 3_000 })).toBe(4);
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

describe("shuffling options", () => {
  const options = ["a", "b", "c", "d", "e"];
  it("the same showing gets the same order, and the order is a permutation", () => {
    expect(shuffleOptions(options, "showing-1")).toEqual(shuffleOptions(options, "showing-1"));
    expect([...shuffleOptions(options, "showing-1")].sort()).toEqual(options);
  });
  it("different showings get different orders", () => {
    const orders = new Set(Array.from({ length: 30 }, (_, i) => shuffleOptions(options, `s${i}`).join("")));
    expect(orders.size).toBeGreaterThan(5);
  });
});
