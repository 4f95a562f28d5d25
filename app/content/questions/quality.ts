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
import { lexiconTag, logFrequency } from "./nlp";
import fitted from "./quality.json" with { type: "json" };
import { BLANK, LEAD_IN } from "./rules";
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
  "prompt:asks-directly",
  "expansion:well-known",
  "expansion:in-list",
  "blank:attributive-year",
  "blank:prize-year",
  "sentence:vague-words",
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

/**
 * Words of prose that asserts without stating ("plays a pivotal role in fostering comprehensive
 * frameworks"): in such a sentence any name of the kind fills a blank as well as the key.
 */
const VAGUE = new Set(
  "pivotal crucial vital key significant significantly comprehensive various effective effectively enhance enhances enhancing enhanced foster fosters fostering facilitate facilitates facilitating robust collaborative collaboration collaborations efforts initiatives initiative framework frameworks measures approach approaches strategies strategic essential critical role roles ensure ensuring promote promotes promoting address addressing strengthen strengthens strengthening cooperation cooperative mechanisms mechanism landscape broader overall"
    .split(" "),
);

/** The share of the sentence's content words that are vague (VAGUE). */
function vagueness(sentence: string): number {
  const content = wordsOf(sentence.toLowerCase()).filter((w) => !STOPWORDS.has(w) && !/\d/.test(w));
  if (content.length === 0) return 0;
  return content.filter((w) => VAGUE.has(w)).length / content.length;
}

/** How everyday the sentence's content words are: the mean of their spoken-English log frequency, over 7. */
function plainness(sentence: string): number {
  const content = wordsOf(sentence.toLowerCase()).filter((w) => !STOPWORDS.has(w) && !/\d/.test(w));
  if (content.length === 0) return 0;
  return content.reduce((n, w) => n + logFrequency(w), 0) / content.length / 7;
}

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


/** Two options of which one holds all the other's words ("John Hawkins", "Sir John Hawkins"). */
function nestedOptions(options: readonly string[]): boolean {
  const sets = options.map((o) => new Set(wordsOf(o.toLowerCase())));
  return sets.some((a, i) => sets.some((b, j) => i !== j && a.size > 0 && [...a].every((w) => b.has(w))));
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** What a question's sentence says of it, the same for every question made from the sentence. */
interface SentenceTraits {
  words: number;
  startsLowercase: boolean;
  hasColon: boolean;
  labelForm: boolean;
  openingClause: boolean;
  plainness: number;
  vagueness: number;
}

/** What a statement (the prompt after its lead-in) says, the same for every form that shows it. */
interface StatementTraits {
  words: number;
  pointers: number;
  /** The first five letters of each word of five or more letters, lower-cased. */
  stems: Set<string>;
  definiteReference: boolean;
  anchors: number;
  blankAtEnd: boolean;
  blankBeforeParenthesis: boolean;
  blankInParentheses: boolean;
  blankInList: boolean;
  rangeEnd: boolean;
}

/**
 * The traits of sentences and statements, kept while the questions of a few sentences are scored: the
 * forms of one fact and the facts of one sentence share them (bounded: emptied when full).
 */
const sentenceTraitsMemo = new Map<string, SentenceTraits>();
const statementTraitsMemo = new Map<string, StatementTraits>();
const MEMO_LIMIT = 4096;

function remembered<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (value = make()));
  }
  return value;
}

const NO_SENTENCE: SentenceTraits = { words: 0, startsLowercase: false, hasColon: false, labelForm: false, openingClause: false, plainness: 0, vagueness: 0 };

function sentenceTraits(sentence: string): SentenceTraits {
  return remembered(sentenceTraitsMemo, sentence, () => {
    const trimmed = sentence.trim();
    return {
      words: wordsOf(sentence).length,
      startsLowercase: /^\p{Ll}/u.test(trimmed),
      hasColon: sentence.includes(":"),
      labelForm: LABEL_FORM.test(trimmed),
      openingClause: OPENING_CLAUSE.test(trimmed),
      plainness: plainness(sentence),
      vagueness: vagueness(sentence),
    };
  });
}

function stemsOf(words: readonly string[], into: Set<string>): Set<string> {
  for (const w of words) if (w.length >= 5) into.add(w.slice(0, 5).toLowerCase());
  return into;
}

function statementTraits(statement: string): StatementTraits {
  return remembered(statementTraitsMemo, statement, () => {
    const words = wordsOf(statement);
    const trimmed = statement.trim();
    const blankAt = trimmed.indexOf(BLANK);
    let pointers = 0;
    for (const w of words) if (POINTERS.has(w.toLowerCase())) pointers++;
    return {
      words: words.length,
      pointers,
      stems: stemsOf(words, new Set()),
      definiteReference: DEFINITE_REFERENCE.test(statement),
      anchors: anchors(statement),
      blankAtEnd: blankAt >= 0 && trimmed.length - blankAt - BLANK.length <= 2,
      blankBeforeParenthesis: statement.includes(`${BLANK} (`),
      blankInParentheses: statement.includes(`(${BLANK}`),
      blankInList: BLANK_IN_LIST.test(statement),
      rangeEnd: RANGE_END.test(statement),
    };
  });
}

/**
 * A question asked outright ("What does ICAO stand for?", "When was the treaty signed?", "What is
 * the term for...?"): the prompt shows no blank, so the shape of its source sentence is not what a
 * rater reads.
 */
const DIRECT = /\?$/;

/**
 * "What does NATO stand for?": an acronym the general lexicon knows (compromise's: NATO, FBI,
 * NASA, the USSR...) or whose expansion it knows is common knowledge, not the lesson's.
 */
function wellKnown(prompt: string, expansion: string): boolean {
  const acronym = /^What does (\S+) stand for\?$/.exec(prompt)?.[1];
  return (acronym !== undefined && lexiconTag(acronym) !== undefined) || lexiconTag(expansion) !== undefined;
}

/** "organisations such as EUROCONTROL, the International Civil Aviation Organization (ICAO), and...": named in passing, one of a list. */
export function expansionInList(sentence: string, expansion: string): boolean {
  const at = sentence.indexOf(expansion);
  if (at < 0) return false;
  const after = sentence.slice(at + expansion.length).replace(/^\s*\([^()]*\)/, "");
  return COMMA_LIST_SLOT.test(`${sentence.slice(0, at)}${BLANK}${after}`);
}

/**
 * One item of a list of three or more ("EUROCONTROL, the _____, and the FAA", "A, B and the _____",
 * "the _____, B and C"); not an example set off by commas ("such as the _____, the UN provides...").
 */
const COMMA_LIST_SLOT = /,\s*(?:the\s+)?_____\s*(?:,|\s(?:and|or)\b)|,[^,.;]{1,60}\s(?:and|or)\s+(?:the\s+)?_____|_____\s*,[^,.;]{1,40},\s*(?:and|or)\s/;

/** "between _____ nations", "bilateral ... _____ nations", "The _____ countries": a count the sentence gives away. */
const IMPLIED_COUNT = /\bbilateral|\bboth\b|\bbetween (?:the )?_____\s|\bthe _____ (?:countries|nations|states|sides|parties|powers|leaders)\b/i;

/**
 * Whether the key is a filler count its own statement gives away ("Bilateral agreements ... between
 * _____ nations" → two): the issue asks never to blank a filler word. Too rarely rated to be fitted
 * (one rating, rejected), so the generator caps its estimate as it does a label's.
 */
export function impliedCount(prompt: string, answer: string): boolean {
  return /^(?:two|2|three|3)$/i.test(answer.trim()) && IMPLIED_COUNT.test(prompt);
}

/** "the _____ operation", "earning the _____ Nobel Prize": a year that only dates the thing it stands before. */
const ATTRIBUTIVE_YEAR = /_____\s+(?!(?:and|or|to|in|on|at|by|for|of|from|with|as|when|after|before|until|BCE|CE|BC|AD)\b)[\p{L}]/u;

/** "the _____ Nobel Prize", "the Nobel Prize in Chemistry in _____": the year of an award, beside the point it rewards. */
const PRIZE_YEAR = /_____\s+(?:\p{Lu}[\p{L}-]+\s+){0,2}(?:Prize|Award|Medal)\b|\b(?:Prize|Award|Medal)\b[^.;]{0,40}?_____/u;

/** The feature vector of a question, in QUALITY_FEATURES order. */
export function qualityFeatures(s: QualitySignals): number[] {
  const type = s.type === "true_false" ? `true_false:${s.truth ? "true" : "false"}` : s.type;
  const answerWords = wordsOf(s.answer);
  const content = answerWords.filter((w) => !STOPWORDS.has(w.toLowerCase()));
  const rarity = content.length === 0 ? 0 : Math.min(...content.map((w) => 7 - logFrequency(w.toLowerCase()))) / 7;
  const leadIn = LEAD_IN.exec(s.prompt)?.[0] ?? "";
  const statement = s.prompt.slice(leadIn.length);
  const said = statementTraits(statement);
  const leadWords = leadIn ? wordsOf(leadIn) : [];
  // The source sentence's shape counts where the prompt shows it (zeros for a question asked outright).
  const direct = s.type !== "true_false" && !s.prompt.includes(BLANK) && DIRECT.test(s.prompt);
  const sentence = direct ? NO_SENTENCE : sentenceTraits(s.sentence);
  // Pointers after the context are resolved by it; those in a lone statement are not (the lead-ins hold none).
  const pointers = s.withContext ? 0 : said.pointers;
  const lengths = s.options?.map((o) => wordsOf(o).length) ?? [];
  const capitals = new Set(s.options?.map((o) => /^\p{Lu}/u.test(o)) ?? []);
  const answerStems = content.filter((w) => w.length >= 5).map((w) => w.slice(0, 5).toLowerCase());
  const leadStems = stemsOf(leadWords, new Set());
  const features = new Array<number>(QUALITY_FEATURES.length);
  let i = 0;
  features[i++] = 1;
  for (const t of TYPES) features[i++] = t === type ? 1 : 0;
  for (const k of KINDS) features[i++] = k === s.kind ? 1 : 0;
  features[i++] = s.cue === "definition" ? 1 : 0;
  features[i++] = s.cue === "emphasis" ? 1 : 0;
  features[i++] = s.rankScore;
  features[i++] = s.withContext ? 1 : 0;
  features[i++] = Math.min((said.words + leadWords.length) / 40, 2);
  features[i++] = Math.min(sentence.words / 40, 2);
  features[i++] = Math.min(answerWords.length, 6) / 6;
  features[i++] = s.answerOpensSentence ? 1 : 0;
  features[i++] = rarity;
  features[i++] = content.length > 0 && content.every((w) => logFrequency(w.toLowerCase()) > 3) ? 1 : 0;
  features[i++] = /^\p{Lu}/u.test(s.answer) && !s.answerOpensSentence ? 1 : 0;
  features[i++] = Math.min(pointers, 3) / 3;
  features[i++] = content.some((w) => GENERIC.has(w.toLowerCase())) ? 1 : 0;
  features[i++] = sentence.startsLowercase ? 1 : 0;
  features[i++] = sentence.hasColon ? 1 : 0;
  features[i++] = lengths.length > 0 ? (Math.max(...lengths) - Math.min(...lengths)) / 6 : 0;
  features[i++] = capitals.size > 1 ? 1 : 0;
  features[i++] = said.blankAtEnd ? 1 : 0;
  features[i++] = said.blankBeforeParenthesis ? 1 : 0;
  features[i++] = said.blankInParentheses ? 1 : 0;
  features[i++] = sentence.labelForm ? 1 : 0;
  features[i++] = sentence.openingClause ? 1 : 0;
  features[i++] = s.options && s.type === "multiple_choice" && nestedOptions(s.options) ? 1 : 0;
  features[i++] = NUMBER_WORD.test(s.answer.trim()) ? 1 : 0;
  features[i++] = content.length > 0 && content.every((w) => titleWords(s.lessonTitle).has(w.toLowerCase())) ? 1 : 0;
  features[i++] = answerStems.some((stem) => said.stems.has(stem) || leadStems.has(stem)) ? 1 : 0;
  features[i++] = !s.withContext && said.definiteReference ? 1 : 0;
  features[i++] = s.kind === "expansion" && /^What does \S{1,2} stand for\?$/.test(s.prompt) ? 1 : 0;
  features[i++] = said.blankInList ? 1 : 0;
  features[i++] = Math.min(said.anchors, 5) / 5;
  features[i++] = sentence.plainness;
  features[i++] = / and /.test(s.answer) ? 1 : 0;
  features[i++] = (s.answer.match(/\d/g)?.length ?? 0) >= 5 ? 1 : 0;
  features[i++] = said.rangeEnd ? 1 : 0;
  features[i++] = direct ? 1 : 0;
  features[i++] = s.kind === "expansion" && wellKnown(s.prompt, s.answer) ? 1 : 0;
  features[i++] = s.kind === "expansion" && expansionInList(s.sentence, s.answer) ? 1 : 0;
  features[i++] = /^\d{4}$/.test(s.answer.trim()) && ATTRIBUTIVE_YEAR.test(statement) ? 1 : 0;
  features[i++] = /^\d{4}$/.test(s.answer.trim()) && PRIZE_YEAR.test(statement) ? 1 : 0;
  features[i++] = sentence.vagueness;
  return features;
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
