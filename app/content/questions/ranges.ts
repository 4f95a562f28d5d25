/**
 * Ranges a sentence states: "Between 1874 and 1886 the group staged eight exhibitions", "Symptoms begin
 * 10 to 14 days after exposure", "the fourth voyage, 1413–1415". A blank over one end is given away or left
 * open by the other (the checks flag it: part-of-a-number), so such facts were never asked. The range is one
 * fact: both ends are blanked and asked together ("Which years fill the blanks? Between _____ and _____ the
 * group staged..."). Years in brackets are left alone: a person's ("Babur (1483–1530)") are an aside, and an
 * event's are asked by year-ranges.ts. Pure.
 */
import type { QuestionDraft } from "./forms";
import { BLANK } from "./rules";
import { MONTH_NAMES } from "./text";
import { withTopic } from "./topic";

export interface NumberRange {
  /** Offsets in the sentence of the two numbers, [start, end) each. */
  from: { start: number; end: number };
  to: { start: number; end: number };
  /** Whether both ends are years (four digits, the second later than the first). */
  years: boolean;
  /** Whether both ends are decades ("the 1880s and 1890s"): years too, asked as decades. */
  decades?: boolean;
}

/** A number as written: digits with thousands separators or a decimal part. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?`;
/** "about", "around", "c." before either end: shown in the prompt, not asked. */
const QUALIFIER = String.raw`(?:(?:about|around|roughly|approximately|nearly|some|c\.|circa)\s+)?`;
/**
 * "between A and B", "from A to B" (or "until", "till"), "A to B", "A–B" (a dash or a hyphen). A plain "A and B"
 * joins two values, not a range ("in 1902 and 1903"); "A or B" is a guess at one.
 */
const RANGE = new RegExp(
  String.raw`(?<![\d.,\p{L}$£€¥/−-])(?:(?<cue>[Bb]etween|[Ff]rom)\s+${QUALIFIER})?(?<from>${NUMBER})(?:\s+(?<word>and|to|until|till)\s+${QUALIFIER}|\s?(?<dash>[–—-])\s?)(?<to>${NUMBER})(?![\d\p{L}]|[.,]\d|\s?[–—-]\s?\d|\s+(?:and|or|to)\s+\d)`,
  "gu",
);

/** "BC", "BCE", "B.C." after the second end: years counted down to the era. */
const BEFORE_ERA = /^\s?(?:BCE?|B\.C\.(?:E\.)?)(?![\p{L}\d])/u;

const MONTH = new RegExp(String.raw`^\s*(?:${MONTH_NAMES})\b`);
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_NAMES})\s+(?:(?:between|from)\s+)?$`);

/** A name or an event's word right before a span of years: "the Harbour War of ", "the reign of ", "the Meiji era, ". */
const EVENT_BEFORE_YEARS =
  /(?:\b\p{Lu}\p{Ll}+|\b(?:war|wars|reign|rule|period|era|crisis|campaign|expedition|rebellion|revolt|revolution|occupation|siege|dynasty|presidency|tenure|voyage|famine|epidemic|strike)),?\s+(?:of\s+|in\s+|from\s+|between\s+)?$/u;
/** "in early ", "the spring of ", "since ", "May ": words a year follows, and a count does not ("in 1500 to 2,000 villages"). */
const DATE_BEFORE = new RegExp(
  String.raw`\b(?:early|late|mid|since|during|until|(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+of|${MONTH_NAMES})\s+$`,
  "i",
);
/** Words that follow a span of years ("between 1405 and 1433 the Ming..."), where a measure's unit would not. */
const AFTER_YEARS = new Set(
  "the a an and or but when as in on at by to for with he she it they his her its their which who that this these those there during before after while until then".split(" "),
);

/** The ranges of a sentence (outside brackets), in order. */
export function numberRanges(text: string): NumberRange[] {
  const out: NumberRange[] = [];
  for (const m of text.matchAll(RANGE)) {
    const { cue, from, word, dash, to } = m.groups!;
    // "and" joins a range only after "between"; "to" after "from" or alone.
    if (word === "and" && cue?.toLowerCase() !== "between") continue;
    if ((word === "until" || word === "till") && cue?.toLowerCase() !== "from") continue;
    if (word === undefined && dash === undefined) continue;
    const at = m.index ?? 0;
    // "12 to 14 to 16": the second step of a longer run.
    if (insideBrackets(text, at) || /\d\s*(?:to|and|or|[–—-])\s*$/.test(text.slice(Math.max(0, at - LOOK_BACK), at))) continue;
    const fromStart = at + m[0].indexOf(from, cue ? cue.length : 0);
    const toStart = at + m[0].length - to.length;
    const low = Number(from.replace(/,/g, ""));
    const high = Number(to.replace(/,/g, ""));
    // "dated to about 650–600 BC": years before the era count down.
    const beforeEra = BEFORE_ERA.test(text.slice(toStart + to.length));
    if (!(beforeEra ? low > high : low < high)) continue;
    // Years: four digits each, from 1000 to 2100, and no measure after them ("between 1000 and 2000 metres").
    const inYears = (n: string) => /^\d{4}$/.test(n) && Number(n) >= 1000 && Number(n) <= 2100;
    if (beforeEra) {
      out.push({ from: { start: fromStart, end: fromStart + from.length }, to: { start: toStart, end: toStart + to.length }, years: true });
      continue;
    }
    const nextWord = /^\s*(\p{Ll}+)/u.exec(text.slice(toStart + to.length))?.[1];
    // "The Harbour War of 1426–1435 ended...": a verb after them dates an event as well, where a name or an event's
    // word comes before them ("Between 1200 and 1500 were killed" counts people).
    const datedEvent = nextWord !== undefined && VERB_AFTER_YEARS.test(nextWord) && EVENT_BEFORE_YEARS.test(text.slice(Math.max(0, at - LOOK_BACK), at));
    const years = inYears(from) && inYears(to) && (nextWord === undefined || AFTER_YEARS.has(nextWord) || datedEvent);
    // "from about 500 livres in early 1719 to nearly 10,000 livres": a year, then a measure; no range.
    if (inYears(from) !== inYears(to) && DATE_BEFORE.test(text.slice(Math.max(0, fromStart - LOOK_BACK), fromStart))) continue;
    // "Between 22 and 24 October 1956", "October 22–24": days of a date; the date is the fact.
    if (MONTH.test(text.slice(toStart + to.length)) || MONTH_BEFORE.test(text.slice(Math.max(0, fromStart - LOOK_BACK), fromStart))) continue;
    // "1939-45", "pages 12-3": a shortened second end is left alone, as are codes and scores ("3-1", "A-4").
    // A measure's unit after the second end is a word or a symbol: "950–1,100 °C", "12–15 %".
    if (dash !== undefined && !years && (/^\d{4}$/.test(from) || !/^\s*(?:\p{Ll}|°\s?[CFK]\b|[℃℉%])/u.test(text.slice(toStart + to.length)))) continue;
    out.push({ from: { start: fromStart, end: fromStart + from.length }, to: { start: toStart, end: toStart + to.length }, years });
  }
  return out;
}

/**
 * "in 1902 and 1903", "the revolutions of 1830 and 1848": two years a sentence joins with "and" after "in" or "of".
 * A blank over either is given away or left open by the other (part-of-a-number), so neither was asked; the
 * pair is asked whole, as a range is. Not one of a longer list ("in 1996, 2008 and 2015"), nor years of a measure.
 */
const YEAR_PAIR =
  /(?<=\b(?<cue>[Ii]n|[Oo]f)\s)(?<!\d[,;]?\s(?:[Ii]n|[Oo]f)\s)(?<first>1\d{3}|20\d{2})\s+and\s+(?<second>1\d{3}|20\d{2})(?![\d\p{L}]|[.,]\d|\s?[–—-]\s?\d|,?\s+(?:and|or)\s+(?:in\s+)?\d)/gu;
/**
 * What "of" two years must follow to date events, not count things: "the revolutions of 1830 and 1848", not
 * "crowds of 1200 and 1500".
 */
const DATED_BY_OF = /\b(?:revolutions|wars|elections|conferences|crises|treaties|acts|floods|famines|games|olympics|expeditions|voyages|uprisings|campaigns|editions|censuses|reforms|constitutions|congresses|councils|exhibitions|eruptions|earthquakes|epidemics|outbreaks|summers|winters|seasons|rebellions|riots|strikes|sieges|battles|invasions|partitions|missions|surveys)\s$/i;

/** A verb or a preposition after a pair of years ("the revolutions of 1830 and 1848 showed"), where a measure's unit would not be. */
const VERB_AFTER_YEARS =
  /^(?:\p{Ll}+ed|was|were|saw|had|led|made|brought|gave|took|began|became|left|against|across|under|over|from|into|near|despite|without|within|through|throughout|because|following)$/u;

/** The pairs of years of a sentence (outside brackets), in order, as ranges: see YEAR_PAIR. */
export function yearPairs(text: string): NumberRange[] {
  const out: NumberRange[] = [];
  // Most sentences join no two numbers: looked for before the expression, which tries every position.
  if (!/\d\s+and\s+\d/.test(text)) return out;
  for (const m of text.matchAll(YEAR_PAIR)) {
    const at = m.index ?? 0;
    if (insideBrackets(text, at) || !(Number(m.groups!.first) < Number(m.groups!.second))) continue;
    if (/^of$/i.test(m.groups!.cue) && !DATED_BY_OF.test(text.slice(Math.max(0, at - LOOK_BACK), at - 3))) continue;
    const nextWord = /^\s*(\p{Ll}+)/u.exec(text.slice(at + m[0].length))?.[1];
    if (nextWord !== undefined && !AFTER_YEARS.has(nextWord) && !VERB_AFTER_YEARS.test(nextWord)) continue;
    const toStart = at + m[0].length - m.groups!.second.length;
    out.push({ from: { start: at, end: at + m.groups!.first.length }, to: { start: toStart, end: toStart + m.groups!.second.length }, years: true });
  }
  return out;
}

/**
 * "in the 1880s and 1890s", "In the late 1920s and 1930s", "around the 1820s and 1830s": two decades a sentence
 * joins with "and" after "the" (and a word saying which part of the first). Either decade's blank is left open or
 * given away by the other (part-of-a-number), so the pair is asked whole. Not one of a longer list ("the 1960s,
 * 1970s and 1980s"), nor decades that run backwards.
 */
const DECADE_PAIR =
  /(?<=\b[Tt]he\s+(?:(?:early|mid|late|mid-)\s*)?)(?<first>1\d{2}0s|20\d0s)\s+and\s+(?:the\s+)?(?:(?:early|mid|late)\s+)?(?<second>1\d{2}0s|20\d0s)(?![\d\p{L}]|,?\s+(?:and|or)\s+(?:the\s+)?\d)/gu;

/** The pairs of decades of a sentence (outside brackets), in order, as ranges: see DECADE_PAIR. */
export function decadePairs(text: string): NumberRange[] {
  const out: NumberRange[] = [];
  if (!/0s\s+and\s/.test(text)) return out;
  for (const m of text.matchAll(DECADE_PAIR)) {
    const at = m.index ?? 0;
    const { first, second } = m.groups!;
    if (insideBrackets(text, at) || !(Number(first.slice(0, 4)) < Number(second.slice(0, 4)))) continue;
    // "the 1800s and 1900s": centuries as often as decades.
    if (first.endsWith("00s") && second.endsWith("00s")) continue;
    // "the 1950s, 1960s and 1970s", "the 1950s and the 1960s and 1970s": the last two of a longer list.
    if (/\d0s,?\s*(?:and\s+)?$/.test(text.slice(Math.max(0, at - LOOK_BACK), at).replace(/\b[Tt]he\s+(?:(?:early|mid|late|mid-)\s*)?$/, "").trimEnd() + " ")) continue;
    const toStart = at + m[0].length - second.length;
    out.push({ from: { start: at, end: at + first.length }, to: { start: toStart, end: toStart + second.length }, years: true, decades: true });
  }
  return out;
}

/** How far back the checks before a range read: each reads a window, so a text of many ranges is read in linear time. */
const LOOK_BACK = 200;

/** Whether offset `at` falls inside a bracket opened (and not closed) in the LOOK_BACK characters before it. */
function insideBrackets(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - LOOK_BACK), at);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

/** The answer as the sentence joins the ends: "1874 and 1886", "10 to 14", "1413–1415". */
function rangeAnswer(sentence: string, range: NumberRange): string {
  const from = sentence.slice(range.from.start, range.from.end);
  const to = sentence.slice(range.to.start, range.to.end);
  const between = sentence.slice(range.from.end, range.to.start);
  const word = /\b(and|to|until|till)\b/.exec(between)?.[1];
  return word ? `${from} ${word} ${to}` : `${from}–${to}`;
}

/**
 * "Which years fill the blanks? Between _____ and _____ the group staged...": both ends of the range
 * blanked, after the sentences shown before it (`context`) when the sentence leans on them, and after
 * the document's subject (`topic`, topic.ts) when the statement names nothing. Graded by its two
 * numbers, however the learner joins them (app/questions/grade.ts).
 */
export function rangeQuestion(sentence: string, range: NumberRange, context: string, topic?: string): QuestionDraft | null {
  const text = sentence.trim();
  const offset = sentence.indexOf(text);
  const cut = (n: number) => n - offset;
  const statement =
    text.slice(0, cut(range.from.start)) + BLANK + text.slice(cut(range.from.end), cut(range.to.start)) + BLANK + text.slice(cut(range.to.end));
  const answer = rangeAnswer(sentence, range);
  // "...which first met in 1922. Between _____ and _____ the court dealt with...", "during the 1930s", a subject's
  // label "The 1880s Depression:": the prompt shows an end (or its decade) elsewhere, and only the other is asked.
  const shown = `${topic ?? ""} ${context} ${statement}`;
  const [low, high] = [sentence.slice(range.from.start, range.from.end), sentence.slice(range.to.start, range.to.end)];
  const decade = (year: string) => `${year.slice(0, 3)}0s`;
  if ([low, high].some((end) => new RegExp(String.raw`(?<![\d.,])${end.replace(/[.,]/g, "\\$&")}(?![\d]|[.,]\d)`).test(shown))) return null;
  // Four digits each read as years here, whatever follows them ("Between 1882 and 1889 most mills..." under "The 1880s Depression").
  const yearLike = range.years || [low, high].every((end) => /^\d{4}$/.test(end));
  if (yearLike && [low, high].some((end) => shown.includes(decade(end)))) return null;
  // "Founded in 1884, the guild grew in the _____ and _____": a year of either decade gives it away.
  if (range.decades && [low, high].some((end) => new RegExp(String.raw`(?<!\d)${end.slice(0, 3)}\d(?!\d)`).test(shown))) return null;
  const leadIn = range.decades ? "Which decades fill the blanks?" : range.years ? "Which years fill the blanks?" : "Which numbers fill the blanks?";
  return {
    type: "short_answer",
    prompt: `${leadIn} ${withTopic(topic, `${context ? `${context} ` : ""}${statement}`)}`,
    answer,
    accepted: [answer],
    weight: 1,
  };
}
