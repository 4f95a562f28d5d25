/**
 * Question generation: lessons -> key terms and a question bank per lesson.
 * (Interface fixed; the generator is being written: see the questions work.)
 */
import type { LessonDraft, Question } from "../types";

export interface ModuleInput {
  /** Stable key of the module; part of every question id. */
  key: string;
  lessons: LessonDraft[];
}

export interface LessonQuestions {
  keyTerms: string[];
  /** Best first. */
  questions: Question[];
}

/**
 * Generates every lesson's questions. Distractors are drawn from the lesson,
 * then its module, then the whole course (all modules given), so modules
 * must be passed together. Output: [module][lesson].
 */
export function generateQuestions(modules: ModuleInput[]): LessonQuestions[][] {
  return modules.map((m) => m.lessons.map(() => ({ keyTerms: [], questions: [] })));
}
