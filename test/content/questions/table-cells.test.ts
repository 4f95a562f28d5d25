import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { tableCellFacts } from "~/content/questions/table-cells";
import { gradeResponse } from "~/questions/grade";

const table = (header: string[] | null, rows: string[][]) => ({ kind: "table" as const, header, rows, line: 10 });
const prompts = (header: string[] | null, rows: string[][]) => tableCellFacts(table(header, rows)).map((f) => `${f.draft.prompt} => ${f.draft.answer}`);

describe("a headed table's cells", () => {
  it("are asked by their column's heading of their row's label, a number as a number", () => {
    const facts = tableCellFacts(table(["Dredger", "Home port", "Greatest depth (m)"], [["Varna Star", "Port Ostrava", "14"], ["Salt hopper", "Kembs Quay", "9.5"]]));
    expect(facts.map((f) => f.draft.prompt)).toEqual([
      "What is the home port of Varna Star?",
      "What is the greatest depth (m) of Varna Star?",
      "What is the home port of salt hopper?",
      "What is the greatest depth (m) of salt hopper?",
    ]);
    expect(facts[1]).toMatchObject({ kind: "quantity", row: "Varna Star: Port Ostrava; 14.", line: 11, draft: { type: "numeric", answer: "14", numeric: { value: 14, unit: null, tolerance: 0 } } });
    expect(facts[0]).toMatchObject({ kind: "term", draft: { type: "short_answer", answer: "Port Ostrava" } });
    // A participle after the heading's first word leaves no noun to ask "the ... of"; one word may be any noun.
    expect(prompts(["Dredger", "Depth reached (m)", "Home port"], [["Varna Star", "14", "Ostrava"]])).toEqual([]);
  });

  it("name a numeric label by its column, ask 'what are' of a plural heading, and take a range as one answer", () => {
    expect(prompts(["Category", "Gusts (km/h)"], [["2", "154–177"]])).toEqual(["What are the gusts (km/h) for category 2? => 154–177"]);
    expect(prompts(["Band of tonnage", "Due (%)"], [["1,001 – 5,000", "20%"]])).toEqual(["What is the due (%) for the band of tonnage 1,001 – 5,000? => 20%"]);
    // A label that already says its heading is not named twice.
    expect(prompts(["Category", "Gusts (km/h)"], [["Category 2", "154–177"]])).toEqual(["What are the gusts (km/h) for category 2? => 154–177"]);
    // A range with its unit is no one number and no bare range: not asked.
    expect(prompts(["Category", "Gusts"], [["2", "154–177 km/h"]])).toEqual([]);
  });

  it("are not asked without a header, under a question or a verb for a heading, in a summary row, or where the value is a phrase or two values", () => {
    expect(prompts(null, [["Varna Star", "Ostrava", "14"]])).toEqual([]);
    expect(prompts(["Year", "Event"], [["1821", "The Varna Revolt"]])).toEqual([]);
    expect(prompts(["Dredger", "Where it works", "Cargo carried"], [["Varna Star", "Ostrava", "Silt"]])).toEqual([]);
    expect(prompts(["Dredger", "Depth (m)"], [["Total", "23.5"]])).toEqual([]);
    expect(prompts(["Dredger", "Notes", "Crew"], [["Varna Star", "Some damage to the hull", "Ivo Marn (captain)"]])).toEqual([]);
  });

  it("with a range for a key, are graded by its two ends, the question's words allowed beside them", () => {
    const q = { type: "short_answer" as const, prompt: "What are the gusts (km/h) for category 2?", answer: "154–177", accepted: ["154–177"] };
    expect(gradeResponse(q, "154-177 km/h").verdict).toBe("correct");
    expect(gradeResponse(q, "154 to 177").verdict).toBe("correct");
    expect(gradeResponse(q, "154").verdict).toBe("wrong");
  });
});

describe("a headed table in a lesson", () => {
  it("gives its cells' questions to the bank, estimated below the decks' bar, siblings of their row", () => {
    const text = "The dredgers of Varna kept the harbour open.";
    const lesson = {
      title: "Dredgers",
      slug: "dredgers",
      position: 0,
      line: 1,
      blocks: [
        { kind: "paragraph" as const, text, line: 2 },
        table(["Dredger", "Greatest depth (m)", "Crew"], [["Varna Star", "14", "12"]]),
      ],
      text,
      readingMinutes: 1,
    };
    const [[{ questions }]] = generateQuestions([{ key: "k", lessons: [lesson] }]);
    const depth = questions.find((q) => q.prompt === "What is the greatest depth (m) of Varna Star?");
    const crew = questions.find((q) => q.prompt === "What is the crew of Varna Star?");
    expect(depth).toMatchObject({ type: "numeric", answer: "14", quality: 0.47, source: { sentence: "Varna Star: 14; 12.", line: 11 } });
    expect(crew?.siblingKey).toBe(depth?.siblingKey);
  });
});
