import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { personYears, personYearsQuestion } from "~/content/questions/person-years";
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
      "The Varnavids (1790–1850) ruled the coast. Marn Cathedral (1801–1840) overlooks the bay. The Marnate (1802–1860) " +
      "taxed the quay. The Varna Gates (1803–1850) guard it.";
    const [[{ questions }]] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [paragraphLesson("Harbour", text)] }]);
    const lives = questions.filter((q) => / (?:lived|ruled) from /.test(q.prompt));
    expect(lives.map((q) => q.prompt)).toEqual(["Which years fill the blanks? Ivo Marn lived from _____ to _____."]);
    expect(questionFlags(lives[0])).toEqual([]);
  });
});
