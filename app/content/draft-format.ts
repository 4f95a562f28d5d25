/**
 * How a draft's module is stored (drafts.module_gzip) and what its page shows
 * (drafts.summary_json). The stored module carries a format version, as every
 * stored JSON should: a later format upgrades older drafts one step at a time
 * in decodeDraftModule rather than misreading them.
 *
 * Format 2 is JSON lines, gzipped: the first line the module without its
 * lessons (and the version), then one line per lesson, each line its own gzip
 * member (a run of members is one gzip stream to gunzip). Written a lesson at a
 * time and read back a line at a time, a large module never exists as one
 * string or one buffer: 10 MB of prose builds ~230 MB of JSON, which as one
 * string (and again as its bytes) took the preparing process past 2 GB
 * (bench/hostile.ts --worker). Format 1, one JSON document in
 * drafts.module_json, is still read.
 */
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { createGunzip, gzipSync } from "node:zlib";
import { chooseModuleDecks } from "../learning/deck";
import type { Lesson, Module, QuestionType } from "./types";

export const DRAFT_FORMAT_VERSION = 2;

/** Format 1: the whole module in one JSON document. */
interface JsonDraftModule {
  version: 1;
  module: Module;
}

/** Format 2's first line. */
interface DraftModuleHead {
  version: 2;
  module: Omit<Module, "lessons">;
}

export function encodeDraftModule(module: Module): Uint8Array {
  const { lessons, ...rest } = module;
  const head: DraftModuleHead = { version: 2, module: rest };
  // JSON.stringify escapes every newline inside a string, so a line is one value. One lesson's string at a time.
  const members = [head, ...lessons].map((value) => gzipSync(`${JSON.stringify(value)}\n`));
  const bytes = new Uint8Array(members.reduce((n, m) => n + m.length, 0));
  let at = 0;
  for (const member of members) {
    bytes.set(member, at);
    at += member.length;
  }
  return bytes;
}

/** The module of a stored draft: format 2's bytes, or format 1's JSON as drafts were stored before it. */
export async function decodeDraftModule(stored: Uint8Array | string): Promise<Module> {
  if (typeof stored === "string") {
    const json = JSON.parse(stored) as Partial<JsonDraftModule>;
    if (json.version !== 1 || !json.module) throw unreadable(json.version);
    return json.module;
  }
  // Unzipped as a stream and parsed a line (a lesson) at a time. readline ends lines only at "\n" and "\r",
  // which JSON.stringify always escapes inside strings.
  const lines = createInterface({ input: Readable.from([stored]).pipe(createGunzip()), crlfDelay: Infinity });
  let head: Partial<DraftModuleHead> | undefined;
  const lessons: Lesson[] = [];
  for await (const line of lines) {
    if (line === "") continue;
    if (head === undefined) {
      head = JSON.parse(line) as Partial<DraftModuleHead>;
      if (head.version !== 2 || !head.module) throw unreadable(head.version);
    } else lessons.push(JSON.parse(line) as Lesson);
  }
  if (!head?.module) throw unreadable(head?.version);
  return { ...head.module, lessons };
}

function unreadable(version: unknown): Error {
  return new Error(`A draft stored in format ${String(version)} cannot be read (this version reads 1 and ${DRAFT_FORMAT_VERSION}).`);
}

export interface DraftQuestionView {
  type: QuestionType;
  prompt: string;
  answer: string;
  options: string[] | null;
}

export interface DraftLessonView {
  title: string;
  readingMinutes: number;
  /** Every question the lesson's bank holds. */
  questionCount: number;
  /** What a learner starting the lesson would be given (chooseModuleDecks), best first; empty past MAX_LESSONS_SHOWN. */
  deck: DraftQuestionView[];
  deckCount: number;
}

export interface DraftSummary {
  title: string;
  lessonCount: number;
  questionCount: number;
  deckCount: number;
  lessons: DraftLessonView[];
}

/** A book-length upload has hundreds of lessons: the page lists them all but shows the questions of the first ones. */
export const MAX_LESSONS_SHOWN = 60;

export function summariseDraft(module: Module): DraftSummary {
  const decks = chooseModuleDecks(module.lessons.map((lesson) => lesson.questions));
  const lessons = module.lessons.map((lesson, index): DraftLessonView => {
    const deck = decks[index]!;
    return {
      title: lesson.title,
      readingMinutes: lesson.readingMinutes,
      questionCount: lesson.questions.length,
      deckCount: deck.length,
      deck:
        index < MAX_LESSONS_SHOWN
          ? deck.map((q) => ({ type: q.type, prompt: q.prompt, answer: q.answer, options: q.options ?? null }))
          : [],
    };
  });
  return {
    title: module.title,
    lessonCount: lessons.length,
    questionCount: lessons.reduce((n, l) => n + l.questionCount, 0),
    deckCount: lessons.reduce((n, l) => n + l.deckCount, 0),
    lessons,
  };
}
