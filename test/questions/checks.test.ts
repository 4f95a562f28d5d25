import {
  curationFlags,
  distractorFlags,
  keyStandsInPrompt,
  kindOf,
  nearDuplicates,
  otherFillings,
  type CheckedQuestion,
} from "~/questions/checks";

const question = (over: Partial<CheckedQuestion> & Pick<CheckedQuestion, "prompt" | "answer">): CheckedQuestion => ({
  id: over.id ?? over.prompt,
  type: "cloze",
  accepted: [over.answer],
  options: null,
  siblingKey: `sentence ${over.prompt}`,
  ...over,
});

describe("the key standing in its own prompt", () => {
  it("flags a prompt that writes the key or an accepted variant, however it is cased or punctuated", () => {
    expect(keyStandsInPrompt(question({ prompt: "The _____ port, Varna's harbour, is the largest.", answer: "Varna" }))).toBe(true);
    expect(keyStandsInPrompt(question({ prompt: "The _____ rose by ten per cent in the U.S.A. that year.", answer: "United States", accepted: ["United States", "USA"] }))).toBe(true);
    expect(keyStandsInPrompt(question({ prompt: "The _____ is the largest port on the coast.", answer: "Varna" }))).toBe(false);
  });

  it("looks for whole words, and never at a true/false key", () => {
    expect(keyStandsInPrompt(question({ prompt: "Ironworks lined the _____ of the river.", answer: "Iron" }))).toBe(false);
    expect(keyStandsInPrompt(question({ type: "true_false", prompt: "True or false: The claim is true.", answer: "True" }))).toBe(false);
  });
});

describe("several fillings of one blank", () => {
  const lesson =
    "The Tarn flows west into the Garonne. The Lot flows west into the Garonne as well. Its valley was settled in 1120. " +
    "A second abbey was settled in 1184, and the bridge at Cahors was built in 1308.";

  it("finds another name the lesson writes between the same words", () => {
    expect(otherFillings(question({ prompt: "The _____ flows west into the Garonne.", answer: "Tarn" }), lesson)).toEqual(["Lot"]);
  });

  it("finds another number of the kind, but not the key itself or a filling of another kind", () => {
    expect(otherFillings(question({ prompt: "Its valley was settled in _____.", answer: "1120" }), lesson)).toEqual(["1184"]);
    expect(otherFillings(question({ prompt: "The bridge at Cahors was built in _____.", answer: "1308" }), lesson)).toEqual([]);
  });

  it("says nothing when too few words surround the blank to mean anything", () => {
    expect(otherFillings(question({ prompt: "_____ flows.", answer: "Tarn" }), lesson)).toEqual([]);
  });

  it("tells names, numbers and plain words apart", () => {
    expect([kindOf("Marta Lind"), kindOf("1,200 km"), kindOf("river mouth"), kindOf("Bay of Biscay")]).toEqual(["name", "number", "words", "name"]);
  });
});

describe("multiple-choice distractors", () => {
  const mc = (options: string[], answer = "Garonne", prompt = "Which river fills the blank? The Tarn flows into the _____.") =>
    question({ type: "multiple_choice", prompt, answer, options });

  it("flags a distractor that is the key again", () => {
    expect(distractorFlags(mc(["Garonne", "Garonne River", "Loire", "Rhône"]))).toEqual(["distractor-same-as-key"]);
    expect(distractorFlags({ ...mc(["Garonne", "Gironde", "Loire", "Rhône"]), accepted: ["Garonne", "Gironde"] })).toEqual(["distractor-same-as-key"]);
  });

  it("flags a distractor of another kind than the key, or one the prompt itself names", () => {
    expect(distractorFlags(mc(["Garonne", "1120", "Loire", "Rhône"]))).toEqual(["weak-distractor"]);
    expect(distractorFlags(mc(["Garonne", "Tarn", "Loire", "Rhône"]))).toEqual(["weak-distractor"]);
  });

  it("passes distractors of the key's kind that the prompt does not name", () => {
    expect(distractorFlags(mc(["Garonne", "Dordogne", "Loire", "Rhône"]))).toEqual([]);
    expect(distractorFlags(question({ prompt: "The Tarn flows into the _____.", answer: "Garonne" }))).toEqual([]);
  });
});

describe("near-duplicates", () => {
  it("pairs questions from different sentences that ask one key in nearly the same words", () => {
    const a = question({ id: "a", prompt: "The abbey at Moissac was founded in _____.", answer: "1120" });
    const b = question({ id: "b", prompt: "The abbey of Moissac was founded in _____.", answer: "1120" });
    const otherKey = question({ id: "c", prompt: "The abbey at Moissac was founded in _____.", answer: "1184" });
    const otherWords = question({ id: "d", prompt: "A flood reached the town in _____.", answer: "1120" });
    expect([...nearDuplicates([a, b, otherKey, otherWords])].sort()).toEqual(["a", "b"]);
  });

  it("leaves siblings alone: forms of one sentence ask one fact on purpose", () => {
    const cloze = question({ id: "a", prompt: "The abbey at Moissac was founded in _____.", answer: "1120", siblingKey: "s1" });
    const mc = question({ id: "b", type: "multiple_choice", prompt: "Which year fills the blank? The abbey at Moissac was founded in _____.", answer: "1120", siblingKey: "s1" });
    expect(nearDuplicates([cloze, mc]).size).toBe(0);
  });
});

describe("all flags of a module's questions", () => {
  it("joins the question's own flags with the checks that need its lesson and the other questions", () => {
    const lessonText = "The Tarn flows west into the Garonne. The Lot flows west into the Garonne as well.";
    const flags = curationFlags([
      { ...question({ id: "tarn", prompt: "The _____ flows west into the Garonne.", answer: "Tarn" }), lessonText },
      { ...question({ id: "pointer", prompt: "In _____, he mapped the river.", answer: "1120" }), lessonText },
      { ...question({ id: "fine", prompt: "The Tarn flows west into the _____.", answer: "Garonne" }), lessonText },
    ]);
    expect(Object.fromEntries(flags)).toEqual({ tarn: ["several-fillings"], pointer: ["dangling-reference"], fine: [] });
  });
});
