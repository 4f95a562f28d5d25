/**
 * The rules a question must keep, each a named check that returns the reason
 * it fails (or null). The generator drops every question that breaks one.
 */
import type { Question } from "../types";
import { CONTEXT_OPENERS, STOPWORDS, containsSequence, foldsByCharacter, forms, normaliseAnswer, words, wordSet } from "./text";
import { rangeEnds } from "../../questions/numbers";

export const BLANK = "_____";
export const MAX_ANSWER_WORDS = 6;

// The rules run on every question: their regular expressions are module constants
// (a literal inside a function is a new object on every call).

/** Fixed lead-ins of the question forms, removed before reading the statement itself. */
export const LEAD_IN = /^(?:True or false: |Which [a-z ]+ fills the blank\? |Which [a-z ]+ fill the blanks\? |What fills the blank\? )/;

export function statementOf(prompt: string): string {
  return prompt.replace(LEAD_IN, "");
}

/** The answer, or a form of it (plural, possessive, acronym/full name), stands in the prompt. */
export function answerInPrompt(prompt: string, accepted: string[]): string | null {
  const promptForms = forms(prompt);
  for (const variant of accepted) {
    const variantForms = forms(variant);
    if (variantForms.length > 0 && containsSequence(promptForms, variantForms))
      return `the answer "${variant}" stands in the prompt`;
  }
  return null;
}

const ACRONYM_ANSWER = /^\p{Lu}{2,}s?$/u;
/** "US", "U.S.", "EU": an answer of two to six capitals, dotted or not. */
const INITIALS_ANSWER = /^(?:\p{Lu}\.?){2,6}$/u;
const SPELLED_WORD = /[\p{L}'’-]+/gu;
const SPELLING_CONNECTORS = new Set(["of", "for", "and", "the", "on", "in", "&"]);

/**
 * The answer is an acronym whose full name the prompt spells out ("U.S." after "the United States",
 * "EU" after "the European Union"): the prompt gives it away though no accepted variant says so.
 * Kept in the bank (it may be the acronym's only question there), out of decks (learning/deck.ts).
 */
export function acronymSpelledOut(prompt: string, answer: string): string | null {
  const trimmed = answer.trim();
  // "The Harbour Works Board (_____)": the acronym beside its full name is an aside, flagged as one, kept in the bank.
  if (!INITIALS_ANSWER.test(trimmed) || prompt.includes(`(${BLANK})`)) return null;
  const letters = trimmed.replace(/\./g, "");
  const ws = prompt.match(SPELLED_WORD) ?? [];
  for (let i = 0; i < ws.length; i++) {
    let initials = "";
    for (let k = i; k < ws.length && initials.length < letters.length; k++) {
      const w = ws[k];
      if (/^\p{Lu}/u.test(w)) initials += w.charAt(0);
      else if (k === i || !SPELLING_CONNECTORS.has(w.toLowerCase())) break;
      if (initials === letters) return `the prompt spells out the answer "${answer}"`;
    }
  }
  return null;
}

/** The blank hides only stopwords ("the", "of"). `ws`: words(answer), when the caller has them already. */
export function blankIsStopword(answer: string, ws: readonly string[] = words(answer)): string | null {
  // "US", "IT": capitals make an acronym, not the stopword it spells.
  if (ACRONYM_ANSWER.test(answer.trim())) return null;
  return ws.length === 0 || ws.every((w) => STOPWORDS.has(w)) ? `the blank "${answer}" is a stopword` : null;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const HYPHEN = /[-‐]/;

function inWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHARACTER.test(ch);
}

/** The blank cuts a word: the span does not sit on word boundaries of its sentence. */
export function blankSplitsWord(sentence: string, start: number, end: number): string | null {
  if (start >= end) return "the blank is empty";
  // "COE-DAT", "al-Qa'ida": a hyphen glues the parts into one word.
  if (HYPHEN.test(sentence[start - 1] ?? "") && inWord(sentence[start - 2])) return "the blank starts inside a hyphenated word";
  if (HYPHEN.test(sentence[end] ?? "") && inWord(sentence[end + 1])) return "the blank ends inside a hyphenated word";
  if (inWord(sentence[start - 1]) && inWord(sentence[start])) return "the blank starts inside a word";
  if (inWord(sentence[end - 1]) && inWord(sentence[end])) return "the blank ends inside a word";
  return null;
}

/** A cloze-like prompt must hold exactly one blank (two for a range, one an end: content/questions/ranges.ts). */
export function blankCount(prompt: string, expected: number): string | null {
  let count = 0;
  for (let at = prompt.indexOf(BLANK); at >= 0; at = prompt.indexOf(BLANK, at + BLANK.length)) count++;
  return count === expected ? null : `the prompt has ${count} blanks, expected ${expected}`;
}

const FIRST_WORD = /^\s*(\S*)/;
const NOT_WORD_LETTERS = /[^a-z']/g;

/** The statement opens with a word that points back ("This", "It", "They", "Such"...). */
export function leansOnContext(prompt: string): string | null {
  const first = (FIRST_WORD.exec(statementOf(prompt))?.[1] ?? "").toLowerCase().replace(NOT_WORD_LETTERS, "");
  return CONTEXT_OPENERS.has(first) ? `the prompt opens with "${first}" and nothing resolves it` : null;
}

const WHITESPACE_RUN = /\s+/;

export function answerTooLong(answer: string): string | null {
  const n = answer.trim().split(WHITESPACE_RUN).length;
  return n > MAX_ANSWER_WORDS ? `the answer has ${n} words (at most ${MAX_ANSWER_WORDS})` : null;
}

/** "What does CCNR stand for?": the acronym asked outright. */
const STANDS_FOR = /^What does \S+ stand for\?$/;
/** Words an acronym's letters leave out: "Central Commission for the Navigation of the Rhine" is CCNR. */
const LINKING_WORDS = new Set(["of", "for", "and", "the", "on", "in", "to", "a", "an", "&"]);

/**
 * answerTooLong for an acronym's expansion, counting only the words its letters give: the acronym cues each
 * of them and the small words between ("the International Covenant on Civil and Political Rights", ICCPR) follow.
 */
export function expansionTooLong(expansion: string): string | null {
  const words = expansion.trim().split(WHITESPACE_RUN).filter((w) => !LINKING_WORDS.has(w.toLowerCase()));
  return words.length > MAX_ANSWER_WORDS ? `the expansion has ${words.length} words its letters give (at most ${MAX_ANSWER_WORDS})` : null;
}

const FINAL_PUNCTUATION = /[.?!]["'”’)]*$/;

/** Readable prompt: not empty, ends with punctuation. */
export function promptUnfinished(prompt: string): string | null {
  return FINAL_PUNCTUATION.test(prompt.trim()) ? null : "the prompt does not end with punctuation";
}

/** Exactly four options, all distinct, exactly one of them the answer (or a variant of it). */
export function multipleChoiceShape(options: string[] | undefined, accepted: string[]): string | null {
  if (!options || options.length !== 4) return `a multiple-choice question needs 4 options, has ${options?.length ?? 0}`;
  const folded = options.map(normaliseAnswer);
  if (new Set(folded).size !== 4 || folded.some((o) => o === "")) return "the options are not distinct";
  const acceptedFolded = new Set(accepted.map(normaliseAnswer));
  const correct = folded.filter((o) => acceptedFolded.has(o)).length;
  return correct === 1 ? null : `${correct} options are correct, expected exactly 1`;
}

export function trueFalseShape(q: Pick<Question, "options" | "answer">): string | null {
  if (!q.options || q.options.join("|") !== "True|False") return 'true/false options must be ["True", "False"]';
  return q.answer === "True" || q.answer === "False" ? null : "a true/false answer is True or False";
}

/**
 * Whether two word sets have a Jaccard similarity of at least 0.8. In integers:
 * |a ∩ b| / |a ∪ b| >= 4/5 exactly when 9 |a ∩ b| >= 4 (|a| + |b|), so the count
 * can stop as soon as the words of `a` still unseen could no longer reach that.
 * (A ratio of such small counts is never near enough 0.8 for the division to round
 * across it, so this decides as `common / union >= 0.8` did.)
 */
function nearlySameWords(a: Set<string>, b: Set<string>): boolean {
  const total = a.size + b.size;
  if (total === 0) return false;
  let common = 0;
  let unseen = a.size;
  for (const w of a) {
    unseen--;
    if (b.has(w)) common++;
    else if (9 * (common + unseen) < 4 * total) return false;
  }
  return 9 * common >= 4 * total;
}

type Asked = Pick<Question, "type" | "prompt" | "answer">;

/**
 * The questions already kept in a lesson, indexed so that "same type and
 * answer, and (nearly) the same prompt" is cheap to check. Indexed by type
 * first: a key joining type and prompt would be a new string, hashed in full,
 * for every question; the prompt's own hash is computed once and kept.
 */
export class AskedQuestions {
  private readonly promptsByType = new Map<string, Set<string>>();
  /**
   * Kept prompts by type, then folded answer. A prompt's word set is built only when a
   * later question of the same type and answer is compared with it: most
   * answers are asked once per type, so most sets would never be read.
   */
  private readonly byTypeAndAnswer = new Map<string, Map<string, Array<{ prompt: string; words?: Set<string> }>>>();
  /** The word set of the prompt last checked: `add` usually follows `duplicate` on the same question. */
  private last: { prompt: string; words: Set<string> } | null = null;

  private promptWords(prompt: string): Set<string> {
    if (this.last?.prompt !== prompt) this.last = { prompt, words: wordSet(prompt) };
    return this.last.words;
  }

  /** Why `q` duplicates or nearly duplicates a kept question, or null. */
  duplicate(q: Asked): string | null {
    if (this.promptsByType.get(q.type)?.has(q.prompt)) return "the same prompt is already asked";
    const others = this.byTypeAndAnswer.get(q.type)?.get(normaliseAnswer(q.answer));
    if (!others) return null;
    const promptWords = this.promptWords(q.prompt);
    for (const other of others) {
      other.words ??= wordSet(other.prompt);
      if (nearlySameWords(promptWords, other.words)) return "a nearly identical question is already asked";
    }
    return null;
  }

  add(q: Asked): void {
    let prompts = this.promptsByType.get(q.type);
    if (!prompts) this.promptsByType.set(q.type, (prompts = new Set()));
    prompts.add(q.prompt);
    let byAnswer = this.byTypeAndAnswer.get(q.type);
    if (!byAnswer) this.byTypeAndAnswer.set(q.type, (byAnswer = new Map()));
    const key = normaliseAnswer(q.answer);
    const list = byAnswer.get(key);
    // Kept sets are never changed, so a set shared with `last` is safe.
    const entry = { prompt: q.prompt, words: this.last?.prompt === q.prompt ? this.last.words : undefined };
    if (list) list.push(entry);
    else byAnswer.set(key, [entry]);
  }
}

/** Same type and answer, and (nearly) the same prompt as one of `kept`. */
export function duplicatesAnother(q: Asked, kept: Asked[]): string | null {
  const asked = new AskedQuestions();
  for (const k of kept) asked.add(k);
  return asked.duplicate(q);
}

/**
 * Every per-question rule, in order; null when the question keeps them all.
 * Checked one after another, stopping at the first that fails (the rules are
 * pure, so the reason is the same as evaluating them all).
 */
export function breaksRule(q: Question, span?: { sentence: string; start: number; end: number }): string | null {
  const anyOf = asksForAnyOf(q.prompt);
  // A question any name of a list answers shows the list as its answer: each name is held to the limit.
  const tooLong = anyOf
    ? (q.accepted.filter((name) => name !== q.answer).map(answerTooLong).find((why) => why !== null) ?? null)
    : STANDS_FOR.test(q.prompt)
      ? expansionTooLong(q.answer)
      : answerTooLong(q.answer);
  const any = tooLong ?? promptUnfinished(q.prompt) ?? leansOnContext(q.prompt);
  if (any !== null) return any;
  if (q.type === "true_false") return trueFalseShape(q) ?? blankCount(q.prompt, 0);
  const blank =
    answerInPrompt(q.prompt, q.accepted) ??
    blankIsStopword(q.answer) ??
    blankCount(q.prompt, (DIRECT_QUESTION.test(q.prompt) || anyOf) && !q.prompt.includes(BLANK) ? 0 : rangeEnds(q.answer) ? 2 : 1) ??
    (span ? blankSplitsWord(span.sentence, span.start, span.end) : null);
  if (blank !== null) return blank;
  return q.type === "multiple_choice" ? multipleChoiceShape(q.options, q.accepted) : null;
}

/** A question asked outright ("What does ICAO stand for?"), not a statement with a blank. */
const DIRECT_QUESTION = /\?$/;

/** How a question that any name of a list answers ends (content/questions/examples.ts). */
export const NAME_ONE = "Name one.";

/** Whether any one of several names answers the question: its answer is the list ("A, B or C"), each name accepted. */
export function asksForAnyOf(prompt: string): boolean {
  return prompt.endsWith(` ${NAME_ONE}`);
}

type BlankSpan = { sentence: string; start: number; end: number };

/**
 * breaksRule for the forms of one fact that hide its answer in one statement:
 * the cloze (or numeric) and multiple-choice prompts are the statement itself,
 * the short-answer prompt is a lead-in question ending in "? " before it. The
 * rules on the answer, on the blank and on the statement's last characters give
 * all of them one verdict, so they are checked once per fact; the rules that
 * read the prompt's words run per prompt, and multiple choice reuses the
 * cloze's verdict on the same prompt. Same rules, same order, same reason as
 * breaksRule; any other question is handed to breaksRule.
 */
export class BlankFormRules {
  /** answerTooLong ?? promptUnfinished of the statement; undefined until checked. */
  private opening: string | null | undefined;
  /** blankIsStopword ?? blankCount ?? blankSplitsWord; undefined until checked. */
  private blank: string | null | undefined;
  /** The prompt and accepted list last checked, and their leansOnContext ?? answerInPrompt. */
  private lastPrompt = "";
  private lastAccepted: string[] | null = null;
  private lastWording: string | null = null;

  /** Whether the prompt's words can be counted from the sentence's (see answerShown); undefined until checked. */
  private countable: boolean | undefined;

  /**
   * `statement`: the span's sentence with the span replaced by the blank, after
   * `context` (the earlier sentences it leans on) when there is one.
   */
  constructor(
    private readonly statement: string,
    private readonly answer: string,
    private readonly span: BlankSpan,
    private readonly context = "",
  ) {}

  breaks(q: Question): string | null {
    if (q.type === "true_false" || q.answer !== this.answer || !this.shows(q.prompt)) return breaksRule(q, this.span);
    if (this.opening === undefined) this.opening = answerTooLong(this.answer) ?? promptUnfinished(this.statement);
    if (this.opening !== null) return this.opening;
    if (q.prompt !== this.lastPrompt || q.accepted !== this.lastAccepted) {
      this.lastPrompt = q.prompt;
      this.lastAccepted = q.accepted;
      this.lastWording = leansOnContext(q.prompt) ?? this.answerShown(q.prompt, q.accepted);
    }
    if (this.lastWording !== null) return this.lastWording;
    if (this.blank === undefined)
      this.blank =
        blankIsStopword(this.answer) ??
        blankCount(this.statement, 1) ??
        blankSplitsWord(this.span.sentence, this.span.start, this.span.end);
    if (this.blank !== null) return this.blank;
    return q.type === "multiple_choice" ? multipleChoiceShape(q.options, q.accepted) : null;
  }

  /**
   * answerInPrompt for a prompt that shows the statement, without folding the
   * prompt (each one new text, folded for nothing most of the time). Its words
   * are those of the lead-in, the context and the sentence, less the span's:
   * the blank sits on word boundaries, so folding cuts no word of the sentence
   * differently there. A variant with a word the prompt lacks cannot stand in
   * it; one whose words are all there is checked on the folded prompt, in the
   * same order, so the first variant found is answerInPrompt's.
   */
  private answerShown(prompt: string, accepted: string[]): string | null {
    this.countable ??= countableAround(this.span, this.context);
    if (!this.countable) return answerInPrompt(prompt, accepted);
    const lead = forms(prompt.slice(0, prompt.length - this.statement.length));
    const sentence = forms(this.span.sentence);
    const context = this.context === "" ? NO_FORMS : forms(this.context);
    const span = forms(this.answer);
    for (const variant of accepted) {
      const variantForms = forms(variant);
      if (variantForms.length === 0) continue;
      let all = true;
      for (const w of variantForms) {
        if (count(lead, w) + count(context, w) + count(sentence, w) - count(span, w) <= 0) {
          all = false;
          break;
        }
      }
      if (all && containsSequence(forms(prompt), variantForms)) return `the answer "${variant}" stands in the prompt`;
    }
    return null;
  }

  /**
   * Whether the shared verdicts hold for `prompt`: it is the statement, or a
   * lead-in ending in "? " (no blank of its own) followed by it. The statement
   * holds a blank, so the prompt's trimmed end, which promptUnfinished reads, is
   * the statement's; and the lead-in adds no blank for blankCount to count.
   */
  private shows(prompt: string): boolean {
    if (prompt === this.statement) return true;
    const leadLength = prompt.length - this.statement.length;
    return (
      leadLength >= 2 &&
      prompt.endsWith(this.statement) &&
      prompt.startsWith("? ", leadLength - 2) &&
      this.statement.includes(BLANK) &&
      prompt.indexOf("_") >= leadLength
    );
  }
}

const NO_FORMS: readonly string[] = [];

function count(list: readonly string[], w: string): number {
  let n = 0;
  for (const x of list) if (x === w) n++;
  return n;
}

const APOSTROPHES = "'’";

/**
 * Whether the words of a blanked statement are the context's and the sentence's
 * less the span's, word for word: the blank cuts no word (blankSplitsWord), no
 * "'s" straddles its edges (folding drops a possessive "'s" only where it ends a
 * word), and lower-casing goes character by character (foldsByCharacter).
 */
function countableAround(span: BlankSpan, context: string): boolean {
  const { sentence, start, end } = span;
  if (blankSplitsWord(sentence, start, end) !== null) return false;
  if (APOSTROPHES.includes(sentence[start - 1] ?? "x") || APOSTROPHES.includes(sentence[end - 1] ?? "x")) return false;
  return foldsByCharacter(sentence) && foldsByCharacter(context);
}
