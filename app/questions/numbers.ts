/**
 * Numbers and units in answers: reading "1,000", "1 000", "2 million",
 * "twenty-four", "$5", "5 km", "12%"; naming units by one canonical code
 * whatever the spelling (km = kilometres = kilometers); and deciding whether
 * a number answers a numeric key. A unit other than the key's is wrong
 * (gallons for litres, euros for dollars); no unit at all is fine, since
 * the form says which unit it asks for. Pure.
 */

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Each unit's canonical code and the ways it is written (lower case; plural forms listed). */
const UNIT_SPELLINGS: Record<string, string> = {
  ms: "ms millisecond milliseconds",
  s: "s sec secs second seconds",
  min: "min mins minute minutes",
  h: "h hr hrs hour hours",
  d: "day days",
  wk: "wk week weeks",
  mo: "month months",
  yr: "yr yrs year years",
  decade: "decade decades",
  century: "century centuries",
  mm: "mm millimetre millimetres millimeter millimeters",
  cm: "cm centimetre centimetres centimeter centimeters",
  m: "m metre metres meter meters",
  km: "km kilometre kilometres kilometer kilometers",
  in: "inch inches",
  ft: "ft foot feet",
  yd: "yd yard yards",
  mi: "mi mile miles",
  ha: "ha hectare hectares",
  acre: "acre acres",
  mg: "mg milligram milligrams",
  g: "g gram grams",
  kg: "kg kilogram kilograms kilo kilos",
  t: "tonne tonnes ton tons",
  lb: "lb lbs",
  pound: "pound pounds",
  oz: "oz ounce ounces",
  ml: "ml millilitre millilitres milliliter milliliters",
  l: "l litre litres liter liters",
  gal: "gal gallon gallons",
  bbl: "barrel barrels",
  deg: "° degree degrees",
  mph: "mph",
  kw: "kw kilowatt kilowatts",
  mw: "mw megawatt megawatts",
  gw: "gw gigawatt gigawatts",
  kwh: "kwh",
  hz: "hz hertz",
  khz: "khz kilohertz",
  mhz: "mhz megahertz",
  ghz: "ghz gigahertz",
  kelvin: "kelvin kelvins",
  nm: "nanometre nanometres nanometer nanometers",
  v: "v volt volts",
  w: "w watt watts",
  byte: "byte bytes",
  kb: "kb kilobyte kilobytes",
  mb: "mb megabyte megabytes",
  gb: "gb gigabyte gigabytes",
  tb: "tb terabyte terabytes",
  "%": "% percent per-cent pc",
  usd: "$ us$ usd dollar dollars",
  eur: "€ eur euro euros",
  gbp: "£ gbp pound-sterling sterling",
  jpy: "¥ jpy yen",
  cny: "cny yuan renminbi",
  inr: "inr rupee rupees",
  mxn: "peso pesos",
  chf: "chf franc francs",
};

const UNIT_CODES = new Map<string, string>();
for (const [code, spellings] of Object.entries(UNIT_SPELLINGS)) {
  for (const spelling of spellings.split(" ")) UNIT_CODES.set(spelling, code);
}

/** The canonical code of a unit as written ("Kilometres" → "km"), or null when it is not a unit known here. */
export function unitCode(unit: string): string | null {
  const lower = unit.trim().toLowerCase();
  const known = UNIT_CODES.get(lower) ?? UNIT_CODES.get(lower.replace(/\.$/, ""));
  if (known !== undefined || !lower.includes("/")) return known ?? null;
  // "km/h", "km/s/Mpc": a unit per others, each part read.
  const [first, ...per] = lower.split("/");
  const base = UNIT_CODES.get(first);
  const perCodes = per.map((p) => PER_CODES.get(p) ?? UNIT_CODES.get(p));
  return base === undefined || perCodes.some((p) => p === undefined) ? null : [base, ...perCodes].join("/");
}

/** What a rate is per, as written after "/" or "per": "h", "hour", "s", "second", "yr", "Mpc". */
const PER_CODES = new Map<string, string>(
  Object.entries({ h: "h", hr: "h", hour: "h", s: "s", sec: "s", second: "s", min: "min", minute: "min", d: "d", day: "d", yr: "yr", year: "yr", mpc: "mpc", kpc: "kpc" }),
);
/** "/h", " per hour", "/s/Mpc": the rest of a rate's unit after its first part. */
const PER_UNIT_AFTER = /^(?:\s*\/\s*|\s+per\s+)([a-z]+)\b/;

/** Words-to-number for "twenty-four", "one hundred and five", "two thousand". */
function wordsToNumber(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words) {
    if (word === "and" && seen) continue;
    if (word in SMALL_NUMBERS) {
      current += SMALL_NUMBERS[word]!;
    } else if (word === "hundred" && seen) {
      current = (current || 1) * 100;
    } else if (word in SCALES && seen) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else {
      break;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

export interface ReadNumber {
  value: number;
  /** Canonical code of the unit written with the number ("h" for "hours", "usd" for "$"), if any. */
  unit: string | null;
  /** The word written after the number when it is no unit known here ("apples"), else null. */
  otherWord: string | null;
}

function plainText(response: string): string {
  return response
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/[−–]/g, "-")
    .trim();
}

/**
 * Reads the first number in a response: digits with thousands separators
 * ("1,000", "1 000"), decimals, a scale word ("2 million"), or number words;
 * plus the unit written before it (a currency sign) or after it.
 */
export function readNumber(response: string): ReadNumber | null {
  const text = plainText(response);
  let value: number | null = null;
  let before = "";
  let rest = "";
  const digits = /(-?)(\d{1,3}(?:[, ]\d{3})+(?!\d)|\d+)(?:\.(\d+))?/.exec(text);
  if (digits) {
    const whole = digits[2]!.replace(/[, ]/g, "");
    value = Number(`${digits[1]}${whole}${digits[3] ? `.${digits[3]}` : ""}`);
    before = text.slice(0, digits.index);
    rest = text.slice(digits.index + digits[0].length);
    const scale = /^\s*(thousand|million|billion|trillion)\b/.exec(rest);
    if (scale) {
      value *= SCALES[scale[1]!]!;
      rest = rest.slice(scale[0].length);
    }
  } else {
    const words = text.split(/[\s-]+/).filter(Boolean);
    const start = words.findIndex((w) => w in SMALL_NUMBERS);
    if (start >= 0) {
      const numberWords: string[] = [];
      for (const w of words.slice(start)) {
        if (w in SMALL_NUMBERS || w in SCALES || w === "hundred" || w === "and") numberWords.push(w);
        else break;
      }
      while (numberWords.at(-1) === "and") numberWords.pop();
      value = wordsToNumber(numberWords);
      before = words.slice(0, start).join(" ");
      rest = words.slice(start + numberWords.length).join(" ");
    }
  }
  if (value === null || !Number.isFinite(value)) return null;
  const sign = /(us\$|[$€£¥])\s*$/.exec(before)?.[1];
  const after = /^\s*(%|°|[a-z$]+(?:-[a-z]+)?)/.exec(rest)?.[1];
  let afterUnit = after ? unitCode(after) : null;
  // "603 km/h", "603 kilometres per hour": a rate, not a length.
  if (afterUnit !== null) {
    let tail = rest.slice(rest.indexOf(after!) + after!.length);
    for (let per = PER_UNIT_AFTER.exec(tail); per && PER_CODES.has(per[1]!); per = PER_UNIT_AFTER.exec(tail)) {
      afterUnit = `${afterUnit}/${PER_CODES.get(per[1]!)}`;
      tail = tail.slice(per[0].length);
    }
  }
  return {
    value,
    unit: (sign ? unitCode(sign) : null) ?? afterUnit,
    otherWord: after && !afterUnit ? after : null,
  };
}

export interface NumericKey {
  value: number;
  unit: string | null;
  tolerance: number;
}

/**
 * Whether `response` gives the key's number: the same value (within the
 * tolerance, and a hair for floating point) and no unit other than the key's.
 */
export function answersNumber(response: string, key: NumericKey): boolean {
  const read = readNumber(response);
  if (!read) return false;
  const tolerance = Math.max(key.tolerance, 1e-9 * Math.max(1, Math.abs(key.value)));
  if (Math.abs(read.value - key.value) > tolerance) return false;
  if (!read.unit) return true;
  const expected = key.unit ? unitCode(key.unit) : null;
  // A unit where the key has none ("1948 km" for a year) or a different one is wrong.
  return expected !== null && sameUnit(read.unit, expected);
}

/** "Pound" is a weight and a currency: it stands for either of those written unambiguously. */
const EITHER_OF: Record<string, readonly string[]> = { pound: ["lb", "gbp"] };

function sameUnit(a: string, b: string): boolean {
  return a === b || EITHER_OF[a]?.includes(b) === true || EITHER_OF[b]?.includes(a) === true;
}

/** The four-digit years (1000–2100) written in a text, in order. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1])).filter((y) => y >= 1000 && y <= 2100);
}

/** A number written in digits: thousands separators ("27,800"), a decimal part ("3.6"). */
const DIGITS = /(?<![\d.,])(\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?)/g;

/**
 * The numbers written in digits in a text, in order ("between 1,200 and 1,500" gives 1200 and 1500). A minus is a
 * sign at the start or after a word ("-10 to 14", "10 to -14"), and joins two numbers after one ("1874-1886", "1860s-1870s").
 */
export function numbersWritten(text: string): number[] {
  const plain = plainText(text);
  return [...plain.matchAll(DIGITS)].map((m) => {
    const value = Number(m[1].replace(/,/g, ""));
    const before = plain.slice(0, m.index).trimEnd();
    const signed = before.endsWith("-") && !/\d(?:0\W?s)?\s*-$/.test(before);
    return signed ? -value : value;
  });
}

/** Two numbers as a range: "1874 and 1886", "10 to 14", "1413–1415", "1413-1415". */
const RANGE_KEY = /^\s*(?:\d{3}0s|\d[\d,.]*)\s*(?:and|to|until|till|–|—|-)\s*(?:\d{3}0s|\d[\d,.]*)\s*$/;

/** Whether a range's key is two decades ("1880s and 1890s"). */
export function decadesKey(key: string): boolean {
  return /^\s*\d{3}0s\b.*\b\d{3}0s\s*$/.test(key);
}

/** The two ends of a key written as a range, or null for any other key. */
export function rangeEnds(key: string): [number, number] | null {
  if (!RANGE_KEY.test(key)) return null;
  const ends = numbersWritten(key);
  return ends.length === 2 ? [ends[0], ends[1]] : null;
}

/** The "s" of a decade ("1880s"), after what plainText leaves of an apostrophe ("1880's"). */
const DECADE_S = /(?<=\d0)\W?s\b/g;

/** Words a learner may join a range's ends with, or put before them. */
const RANGE_WORDS = new Set("and to until till from between through thru about around c ca circa".split(" "));

/**
 * Whether `response` gives the range's two ends in order, joined any way ("1874 and 1886", "1874-1886",
 * "from 1874 to 1886"), with no word but a joining one and those of `unitWords` (the unit the prompt writes
 * after the blanks: "days" in "_____ to _____ days").
 */
export function answersRange(response: string, ends: readonly [number, number], unitWords: readonly string[], decades = false): boolean {
  const given = numbersWritten(response);
  if (given.length !== 2 || given[0] !== ends[0]) return false;
  // "1874-86": a second year written in the first one's century.
  const shortYear = ends[0] >= 1000 && ends[1] >= 1000 && given[1] >= 0 && given[1] < 100 && Math.floor(ends[0] / 100) * 100 + given[1] === ends[1];
  if (given[1] !== ends[1] && !shortYear) return false;
  // Two decades ("the 1880s and the 1890s", "1880's"): a decade's "s" is part of its number, and "the" may come before it.
  const plain = decades ? plainText(response).replace(DECADE_S, "") : plainText(response);
  const words = plain.replace(DIGITS, " ").match(/\p{L}+/gu) ?? [];
  return words.every((w) => RANGE_WORDS.has(w) || unitWords.includes(w) || (decades && w === "the"));
}
