/**
 * Named examples a sentence lists: "International agencies such as INTERPOL, Europol and the United
 * Nations Office of Counter-Terrorism play a pivotal role in...". Asked one at a time, each name is a
 * blank any other name of its kind fits (blind raters failed such blanks every time); asked as a
 * list, it is what a teacher asks of prose that states few other facts:
 * "The lesson names international agencies that play a pivotal role in... Name one." Any name of
 * the list is right. Pure.
 */
import type { Candidate, CandidateKind } from "./candidates";
import type { QuestionDraft } from "./forms";
import type { Sentence, Token } from "./nlp";
import { NAME_ONE } from "./rules";
import { normaliseOnce } from "./text";

/** Kinds whose candidates are names a learner can write: an example list of them is worth asking. */
const NAMED: ReadonlySet<CandidateKind> = new Set(["organisation", "treaty", "person", "place", "acronym", "name"]);
/** Words that say how many or which of the examples there are, not what they are ("Many regions"). */
const QUANTIFIERS = new Set("many several some other various numerous key notable certain major".split(" "));
/** Adverbs that tie the sentence to the one before it: "also", "further" mean nothing in a question alone. */
const LINKING_ADVERBS = new Set(["also", "further", "furthermore", "additionally", "likewise", "similarly"]);
const POINTERS = new Set("this these those such it its they their them he she his her both".split(" "));
const MIN_ITEMS = 2;
const MAX_ITEMS = 8;
/** Within authoring's limits (app/questions/authoring.ts): an answer of 200 characters, 20 accepted variants. */
const MAX_LIST_CHARS = 180;
const MAX_ACCEPTED = 20;

export interface ExampleList {
  /** The plural noun the examples are examples of, as the sentence writes it ("international agencies"). */
  head: string;
  /** What the sentence says of them, as a relative clause's body ("play a pivotal role in..."). */
  clause: string;
  /** The names, as the sentence writes them ("the United Nations Office of Counter-Terrorism"). */
  items: string[];
  /** Each name's other forms the sentence gives: its acronym in brackets. */
  alternatives: string[][];
}

/** The token just past a list's cue ("such as", "like", "including") that opens at token `i`, or -1 when none does. */
function cueAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i].lower;
  if (t === "such" && tokens[i + 1]?.lower === "as") return i + 2;
  if (t === "like" || t === "including") return i + 1;
  return -1;
}

/** A name's token span [start, end). */
interface NameSpan {
  tokenStart: number;
  tokenEnd: number;
  kind: CandidateKind;
}

/**
 * The sentence's names by their first token, the longest at each. The name finder reads "Merck and
 * Squibb" as one name; in a list each side of an "and" between capitals is a name of its own.
 */
function namesByStart(tokens: readonly Token[], candidates: readonly Candidate[]): Map<number, NameSpan> {
  const byStart = new Map<number, NameSpan>();
  const add = (span: NameSpan) => {
    const had = byStart.get(span.tokenStart);
    if (!had || had.tokenEnd < span.tokenEnd) byStart.set(span.tokenStart, span);
  };
  for (const c of candidates) {
    if (!NAMED.has(c.kind)) continue;
    let from = c.tokenStart;
    for (let k = c.tokenStart + 1; k < c.tokenEnd - 1; k++) {
      const t = tokens[k];
      if ((t.lower !== "and" && t.lower !== "or" && t.text !== ",") || !/^\p{Lu}/u.test(tokens[k - 1].text)) continue;
      add({ tokenStart: from, tokenEnd: k, kind: c.kind });
      from = tokens[k + 1].lower === "the" ? k + 2 : k + 1;
    }
    add({ tokenStart: from, tokenEnd: c.tokenEnd, kind: c.kind });
  }
  return byStart;
}

/**
 * The names from token `from`: "A, B(,) and C", each with "the" before it if the sentence writes one and
 * an acronym in brackets after it. Null unless at least two names are joined by a final "and" or "or"
 * (a list cut short is not the sentence's list).
 */
function readItems(
  tokens: readonly Token[],
  text: string,
  byStart: Map<number, NameSpan>,
  from: number,
): { items: string[]; alternatives: string[][]; end: number } | null {
  const items: string[] = [];
  const alternatives: string[][] = [];
  let p = from;
  let closed = false;
  for (;;) {
    const start = p;
    if (tokens[p]?.lower === "the") p++;
    const name = byStart.get(p);
    if (!name) return null;
    p = name.tokenEnd;
    const nameEnd = tokens[p - 1].end;
    const alts: string[] = [];
    // "(ICAO)", "Deva (Chester)": another name for it; "(later the Earl of Shaftesbury)" says something else.
    if (tokens[p]?.text === "(") {
      const close = tokens.findIndex((t, k) => k > p && t.text === ")");
      if (close < 0 || close - p > 5) return null;
      const inside = text.slice(tokens[p + 1].start, tokens[close - 1].end);
      if (/^\p{Lu}/u.test(inside) && !inside.includes(",")) alts.push(inside);
      p = close + 1;
    }
    items.push(text.slice(tokens[start].start, nameEnd));
    alternatives.push(alts);
    if (closed) break;
    if (tokens[p]?.text === "," && (tokens[p + 1]?.lower === "and" || tokens[p + 1]?.lower === "or")) {
      p += 2;
      closed = true;
    } else if (tokens[p]?.lower === "and" || tokens[p]?.lower === "or") {
      p += 1;
      closed = true;
    } else if (tokens[p]?.text === ",") {
      p += 1;
    } else return null;
    if (items.length >= MAX_ITEMS) return null;
  }
  // "the Russian or Ottoman empires": names followed by a noun modify it, and are no names a learner gives alone.
  if (tokens[p]?.pos === "NOUN") return null;
  // A list an instructor could not save unchanged (authoring's limits on an answer and its variants) is too long to ask.
  const accepted = items.length * 2 + alternatives.reduce((n, a) => n + a.length, 0) + 1;
  if (items.join(", ").length > MAX_LIST_CHARS || accepted > MAX_ACCEPTED) return null;
  return items.length >= MIN_ITEMS ? { items, alternatives, end: p } : null;
}

/** wink tags a capitalised adjective opening a sentence as a proper noun ("International agencies"). */
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN"]);
/** A capitalised word that keeps its capital inside a sentence: a people's or a country's adjective ("European"). */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ese|ish|ch|i)$/u;

/** The plural noun phrase ending at token `last` (inclusive): adjectives and nouns, no determiner. */
function headBefore(tokens: readonly Token[], last: number, body: number): number {
  const end = tokens[last];
  // wink tags a capitalised plural opening the sentence as a proper noun ("Roads such as...").
  if (!end || (end.pos !== "NOUN" && !(end.pos === "PROPN" && last === body)) || !/^\p{L}\p{Ll}[\p{Ll}-]*[^s]s$/u.test(end.text)) return -1;
  let s = last;
  while (s > 0 && MODIFIER.has(tokens[s - 1].pos) && /^\p{L}/u.test(tokens[s - 1].text)) s--;
  while (s < last && QUANTIFIERS.has(tokens[s].lower)) s++;
  return s;
}

/** Words of tokens [from, to) as the sentence writes them, linking adverbs left out. */
function wordsOf(tokens: readonly Token[], text: string, from: number, to: number): string {
  const kept: string[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i].pos === "ADV" && LINKING_ADVERBS.has(tokens[i].lower)) continue;
    const t = tokens[i];
    // Keep the sentence's own spacing between kept neighbours ("counter-terrorism", "NATO's").
    const glued = i > from && t.start === tokens[i - 1].end;
    if (glued && kept.length > 0) kept[kept.length - 1] += text.slice(t.start, t.end);
    else kept.push(text.slice(t.start, t.end));
  }
  return kept.join(" ");
}

/**
 * The clause after the list up to its first comma, semicolon or the sentence's end, or a list of
 * its own ("...connected fortresses such as"): [from, to).
 */
function clauseEnd(tokens: readonly Token[], from: number): number {
  let e = from;
  while (e < tokens.length && !/^[,;:.!?—–(]$/.test(tokens[e].text) && cueAt(tokens, e) < 0) e++;
  return e;
}

/** Tags an opening phrase is made of: "For example,", "In Britain,", "From the twelfth and thirteenth centuries,". */
const OPENING_TAGS = new Set(["ADV", "ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"]);
const MAX_OPENING = 8;

/**
 * The sentence's opening phrase, up to its comma: its end (the first token after the comma, 0 without
 * one) and whether it says where or when (kept in the question) rather than how the sentence follows the
 * one before ("Additionally,", "For example,": left out).
 */
function openingOf(tokens: readonly Token[]): { body: number; kept: boolean } {
  if (tokens[0]?.pos !== "ADV" && tokens[0]?.pos !== "ADP") return { body: 0, kept: false };
  for (let i = 0; i < Math.min(MAX_OPENING + 1, tokens.length); i++) {
    if (tokens[i].text === ",") {
      if (i === 0) return { body: 0, kept: false };
      const connective = i === 1 || /^(?:for|as|in)\s+(?:example|instance|addition|particular|contrast|turn|a result|short|summary|conclusion|general)$/i.test(tokens.slice(0, i).map((t) => t.text).join(" "));
      return { body: i + 1, kept: !connective && tokens[0].pos === "ADP" };
    }
    if (!OPENING_TAGS.has(tokens[i].pos) || POINTERS.has(tokens[i].lower)) return { body: 0, kept: false };
  }
  return { body: 0, kept: false };
}

/** Words that open a relative clause about the examples. */
const RELATIVE = new Set(["which", "who", "that"]);

const isVerb = (t: Token | undefined) => t !== undefined && (t.pos === "VERB" || t.pos === "AUX");

/** Tags a clause cut at a comma must not end on: "did not always, despite the treaty, pay tribute". */
const NEEDS_MORE = new Set(["ADV", "AUX", "PART", "ADP", "DET", "CCONJ", "SCONJ", "PRON"]);

/** Words of tokens [from, to) as a clause, or null when the comma that ends it interrupts it. */
function clauseOf(tokens: readonly Token[], text: string, from: number): string | null {
  const to = clauseEnd(tokens, from);
  if (to <= from || NEEDS_MORE.has(tokens[to - 1].pos)) return null;
  return wordsOf(tokens, text, from, to);
}

/**
 * "...on multilateral organizations, such as the United Nations and INTERPOL, which facilitate partnerships":
 * a relative clause right after the list says what each example does, wherever the list stands.
 */
function relativeClause(tokens: readonly Token[], text: string, listEnd: number): string | null {
  if (tokens[listEnd]?.text !== "," || !RELATIVE.has(tokens[listEnd + 1]?.lower ?? "")) return null;
  const from = listEnd + 2;
  let verb = from;
  while (tokens[verb]?.pos === "ADV") verb++;
  return isVerb(tokens[verb]) ? clauseOf(tokens, text, from) : null;
}

/** The examples as the subject ("Agencies such as A and B play..."): what follows them is said of each. */
function subjectClause(tokens: readonly Token[], text: string, listEnd: number, aside: boolean): string | null {
  let after = listEnd;
  if (aside) {
    if (tokens[after]?.text !== ",") return null;
    after++;
  }
  let verb = after;
  while (tokens[verb]?.pos === "ADV") verb++;
  return isVerb(tokens[verb]) ? clauseOf(tokens, text, after) : null;
}

/**
 * The examples as an object ("The US has launched initiatives like A, B and C to detect..."): the clause before
 * them, opening the sentence, is what is said of them, with a purpose after them.
 */
function objectClause(
  tokens: readonly Token[],
  text: string,
  body: number,
  headStart: number,
  listEnd: number,
  names: ReadonlyMap<number, NameSpan>,
): string | null {
  const prefix = tokens.slice(body, headStart);
  let prefixEnd = headStart;
  while (prefixEnd > body && (tokens[prefixEnd - 1].pos === "DET" || QUANTIFIERS.has(tokens[prefixEnd - 1].lower))) prefixEnd--;
  if (prefix.some((t) => /^[,;:()]$/.test(t.text)) || !prefix.some(isVerb)) return null;
  // "Dust fell on Chicago and reached cities such as...": the examples belong to the second clause only.
  const firstVerb = prefix.findIndex(isVerb);
  if (prefix.some((t, k) => k > firstVerb && t.pos === "CCONJ")) return null;
  const opening = tokens[body];
  if (opening.pos === "PRON" || (opening.pos === "DET" && opening.lower !== "the")) return null;
  let lead = wordsOf(tokens, text, body, prefixEnd);
  // The first word owes its capital to its place unless a name opens there ("The US has...", "NATO has...").
  // ("name" is the finder's kind for any capitalised word it cannot place: "Merchants traded...").
  const named = (names.get(body)?.kind ?? "name") !== "name";
  if (opening.lower === "the" || (!named && !/^\p{Lu}{2,}/u.test(opening.text))) lead = lead[0].toLowerCase() + lead.slice(1);
  // A purpose after the list ("to detect and disrupt...") belongs to the clause; other words would dangle.
  const tail = tokens[listEnd]?.lower === "to" && tokens[listEnd + 1]?.pos === "VERB" ? clauseOf(tokens, text, listEnd) : "";
  if (tail === null || (!tail && listEnd < tokens.length && !/^[,;.!?]$/.test(tokens[listEnd].text))) return null;
  return tail ? `${lead} ${tail}` : lead;
}

/**
 * The sentence's list of named examples, or null. Three shapes are read: a relative clause after the
 * list ("...organizations, such as A and B, which facilitate..."), the examples as the subject
 * ("Agencies such as A and B play..."; "Many regions, such as A and B, illustrate...") and as the object
 * of a clause that opens the sentence ("The US has launched initiatives like A, B and C to detect...").
 * Anything else (the list inside an aside, a pronoun for a subject) is left alone.
 */
export function exampleList(sentence: Sentence, candidates: readonly Candidate[]): ExampleList | null {
  const { tokens, text } = sentence;
  if (!/\b(?:such as|like|including)\b/.test(text)) return null;
  const byStart = namesByStart(tokens, candidates);
  if (byStart.size < MIN_ITEMS) return null;
  const { body, kept: openingKept } = openingOf(tokens);
  // "In Britain, roads such as...": where or when is part of what is said of the examples.
  const opening = openingKept ? wordsOf(tokens, text, 0, body - 1).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()) : "";
  for (let i = body + 1; i < tokens.length; i++) {
    const afterCue = cueAt(tokens, i);
    if (afterCue < 0) continue;
    const aside = tokens[i - 1].text === ",";
    const headEnd = aside ? i - 2 : i - 1;
    const headStart = headBefore(tokens, headEnd, body);
    if (headStart < 0) continue;
    const list = readItems(tokens, text, byStart, afterCue);
    if (!list) continue;
    const head = wordsOf(tokens, text, headStart, headEnd + 1);
    const opensBody = tokens.slice(body, headStart).every((t) => QUANTIFIERS.has(t.lower));
    const clause =
      relativeClause(tokens, text, list.end) ??
      (opensBody ? subjectClause(tokens, text, list.end, aside) : aside ? null : objectClause(tokens, text, body, headStart, list.end, byStart));
    if (clause === null) continue;
    if (clause.split(" ").length < 3) continue;
    if (clause.split(/\s+/).some((w) => POINTERS.has(w.toLowerCase()))) continue;
    // Only the sentence's first word owes its capital to its place.
    const lowerHead = headStart === body && !DEMONYM.test(tokens[headStart].text) && !/^\p{Lu}{2}/u.test(head) ? head[0].toLowerCase() + head.slice(1) : head;
    // A name the clause itself shows would answer the question from its own words.
    const shown = ` ${normaliseOnce(clause)} `;
    const keep = list.items.map((item, k) => ({ item, alts: list.alternatives[k] })).filter(({ item }) => !shown.includes(` ${normaliseOnce(item)} `));
    if (keep.length < MIN_ITEMS) continue;
    return { head: lowerHead, clause: opening ? `, ${opening}, ${clause}` : clause, items: keep.map((k) => k.item), alternatives: keep.map((k) => k.alts) };
  }
  return null;
}

/** "The lesson names international agencies that play... Name one.": any of the names is right. */
export function exampleListQuestion(list: ExampleList): QuestionDraft {
  const { items, alternatives } = list;
  const answer = `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
  // The list itself is accepted too: each name on its own is, and so is all of it.
  const accepted: string[] = [answer];
  const add = (v: string) => {
    if (!accepted.includes(v)) accepted.push(v);
  };
  items.forEach((item, k) => {
    add(item);
    add(item.replace(/^the\s+/i, ""));
    for (const alt of alternatives[k]) add(alt);
  });
  return { type: "short_answer", prompt: `The lesson names ${list.head} that${list.clause.startsWith(",") ? "" : " "}${list.clause}. ${NAME_ONE}`, answer, accepted, weight: 1 };
}
