/**
 * Glosses a sentence gives of a foreign term: "The earliest formal style, tatehana ("standing flowers"),
 * developed into rikka", "It opens onto Al-Khazneh ("the Treasury")". The gloss in brackets is an aside,
 * so its blank was never asked (the checks flag it); what the term means is asked outright instead:
 * 'What does "tatehana" literally mean?'. Pure: the word list that tells a foreign term from English words,
 * and what reads as a person's name, are passed in.
 */
import type { QuestionDraft } from "./forms";

export interface Gloss {
  /** The term as the sentence writes it: "tatehana", "kleiner Wasserbär". */
  term: string;
  /** What the sentence says it means, as written: "standing flowers", "the Treasury". */
  meaning: string;
}

/**
 * Up to three words, then a quoted gloss alone in brackets. Words are letters with hyphens or apostrophes
 * inside ("kagami-no-ma", "Al-Khazneh"); a comma or a colon before them ends the term ("style, tatehana").
 */
const GLOSSED = /(?<![\p{L}\p{N}'’-])((?:\p{L}[\p{L}'’-]*\s+){0,2}\p{L}[\p{L}'’-]*?)['’]?\s*\(\s*["“‘']([^"”’'()]{2,40})["”’']\s*\)/gu;

/** Words that open no term: articles, prepositions, pronouns, conjunctions. */
const FUNCTION_WORDS = new Set(
  "a an the of in on at to from onto into by with for as and or but it its it's their his her them they he she this that these those is was are were be been called known named beyond near past across through around toward towards over under behind between along inside outside".split(
    " ",
  ),
);
/** A foreign phrase's small words, joined into its term ("la dolce vita", "ora et labora", "ad hoc"). */
const FOREIGN_PARTICLES = new Set("la le les il el los las der die das de du des al et ad e y da di".split(" "));
/** A regnal numeral or a title: a person's name glossed by an epithet ("Louis XIV ("the Sun King")"), no term. */
const PERSON_MARK = /\b(?:[IVXL]{2,}|Madame|Monsieur|King|Queen|Saint|St|Sir|Lord|Lady|Emperor|Empress|Pope|Prince|Princess|Tsar|Sultan|Shah)\b/;

/** A gloss of alternatives ("water dog" or "water monster") or of more than five words: not one meaning to type. */
const ALTERNATIVES = /\bor\b|[,;]/;
const MAX_MEANING_WORDS = 5;

/**
 * The glosses of a sentence. `frequency` is a word's (lower-cased) log frequency in English: a word the English
 * list lacks (0) is a foreign term's, an English word before a term is the sentence's ("created moribana",
 * "the ornate tatehana"), and a term of common English words only ("Black Friday") is glossed, not defined.
 * `isPerson` says whether words name a person, whose gloss is an epithet ("Kepler ("the lawgiver")").
 */
export function glossesOf(sentence: string, frequency: (word: string) => number, isPerson: (name: string) => boolean): Gloss[] {
  if (!sentence.includes("(")) return [];
  const out: Gloss[] = [];
  for (const m of sentence.matchAll(GLOSSED)) {
    const meaning = m[2].trim();
    if (ALTERNATIVES.test(meaning) || meaning.split(/\s+/).length > MAX_MEANING_WORDS) continue;
    // The term, read back from the bracket: the word before it, and each word before that which English lacks too
    // ("kleiner Wasserbär", "corda seca"), a foreign phrase's particle ("la dolce vita"), a genus before its species
    // ("Homo sapiens") or a capitalised word of one name with it ("Ad Deir"); not the sentence's own words ("Unshin
    // created moribana", "the ornate tatehana"), nor a possessive ("Gorbachev's glasnost").
    const words = m[1].split(/\s+/);
    const capitalised = (w: string) => /^\p{Lu}/u.test(w);
    const known = (w: string) => frequency(w.toLowerCase()) > 0;
    // The window's first word opens the sentence when nothing but quotes or a bracket comes before it: capitalised
    // whatever it is, it joins a name only if English lacks it.
    const opensSentence = m.index === sentenceStart(sentence);
    let from = words.length - 1;
    while (from > 0) {
      const word = words[from - 1];
      const lower = word.toLowerCase();
      if (/['’]s$/.test(word) || FUNCTION_WORDS.has(lower)) break;
      const sentenceCapital = from - 1 === 0 && opensSentence;
      const foreign = !known(word);
      // "la dolce vita": a word English has, after a particle, is the phrase's too.
      const particle = FOREIGN_PARTICLES.has(lower) || (from >= 2 && FOREIGN_PARTICLES.has(words[from - 2].toLowerCase()) && !capitalised(word));
      // A genus before its species ("Homo sapiens") or a word of one name with it ("Ad Deir"): capitalised, not as the sentence's first word.
      const namePart = capitalised(word) && !sentenceCapital;
      if (foreign || particle || namePart) from--;
      else break;
    }
    const termWords = words.slice(from);
    if (!termWords.some((w) => frequency(w.toLowerCase()) < COMMON)) continue;
    const term = termWords.join(" ");
    if (PERSON_MARK.test(term) || isPerson(term)) continue;
    // "the Treasury" for "Al-Khazneh" is its gloss; a meaning that repeats the term glosses nothing.
    if (meaning.toLowerCase().includes(term.toLowerCase())) continue;
    out.push({ term, meaning });
  }
  return out;
}

/** Where a sentence's first word starts (after any opening quote or bracket). */
function sentenceStart(sentence: string): number {
  return /^[\s"“‘'(]*/.exec(sentence)![0].length;
}

/** Below this log frequency a word is uncommon in English: a term of such words may be one ("Wasserbär"). */
const COMMON = 2;

/**
 * 'What does "tatehana" literally mean?', keyed by the gloss, "the" before it or not. "Literally": the sentence often
 * says what the term is as well ("a large arrangement..."), which a plain "mean" leaves open (raters: 10 of 24 without it).
 */
export function glossQuestion(gloss: Gloss): QuestionDraft {
  const bare = gloss.meaning.replace(/^(?:the|a|an)\s+/i, "");
  const accepted = bare === gloss.meaning ? [gloss.meaning] : [gloss.meaning, bare];
  return { type: "short_answer", prompt: `What does "${gloss.term}" literally mean?`, answer: gloss.meaning, accepted, weight: 1 };
}
