/**
 * Small text helpers shared by the generator: answer normalisation (SQuAD's
 * folding, which keys the generator's indexes; what a learner's answer means
 * is folded in app/questions/fold.ts), word sets, and word-boundary search.
 */

export const STOPWORDS = new Set(
  (
    "a an the and or but nor of in on at to for from by with as is are was were be been being am do does did " +
    "has have had having it its it's this that these those they them their there here he she his her him we us our " +
    "you your i me my not no yes so than then too very can could will would shall should may might must " +
    "which who whom whose what when where why how all any both each few more most other some such only own same " +
    "just also into over under about above below up down out off again further once while during before after " +
    "between through against among per via if because until upon within without"
  ).split(" "),
);

/** Words that make a sentence lean on what came before it. */
/** The months' names, for expressions that read dates ("In _____ and October 1835", "22 and 24 October"). */
export const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";

export const CONTEXT_OPENERS = new Set(
  "this these it its they their them such he she his her those that there here".split(" "),
);

const folded = new Map<string, string>();
const ARTICLES = new Set(["a", "an", "the"]);

/** SQuAD-style folding: lower case, no punctuation, no articles, single spaces. */
export function normaliseAnswer(text: string): string {
  let out = folded.get(text);
  if (out !== undefined) return out;
  out = fold(text);
  // A bounded memo: the same answers and sentences are folded many times over.
  if (folded.size > 20_000) folded.clear();
  folded.set(text, out);
  return out;
}

/** normaliseAnswer for text folded once only (a falsified statement): no memo entry that would only be written. */
export function normaliseOnce(text: string): string {
  return fold(text);
}

function fold(text: string): string {
  let lower = text.toLowerCase();
  if (lower.includes("'") || lower.includes("’")) lower = lower.replace(/[’']s\b/g, "");
  return foldLatin1(lower) ?? foldUnicode(lower);
}

/**
 * The set of words(text), for text folded once only (a question's prompt): no
 * memo entry, no list of words on the way.
 */
export function wordSet(text: string): Set<string> {
  const out = new Set<string>();
  const folded = fold(text);
  if (folded === "") return out;
  let from = 0;
  for (let space = folded.indexOf(" "); space >= 0; space = folded.indexOf(" ", from)) {
    out.add(folded.slice(from, space));
    from = space + 1;
  }
  out.add(folded.slice(from));
  return out;
}

/** Scratch for foldLatin1's output bytes, grown as needed. */
let foldBytes = Buffer.alloc(1024);

/**
 * Which of the characters up to U+00FF are letters or digits (\p{L}, \p{N}): a-z,
 * 0-9, and Latin-1's letters (à, é, ß...) and digits (², ½...). Lower-casing
 * keeps Latin-1 within Latin-1, and general punctuation (U+2000-U+206F: dashes,
 * curly quotes) holds none.
 */
const LATIN1_WORD = new Uint8Array(256);
for (let code = 0; code < 256; code++) LATIN1_WORD[code] = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 0;

function isGeneralPunctuation(code: number): boolean {
  return code >= 0x2000 && code <= 0x206f;
}

/**
 * Whether lower-casing `text` goes character by character and stays within the
 * characters foldLatin1 reads: Latin-1 and general punctuation. (Not so of, say,
 * a Greek capital sigma, which lower-cases by what follows it.)
 */
export function foldsByCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff && !isGeneralPunctuation(code)) return false;
  }
  return true;
}

/**
 * The folding of a text by one pass over its characters; null when it holds a
 * character past Latin-1 other than general punctuation (the regular
 * expressions of foldUnicode fold those). An article's dash or accented name
 * no longer sends a whole sentence down the slow path.
 * The folded bytes are written into one scratch buffer and read out as one string: a
 * string per word joined one by one made a string per step, and on material the memo
 * has not seen, that garbage cost more than the folding. Text that is folded already
 * (most answers: "united nations", "1948") is returned as it is.
 * No closures inside: under tsx (keepNames) every closure made costs a defineProperty call.
 */
function foldLatin1(lower: string): string | null {
  const n = lower.length;
  if (foldBytes.length < n) foldBytes = Buffer.alloc(2 * n);
  const bytes = foldBytes;
  let out = 0;
  /** Where the word being read starts in the output; -1 between words. */
  let wordStart = -1;
  /**
   * A separator other than one space was met. Otherwise the output is the input
   * exactly when no character was dropped (no space too many, no article).
   */
  let otherSeparator = false;
  // One step past the end, as a space: it ends the last word.
  for (let i = 0; i <= n; i++) {
    let code = i < n ? lower.charCodeAt(i) : 32;
    if (code > 0xff) {
      if (!isGeneralPunctuation(code)) return null;
      code = 32;
      otherSeparator = true;
    }
    if (LATIN1_WORD[code] === 1) {
      if (wordStart < 0) {
        if (out > 0) bytes[out++] = 32;
        wordStart = out;
      }
      bytes[out++] = code;
    } else {
      if (code !== 32) otherSeparator = true;
      if (wordStart >= 0 && isArticle(bytes, wordStart, out)) out = wordStart > 0 ? wordStart - 1 : 0;
      wordStart = -1;
    }
  }
  return otherSeparator || out !== n ? bytes.toString("latin1", 0, out) : lower;
}

/** Whether bytes[from, to) spell one of ARTICLES ("a", "an", "the"), read as bytes. */
function isArticle(bytes: Buffer, from: number, to: number): boolean {
  switch (to - from) {
    case 1:
      return bytes[from] === 97;
    case 2:
      return bytes[from] === 97 && bytes[from + 1] === 110;
    case 3:
      return bytes[from] === 116 && bytes[from + 1] === 104 && bytes[from + 2] === 101;
    default:
      return false;
  }
}

function foldUnicode(lower: string): string {
  return lower
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w !== "" && !ARTICLES.has(w))
    .join(" ");
}

const wordLists = new Map<string, readonly string[]>();
const formLists = new Map<string, readonly string[]>();

/** A bounded memo: prompts, answers and sentences are split many times over. */
function remember(memo: Map<string, readonly string[]>, text: string, value: readonly string[]): readonly string[] {
  if (memo.size > 20_000) memo.clear();
  memo.set(text, value);
  return value;
}

/**
 * Empties the memos of foldings, words and forms. The generator calls it as it
 * starts each document: the memos serve the repeats within one document, and a
 * course rarely repeats another document's sentences. Kept across documents,
 * they made a course of copies of the same articles (the ingestion benchmark's)
 * look a fifth faster than material the memos have not seen.
 */
export function forgetFoldings(): void {
  folded.clear();
  wordLists.clear();
  formLists.clear();
  for (const forget of documentMemos) forget();
}

/** The other generator modules' per-document memos, emptied with these. */
const documentMemos: Array<() => void> = [];

/** Has `forget` called whenever the foldings are forgotten: a memo of text that must not outlive its document. */
export function forgetWithFoldings(forget: () => void): void {
  documentMemos.push(forget);
}

/** The folded words of a text. Shared between callers: never mutate it. */
export function words(text: string): readonly string[] {
  const known = wordLists.get(text);
  if (known !== undefined) return known;
  const folded = normaliseAnswer(text);
  return remember(wordLists, text, folded ? folded.split(" ") : []);
}

/** A word's plural/possessive-free form, so "forces" and "force" count as one form. */
export function wordForm(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("es") && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Whether the word sequence `needle` occurs in `haystack` (both already folded to forms). */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The word forms of a text. Shared between callers: never mutate it. */
export function forms(text: string): readonly string[] {
  const known = formLists.get(text);
  if (known !== undefined) return known;
  return remember(formLists, text, words(text).map(wordForm));
}

const isWordChar = (code: number): boolean => {
  // ASCII fast path; anything else asks the Unicode classes.
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
};

/** Offsets of whole-word occurrences of `phrase` in `text` (case-sensitive). */
export function findWholeWord(text: string, phrase: string): number[] {
  const out: number[] = [];
  if (phrase === "") return out;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : -1;
    const after = at + phrase.length < text.length ? text.charCodeAt(at + phrase.length) : -1;
    if ((before < 0 || !isWordChar(before)) && (after < 0 || !isWordChar(after))) out.push(at);
  }
  return out;
}

/** Token F1 between two answers after normalisation (the SQuAD measure). */
export function tokenF1(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of y) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of x) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / x.length;
  const r = common / y.length;
  return (2 * p * r) / (p + r);
}
