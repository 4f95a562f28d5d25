/**
 * Whether a prompt's statement names anything that ties it to its subject: "Work began in _____.", "Around _____
 * workers died during construction.", "About _____ buildings remain." name nothing (the dam, the town, the site are
 * the lesson's, never said), so a number asked there could be any work's, any building's. Blind raters failed each
 * such number they met (heldout52: 0 of 8 ratings). A name, an acronym, another number or a rare word ("Pure
 * technetium becomes a superconductor below roughly _____.") is an anchor. Pure.
 */
import { BLANK } from "./rules";
import { lexiconTag, logFrequency } from "./nlp";

/** Below this log frequency (SUBTLEX, lower case) a word is rare enough to say what the statement is about. */
const RARE_WORD = 1;
/** Below this a sentence's first word, capitalised only because it opens the sentence, is a name ("Slendro", "Technetium"). */
const UNCOMMON_FIRST_WORD = 1.5;

export function namesNothing(statement: string): boolean {
  const rest = statement.replace(BLANK, " ");
  if (/\d/.test(rest)) return false;
  // A capital past a sentence's first word: a name or an acronym.
  if (/[^\s.!?:;"“(]\s+["“(]?\p{Lu}/u.test(rest)) return false;
  for (const sentence of rest.split(/(?<=[.!?])\s+/)) {
    const words = sentence.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    const first = words[0];
    if (first !== undefined && /^\p{Lu}/u.test(first) && (lexiconTag(first) !== undefined || logFrequency(first.toLowerCase()) < UNCOMMON_FIRST_WORD)) return false;
    for (const word of words.slice(1)) if (word.length >= 5 && logFrequency(word.toLowerCase()) < RARE_WORD) return false;
  }
  return true;
}
