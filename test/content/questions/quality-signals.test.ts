import { QUALITY_FEATURES, acceptance, impliedCount, qualityFeatures, type QualitySignals } from "~/content/questions/quality";

const base: QualitySignals = {
  type: "short_answer",
  kind: "expansion",
  rankScore: 0.8,
  prompt: "What does HWB stand for?",
  answer: "Harbour Works Board",
  sentence: "The Harbour Works Board (HWB): inspects every lock each spring.",
  withContext: false,
  answerOpensSentence: false,
  lessonTitle: "Boards",
};
const feature = (s: QualitySignals, name: string) => qualityFeatures(s)[QUALITY_FEATURES.indexOf(name)];

describe("the quality estimate's signals", () => {
  it("writes every feature, in [0, 2]", () => {
    const features = qualityFeatures(base);
    expect(features).toHaveLength(QUALITY_FEATURES.length);
    for (const x of features) expect(Number.isFinite(x) && x >= 0 && x <= 2).toBe(true);
  });

  it("reads no sentence shape into a question asked outright, which does not show its sentence", () => {
    expect(feature(base, "prompt:asks-directly")).toBe(1);
    expect(feature(base, "sentence:has-colon")).toBe(0);
    const cloze: QualitySignals = { ...base, type: "cloze", kind: "organisation", prompt: "The _____ (HWB): inspects every lock each spring." };
    expect(feature(cloze, "prompt:asks-directly")).toBe(0);
    expect(feature(cloze, "sentence:has-colon")).toBe(1);
  });

  it("reads the sentence's shape into a question asking for a name by what its sentence says of it, which shows the sentence", () => {
    const which: QualitySignals = { ...base, kind: "organisation", prompt: "In Riga, which organisation inspects every lock each spring?", answer: "Harbour Works Board" };
    expect(feature(which, "prompt:asks-which")).toBe(1);
    expect(feature(which, "prompt:asks-who")).toBe(0);
    expect(feature(which, "prompt:asks-directly")).toBe(0);
    expect(feature(which, "sentence:has-colon")).toBe(1);
    const who: QualitySignals = { ...base, kind: "person", prompt: "Who inspects every lock each spring?", answer: "Elena Varga" };
    expect([feature(who, "prompt:asks-who"), feature(who, "prompt:asks-which")]).toEqual([1, 0]);
    // "What does HWB stand for?" asks outright, not for a name by its deeds.
    expect([feature(base, "prompt:asks-which"), feature(base, "prompt:asks-who")]).toEqual([0, 0]);
  });

  it("marks an acronym the general lexicon knows as common knowledge", () => {
    expect(feature({ ...base, prompt: "What does NATO stand for?", answer: "North Atlantic Treaty Organization" }, "expansion:well-known")).toBe(1);
    expect(feature(base, "expansion:well-known")).toBe(0);
  });

  it("marks an expansion named in passing, one of a list", () => {
    const listed = { ...base, sentence: "Ports work with bodies such as the Pilots' Guild, the Harbour Works Board (HWB), and the Coast Watch." };
    expect(feature(listed, "expansion:in-list")).toBe(1);
    expect(feature(base, "expansion:in-list")).toBe(0);
    // An example set off by commas is no list.
    const example = { ...base, sentence: "Through bodies such as the Harbour Works Board (HWB), the port keeps its locks and gates open." };
    expect(feature(example, "expansion:in-list")).toBe(0);
  });

  it("marks a year that only dates the thing after it", () => {
    const dated: QualitySignals = { ...base, type: "numeric", kind: "year", answer: "1906", prompt: "Which year fills the blank? The _____ raid closed the port." };
    expect(feature(dated, "blank:attributive-year")).toBe(1);
    expect(feature({ ...dated, prompt: "Which year fills the blank? The port closed in _____ after a raid." }, "blank:attributive-year")).toBe(0);
  });

  it("tells a count the sentence gives away", () => {
    expect(impliedCount("Bilateral treaties bind _____ ports.", "two")).toBe(true);
    expect(impliedCount("The _____ countries share the strait.", "two")).toBe(true);
    expect(impliedCount("The harbour has _____ ports.", "two")).toBe(false);
  });

  it("marks the year of an award", () => {
    const prize: QualitySignals = { ...base, type: "numeric", kind: "year", answer: "1921", prompt: "Which year fills the blank? She won the _____ Nobel Prize for her charts." };
    expect(feature(prize, "blank:prize-year")).toBe(1);
    expect(feature({ ...prize, prompt: "Which year fills the blank? She won the Harbour Medal of the Royal Society in _____." }, "blank:prize-year")).toBe(1);
    expect(feature({ ...prize, prompt: "Which year fills the blank? She charted the bay in _____." }, "blank:prize-year")).toBe(0);
  });

  it("measures how much of the sentence asserts without stating", () => {
    const vague = { ...base, type: "cloze" as const, kind: "organisation" as const, prompt: "The _____ plays a pivotal role.", sentence: "The board plays a pivotal role in fostering comprehensive frameworks." };
    const plain = { ...vague, sentence: "The board dredged the channel to 12 metres in 1931." };
    expect(feature(vague, "sentence:vague-words")).toBeGreaterThan(0.5);
    expect(feature(plain, "sentence:vague-words")).toBe(0);
  });

  it("estimates a probability", () => {
    const p = acceptance(base);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
