import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { eventYearQuestions, eventYears } from "~/content/questions/year-ranges";
import { paragraphLesson } from "../../support/fixtures";

const lesson = paragraphLesson;

describe("an event dated in brackets after its name", () => {
  it("reads the event, whether the sentence gives it an article, and both years, a short second year in the first one's century", () => {
    expect(eventYears("The Varna Revolt (1821–1829) closed the harbour to foreign ships.")).toEqual([{ name: "Varna Revolt", article: true, from: 1821, to: 1829 }]);
    expect(eventYears("Trade fell during the War of the Ostrava Succession (1740–48), when pilots fled.")).toEqual([
      { name: "War of the Ostrava Succession", article: true, from: 1740, to: 1748 },
    ]);
  });

  it("leaves out the word that opens the sentence, keeps a possessor without an article, and reads a head in lower case", () => {
    expect(eventYears("After Varna's First Salt War (1821–1829), the harbour closed.")).toEqual([{ name: "Varna's First Salt War", article: false, from: 1821, to: 1829 }]);
    expect(eventYears("During the Ostrava dynasty (1368–1644) the port grew.")).toEqual([{ name: "Ostrava dynasty", article: true, from: 1368, to: 1644 }]);
    expect(eventYearQuestions({ name: "Varna's First Salt War", article: false, from: 1821, to: 1829 })[0].prompt).toBe("In what year did Varna's First Salt War begin?");
  });

  it("reads no event from a person's years, a place's, uncertain years, eras or a range that runs backwards", () => {
    expect(eventYears("The harbour master Ivo Marn (1790–1861) charted the bay.")).toEqual([]);
    expect(eventYears("The Varna Canal (1859–1869) joined the two bays.")).toEqual([]);
    expect(eventYears("The Varna Revolt (c. 1821–1829) closed the harbour.")).toEqual([]);
    expect(eventYears("The Ostrava Dynasty (551–479 BCE) ruled the coast.")).toEqual([]);
    expect(eventYears("The Varna Revolt (1829–1821) closed the harbour.")).toEqual([]);
  });

  it("asks when it began and when it ended, as years", () => {
    const [began, ended] = eventYearQuestions({ name: "Varna Revolt", article: true, from: 1821, to: 1829 });
    expect(began).toMatchObject({ type: "numeric", prompt: "In what year did the Varna Revolt begin?", answer: "1821", numeric: { value: 1821, unit: null, tolerance: 0 } });
    expect(ended).toMatchObject({ prompt: "In what year did the Varna Revolt end?", answer: "1829" });
  });

  it("is asked in the bank, but not where a dictionary lists the event and the document is about something else", () => {
    const text = "The Varna Revolt (1821–1829) closed the harbour to foreign ships. During the Second World War (1939–1945) the harbour was mined.";
    const [[{ questions }]] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [lesson("Revolt", text)] }]);
    const prompts = questions.map((q) => q.prompt);
    expect(prompts).toContain("In what year did the Varna Revolt begin?");
    expect(prompts).toContain("In what year did the Varna Revolt end?");
    expect(prompts.some((p) => p.includes("Second World War begin"))).toBe(false);
    // An event dated again in a later lesson is asked once: its questions would have the same ids.
    const [twice] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [lesson("Revolt", text), lesson("Aftermath", "The Varna Revolt (1821–1829) ruined the harbour board.")] }]);
    const ids = twice.flatMap((l) => l.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(twice[1].questions.some((q) => q.prompt === "In what year did the Varna Revolt begin?")).toBe(false);
    // The same war, in a document about it, is its subject.
    const [[{ questions: about }]] = generateQuestions([{ key: "k", title: "The Second World War", lessons: [lesson("Mines", text)] }]);
    expect(about.map((q) => q.prompt)).toContain("In what year did the Second World War begin?");
  });
});
