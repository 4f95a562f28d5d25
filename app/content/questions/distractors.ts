/**
 * Wrong options of the same kind as the answer — a year for a year, an
 * organisation for an organisation, a number with the same unit — drawn from
 * the lesson first, then the module, then the whole course. The choice is
 * deterministic: numbers nearest the answer first, other kinds in a fixed hash
 * order starting at a point set by the answer. Never the answer, a variant of
 * it, a value its own sentence names, or anything sharing a word with it.
 */
import type { Candidate } from "./candidates";
import { orderNumber } from "./ids";
import { STOPWORDS, forms, normaliseAnswer, wordForm } from "./text";

interface PoolEntry {
  text: string;
  folded: string;
  /** Position in the fixed hash order (orderNumber of the folded text). */
  key: number;
  wordCount: number;
  /** The grammatical shape an option must share with the answer (see formOf). */
  form: number;
  value?: number;
  module: number;
  lesson: number;
  /**
   * forms(text), on first use (an entry is offered to many answers), read off the folding: the
   * option text differs from the candidate's at most by a small first letter, which folding makes
   * small anyway (see entryForms).
   */
  forms: readonly string[] | undefined;
}

/** Families of interchangeable answers, strictest first. */
function families(c: Pick<Candidate, "kind" | "unitKey" | "text">): string[] {
  if (c.kind === "quantity") {
    const own = `quantity|${c.unitKey ?? ""}`;
    return c.unitKey?.startsWith("count") ? [own, "quantity|count*"] : [own];
  }
  if (c.kind === "term" || c.kind === "phrase") return [c.kind, c.kind === "term" ? "phrase" : "term"];
  return [c.kind];
}

function entryFamilies(c: Pick<Candidate, "kind" | "unitKey" | "text">): string[] {
  if (c.kind === "quantity") {
    const own = `quantity|${c.unitKey ?? ""}`;
    return c.unitKey?.startsWith("count") ? [own, "quantity|count*"] : [own];
  }
  return [c.kind];
}

class Shelf {
  /**
   * One entry per answer over the whole course (its first occurrence): the
   * course tier only looks past the answer's own module, whose entries the
   * earlier tiers have already offered, so repeats there would only be skipped.
   */
  readonly all: PoolEntry[] = [];
  private readonly inAll = new Set<string>();
  readonly byModule = new Map<number, PoolEntry[]>();
  /** By lessonNumber(module, lesson). */
  readonly byLesson = new Map<number, PoolEntry[]>();
  private sorted = false;

  add(e: PoolEntry): void {
    if (!this.inAll.has(e.folded)) {
      this.inAll.add(e.folded);
      this.all.push(e);
    }
    push(this.byModule, e.module, e);
    push(this.byLesson, lessonNumber(e.module, e.lesson), e);
    this.sorted = false;
  }

  sort(): void {
    if (this.sorted) return;
    const byKey = (a: PoolEntry, b: PoolEntry) =>
      (a.value ?? 0) - (b.value ?? 0) || a.key - b.key;
    this.all.sort(byKey);
    for (const list of this.byModule.values()) list.sort(byKey);
    for (const list of this.byLesson.values()) list.sort(byKey);
    this.sorted = true;
  }
}

/** One number per lesson of the course (a key without building a string for every candidate). */
function lessonNumber(module: number, lesson: number): number {
  return module * 1_000_000 + lesson;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The candidates given to one family's shelf before any pick read it, column by column (no object
 * per candidate): what its entries are made from. Most families are never read: no option is
 * picked for a loose name, and plain noun phrases (nine candidates in ten) only for a defined
 * term, so their entries are made only if a pick asks for them.
 */
class PendingShelf {
  readonly texts: string[] = [];
  readonly folded: string[] = [];
  readonly starts: number[] = [];
  readonly wordCounts: number[] = [];
  readonly numerics: Array<Candidate["numeric"]> = [];
  readonly modules: number[] = [];
  readonly lessons: number[] = [];
}

export class DistractorPool {
  private readonly shelves = new Map<string, Shelf>();
  /** Candidates not yet on their family's shelf, by family: lessons are added one after another, before any pick. */
  private readonly pending = new Map<string, PendingShelf>();

  add(c: Candidate, module: number, lesson: number): void {
    const folded = c.folded;
    const wordCount = c.words.length;
    if (!folded || wordCount > 6) return;
    for (const family of entryFamilies(c)) {
      let waiting = this.pending.get(family);
      if (!waiting) this.pending.set(family, (waiting = new PendingShelf()));
      waiting.texts.push(c.text);
      waiting.folded.push(folded);
      waiting.starts.push(c.start);
      waiting.wordCounts.push(wordCount);
      waiting.numerics.push(c.numeric);
      waiting.modules.push(module);
      waiting.lessons.push(lesson);
    }
  }

  /**
   * The family's shelf, its pending candidates put on it first, in the order given: a lesson's
   * repeats of one answer (folded) are left out. The kind is the family's: every candidate of a
   * family has it (see entryFamilies).
   */
  private shelf(family: string): Shelf | undefined {
    const waiting = this.pending.get(family);
    if (waiting) {
      this.pending.delete(family);
      let shelf = this.shelves.get(family);
      if (!shelf) this.shelves.set(family, (shelf = new Shelf()));
      const kind = (family.startsWith("quantity|") ? "quantity" : family) as Candidate["kind"];
      let seen = new Set<string>();
      let seenLesson = -1;
      for (let k = 0; k < waiting.folded.length; k++) {
        const module = waiting.modules[k];
        const lesson = waiting.lessons[k];
        const lessonKey = lessonNumber(module, lesson);
        if (lessonKey !== seenLesson) {
          seen = new Set();
          seenLesson = lessonKey;
        }
        const folded = waiting.folded[k];
        if (seen.has(folded)) continue;
        seen.add(folded);
        const c = { kind, text: waiting.texts[k], start: waiting.starts[k], numeric: waiting.numerics[k] };
        shelf.add({
          text: optionText(c),
          folded,
          key: orderNumber(folded),
          wordCount: waiting.wordCounts[k],
          form: formOf(c),
          value: c.numeric?.value,
          module,
          lesson,
          forms: undefined,
        });
      }
    }
    return this.shelves.get(family);
  }

  /** Up to `count` distractors for the answer `c` (its accepted variants given). */
  pick(c: Candidate, accepted: string[], module: number, lesson: number, count: number): string[] {
    // Lists, not sets: a pick runs for every fact, and holds a few words and at most `count` options.
    const answerForms: string[] = [];
    for (const a of accepted) for (const w of forms(a)) if (!STOPWORDS.has(w)) answerForms.push(w);
    const acceptedFolded: string[] = [];
    for (const a of accepted) acceptedFolded.push(normaliseAnswer(a));
    const picking: Picking = {
      answer: c,
      answerForms,
      acceptedFolded,
      sentenceFolded: normaliseAnswer(c.sentence.text),
      count,
      module,
      lesson,
      chosen: [],
      chosenFolded: [],
      form: formOf(c),
    };
    const chosen = picking.chosen;
    const seed = orderNumber(c.folded);
    for (const family of families(c)) {
      const shelf = this.shelf(family);
      if (!shelf) continue;
      shelf.sort();
      const lessonList = shelf.byLesson.get(lessonNumber(module, lesson));
      if (lessonList && offerInOrder(lessonList, "lesson", seed, picking)) return chosen;
      const moduleList = shelf.byModule.get(module);
      if (moduleList && offerInOrder(moduleList, "module", seed, picking)) return chosen;
      if (offerInOrder(shelf.all, "course", seed, picking)) return chosen;
    }
    return chosen;
  }
}

/**
 * What grammar alone would tell apart, as bits: a proper name (capitalised where the sentence does
 * not force it) or a common noun; plural or singular (only for common nouns: "United Nations" is one).
 * Each in two bits, known-yes and known-no; a sentence-initial word leaves its capital unknown.
 */
const PROPER = 1;
const COMMON = 2;
const PLURAL = 4;
const SINGULAR = 8;
const NAME_KINDS = new Set(["acronym", "organisation", "treaty", "person", "place", "name"]);
const PLURAL_ENDING = /[^su']s$/;
const CAPITAL_OPENING = /^\p{Lu}/u;

export function formOf(c: Pick<Candidate, "kind" | "text" | "start">): number {
  if (NAME_KINDS.has(c.kind)) return PROPER;
  const ws = c.text.trim().split(/\s+/);
  let form = 0;
  // A capital past the first word, without a list of which words have one.
  let laterCapital = false;
  for (let k = 1; k < ws.length && !laterCapital; k++) laterCapital = CAPITAL_OPENING.test(ws[k]);
  if (laterCapital) form |= PROPER;
  else if (c.start > 0) form |= CAPITAL_OPENING.test(ws[0]) ? PROPER : COMMON;
  else if (ws.length > 1) form |= COMMON;
  if (!(form & PROPER)) {
    const last = ws[ws.length - 1].toLowerCase();
    form |= PLURAL_ENDING.test(last) && last.length > 3 ? PLURAL : SINGULAR;
  }
  return form;
}

/** forms(text) of an option whose folding is `folded`, without folding the text again. */
export function entryForms(folded: string): readonly string[] {
  return folded === "" ? [] : folded.split(" ").map(wordForm);
}

/** A common noun phrase that opened its sentence is offered in lower case ("Regional agreements" -> "regional agreements"). */
export function optionText(c: Pick<Candidate, "kind" | "text" | "start" | "numeric">): string {
  if (c.start > 0 || NAME_KINDS.has(c.kind) || c.numeric !== undefined || !/^\p{Lu}\p{Ll}/u.test(c.text)) return c.text;
  return (formOf(c) & PROPER) !== 0 ? c.text : c.text.charAt(0).toLowerCase() + c.text.slice(1);
}

/** Whether no bit known for one contradicts the other: proper against common, plural against singular. */
function sameForm(a: number, b: number): boolean {
  return !clash(a, b, PROPER, COMMON) && !clash(a, b, PLURAL, SINGULAR);
}

/**
 * Whether one form says `yes` where the other says `no`. A function of its own, not a closure in
 * sameForm: under tsx (keepNames) every closure made costs a defineProperty call, and sameForm runs
 * for every option considered.
 */
function clash(a: number, b: number, yes: number, no: number): boolean {
  return ((a & yes) !== 0 && (b & no) !== 0) || ((a & no) !== 0 && (b & yes) !== 0);
}

/** One pick in progress: the answer, what rules its options out, and the options chosen so far. */
interface Picking {
  answer: Candidate;
  answerForms: string[];
  acceptedFolded: string[];
  sentenceFolded: string;
  count: number;
  module: number;
  lesson: number;
  chosen: string[];
  chosenFolded: string[];
  /** formOf(answer). */
  form: number;
}

/**
 * Takes `e` as an option if it fits; true once enough are chosen. A function of
 * the pick's state rather than a closure over it: under tsx (keepNames) every
 * closure made costs a defineProperty call, and this one was made for every fact.
 */
function consider(p: Picking, e: PoolEntry): boolean {
  const c = p.answer;
  if (p.chosenFolded.includes(e.folded) || p.acceptedFolded.includes(e.folded)) return false;
  if (c.numeric) {
    if (e.value === undefined || e.value === c.numeric.value) return false;
  } else {
    if (Math.abs(e.wordCount - c.words.length) > 2) return false;
    if (!sameForm(e.form, p.form)) return false;
    // Sharing a word ("United Nations" for "United Nations Security Council") would be half right.
    e.forms ??= entryForms(e.folded);
    for (const w of e.forms) if (p.answerForms.includes(w)) return false;
  }
  // A value the sentence itself names could make the option true as well.
  if (containsWords(p.sentenceFolded, e.folded)) return false;
  p.chosen.push(e.text);
  p.chosenFolded.push(e.folded);
  return p.chosen.length >= p.count;
}

/**
 * The tiers of the pool, nearest first: the answer's lesson, the rest of its
 * module, the rest of the course. The module's list holds the lesson's entries
 * too and the course's list the module's, so each tier skips what an earlier one offered.
 */
type Tier = "lesson" | "module" | "course";

/** Offers `e` to the pick unless an earlier tier already offered it; true once enough are chosen. */
function offer(p: Picking, tier: Tier, e: PoolEntry): boolean {
  if (tier === "module" ? e.lesson === p.lesson : tier === "course" ? e.module === p.module : false) return false;
  return consider(p, e);
}

/**
 * Offers the entries of `list` to the pick until it has enough (then true): numbers
 * nearest the answer's value first; otherwise the hash order, starting where the seed
 * falls. A loop calling plain functions, neither a generator nor closures: it runs for every fact.
 */
function offerInOrder(list: PoolEntry[], tier: Tier, seed: number, p: Picking): boolean {
  const target = p.answer.numeric?.value;
  if (target !== undefined) {
    // `list` is sorted by value for numeric shelves: walk outwards from the target.
    let hi = firstAtLeast(list, target, true);
    let lo = hi - 1;
    while (lo >= 0 || hi < list.length) {
      const below = lo >= 0 ? target - (list[lo].value ?? -Infinity) : Infinity;
      const above = hi < list.length ? (list[hi].value ?? Infinity) - target : Infinity;
      // Written so that a value that is not a number (NaN distances) still walks inside the list.
      const up = hi < list.length && (lo < 0 || above <= below);
      if (offer(p, tier, up ? list[hi++] : list[lo--])) return true;
    }
    return false;
  }
  const from = firstAtLeast(list, seed, false);
  for (let i = 0; i < list.length; i++) if (offer(p, tier, list[(from + i) % list.length])) return true;
  return false;
}

/**
 * Whether the folded `needle` stands as whole words in the folded `haystack` (words
 * joined by single spaces): what testing the space-padded needle against the
 * space-padded haystack tells, without building either padded string.
 */
function containsWords(haystack: string, needle: string): boolean {
  if (needle === "") return ` ${haystack} `.includes("  ");
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const startsWord = at === 0 || haystack.charCodeAt(at - 1) === 32;
    const end = at + needle.length;
    if (startsWord && (end === haystack.length || haystack.charCodeAt(end) === 32)) return true;
  }
  return false;
}

/**
 * First index of the list whose value (`byValue`; no value counts as infinite) or
 * key is not below `x`; the list is sorted by the same. A flag rather than a
 * predicate: a predicate was a closure made for every fact.
 */
function firstAtLeast(list: PoolEntry[], x: number, byValue: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byValue ? (list[mid].value ?? Infinity) : list[mid].key) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
