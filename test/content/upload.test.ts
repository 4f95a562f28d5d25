/**
 * An upload's material -> one module: several files' lessons in order, the
 * stages reported as they begin, and re-keying, which must give exactly the
 * ids the generator gives under that key (a new version's unchanged
 * questions keep their ids only if it does).
 */
import { describe, expect, it } from "vitest";
import { withModuleKey } from "../../app/content/rekey";
import { buildUploadedModule, type UploadProgress } from "../../app/content/upload";
import { makeDocx } from "../support/material-files";

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

const rivers = file(
  "rivers.md",
  "# Rivers\n\n## The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long and crosses eleven countries, among them Egypt and Sudan.\n\n## The Amazon\n\nThe Amazon carries more water than any other river. Its basin covers about 7 million square kilometres of South America, mostly in Brazil.\n",
);

describe("building a module from uploaded files", () => {
  it("joins several files' lessons in order, naming an untitled opening after its file", async () => {
    const notes = file("lake-notes.txt", "Lake Victoria is the largest lake in Africa. It was named after Queen Victoria in 1858 by John Hanning Speke.\n");
    const docx = { name: "deserts.docx", bytes: await makeDocx([{ style: "Heading1", text: "The Sahara" }, { text: "The Sahara is the largest hot desert, covering about 9 million square kilometres." }]) };
    const module = await buildUploadedModule([rivers, notes, docx], "k");
    expect(module.title).toBe("Rivers");
    expect(module.source).toBe("rivers.md, lake-notes.txt, deserts.docx");
    expect(module.lessons.map((l) => [l.position, l.title, l.slug])).toEqual([
      [0, "The Nile", "the-nile"],
      [1, "The Amazon", "the-amazon"],
      [2, "Lake notes", "lake-notes"],
      [3, "The Sahara", "the-sahara"],
    ]);
    expect(module.lessons.reduce((n, l) => n + l.questions.length, 0)).toBeGreaterThan(0);
  });

  it("reports each stage as it begins, in order, the share done never going back, and question writing lesson by lesson", async () => {
    const seen: UploadProgress[] = [];
    await buildUploadedModule([rivers, rivers], "k", (p) => seen.push(p));
    const stages = seen.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(["read", "clean", "segment", "read", "clean", "segment", "generate"]);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // Two passes over each of the lessons, after the bar's start for writing questions; saving the draft comes after.
    const writing = seen.filter((p) => p.stage === "generate");
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.at(-1)!.fraction).toBeGreaterThan(0.9);
    expect(writing.at(-1)!.fraction).toBeLessThan(0.99);
  });

  it("refuses material that yields no lessons, naming the file", async () => {
    await expect(buildUploadedModule([file("headings.md", "# Only\n\n## Headings\n")], "k")).rejects.toThrow("headings.md: no article text");
  });
});

describe("re-keying a module", () => {
  it("gives exactly the ids and sibling keys the generator gives under the new key", async () => {
    const underA = await buildUploadedModule([rivers], "key-a");
    const underB = await buildUploadedModule([rivers], "key-b");
    const ids = (m: typeof underA) => m.lessons.flatMap((l) => l.questions.map((q) => [q.id, q.siblingKey]));
    expect(ids(underA)).not.toEqual(ids(underB));
    // "It is about 6,650 kilometres long" is shown after the sentence before it, and joins its sibling group.
    expect(underA.lessons.some((l) => l.questions.some((q) => q.siblingSentence !== undefined))).toBe(true);
    expect(ids(withModuleKey(underA, "key-b"))).toEqual(ids(underB));
    expect(withModuleKey(underA, "key-b").lessons.map((l) => l.questions.map((q) => q.prompt))).toEqual(underB.lessons.map((l) => l.questions.map((q) => q.prompt)));
  });
});
