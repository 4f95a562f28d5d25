/**
 * Small text helpers shared by the generator: answer normalisation (the same
 * folding SQuAD and the grader use), word sets, and word-boundary search.
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
export const CONTEXT_OPENERS = new Set(
  "this these it its they their them such he she his her those that there here".split(" "),
);

const folded = new Map<string, string>();
const ARTICLES = new Set(["a", "an", "the"]);

/** SQuAD-style folding: lower case, no punctuation, no articles, single spaces. */
export function normaliseAnswer(text: string): string {
  let out = folded.get(text);
  if (out !== undefined) return out;
  const lower = text.toLowerCase().replace(/[’']s\b/g, "");
  // eslint-disable-next-line no-control-regex
  const bare = /^[\x00-\x7f]*$/.test(lower) ? lower.replace(/[^a-z0-9]+/g, " ") : lower.replace(/[^\p{L}\p{N}]+/gu, " ");
  out = bare
    .split(" ")
    .filter((w) => w !== "" && !ARTICLES.has(w))
    .join(" ");
  // A bounded memo: the same answers and sentences are folded many times over.
  if (folded.size > 100_000) folded.clear();
  folded.set(text, out);
  return out;
}

export function words(text: string): string[] {
  const folded = normaliseAnswer(text);
  return folded ? folded.split(" ") : [];
}

/** A word's plural/possessive-free form, so "forces" and "force" count as one form. */
export function wordForm(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("es") && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Whether the word sequence `needle` occurs in `haystack` (both already folded to forms). */
export function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function forms(text: string): string[] {
  return words(text).map(wordForm);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Offsets of whole-word occurrences of `phrase` in `text` (case-sensitive). */
export function findWholeWord(text: string, phrase: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, "gu");
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
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
