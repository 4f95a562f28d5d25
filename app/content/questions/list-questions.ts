/**
 * "Key differences in legal standards include which of the following?": a list the lesson
 * introduces with a lead-in ("Key differences in legal standards include:"), asked as multiple
 * choice: one of its items against items of the course's other lists.
 *
 * Prose that states few facts still says what its lists name, and a reader of the lesson can pick
 * an item of the list out from items of other lists, which the lesson gives for other points. Each
 * wrong option is an item of another list sharing no content word with this one's items or lead-in:
 * in a course on one subject, lists overlap ("Information exchange on terrorist networks",
 * "Information exchange pertaining to suspects"), and an overlapping option may be as right.
 */
import type { Block, LessonDraft } from "../types";
import { orderKeysAfter } from "./ids";
import { STOPWORDS } from "./text";

export interface ListQuestion {
  prompt: string;
  answer: string;
  options: string[];
  /** The lead-in and the list, as the lesson gives them. */
  source: { sentence: string; line: number };
}

/** A list introduced by a lead-in, as found in a lesson. */
interface IntroducedList {
  module: number;
  lesson: number;
  /** The question's stem: the lead-in reworded to ask ("... include which of the following?"). */
  stem: string;
  items: string[];
  /** Content words of the lead-in and every item: a wrong option shares none. */
  words: Set<string>;
  source: { sentence: string; line: number };
}

const MIN_ITEMS = 3;
const MAX_ITEMS = 10;
const MIN_ITEM_WORDS = 2;
const MAX_ITEM_WORDS = 14;
/** Items asked per list: its questions would share one prompt, and a deck takes one question per list. */
const QUESTIONS_PER_LIST = 1;
/** A lead-in of so few words says little alone ("Key impacts include:"): the sentence before it is shown. */
const SHORT_LEAD_IN_WORDS = 7;
/** Words that point at what an earlier sentence names: the sentence before is shown, if it names it. */
const POINTER = /\b(?:this|these|those|such|they|their|its|it)\b/i;
/** Words by which a sentence leans on the one before it. */
const LEANING = /\b(?:this|these|those|such|they|them|it)\b/i;
const CONNECTIVE_OPENING = /^(?:for (?:instance|example)|moreover|furthermore|however|additionally|also|similarly|in addition|as a result|thus|therefore|consequently)\b/i;
/** Words that end a lead-in and take the list as their object ("include:", "provisions for:"). */
const TAKES_OBJECT = /\b(?:include|includes|included|including|involve|involves|involved|are|is|were|as|for|of|comprise|comprises|cover|covers|contain|contains|require|requires|requiring)$/i;

/** Every module's introduced lists, in course order. */
export function introducedLists(modules: ReadonlyArray<{ lessons: readonly LessonDraft[] }>): IntroducedList[] {
  const out: IntroducedList[] = [];
  modules.forEach((m, module) =>
    m.lessons.forEach((lesson, l) =>
      lesson.blocks.forEach((block, b) => {
        if (block.kind !== "list") return;
        const found = introduced(lesson.blocks[b - 1], block);
        if (found) out.push({ module, lesson: l, ...found });
      }),
    ),
  );
  return out;
}

function introduced(before: Block | undefined, list: Extract<Block, { kind: "list" }>): Omit<IntroducedList, "module" | "lesson"> | null {
  if (before?.kind !== "paragraph") return null;
  const items = list.items.map((item) => item.trim().replace(/[.;,]+$/, ""));
  if (items.length < MIN_ITEMS || items.length > MAX_ITEMS) return null;
  if (items.some((item) => wordCount(item) < MIN_ITEM_WORDS || wordCount(item) > MAX_ITEM_WORDS)) return null;
  // "Atmosphere: about 9 days": a glossary's or a table's entries, asked by definitionQuestion, not one of a kind.
  if (items.some((item) => item.includes(":"))) return null;
  const sentences = before.text.trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  const leadIn = sentences.at(-1) ?? "";
  if (!leadIn.endsWith(":")) return null;
  const stem = askingStem(leadIn.slice(0, -1).trim());
  if (stem === null) return null;
  // The lead-in is shown after the sentence before it, which says what the list is about ("A structured approach"
  // to what?), where that sentence stands alone: no pointer of its own, no connective tying it to the one before.
  // A lead-in that points back or says little alone is not asked without it.
  const previous = sentences.at(-2);
  const previousStandsAlone = previous !== undefined && !LEANING.test(previous) && !CONNECTIVE_OPENING.test(previous);
  if (!previousStandsAlone && (POINTER.test(leadIn) || wordCount(leadIn) < SHORT_LEAD_IN_WORDS)) return null;
  const shown = previousStandsAlone ? `${previous} ${stem}` : stem;
  const words = new Set<string>();
  for (const text of [leadIn, ...items]) for (const w of contentWords(text)) words.add(w);
  return { stem: shown, items, words, source: { sentence: `${leadIn} ${items.join("; ")}.`, line: list.line } };
}

/**
 * The lead-in as a question: "The following factors contribute to X" → "Which of the following factors contribute
 * to X?"; "Key elements include" → "Key elements include which of the following?". Null for any other shape.
 */
export function askingStem(leadIn: string): string | null {
  if (/^The following\b/.test(leadIn)) return `Which of the following${leadIn.slice("The following".length)}?`;
  if (/\bthe following\b/.test(leadIn)) return `${leadIn.replace(/\bthe following\b/, "which of the following")}?`;
  if (TAKES_OBJECT.test(leadIn)) return `${leadIn} which of the following?`;
  return null;
}

/**
 * The questions of one lesson's lists: each of the first items against three items of other lists
 * (the same module's first, then the course's) of about its length that share no content word with it.
 */
export function listQuestions(lists: readonly IntroducedList[], module: number, lesson: number): ListQuestion[] {
  const out: ListQuestion[] = [];
  for (const list of lists) {
    if (list.module !== module || list.lesson !== lesson) continue;
    const others = [...lists.filter((o) => o !== list && o.module === module), ...lists.filter((o) => o.module !== module)];
    for (const answer of list.items.slice(0, QUESTIONS_PER_LIST)) {
      const length = wordCount(answer);
      const wrong: string[] = [];
      for (const other of others) {
        for (const item of other.items) {
          if (wrong.length === 3) break;
          const n = wordCount(item);
          if (n < length / 2 || n > length * 2) continue;
          // Items written alike: a capital or not, as the key opens.
          if (startsUpper(item) !== startsUpper(answer)) continue;
          if (contentWords(item).some((w) => list.words.has(w))) continue;
          if (wrong.some((w) => contentWords(w).some((x) => contentWords(item).includes(x)))) continue;
          wrong.push(item);
        }
        if (wrong.length === 3) break;
      }
      if (wrong.length < 3) continue;
      const keyOf = orderKeysAfter([answer, list.stem]);
      const options = [answer, ...wrong].sort((a, b) => keyOf(a) - keyOf(b));
      out.push({ prompt: list.stem, answer, options, source: list.source });
    }
  }
  return out;
}

function startsUpper(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Lower-case words of four letters or more that are not stopwords, cut to a crude stem (their first five letters). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}'-]{3,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 5));
}
