/**
 * The years in brackets after an event's name: "The Taiping Rebellion (1850–1864) was a civil war...". A
 * blank over either half ("(_____–1864)") is given away or left open by the other, and raters failed it;
 * what the brackets state is when the event began and ended, and a teacher asks exactly that: "In what
 * year did the Taiping Rebellion begin?". A person's years in brackets ("Louis Pasteur (1822–1895)") are
 * an aside to what the sentence says of them, and are not asked. Pure.
 */
import type { QuestionDraft } from "./forms";

export interface EventYears {
  /** The event's name as the sentence writes it, without "the" ("Taiping Rebellion", "Mao's Cultural Revolution"). */
  name: string;
  /** Whether the sentence writes "the" before the name. */
  article: boolean;
  from: number;
  to: number;
}

/**
 * A name's last words that make it an event or a period with a start and an end: "the Taiping
 * Rebellion", "the Ming dynasty", "the Meiji era".
 */
const EVENT_HEADS = new Set(
  "war wars rebellion revolt revolution uprising insurrection crisis dynasty reign era period age movement restoration reformation expedition siege campaign famine epidemic pandemic depression occupation blockade airlift conflict crusade schism shogunate caliphate".split(
    " ",
  ),
);
/**
 * A name's capitalised words, with the small words inside names ("of", "of the", "de") and a head in lower case
 * ("the Ming dynasty"), and the years in brackets after it.
 */
const NAME_BEFORE_YEARS =
  /((?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:(?:of(?:\s+the)?|de|du|da|di|del|della|von|van|der|den|la|le|al)\s+)?\p{Lu}[\p{L}'’.-]*)*(?:\s+(?:dynasty|era|period|age|reign|revolution|rebellion|revolt|uprising|war|wars|famine|crisis|campaign|expedition|shogunate|caliphate))?)\s+\((\d{3,4})\s*[–—-]\s*(\d{2,4})\)/gu;
/** "Mao's Cultural Revolution": a possessive before the name proper. */
const POSSESSOR = /^(?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}.-]*['’]s\s+/u;
/** The longest an event is taken to run: beyond it, the brackets say something else. */
const MAX_YEARS = 700;

/**
 * The events a sentence dates in brackets after their names. Uncertain years ("c. 1350–1400") and eras
 * ("551–479 BCE") are left alone: the question would have to say so.
 */
export function eventYears(text: string): EventYears[] {
  const out: EventYears[] = [];
  for (const m of text.matchAll(NAME_BEFORE_YEARS)) {
    let at = m.index ?? 0;
    let written = m[1];
    // "After Britain's First Opium War": a sentence's first word is no part of a name, but "The" is its article.
    if (text.slice(0, at).trim() === "" && !/^The\s/.test(written)) {
      const first = /^\S+\s+/.exec(written);
      if (!first || !/^\p{Lu}/u.test(written.slice(first[0].length))) continue;
      written = written.slice(first[0].length);
      at += first[0].length;
    }
    // "The Taiping Rebellion": the sentence's capital "The" is the article, not the name.
    const opening = /^The\s+/.exec(written);
    const name = opening ? written.slice(opening[0].length) : written;
    const from = Number(m[2]);
    // "1939–45": the second year in the first one's century.
    const to = m[3].length === 2 ? Math.floor(from / 100) * 100 + Number(m[3]) : Number(m[3]);
    // The head is the last word before "of" ("War of the Spanish Succession"), else the last.
    const head = name.split(/\s+of\s+/)[0].split(/\s+/).at(-1)?.toLowerCase() ?? "";
    if (!EVENT_HEADS.has(head) || name.split(/\s+/).length > 8 || to <= from || to - from > MAX_YEARS) continue;
    out.push({ name, article: !POSSESSOR.test(name) && (opening !== null || /\bthe\s+$/i.test(text.slice(0, at))), from, to });
  }
  return out;
}

/** Whether a name's head makes it an event or a period ("the Taiping Rebellion", "the Ming dynasty"): see EVENT_HEADS. */
export function namesAnEvent(name: string): boolean {
  return EVENT_HEADS.has(name.split(/\s+of\s+/)[0].split(/\s+/).at(-1)?.toLowerCase() ?? "");
}

/** The name without its possessor, as a dictionary lists it: "Cultural Revolution" of "Mao's Cultural Revolution". */
export function eventProper(event: EventYears): string {
  return event.name.replace(POSSESSOR, "");
}

/** "In what year did the Taiping Rebellion begin?" and "...end?". */
export function eventYearQuestions(event: EventYears): QuestionDraft[] {
  const named = event.article ? `the ${event.name}` : event.name;
  const asked = (verb: string, year: number): QuestionDraft => ({
    type: "numeric",
    prompt: `In what year did ${named} ${verb}?`,
    answer: String(year),
    accepted: [String(year)],
    numeric: { value: year, unit: null, tolerance: 0 },
    weight: 1,
  });
  return [asked("begin", event.from), asked("end", event.to)];
}
