/**
 * How a draft's module is stored: compressed JSON lines, a lesson to a line,
 * read back whole; the plain JSON drafts were stored in before is still read,
 * and a format this version does not know is refused, never misread.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeDraftModule, encodeDraftModule } from "../../app/content/draft-format";
import { buildModules } from "../../app/content/pipeline";

const text = [
  "# Canals",
  "",
  "## The Grand Canal",
  "",
  "The Grand Canal of China runs about 1,800 kilometres from Beijing to Hangzhou. Its oldest parts were dug in the 5th century BCE.",
  "",
  "## The Göta Canal",
  "",
  'Baltzar von Platen planned the Göta Canal, opened in 1832; a line of its locks is called a "staircase".\nIt crosses Sweden.',
  "",
].join("\n");
const module = buildModules([{ name: "canals.md", bytes: new TextEncoder().encode(text) }])[0];

describe("a draft's stored module", () => {
  it("reads back as it was written, every lesson and question, line breaks of every kind and non-ASCII letters included", async () => {
    expect(module.lessons.length).toBe(2);
    expect(await decodeDraftModule(encodeDraftModule(module))).toEqual(module);
    const [first, second] = module.lessons;
    const awkward = { ...module, title: "Canals\nof\r\nEurope\u2028and\u2029Asia", lessons: [{ ...first, title: "Locks\rand weirs" }, second] };
    expect(await decodeDraftModule(encodeDraftModule(awkward))).toEqual(awkward);
  });

  it("is stored compressed, a fraction of its JSON", () => {
    const json = new TextEncoder().encode(JSON.stringify({ version: 1, module }));
    expect(encodeDraftModule(module).length).toBeLessThan(json.length / 2);
  });

  it("still reads a draft stored as plain JSON before (format 1)", async () => {
    expect(await decodeDraftModule(JSON.stringify({ version: 1, module }))).toEqual(module);
  });

  it("refuses a format it does not know, in either form, rather than misreading it", async () => {
    await expect(decodeDraftModule(JSON.stringify({ version: 3, module }))).rejects.toThrow(/format 3 cannot be read/);
    await expect(decodeDraftModule(gzipSync(`${JSON.stringify({ version: 3, module: { title: "x", source: "x" } })}\n`))).rejects.toThrow(/format 3 cannot be read/);
    await expect(decodeDraftModule(gzipSync(""))).rejects.toThrow(/format undefined cannot be read/);
  });
});
