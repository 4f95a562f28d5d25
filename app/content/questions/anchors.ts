/**
 * Whether a prompt's statement names anything that ties it to its subject: "Work began in _____.", "Around _____
 * workers died during construction.", "About _____ buildings remain." name nothing (the dam, the town, the site are
 * the lesson's, never said), so a number asked there could be any work's, any building's. Blind raters failed each
 * such number they met (heldout52: 0 of 8 ratings). A name, an acronym, another number, a rare word ("Pure
 * technetium becomes a superconductor below roughly _____.") or a word of the document's title is an anchor. Pure.
 */
import { BLANK } from "./rules";
import { lexiconTag, logFrequency } from "./nlp";

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The uncommon words of five letters or more of a document's title, lower-cased, each also without a plural "s": what
 * namesNothing reads as naming its subject ("pneumatic" of "The pneumatic post"; not "construction" of "Construction of
 * the Hoover Dam", which any work has).
 */
export function subjectWordsOf(title: string): Set<string> {
  const words = new Set<string>();
  for (const w of title.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (w.length < 5 || logFrequency(w) >= COMMON_TITLE_WORD) continue;
    words.add(w);
    words.add(w.replace(/s$/, ""));
  }
  return words;
}
/** At or above this log frequency a title's word is too common to say what a statement is about. */
const COMMON_TITLE_WORD = 2;

/** Below this log frequency (SUBTLEX, lower case) a word is rare enough to say what the statement is about. */
const RARE_WORD = 1;
/** Below this a sentence's first word, capitalised only because it opens the sentence, is a name ("Slendro", "Technetium"). */
const UNCOMMON_FIRST_WORD = 1.5;

/** Whether the statement (its blank left empty) has no anchor: see above. `subjectWords` are subjectWordsOf its document's title. */
export function namesNothing(statement: string, subjectWords: ReadonlySet<string> = NO_WORDS): boolean {
  const rest = statement.replace(BLANK, " ");
  if (/\d/.test(rest)) return false;
  // A capital past a sentence's first word: a name or an acronym.
  if (/[^\s.!?:;"“(]\s+["“(]?\p{Lu}/u.test(rest)) return false;
  for (const sentence of rest.split(/(?<=[.!?])\s+/)) {
    // Words as the word list spells them: "five-minute" is "five" and "minute", "opponents'" is "opponents", "company's"
    // is "company".
    const words = sentence.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
    const first = words[0];
    if (first !== undefined && /^\p{Lu}/u.test(first) && (lexiconTag(first) !== undefined || logFrequency(first.toLowerCase()) < UNCOMMON_FIRST_WORD)) return false;
    for (const word of words.slice(1)) {
      if (word.length < 5) continue;
      // "company's" is looked up as "company".
      const lower = word.toLowerCase().replace(/['’]s$/, "");
      // A word of the document's title ("pneumatic networks" in "The pneumatic post") says what it is about.
      if (logFrequency(lower) < RARE_WORD || subjectWords.has(lower) || subjectWords.has(lower.replace(/s$/, ""))) return false;
    }
  }
  return true;
}
