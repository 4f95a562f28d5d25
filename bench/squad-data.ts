/**
 * SQuAD v1.1 for the answer-choice benchmark: loading the official JSON, one
 * paragraph as a one-lesson document, and the measures (token F1 after
 * SQuAD's normalisation, R-precision, P@5, R@10).
 */
import { readFileSync } from "node:fs";
import type { LessonDraft } from "../app/content/types";
import { normaliseAnswer, tokenF1 } from "../app/content/questions/text";

export interface SquadParagraph {
  title: string;
  /** Index of its article in the file: splits keep an article's paragraphs together. */
  article: number;
  context: string;
  /** One entry per question: its accepted answers. */
  questions: string[][];
}

export function loadSquad(path: string): SquadParagraph[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ answers: Array<{ text: string }> }> }> }>;
  };
  return raw.data.flatMap((article, index) =>
    article.paragraphs.map((p) => ({
      title: article.title.replace(/_/g, " "),
      article: index,
      context: p.context,
      questions: p.qas.map((qa) => qa.answers.map((a) => a.text)),
    })),
  );
}

/** The paragraphs of each article of a SQuAD file, by article index, in order. */
export function squadArticles(path: string): Map<number, SquadParagraph[]> {
  const articles = new Map<number, SquadParagraph[]>();
  for (const p of loadSquad(path)) {
    const paragraphs = articles.get(p.article);
    if (paragraphs) paragraphs.push(p);
    else articles.set(p.article, [p]);
  }
  return articles;
}

/** `--fold K` (0-4) picks another fifth of the articles as the validation split, for cross-validating through the generator. */
const foldAt = process.argv.indexOf("--fold");
const HOLDOUT_FOLD = foldAt >= 0 ? Number(process.argv[foldAt + 1]) : 0;

/**
 * The validation split of the training file: every fifth article. Settings are
 * chosen by fitting without it (`--holdout`) and measuring on it, never on dev.
 */
export function inHoldout(p: SquadParagraph): boolean {
  return p.article % 5 === HOLDOUT_FOLD;
}

export function paragraphLesson(p: SquadParagraph): LessonDraft {
  return {
    title: p.title,
    slug: "paragraph",
    position: 0,
    line: 1,
    blocks: [{ kind: "paragraph", text: p.context, line: 1 }],
    text: p.context,
    readingMinutes: 1,
  };
}

/** Best-first answers: repeats (after normalisation) and answers over six words dropped. */
export function distinctAnswers(answers: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of answers) {
    const folded = normaliseAnswer(a);
    if (!folded || seen.has(folded) || a.trim().split(/\s+/).length > 6) continue;
    seen.add(folded);
    out.push(a);
  }
  return out;
}

/** Best token F1 of `answer` against any gold answer of one question. */
export function bestF1(answer: string, golds: string[]): number {
  let best = 0;
  for (const g of golds) best = Math.max(best, tokenF1(answer, g));
  return best;
}

/** Share of questions matched (F1 >= threshold) by one of the first `k` answers. */
function recallAt(answers: string[], questions: string[][], k: number, threshold: number): number {
  const top = answers.slice(0, k);
  const matched = questions.filter((golds) => top.some((a) => bestF1(a, golds) >= threshold)).length;
  return questions.length ? matched / questions.length : 0;
}

/** Share of the first `k` answers that match some question. */
function precisionAt(answers: string[], questions: string[][], k: number, threshold: number): number {
  const top = answers.slice(0, k);
  const hits = top.filter((a) => questions.some((golds) => bestF1(a, golds) >= threshold)).length;
  return hits / k;
}

export interface Scores {
  rPrecision: number;
  rPrecisionExact: number;
  p5: number;
  r10: number;
}

export function scoreParagraph(answers: string[], questions: string[][]): Scores {
  const k = questions.length;
  return {
    rPrecision: recallAt(answers, questions, k, 0.5),
    rPrecisionExact: recallAt(answers, questions, k, 1),
    p5: precisionAt(answers, questions, 5, 0.5),
    r10: recallAt(answers, questions, 10, 0.5),
  };
}

export function meanScores(all: Scores[]): Scores {
  const mean = (f: (s: Scores) => number) => all.reduce((a, s) => a + f(s), 0) / (all.length || 1);
  return {
    rPrecision: mean((s) => s.rPrecision),
    rPrecisionExact: mean((s) => s.rPrecisionExact),
    p5: mean((s) => s.p5),
    r10: mean((s) => s.r10),
  };
}
