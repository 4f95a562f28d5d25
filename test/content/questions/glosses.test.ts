import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { glossesOf, glossQuestion } from "~/content/questions/glosses";
import { logFrequency } from "~/content/questions/nlp";
import { questionFlags } from "~/questions/flags";
import { DECK_QUALITY_BAR } from "~/learning/deck";
import { paragraphLesson as lesson } from "../../support/fixtures";

const common = (word: string) => logFrequency(word) >= 2;
const glossed = (sentence: string) => glossesOf(sentence, common).map((g) => [g.term, g.meaning]);

describe("a gloss a sentence gives of a foreign term", () => {
  it("is read with the term's own words only, however the sentence leads up to it", () => {
    expect(glossed('The oldest style of the Varna potters, kastrola ("small pot"), gave way to the glazed jug.')).toEqual([["kastrola", "small pot"]]);
    // Uncommon words before it are the term's; the sentence's own words and a pronoun or article are not.
    expect(glossed('The pilots called it a morski konik ("sea horse") for its curled prow.')).toEqual([["morski konik", "sea horse"]]);
    expect(glossed('Ivo Marn built zaliv ("the bay") at the river mouth.')).toEqual([["zaliv", "the bay"]]);
    // A capitalised name of two words is one term.
    expect(glossed('The harbour opens onto Kara Burun ("the Black Cape"), a headland of chalk.')).toEqual([["Kara Burun", "the Black Cape"]]);
  });

  it("is not two glosses offered as alternatives, a long explanation, an English phrase glossed, or a gloss that repeats its term", () => {
    expect(glossed('The word is read as "sea horse" or "water horse" by the pilots.')).toEqual([]);
    expect(glossed('The kastrola ("sea horse or water horse") was carved on the prow.')).toEqual([]);
    expect(glossed('The kastrola ("a small pot kept by the pilots for their daily ration of oil") was common.')).toEqual([]);
    expect(glossed('The run was remembered as Black Friday ("the worst day").')).toEqual([]);
    expect(glossed('The kastrola ("kastrola pot") was common.')).toEqual([]);
  });

  it("is asked outright, keyed by the gloss with or without its article", () => {
    const [gloss] = glossesOf('The harbour opens onto Kara Burun ("the Black Cape"), a headland of chalk.', common);
    const q = glossQuestion(gloss);
    expect(q.prompt).toBe('What does "Kara Burun" literally mean?');
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
