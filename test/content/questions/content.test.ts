/**
 * Every lesson of the sample course in content/: every question keeps every
 * rule, and every year, quantity with a unit and acronym that the text states
 * is the answer of at least one question. The expected facts come from a
 * simple detector written here, independent of the generator's extractor.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCourseManifest } from "~/content/manifest";
import { draftModule, readSource } from "~/content/pipeline";
import { generateQuestions, type ModuleInput } from "~/content/questions";
import { breaksRule, multipleChoiceShape } from "~/content/questions/rules";
import { normaliseAnswer } from "~/content/questions/text";
import type { Block, Question } from "~/content/types";

const contentDir = join(__dirname, "../../../content");
const manifest = parseCourseManifest(readFileSync(join(contentDir, "course.json"), "utf8"));
const modules: ModuleInput[] = manifest.modules.map((m) => {
  const draft = draftModule(readSource(m.file, readFileSync(join(contentDir, m.file))));
  return { key: draft.key, lessons: draft.lessons };
});
const banks = generateQuestions(modules);
const lessons = modules.flatMap((m, i) => m.lessons.map((lesson, j) => ({ lesson, bank: banks[i][j], module: i })));
const allQuestions = banks.flat().flatMap((b) => b.questions);

function statedText(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === "paragraph") return [b.text];
    if (b.kind === "list") return b.items.filter((item) => item.split(/\s+/).length >= 6);
    if (b.kind === "table") return b.rows.map((row) => row.join(" "));
    return [];
  });
}

const YEAR = /(?<![\w/.-])(1[6-9]\d\d|20\d\d)(?![\w/-])/g;
const QUANTITY = /(?<![\w/.-])(\d+(?:\.\d+)?)\s?(%|percent\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|km\b|kilomet(?:re|er)s?\b|miles?\b)/g;
const ACRONYM = /(?<![\w-])([A-Z]{2,})s?(?![\w-])/g;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;

describe("questions over the sample course", () => {
  it("generates questions for every lesson", () => {
    expect(allQuestions.length).toBeGreaterThan(100);
    for (const { bank } of lessons) expect(bank.questions.length).toBeGreaterThan(0);
  });

  it("keeps every rule for every question", () => {
    const broken = allQuestions.map((q) => ({ q, why: breaksRule(q) })).filter((x) => x.why !== null);
    expect(broken.map((x) => `${x.q.prompt} => ${x.why}`)).toEqual([]);
  });

  it("gives every multiple-choice question four distinct options with one correct", () => {
    for (const q of allQuestions.filter((x) => x.type === "multiple_choice")) {
      expect(multipleChoiceShape(q.options, q.accepted)).toBeNull();
      expect(q.options).toContain(q.answer);
    }
  });

  it("fills every field: unique id, source sentence and line, explanation, sibling key, quality in [0, 1]", () => {
    const ids = new Set(allQuestions.map((q) => q.id));
    expect(ids.size).toBe(allQuestions.length);
    for (const q of allQuestions) {
      expect(q.source.sentence.length).toBeGreaterThan(0);
      expect(q.source.line).toBeGreaterThan(0);
      expect(q.explanation).toBe(q.source.sentence);
      expect(q.siblingKey).toMatch(/^s_[0-9a-f]{20}$/);
      expect(q.quality).toBeGreaterThanOrEqual(0);
      expect(q.quality).toBeLessThanOrEqual(1);
      expect(q.accepted).toContain(q.answer);
      const askedOutright = q.prompt.endsWith("?") && !q.prompt.includes("_____");
      if ((q.type === "cloze" || q.type === "numeric" || q.type === "multiple_choice") && !askedOutright) expect(q.prompt.split("_____")).toHaveLength(2);
      if (q.options) expect(["multiple_choice", "true_false"]).toContain(q.type);
    }
  });

  it("never asks the same thing twice in a lesson", () => {
    for (const { bank } of lessons) {
      const seen = new Set(bank.questions.map((q) => `${q.type}|${q.prompt}`));
      expect(seen.size).toBe(bank.questions.length);
    }
  });

  it("asks about every year, quantity with a unit and acronym the lessons state", () => {
    const missing: string[] = [];
    // What an acronym stands for is asked once in the course, in the first lesson that spells it out.
    const askedOnce = new Set(banks.flat().flatMap((b) => b.questions.map((q) => /^What does (\S+) stand for\?$/.exec(q.prompt)?.[1]).filter(Boolean)));
    const standsFor = banks.map(() => askedOnce);
    for (const { lesson, bank, module } of lessons) {
      const answers = new Set(bank.questions.flatMap((q: Question) => q.accepted.map(normaliseAnswer)));
      const explained = (acronym: string) => standsFor[module].has(acronym) || standsFor[module].has(acronym.replace(/s$/, ""));
      const numbers = new Set(bank.questions.filter((q) => q.numeric).map((q) => q.numeric!.value));
      for (const text of statedText(lesson.blocks)) {
        for (const m of text.matchAll(YEAR)) if (!answers.has(m[1])) missing.push(`${lesson.title}: year ${m[1]}`);
        for (const m of text.matchAll(QUANTITY)) if (!numbers.has(Number(m[1]))) missing.push(`${lesson.title}: ${m[0]}`);
        const shouting = !/\p{Ll}/u.test(text);
        if (!shouting)
          for (const m of text.matchAll(ACRONYM))
            if (!ROMAN_NUMERAL.test(m[1]) && !answers.has(normaliseAnswer(m[0])) && !answers.has(normaliseAnswer(m[1])) && !explained(m[1]))
              missing.push(`${lesson.title}: acronym ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives the same questions, byte for byte, on a second run", () => {
    expect(JSON.stringify(generateQuestions(modules))).toBe(JSON.stringify(banks));
  });
});
