/**
 * Answer candidates: the spans of a sentence a teacher would ask about —
 * years and dates, quantities with their units, acronyms (and their
 * expansions), organisations, treaties and resolutions, people, places and
 * other proper names, defined terms, and plain noun phrases as a last resort.
 * Works on wink tokens; every candidate is a whole-word span of the sentence.
 */
import type { NumericAnswer } from "../types";
import { lexiconTag, logFrequency, type Sentence, type Token } from "./nlp";
import { STOPWORDS, findWholeWord, normaliseOnce } from "./text";

export type CandidateKind =
  | "year"
  | "date"
  | "quantity"
  | "acronym"
  | "organisation"
  | "treaty"
  | "person"
  | "place"
  | "name"
  | "term"
  | "phrase";

export const CANDIDATE_KINDS: CandidateKind[] = [
  "year",
  "date",
  "quantity",
  "acronym",
  "organisation",
  "treaty",
  "person",
  "place",
  "name",
  "term",
  "phrase",
];

/** A candidate as the finders build it: a span of the sentence and what it is. */
interface CandidateSpan {
  kind: CandidateKind;
  sentence: Sentence;
  /** Character span in sentence.text. */
  start: number;
  end: number;
  text: string;
  /** Token span [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** For years and quantities. */
  numeric?: NumericAnswer;
  /** What a same-kind distractor must share: "%", "$", "hours", "count:centre"... */
  unitKey?: string;
  /** How the candidate was found (a defined-term pattern, bold, an expansion). */
  cue?: "definition" | "emphasis" | "expansion";
  /** In a table row's label: asked only when the lesson states it nowhere else. */
  inLabel?: boolean;
}

/**
 * A candidate answer. Its folded text and words are computed once here: the
 * generator keys answers by them about a dozen times per candidate, and each
 * lookup in the shared memos of text.ts costs more than reading a field.
 */
export interface Candidate extends CandidateSpan {
  /** normaliseAnswer(text). */
  folded: string;
  /** words(text); never mutated. */
  words: readonly string[];
}

/**
 * The finished candidate: every field present, in one order, so that all
 * candidates share one object shape (the scorer reads ~30 fields of each).
 */
function finished(c: CandidateSpan): Candidate {
  // Folded without the memos: a candidate's text is mostly its own, and the memos are emptied before
  // the questions are made, so entries written here would only be written.
  const folded = normaliseOnce(c.text);
  return {
    kind: c.kind,
    sentence: c.sentence,
    start: c.start,
    end: c.end,
    text: c.text,
    tokenStart: c.tokenStart,
    tokenEnd: c.tokenEnd,
    numeric: c.numeric,
    unitKey: c.unitKey,
    cue: c.cue,
    inLabel: c.inLabel,
    folded,
    // What words(text) gives: the folded text's words.
    words: folded ? folded.split(" ") : [],
  };
}

/**
 * Maps rather than objects: a token's lower case is a new string, and looking one up as a
 * property name first looks it up among V8's internalized strings (a table of every name the
 * process knows), for every token of every sentence.
 */
const MULTIPLIERS = new Map<string, number>(Object.entries({
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
}));
const NUMBER_WORDS = new Map<string, number>(Object.entries({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12,
}));
/**
 * Measurement units: kept in the answer ("24 hours"). Counted nouns are not units.
 * The grader reads each of them as a unit (app/questions/numbers.ts; a test holds the two together).
 */
export const UNITS: ReadonlySet<string> = new Set(
  (
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries " +
    "millisecond milliseconds mm cm m km kilometre kilometres kilometer kilometers metre metres meter meters mile miles " +
    "foot feet inch inches yard yards acre acres hectare hectares kg g mg gram grams kilogram kilograms tonne tonnes ton tons " +
    "pound pounds ounce ounces litre litres liter liters gallon gallons percent per-cent degrees degree kw mw gw kwh mph " +
    "dollars dollar euros euro yen yuan rupees pesos francs barrels volts watts bytes kb mb gb tb " +
    "hz khz mhz ghz hertz kilohertz megahertz gigahertz kelvin kelvins nanometre nanometres nanometer nanometers"
  ).split(" "),
);
const TIME_PREPOSITIONS = new Set(["in", "since", "until", "till", "by", "from", "during", "before", "after", "of", "around", "circa", "c."]);
const CURRENCY_SYMBOLS = new Set(["$", "€", "£", "¥", "US$"]);
/** "A$", "NZ$" as one token, or the letters before a "$" token. */
const LETTERED_DOLLAR = /^\p{Lu}{1,3}\$$/u;
const COUNTRY_LETTERS = /^\p{Lu}{1,3}$/u;
const FULL_MONTHS = new Set("january february march april may june july august september october november december".split(" "));
const MONTHS = new Set([...FULL_MONTHS, ..."jan feb mar apr jun jul aug sep sept oct nov dec".split(" ")]);

/** What a body holds, as well as what a body may be called ("the Congress"); not "Assembly" or "Forum", bodies after a place too. */
const MEETINGS = new Set(["congress", "conference", "summit", "convention"]);
const ORGANISATION_WORDS = new Set(
  (
    "organization organisation nations council union department ministry agency office committee commission bureau " +
    "force forces forum centre center group institute assembly court alliance service services bank fund party army navy " +
    "police network coalition secretariat directorate association board program programme initiative university " +
    "corporation company inc ltd foundation federation league society parliament congress senate government cabinet " +
    "command corps unit squad interpol europol partnership consortium authority administration mission academy college"
  ).split(" "),
);
const TREATY_WORDS = new Set(
  (
    "resolution resolutions treaty convention act protocol agreement accord accords charter declaration strategy " +
    "directive policy doctrine pact statute framework regulation law bill plan guidelines principles"
  ).split(" "),
);
const ERAS = new Set(["BCE", "BC", "CE", "AD", "B.C.", "A.D.", "B.C.E.", "C.E."]);
const NAME_CONNECTORS = new Set(["of", "for", "and", "on", "the", "de", "del", "la", "von", "van", "bin", "al", "&", "against"]);
/** Faiths whose adjective describes a place ("Protestant Londonderry", "Catholic Ireland"), not part of its name. */
const FAITHS = new Set("protestant catholic muslim jewish buddhist orthodox anglican calvinist lutheran sunni shia".split(" "));

/**
 * Whether the words after a faith name a place: the gazetteer's, or words no dictionary holds ("Londonderry"), not
 * "Church" or "League".
 */
function placeAfterFaith(words: string[]): boolean {
  if (words.length > 3) return false;
  const kind = classifyName(words);
  if (kind === "organisation" || kind === "treaty" || kind === "person") return false;
  return lexiconTag(words.join(" ").toLowerCase()) === "place" || words.every((w) => logFrequency(w.toLowerCase()) < COMMON_NAME_WORD);
}

/**
 * A word at least this common (log frequency: "office" 4.0, "treaty" 2.4, "forum" 2.0) is a dictionary word, the
 * head of an institution's name; a rarer one ("Ayora" 0) ends a place's.
 */
const COMMON_NAME_WORD = 1;
const NUMBERED_NAMES = new Set(["resolution", "article", "chapter", "section", "protocol", "act", "no", "number", "amendment"]);
const ROMAN = /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** Whether the token has a letter or digit: scans ASCII itself, asks the Unicode classes only past it (most tokens are ASCII). */
const isWord = (t: Token) => {
  const text = t.text;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return /[\p{L}\p{N}]/u.test(text);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  }
  return false;
};

/**
 * A capital first and a small letter somewhere: "Paris", "McCain", not "NATO" or "paris". ASCII is
 * read by character code, anything past it by the Unicode classes (isTitleByClass).
 */
const isTitle = (t: Token) => isTitleText(t.text);

export function isTitleText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 128) return isTitleByClass(text);
  if (!(first >= 65 && first <= 90)) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
    if (code >= 128) return isTitleByClass(text);
  }
  return false;
}

/** isTitleText by the Unicode classes themselves (exported for the test that holds the two together). */
export function isTitleByClass(text: string): boolean {
  return /^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
}

export function isAcronym(text: string): boolean {
  // Every acronym opens with a capital: settle the common lower-case, digit or punctuation token without a regex.
  const first = text.charCodeAt(0);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  if (/^(?:\p{Lu}\.){2,}$/u.test(text)) return true;
  // A plural "s" dropped; endsWith, since /s$/ tries every position of the text.
  const bare = text.endsWith("s") ? text.slice(0, -1) : text;
  if (!/^\p{Lu}[\p{Lu}\d&-]*\p{Lu}[\p{Lu}\d]*$/u.test(bare)) return false;
  if ((bare.match(/\p{Lu}/gu) ?? []).length < 2) return false;
  if (ROMAN.test(bare) && bare.length <= 4) return false;
  return bare.length <= 10;
}

/** Parses "1,200", "12.5", "two", "5 million". Null if not a number. */
export function parseNumber(parts: string[]): number | null {
  let value: number | null = null;
  for (const part of parts) {
    const lower = part.toLowerCase().replace(/,/g, "");
    if (/^\d+(\.\d+)?$/.test(lower)) value = Number(lower);
    else if (NUMBER_WORDS.has(lower)) value = NUMBER_WORDS.get(lower)!;
    else if (MULTIPLIERS.has(lower) && value !== null) value *= MULTIPLIERS.get(lower)!;
    else if (/^\d+(\.\d+)?(k|m|bn)$/.test(lower)) {
      const n = Number(lower.replace(/[a-z]+$/, ""));
      value = n * (lower.endsWith("k") ? 1e3 : lower.endsWith("bn") ? 1e9 : 1e6);
    }
  }
  return value;
}

function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith("ies") && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

function makeCandidate(
  sentence: Sentence,
  kind: CandidateKind,
  tokenStart: number,
  tokenEnd: number,
  extra: Partial<CandidateSpan> = {},
): CandidateSpan {
  const start = sentence.tokens[tokenStart].start;
  const end = sentence.tokens[tokenEnd - 1].end;
  return { kind, sentence, start, end, text: sentence.text.slice(start, end), tokenStart, tokenEnd, ...extra };
}

function numberCandidates(sentence: Sentence, out: CandidateSpan[], used: Set<number>): void {
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i];
    const isDigits = t.type === "number" && /^\d[\d,]*(\.\d+)?$/.test(t.text);
    // A map's own keys only: "constructor" or "toString" is no number word.
    const isWordNumber = NUMBER_WORDS.has(t.lower);
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // Ordinals ("4th", "18th") and decades ("1870s"), unless part of a date ("11th September").
    if ((t.type === "ordinal" && /^\d/.test(t.text)) || (t.type === "decade" && /^\d{3}0s$/.test(t.text))) {
      if (!(prev && MONTHS.has(prev.lower)) && !(next && MONTHS.has(next.lower))) {
        out.push(makeCandidate(sentence, t.type === "decade" ? "date" : "quantity", i, i + 1, { unitKey: t.type }));
        used.add(i);
      }
      continue;
    }
    if (!isDigits && !isWordNumber) continue;
    // A day of a month ("26" in "November 26"): the date's.
    if (isDigits && isDay(t) && (isMonthName(prev) || isMonthName(next))) continue;
    // Part of a name ("Resolution 1373"), a code ("9/11", "COVID-19") or a range glued by a hyphen.
    if (prev && NUMBERED_NAMES.has(prev.lower) && isTitle(prev)) continue;
    if ((prev && prev.end === t.start && /[-/]/.test(prev.text)) || (next && next.start === t.end && /^[-/]/.test(next.text)))
      continue;
    if (next && next.start === t.end && /^\p{L}/u.test(next.text) && !/^(k|m|bn|km|kg|cm|mm)$/i.test(next.text)) continue;
    // Years: four digits in a plausible range, not counting something ("2000 troops").
    if (isDigits && /^\d{4}$/.test(t.text)) {
      const year = Number(t.text);
      // "in 1948 delegates met": after a time preposition it is a year all the same.
      const afterTimeWord = prev !== undefined && TIME_PREPOSITIONS.has(prev.lower);
      // "the 2006 operation", "a 2015 forecast": a year dating the one thing after it, not a count of them.
      const datesOne = prev !== undefined && (prev.lower === "the" || prev.lower === "a") && next !== undefined && !/[^siu]s$/.test(next.lower);
      const countsSomething = next && next.pos === "NOUN" && !UNITS.has(next.lower) && !afterTimeWord && !datesOne;
      if (year >= 1000 && year <= 2100 && !countsSomething) {
        out.push(makeCandidate(sentence, "year", i, i + 1, { numeric: { value: year, unit: null, tolerance: 0 }, unitKey: "year" }));
        used.add(i);
        continue;
      }
    }
    // Quantities: [currency] number [multiplier] [% | unit].
    let from = i;
    let to = i + 1;
    let unitKey: string | undefined;
    let unit: string | null = null;
    if (prev && (CURRENCY_SYMBOLS.has(prev.text) || LETTERED_DOLLAR.test(prev.text))) {
      from = i - 1;
      unit = prev.text;
      // "NZ$170 million", "HK$2 billion": a country's letters glued before the dollar sign are the currency's.
      const letters = tokens[i - 2];
      if (prev.text === "$" && letters && COUNTRY_LETTERS.test(letters.text) && letters.end === prev.start) {
        from = i - 2;
        unit = `${letters.text}$`;
      }
      unitKey = unit;
    }
    while (to < tokens.length && MULTIPLIERS.has(tokens[to].lower)) to++;
    const after = tokens[to];
    if (after && (after.text === "%" || after.lower === "percent")) {
      to++;
      unitKey = "%";
      unit = "%";
    } else if (after && after.lower === "per" && tokens[to + 1]?.lower === "cent") {
      to += 2;
      unitKey = "%";
      unit = "%";
    } else if (after && UNITS.has(after.lower) && !unitKey) {
      to++;
      unitKey = singular(after.lower);
      unit = after.text;
      // "603 km/h", "70 km/s/Mpc": a rate's unit is written as one, and its number is no count of kilometres.
      while (tokens[to]?.text === "/" && tokens[to].start === tokens[to - 1].end && tokens[to + 1]?.start === tokens[to].end && PER_UNIT.test(tokens[to + 1].text)) {
        unit = `${unit}/${tokens[to + 1].text}`;
        unitKey = `${unitKey}/${tokens[to + 1].lower}`;
        to += 2;
      }
    }
    const value = parseNumber(tokens.slice(isDigits || isWordNumber ? i : from, to).map((x) => x.text));
    if (value === null) continue;
    // A spelled-out number is a count ("five of the seven"), but "one" mostly says "a" ("one of the ...").
    if (isWordNumber && !unitKey && t.lower === "one") continue;
    if (!unitKey) {
      const counted = tokens.slice(to, to + 3).find((x) => x.pos === "NOUN" || x.pos === "PROPN");
      unitKey = counted ? `count:${singular(counted.text)}` : "count";
    }
    out.push(
      makeCandidate(sentence, "quantity", from, to, {
        numeric: { value, unit: unit === "%" ? "%" : unit, tolerance: 0 },
        unitKey,
      }),
    );
    for (let k = from; k < to; k++) used.add(k);
  }
}

/** What a unit is per, after a slash: "km/h", "m/s", "km/s/Mpc", "t/yr". */
const PER_UNIT = /^(?:h|hr|s|sec|min|d|day|yr|year|Mpc|kpc|km|m|l|L|kg|ha)$/;

/** A day of the month: "26", "26th". */
function isDay(t: Token | undefined): boolean {
  return t !== undefined && /^\d{1,2}(st|nd|rd|th)?$/.test(t.text);
}

/** A month's name as written in a date: "November", "Nov". */
function isMonthName(t: Token | undefined): boolean {
  return t !== undefined && MONTHS.has(t.lower) && isTitle(t);
}

/** Four digits. */
function isYear(t: Token | undefined): boolean {
  return t !== undefined && /^\d{4}$/.test(t.text);
}

/** Names of people, places, bodies: the kinds that join an acronym into one name. */
function isNamed(c: CandidateSpan): boolean {
  return c.kind === "name" || c.kind === "person" || c.kind === "place" || c.kind === "organisation";
}

function dateCandidates(sentence: Sentence, out: CandidateSpan[], used: Set<number>): void {
  // Dates: "11 September", "in December", and with their year ("November 26, 1842", "September 1876"),
  // which overlap the year's own candidate: the ranker chooses which one is asked.
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!isMonthName(tokens[i])) continue;
    let from = i;
    let to = i + 1;
    if (isDay(tokens[i - 1])) from = i - 1;
    else if (isDay(tokens[i + 1])) to = i + 2;
    let end = to;
    if (isYear(tokens[to])) end = to + 1;
    else if (tokens[to]?.text === "," && isYear(tokens[to + 1]) && to - from === 2) end = to + 2;
    // "May" is a month only with a day or a year beside it.
    if (tokens[i].lower === "may" && end === to && to - from < 2) continue;
    // A month alone is a date after a time word ("in December"), not inside a name; and
    // spelled in full: "from Jan to Piotr" names a person.
    if (
      end - from < 2 &&
      !(tokens[i - 1] && TIME_PREPOSITIONS.has(tokens[i - 1].lower) && tokens[i + 1]?.pos !== "PROPN" && FULL_MONTHS.has(tokens[i].lower))
    )
      continue;
    if (isYear(tokens[from - 1])) continue;
    // "In January 27 BCE": the day is a year of an era, and the date no date.
    if (tokens[end] && ERAS.has(tokens[end].text)) continue;
    let clash = false;
    for (let k = from; k < to; k++) if (used.has(k)) clash = true;
    if (clash) continue;
    out.push(makeCandidate(sentence, "date", from, end, { unitKey: "date" }));
    for (let k = from; k < to; k++) used.add(k);
  }
}

export function classifyName(words: string[]): CandidateKind {
  const lower = words.map((w) => w.toLowerCase());
  // "the Act of Union", "the Charter of the United Nations": a name that opens on the instrument is one, whatever it names after.
  if (TREATY_WORDS.has(lower[0]) || (lower.some((w) => TREATY_WORDS.has(w)) && !lower.some((w) => w === "nations" || w === "union"))) return "treaty";
  // "the Tokyo Congress", "the Paris Congress of 1878": a meeting a city gives its name to, not a body (a country's
  // name is longer or an adjective: "the United States Congress", "the Chilean Congress").
  if (words.length === 2 && MEETINGS.has(lower[1]) && lexiconTag(lower[0]) === "place") return "name";
  if (lower.some((w) => ORGANISATION_WORDS.has(w))) return "organisation";
  const whole = lexiconTag(lower.join(" "));
  if (whole === "place") return "place";
  if (whole === "organisation") return "organisation";
  if (whole === "person") return "person";
  const first = lexiconTag(lower[0]);
  const last = lexiconTag(lower[lower.length - 1]);
  if (words.length >= 2 && words.length <= 4 && first === "person") return "person";
  if (words.length === 1 && (first === "place" || first === "demonym")) return first === "place" ? "place" : "name";
  if (words.length >= 2 && last === "place") return "place";
  if (words.length === 1 && first === "person") return "person";
  return "name";
}

const PLAIN_LOWER = /^[a-z]+$/;
const LOWER_WITH_STOP = /^\p{Ll}+\.$/u;
/** new 4.6, several 3.3, de 3.3, von 2.7: "de" and "von" join names (NAME_CONNECTORS) before this is asked. */
const COMMON_LOWER_WORD = 3;
const QUANTIFIER_OPENINGS = new Set(
  "several many some most few both all each every other such these those this that any no numerous various".split(" "),
);

/** Whether token `i` of the sentence can be part of a proper name. */
function isProper(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  // A common English word in lower case ("the new TAAF", tagged as one name) is no word of a name; a foreign or rare
  // one may be ("café", "pélog", "carbon-14", "surréaliste"). Nor is a lower-case word the sentence's full stop is
  // glued to ("the volta do mar.", read as an abbreviation).
  if (!isWord(t) || startsWithDigit(t.text) || MONTHS.has(t.lower) || LOWER_WITH_STOP.test(t.text)) return false;
  if (PLAIN_LOWER.test(t.text) && logFrequency(t.text) >= COMMON_LOWER_WORD) return false;
  if (i === 0) {
    // A capital at the start proves nothing: a common word there is proper only inside a longer name,
    // and a word that counts or points ("Several Chappe towers", "Both Rome and...") never is.
    if (t.pos !== "PROPN" || QUANTIFIER_OPENINGS.has(t.lower)) return false;
    if (lexiconTag(t.text) || logFrequency(t.text) < 2.5) return true;
    const next = tokens[1];
    return next !== undefined && isTitle(next) && next.pos === "PROPN";
  }
  return t.pos === "PROPN" || (isTitle(t) && (t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "X"));
}

function properNameCandidates(sentence: Sentence, out: CandidateSpan[], used: Set<number>): void {
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    if (!isProper(tokens, i) || used.has(i)) {
      i++;
      continue;
    }
    let to = i + 1;
    for (;;) {
      if (to < tokens.length && isProper(tokens, to) && !used.has(to)) {
        to++;
        continue;
      }
      // Connectors inside a name: "Office on Drugs and Crime", "Osama bin Laden".
      let k = to;
      while (k < tokens.length && NAME_CONNECTORS.has(tokens[k].lower) && k - to < 2) k++;
      // "Puerto Ayora on Santa Cruz": "on" joins a name whose last word is a common one ("Office on Drugs",
      // "Convention on the Rights"), not a place to the island it stands on.
      const placedOn = tokens[to]?.lower === "on" && logFrequency(tokens[to - 1].lower) < COMMON_NAME_WORD;
      if (k > to && k < tokens.length && isProper(tokens, k) && !used.has(k) && !placedOn) {
        to = k + 1;
        continue;
      }
      break;
    }
    // "Resolution 1373": a number that is part of the name.
    if (NUMBERED_NAMES.has(tokens[to - 1].lower) && tokens[to] && /^\d+$/.test(tokens[to].text)) to++;
    // "Protestant Londonderry withstood a siege": a faith describes the place, and the name is the place's.
    if (to - i >= 2 && FAITHS.has(tokens[i].lower) && placeAfterFaith(tokens.slice(i + 1, to).map((t) => t.text))) {
      used.add(i);
      i++;
    }
    const span = tokens.slice(i, to);
    const words = span.map((t) => t.text);
    const allAcronyms = words.every((w) => isAcronym(w));
    const sentenceStartCommon =
      i === 0 && span.length === 1 && logFrequency(words[0]) > 3 && !lexiconTag(words[0]);
    const isMonth = span.length === 1 && MONTHS.has(span[0].lower);
    if (!allAcronyms && !sentenceStartCommon && !isMonth && span.length <= 8) {
      out.push(makeCandidate(sentence, classifyName(words), i, to));
      for (let k = i; k < to; k++) used.add(k);
      namePieces(sentence, i, to, out);
    }
    i = to;
  }
}

/** An all-capitals sentence: more than three tokens with letters, none of them lower-case. */
function isShouted(tokens: Token[]): boolean {
  const letters = tokens.filter((t) => /\p{L}/u.test(t.text));
  return letters.length > 3 && letters.every((t) => !/\p{Ll}/u.test(t.text));
}

/**
 * The names inside a longer run, also asked on their own: people or places
 * joined by "and" ("Farrah Franklin" and "Michelle Williams" of "Farrah Franklin
 * and Michelle Williams", "France" and "Germany"), and a person's name after a
 * title ("Michelle Obama" of "First Lady Michelle Obama"). The whole run stays a
 * candidate too. A name that holds "and", "of" or "for" ("Office on Drugs and
 * Crime", "Centre of Excellence for Defence Against Terrorism") is one name: its
 * pieces would be fragments, so a run is cut only when every piece is a person or a place.
 */
function namePieces(sentence: Sentence, from: number, to: number, out: CandidateSpan[]): void {
  const tokens = sentence.tokens;
  const pieces: CandidateSpan[] = [];
  let pieceStart = from;
  for (let k = from; k <= to; k++) {
    if (k < to && !COORDINATORS.has(tokens[k].lower)) continue;
    if (k === pieceStart) return;
    const kind = classifyName(tokens.slice(pieceStart, k).map((t) => t.text));
    if (kind !== "person" && kind !== "place") {
      pieces.length = 0;
      break;
    }
    pieces.push(makeCandidate(sentence, kind, pieceStart, k));
    pieceStart = k + 1;
  }
  if (pieces.length >= 2) {
    out.push(...pieces);
    return;
  }
  if (to - from < 3) return;
  for (let k = from + 1; k < to - 1; k++) {
    if (lexiconTag(tokens[k].text) === "person" && isTitle(tokens[k]) && isTitle(tokens[to - 1])) {
      out.push(makeCandidate(sentence, "person", k, to));
      return;
    }
  }
}

/** The connectors that join two names into a list of them. */
const COORDINATORS = new Set(["and", "&"]);

/**
 * Names glued to their neighbours, asked whole as well: an acronym beside a
 * name ("BNSF Railway", "Nintendo DS"), a proper word before a common noun
 * ("Billboard magazine", "Romantic era").
 */
function joinedCandidates(sentence: Sentence, found: CandidateSpan[], out: CandidateSpan[]): void {
  const byStart = new Map<number, CandidateSpan>();
  for (const c of found) if (!byStart.has(c.tokenStart)) byStart.set(c.tokenStart, c);
  for (const a of found) {
    const b = byStart.get(a.tokenEnd);
    if (!b || glued(sentence.tokens[a.tokenEnd - 1], sentence.tokens[a.tokenEnd])) continue;
    const span = a.tokenEnd - a.tokenStart + b.tokenEnd - b.tokenStart;
    if (span > 4) continue;
    if ((a.kind === "acronym" && isNamed(b)) || (isNamed(a) && b.kind === "acronym")) {
      const words = sentence.tokens.slice(a.tokenStart, b.tokenEnd).map((t) => t.text);
      out.push(makeCandidate(sentence, classifyName(words), a.tokenStart, b.tokenEnd));
    } else if (isNamed(a) && a.tokenEnd - a.tokenStart <= 2 && b.kind === "phrase" && b.tokenEnd - b.tokenStart <= 2) {
      out.push(makeCandidate(sentence, "phrase", a.tokenStart, b.tokenEnd));
    }
  }
}

const ERA_MARKERS = new Set(["CE", "BCE", "AD", "BC"]);
const NUMBERED_PERIOD = /^(?:century|centuries|millennium|millennia)$/;

/** "118 BCE", "the second century CE", "AD 43": a calendar's era, part of a date, not an acronym to ask about. */
function isEraMarker(tokens: readonly Token[], i: number): boolean {
  if (!ERA_MARKERS.has(tokens[i].text)) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (before !== undefined && (/^\d/.test(before.text) || NUMBERED_PERIOD.test(before.lower))) || (after !== undefined && /^\d/.test(after.text));
}

function acronymCandidates(sentence: Sentence, out: CandidateSpan[], used: Set<number>): void {
  const tokens = sentence.tokens;
  // A shouted all-capitals sentence has no acronyms to ask about (checked only once a token reads as one: most sentences have none).
  let shouted: boolean | undefined;
  tokens.forEach((t, i) => {
    if (used.has(i) || !isAcronym(t.text)) return;
    if ((shouted ??= isShouted(tokens))) return;
    if (isEraMarker(tokens, i)) return;
    // "COE-DAT": parts glued by hyphens make one acronym.
    let to = i + 1;
    while (
      tokens[to]?.text === "-" &&
      tokens[to].start === tokens[to - 1].end &&
      tokens[to + 1]?.start === tokens[to].end &&
      isAcronym(tokens[to + 1].text)
    )
      to += 2;
    if (to > i + 1) {
      out.push(makeCandidate(sentence, "acronym", i, to, { unitKey: "acronym" }));
      for (let k = i; k < to; k++) used.add(k);
      return;
    }
    if (/^(?:\p{Lu}\.){2,}$/u.test(t.text) && t.text.length <= 4) {
      // "U.S.", "U.K.": names of places more than acronyms to expand.
      out.push(makeCandidate(sentence, "place", i, i + 1));
    } else out.push(makeCandidate(sentence, "acronym", i, i + 1, { unitKey: "acronym" }));
    used.add(i);
  });
}

/** "Full Name (ACR)" and "ACR (Full Name)" pairs, checked by initials. */
export function acronymExpansions(text: string, lowercase = false): Array<{ acronym: string; expansion: string }> {
  const pairs: Array<{ acronym: string; expansion: string }> = [];
  const longFirst = /((?:\p{Lu}[\p{L}'’-]*|of|for|and|on|the|in|against|to|&)(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|for|and|on|the|in|against|to|&)){1,9})\s*\(\s*(\p{Lu}[\p{Lu}\p{Ll}&\d-]{1,9})\s*\)/gu;
  for (let m = longFirst.exec(text); m; m = longFirst.exec(text)) {
    const expansion = trimExpansion(m[1], m[2]);
    if (expansion && isAcronym(m[2])) pairs.push({ acronym: m[2], expansion });
  }
  const shortFirst = /\b(\p{Lu}[\p{Lu}&\d]{1,9})\s*\(\s*(\p{Lu}[^()]{3,80}?)\s*\)/gu;
  for (let m = shortFirst.exec(text); m; m = shortFirst.exec(text)) {
    const expansion = trimExpansion(m[2], m[1]);
    if (expansion && isAcronym(m[1])) pairs.push({ acronym: m[1], expansion });
  }
  if (!lowercase) return pairs;
  // "the polymerase chain reaction (PCR)", "a charge-coupled device (CCD)", "the Department of Justice (DOJ)": a
  // term's initials, hyphenated parts and all, or a name's with its small words; read only for an acronym the
  // capitalised reading above did not spell out.
  for (const m of text.matchAll(ANY_CASE_BEFORE_ACRONYM)) {
    if (!isAcronym(m[2]) || pairs.some((p) => p.acronym === m[2])) continue;
    const expansion = trimLooseExpansion(m[1], m[2]);
    if (expansion) pairs.push({ acronym: m[2], expansion });
  }
  // "the International Fund for Saving the Aral Sea (IFAS)", "X-ray photoelectron spectroscopy (XPS)", "the United
  // Nations Educational, Scientific and Cultural Organization (UNESCO)": letters taken in order, not every word's.
  for (const m of text.matchAll(WORDS_BEFORE_ACRONYM)) {
    // "carbon dioxide (CO2)": a formula is no acronym, though its letters are in the name.
    if (!isAcronym(m[2]) || /\d/.test(m[2]) || pairs.some((p) => p.acronym === m[2])) continue;
    const expansion = lettersInOrder(m[1], m[2]);
    if (expansion) pairs.push({ acronym: m[2], expansion });
  }
  return pairs;
}

/** Up to twelve words of any case, commas and slashes within, before an acronym in brackets. */
const WORDS_BEFORE_ACRONYM = /(?<![\p{L}'’\/-])((?:\p{L}[\p{L}'’\/-]*,?\s+){1,11}\p{L}[\p{L}'’\/-]*)\s*\(\s*(\p{Lu}[\p{Lu}\d]{1,9}s?)\s*\)/gu;

/**
 * The shortest tail of `phrase` whose words give the acronym's letters in order, the way Schwartz and Hearst find an
 * abbreviation's definition, held to what a name's initials plausibly are: each word gives its initial and maybe
 * letters from inside it ("Toll-like", TL; "Hypertext", HT), small words may give none, and one other word may give
 * none ("International Fund for Saving the Aral Sea", IFAS; "Tribunal for the former Yugoslavia", TY).
 */
function lettersInOrder(phrase: string, acronym: string): string | null {
  const letters = acronym.replace(/s$/, "").replace(/[^\p{L}]/gu, "").toLowerCase();
  if (letters.length < 2) return null;
  const written = phrase.split(/\s+/);
  const words = written.map((w) => w.replace(/,$/, "").toLowerCase());
  // How many of letters `from` onwards words `k` onwards give as their initials, at best (-1: they cannot give them
  // all), `silent` words having given none: memoised, so a hostile run of one letter costs words × letters steps.
  const known = new Map<number, number>();
  const initials = (from: number, silent: number, k: number): number => {
    if (k === words.length) return from === letters.length ? 0 : -1;
    const key = (k * (letters.length + 1) + from) * 2 + silent;
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    const w = words[k];
    let best = SMALL_WORDS.has(w) ? initials(from, silent, k + 1) : silent === 0 && from > 0 ? initials(from, 1, k + 1) : -1;
    if (from < letters.length && w[0] === letters[from]) {
      // Its initial, then any number of further letters found inside it in order.
      let inner = 0;
      for (let i = 1, j = from + 1; i < w.length && j < letters.length; i++) if (w[i] === letters[j]) (inner++, j++);
      for (let taken = 0; taken <= inner; taken++) {
        const rest = initials(from + 1 + taken, silent, k + 1);
        if (rest >= 0) best = Math.max(best, rest + 1);
      }
    }
    known.set(key, best);
    return best;
  };
  // Two words at least, and half as many as letters: "aaaa (AAAA)" is no definition. Of the tails that give the
  // letters, the one whose words' initials give the most ("subacute sclerosing panencephalitis", SSPE, not
  // "sclerosing panencephalitis"), the shortest of those.
  const fewestWords = Math.max(2, Math.ceil(letters.length / 2));
  let chosen = -1;
  let most = 0;
  for (let start = words.length - 1; start >= 0; start--) {
    if (words.length - start > Math.min(letters.length + 5, 2 * letters.length)) break;
    if (SMALL_WORDS.has(words[start]) || words[start][0] !== letters[0]) continue;
    if (words.slice(start).filter((w) => !SMALL_WORDS.has(w)).length < fewestWords) continue;
    known.clear();
    const given = initials(0, 0, start);
    if (given > most) [chosen, most] = [start, given];
  }
  return chosen < 0 ? null : written.slice(chosen).join(" ");
}

/** Up to eight words of any case before an acronym in brackets. */
const ANY_CASE_BEFORE_ACRONYM = /(?<![\p{L}'’-])((?:\p{L}[\p{L}'’-]*\s+){0,7}\p{L}[\p{L}'’-]*)\s*\(\s*(\p{Lu}[\p{Lu}\d]{1,7})\s*\)/gu;
/** Small words a name's initials may leave out ("Department of Justice" is DOJ, "Centre for Research" CR). */
const SMALL_WORDS = new Set(["of", "for", "and", "the", "on", "in", "to", "a", "an", "&"]);

/**
 * The shortest tail of `phrase` whose initials, read without case, spell the acronym: each hyphenated part counts
 * ("charge-coupled device" is CCD), small words either count or not ("Department of Justice" is DOJ, "command and
 * service module" CSM). It opens on no small word, and a one-letter acronym's worth of words is too few.
 */
function trimLooseExpansion(phrase: string, acronym: string): string | null {
  const letters = acronym.replace(/\d/g, "").toLowerCase();
  if (letters.length < 2) return null;
  const words = phrase.split(/\s+/);
  for (let from = words.length - 1; from >= 0; from--) {
    if (SMALL_WORDS.has(words[from].toLowerCase())) continue;
    const tail = words.slice(from);
    const parts = tail.flatMap((w) => w.split("-")).filter((w) => w !== "");
    const all = parts.map((w) => w[0].toLowerCase()).join("");
    const content = parts.filter((w) => !SMALL_WORDS.has(w.toLowerCase())).map((w) => w[0].toLowerCase()).join("");
    if (all === letters || content === letters) return tail.join(" ");
    if (content.length > letters.length) break;
  }
  return null;
}

/** The shortest tail of `phrase` whose capitalised initials spell the acronym. */
function trimExpansion(phrase: string, acronym: string): string | null {
  const letters = acronym.replace(/s$/, "").replace(/[^\p{Lu}]/gu, "");
  const parts = phrase.split(/\s+/);
  for (let from = parts.length - 1; from >= 0; from--) {
    if (!/^\p{Lu}/u.test(parts[from])) continue;
    const initials = parts
      .slice(from)
      .flatMap((w) => w.split("-"))
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join("");
    if (initials === letters) return parts.slice(from).join(" ");
    if (initials.length > letters.length) break;
  }
  return null;
}

const DEFINITION_PATTERNS: RegExp[] = [
  /\b(?:is|are|was|were|be|been)\s+(?:also\s+|often\s+|commonly\s+|sometimes\s+)?(?:called|termed|named|dubbed|known as|referred to as|defined as)\s+(?:the\s+|a\s+|an\s+)?["“']?([^,.;:"”()]+?)["”']?(?=[,.;:)]|\s+(?:and|or|which|that|because|in|by|for|to|when|where)\b|$)/gu,
  /\b(?:known|referred to)\s+as\s+(?:the\s+|a\s+|an\s+)?["“']?([^,.;:"”()]+?)["”']?(?=[,.;:)]|\s+(?:and|or|which|that|because|in|by|for|to|when|where)\b|$)/gu,
  /\b(?:the term|the concept of|the notion of|the practice of|the principle of)\s+["“']?([^,.;:"”()]+?)["”']?(?=[,.;:)]|\s+(?:is|are|was|were|refers?|means|describes)\b)/gu,
  /^(?:The\s+|A\s+|An\s+)?([^,.;:"”()]{3,60}?)\s+(?:refers? to|is defined as|are defined as|means|denotes|is the term for|is a term for)\b/gu,
  // A quotation opens and closes on a word: '"DY", for Duke of York, or "RAC"' quotes DY and RAC, not what lies
  // between their marks (the short ones are matched, to take their marks, and skipped: QUOTED_MIN).
  /[“"](?=[\p{L}\p{N}])([^”"]{1,50}?)(?<=[\p{L}\p{N}.!?'’)])[”"]/gu,
];
/** A quoted term is three characters at least. */
const QUOTED_MIN = 3;
/**
 * Whether a candidate is a quoted remark rather than a quoted name: in quotation marks, and more
 * than four words or not ending on a noun or a name ("unbelievably awful", "shoot all the bluejays
 * they want", against "blank cheque", "Free Tibet"). Its tokens must still be there.
 */
export function quotedRemark(c: Candidate): boolean {
  const { sentence, start, end } = c;
  if (c.kind !== "term" || !/["“]$/.test(sentence.text.slice(0, start)) || !/^[,;:.]?["”]/.test(sentence.text.slice(end))) return false;
  if (c.words.length > 4) return true;
  for (let i = sentence.tokens.length - 1; i >= 0; i--) {
    const t = sentence.tokens[i];
    if (t.end > end || !/[\p{L}\p{N}]/u.test(t.text)) continue;
    return !(t.start >= start && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM"));
  }
  return true;
}

/** Cheap pre-test: only sentences with one of these cues can hold a definition. */
const DEFINITION_CUE = /called|termed|named|dubbed|known|referred|defined|refers?\b|means|denotes|term|concept|notion|practice|principle|["“]/;

function definedTermCandidates(sentence: Sentence, out: CandidateSpan[]): void {
  const text = sentence.text;
  const spans: Array<[number, number, "definition" | "emphasis"]> = [];
  for (const pattern of DEFINITION_CUE.test(text) ? DEFINITION_PATTERNS : []) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // "The word Renaissance means...": the term is what follows "word".
      const named = /^(?:word|term|name|phrase|expression|concept)\s+/i.exec(m[1].trimStart());
      // "unbelievably awful," inside the quotation marks: the comma is the sentence's.
      const term = m[1].trim().slice(named?.[0].length ?? 0).replace(/[,;:]+$/, "");
      const at = m.index + m[0].indexOf(m[1]) + (m[1].length - m[1].trimStart().length) + (named?.[0].length ?? 0);
      const count = term.split(/\s+/).length;
      if (count < 1 || count > 6 || STOPWORDS.has(term.toLowerCase())) continue;
      if (pattern === DEFINITION_PATTERNS[DEFINITION_PATTERNS.length - 1] && term.length < QUOTED_MIN) continue;
      spans.push([at, at + term.length, "definition"]);
    }
  }
  for (const term of sentence.emphasis) {
    for (const at of findWholeWord(text, term)) spans.push([at, at + term.length, "emphasis"]);
  }
  for (const [start, end, cue] of spans) {
    const tokenStart = sentence.tokens.findIndex((t) => t.start === start);
    const tokenEnd = sentence.tokens.findIndex((t) => t.end === end) + 1;
    if (tokenStart < 0 || tokenEnd <= tokenStart) continue;
    out.push({ kind: "term", sentence, start, end, text: text.slice(start, end), tokenStart, tokenEnd, cue });
  }
}

/** Plain noun phrases (adjectives and nouns ending in a noun), the fallback answers. */
function nounPhraseCandidates(sentence: Sentence, out: CandidateSpan[], used: Set<number>): void {
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (used.has(i) || !(t.pos === "NOUN" || t.pos === "ADJ") || !isWord(t)) {
      i++;
      continue;
    }
    let to = i;
    while (to < tokens.length && !used.has(to) && (tokens[to].pos === "NOUN" || tokens[to].pos === "ADJ") && isWord(tokens[to]))
      to++;
    let end = to;
    while (end > i && tokens[end - 1].pos !== "NOUN") end--;
    if (end > i && end - i <= 4) {
      const span = tokens.slice(i, end);
      if (!span.every((x) => STOPWORDS.has(x.lower))) out.push(makeCandidate(sentence, "phrase", i, end));
    }
    i = Math.max(to, i + 1);
  }
}

/** The kinds a row's label may still be asked for: stated years, numbers and acronyms are facts too. */
const LABEL_KINDS = new Set<CandidateKind>(["year", "date", "quantity", "acronym"]);

/**
 * A table row asks for its value, prompted by its label: the candidates in the
 * value cells (the whole value as a term when nothing in it was found:
 * "Colour of the flag: blue"), and from the label only years, numbers and
 * acronyms, marked so that the lesson's other statements of them come first.
 */
function rowValueCandidates(sentence: Sentence, answerFrom: number, found: CandidateSpan[]): CandidateSpan[] {
  const inValue = found.filter((c) => c.start >= answerFrom);
  const inLabel = found.filter((c) => c.end <= answerFrom && LABEL_KINDS.has(c.kind)).map((c) => ({ ...c, inLabel: true }));
  if (inValue.length > 0) return [...inValue, ...inLabel];
  const tokens = sentence.tokens;
  let from = tokens.findIndex((t) => t.start >= answerFrom);
  let to = tokens.length;
  while (to > from && from >= 0 && !isWord(tokens[to - 1])) to--;
  while (from >= 0 && from < to && !isWord(tokens[from])) from++;
  if (from < 0 || to <= from || to - from > 6) return inLabel;
  return [makeCandidate(sentence, "term", from, to), ...inLabel];
}

const isHyphen = (t: Token | undefined) => t !== undefined && (t.text === "-" || t.text === "‐");

/** Two tokens with nothing between them. */
function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/**
 * A candidate grown over the hyphens that glue it to its neighbours
 * ("Knowles" in "Knowles-Carter", "sex halls" in "single-sex halls"): a
 * blank never cuts a hyphenated word, so the whole word is the answer.
 */
function wholeHyphenated(sentence: Sentence, c: CandidateSpan): CandidateSpan {
  const tokens = sentence.tokens;
  let from = c.tokenStart;
  let to = c.tokenEnd;
  while (isHyphen(tokens[to]) && glued(tokens[to - 1], tokens[to]) && glued(tokens[to], tokens[to + 1]) && isWord(tokens[to + 1])) to += 2;
  while (isHyphen(tokens[from - 1]) && glued(tokens[from - 1], tokens[from]) && glued(tokens[from - 2], tokens[from - 1]) && isWord(tokens[from - 2]))
    from -= 2;
  if (from === c.tokenStart && to === c.tokenEnd) return c;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  return { ...c, tokenStart: from, tokenEnd: to, start, end, text: sentence.text.slice(start, end) };
}

/** What /^\d/ tells: the text opens on a digit 0-9. */
function startsWithDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** Every candidate answer of a sentence; one per span, most specific kind first. */
export function sentenceCandidates(sentence: Sentence): Candidate[] {
  const out: CandidateSpan[] = [];
  const used = new Set<number>();
  numberCandidates(sentence, out, used);
  dateCandidates(sentence, out, used);
  acronymCandidates(sentence, out, used);
  properNameCandidates(sentence, out, used);
  definedTermCandidates(sentence, out);
  for (const pair of sentence.text.includes("(") ? acronymExpansions(sentence.text) : []) {
    for (const at of findWholeWord(sentence.text, pair.expansion)) {
      const tokenStart = sentence.tokens.findIndex((t) => t.start === at);
      const tokenEnd = sentence.tokens.findIndex((t) => t.end === at + pair.expansion.length) + 1;
      if (tokenStart < 0 || tokenEnd <= tokenStart) continue;
      out.push({
        kind: classifyName(pair.expansion.split(/\s+/)) === "treaty" ? "treaty" : "organisation",
        sentence,
        start: at,
        end: at + pair.expansion.length,
        text: pair.expansion,
        tokenStart,
        tokenEnd,
        cue: "expansion",
      });
    }
  }
  nounPhraseCandidates(sentence, out, used);
  joinedCandidates(sentence, out.slice(), out);
  // One candidate per span: the first found wins (numbers, acronyms, names, terms, phrases).
  const bySpan = new Map<number, CandidateSpan>();
  const found = (sentence.answerFrom === undefined ? out : rowValueCandidates(sentence, sentence.answerFrom, out)).map((c) =>
    wholeHyphenated(sentence, c),
  );
  for (const c of found) {
    const key = c.start * 100_003 + c.end;
    const kept = bySpan.get(key);
    if (!kept) bySpan.set(key, c);
    else if (c.cue && !kept.cue) kept.cue = c.cue;
  }
  return Array.from(bySpan.values(), finished);
}
