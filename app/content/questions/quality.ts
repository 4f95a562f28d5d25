/**
 * How likely a teacher is to accept a question: a logistic model over plain
 * signals of the question (its form, what kind of thing its answer is, how
 * rare the answer's words are, whether the prompt leans on text it does not
 * show...). The weights are fitted on blind ratings with the rubric
 * (bench/quality-fit.ts) and committed as quality.json, so the estimate is
 * deterministic. It orders a lesson's bank and decides its deck.
 */
import type { QuestionType } from "../types";
import { CANDIDATE_KINDS, type CandidateKind } from "./candidates";
import { logFrequency } from "./nlp";
import fitted from "./quality.json" with { type: "json" };
import { BLANK } from "./rules";
import { STOPWORDS } from "./text";

/** What an answer is: a candidate's kind, or an acronym's expansion asked outright. */
export type AnswerKind = CandidateKind | "expansion";

export interface QualitySignals {
  type: QuestionType;
  /** For true/false: whether the statement is the true one. */
  truth?: boolean;
  kind: AnswerKind;
  cue?: "definition" | "emphasis" | "expansion";
  /** The answer ranker's score in (0, 1). */
  rankScore: number;
  /** The prompt as shown. */
  prompt: string;
  /** The key. */
  answer: string;
  /** The source sentence. */
  sentence: string;
  /** Whether earlier sentences are shown before the statement. */
  withContext: boolean;
  /** Whether the answer opens its sentence. */
  answerOpensSentence: boolean;
  /** Multiple choice: the options. */
  options?: readonly string[];
  /** The lesson's title. */
  lessonTitle: string;
}

const KINDS: AnswerKind[] = [...CANDIDATE_KINDS, "expansion"];
const TYPES = ["cloze", "numeric", "multiple_choice", "short_answer", "true_false:true", "true_false:false"];

export const QUALITY_FEATURES: string[] = [
  "bias",
  ...TYPES.map((t) => `type:${t}`),
  ...KINDS.map((k) => `kind:${k}`),
  "cue:definition",
  "cue:emphasis",
  "rank-score",
  "with-context",
  "prompt:words/40",
  "sentence:words/40",
  "answer:words",
  "answer:opens-sentence",
  "answer:rarity",
  "answer:common-word",
  "answer:capitalised",
  "prompt:pronouns",
  "prompt:generic-nouns",
  "sentence:starts-lowercase",
  "sentence:has-colon",
  "options:length-spread",
  "options:capitals-differ",
  "blank:at-end",
  "blank:before-parenthesis",
  "blank:in-parentheses",
  "prompt:label-form",
  "prompt:opening-clause",
  "options:nested",
  "answer:number-word",
  "answer:in-title",
  "answer:echoed",
  "prompt:definite-reference",
  "expansion:two-letters",
  "blank:in-list",
  "prompt:anchors",
  "sentence:plain-words",
  "answer:conjoined",
  "answer:long-number",
  "blank:range-end",
];

/** Pronouns and demonstratives that point outside the statement when nothing before resolves them. */
const POINTERS = new Set("it its they their them he she his her this these those such both former latter".split(" "));
/** Nouns that say little on their own: an answer or blank made of them is vague. */
const GENERIC = new Set(
  "approach approaches effort efforts measure measures mechanism mechanisms framework frameworks role roles way ways issue issues factor factors aspect aspects area areas strategy strategies initiative initiatives challenge challenges process processes system systems thing things part parts example examples type types kind kinds level levels means".split(
    " ",
  ),
);

const WORD = /[\p{L}\p{N}'’-]+/gu;
/** "Year of approval of the policy: October 2020": a table row or fact-sheet line, not a sentence. */
const LABEL_FORM = /^[^.:]{1,80}:\s*[^\s]+(?:\s+[^\s]+){0,3}\.?$/;
/** "Instead, ...", "Until then, ...": a short opening clause that answers to an earlier sentence. */
const OPENING_CLAUSE = /^[\p{L}']+(?:\s+[\p{L}']+)?,\s/u;
const NUMBER_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;

/** A blank that is one item of a list ("A, B and _____", "_____, B or C", "e.g., _____"): any other item fits as well. */
const BLANK_IN_LIST = /,\s*(?:and\s+|or\s+)?_____|_____\s*,|\b(?:and|or)\s+_____|_____\s+(?:and|or)\b|e\.g\.,?\s*_____/;

/** A blank that is one end of a range ("_____–2009", "from 1990 to _____"). */
const RANGE_END = /_____\s*(?:[–—-]|to\b)|(?:[–—-]|\bto)\s*_____/;

/**
 * What pins a blank down besides the blank: names (capitalised words past the first) and numbers
 * elsewhere in the statement. A generic sentence with one name blanked lets any name fit.
 */
function anchors(statement: string): number {
  const ws = wordsOf(statement.replace(BLANK, " "));
  return ws.filter((w, i) => (i > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w)).length;
}

/** How everyday the sentence's content words are: the mean of their spoken-English log frequency, over 7. */
function plainness(sentence: string): number {
  const content = wordsOf(sentence.toLowerCase()).filter((w) => !STOPWORDS.has(w) && !/\d/.test(w));
  if (content.length === 0) return 0;
  return content.reduce((n, w) => n + logFrequency(w), 0) / content.length / 7;
}

/** The lead-ins of the forms, before the statement itself. */
const LEAD_IN = /^(?:True or false: |Which [a-z ]+ fills the blank\? |What fills the blank\? )/;
/**
 * "The organisation has...", "The season attracted...": a statement that opens on a common noun
 * that an earlier sentence named.
 */
const DEFINITE_REFERENCE =
  /^The\s+(?:[a-z-]+\s+)?(?:organi[sz]ation|program(?:me)?|season|institute|institution|framework|policy|committee|agency|city|country|state|department|company|group|team|plan|strategy|approach|initiative|government|party|council|project|campaign|event|study|report|system|school|college|university|comparable|same|body|treaty|agreement|mission|operation|war|movement|show|series|film|album|book|game|law|act|court|species|region|area)s?(?:'s|’s)?\b/;

const titleWordCache = new Map<string, Set<string>>();
function titleWords(title: string): Set<string> {
  let set = titleWordCache.get(title);
  if (!set) {
    if (titleWordCache.size > 1000) titleWordCache.clear();
    titleWordCache.set(title, (set = new Set(wordsOf(title.toLowerCase()))));
  }
  return set;
}

/** The prompt shows a word sharing the first five letters of an answer word ("Somali" for "Somalia", "Evans"). */
function echoed(answerWords: string[], promptWords: string[]): boolean {
  const stems = answerWords.filter((w) => w.length >= 5).map((w) => w.slice(0, 5).toLowerCase());
  return stems.some((stem) => promptWords.some((w) => w.length >= 5 && w.slice(0, 5).toLowerCase() === stem));
}

/** Two options of which one holds all the other's words ("John Hawkins", "Sir John Hawkins"). */
function nestedOptions(options: readonly string[]): boolean {
  const sets = options.map((o) => new Set(wordsOf(o.toLowerCase())));
  return sets.some((a, i) => sets.some((b, j) => i !== j && a.size > 0 && [...a].every((w) => b.has(w))));
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The feature vector of a question, in QUALITY_FEATURES order. */
export function qualityFeatures(s: QualitySignals): number[] {
  const type = s.type === "true_false" ? `true_false:${s.truth ? "true" : "false"}` : s.type;
  const answerWords = wordsOf(s.answer);
  const content = answerWords.filter((w) => !STOPWORDS.has(w.toLowerCase()));
  const rarity = content.length === 0 ? 0 : Math.min(...content.map((w) => 7 - logFrequency(w.toLowerCase()))) / 7;
  const promptWords = wordsOf(s.prompt);
  const lower = promptWords.map((w) => w.toLowerCase());
  // Pointers after the context are resolved by it; those in a lone statement are not.
  const pointers = s.withContext ? 0 : lower.filter((w) => POINTERS.has(w)).length;
  const lengths = s.options?.map((o) => wordsOf(o).length) ?? [];
  const capitals = new Set(s.options?.map((o) => /^\p{Lu}/u.test(o)) ?? []);
  const trimmed = s.prompt.trim();
  const blankAt = trimmed.indexOf(BLANK);
  return [
    1,
    ...TYPES.map((t) => (t === type ? 1 : 0)),
    ...KINDS.map((k) => (k === s.kind ? 1 : 0)),
    s.cue === "definition" ? 1 : 0,
    s.cue === "emphasis" ? 1 : 0,
    s.rankScore,
    s.withContext ? 1 : 0,
    Math.min(promptWords.length / 40, 2),
    Math.min(wordsOf(s.sentence).length / 40, 2),
    Math.min(answerWords.length, 6) / 6,
    s.answerOpensSentence ? 1 : 0,
    rarity,
    content.length > 0 && content.every((w) => logFrequency(w.toLowerCase()) > 3) ? 1 : 0,
    /^\p{Lu}/u.test(s.answer) && !s.answerOpensSentence ? 1 : 0,
    Math.min(pointers, 3) / 3,
    content.some((w) => GENERIC.has(w.toLowerCase())) ? 1 : 0,
    /^\p{Ll}/u.test(s.sentence.trim()) ? 1 : 0,
    s.sentence.includes(":") ? 1 : 0,
    lengths.length > 0 ? (Math.max(...lengths) - Math.min(...lengths)) / 6 : 0,
    capitals.size > 1 ? 1 : 0,
    blankAt >= 0 && trimmed.length - blankAt - BLANK.length <= 2 ? 1 : 0,
    s.prompt.includes(`${BLANK} (`) ? 1 : 0,
    s.prompt.includes(`(${BLANK}`) ? 1 : 0,
    LABEL_FORM.test(s.sentence.trim()) ? 1 : 0,
    OPENING_CLAUSE.test(s.sentence.trim()) ? 1 : 0,
    s.options && s.type === "multiple_choice" && nestedOptions(s.options) ? 1 : 0,
    NUMBER_WORD.test(s.answer.trim()) ? 1 : 0,
    content.length > 0 && content.every((w) => titleWords(s.lessonTitle).has(w.toLowerCase())) ? 1 : 0,
    echoed(content, promptWords) ? 1 : 0,
    !s.withContext && DEFINITE_REFERENCE.test(s.prompt.replace(LEAD_IN, "")) ? 1 : 0,
    s.kind === "expansion" && /^What does \S{1,2} stand for\?$/.test(s.prompt) ? 1 : 0,
    BLANK_IN_LIST.test(s.prompt) ? 1 : 0,
    Math.min(anchors(s.prompt.replace(LEAD_IN, "")), 5) / 5,
    plainness(s.sentence),
    / and /.test(s.answer) ? 1 : 0,
    (s.answer.match(/\d/g)?.length ?? 0) >= 5 ? 1 : 0,
    RANGE_END.test(s.prompt) ? 1 : 0,
  ];
}

interface QualityModel {
  features: string[];
  weights: number[];
}

const model = fitted as QualityModel;
const weights = QUALITY_FEATURES.map((name) => {
  const at = model.features.indexOf(name);
  return at >= 0 ? model.weights[at] : 0;
});

/** The estimated probability that a teacher accepts the question, in (0, 1). */
export function acceptance(s: QualitySignals): number {
  return logistic(qualityFeatures(s), weights);
}

export function logistic(features: readonly number[], w: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i] * (w[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
