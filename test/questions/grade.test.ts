import { describe, expect, it } from "vitest";
import { EMPTY_RESPONSE_MESSAGE, gradeResponse, isRight, type GradableQuestion } from "~/questions/grade";

const typed = (answer: string, accepted: string[] = [], prompt = "Which name fills the blank? _____"): GradableQuestion => ({
  type: "short_answer",
  prompt,
  answer,
  accepted,
});
const verdict = (q: GradableQuestion, response: string) => gradeResponse(q, response).verdict;

describe("grading typed answers", () => {
  it("accepts the answer whatever its case, spacing, articles and punctuation", () => {
    const q = typed("The Pact of Vellmoor");
    for (const ok of ["pact of vellmoor", "  PACT of   Vellmoor. ", "the pact-of-vellmoor"]) expect(verdict(q, ok), ok).toBe("correct");
    expect(verdict(q, "Pact of Arnsby")).toBe("wrong");
  });

  it("accepts letters with or without diacritics", () => {
    expect(verdict(typed("Øster Mäln"), "oster maln")).toBe("correct");
    expect(verdict(typed("Oster Maln"), "Øster Mäln")).toBe("correct");
  });

  it("accepts & for and, and back", () => {
    expect(verdict(typed("Quill & Ladle"), "quill and ladle")).toBe("correct");
    expect(verdict(typed("Quill and Ladle"), "Quill & Ladle")).toBe("correct");
  });

  it("reads an acronym with full stops as the acronym", () => {
    expect(verdict(typed("U.Q.R."), "UQR")).toBe("correct");
    expect(verdict(typed("UQR"), "u.q.r.")).toBe("correct");
  });

  it("accepts an acronym for its expansion and back when both are listed", () => {
    const q = typed("Union of Quiet Rivers", ["UQR"]);
    expect(verdict(q, "uqr")).toBe("correct");
    expect(verdict(typed("UQR", ["Union of Quiet Rivers"]), "union of quiet rivers")).toBe("correct");
    expect(gradeResponse(q, "uqr").expected).toBe("Union of Quiet Rivers");
  });

  it("accepts a spelling variant recorded for the answer, apostrophes and hyphens aside", () => {
    const q = typed("el-Marouki", ["el-Ma'ruki"]);
    expect(verdict(q, "el-Ma'ruki")).toBe("correct");
    expect(verdict(q, "el Maruki")).toBe("correct");
    expect(verdict(q, "elmarouki")).toBe("correct");
  });
});

describe("a small slip in a long answer", () => {
  it("is right, saying to check the spelling: one letter from five, two from ten", () => {
    const q = typed("Quorvelline");
    const result = gradeResponse(q, "Qourveline");
    expect(result.verdict).toBe("close");
    expect(result.message).toBe("Right — check the spelling: Quorvelline");
    expect(isRight(result.verdict)).toBe(true);
    expect(verdict(q, "Quorvelline")).toBe("correct");
    expect(verdict(typed("Tessaly"), "Tesaly")).toBe("close");
  });

  it("is wrong past the allowance, or in a short answer", () => {
    expect(verdict(typed("Tessaly"), "Tasely")).toBe("wrong");
    expect(verdict(typed("Bosk"), "Bisk")).toBe("wrong");
  });

  it("is wrong in numbers, years and acronyms", () => {
    expect(verdict(typed("14503"), "14508")).toBe("wrong");
    expect(verdict(typed("1874"), "1875")).toBe("wrong");
    expect(verdict(typed("QRXVL"), "QRXVK")).toBe("wrong");
  });

  it("is wrong when it makes another option, or is as near to one", () => {
    const q: GradableQuestion = {
      type: "multiple_choice",
      answer: "Corvander",
      accepted: [],
      options: ["Corvander", "Corvandel", "Tessaly", "Bosk"],
    };
    expect(verdict(q, "Corvandel")).toBe("wrong");
    expect(verdict(q, "Corvandem")).toBe("wrong");
    expect(verdict(q, "Corvnader")).toBe("close");
    expect(verdict(q, "Corvander")).toBe("correct");
  });

  it("a right answer says nothing more", () => {
    expect(gradeResponse(typed("Tessaly"), "tessaly").message).toBeNull();
  });
});

describe("dates and years", () => {
  it("accepts the year alone when the prompt asks for the year of a dated key", () => {
    const q = typed("March 1987", [], "Year the Vellmoor charter was sealed: _____");
    expect(verdict(q, "1987")).toBe("correct");
    expect(verdict(q, "in 1987")).toBe("correct");
    expect(verdict(q, "March 1987")).toBe("correct");
    expect(verdict(q, "1986")).toBe("wrong");
  });

  it("wants the whole date when the prompt does not ask for a year", () => {
    expect(verdict(typed("March 1987", [], "The Vellmoor charter was sealed in _____."), "1987")).toBe("wrong");
    expect(verdict(typed("March 1987", [], "After ten years of talks, the charter was sealed in _____."), "1987")).toBe("wrong");
  });
});

describe("grading numbers", () => {
  const numeric = (answer: string, value: number, unit: string | null, tolerance = 0): GradableQuestion => ({
    type: "numeric",
    answer,
    accepted: [],
    numeric: { value, unit, tolerance },
  });

  it("compares numbers as numbers", () => {
    const q = numeric("1,000", 1000, null);
    for (const ok of ["1000", "1,000", "1 000", "1000.0", "one thousand", "1 thousand"]) expect(verdict(q, ok), ok).toBe("correct");
    expect(verdict(q, "100")).toBe("wrong");
    expect(verdict(q, "lots")).toBe("wrong");
  });

  it("takes the number without its unit, since the form shows the unit", () => {
    const q = numeric("9 litres", 9, "litres");
    expect(verdict(q, "9")).toBe("correct");
    expect(verdict(q, "9 litres")).toBe("correct");
    expect(verdict(q, "nine liters")).toBe("correct");
  });

  it("refuses the number with a different unit than the key's", () => {
    expect(verdict(numeric("9 litres", 9, "litres"), "9 gallons")).toBe("wrong");
    expect(verdict(numeric("7 dollars", 7, "dollars"), "7 euros")).toBe("wrong");
    expect(verdict(numeric("24 hours", 24, "hours"), "24 minutes")).toBe("wrong");
  });

  it("reads a percentage however it is written", () => {
    const q = numeric("35%", 35, "%");
    for (const ok of ["35", "35%", "35 percent", "thirty-five per-cent"]) expect(verdict(q, ok), ok).toBe("correct");
  });
});

describe("true/false and multiple choice", () => {
  it("compares the chosen option", () => {
    const mc: GradableQuestion = { type: "multiple_choice", answer: "Corran", accepted: [], options: ["Arvel", "Bosk", "Corran", "Dulmere"] };
    expect(verdict(mc, "Corran")).toBe("correct");
    expect(verdict(mc, "Bosk")).toBe("wrong");
    const tf: GradableQuestion = { type: "true_false", answer: "False", accepted: [], options: ["True", "False"] };
    expect(verdict(tf, "false")).toBe("correct");
    expect(verdict(tf, "True")).toBe("wrong");
    expect(verdict(tf, "maybe")).toBe("wrong");
  });
});

describe("a response with nothing in it", () => {
  it("is refused as invalid with a message, not graded wrong", () => {
    for (const empty of ["", "   ", "\t\n", "..!"]) {
      const result = gradeResponse(typed("Tessaly"), empty);
      expect(result.verdict, JSON.stringify(empty)).toBe("invalid");
      expect(result.message).toBe(EMPTY_RESPONSE_MESSAGE);
    }
    expect(verdict({ type: "true_false", answer: "True", accepted: [] }, " ")).toBe("invalid");
    expect(verdict({ type: "numeric", answer: "9", accepted: [], numeric: { value: 9, unit: null, tolerance: 0 } }, "")).toBe("invalid");
  });
});

describe("a range asked with both ends blanked", () => {
  const range = typed("1821 and 1829", [], "Which years fill the blanks? Between _____ and _____ the pilots struck.");
  const hours = typed("12 to 14", [], "Which numbers fill the blanks? A crossing takes _____ to _____ hours.");

  it("accepts both ends in order, however they are joined", () => {
    for (const response of ["1821 and 1829", "1821-1829", "1821 – 1829", "from 1821 to 1829", "between 1821 and 1829", "1821, 1829", "1821 1829"])
      expect(verdict(range, response)).toBe("correct");
    expect(verdict(hours, "12-14 hours")).toBe("correct");
  });

  it("refuses one end, the ends swapped, another number or words other than a joining one or the prompt's unit", () => {
    for (const response of ["1821", "1829 and 1821", "1821 and 1830", "1821 and 1829 and 1830", "1821 or 1829"]) expect(verdict(range, response)).toBe("wrong");
    expect(verdict(hours, "12 to 14 days")).toBe("wrong");
    // A sign is read: a minus before a number after a word, not between two numbers.
    expect(verdict(hours, "-12 to 14")).toBe("wrong");
    expect(verdict(hours, "12 to -14")).toBe("wrong");
  });

  it("accepts a second year written in the first one's century", () => {
    expect(verdict(range, "1821-29")).toBe("correct");
    expect(verdict(range, "1821-28")).toBe("wrong");
  });

  it("reads two decades by their years, with or without their s", () => {
    const decades = typed("1860s and 1870s", [], "Which decades fill the blanks? Steam ferries multiplied in the _____ and _____.");
    for (const response of ["1860s and 1870s", "1860's and 1870's", "the 1860s to the 1870s", "1860s-1870s", "1860 and 1870"])
      expect(verdict(decades, response)).toBe("correct");
    for (const response of ["1860s", "1870s and 1860s", "1860s and 1880s", "1860s and 1870s ferries"]) expect(verdict(decades, response)).toBe("wrong");
    // Years are not decades: a range of years takes no decade's "s" and no "the".
    const years = typed("1821 and 1829", [], "Which years fill the blanks? The pilots struck between _____ and _____.");
    expect(verdict(years, "1821 and 1829")).toBe("correct");
    for (const response of ["1821s and 1829s", "1821's and 1829's", "the 1821 and the 1829"]) expect(verdict(years, response)).toBe("wrong");
  });
});
