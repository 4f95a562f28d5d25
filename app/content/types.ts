/**
 * The shapes that flow through ingestion:
 *   bytes -> SourceDocument (decoded, format known)
 *         -> Block[] (parsed, boilerplate removed)
 *         -> Lesson[] (segmented at section headings)
 *         -> Question[] per lesson (generated, filtered, ranked best first).
 * Everything in app/content is pure: no database, no Remix, no process.env.
 */

export type SourceFormat = "txt" | "md" | "html";

export interface SourceDocument {
  /** The file's name as given (used as the module's `source`). */
  name: string;
  format: SourceFormat;
  /** Decoded text, line endings normalised to \n. */
  text: string;
}

/** A piece of cleaned article text, in reading order. `line` is 1-based in the source. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string; line: number }
  | {
      kind: "paragraph";
      text: string;
      line: number;
      /** Terms the author emphasised (Markdown **bold**, HTML <strong>/<b>/<dfn>). */
      emphasis?: string[];
    }
  | { kind: "list"; ordered: boolean; items: string[]; line: number }
  | { kind: "table"; header: string[] | null; rows: string[][]; line: number };

export interface LessonDraft {
  title: string;
  /** URL-safe, unique within the module. */
  slug: string;
  /** 0-based order within the module. */
  position: number;
  /** Source line of the lesson's heading (of its first block for the overview). */
  line: number;
  /** Body: paragraphs, lists, tables and level-3 sub-headings. Never empty. */
  blocks: Block[];
  /** The body as readable plain text (sub-headings on their own lines, list items as "- "). */
  text: string;
  readingMinutes: number;
}

export type QuestionType = "cloze" | "multiple_choice" | "true_false" | "short_answer" | "numeric";

export interface NumericAnswer {
  value: number;
  unit: string | null;
  /** Absolute tolerance when grading (0 for years and counts). */
  tolerance: number;
}

export interface Question {
  /** Stable: hash of the module key and the question's content. */
  id: string;
  type: QuestionType;
  prompt: string;
  /** As a person would write it, unit included ("24 hours", "1948", "True"). */
  answer: string;
  /** Accepted variants, the answer included (acronym and full name, ...). */
  accepted: string[];
  /** Only for multiple_choice (four) and true_false (["True", "False"]). */
  options?: string[];
  numeric?: NumericAnswer;
  source: { sentence: string; line: number };
  /** Shown after answering: the source sentence. */
  explanation: string;
  /**
   * Shared by the questions made from one sentence (every form of its facts), by those that show
   * that sentence before their own, and by those of a sentence that states one of its facts again,
   * in any lesson of the module (see siblingSentence).
   */
  siblingKey: string;
  /**
   * The sentence whose sibling group the question joins, where it is not the source sentence: a
   * question shown with the sentence before it gives that sentence's facts away, and a fact stated
   * again is the first statement's (content/questions/restated.ts). Kept so that a
   * re-keyed module (content/rekey.ts) gets the sibling keys the generator gives.
   */
  siblingSentence?: string;
  /** Generator's quality score in [0, 1]; a lesson's questions are sorted by it, best first. */
  quality: number;
}

export interface Lesson extends LessonDraft {
  keyTerms: string[];
  /** Best first. */
  questions: Question[];
}

export interface Module {
  title: string;
  /** The file's name as given. */
  source: string;
  lessons: Lesson[];
}

/** A problem with one input file: the CLI prints `message` on one line. */
export class IngestError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = "IngestError";
  }
}
