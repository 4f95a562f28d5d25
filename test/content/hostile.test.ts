/**
 * Inputs whose shape, not size, used to cost superlinear time or memory (see
 * bench/hostile.ts for the figures at full size). Here at sizes that run in
 * seconds: each is read to the end with sane output, and the work that grew
 * with the square of the input is counted and bounded. Speed itself is the
 * bench's business, never asserted here.
 */
import { buildModules, draftModule, readSource } from "~/content/pipeline";
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from "~/content/parse-markdown";
import { parseText } from "~/content/parse-txt";
import { lessonSentences, MAX_TABLE_CELLS, noTextRead, PREVIOUS_SENTENCES } from "~/content/questions/nlp";
import { MaterialIndex, MAX_SCANNED_SENTENCES } from "~/content/questions/material";
import { MAX_BLOCK_CHARS, MAX_LESSON_CHARS } from "~/content/segment";
import type { Block, Module } from "~/content/types";
import { hostileDocument } from "../../bench/lib/hostile-shapes";

const KB = 1024;
const document = (shape: Parameters<typeof hostileDocument>[0], bytes: number) => {
  const { name, text } = hostileDocument(shape, bytes);
  return { name, bytes: new TextEncoder().encode(text) };
};
const blockChars = (block: Block) =>
  block.kind === "list" ? block.items.join(" ").length : block.kind === "table" ? block.rows.flat().join(" ").length : block.text.length;
const questions = (module: Module) => module.lessons.flatMap((lesson) => lesson.questions);

describe("prose on one line", () => {
  const file = document("one-line", 300 * KB);
  const draft = draftModule(readSource(file.name, file.bytes));

  it("is read as lessons of bounded size, titled as parts of one section", () => {
    expect(draft.lessons.length).toBeGreaterThanOrEqual(Math.ceil(file.bytes.length / MAX_LESSON_CHARS));
    expect(draft.lessons[0].title).toBe("Overview");
    expect(draft.lessons[1].title).toBe("Overview (part 2)");
    for (const lesson of draft.lessons) {
      expect(lesson.blocks.reduce((n, b) => n + blockChars(b), 0)).toBeLessThanOrEqual(MAX_LESSON_CHARS);
      for (const block of lesson.blocks) expect(blockChars(block)).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    }
  });

  it("cuts the line at sentence ends, losing no word", () => {
    const pieces = draft.lessons.flatMap((l) => l.blocks).map((b) => (b.kind === "paragraph" ? b.text : ""));
    for (const piece of pieces) expect(piece).toMatch(/[.!?]["'”’)\]]*$/);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(pieces.join(" "))).toEqual(words(new TextDecoder().decode(file.bytes)));
  });

  it("keeps only the nearest sentences before each as its context", () => {
    const sentences = lessonSentences(draft.lessons[0]);
    expect(sentences.length).toBeGreaterThan(50);
    for (const sentence of sentences) expect(sentence.previous.length).toBeLessThanOrEqual(PREVIOUS_SENTENCES);
    expect(sentences[10].previous).toEqual([sentences[8].text, sentences[9].text]);
  });

  it("gives questions", () => {
    const [module] = buildModules([file]);
    expect(questions(module).length).toBeGreaterThan(100);
  });
});

describe("one sentence repeated", () => {
  const file = document("repeated", 200 * KB);

  it("is one lesson, its repeated pieces shown once", () => {
    const draft = draftModule(readSource(file.name, file.bytes));
    expect(draft.lessons).toHaveLength(1);
    const texts = draft.lessons[0].blocks.map((b) => (b.kind === "paragraph" ? b.text : ""));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("is analysed once and asked about once", () => {
    const draft = draftModule(readSource(file.name, file.bytes));
    const read = noTextRead();
    const sentences = draft.lessons.flatMap((lesson) => lessonSentences(lesson, read));
    expect(sentences.map((s) => s.text.trim())).toEqual(["Water boils at 100 degrees."]);
    // The pieces the paragraph was cut into repeat too: wink reads each distinct one once.
    expect(read.pieces.size).toBeLessThanOrEqual(3);
    const [module] = buildModules([file]);
    const sources = new Set(questions(module).map((q) => q.source.sentence));
    expect([...sources]).toEqual(["Water boils at 100 degrees."]);
  });
});

describe("many one-line paragraphs", () => {
  const file = document("paragraphs", 120 * KB);

  it("are read as several lessons, each with questions", () => {
    const [module] = buildModules([file]);
    expect(module.lessons.length).toBeGreaterThan(1);
    for (const lesson of module.lessons) expect(lesson.questions.length).toBeGreaterThan(0);
  });

  it("ask each lesson about its best 150 facts at most", () => {
    const [module] = buildModules([document("rows", 60 * KB)]);
    for (const lesson of module.lessons) expect(new Set(lesson.questions.map((q) => q.siblingKey)).size).toBeLessThanOrEqual(150);
  });
});

describe("many short lines without a blank line between", () => {
  // 20,000 two-word lines: each may open a table of facts flattened to text, and the search for its rows once
  // read the whole run from every line (16,000 lines: a minute).
  const file = document("lines", 240 * KB);

  it("are read to the end, each line once, and make no table", () => {
    const text = new TextDecoder().decode(file.bytes);
    const lines = text.trim().split("\n");
    const parsed = parseText(text);
    expect(parsed.blocks.some((b) => b.kind === "table")).toBe(false);
    // Every line is in the result once: as the title or a block of its own.
    expect(parsed.blocks.length + (parsed.title === null ? 0 : 1)).toBe(lines.length);
  });

  it("are refused as a document with nothing but headings, with a clear message", () => {
    expect(() => draftModule(readSource(file.name, file.bytes))).toThrow(/only headings/);
  });
});

describe("checking a false statement against the material", () => {
  // 10,000 sentences all holding "paris": each statement about Paris once read them all.
  const material = new MaterialIndex();
  for (let k = 0; k < 10_000; k++) material.addAnswer("paris", material.sentence(`bridge ${k} in paris was opened in ${1000 + (k % 997)}`));

  it("finds a statement the material makes, and not one it does not", () => {
    expect(material.containsStatement("bridge 7 in paris was opened in 1007", "paris")).toBe(true);
    expect(material.containsStatement("7 in paris was opened", "paris")).toBe(true);
    expect(material.containsStatement("bridge 7 in paris was opened in 1008", "paris")).toBe(false);
    expect(material.containsStatement("museum 7 in paris", "paris")).toBe(false);
  });

  it("compares it with the sentences of its rarest word only, never more than the limit", () => {
    material.scanned = 0;
    material.containsStatement("bridge 7 in paris was opened in 1008", "paris");
    expect(material.scanned).toBeLessThanOrEqual(1);
    material.scanned = 0;
    // Every inner word is in all 10,000 sentences: past the limit, taken as stated (not offered as false).
    expect(material.containsStatement("x in paris was opened in y", "paris")).toBe(true);
    expect(material.scanned).toBeLessThanOrEqual(MAX_SCANNED_SENTENCES);
  });
});

describe("a Markdown table tens of thousands of columns wide", () => {
  const file = document("table", 240 * KB);

  it("is read up to its first columns, and asked about its first cells", () => {
    const draft = draftModule(readSource(file.name, file.bytes));
    const tables = draft.lessons.flatMap((l) => l.blocks).filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    const table = tables[0] as Block & { kind: "table" };
    expect(table.rows[0].length).toBe(MAX_TABLE_COLUMNS);
    const [module] = buildModules([file]);
    const sources = new Set(questions(module).map((q) => q.source.sentence));
    expect(sources.size).toBeGreaterThan(0);
    for (const source of sources) expect(source.split(";").length).toBeLessThanOrEqual(MAX_TABLE_CELLS - 1);
  });
});

describe("a Markdown table tens of thousands of rows long", () => {
  it("is read up to its first rows, and the lines after it keep their numbers", () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 500 }, (_, k) => `| river ${k} | ${k} km |`);
    const text = ["# Rivers", "", "| Name | Length |", "| --- | --- |", ...rows, "", "## After", "", "The table ends here."].join("\n");
    const draft = draftModule(readSource("rivers.md", new TextEncoder().encode(text)));
    const tables = draft.lessons.flatMap((l) => l.blocks).filter((b): b is Block & { kind: "table" } => b.kind === "table");
    expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(MAX_TABLE_ROWS);
    const after = draft.lessons.find((l) => l.title === "After");
    expect(after?.line).toBe(text.split("\n").indexOf("## After") + 1);
  });
});
