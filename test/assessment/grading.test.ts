/**
 * Grading through the one answer-meaning module, and item analysis in its
 * standard terms (facility index, discrimination index).
 */
import { describe, expect, it } from "vitest";
import { DISCRIMINATION_MIN_ATTEMPTS, gradeAttempt, itemAnalysis } from "~/assessment/grading";
import type { GradableQuestion } from "~/questions/grade";

describe("grading an attempt", () => {
  const form: { questionId: string; question: GradableQuestion }[] = [
    { questionId: "short", question: { type: "short_answer", answer: "Marie Curie", accepted: ["Curie"] } },
    { questionId: "spelt", question: { type: "cloze", answer: "Mediterranean", accepted: [] } },
    { questionId: "number", question: { type: "numeric", answer: "24 hours", accepted: [], numeric: { value: 24, unit: "hours", tolerance: 0 } } },
    { questionId: "unit", question: { type: "numeric", answer: "24 hours", accepted: [], numeric: { value: 24, unit: "hours", tolerance: 0 } } },
    { questionId: "choice", question: { type: "multiple_choice", answer: "Nile", accepted: [], options: ["Nile", "Amazon"] } },
    { questionId: "blank", question: { type: "true_false", answer: "True", accepted: [], options: ["True", "False"] } },
    { questionId: "emptied", question: { type: "cloze", answer: "Nile", accepted: [] } },
  ];

  it("every type by the answer-meaning rules: variants, a slip, units, a blank and an emptied answer", () => {
    const answers = new Map([
      ["short", "curie"],
      ["spelt", "Mediteranean"],
      ["number", "24"],
      ["unit", "24 minutes"],
      ["choice", "Amazon"],
      ["emptied", "  "],
    ]);
    const grade = gradeAttempt(form, answers);
    expect(grade.items.map((i) => [i.questionId, i.verdict])).toEqual([
      ["short", "correct"],
      ["spelt", "close"],
      ["number", "correct"],
      ["unit", "wrong"],
      ["choice", "wrong"],
      ["blank", "unanswered"],
      ["emptied", "unanswered"],
    ]);
    expect([grade.right, grade.total, grade.percent]).toEqual([3, 7, 42.9]);
    expect(grade.items[0]).toEqual({ questionId: "short", response: "curie", verdict: "correct", expected: "Marie Curie" });
  });
});

describe("item analysis", () => {
  it("facility is the share right among those asked; discrimination separates the top group from the bottom", () => {
    // Twenty learners; "easy" everyone gets, "sorts" only the stronger half, "odd" only the weaker half.
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const strong = i >= 10;
      return {
        percent: i * 5,
        items: [
          { questionId: "easy", right: true },
          { questionId: "sorts", right: strong },
          { questionId: "odd", right: !strong },
        ],
      };
    });
    const stats = new Map(itemAnalysis(attempts).map((s) => [s.questionId, s]));
    expect(stats.get("easy")).toEqual({ questionId: "easy", asked: 20, facility: 1, discrimination: 0 });
    expect(stats.get("sorts")).toMatchObject({ facility: 0.5, discrimination: 1 });
    expect(stats.get("odd")).toMatchObject({ facility: 0.5, discrimination: -1 });
  });

  it("gives no discrimination with too few attempts, and judges a drawn question only among those asked it", () => {
    const few = Array.from({ length: DISCRIMINATION_MIN_ATTEMPTS - 1 }, (_, i) => ({
      percent: i,
      items: i % 3 === 0 ? [{ questionId: "q", right: i > 4 }] : [],
    }));
    expect(itemAnalysis(few)).toEqual([{ questionId: "q", asked: 3, facility: 1 / 3, discrimination: null }]);
  });
});
