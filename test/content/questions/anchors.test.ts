import { describe, expect, it } from "vitest";
import { namesNothing, subjectWordsOf } from "~/content/questions/anchors";

describe("a statement that names nothing", () => {
  it("is one with no name, acronym, other number or rare word to say whose fact it is", () => {
    expect(namesNothing("Work began in _____.")).toBe(true);
    expect(namesNothing("Around _____ workers died during construction.")).toBe(true);
    expect(namesNothing("The site was remote and hot. At its peak the project employed more than _____ workers.")).toBe(true);
    // A compound or a possessive is read as its words, which the word list knows.
    expect(namesNothing("A match lasts two halves of _____ with a five-minute interval in the opponents' hall.")).toBe(true);
  });

  it("is not one that names a place, a body or a thing, or gives another number", () => {
    // A name past the first word, or opening the sentence where it is no common word.
    expect(namesNothing("Work on the Varna quay began in _____.")).toBe(false);
    expect(namesNothing("Varna opened its harbour in _____.")).toBe(false);
    expect(namesNothing("Slendro divides the octave into _____ steps.")).toBe(false);
    // An acronym, another number, a rare word.
    expect(namesNothing("The VHA employed _____ pilots.")).toBe(false);
    expect(namesNothing("Work began in _____ and ended in 1960.")).toBe(false);
    expect(namesNothing("Pure technetium becomes a superconductor below roughly _____.")).toBe(false);
    // A word of the document's title names its subject.
    expect(namesNothing("Between the _____ and the war many cities built pneumatic networks.", subjectWordsOf("The pneumatic post"))).toBe(false);
    expect(namesNothing("Between the _____ and the war many cities built pneumatic networks.")).toBe(true);
    // A common word of the title says nothing ("Construction of the Varna Dam"); a possessive is its word.
    expect(namesNothing("Around _____ workers died during construction.", subjectWordsOf("Construction of the Varna Dam"))).toBe(true);
    expect(namesNothing("Around _____ workers died in the company's mines.")).toBe(true);
  });
});
