/**
 * Each learner's form: drawn with a seeded random, fair by the blueprint
 * (every form asks each lesson its number, one question from each band of
 * difficulty), never two questions of one sentence, options in an order of
 * the learner's own only when the assessment shuffles.
 */
import { describe, expect, it } from "vitest";
import { difficultyBands, drawForm, formOptions, questionDifficulty, type PoolQuestion } from "~/assessment/form";
import { seededRandom } from "~/learning/random";

function pool(lessonId: string, n: number, over: (i: number) => Partial<PoolQuestion> = () => ({})): PoolQuestion[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${lessonId}-q${i}`,
    lessonId,
    type: "cloze",
    siblingKey: `${lessonId}-fact${i}`,
    difficulty: i / n,
    ...over(i),
  }));
}

describe("drawing a learner's form", () => {
  const bank = [...pool("a", 12), ...pool("b", 6)];
  const blueprint = [
    { lessonId: "a", count: 3 },
    { lessonId: "b", count: 2 },
  ];

  it("the same seed draws the same form; other seeds draw other forms", () => {
    const form = drawForm(blueprint, bank, ["cloze"], seededRandom("attempt-1"));
    expect(drawForm(blueprint, bank, ["cloze"], seededRandom("attempt-1"))).toEqual(form);
    const others = new Set(Array.from({ length: 20 }, (_, i) => drawForm(blueprint, bank, ["cloze"], seededRandom(`attempt-${i}`)).join()));
    expect(others.size).toBeGreaterThan(10);
  });

  it("every form asks each lesson its number, lesson by lesson, one question from each band of difficulty", () => {
    const bandsOfA = difficultyBands([...pool("a", 12)], 3).map((band) => new Set(band.map((q) => q.id)));
    for (let seed = 0; seed < 200; seed++) {
      const form = drawForm(blueprint, bank, ["cloze"], seededRandom(`learner-${seed}`));
      expect(form).toHaveLength(5);
      expect(form.slice(0, 3).every((id) => id.startsWith("a-"))).toBe(true);
      expect(form.slice(3).every((id) => id.startsWith("b-"))).toBe(true);
      // One from the easiest third, one from the middle, one from the hardest.
      expect(bandsOfA.map((band) => form.filter((id) => band.has(id)).length)).toEqual([1, 1, 1]);
    }
  });

  it("over many learners every question of a lesson is drawn, none far more often than the others", () => {
    const seen = new Map<string, number>();
    for (let seed = 0; seed < 600; seed++) {
      for (const id of drawForm([{ lessonId: "a", count: 3 }], bank, ["cloze"], seededRandom(`s${seed}`))) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect(seen.size).toBe(12);
    // 600 forms × 3 questions / 12 = 150 each on average.
    for (const n of seen.values()) expect(n).toBeGreaterThan(100);
  });

  it("asks only the allowed types", () => {
    const mixed = pool("a", 10, (i) => ({ type: i % 2 === 0 ? "true_false" : "multiple_choice" }));
    for (let seed = 0; seed < 50; seed++) {
      const form = drawForm([{ lessonId: "a", count: 5 }], mixed, ["multiple_choice"], seededRandom(`t${seed}`));
      expect(form.sort()).toEqual(mixed.filter((q) => q.type === "multiple_choice").map((q) => q.id).sort());
    }
  });

  it("never asks two questions made from one sentence, borrowing from the nearest band when a band holds only taken facts", () => {
    // Six questions, three facts: each fact asked in an easy and a hard form.
    const siblings = pool("a", 6, (i) => ({ siblingKey: `fact${i % 3}` }));
    for (let seed = 0; seed < 200; seed++) {
      const form = drawForm([{ lessonId: "a", count: 3 }], siblings, ["cloze"], seededRandom(`sib${seed}`));
      const facts = form.map((id) => siblings.find((q) => q.id === id)!.siblingKey);
      expect(new Set(facts).size).toBe(3);
    }
  });
});

describe("question difficulty", () => {
  it("starts from the type's prior and moves towards what learners answered", () => {
    expect(questionDifficulty("true_false")).toBeLessThan(questionDifficulty("multiple_choice"));
    expect(questionDifficulty("multiple_choice")).toBeLessThan(questionDifficulty("short_answer"));
    const hardInPractice = questionDifficulty("true_false", { answers: 100, right: 20 });
    expect(hardInPractice).toBeGreaterThan(0.75);
    expect(questionDifficulty("true_false", { answers: 2, right: 0 })).toBeLessThan(0.5);
  });
});

describe("a form's options", () => {
  const choice = { type: "multiple_choice" as const, options: ["Nile", "Amazon", "Congo", "Niger"] };

  it("multiple choice is shuffled per attempt and question when the assessment shuffles, steady across reloads", () => {
    const orders = new Set(Array.from({ length: 30 }, (_, i) => formOptions(choice, true, `attempt-${i}:q1`)!.join()));
    expect(orders.size).toBeGreaterThan(5);
    expect(formOptions(choice, true, "attempt-1:q1")).toEqual(formOptions(choice, true, "attempt-1:q1"));
  });

  it("as written when it does not; true/false always True then False; a typed answer has none", () => {
    expect(formOptions(choice, false, "x")).toEqual(["Nile", "Amazon", "Congo", "Niger"]);
    expect(formOptions({ type: "true_false", options: ["False", "True"] }, true, "x")).toEqual(["True", "False"]);
    expect(formOptions({ type: "cloze", options: null }, true, "x")).toBeNull();
  });
});
