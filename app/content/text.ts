/**
 * Small text helpers shared by the ingestion stages: whitespace, word counts,
 * sentence shape, slugs, reading time and the removal of stray markup.
 */

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most lines and blocks are collapsed already: test before copying (it runs on every one, several times).
  if (!NOT_COLLAPSED.test(text)) return text;
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Any white space but a single inner space: a character other than " ", two spaces, or a space at either end. */
const NOT_COLLAPSED = /[^\S ]|\u200b| {2}|^ | $/;

/**
 * Whitespace-separated words; a plain loop, because it runs on every paragraph
 * several times. With `limit`, counting stops past it (enough for "is it short?").
 */
export function wordCount(text: string, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII (most characters of most texts) is never a space: one range test, not six.
    // (Written out in its own branch: measured faster than one condition joining both tests.)
    if (c > 32 && c < 0x7f) {
      if (!inWord) {
        inWord = true;
        if (++count > limit) return count;
      }
      continue;
    }
    if (isWordSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++count > limit) return count;
    }
  }
  return count;
}

/** The characters wordCount splits words at. */
function isWordSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const TRAILING_CLOSERS = /["'”’»)\]]+$/;

/** True when a line ends like a sentence or a clause (., !, ;, :, ,, …) rather than like a title. */
export function endsLikeSentence(text: string): boolean {
  const stripped = text.trimEnd().replace(TRAILING_CLOSERS, "");
  return /[.!;:,…]$/.test(stripped);
}

export function endsWithQuestionMark(text: string): boolean {
  return /\?$/.test(text.trimEnd().replace(TRAILING_CLOSERS, ""));
}

/** True when the first letter-or-digit of the text is an upper-case letter or a digit. */
export function startsCapitalised(text: string): boolean {
  const first = text.match(/[\p{L}\p{N}]/u);
  if (!first) return false;
  const ch = first[0];
  return /\p{N}/u.test(ch) || (ch === ch.toUpperCase() && ch !== ch.toLowerCase());
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case, accent-free, punctuation-free form used to compare titles and bodies. */
export function normaliseForComparison(text: string): string {
  // Decomposing accents is costly; ASCII text has none to strip. In lower-case ASCII the
  // letters and digits are exactly a-z and 0-9, and on short texts such as headings the
  // plain class replaces about three times as fast as the Unicode properties.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A URL-safe slug; never empty. */
export function slugify(text: string): string {
  const slug = normaliseForComparison(text).replace(/\s+/g, "-").slice(0, 80).replace(/-+$/, "");
  return slug || "section";
}

/** Makes `slug` unique against `taken` by appending -2, -3, ...; records the result. */
export function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Adult silent reading of expository text: about 200 words a minute. */
const WORDS_PER_MINUTE = 200;

/** Whole minutes, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.ceil(wordCount(text) / WORDS_PER_MINUTE));
}

/**
 * HTML element names: text that looks like one of these tags is markup that
 * escaped the parser (or was pasted into plain text) and is never shown.
 */
const HTML_TAG_NAMES =
  "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|marquee|math|menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|samp|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|u|ul|var|video|wbr";

const MARKUP_TAG = new RegExp(`</?(?:${HTML_TAG_NAMES})(?:\\s[^<>]*)?/?>`, "gi");
const HIDDEN_ELEMENT_START = /<(script|style|noscript|template|iframe)\b/iy;

/** Removes script/style elements, HTML comments and anything shaped like an HTML tag. */
export function stripMarkup(text: string): string {
  if (!text.includes("<")) return text;
  return removeHiddenElements(text).replace(MARKUP_TAG, " ");
}

/**
 * Drops <script>…</script> (and style, noscript, template, iframe) and <!-- … -->
 * with their content. Written as a forward scan, not a lazy regex: an opening
 * tag that is never closed must cost one search, not one per occurrence.
 * An unclosed element or comment runs to the end of the text, as in a browser.
 */
export function removeHiddenElements(text: string): string {
  const lower = text.toLowerCase();
  const parts: string[] = [];
  let kept = 0;
  let at = 0;
  while (at < text.length) {
    const lt = lower.indexOf("<", at);
    if (lt < 0) break;
    let closer: string | null = null;
    if (lower.startsWith("<!--", lt)) closer = "-->";
    else {
      HIDDEN_ELEMENT_START.lastIndex = lt;
      const open = HIDDEN_ELEMENT_START.exec(lower);
      if (open) closer = `</${open[1]}`;
    }
    if (closer === null) {
      at = lt + 1;
      continue;
    }
    parts.push(text.slice(kept, lt), " ");
    const end = lower.indexOf(closer, lt + 4);
    if (end < 0) {
      kept = text.length;
      break;
    }
    const close = closer === "-->" ? end + 3 : lower.indexOf(">", end);
    kept = at = close < 0 ? text.length : close + (closer === "-->" ? 0 : 1);
  }
  if (kept === 0) return text;
  parts.push(text.slice(kept));
  return parts.join("");
}

/** Small function words that stay lower-case in Title Case headings. */
export const MINOR_WORDS = new Set(
  "a an and as at but by for from in into nor of on or over per than the to up via vs with without within about after against among between during through under upon whose".split(
    " ",
  ),
);

/** Lower-case words worth comparing between headings and text (no function words, no numbers). */
export function contentWords(text: string): string[] {
  const lower = text.toLowerCase();
  // In lower-case ASCII the letters and digits are exactly a-z and 0-9, and the plain
  // class matches about twice as fast as the Unicode properties (it runs on every block).
  const found = NON_ASCII.test(lower) ? lower.match(/[\p{L}\p{N}]+/gu) : lower.match(/[a-z0-9]+/g);
  const out: string[] = [];
  // A loop rather than filter() and a regular expression per word: this runs over every word of every block.
  if (found !== null) for (const w of found) if (isContentWord(w)) out.push(w);
  return out;
}

/** A lower-case word contentWords keeps: longer than two letters, not a function word, not a number. */
function isContentWord(word: string): boolean {
  return word.length > 2 && !FUNCTION_WORDS.has(word) && !isAsciiDigits(word);
}

const WORD_AT = /[a-z0-9]+/y;
const UNICODE_WORD_AT = /[\p{L}\p{N}]+/uy;
const NEXT_WORD = /[a-z0-9]+/g;
const NEXT_UNICODE_WORD = /[\p{L}\p{N}]+/gu;
const UNICODE_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Finds stems among the words of a text, as contentWords and stem see them. */
export interface StemSearch {
  /** Whether a word has the stem. */
  has(stem: string): boolean;
  /** Whether consecutive words have these stems, in this order (words contentWords drops in between do not count). */
  hasPhrase(stems: string[]): boolean;
  /** Every stem of the text's words. */
  stems(): Iterable<string>;
}

/** Searches of one text before its words are all stemmed instead (see stemSearch). */
const SEARCHES_BEFORE_INDEX = 32;

/**
 * A search of the words of contentWords(text) by stem. A word begins with its
 * stem, so the stem is searched for and only the words found there are read: a
 * few stems asked of a long text cost a few searches, not the stemming of every
 * word. A text asked about more than SEARCHES_BEFORE_INDEX times is stemmed
 * once instead, into an index of where each stem occurs: a search costs a
 * twentieth to a thirtieth of the stemming, so by then the searches have cost
 * about what the stemming does, and a long text asked about again and again
 * costs no more than stemming it would.
 */
export function stemSearch(text: string): StemSearch {
  let searchesLeft = SEARCHES_BEFORE_INDEX;
  let index: StemIndex | null = null;
  const indexed = (): StemIndex | null => (index ??= --searchesLeft < 0 ? stemIndex(text) : null);
  const lower = text.toLowerCase();
  // The same words as contentWords: runs of a-z and 0-9 in ASCII text, of letters and digits otherwise.
  const unicode = NON_ASCII.test(lower);
  const wordAt = unicode ? UNICODE_WORD_AT : WORD_AT;
  const nextWord = unicode ? NEXT_UNICODE_WORD : NEXT_WORD;

  /** Calls `found` with the end of each content word with the stem, until it returns true. */
  const findStem = (s: string, found: (end: number) => boolean): boolean => {
    // The bound is for the empty stem (of the word "ies"), which indexOf finds even at the very end.
    for (let at = lower.indexOf(s); at >= 0 && at < lower.length; at = lower.indexOf(s, at + 1)) {
      if (at > 0 && endsInWordCharacter(lower, at, unicode)) continue;
      wordAt.lastIndex = at;
      const word = wordAt.exec(lower)?.[0];
      if (word !== undefined && isContentWord(word) && stem(word) === s && found(at + word.length)) return true;
    }
    return false;
  };
  /** Whether the content words after `from` have the stems stems[k], stems[k + 1], ... */
  const continues = (stems: string[], k: number, from: number): boolean => {
    nextWord.lastIndex = from;
    for (let match = nextWord.exec(lower); match !== null; match = nextWord.exec(lower)) {
      if (!isContentWord(match[0])) continue;
      if (stem(match[0]) !== stems[k]) return false;
      if (++k === stems.length) return true;
    }
    return false;
  };
  return {
    has: (s) => indexed()?.positions.has(s) ?? findStem(s, () => true),
    hasPhrase: (stems) => {
      if (stems.length === 0) return false;
      const found = indexed();
      if (found === null) return findStem(stems[0], (end) => stems.length === 1 || continues(stems, 1, end));
      return (found.positions.get(stems[0]) ?? []).some((at) => stems.every((s, k) => found.sequence[at + k] === s));
    },
    stems: () => (index ??= stemIndex(text)).positions.keys(),
  };
}

/** The stems of a text's words in order, and where each occurs in that order. */
interface StemIndex {
  sequence: string[];
  positions: Map<string, number[]>;
}

function stemIndex(text: string): StemIndex {
  const sequence = contentWords(text).map(stem);
  const positions = new Map<string, number[]>();
  sequence.forEach((s, at) => {
    const list = positions.get(s);
    if (list) list.push(at);
    else positions.set(s, [at]);
  });
  return { sequence, positions };
}

/** Whether the text just before `end` is a letter or digit, so that a word does not start at `end`. */
function endsInWordCharacter(lower: string, end: number, unicode: boolean): boolean {
  const c = lower.charCodeAt(end - 1);
  if (c < 0x80 || !unicode) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  // A letter beyond the Basic Multilingual Plane ends in a low surrogate: read its whole code point.
  const high = end >= 2 ? lower.charCodeAt(end - 2) : 0;
  const pair = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return UNICODE_WORD_CHARACTER.test(pair ? lower.slice(end - 2, end) : lower[end - 1]);
}

const COMMON_WORDS =
  "its their his her our your this that these those are was were has have had will can may how what why when where which who not also more most other some such";
const FUNCTION_WORDS = new Set([...MINOR_WORDS, ...COMMON_WORDS.split(" ")]);

/** Whether every character is a digit 0-9: what /^\d+$/ tests. */
function isAsciiDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** A crude stem: enough to match "approaches" with "approach" and "collaborations" with "collaborative". */
export function stem(word: string): string {
  // "ies", else "es", else "s" off the end (what /(?:ies|es|s)$/ removes), then six letters at most.
  const cut = word.endsWith("ies") ? 3 : word.endsWith("es") ? 2 : word.endsWith("s") ? 1 : 0;
  return cut === 0 && word.length <= 6 ? word : word.slice(0, Math.min(word.length - cut, 6));
}
