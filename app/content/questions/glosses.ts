/**
 * Glosses a sentence gives of a foreign term: "The earliest formal style, tatehana ("standing flowers"),
 * developed into rikka", "It opens onto Al-Khazneh ("the Treasury")". The gloss in brackets is an aside,
 * so its blank was never asked (the checks flag it); what the term means is asked outright instead:
 * 'What does "tatehana" literally mean?'. Pure: the word list that tells a foreign term from English words is
 * passed in.
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
const GLOSSED = /(?<![\p{L}\p{N}'’-])((?:\p{L}[\p{L}'’-]*\s+){0,2}\p{L}[\p{L}'’-]*)\s*\(\s*["“‘']([^"”’'()]{2,40})["”’']\s*\)/gu;

/** Words that open no term: articles, prepositions, pronouns, conjunctions. */
const FUNCTION_WORDS = new Set(
  "a an the of in on at to from onto into by with for as and or but it its it's their his her them they he she this that these those is was are were be been called known named".split(" "),
);

/** A gloss of alternatives ("water dog" or "water monster") or of more than five words: not one meaning to type. */
const ALTERNATIVES = /\bor\b|[,;]/;
const MAX_MEANING_WORDS = 5;

/**
 * The glosses of a sentence. `common` says whether a word (lower-cased) is an ordinary English word: the
 * ordinary words before a term are the sentence's ("created moribana"), and a term with no uncommon word
 * at all is English ("Black Friday") glossed, not a term defined.
 */
export function glossesOf(sentence: string, common: (word: string) => boolean): Gloss[] {
  if (!sentence.includes("(")) return [];
  const out: Gloss[] = [];
  for (const m of sentence.matchAll(GLOSSED)) {
    const meaning = m[2].trim();
    if (ALTERNATIVES.test(meaning) || meaning.split(/\s+/).length > MAX_MEANING_WORDS || !/^(?:the\s+|a\s+|an\s+)?\p{Ll}/u.test(meaning)) continue;
    // The term, read back from the bracket: the word before it, and each word before that which is uncommon too
    // ("kleiner Wasserbär", "corda seca") or a capitalised word of one name with it ("Ad Deir"), not the sentence's
    // own words ("Unshin created moribana", "calling it a kleiner...").
    const words = m[1].split(/\s+/);
    const capitalised = (w: string) => /^\p{Lu}/u.test(w);
    let from = words.length - 1;
    while (from > 0) {
      const word = words[from - 1];
      const lower = word.toLowerCase();
      if (FUNCTION_WORDS.has(lower)) break;
      if (!common(lower) || (capitalised(word) && capitalised(words[from]))) from--;
      else break;
    }
    const termWords = words.slice(from);
    if (!termWords.some((w) => !common(w.toLowerCase()))) continue;
    const term = termWords.join(" ");
    // "the Treasury" for "Al-Khazneh" is its gloss; a meaning that repeats the term glosses nothing.
    if (meaning.toLowerCase().includes(term.toLowerCase())) continue;
    out.push({ term, meaning });
  }
  return out;
}

/**
 * 'What does "tatehana" literally mean?', keyed by the gloss, "the" before it or not. "Literally": the sentence often
 * says what the term is as well ("a large arrangement..."), which a plain "mean" leaves open (raters: 10 of 24 without it).
 */
export function glossQuestion(gloss: Gloss): QuestionDraft {
  const bare = gloss.meaning.replace(/^(?:the|a|an)\s+/i, "");
  const accepted = bare === gloss.meaning ? [gloss.meaning] : [gloss.meaning, bare];
  return { type: "short_answer", prompt: `What does "${gloss.term}" literally mean?`, answer: gloss.meaning, accepted, weight: 1 };
}
