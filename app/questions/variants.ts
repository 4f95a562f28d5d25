/**
 * Accepted variants of an answer that the generator records: acronyms are
 * recognised here, and the spellings of one name that the material itself
 * uses ("al-Qaeda" in one lesson, "al-Qa'ida" in another) are found in a
 * module's text and offered as variants of each other. Pure.
 */
import { compactFold, editDistance, skeletonOfFolded } from "./fold";

/** "NATO", "U.S.A.", "NGOs": capitals (with optional full stops), at most eight, an optional plural s. */
export function isAcronym(text: string): boolean {
  const t = text.trim();
  return /^(?:\p{Lu}\.?){2,8}s?$/u.test(t);
}

/** A word with its inner apostrophes and hyphens: "al-Qa'ida", "O'Neill", "Jean-Paul". */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ-][\p{L}\p{M}]+)*/gu;
const HAS_CAPITAL = /\p{Lu}/u;
/** Shorter names differ by a letter too often (Iran, Iraq) to be taken for one name. */
const MIN_NAME_LETTERS = 5;
/** Spellings of one name differ by a vowel or two: "Mohammed", "Muhammad". */
const MAX_SPELLING_EDITS = 2;
const MAX_VARIANTS = 4;

/**
 * The spellings of names in a body of text (a module's lessons), grouped by
 * consonant skeleton: spellings in one group that are also within two
 * edits of each other are taken as one name written two ways.
 */
export class SpellingIndex {
  /** skeleton → compact folding → the first spelling met. */
  private readonly bySkeleton = new Map<string, Map<string, string>>();
  /** Every word read, and for a name its folding and skeleton (null for the rest). */
  private readonly names = new Map<string, { folded: string; skeleton: string } | null>();
  /** spellingsOf's answers: a module asks about its names many times over. */
  private readonly spellings = new Map<string, string[]>();

  add(text: string): void {
    // Names have a capital: only the words around one are read (most words have none).
    for (let i = 0; i < text.length; i++) {
      if (!isCapital(text, i)) continue;
      const [start, end] = wordAround(text, i);
      i = end;
      const word = text.slice(start, end);
      if (this.names.has(word)) continue;
      const name = nameOf(word);
      this.names.set(word, name);
      if (!name) continue;
      let group = this.bySkeleton.get(name.skeleton);
      if (!group) this.bySkeleton.set(name.skeleton, (group = new Map()));
      if (!group.has(name.folded)) group.set(name.folded, word);
    }
    this.spellings.clear();
  }

  /** Other spellings of the word in the text, not counting the word's own folding. */
  spellingsOf(word: string): string[] {
    const known = this.spellings.get(word);
    if (known) return known;
    const out: string[] = [];
    const name = this.names.has(word) ? this.names.get(word) : nameOf(word);
    const group = name ? this.bySkeleton.get(name.skeleton) : undefined;
    if (name && group && group.size > 1) {
      for (const [otherFolded, spelling] of group) {
        if (otherFolded === name.folded) continue;
        if (editDistance(name.folded, otherFolded, MAX_SPELLING_EDITS) <= MAX_SPELLING_EDITS) out.push(spelling);
      }
    }
    this.spellings.set(word, out);
    return out;
  }

  /**
   * The answer written with the material's other spellings of its names,
   * one name changed at a time ("al-Qa'ida leaders" for "al-Qaeda leaders").
   */
  variantsOf(answer: string): string[] {
    if (this.bySkeleton.size === 0 || !HAS_CAPITAL.test(answer)) return [];
    const out: string[] = [];
    for (const match of answer.matchAll(WORD)) {
      const word = match[0];
      for (const spelling of this.spellingsOf(word)) {
        const variant = answer.slice(0, match.index) + spelling + answer.slice(match.index! + word.length);
        if (!out.includes(variant)) out.push(variant);
        if (out.length >= MAX_VARIANTS) return out;
      }
    }
    return out;
  }
}

const CAPITAL = /\p{Lu}/u;
const LETTER = /[\p{L}\p{M}]/u;

function isCapital(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(text[i]!);
}

function isLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(text[i]!);
}

function isJoiner(text: string, i: number): boolean {
  const c = text[i];
  return c === "'" || c === "’" || c === "ʼ" || c === "-";
}

/** The bounds of the word (as WORD reads words) holding the letter at `at`. */
function wordAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && (isLetter(text, start - 1) || (start > 1 && isJoiner(text, start - 1) && isLetter(text, start - 2)))) start--;
  let end = at + 1;
  while (end < text.length && (isLetter(text, end) || (isJoiner(text, end) && end + 1 < text.length && isLetter(text, end + 1)))) end++;
  return [start, end];
}

/** A word's folding and skeleton when it may be a name (a capital, five letters, no acronym), else null. */
function nameOf(word: string): { folded: string; skeleton: string } | null {
  if (!HAS_CAPITAL.test(word) || isAcronym(word)) return null;
  const folded = compactFold(word);
  if (folded.length < MIN_NAME_LETTERS || /\d/.test(folded)) return null;
  return { folded, skeleton: skeletonOfFolded(folded) };
}
