/**
 * An instructor's material -> one module: each file read by its type
 * (read-upload.ts), parsed, cleaned and segmented as content/'s files are
 * (draft.ts), the lessons of all files in the order given, then questions
 * for them together (generateQuestions). Reports each stage as it begins, so
 * a long import can show how far it has got. No database, no clock.
 */
import { draftModule, type ModuleDraft } from "./draft";
import { generateQuestions } from "./questions";
import { readUpload } from "./read-upload";
import { OVERVIEW_TITLE } from "./segment";
import { slugify, uniqueSlug } from "./text";
import type { LessonDraft, Module } from "./types";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type UploadStage = "read" | "clean" | "segment" | "generate";

export interface UploadProgress {
  stage: UploadStage;
  /** Of the whole import, 0 to 1. */
  fraction: number;
}

/**
 * Shares of the work before questions: reading and structure run at about
 * 17 MB/s, question writing at about 1 MB/s (README, Measured), so the bar
 * gives the questions most of its length.
 */
const STRUCTURE_SHARE = 0.15;
/** Where writing the questions ends: the rest of the bar is saving the draft (models/draft-job.server.ts). */
const WRITING_END = 0.98;
const STAGE_SHARE: Record<Exclude<UploadStage, "generate">, number> = { read: 0, clean: 0.5, segment: 0.75 };

export async function buildUploadedModule(
  files: UploadedFile[],
  key: string,
  report: (progress: UploadProgress) => void = () => {},
): Promise<Module> {
  const drafts: ModuleDraft[] = [];
  for (const [index, file] of files.entries()) {
    const at = (stage: Exclude<UploadStage, "generate">) =>
      report({ stage, fraction: (STRUCTURE_SHARE * (index + STAGE_SHARE[stage])) / files.length });
    at("read");
    const doc = await readUpload(file.name, file.bytes);
    drafts.push(draftModule(doc, key, at));
  }
  report({ stage: "generate", fraction: STRUCTURE_SHARE });
  const lessons = joinLessons(drafts);
  const [bank] = generateQuestions([{ key, lessons, title: drafts[0].title }], undefined, (done) =>
    report({ stage: "generate", fraction: STRUCTURE_SHARE + (WRITING_END - STRUCTURE_SHARE) * done }),
  );
  return {
    title: drafts[0].title,
    source: files.map((f) => f.name).join(", "),
    lessons: lessons.map((lesson, l) => ({ ...lesson, keyTerms: bank[l]?.keyTerms ?? [], questions: bank[l]?.questions ?? [] })),
  };
}

/**
 * The lessons of several documents as one module's: positions run on, slugs
 * stay unique, and a document's untitled opening is named after the document
 * (two "Overview" lessons would say nothing).
 */
export function joinLessons(drafts: ModuleDraft[]): LessonDraft[] {
  if (drafts.length === 1) return drafts[0].lessons;
  const slugs = new Set<string>();
  const joined: LessonDraft[] = [];
  for (const draft of drafts) {
    for (const [index, lesson] of draft.lessons.entries()) {
      const renamed = index === 0 && lesson.title === OVERVIEW_TITLE;
      const title = renamed ? draft.title : lesson.title;
      joined.push({ ...lesson, title, slug: uniqueSlug(renamed ? slugify(title) : lesson.slug, slugs), position: joined.length });
    }
  }
  return joined;
}
