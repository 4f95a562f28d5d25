import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { glossesOf, glossQuestion } from "~/content/questions/glosses";
import { logFrequency } from "~/content/questions/nlp";
import { classifyName } from "~/content/questions/candidates";
import { questionFlags } from "~/questions/flags";
import { DECK_QUALITY_BAR } from "~/learning/deck";
import { paragraphLesson as lesson } from "../../support/fixtures";

const namesPerson = (name: string) => classifyName(name.split(/\s+/)) === "person";
const glossed = (sentence: string) => glossesOf(sentence, logFrequency, namesPerson).map((g) => [g.term, g.meaning]);

describe("a gloss a sentence gives of a foreign term", () => {
  it("is read with the term's own words only, however the sentence leads up to it", () => {
    expect(glossed('The oldest style of the Varna potters, kastrola ("small pot"), gave way to the glazed jug.')).toEqual([["kastrola", "small pot"]]);
    // Words English lacks before it are the term's; the sentence's own words, a pronoun, an article or a possessive are not.
    expect(glossed('The pilots called it a morski konik ("sea horse") for its curled prow.')).toEqual([["morski konik", "sea horse"]]);
    expect(glossed('Ivo Marn built zaliv ("the bay") at the river mouth.')).toEqual([["zaliv", "the bay"]]);
    expect(glossed('The potters made the ornate kastrola ("small pot") for weddings.')).toEqual([["kastrola", "small pot"]]);
    expect(glossed('Marn\'s zaliv ("the bay") was dredged in 1850.')).toEqual([["zaliv", "the bay"]]);
    expect(glossed('The word ‘kastrola’ (“small pot”) is Thracian.')).toEqual([["kastrola", "small pot"]]);
    // A capitalised name of two words is one term, the first an English word or not; a preposition before it is not.
    expect(glossed('The harbour opens onto Ad Burun ("the Black Cape"), a headland of chalk.')).toEqual([["Ad Burun", "the Black Cape"]]);
    expect(glossed('Beyond Ak Burun ("the Black Cape") the coast turns north.')).toEqual([["Ak Burun", "the Black Cape"]]);
    // A foreign phrase's particle and a genus before its species are the phrase's.
    expect(glossed('The pilots lived by la dolce vita ("the sweet life") in summer.')).toEqual([["la dolce vita", "the sweet life"]]);
    expect(glossed('The fossil was assigned to Homo sapiens ("wise man") in 1901.')).toEqual([["Homo sapiens", "wise man"]]);
  });

  it("is not two glosses offered as alternatives, a long explanation, an English phrase glossed, a person's epithet, or a gloss that repeats its term", () => {
    expect(glossed('The kastrola ("sea horse or water horse") was carved on the prow.')).toEqual([]);
    expect(glossed('The kastrola ("a pot of oil for the day") was common.')).toEqual([]);
    expect(glossed('The run was remembered as Black Friday ("the worst day").')).toEqual([]);
    expect(glossed('Louis XIV ("the Sun King") built Versailles.')).toEqual([]);
    expect(glossed('The striker Diego Maradona ("the golden boy") scored twice.')).toEqual([]);
    expect(glossed('The kastrola ("kastrola pot") was common.')).toEqual([]);
  });

  it("is asked outright, keyed by the gloss with or without its article", () => {
    const [gloss] = glossesOf('The harbour opens onto Ak Burun ("the Black Cape"), a headland of chalk.', logFrequency, namesPerson);
    const q = glossQuestion(gloss);
    expect(q.prompt).toBe('What does "Ak Burun" literally mean?');
    expect(q.answer).toBe("the Black Cape");
    expect(q.accepted).toEqual(["the Black Cape", "Black Cape"]);
    expect(questionFlags({ prompt: q.prompt, answer: q.answer })).toEqual([]);
  });

  it("is in the bank at what raters gave the form, where its bracketed blank is flagged as an aside", () => {
    const text = 'The potters of Varna shaped their jugs on a slow wheel. The oldest style, kastrola ("small pot"), gave way to the glazed jug in 1820.';
    const [[{ questions }]] = generateQuestions([{ key: "k", lessons: [lesson("Pots", text)] }]);
    const asked = questions.find((q) => q.prompt === 'What does "kastrola" literally mean?');
    expect(asked?.answer).toBe("small pot");
    expect(asked!.quality).toBeGreaterThanOrEqual(DECK_QUALITY_BAR);
    expect(questionFlags(asked!)).toEqual([]);
    expect(questionFlags({ prompt: 'The oldest style, kastrola ("_____"), gave way to the glazed jug in 1820.', answer: "small pot" })).toContain("aside");
  });
});
