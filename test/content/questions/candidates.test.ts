import { sentenceCandidates } from "~/content/questions/candidates";
import { lessonSentences } from "~/content/questions/nlp";
import type { LessonDraft } from "~/content/types";

/** "kind:text" of every candidate of every sentence of a one-paragraph lesson. */
function candidates(text: string): string[] {
  const lesson: LessonDraft = { title: "t", slug: "t", position: 0, line: 1, blocks: [{ kind: "paragraph", text, line: 1 }], text, readingMinutes: 1 };
  return lessonSentences(lesson).flatMap((s) => sentenceCandidates(s).map((c) => `${c.kind}:${c.text}`));
}

describe("answer candidates", () => {
  it("takes a full date beside its year", () => {
    const found = candidates("The charter was sealed on November 26, 1842 in Lisbon, and amended in September 1876.");
    expect(found).toEqual(expect.arrayContaining(["date:November 26, 1842", "year:1842", "date:September 1876", "year:1876"]));
    // The day belongs to the date: it is not a count of its own.
    expect(found).not.toContain("quantity:26");
  });

  it("takes spelled-out counts, but not 'one'", () => {
    const found = candidates("The pianist wrote five letters to one friend.");
    expect(found).toContain("quantity:five");
    expect(found.some((c) => c.endsWith(":one"))).toBe(false);
  });

  it("keeps a name that wink cuts at an unfamiliar letter whole", () => {
    expect(candidates("The pianist Maria Wodzińska wrote to her sister.")).toContain("person:Maria Wodzińska");
  });

  it("asks about each of the people or places a list of names joins with 'and'", () => {
    expect(candidates("Norway and Sweden signed the accord.")).toEqual(expect.arrayContaining(["place:Norway", "place:Sweden"]));
  });

  it("never cuts an organisation's name at its own 'and', 'of' or 'for'", () => {
    const found = candidates("The delegates met at the Institute for Glaciology and Permafrost Studies in Oslo.");
    const texts = found.map((c) => c.slice(c.indexOf(":") + 1));
    expect(texts.some((t) => t.includes("Institute for Glaciology and Permafrost Studies"))).toBe(true);
    for (const fragment of ["Glaciology", "Permafrost Studies", "Glaciology and Permafrost Studies"]) expect(texts).not.toContain(fragment);
  });

  it("takes a person's name after a title", () => {
    expect(candidates("The delegates heard President Anna Lindqvist speak.")).toContain("person:Anna Lindqvist");
  });
});
