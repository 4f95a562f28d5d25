/**
 * Automatic checks on a question as it reads, from its prompt and key alone: the flags a question
 * carries to an instructor's curation, and what keeps it out of a learner's deck whatever its
 * estimated quality. The generator keeps such questions in the bank (an instructor may mend one);
 * no learner is shown one unmended. Pure.
 */

export type QuestionFlag = "dangling-reference" | "piece-of-a-name" | "part-of-a-number";

const BLANK = "_____";
/** Lead-ins of the generated forms, before the statement itself. */
const LEAD_IN = /^(?:True or false: |Which [a-z ]+ fills the blank\? |What fills the blank\? )/;
const PERSONAL_PRONOUN = /\b(?:he|she|they|them|their|his|her)\b/i;
const NAME_AFTER_FIRST_WORD = /^\s*\S+.*?\s\p{Lu}/u;
/** A capitalised word right after or before the blank: the name goes on past it. */
const NAME_WORD_AFTER = /^\s\p{Lu}\p{Ll}+(?:\s|$|[,.;:])/u;
const NAME_WORD_BEFORE = /(?:^|\s)\p{Lu}\p{Ll}+\s$/u;
/** The word before the blank opens the sentence (its capital says nothing). */
const OPENING_WORD = /(?:^|[.!?]\s+)\S+\s$/;

/** "In 1885, he tested...": a person pointed at before the sentence names anyone. */
export function pronounBeforeAnyName(sentence: string): boolean {
  const pronoun = PERSONAL_PRONOUN.exec(sentence);
  if (!pronoun) return false;
  return !NAME_AFTER_FIRST_WORD.test(sentence.slice(0, pronoun.index));
}

export function questionFlags(q: { prompt: string; answer: string }): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  const statement = q.prompt.replace(LEAD_IN, "");
  // The first sentence of the statement: earlier sentences shown as context come first and resolve what follows.
  const firstSentence = statement.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? statement;
  if (firstSentence === statement && pronounBeforeAnyName(statement)) flags.push("dangling-reference");
  const at = statement.indexOf(BLANK);
  if (at >= 0) {
    const before = statement.slice(Math.max(0, at - 40), at);
    const after = statement.slice(at + BLANK.length, at + BLANK.length + 40);
    // "the _____ Integrated Stabilization Mission", "TU _____": the blank is a piece of a longer name.
    const nameGoesOn = /^\p{Lu}/u.test(q.answer.trim().split(/\s+/).at(-1) ?? "") && NAME_WORD_AFTER.test(after);
    const nameBegan = /^\p{Lu}/u.test(q.answer.trim()) && NAME_WORD_BEFORE.test(before) && !OPENING_WORD.test(statement.slice(0, at));
    if (nameGoesOn || nameBegan) flags.push("piece-of-a-name");
    // "_____–84", "2^_____", "_____/cm3": half a range, a power or a unit; the other half gives it away.
    if (/^\s?[–—^/]|^-\d/.test(after) || /[–—^/]\s?$/.test(before)) flags.push("part-of-a-number");
  }
  return flags;
}
