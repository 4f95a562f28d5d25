import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { personYears, personYearsQuestion, sentencesNaming } from "~/content/questions/person-years";
import { DECK_QUALITY_BAR } from "~/learning/deck";
import { questionFlags } from "~/questions/flags";
import { paragraphLesson } from "../../support/fixtures";

const anyName = () => true;
const asked = (text: string, isPerson: (name: string) => boolean = anyName) => personYears(text, isPerson).map((p) => personYearsQuestion(p));

describe("a person's years in brackets", () => {
  it("are asked whole as the life or the reign the brackets state", () => {
    expect(asked("Under Tomislav Varga (ruled 1612–1640) the harbour guild was founded.")).toEqual([
      expect.objectContaining({ type: "short_answer", prompt: "Which years fill the blanks? Tomislav Varga ruled from _____ to _____.", answer: "1612–1640" }),
    ]);
    expect(asked("The cartographer Ivo van der Marn (1790–1861) charted the bay.").map((q) => q.prompt)).toEqual([
      "Which years fill the blanks? Ivo van der Marn lived from _____ to _____.",
    ]);
    expect(asked("Kleodoros (c. 412–350 BC) wrote the first harbour code.").map((q) => [q.prompt, q.answer])).toEqual([
      ["Which years fill the blanks? Kleodoros lived from about _____ to _____ BC.", "412–350"],
    ]);
    // Before the era the second year may have fewer digits than the first.
    expect(asked("Kleodoros (106–43 BC) wrote the first harbour code.").map((q) => q.answer)).toEqual(["106–43"]);
  });

  it("are not a span no life or reign has, a period's shortened years, or a count", () => {
    expect(asked("The cartographer Ivo Marn (1790–1795) charted the bay.")).toEqual([]);
    expect(asked("The cartographer Ivo Marn (1790–1930) charted the bay.")).toEqual([]);
    expect(asked("Tomislav Varga (ruled 1612–1740) founded the guild.")).toEqual([]);
    expect(asked("The harbour war of Ivo Marn (1790–95) emptied the bay.")).toEqual([]);
    expect(asked("The crew of Ivo Marn (25–60) sailed at dawn.")).toEqual([]);
  });

  it("are asked of a person's name only, in the bank, unflagged", () => {
    const text =
      "The harbour of Varna grew quickly. The cartographer Ivo Marn (1790–1861) charted its bay. " +
      "The Harbour Commission of Varna (1801–1870) ran the quay. The Quiet Siege (1820–1850) closed the port. " +
      "The Varnavids (1790–1850) ruled the coast. The Velkians (1791–1850) fished it. Marn Cathedral (1801–1840) overlooks the bay. The Marnate (1802–1860) " +
      "taxed the quay. The Varna Gates (1803–1850) guard it.";
    const [[{ questions }]] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [paragraphLesson("Harbour", text)] }]);
    const lives = questions.filter((q) => / (?:lived|ruled) from /.test(q.prompt));
    expect(lives.map((q) => q.prompt)).toEqual(["Which years fill the blanks? Ivo Marn lived from _____ to _____."]);
    expect(questionFlags(lives[0])).toEqual([]);
  });
});

describe("a person's life in brackets", () => {
  it("reaches a deck when the document names the person in three sentences or more, and stays in the bank when named in passing", () => {
    const life = (text: string) => {
      const [[{ questions }]] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [paragraphLesson("Harbour", text)] }]);
      return questions.find((q) => / lived from /.test(q.prompt))!;
    };
    const passing = life("The harbour of Varna grew quickly. The cartographer Ivo Marn (1790–1861) charted its bay.");
    const central =
      "The harbour of Varna grew quickly. The cartographer Ivo Marn (1790–1861) charted its bay. " +
      "Marn drew the first chart of the reefs. The board paid Marn in silver.";
    expect(passing.quality).toBeLessThan(DECK_QUALITY_BAR);
    expect(life(central).quality).toBeGreaterThanOrEqual(DECK_QUALITY_BAR);
    expect(sentencesNaming(["Ivo Marn charted it.", "Marn drew it.", "The Marnas sailed.", "Marn's chart."], { name: "Ivo Marn", role: "lived", from: "1790", to: "1861", about: false, era: null })).toBe(3);
  });
});

