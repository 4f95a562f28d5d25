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
import { WordTable, lexiconTag, logFrequency, logFrequencyOfCodes } from "./nlp";
import fitted from "./quality.json" with { type: "json" };
import { BLANK, LEAD_IN } from "./rules";
import { STOPWORDS, forgetWithFoldings } from "./text";

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
  "prompt:asks-which",
  "prompt:asks-who",
  "cloze:phrase",
];

/** Pronouns and demonstratives that point outside the statement when nothing before resolves them. */
const POINTERS = new Set("it its they their them he she his her this these those such both former latter".split(" "));
/** No longer word is one of POINTERS, lower-cased (scanWords' characters keep their number when lower-cased). */
const LONGEST_POINTER = Math.max(...[...POINTERS].map((w) => w.length));
/** POINTERS by length, for comparing a word of the scanned text with them in place. */
const POINTERS_BY_LENGTH: string[][] = Array.from({ length: LONGEST_POINTER + 1 }, () => []);
for (const w of POINTERS) POINTERS_BY_LENGTH[w.length].push(w);

/**
 * Whether text[start, end), lower-cased, is one of POINTERS: compared character by character, without
 * the lower-cased word as a string. Only for scanWords' characters (each lower-cases to one character).
 */
function isPointerAt(codes: Uint16Array, start: number, end: number): boolean {
  if (end - start > LONGEST_POINTER) return false;
  outer: for (const pointer of POINTERS_BY_LENGTH[end - start]) {
    for (let k = 0; k < pointer.length; k++) if (LOWER_CASE[codes[start + k]] !== pointer.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}
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
 * BLANK_IN_LIST and RANGE_END, each tried only where a blank starts: every branch holds the blank, and
 * what a branch wants before it is asked behind it (a lookbehind), so a branch matches at some place
 * exactly when it matches at a blank. Either expression tried at every place of the statement cost
 * about as much as reading its words. (readStatement's test holds each to its expression.)
 */
const BLANK_IN_LIST_AT = /(?<=,\s*(?:and\s+|or\s+)?)_____|_____\s*,|(?<=\b(?:and|or)\s+)_____|_____\s+(?:and|or)\b|(?<=e\.g\.,?\s*)_____/y;
const RANGE_END_AT = /_____\s*(?:[–—-]|to\b)|(?<=(?:[–—-]|\bto)\s*)_____/y;

/** Whether `at` (a sticky expression) matches where one of the statement's blanks starts. */
function matchesAtBlank(at: RegExp, statement: string): boolean {
  for (let k = statement.indexOf(BLANK); k >= 0; k = statement.indexOf(BLANK, k + 1)) {
    at.lastIndex = k;
    if (at.test(statement)) return true;
  }
  return false;
}

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


/**
 * Two options of which one holds all the other's words ("John Hawkins", "Sir John Hawkins"). Lists
 * rather than sets: an option has a few words, and every word of a list in another is every word of its set.
 */
function nestedOptions(options: readonly string[]): boolean {
  for (let i = 0; i < options.length; i++) {
    const a = optionTraits(options[i]).lowerWords;
    if (a.length === 0) continue;
    for (let j = 0; j < options.length; j++) {
      if (i === j) continue;
      const b = optionTraits(options[j]).lowerWords;
      if (a.every((w) => b.includes(w))) return true;
    }
  }
  return false;
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Which characters WORD reads as word characters, and which of those are capitals, for Latin-1
 * and general punctuation (U+2000-U+206F: dashes, curly quotes). Text made only of these is read
 * here word by word without a string per word (scanWords), and lower-casing it goes character by
 * character, word characters to word characters; any other text is read by WORD itself.
 */
const WORD_CHARACTER = 1;
const CAPITAL = 2;
const GENERAL_PUNCTUATION_END = 0x2070;
const CHARACTER_CLASS = new Uint8Array(GENERAL_PUNCTUATION_END);
// Read off WORD itself: what it takes as a word of one character is a word character.
const ONE_CHARACTER_WORD = new RegExp(`^(?:${WORD.source})$`, "u");
for (let code = 0; code < GENERAL_PUNCTUATION_END; code++) {
  if (code > 0xff && code < 0x2000) continue;
  const ch = String.fromCharCode(code);
  CHARACTER_CLASS[code] = (ONE_CHARACTER_WORD.test(ch) ? WORD_CHARACTER : 0) | (/^\p{Lu}$/u.test(ch) ? CAPITAL : 0);
}

/** The lower case of each character CHARACTER_CLASS knows: one character each (toLowerCase of the character). */
const LOWER_CASE = new Uint16Array(GENERAL_PUNCTUATION_END);
for (let code = 0; code < GENERAL_PUNCTUATION_END; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  LOWER_CASE[code] = lower.length === 1 ? lower.charCodeAt(0) : 0xffff;
}

/** STOPWORDS, looked up in place by the words scanWords finds (a word's lower case is in it: 1). */
const STOPWORD_TABLE = new WordTable([...STOPWORDS], [...STOPWORDS].map(() => 1));
/** VAGUE, looked up in the same way. */
const VAGUE_TABLE = new WordTable([...VAGUE], [...VAGUE].map(() => 1));
/**
 * The lengths of the words in those tables: a word scanWords finds keeps its length lower-cased (its
 * characters lower-case one to one), so a word of another length is in neither and is not looked up.
 */
const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((w) => w.length));
const SHORTEST_VAGUE = Math.min(...[...VAGUE].map((w) => w.length));
const LONGEST_VAGUE = Math.max(...[...VAGUE].map((w) => w.length));

/** Scratch for scanWords: the start and end offset of each word found. */
let wordSpans = new Int32Array(512);

/**
 * The words of `text` as wordsOf finds them, as offsets written to wordSpans (word k spans
 * [wordSpans[2k], wordSpans[2k + 1])); returns their number, or -1 when the text holds a
 * character past the ones CHARACTER_CLASS knows.
 */
function scanWords(text: string): number {
  const n = text.length;
  // A word and the character after it take two characters at least: at most (n + 1) / 2 words.
  if (wordSpans.length < n + 2) wordSpans = new Int32Array(2 * n + 2);
  if (scannedCodes.length < n) scannedCodes = new Uint16Array(2 * n);
  const codes = scannedCodes;
  let count = 0;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    codes[i] = code;
    if (code > 0xff && (code < 0x2000 || code >= GENERAL_PUNCTUATION_END)) return -1;
    if ((CHARACTER_CLASS[code] & WORD_CHARACTER) !== 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      wordSpans[2 * count] = start;
      wordSpans[2 * count + 1] = i;
      count++;
      start = -1;
    }
  }
  if (start >= 0) {
    wordSpans[2 * count] = start;
    wordSpans[2 * count + 1] = n;
    count++;
  }
  return count;
}

/** Scratch for scanWords: the character codes of the text it read (as far as it read). */
let scannedCodes = new Uint16Array(512);

/** Whether codes[start, end) holds a digit 0-9. */
function hasDigitCode(codes: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (codes[i] >= 48 && codes[i] <= 57) return true;
  return false;
}

/** What a question's sentence says of it, the same for every question made from the sentence. */
export interface SentenceTraits {
  words: number;
  startsLowercase: boolean;
  hasColon: boolean;
  labelForm: boolean;
  openingClause: boolean;
  plainness: number;
  vagueness: number;
}

/** What a statement (the prompt after its lead-in) says, the same for every form that shows it. */
export interface StatementTraits {
  words: number;
  pointers: number;
  /**
   * The first five letters of each word of five or more letters, lower-cased (see hasStem): as a set, or,
   * for a statement scanWords read, as the offsets of those words in `text`, without a string per word.
   */
  stems: Set<string> | null;
  longWordStarts: number[] | null;
  text: string;
  definiteReference: boolean;
  anchors: number;
  blankAtEnd: boolean;
  blankBeforeParenthesis: boolean;
  blankInParentheses: boolean;
  blankInList: boolean;
  rangeEnd: boolean;
}

/** What a key says of its question, the same for every form that asks it (a true/false asks "True" or "False"). */
interface AnswerTraits {
  words: number;
  /** The words that are not stopwords, as written. */
  content: string[];
  /** The same, lower-cased. */
  contentLower: string[];
  rarity: number;
  commonWord: boolean;
  capitalised: boolean;
  generic: boolean;
  numberWord: boolean;
  /** The first five letters of each content word of five or more letters, lower-cased. */
  stems: string[];
  conjoined: boolean;
  longNumber: boolean;
  /** Four digits and nothing else (a year). */
  fourDigits: boolean;
}

/** What a lead-in ("True or false: ", "Which year fills the blank? ") adds to the statement after it. */
interface LeadInTraits {
  words: number;
  stems: Set<string>;
}

/** What the features read of an option. */
interface OptionTraits {
  words: number;
  capitalised: boolean;
  /** wordsOf(option.toLowerCase()). */
  lowerWords: string[];
}

/**
 * The last few values asked for, by key: the forms of one fact are estimated one after another and
 * share its key and statement, and a value no longer asked for dies young rather than outliving
 * the document in a map (where the collector copied it twice and kept it as old garbage).
 */
class Recent<T> {
  private readonly keys: string[] = ["", "", "", ""];
  private readonly values: Array<T | undefined> = [undefined, undefined, undefined, undefined];
  private next = 0;

  get(key: string): T | undefined {
    for (let k = 0; k < 4; k++) if (this.keys[k] === key) return this.values[k];
    return undefined;
  }

  set(key: string, value: T): T {
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) & 3;
    return value;
  }

  clear(): void {
    this.keys.fill("");
    this.values.fill(undefined);
  }
}

/**
 * The traits of sentences, statements, keys, lead-ins and options, kept while the questions of a
 * few sentences are scored: the forms of one fact share its key and statement (the last few are
 * kept), the facts of one sentence its traits, and a pool's options recur across facts. Bounded
 * (emptied when full) and emptied with the generator's foldings at each document, so that no
 * document is estimated from another's memo.
 */
const sentenceTraitsMemo = new Map<string, SentenceTraits>();
const statementTraitsMemo = new Recent<StatementTraits>();
const answerTraitsMemo = new Recent<AnswerTraits>();
const leadInTraitsMemo = new Map<string, LeadInTraits>();
const optionTraitsMemo = new Map<string, OptionTraits>();
const MEMO_LIMIT = 4096;
forgetWithFoldings(() => {
  sentenceTraitsMemo.clear();
  statementTraitsMemo.clear();
  answerTraitsMemo.clear();
  leadInTraitsMemo.clear();
  optionTraitsMemo.clear();
  titleWordCache.clear();
});

/** Stores a memo's new value (no closure to make it: the lookups run several times per question). */
function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const NO_SENTENCE: SentenceTraits = { words: 0, startsLowercase: false, hasColon: false, labelForm: false, openingClause: false, plainness: 0, vagueness: 0 };

function sentenceTraits(sentence: string): SentenceTraits {
  return sentenceTraitsMemo.get(sentence) ?? remember(sentenceTraitsMemo, sentence, readSentence(sentence));
}

/** A sentence's traits, its words read by scanWords where it can (`scan`), else by WORD: the same traits either way. */
export function readSentence(sentence: string, scan = true): SentenceTraits {
  const trimmed = sentence.trim();
  let words: number;
  let plain: number;
  let vague: number;
  const count = scan ? scanWords(sentence) : -1;
  if (count < 0) {
    words = wordsOf(sentence).length;
    plain = plainness(sentence);
    vague = vagueness(sentence);
  } else {
    // plainness and vagueness, word by word: lower-casing these characters one by one cuts no word differently.
    words = count;
    let sum = 0;
    let content = 0;
    let vagueWords = 0;
    for (let k = 0; k < count; k++) {
      const start = wordSpans[2 * k];
      const end = wordSpans[2 * k + 1];
      const length = end - start;
      // The sentence's characters as scanWords read them: the same words, looked up the same way.
      const codes = scannedCodes;
      if (hasDigitCode(codes, start, end) || (length <= LONGEST_STOPWORD && STOPWORD_TABLE.getCodes(codes, sentence, start, end, 0) === 1)) continue;
      sum += logFrequencyOfCodes(codes, sentence, start, end);
      if (length >= SHORTEST_VAGUE && length <= LONGEST_VAGUE && VAGUE_TABLE.getCodes(codes, sentence, start, end, 0) === 1) vagueWords++;
      content++;
    }
    plain = content === 0 ? 0 : sum / content / 7;
    vague = content === 0 ? 0 : vagueWords / content;
  }
  return {
    words,
    startsLowercase: /^\p{Ll}/u.test(trimmed),
    hasColon: sentence.includes(":"),
    labelForm: LABEL_FORM.test(trimmed),
    openingClause: OPENING_CLAUSE.test(trimmed),
    plainness: plain,
    vagueness: vague,
  };
}

function answerTraits(answer: string): AnswerTraits {
  const known = answerTraitsMemo.get(answer);
  if (known !== undefined) return known;
  const answerWords = wordsOf(answer);
  const content: string[] = [];
  const contentLower: string[] = [];
  for (const w of answerWords) {
    const lower = w.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    content.push(w);
    contentLower.push(lower);
  }
  // The smallest of 7 - frequency, as Math.min over all of them gives it.
  let rarest = Infinity;
  let commonWord = content.length > 0;
  for (const lower of contentLower) {
    const frequency = logFrequency(lower);
    rarest = Math.min(rarest, 7 - frequency);
    if (!(frequency > 3)) commonWord = false;
  }
  const stems: string[] = [];
  for (const w of content) if (w.length >= 5) stems.push(w.slice(0, 5).toLowerCase());
  return answerTraitsMemo.set(answer, {
    words: answerWords.length,
    content,
    contentLower,
    rarity: content.length === 0 ? 0 : rarest / 7,
    commonWord,
    capitalised: /^\p{Lu}/u.test(answer),
    generic: contentLower.some((w) => GENERIC.has(w)),
    numberWord: NUMBER_WORD.test(answer.trim()),
    stems,
    conjoined: / and /.test(answer),
    longNumber: (answer.match(/\d/g)?.length ?? 0) >= 5,
    fourDigits: /^\d{4}$/.test(answer.trim()),
  });
}

function leadInTraits(leadIn: string): LeadInTraits {
  const known = leadInTraitsMemo.get(leadIn);
  if (known !== undefined) return known;
  const words = leadIn ? wordsOf(leadIn) : [];
  return remember(leadInTraitsMemo, leadIn, { words: words.length, stems: stemsOf(words, new Set()) });
}

function optionTraits(option: string): OptionTraits {
  const known = optionTraitsMemo.get(option);
  if (known !== undefined) return known;
  return remember(optionTraitsMemo, option, {
    words: wordsOf(option).length,
    capitalised: /^\p{Lu}/u.test(option),
    lowerWords: wordsOf(option.toLowerCase()),
  });
}

/** Whether one of the statement's stems is `stem`: a word of five letters or more opens on it, lower-cased. */
export function hasStem(said: StatementTraits, stem: string): boolean {
  if (said.stems !== null) return said.stems.has(stem);
  // Lower-casing scanWords' characters one by one is lower-casing them together: a stem of theirs has five.
  if (stem.length !== 5) return false;
  const text = said.text;
  const starts = said.longWordStarts!;
  outer: for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    for (let j = 0; j < 5; j++) if (LOWER_CASE[text.charCodeAt(at + j)] !== stem.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function stemsOf(words: readonly string[], into: Set<string>): Set<string> {
  for (const w of words) if (w.length >= 5) into.add(w.slice(0, 5).toLowerCase());
  return into;
}

function statementTraits(statement: string): StatementTraits {
  return statementTraitsMemo.get(statement) ?? statementTraitsMemo.set(statement, readStatement(statement));
}

/**
 * A statement's traits, its words read by scanWords where it can (`scan`), else by WORD, and its blank's
 * neighbours read at the blank (`scan`), else by the expressions over the whole statement. Both give the
 * same traits (exported for the test that holds them together).
 */
export function readStatement(statement: string, scan = true): StatementTraits {
  const trimmed = statement.trim();
  const blankAt = trimmed.indexOf(BLANK);
  let wordCount: number;
  let pointers = 0;
  let anchorCount = 0;
  let stems: Set<string> | null;
  let longWordStarts: number[] | null = null;
  const count = scan ? scanWords(statement) : -1;
  if (count < 0) {
    const words = wordsOf(statement);
    wordCount = words.length;
    for (const w of words) if (POINTERS.has(w.toLowerCase())) pointers++;
    stems = stemsOf(words, new Set());
    anchorCount = anchors(statement);
  } else {
    // The same counts from the words' offsets. The blank is no word character: the words of the
    // statement with its blank made a space (what anchors reads) are the statement's words.
    wordCount = count;
    stems = null;
    longWordStarts = [];
    // The statement's characters as scanWords read them.
    const codes = scannedCodes;
    for (let k = 0; k < count; k++) {
      const start = wordSpans[2 * k];
      const end = wordSpans[2 * k + 1];
      if (isPointerAt(codes, start, end)) pointers++;
      if (end - start >= 5) longWordStarts.push(start);
      if ((k > 0 && (CHARACTER_CLASS[codes[start]] & CAPITAL) !== 0) || hasDigitCode(codes, start, end)) anchorCount++;
    }
  }
  return {
    words: wordCount,
    pointers,
    stems,
    longWordStarts,
    text: statement,
    definiteReference: DEFINITE_REFERENCE.test(statement),
    anchors: anchorCount,
    blankAtEnd: blankAt >= 0 && trimmed.length - blankAt - BLANK.length <= 2,
    blankBeforeParenthesis: statement.includes(`${BLANK} (`),
    blankInParentheses: statement.includes(`(${BLANK}`),
    // Both expressions look for a blank (a statement of true/false has none).
    blankInList: blankAt >= 0 && (scan ? matchesAtBlank(BLANK_IN_LIST_AT, statement) : BLANK_IN_LIST.test(statement)),
    rangeEnd: blankAt >= 0 && (scan ? matchesAtBlank(RANGE_END_AT, statement) : RANGE_END.test(statement)),
  };
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
 * "the _____, B and C"); not an example set off by commas ("such as the _____, the UN provides..."), nor a
 * participle's phrase about the name before a clause ("the _____, adopted in 1982, and member states moved...").
 */
const COMMA_LIST_SLOT =
  /,\s*(?:the\s+)?_____\s*(?:,|\s(?:and|or)\b)|,[^,.;]{1,60}\s(?:and|or)\s+(?:the\s+)?_____|_____\s*,\s*(?=\S)(?!(?:\p{Ll}+ed|known|founded|set|held|built|made|written|given|taken|seen|led|won|begun|formed|chosen)\s)[^,.;]{1,40},\s*(?:and|or)\s/u;

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

/** "Which organisation has...?", "In Europe, which organisation...?", "Who founded...?" (which.ts). */
const ASKS_WHICH = /^(?:[^,?]{1,60},\s)?(?:[Ww]hich\s\p{L}+|Who)\s/u;

const WHO = /^Who\s/;

/** The feature vector of a question, in QUALITY_FEATURES order. */
export function qualityFeatures<F extends number[] | Float64Array = number[]>(
  s: QualitySignals,
  features: F = new Array<number>(QUALITY_FEATURES.length) as F,
): F {
  const type = s.type === "true_false" ? (s.truth ? "true_false:true" : "true_false:false") : s.type;
  const answer = answerTraits(s.answer);
  const content = answer.content;
  const leadIn = LEAD_IN.exec(s.prompt)?.[0] ?? "";
  const statement = s.prompt.slice(leadIn.length);
  const said = statementTraits(statement);
  const lead = leadInTraits(leadIn);
  // The source sentence's shape counts where the prompt shows it (zeros for a question asked outright).
  const direct = s.type !== "true_false" && !s.prompt.includes(BLANK) && DIRECT.test(s.prompt);
  // A question asking for a name by what its sentence says of it shows the sentence, reworded at its opening only.
  const asksWhich = direct && ASKS_WHICH.test(s.prompt);
  const sentence = direct && !asksWhich ? NO_SENTENCE : sentenceTraits(s.sentence);
  // Pointers after the context are resolved by it; those in a lone statement are not (the lead-ins hold none).
  const pointers = s.withContext ? 0 : said.pointers;
  // The options' spread of lengths, and whether some but not all open on a capital.
  let longest = -Infinity;
  let shortest = Infinity;
  let capitalOpening = false;
  let smallOpening = false;
  for (const o of s.options ?? []) {
    const option = optionTraits(o);
    longest = Math.max(longest, option.words);
    shortest = Math.min(shortest, option.words);
    if (option.capitalised) capitalOpening = true;
    else smallOpening = true;
  }
  const answerStems = answer.stems;
  const leadStems = lead.stems;
  let i = 0;
  features[i++] = 1;
  for (const t of TYPES) features[i++] = t === type ? 1 : 0;
  for (const k of KINDS) features[i++] = k === s.kind ? 1 : 0;
  features[i++] = s.cue === "definition" ? 1 : 0;
  features[i++] = s.cue === "emphasis" ? 1 : 0;
  features[i++] = s.rankScore;
  features[i++] = s.withContext ? 1 : 0;
  features[i++] = Math.min((said.words + lead.words) / 40, 2);
  features[i++] = Math.min(sentence.words / 40, 2);
  features[i++] = Math.min(answer.words, 6) / 6;
  features[i++] = s.answerOpensSentence ? 1 : 0;
  features[i++] = answer.rarity;
  features[i++] = answer.commonWord ? 1 : 0;
  features[i++] = answer.capitalised && !s.answerOpensSentence ? 1 : 0;
  features[i++] = Math.min(pointers, 3) / 3;
  features[i++] = answer.generic ? 1 : 0;
  features[i++] = sentence.startsLowercase ? 1 : 0;
  features[i++] = sentence.hasColon ? 1 : 0;
  features[i++] = s.options !== undefined && s.options.length > 0 ? (longest - shortest) / 6 : 0;
  features[i++] = capitalOpening && smallOpening ? 1 : 0;
  features[i++] = said.blankAtEnd ? 1 : 0;
  features[i++] = said.blankBeforeParenthesis ? 1 : 0;
  features[i++] = said.blankInParentheses ? 1 : 0;
  features[i++] = sentence.labelForm ? 1 : 0;
  features[i++] = sentence.openingClause ? 1 : 0;
  features[i++] = s.options && s.type === "multiple_choice" && nestedOptions(s.options) ? 1 : 0;
  features[i++] = answer.numberWord ? 1 : 0;
  features[i++] = content.length > 0 && answer.contentLower.every((w) => titleWords(s.lessonTitle).has(w)) ? 1 : 0;
  features[i++] = answerStems.some((stem) => hasStem(said, stem) || leadStems.has(stem)) ? 1 : 0;
  features[i++] = !s.withContext && said.definiteReference ? 1 : 0;
  features[i++] = s.kind === "expansion" && /^What does \S{1,2} stand for\?$/.test(s.prompt) ? 1 : 0;
  features[i++] = said.blankInList ? 1 : 0;
  features[i++] = Math.min(said.anchors, 5) / 5;
  features[i++] = sentence.plainness;
  features[i++] = answer.conjoined ? 1 : 0;
  features[i++] = answer.longNumber ? 1 : 0;
  features[i++] = said.rangeEnd ? 1 : 0;
  features[i++] = direct && !asksWhich ? 1 : 0;
  features[i++] = s.kind === "expansion" && wellKnown(s.prompt, s.answer) ? 1 : 0;
  features[i++] = s.kind === "expansion" && expansionInList(s.sentence, s.answer) ? 1 : 0;
  features[i++] = answer.fourDigits && ATTRIBUTIVE_YEAR.test(statement) ? 1 : 0;
  features[i++] = answer.fourDigits && PRIZE_YEAR.test(statement) ? 1 : 0;
  features[i++] = sentence.vagueness;
  features[i++] = asksWhich && !WHO.test(s.prompt) ? 1 : 0;
  features[i++] = asksWhich && WHO.test(s.prompt) ? 1 : 0;
  // A noun phrase blanked with no cue to its type ("the East India Company's _____ steamer", "terrorism and _____"):
  // raters accepted 8 of 26 such clozes the fit without this feature estimated at 0.5 or more.
  features[i++] = s.type === "cloze" && s.kind === "phrase" ? 1 : 0;
  // A reused vector (acceptance's) would keep a stale value in a slot left unwritten.
  if (i !== QUALITY_FEATURES.length) throw new Error(`quality features: ${i} written, ${QUALITY_FEATURES.length} named`);
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

/** Scratch for acceptance's feature vector: every slot is written for each question. */
const scratchFeatures = new Float64Array(QUALITY_FEATURES.length);

/** The estimated probability that a teacher accepts the question, in (0, 1). */
export function acceptance(s: QualitySignals): number {
  return logistic(qualityFeatures(s, scratchFeatures), weights);
}

export function logistic(features: ArrayLike<number>, w: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i] * (w[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
