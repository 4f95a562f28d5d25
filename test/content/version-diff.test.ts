/**
 * The diff a draft page shows before a new version is published: added,
 * changed (and in what), retired (and whether learners have history of it),
 * back from retirement, unchanged; lessons that come and go.
 */
import { describe, expect, it } from "vitest";
import type { Module, Question } from "../../app/content/types";
import { diffModuleVersion, type StoredQuestion } from "../../app/content/version-diff";
import { clozeQuestion, lessonOf } from "../support/fixtures";

const stored = (q: Question, lessonSlug: string, extra: Partial<StoredQuestion> = {}): StoredQuestion => ({
  id: q.id,
  lessonSlug,
  type: q.type,
  prompt: q.prompt,
  answer: q.answer,
  accepted: q.accepted,
  options: q.options ?? null,
  numeric: q.numeric ?? null,
  explanation: q.explanation,
  sourceSentence: q.source.sentence,
  status: "active",
  hasHistory: false,
  ...extra,
});

const nile = clozeQuestion("q-nile", "Nile", "The Nile flows north into the Mediterranean Sea.");
const amazon = clozeQuestion("q-amazon", "Amazon", "The Amazon carries more water than any other river.");
const congo = clozeQuestion("q-congo", "Congo", "The Congo is the deepest river in the world.");
const volga = clozeQuestion("q-volga", "Volga", "The Volga is the longest river in Europe.");
const danube = clozeQuestion("q-danube", "Danube", "The Danube flows through ten countries.");

const lessons = [
  { slug: "africa", title: "Africa", status: "active" as const },
  { slug: "europe", title: "Europe", status: "active" as const },
];

const next = (...ls: Module["lessons"]): Module => ({ title: "Rivers", source: "rivers.md", lessons: ls });

describe("the diff of a new version", () => {
  it("sorts each question into added, changed, retired, restored or unchanged", () => {
    const current = {
      lessons,
      questions: [
        stored(nile, "africa"),
        stored(congo, "africa", { hasHistory: true }),
        stored(volga, "europe"),
        stored(danube, "europe", { status: "retired" }),
        stored(amazon, "africa", { accepted: ["Amazon"] }),
      ],
    };
    const amazonMore: Question = { ...amazon, accepted: ["Amazon", "Amazon River"] };
    const diff = diffModuleVersion(
      current,
      next(lessonOf("Africa", "africa", 0, [nile, amazonMore]), lessonOf("Europe", "europe", 1, [danube, clozeQuestion("q-rhine", "Rhine", "The Rhine rises in the Alps.")])),
    );
    expect(diff.unchanged).toBe(1);
    expect(diff.added.map((q) => q.id)).toEqual(["q-rhine"]);
    expect(diff.restored.map((q) => q.id)).toEqual(["q-danube"]);
    expect(diff.changed.map((q) => [q.id, q.details])).toEqual([["q-amazon", ["accepted answers"]]]);
    expect(diff.retired.map((q) => [q.id, q.lessonTitle, q.hasHistory])).toEqual([
      ["q-congo", "Africa", true],
      ["q-volga", "Europe", false],
    ]);
    expect(diff.lessonsAdded).toEqual([]);
    expect(diff.lessonsRetired).toEqual([]);
  });

  it("says a kept question moved lesson or changed its options, explanation or source", () => {
    const mc: Question = { ...volga, type: "multiple_choice", options: ["Volga", "Don", "Ural", "Oka"] };
    const current = { lessons, questions: [stored(nile, "africa"), stored(mc, "europe")] };
    const diff = diffModuleVersion(
      current,
      next(lessonOf("Europe", "europe", 0, [nile, { ...mc, options: ["Volga", "Don", "Ural", "Kama"], explanation: "Longest in Europe." }])),
    );
    expect(diff.changed.map((q) => [q.id, q.details])).toEqual([
      ["q-nile", ["lesson"]],
      ["q-volga", ["options", "explanation"]],
    ]);
    expect(diff.lessonsRetired).toEqual(["Africa"]);
  });

  it("lists new lessons, and counts a question generated twice once, as the merge saves it once", () => {
    const diff = diffModuleVersion({ lessons, questions: [] }, next(lessonOf("Asia", "asia", 0, [nile]), lessonOf("Asia again", "asia-2", 1, [nile])));
    expect(diff.added.map((q) => [q.id, q.lessonTitle])).toEqual([["q-nile", "Asia"]]);
    expect(diff.lessonsAdded).toEqual(["Asia", "Asia again"]);
    expect(diff.lessonsRetired).toEqual(["Africa", "Europe"]);
  });
});
