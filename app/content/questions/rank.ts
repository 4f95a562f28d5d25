/**
 * How good an answer a candidate makes: a logistic score over simple features
 * (kind, rarity of its words in spoken English, length, position, repetition
 * in the lesson, cues such as "known as" or bold). The weights are fitted on
 * SQuAD's held-out training articles by bench/squad-fit.ts and committed as
 * weights.json, so ranking is the same on every machine.
 */
import { CANDIDATE_KINDS, type Candidate } from "./candidates";
import { logFrequency } from "./nlp";
import { STOPWORDS, normaliseAnswer, words } from "./text";
import fitted from "./weights.json" with { type: "json" };

export const FEATURE_NAMES: string[] = [
  "bias",
  ...CANDIDATE_KINDS.map((k) => `kind:${k}`),
  "words:1",
  "words:2",
  "words:3",
  "words:4+",
  "rarity:min",
  "rarity:mean",
  "capitalised",
  "has-digit",
  "sentence:relative-position",
  "sentence:first",
  "token:relative-position",
  "sentence:length",
  "lesson:repeats",
  "title:overlap",
  "after:preposition",
  "after:determiner",
  "before:verb",
  "before:of",
  "cue:definition",
  "cue:emphasis",
  "cue:expansion",
  "nested:inside-other",
  "nested:holds-other",
  "in-parentheses",
  "in-list",
  ...CANDIDATE_KINDS.map((k) => `rarity-x-kind:${k}`),
  ...CANDIDATE_KINDS.map((k) => `multiword-x-kind:${k}`),
  "phrase:adjective-led",
  "phrase:plural-head",
  "after:number",
  "sentence:candidates",
  "after:verb",
  "before:punctuation",
  "after:comma",
  "rarity:max",
  "rarity:head",
  "sentence:opens",
  "in-quotes",
  ...CANDIDATE_KINDS.map((k) => `position-x-kind:${k}`),
];

export interface LessonContext {
  /** Normalised answer -> number of sentences of the lesson that contain it. */
  answerSentenceCounts: Map<string, number>;
  titleWords: Set<string>;
  sentenceCount: number;
}

export function lessonContext(title: string, candidates: Candidate[]): LessonContext {
  const perAnswer = new Map<string, Set<number>>();
  for (const c of candidates) {
    const key = normaliseAnswer(c.text);
    let set = perAnswer.get(key);
    if (!set) perAnswer.set(key, (set = new Set()));
    set.add(c.sentence.index);
  }
  const answerSentenceCounts = new Map<string, number>();
  for (const [key, set] of perAnswer) answerSentenceCounts.set(key, set.size);
  const sentenceCount = candidates.reduce((n, c) => Math.max(n, c.sentence.index + 1), 0);
  return {
    answerSentenceCounts,
    titleWords: new Set(words(title).filter((w) => !STOPWORDS.has(w))),
    sentenceCount,
  };
}

/** The feature vector of a candidate; written into `f` when given (the scorer reuses one buffer). */
export function candidateFeatures<F extends number[] | Float64Array = number[]>(
  c: Candidate,
  sameSentence: Candidate[],
  lesson: LessonContext,
  f: F = new Array<number>(FEATURE_NAMES.length).fill(0) as F,
): F {
  let i = 0;
  f[i++] = 1;
  for (const kind of CANDIDATE_KINDS) f[i++] = c.kind === kind ? 1 : 0;
  const ws = words(c.text);
  const n = ws.length;
  f[i++] = n === 1 ? 1 : 0;
  f[i++] = n === 2 ? 1 : 0;
  f[i++] = n === 3 ? 1 : 0;
  f[i++] = n >= 4 ? 1 : 0;
  const content = ws.filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w));
  const freqs = content.map((w) => logFrequency(w) / 7);
  f[i++] = freqs.length ? Math.min(...freqs) : 0;
  f[i++] = freqs.length ? freqs.reduce((a, b) => a + b, 0) / freqs.length : 0;
  f[i++] = /^\p{Lu}/u.test(c.text) ? 1 : 0;
  f[i++] = /\d/.test(c.text) ? 1 : 0;
  f[i++] = lesson.sentenceCount > 1 ? c.sentence.index / (lesson.sentenceCount - 1) : 0;
  f[i++] = c.sentence.index === 0 ? 1 : 0;
  const tokens = c.sentence.tokens;
  f[i++] = tokens.length > 1 ? c.tokenStart / (tokens.length - 1) : 0;
  f[i++] = Math.min(tokens.length, 80) / 40;
  f[i++] = Math.log(lesson.answerSentenceCounts.get(normaliseAnswer(c.text)) ?? 1);
  f[i++] = content.length ? content.filter((w) => lesson.titleWords.has(w)).length / content.length : 0;
  const before = tokens[c.tokenStart - 1];
  const after = tokens[c.tokenEnd];
  f[i++] = before?.pos === "ADP" ? 1 : 0;
  f[i++] = before?.pos === "DET" ? 1 : 0;
  f[i++] = after?.pos === "VERB" || after?.pos === "AUX" ? 1 : 0;
  f[i++] = after?.lower === "of" ? 1 : 0;
  f[i++] = c.cue === "definition" ? 1 : 0;
  f[i++] = c.cue === "emphasis" ? 1 : 0;
  f[i++] = c.cue === "expansion" ? 1 : 0;
  f[i++] = sameSentence.some((o) => o !== c && o.start <= c.start && o.end >= c.end) ? 1 : 0;
  f[i++] = sameSentence.some((o) => o !== c && o.start >= c.start && o.end <= c.end) ? 1 : 0;
  f[i++] = before?.text === "(" && after?.text === ")" ? 1 : 0;
  f[i++] = c.sentence.origin === "prose" ? 0 : 1;
  const rarity = freqs.length ? Math.min(...freqs) : 0;
  for (const kind of CANDIDATE_KINDS) f[i++] = c.kind === kind ? rarity : 0;
  for (const kind of CANDIDATE_KINDS) f[i++] = c.kind === kind && n >= 2 ? 1 : 0;
  f[i++] = c.kind === "phrase" && tokens[c.tokenStart]?.pos === "ADJ" ? 1 : 0;
  f[i++] = c.kind === "phrase" && /s$/.test(tokens[c.tokenEnd - 1]?.lower ?? "") ? 1 : 0;
  f[i++] = before?.pos === "NUM" ? 1 : 0;
  f[i++] = Math.log(1 + sameSentence.length) / 3;
  f[i++] = before?.pos === "VERB" || before?.pos === "AUX" ? 1 : 0;
  f[i++] = after?.pos === "PUNCT" ? 1 : 0;
  f[i++] = before?.text === "," ? 1 : 0;
  f[i++] = freqs.length ? Math.max(...freqs) : 0;
  f[i++] = n > 0 ? logFrequency(ws[n - 1]) / 7 : 0;
  f[i++] = c.tokenStart === 0 || (c.tokenStart === 1 && before?.pos === "DET") ? 1 : 0;
  f[i++] = /^["“'‘]$/.test(before?.text ?? "") && /^["”'’]$/.test(after?.text ?? "") ? 1 : 0;
  const position = tokens.length > 1 ? c.tokenStart / (tokens.length - 1) : 0;
  for (const kind of CANDIDATE_KINDS) f[i++] = c.kind === kind ? position : 0;
  return f;
}

const weights: number[] = FEATURE_NAMES.map((name) => (fitted as { weights: Record<string, number> }).weights[name] ?? 0);

/** Probability-like quality in (0, 1) from the fitted linear score. */
export function candidateScore(features: ArrayLike<number>, w: number[] = weights): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i] * w[i];
  return 1 / (1 + Math.exp(-z));
}
