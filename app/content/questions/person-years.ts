/**
 * The years in brackets after a person's name: "Shah Jahan (ruled 1628–1658)", "Petrarch (1304–1374)",
 * "Aeschylus (c. 525–456 BC)". A blank over either half is given away or left open by the other (the checks
 * flag it: part-of-a-number, aside), so these facts were never asked. Asked whole, as the statement the
 * brackets make: "Which years fill the blanks? Shah Jahan ruled from _____ to _____." Graded by the two
 * numbers however the learner joins them (app/questions/grade.ts). An event's years in brackets are
 * year-ranges.ts's. Pure.
 */
import { classifyName } from "./candidates";
import type { QuestionDraft } from "./forms";
import { dictionaryDenies, logFrequency } from "./nlp";
import { BLANK } from "./rules";
import { namesAnEvent } from "./year-ranges";

export interface PersonYears {
  /** The name as the sentence writes it before the brackets ("Jean-François Champollion", "Shah Jahan"). */
  name: string;
  /** "ruled" when the brackets say so ("ruled", "reigned", "r."), else the years of a life. */
  role: "lived" | "ruled";
  from: string;
  to: string;
  /** "c." (or "about", "circa") before the years. */
  about: boolean;
  /** "BC", "BCE", "AD" or "CE" after the years, as written. */
  era: string | null;
}

/** Capitalised words, with the small words inside names ("de", "van", "of"), then the years in brackets. */
const NAME_THEN_YEARS =
  /(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|du|da|di|del|della|von|van|der|den|la|le|al|bin|ibn|of)\s+){0,2}\p{Lu}[\p{L}'’.-]*){0,4})\s+\((?:\s*(?<role>ruled|reigned|r\.))?(?:\s*(?<about>c\.|ca\.|circa|about))?\s*(?<from>\d{2,4})\s*[–—-]\s*(?<to>\d{2,4})(?:\s+(?<era>BC|BCE|AD|CE))?\s*\)/gu;

/**
 * Words that open a sentence or a clause and are no part of the name after them: "Under Jahangir (ruled
 * 1605–1627)", "The poet Petrarch". A title ("King", "Sultan") is part of it.
 */
const NOT_NAME = new Set(
  "the a an under after before when while during in on at by with from for as although though since until and but or both his her their its this that these those then later".split(
    " ",
  ),
);

/** The shortest and longest life, and the longest reign, the years can span: beyond them the brackets say something else. */
const LIFE_YEARS = { min: 15, max: 110 };
const MAX_REIGN_YEARS = 80;

/**
 * The people a sentence gives years to in brackets. `isPerson` says whether a name can be a person's (not an
 * organisation's, a place's, a treaty's or an event's): the caller's classifier of names.
 */
export function personYears(text: string, isPerson: (name: string) => boolean): PersonYears[] {
  const out: PersonYears[] = [];
  for (const m of text.matchAll(NAME_THEN_YEARS)) {
    const words = m[1].split(/\s+/);
    while (words.length > 0 && NOT_NAME.has(words[0].toLowerCase())) words.shift();
    if (words.length === 0) continue;
    const name = words.join(" ");
    const { role, about, from, to, era } = m.groups!;
    const bc = era === "BC" || era === "BCE";
    // "1939–45": a shortened second year is a period's, not a life's ("Cicero (106–43 BC)" is a life).
    if (!bc && from.length !== to.length) continue;
    const span = bc ? Number(from) - Number(to) : Number(to) - Number(from);
    const ruled = role !== undefined;
    if (ruled ? span <= 0 || span > MAX_REIGN_YEARS : span < LIFE_YEARS.min || span > LIFE_YEARS.max) continue;
    // A year before 100 without an era is no year of a life written so ("(25–40)" is a count).
    if (!era && Number(from) < 100) continue;
    if (!isPerson(name)) continue;
    out.push({ name, role: ruled ? "ruled" : "lived", from, to, about: about !== undefined, era: era ?? null });
  }
  return out;
}

/** "Which years fill the blanks? Shah Jahan ruled from _____ to _____." */
export function personYearsQuestion(person: PersonYears): QuestionDraft {
  const era = person.era ? ` ${person.era}` : "";
  const statement = `${person.name} ${person.role} from ${person.about ? "about " : ""}${BLANK} to ${BLANK}${era}.`;
  const answer = `${person.from}–${person.to}`;
  return { type: "short_answer", prompt: `Which years fill the blanks? ${statement}`, answer, accepted: [answer], weight: 1 };
}

/**
 * Whether a name before years in brackets is a person's: a name the gazetteer gives a person's first name, or one
 * of rare words only, besides a title ("Sultan Mahmud II", "Petrarch"): "the Crisis of the Third Century (235–284)"
 * and "the Gates of Paradise (1425–1452)" are of common words. Never an organisation's, a place's, a treaty's or an
 * event's, nor one a dictionary knows as something else.
 */
export function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  const kind = classifyName(words);
  if ((kind !== "person" && kind !== "name") || namesAnEvent(name) || dictionaryDenies(name, "person")) return false;
  const last = words[words.length - 1];
  const rare = (w: string) => PERSON_TITLES.has(w.toLowerCase()) || /^[IVXL]+$/.test(w) || logFrequency(w.toLowerCase()) < COMMON_WORD_LOG_FREQUENCY;
  // "The Almoravids (1040–1147)", "the Ilkhanate", "Cubism": a dynasty, a state or a movement, of rare words too.
  if (NOT_A_PERSON_ENDING.test(last) || BUILDINGS.has(last.toLowerCase())) return false;
  // "Lincoln Cathedral (1072–1092)": a first name opens it, a common word ends it.
  return kind === "person" ? rare(last) : words.every(rare);
}
/** Last words of buildings and works whose years in brackets are their building's ("Lincoln Cathedral (1072–1092)"). */
const BUILDINGS = new Set("cathedral church abbey chapel basilica mosque temple wat monastery palace castle fort fortress tower bridge hall house museum library canal dam gate gates wall".split(" "));
/** Last words of dynasties, peoples, states and movements ("Umayyads", "Hittites", "Julio-Claudians", "Khanate", "Cubism"). */
const NOT_A_PERSON_ENDING = /(?:ids|ads|ites|ians|ate|ism)$/;
/** Titles before a ruler's or a saint's name. */
const PERSON_TITLES = new Set("king queen sultan emperor empress pope saint st. sir shah tsar czar khan prince princess duke lord lady caliph".split(" "));
/** A word at least this common (log frequency; "century" 3.0, "gates" 2.8, "Eiffel" 2.0, "Petrarch" 0) is a common word. */
const COMMON_WORD_LOG_FREQUENCY = 2.5;

/** How many of `sentences` name the person by their last name ("Lassell" of "William Lassell"; a regnal number is no name). */
export function sentencesNaming(sentences: readonly string[], person: PersonYears): number {
  const last = person.name.split(/\s+/).filter((w) => !/^[IVXL]+$/.test(w)).at(-1);
  if (!last) return 0;
  const named = new RegExp(String.raw`(?<![\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\p{L}])`, "u");
  let n = 0;
  for (const sentence of sentences) if (named.test(sentence)) n++;
  return n;
}
