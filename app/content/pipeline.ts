/**
 * The ingestion pipeline: files -> modules of lessons with key terms and
 * questions. read -> parse (by format) -> clean -> segment (draft.ts), then
 * questions for all modules together (distractors come from the whole course).
 */
import { generateQuestions } from "./questions";
import { readSource } from "./read";
import { draftModule, moduleKey } from "./draft";
import type { Module } from "./types";

export { readSource } from "./read";
export { draftModule, moduleKey, parseSource, titleFromFileName, type ModuleDraft } from "./draft";

export interface SourceFile {
  /** The file's name as given; becomes the module's `source`. */
  name: string;
  bytes: Uint8Array;
  /** Stable key for question ids; defaults to the file's base name without extension. */
  key?: string;
}

export function buildModules(files: SourceFile[]): Module[] {
  const drafts = files.map((file) => draftModule(readSource(file.name, file.bytes), file.key ?? moduleKey(file.name)));
  const banks = generateQuestions(drafts.map((d) => ({ key: d.key, lessons: d.lessons, title: d.title })));
  return drafts.map((draft, m) => ({
    title: draft.title,
    source: draft.source,
    lessons: draft.lessons.map((lesson, l) => ({
      ...lesson,
      keyTerms: banks[m]?.[l]?.keyTerms ?? [],
      questions: banks[m]?.[l]?.questions ?? [],
    })),
  }));
}
