import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildModules, draftModule, moduleKey, titleFromFileName, readSource } from "~/content/pipeline";
import { isBoilerplateLine, isAiDisclaimer, FAQ_HEADER } from "~/content/clean";
import { isHeadingShaped } from "~/content/parse-txt";
import { endsLikeSentence, endsWithQuestionMark, wordCount, normaliseForComparison } from "~/content/text";
import { IngestError } from "~/content/types";

const CONTENT = join(__dirname, "../../content");
const files = readdirSync(CONTENT)
  .filter((name) => /\.(txt|md|html?)$/.test(name))
  .sort()
  .map((name) => ({ name: `content/${name}`, bytes: readFileSync(join(CONTENT, name)) }));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("every article in content/", () => {
  const modules = buildModules(files);

  it("is read, one module per file in the order given", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(modules.map((m) => m.source)).toEqual(files.map((f) => f.name));
    for (const module of modules) expect(module.title.trim()).not.toBe("");
  });

  it("gives lessons with text, unique non-empty titles and positions in order", () => {
    for (const module of modules) {
      expect(module.lessons.length).toBeGreaterThan(0);
      const titles = module.lessons.map((l) => normaliseForComparison(l.title));
      expect(new Set(titles).size).toBe(titles.length);
      module.lessons.forEach((lesson, i) => {
        expect(lesson.title.trim()).not.toBe("");
        expect(lesson.text.trim()).not.toBe("");
        expect(lesson.position).toBe(i);
        expect(lesson.readingMinutes).toBeGreaterThanOrEqual(1);
      });
      const lines = module.lessons.map((l) => l.line);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    }
  });

  it("makes every heading that introduces prose a lesson or a sub-heading", () => {
    for (const file of files) {
      const module = modules.find((m) => m.source === file.name)!;
      const known = new Set<string>();
      for (const lesson of module.lessons) {
        known.add(lesson.title);
        for (const block of lesson.blocks) if (block.kind === "heading") known.add(block.text);
      }
      const lines = new TextDecoder().decode(file.bytes).split(/\r\n?|\n/).map((l) => l.trim()).filter((l) => l !== "");
      lines.forEach((line, i) => {
        const next = lines[i + 1] ?? "";
        // An FAQ heading whose questions are missing is boilerplate by definition.
        const emptyFaq = FAQ_HEADER.test(line) && !endsWithQuestionMark(next);
        if (i > 0 && isHeadingShaped(line) && wordCount(next) > 30 && !isBoilerplateLine(line) && !emptyFaq) {
          expect([file.name, line, known.has(line)]).toEqual([file.name, line, true]);
        }
      });
    }
  });

  it("keeps every paragraph of prose", () => {
    for (const file of files) {
      const module = modules.find((m) => m.source === file.name)!;
      const all = module.lessons.map((l) => l.text).join("\n");
      for (const line of new TextDecoder().decode(file.bytes).split("\n")) {
        if (wordCount(line) > 40) expect(all).toContain(line.trim());
      }
    }
  });

  it("leaves no boilerplate-shaped line in any lesson", () => {
    for (const module of modules) {
      const shortLines = new Map<string, number>();
      for (const lesson of module.lessons) {
        const subheadings = new Set(lesson.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : [])));
        for (const line of lesson.text.split("\n").filter((l) => l.trim() !== "")) {
          expect([lesson.title, line, isBoilerplateLine(line)]).toEqual([lesson.title, line, false]);
          expect(isAiDisclaimer({ kind: "paragraph", text: line, line: 0 })).toBe(false);
          const structured = subheadings.has(line) || /^(- |\d+\. )/.test(line) || /: \S/.test(line);
          const prose = endsLikeSentence(line) || endsWithQuestionMark(line);
          expect([lesson.title, line, structured || prose]).toEqual([lesson.title, line, true]);
          if (wordCount(line) <= 4) shortLines.set(line, (shortLines.get(line) ?? 0) + 1);
        }
        expect(isBoilerplateLine(lesson.title)).toBe(false);
      }
      for (const [line, count] of shortLines) expect([line, count < 3]).toEqual([line, true]);
    }
  });

  it("is deterministic: the same input gives the same output, byte for byte", () => {
    expect(JSON.stringify(buildModules(files))).toBe(JSON.stringify(modules));
  });
});

describe("buildModules on bad or odd input", () => {
  it("fails with the file's name for a file that is all headings", () => {
    const bytes = utf8("Planting Guide\nSoil Types\nWatering Needs\nHarvest Time\n");
    expect(() => buildModules([{ name: "toc.txt", bytes }])).toThrow(IngestError);
    expect(() => buildModules([{ name: "toc.txt", bytes }])).toThrow(/^toc\.txt: .*only headings/);
  });

  it("gives a document without headings one Overview lesson", () => {
    const [module] = buildModules([{ name: "notes/plain-notes.txt", bytes: utf8("Water early in the day. Roots drink before the heat.\r\nMulch keeps the soil cool.\r\n") }]);
    expect(module.title).toBe("Plain notes");
    expect(module.lessons.map((l) => l.title)).toEqual(["Overview"]);
  });

  it("reads HTML with scripts and event handlers into text without markup", () => {
    const html = `<html><head><title>Ponds</title></head><body><h1>Ponds</h1><p onclick="alert(1)">Frogs need shallow edges to climb out.<script>alert(2)</script></p><h2>Plants</h2><p>Oxygenating plants keep the water clear &lt;b&gt; all year.</p><img src=x onerror=alert(3)></body></html>`;
    const [module] = buildModules([{ name: "ponds.html", bytes: utf8(html) }]);
    const json = JSON.stringify(module);
    expect(module.title).toBe("Ponds");
    expect(module.lessons.map((l) => l.title)).toEqual(["Overview", "Plants"]);
    expect(json).not.toMatch(/<\/?[a-z]+[\s>]|alert|onerror|onclick/i);
  });

  it("reads Markdown end to end", () => {
    const md = "# Hedges\n\nHedges shelter birds.\n\n## Planting\n\nPlant bare-root whips in winter.\n\n### Spacing\n\nFive plants a metre.\n";
    const [module] = buildModules([{ name: "hedges.md", bytes: utf8(md) }]);
    expect(module.title).toBe("Hedges");
    expect(module.lessons.map((l) => [l.title, l.text])).toEqual([
      ["Overview", "Hedges shelter birds."],
      ["Planting", "Plant bare-root whips in winter.\n\nSpacing\n\nFive plants a metre."],
    ]);
  });
});

describe("module naming", () => {
  it("keys a module by its base name and derives a title only from meaningful name parts", () => {
    expect(moduleKey("content/000_abc.txt")).toBe("000_abc");
    expect(titleFromFileName("notes/seed-saving_guide.md")).toBe("Seed saving guide");
    expect(titleFromFileName("content/000_d731a5bd8541e82c.txt")).toBeNull();
  });

  it("names the module after its first section when neither text nor file name has a title", () => {
    const doc = readSource("007_5f3e9a1b2c4d6e8f.txt", utf8("Bees pollinate flowers in spring.\nHive Care\nInspect hives weekly, and keep notes.\n"));
    expect(draftModule(doc).title).toBe("Hive Care");
  });
});
