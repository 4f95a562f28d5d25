/**
 * What publishing a new version of a module would do, before it is done:
 * which questions it adds, which it changes (same question, other details),
 * which it retires, and which lessons come and go. Questions are matched by
 * id (the new version re-keyed with the module's key: rekey.ts), as the
 * import's merge matches them (models/content.server.ts): a question that
 * is not in the new version is retired, never deleted, so a learner's
 * history of it stays. Pure.
 */
import type { Module, NumericAnswer, QuestionType } from "./types";

/** A question as the module holds it now. */
export interface StoredQuestion {
  id: string;
  lessonSlug: string;
  type: QuestionType;
  prompt: string;
  answer: string;
  accepted: string[];
  options: string[] | null;
  numeric: NumericAnswer | null;
  explanation: string;
  sourceSentence: string;
  status: "active" | "retired";
  /** Some learner has a card of it (and so may have a history of answers). */
  hasHistory: boolean;
}

export interface StoredLesson {
  slug: string;
  title: string;
  status: "active" | "retired";
}

export interface QuestionLine {
  id: string;
  lessonTitle: string;
  type: QuestionType;
  prompt: string;
  answer: string;
}

/** The details of a kept question that a new version can change (its id fixes its type, prompt and answer). */
export type ChangedDetail = "lesson" | "accepted answers" | "options" | "number" | "explanation" | "source sentence";

export interface VersionDiff {
  added: QuestionLine[];
  /** Retired earlier, back in this version (active again, their history with them). */
  restored: QuestionLine[];
  changed: Array<QuestionLine & { details: ChangedDetail[] }>;
  retired: Array<QuestionLine & { hasHistory: boolean }>;
  unchanged: number;
  lessonsAdded: string[];
  lessonsRetired: string[];
}

export function diffModuleVersion(current: { lessons: StoredLesson[]; questions: StoredQuestion[] }, next: Module): VersionDiff {
  const stored = new Map(current.questions.map((q) => [q.id, q]));
  const lessonTitle = new Map(current.lessons.map((l) => [l.slug, l.title]));
  const diff: VersionDiff = { added: [], restored: [], changed: [], retired: [], unchanged: 0, lessonsAdded: [], lessonsRetired: [] };
  const seen = new Set<string>();
  for (const lesson of next.lessons) {
    for (const q of lesson.questions) {
      // The merge keeps the first of a question generated twice (repeated text); so does the diff.
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      const line: QuestionLine = { id: q.id, lessonTitle: lesson.title, type: q.type, prompt: q.prompt, answer: q.answer };
      const before = stored.get(q.id);
      if (!before) diff.added.push(line);
      else if (before.status === "retired") diff.restored.push(line);
      else {
        const details = changedDetails(before, { ...q, lessonSlug: lesson.slug });
        if (details.length > 0) diff.changed.push({ ...line, details });
        else diff.unchanged++;
      }
    }
  }
  for (const q of current.questions) {
    if (q.status !== "active" || seen.has(q.id)) continue;
    diff.retired.push({
      id: q.id,
      lessonTitle: lessonTitle.get(q.lessonSlug) ?? q.lessonSlug,
      type: q.type,
      prompt: q.prompt,
      answer: q.answer,
      hasHistory: q.hasHistory,
    });
  }
  const nextSlugs = new Set(next.lessons.map((l) => l.slug));
  const activeSlugs = new Set(current.lessons.filter((l) => l.status === "active").map((l) => l.slug));
  diff.lessonsAdded = next.lessons.filter((l) => !activeSlugs.has(l.slug)).map((l) => l.title);
  diff.lessonsRetired = current.lessons.filter((l) => l.status === "active" && !nextSlugs.has(l.slug)).map((l) => l.title);
  return diff;
}

function changedDetails(
  before: StoredQuestion,
  after: Module["lessons"][number]["questions"][number] & { lessonSlug: string },
): ChangedDetail[] {
  const details: ChangedDetail[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (before.lessonSlug !== after.lessonSlug) details.push("lesson");
  if (!same([...before.accepted].sort(), [...after.accepted].sort())) details.push("accepted answers");
  if (!same(before.options, after.options)) details.push("options");
  if (!same(before.numeric, after.numeric)) details.push("number");
  if (before.explanation !== after.explanation) details.push("explanation");
  if (before.sourceSentence !== after.source.sentence) details.push("source sentence");
  return details;
}
