import { generateQuestions, type ModuleInput } from "~/content/questions";
import { askedAs } from "~/content/questions/which";
import { dictionaryDenies } from "~/content/questions/nlp";
import type { LessonDraft } from "~/content/types";

function lesson(title: string, paragraphs: string[]): LessonDraft {
  const blocks = paragraphs.map((text, i) => ({ kind: "paragraph" as const, text, line: i + 2 }));
  return { title, slug: title.toLowerCase().replace(/\W+/g, "-"), position: 0, line: 1, blocks, text: paragraphs.join("\n"), readingMinutes: 1 };
}

/** Prose written for these tests: bodies, instruments and people doing things, in the shapes the form reads. */
const ports: ModuleInput = {
  key: "ports",
  lessons: [
    lesson("Governing the harbours", [
      "The Northern Harbour Authority (NHA) was created to manage the river ports.",
      "The Northern Harbour Authority publishes a yearly register of licensed pilots.",
      "In Riga, the Harbour Board inspects every ferry twice a year.",
      "The rules were later revised by the Pilotage Convention, which limited a pilot's shift to ten hours.",
      "Moreover, the Harbour Board publishes the fees that operators pay.",
      "Elena Varga, a former ferry master, founded the first training school for harbour pilots.",
      "The Harbour Board also maintains the buoys, and the Northern Harbour Authority dredges the channels.",
      "This body inspects cargo too. The Department also keeps records.",
      "Despite its budget, the Harbour Board struggles to hire inspectors.",
      "By contrast, the Northern Harbour Authority publishes the tide tables of the river.",
      "The Harbour Board trains the pilots of the lake ferries.",
      "Victoria Square hosts the harbour market every Sunday morning.",
      "The Harbour Board regulates tugs, moorings, and the pilot boats of the river.",
    ]),
  ],
};

const bank = () => generateQuestions([ports])[0][0].questions;
const asked = () => bank().filter((q) => /^(?:[^,?]{1,60},\s)?(?:[Ww]hich \p{L}+|Who)\s/u.test(q.prompt) && q.prompt.endsWith("?"));

describe("questions that ask for a name by what its sentence says of it", () => {
  it("does not ask for a body by a founding date alone, which any body of the year fits", () => {
    const founded: ModuleInput = {
      key: "founded",
      lessons: [lesson("Banks", ["The Varna Savings Bank was founded in 1856.", "The Varna Harbour Society was founded in 1856 to train harbour pilots."])],
    };
    const questions = generateQuestions([founded])[0][0].questions;
    const prompts = questions.map((q) => q.prompt);
    expect(prompts).not.toContain("Which organisation was founded in 1856?");
    expect(prompts).toContain("Which organisation was founded in 1856 to train harbour pilots?");
    // Its blank as well: estimated a fragment, below any deck's bar; its year is still asked.
    const blank = questions.filter((q) => q.answer === "Varna Savings Bank");
    expect(blank.length).toBeGreaterThan(0);
    for (const q of blank) expect(q.quality, q.prompt).toBeLessThan(0.1);
    expect(questions.some((q) => q.answer === "1856" && q.quality >= 0.5)).toBe(true);
  });

  it("asks for a body that is the subject of its sentence, typed, its acronym accepted", () => {
    const q = bank().find((x) => x.prompt === "Which organisation publishes a yearly register of licensed pilots?");
    expect(q?.type).toBe("short_answer");
    expect(q?.answer).toBe("Northern Harbour Authority");
    expect(q?.accepted).toEqual(expect.arrayContaining(["NHA"]));
  });

  it("keeps a short opening phrase and drops a connective that points at earlier text", () => {
    const prompts = asked().map((q) => q.prompt);
    expect(prompts).toContain("In Riga, which organisation inspects every ferry twice a year?");
    expect(prompts).toContain("Which organisation publishes the fees that operators pay?");
    expect(prompts.some((p) => p.startsWith("Moreover"))).toBe(false);
    // "By contrast," links the claim to what the question cannot show.
    expect(prompts).toContain("Which organisation publishes the tide tables of the river?");
    // "trains" is tagged a noun; after a name and before an article it is the name's verb.
    expect(prompts).toContain("Which organisation trains the pilots of the lake ferries?");
  });

  it("asks for an instrument a closing relative clause describes, by its own head word", () => {
    const q = bank().find((x) => x.prompt === "Which convention limited a pilot's shift to ten hours?");
    expect(q?.answer).toBe("Pilotage Convention");
  });

  it("asks who, past an apposition, for a person", () => {
    const q = bank().find((x) => x.prompt === "Who founded the first training school for harbour pilots?");
    expect(q?.answer).toBe("Elena Varga");
  });

  it("stops at a clause with a subject of its own, and drops an 'also' that leans on another body", () => {
    const prompts = asked().map((q) => q.prompt);
    expect(prompts).toContain("Which organisation maintains the buoys?");
    expect(prompts.some((p) => p.includes("dredges"))).toBe(false);
    // "..., and the pilot boats" may be a list's last item: not cut short, not asked.
    expect(prompts.some((p) => p.includes("regulates"))).toBe(false);
  });

  it("never asks where the sentence points back, or for one word of a longer name, or for a place taken for a person", () => {
    const prompts = asked().map((q) => q.prompt);
    // "Despite its budget," leans on the sentence before, shown or not.
    expect(prompts.some((p) => /cargo|records|market|struggles/.test(p))).toBe(false);
  });
});

describe("askedAs", () => {
  it("names a body an organisation and an instrument by its head word, past 'of' and a number", () => {
    expect(askedAs("organisation", "Harbour Board", false)).toBe("organisation");
    expect(askedAs("treaty", "Resolution 2231", false)).toBe("resolution");
    expect(askedAs("organisation", "Centre of Excellence for Port Security", false)).toBe("organisation");
    expect(askedAs("treaty", "Harbour Improvement Program", false)).toBe("programme");
    expect(askedAs("person", "Elena Varga", false)).toBe("who");
    // The finder takes some names of things for people's: a model number or a word in capitals is no person's.
    expect(askedAs("person", "Harbour DC-3", false)).toBeNull();
    expect(askedAs("person", "HMS Varga", false)).toBeNull();
  });

  it("asks nothing of a union the course gives no acronym for (a state may be one), or of a place", () => {
    expect(askedAs("organisation", "Baltic Union", false)).toBeNull();
    expect(askedAs("organisation", "Baltic Union", true)).toBe("organisation");
    expect(askedAs("place", "Rotterdam", false)).toBeNull();
  });

  it("asks for no person or organisation a dictionary knows only as something else", () => {
    // WordNet knows Cape Horn as a headland: no one's name, though the finder may take "Cape" for a first name.
    expect(askedAs("person", "Cape Horn", false)).toBeNull();
    expect(askedAs("person", "Elena Varga", false)).toBe("who");
    // An empire is a state; a league it lists as a group is a body.
    expect(askedAs("organisation", "Ottoman Union", true)).toBe("organisation");
    expect(askedAs("organisation", "Arab League", false)).toBe("organisation");
    expect(dictionaryDenies("the Ottoman Empire", "organisation")).toBe(true);
    expect(dictionaryDenies("Arab League", "organisation")).toBe(false);
    expect(dictionaryDenies("Varga Harbour Board", "organisation")).toBe(false);
  });
});
