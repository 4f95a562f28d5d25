/**
 * How a draft's module is stored (drafts.module_json) and what its page shows
 * (drafts.summary_json). The stored module carries a format version, as every
 * stored JSON should: a later format upgrades older drafts one step at a time
 * in decodeDraftModule rather than misreading them.
 */
import { chooseModuleDecks } from "../learning/deck";
import type { Module, QuestionType } from "./types";

export const DRAFT_FORMAT_VERSION = 1;

interface StoredDraftModule {
  version: number;
  module: Module;
}

export function encodeDraftModule(module: Module): string {
  const stored: StoredDraftModule = { version: DRAFT_FORMAT_VERSION, module };
  return JSON.stringify(stored);
}

export function decodeDraftModule(json: string): Module {
  const stored = JSON.parse(json) as Partial<StoredDraftModule>;
  if (stored.version !== DRAFT_FORMAT_VERSION || !stored.module) {
    throw new Error(`A draft stored in format ${String(stored.version)} cannot be read (this version reads ${DRAFT_FORMAT_VERSION}).`);
  }
  return stored.module;
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
