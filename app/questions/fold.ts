/**
 * The comparable form of an answer, said once: grading, the generator's
 * accepted variants and option checks all fold a text here, so "U.S.A.",
 * "usa" and "U.S.A" are one answer everywhere. Also the measures built on
 * it: the spaceless form, the consonant skeleton of a name, and the
 * Damerau–Levenshtein distance between two folded texts. Pure.
 */

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;
/** Letters that Unicode does not decompose into a base letter and a mark. */
const PLAIN_LETTERS: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ł: "l", þ: "th", ð: "d", ı: "i" };

/**
 * Lower case, no diacritics, "&" read as "and", apostrophes and full stops
 * dropped (U.S.A. = USA, Qa'ida = Qaida), other punctuation as spaces, one
 * leading article dropped, spaces collapsed.
 */
export function foldAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[øæœßđłþðı]/g, (letter) => PLAIN_LETTERS[letter]!)
    .replace(/&/g, " and ")
    .replace(/['’‘`´ʼ.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(LEADING_ARTICLE, "");
}

/** The folded text without its spaces: "well-known" = "well known" = "wellknown". */
export function compactFold(text: string): string {
  return foldAnswer(text).replace(/ /g, "");
}

/** Whether two texts are the same answer once folded (spaces aside). */
export function sameAnswer(a: string, b: string): boolean {
  const fa = compactFold(a);
  return fa !== "" && fa === compactFold(b);
}

/**
 * A name's consonant skeleton: its first letter, then its consonants with
 * doubled ones once ("al-Qaeda" and "al-Qa'ida" are both "alqd",
 * "Mohammed" and "Muhammad" both "mhmd"). Spellings of one name that the
 * material uses share it; the generator still asks for a small edit distance.
 */
export function consonantSkeleton(text: string): string {
  return skeletonOfFolded(compactFold(text));
}

/** consonantSkeleton of a text folded already (compactFold). */
export function skeletonOfFolded(compact: string): string {
  if (compact === "") return "";
  const rest = compact.slice(1).replace(/[aeiouy]/g, "").replace(/(.)\1+/g, "$1");
  return compact[0] + rest;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: an adjacent swap
 * is one edit), stopping early past `limit` (it then returns limit + 1).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let twoBack = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoBack[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}

/**
 * How many slipped letters a typed answer of this many letters may have and
 * still count: one from five letters, two from ten; none below five.
 */
export function allowedSlips(letters: number): number {
  if (letters >= 10) return 2;
  if (letters >= 5) return 1;
  return 0;
}
