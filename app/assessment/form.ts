/**
 * Each learner's own form: which questions they are asked, in which order,
 * with the options in which order. Fair by the blueprint: every form asks
 * each lesson the number of questions the blueprint says, and spreads them
 * over the lesson's range of difficulty the same way (one question from each
 * of `count` equal bands of the lesson's questions ordered by difficulty),
 * never two questions made from one sentence (the first answers the other).
 * Pure: the random source is passed in (seeded by the attempt's id, so the
 * same attempt always has the same form).
 */
import type { QuestionType } from "../content/types";
import { shuffled } from "../learning/random";
import { presentedOptions } from "../questions/options";
import type { BlueprintEntry } from "./settings";

/** A question learners may be asked, as the draw sees it. */
export interface PoolQuestion {
  id: string;
  lessonId: string;
  type: QuestionType;
  siblingKey: string;
  /** 0 (everyone gets it right) to 1 (no one does): questionDifficulty. */
  difficulty: number;
}

/**
 * Expected share of right answers by type before any answer is seen: a
 * true/false statement is half guessed, four options a quarter, a typed
 * answer not at all.
 */
const PRIOR_FACILITY: Record<QuestionType, number> = {
  true_false: 0.8,
  multiple_choice: 0.7,
  cloze: 0.55,
  short_answer: 0.5,
  numeric: 0.5,
};
/** How many observed answers the prior weighs as. */
const PRIOR_WEIGHT = 5;

/**
 * A question's difficulty (1 − expected facility): the prior for its type,
 * moved towards the share of right answers learners gave it (in review and
 * practice) as those answers accumulate.
 */
export function questionDifficulty(type: QuestionType, observed: { answers: number; right: number } | null = null): number {
  const prior = PRIOR_FACILITY[type];
  const answers = observed?.answers ?? 0;
  const right = observed?.right ?? 0;
  return 1 - (right + PRIOR_WEIGHT * prior) / (answers + PRIOR_WEIGHT);
}

function lessonPool(pool: readonly PoolQuestion[], lessonId: string, types: readonly QuestionType[]): PoolQuestion[] {
  return pool.filter((q) => q.lessonId === lessonId && types.includes(q.type));
}

/** How many questions one form can ask of a lesson: its distinct facts among the allowed types. */
export function availableFacts(pool: readonly PoolQuestion[], lessonId: string, types: readonly QuestionType[]): number {
  return new Set(lessonPool(pool, lessonId, types).map((q) => q.siblingKey)).size;
}

/**
 * `items` (sorted) cut into `count` consecutive bands as equal in size as
 * possible: band i holds items [floor(i·n/count), floor((i+1)·n/count)).
 */
export function difficultyBands<T>(items: readonly T[], count: number): T[][] {
  const bands: T[][] = [];
  for (let i = 0; i < count; i++) {
    bands.push(items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
  }
  return bands;
}

const byDifficulty = (a: PoolQuestion, b: PoolQuestion) => a.difficulty - b.difficulty || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The question ids of one learner's form, lesson by lesson in blueprint
 * order, each lesson's questions in a random order. Assumes the blueprint
 * passed checkBlueprint; a lesson short of facts gives what it has.
 */
export function drawForm(
  blueprint: readonly BlueprintEntry[],
  pool: readonly PoolQuestion[],
  types: readonly QuestionType[],
  random: () => number,
): string[] {
  const usedFacts = new Set<string>();
  const form: string[] = [];
  for (const entry of blueprint) {
    const candidates = lessonPool(pool, entry.lessonId, types).sort(byDifficulty);
    const bands = difficultyBands(candidates, Math.min(entry.count, candidates.length));
    const chosen: PoolQuestion[] = [];
    const fits = (q: PoolQuestion) => !usedFacts.has(q.siblingKey);
    for (let band = 0; band < bands.length; band++) {
      // A band whose facts are all taken (siblings) lends from the nearest band that has one left.
      const pick = shuffled(bands[band]!, random).find(fits) ?? nearestFitting(bands, band, fits, random);
      if (!pick) continue;
      usedFacts.add(pick.siblingKey);
      chosen.push(pick);
    }
    form.push(...shuffled(chosen, random).map((q) => q.id));
  }
  return form;
}

function nearestFitting(
  bands: readonly PoolQuestion[][],
  from: number,
  fits: (q: PoolQuestion) => boolean,
  random: () => number,
): PoolQuestion | undefined {
  for (let distance = 1; distance < bands.length; distance++) {
    for (const band of [from - distance, from + distance]) {
      const pick = band >= 0 && band < bands.length ? shuffled(bands[band]!, random).find(fits) : undefined;
      if (pick) return pick;
    }
  }
  return undefined;
}

/**
 * The options a question shows on one learner's form: by the practice and
 * review rule (app/questions/options.ts: true/false always True then False,
 * multiple choice shuffled by the seed) when the assessment shuffles, else
 * as written; a typed answer has none. `seed` names the attempt and the
 * question, so a reload shows the same order.
 */
export function formOptions(
  question: { type: QuestionType; options: readonly string[] | null },
  shuffle: boolean,
  seed: string,
): string[] | null {
  if (shuffle || question.type === "true_false") return presentedOptions(question, seed);
  return question.options && question.options.length > 0 ? [...question.options] : null;
}
