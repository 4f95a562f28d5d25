/**
 * The automatic checks an instructor sees beside each question while
 * curating: questionFlags (flags.ts: what a question's own words give away,
 * which also keeps a question out of decks) and the checks that need more
 * than one question's words: its key stands in its prompt, another filling
 * of its blank is stated in the lesson, its distractors are weak or the key
 * again, another question of the module asks nearly the same. They only
 * flag; the instructor decides. Pure.
 */
import { BLANK, statementOf } from "../content/questions/rules";
import { foldAnswer, sameAnswer } from "./fold";
import { questionFlags, type QuestionFlag } from "./flags";

export type CurationFlag =
  | QuestionFlag
  | "key-in-prompt"
  | "several-fillings"
  | "weak-distractor"
  | "distractor-same-as-key"
  | "near-duplicate";

/** What each flag means, as the curation page says it. */
export const CURATION_FLAG_LABELS: Readonly<Record<CurationFlag, string>> = {
  "dangling-reference": "Dangling reference",
  "piece-of-a-name": "Blank is part of a name",
  "part-of-a-number": "Blank is part of a number",
  "list-slot": "Blank is one item of a list",
  fragment: "Not a full sentence",
  aside: "Blank is a side detail",
  "key-echoed": "Prompt names what the key is named from",
  modifier: "Blank is a describing word",
  "two-in-one": "Blank holds two names",
  "one-of-many": "Many words of its kind fill the blank",
  "key-in-prompt": "Key stands in the prompt",
  "several-fillings": "Several fillings possible",
  "weak-distractor": "Weak distractor",
  "distractor-same-as-key": "Distractor same as key",
  "near-duplicate": "Near-duplicate",
};

export interface CheckedQuestion {
  id: string;
  type: string;
  prompt: string;
  answer: string;
  accepted: readonly string[];
  options: readonly string[] | null;
  /** Questions made from one sentence share it: they ask one fact on purpose, so they are not duplicates. */
  siblingKey: string;
}

/** Every flag of each question of a module, by id; `lessonText` is the text of the question's lesson. */
export function curationFlags(
  questions: readonly (CheckedQuestion & { lessonText: string })[],
): Map<string, CurationFlag[]> {
  foldings.clear();
  const duplicates = nearDuplicates(questions);
  const lessonWords = new Map<string, LessonWords>();
  return new Map(
    questions.map((q) => {
      const flags: CurationFlag[] = questionFlags(q);
      if (keyStandsInPrompt(q)) flags.push("key-in-prompt");
      let words = lessonWords.get(q.lessonText);
      if (!words) lessonWords.set(q.lessonText, (words = indexWords(q.lessonText)));
      if (otherFillings(q, q.lessonText, words).length > 0) flags.push("several-fillings");
      flags.push(...distractorFlags(q));
      if (duplicates.has(q.id)) flags.push("near-duplicate");
      return [q.id, flags];
    }),
  );
}

/**
 * foldAnswer, remembered: the checks fold each key, option and prompt many times over. Emptied
 * by each curationFlags call, so it holds one module's texts at most.
 */
const foldings = new Map<string, string>();
function folded(text: string): string {
  let result = foldings.get(text);
  if (result === undefined) {
    result = foldAnswer(text);
    foldings.set(text, result);
  }
  return result;
}

const padded = (text: string) => ` ${folded(text)} `;

/** The key, or an accepted variant of it, written in the prompt: the question answers itself. */
export function keyStandsInPrompt(q: Pick<CheckedQuestion, "type" | "prompt" | "answer" | "accepted">): boolean {
  if (q.type === "true_false") return false;
  // "Varna's harbour" writes Varna too.
  const prompt = padded(q.prompt.replace(/['’]s\b/g, ""));
  return [q.answer, ...q.accepted].some((variant) => folded(variant) !== "" && prompt.includes(padded(variant)));
}

type Kind = "number" | "name" | "words";

/** A number, a name (every word capitalised) or plain words: a blank's other fillings must be of its key's kind. */
export function kindOf(text: string): Kind {
  if (/\d/.test(text)) return "number";
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|de|von|van|la|le)$/.test(w))) return "name";
  return "words";
}

const CONTEXT_WORDS = 3;
const FILLING_WORDS = 6;

/** A word of a text: letters and digits, joined inside by "." "," "'" "-" ("U.S.", "8,849"). */
const WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

interface Word {
  lower: string;
  start: number;
  end: number;
  /** The text between this word and the one before (from the text's start for the first). */
  gapBefore: string;
}

function wordsOf(text: string): Word[] {
  const found: Word[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    found.push({ lower: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length, gapBefore: text.slice(last, match.index) });
    last = match.index + match[0].length;
  }
  return found;
}

/** A lesson's words, and where each word stands (lower case), so a check looks only where its context begins. */
interface LessonWords {
  words: Word[];
  at: Map<string, number[]>;
}

function indexWords(text: string): LessonWords {
  const words = wordsOf(text);
  const at = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = at.get(w.lower);
    if (list) list.push(i);
    else at.set(w.lower, [i]);
  });
  return { words, at };
}

const endsSentence = (gap: string) => /[.!?]/.test(gap);
const onlySpace = (gap: string) => /^\s+$/.test(gap);

/**
 * Other texts of the key's kind that the lesson writes where the blank stands, between the same
 * words ("The _____ flows west into" fits the Lot as well as the Tarn when the lesson says both):
 * a learner who answers with one of them is right by the lesson and marked wrong. `lesson` is
 * indexWords(lessonText), for a caller that checks many questions of one lesson.
 */
export function otherFillings(
  q: Pick<CheckedQuestion, "prompt" | "answer" | "accepted">,
  lessonText: string,
  lesson: LessonWords = indexWords(lessonText),
): string[] {
  const statement = statementOf(q.prompt);
  const at = statement.indexOf(BLANK);
  if (at < 0) return [];
  const before = wordsOf(statement.slice(0, at)).slice(-CONTEXT_WORDS).map((w) => w.lower);
  const after = wordsOf(statement.slice(at + BLANK.length)).slice(0, CONTEXT_WORDS).map((w) => w.lower);
  // Fewer words than this around a blank fit too many places to say anything.
  if (before.length + after.length < CONTEXT_WORDS) return [];
  const kind = kindOf(q.answer);
  const found: string[] = [];
  const { words: lessonWords } = lesson;
  const n = lessonWords.length;
  /** Whether `context` stands from word i on, in one sentence. */
  const standsAt = (i: number, context: readonly string[]) =>
    i + context.length <= n && context.every((word, j) => lessonWords[i + j]!.lower === word && (j === 0 || !endsSentence(lessonWords[i + j]!.gapBefore)));
  // Where the words before the blank may begin (anywhere when the blank opens the statement).
  const starts = before.length > 0 ? (lesson.at.get(before[0]!) ?? []) : lessonWords.map((_, i) => i);
  for (const from of starts) {
    if (!standsAt(from, before)) continue;
    const first = from + before.length;
    if (first >= n || (before.length > 0 ? endsSentence(lessonWords[first]!.gapBefore) : first > 0 && onlySpace(lessonWords[first]!.gapBefore))) continue;
    for (let length = 1; length <= FILLING_WORDS && first + length <= n; length++) {
      if (length > 1 && !onlySpace(lessonWords[first + length - 1]!.gapBefore)) break;
      const next = first + length;
      const fits =
        after.length > 0
          ? standsAt(next, after) && !endsSentence(lessonWords[next]!.gapBefore)
          : next === n || !onlySpace(lessonWords[next]!.gapBefore);
      if (!fits) continue;
      const other = lessonText.slice(lessonWords[first]!.start, lessonWords[next - 1]!.end);
      if (![q.answer, ...q.accepted].some((v) => sameAnswer(v, other)) && kindOf(other) === kind && !found.some((f) => sameAnswer(f, other))) found.push(other);
      break;
    }
  }
  return found;
}

/**
 * A multiple-choice question's distractors: one that is the key again (an accepted variant, or the
 * key within it or it within the key: "Nile" and "the Nile River"), or a weak one that a learner rules
 * out without knowing the fact (another kind than the key: a name among numbers; or written in the prompt).
 */
export function distractorFlags(q: Pick<CheckedQuestion, "type" | "prompt" | "answer" | "accepted" | "options">): CurationFlag[] {
  if (q.type !== "multiple_choice" || !q.options) return [];
  const variants = [q.answer, ...q.accepted];
  const distractors = q.options.filter((o) => !sameAnswer(o, q.answer));
  const flags: CurationFlag[] = [];
  const isKeyAgain = (o: string) =>
    variants.some((v) => sameAnswer(o, v) || padded(o).includes(padded(v)) || padded(v).includes(padded(o)));
  if (distractors.some(isKeyAgain)) flags.push("distractor-same-as-key");
  const kind = kindOf(q.answer);
  const prompt = padded(statementOf(q.prompt));
  if (distractors.some((o) => !isKeyAgain(o) && (kindOf(o) !== kind || prompt.includes(padded(o))))) flags.push("weak-distractor");
  return flags;
}

/** Jaccard similarity of two statements' words at or above which two questions with one key ask the same. */
const NEAR_DUPLICATE_WORDS = 0.6;

/**
 * The ids of questions that ask what another question of the module asks: the same key, and
 * statements that share most of their words, from different sentences (siblings ask one fact in
 * several forms on purpose, and a deck takes one of them).
 */
export function nearDuplicates(questions: readonly CheckedQuestion[]): Set<string> {
  const byKey = new Map<string, { q: CheckedQuestion; words: Set<string> }[]>();
  for (const q of questions) {
    const key = q.type === "true_false" ? `truth ${q.answer}` : folded(q.answer);
    if (!key) continue;
    const entry = { q, words: new Set(folded(statementOf(q.prompt).replace(BLANK, " ")).split(" ").filter(Boolean)) };
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  const flagged = new Set<string>();
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.q.siblingKey === b.q.siblingKey) continue;
        if (jaccard(a.words, b.words) >= NEAR_DUPLICATE_WORDS) {
          flagged.add(a.q.id);
          flagged.add(b.q.id);
        }
      }
    }
  }
  return flagged;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}
