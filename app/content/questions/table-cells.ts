/**
 * A table with a header row states a fact in each cell: the column's heading of the row's label. "Salivary
 * amylase | Mouth | Starch → maltose | 6.8" under "Enzyme | Where it works | Reaction | Optimum pH" says the
 * optimum pH of salivary amylase is 6.8. Read as a sentence ("Salivary amylase: Mouth; Starch → maltose; 6.8.")
 * a cell's blank is a fragment raters never accepted, so such facts were never asked. Each is asked as the
 * question its headings make: "What is the optimum pH of salivary amylase?". Pure.
 *
 * Two blind raters accepted 12 and 4 of the 17 such questions earlier material gave (the enzymes' optimum pH
 * passed both; a worked example's "tax due" and a scale's categories it never names failed), so the form is
 * estimated at that rate (index.ts: TABLE_CELL_ACCEPTANCE), below the decks' bar: the bank has the questions for
 * an instructor to accept, in place of the row's fragments.
 */
import type { Block } from "../types";
import type { QuestionDraft } from "./forms";
import { rangeEnds, readNumber } from "../../questions/numbers";
import { MAX_TABLE_CELLS, rowText } from "./nlp";

export interface TableCellFact {
  draft: QuestionDraft;
  /** The row as the lesson's sentences read it: the question's source. */
  row: string;
  line: number;
  /** Whether the value is a number (a count, a measure, a year): asked as a quantity or a year, else as a term. */
  kind: "quantity" | "year" | "term";
}

/** A heading that names a measure or a property ("Optimum pH", "Wind speed (km/h)", "Rate"), not a question or a verb. */
const HEADING = /^(?!(?:where|what|when|how|why|which|who|whom|whose|is|are|was|were|has|have|does|do|did|notes?|comments?|remarks?|details?|description|other|misc\.?|see|values?|figures?|facts?|data|information|info|feature|features|item|items)\b)[\p{L}][\p{L}\d ()%/.,'’&-]{0,40}$/iu;
/** A label column of years or dates: its rows are events, asked by no heading of theirs. */
const TIME_HEADING = /^(?:year|years|date|dates|period|century|decade|when)\b/i;
const EMPTY_CELL = /^(?:[-–—?]|n\/?a|none|unknown|\s*)$/i;
/** A row that sums or averages the others is no thing the headings say something of. */
const SUMMARY_LABEL = /^(?:total|totals|sum|average|mean|all|overall|other|others)\b/i;
/** A participle after a heading's first word ("Reaction catalysed", "Income taxed in band"): no noun to ask "the ... of". */
const PARTICIPLE_AFTER_FIRST = /\s\p{Ll}{3,}ed\b/u;
/** A heading whose noun is plural ("Sustained winds (km/h)"): asked "What are...". */
const PLURAL_HEAD = /\p{Ll}{2,}(?<![su]s|is)s(?:\s*\([^()]*\))?$/u;
/** A name: every word capitalised ("Donald Trump", "Mouth" aside: one word is any noun). */
const NAME_VALUE = /^\p{Lu}[\p{L}'’.-]*(?: (?:(?:of|de|la|von|van|the|and) )?\p{Lu}[\p{L}'’.-]*){1,3}$/u;
const MAX_LABEL_WORDS = 8;
const MAX_VALUE_WORDS = 6;

/** "Optimum pH" -> "optimum pH": a heading's first word in lower case unless it is a name or an acronym. */
function asNoun(heading: string): string {
  const [first, ...rest] = heading.split(" ");
  const lowered = /^\p{Lu}[\p{Ll}-]+$/u.test(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(" ");
}

/** "Salivary amylase" -> "salivary amylase" (a common noun), "Category" and "5" -> "category 5", names kept. */
function rowName(label: string, labelHeading: string): string {
  // "the band of income 10,001 – 40,000", "category 5": a heading of one word names its rows' numbers without an article.
  // "Category 5" under "Category" already says it.
  if (/\d/.test(label) && label.toLowerCase().startsWith(`${labelHeading.toLowerCase()} `)) return asNoun(label);
  if (/\d/.test(label)) return `${/\s/.test(labelHeading) ? "the " : ""}${asNoun(labelHeading)} ${asNoun(label)}`;
  const labelWords = label.split(/\s+/);
  // A name keeps its capitals ("Lake Tanganyika", "Pepsin"); a common noun capitalised only as a cell's first word
  // ("Salivary amylase") is lowered.
  return labelWords.length > 1 && labelWords.slice(1).every((w) => /^\p{Ll}/u.test(w)) ? asNoun(label) : label;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The questions a headed table's cells make, one per cell beside the label whose heading names what it holds. */
export function tableCellFacts(block: Extract<Block, { kind: "table" }>): TableCellFact[] {
  const header = block.header;
  if (!header || header.length < 2) return [];
  const labelHeading = header[0].trim();
  if (labelHeading === "" || TIME_HEADING.test(labelHeading) || !HEADING.test(labelHeading)) return [];
  const out: TableCellFact[] = [];
  block.rows.forEach((row, i) => {
    const label = row[0]?.trim() ?? "";
    if (label === "" || words(label) > MAX_LABEL_WORDS || /[.;:?!]$/.test(label) || SUMMARY_LABEL.test(label)) return;
    const name = rowName(label, labelHeading);
    for (let column = 1; column < Math.min(row.length, header.length, MAX_TABLE_CELLS); column++) {
      const heading = header[column].trim();
      const value = (row[column] ?? "").replace(/\s+/g, " ").trim();
      if (!HEADING.test(heading) || PARTICIPLE_AFTER_FIRST.test(heading) || EMPTY_CELL.test(value) || words(value) > MAX_VALUE_WORDS) continue;
      // "Hillary Clinton (227)", "Extensive damage; widespread power cuts": two values in one cell.
      if (/[();]/.test(value)) continue;
      // The value in its own heading or label ("Mouth" under "Where it works" aside) asks nothing.
      if (value.toLowerCase() === heading.toLowerCase() || value.toLowerCase() === label.toLowerCase()) continue;
      const numeric = /^[\d.,]+(?:\s*[–-]\s*[\d.,]+)?\s*(?:%|°\s?[CF]|\p{L}{1,12})?$/u.test(value);
      // "154–177 mph": a range with its unit has no one number to grade, nor the bare ends a range is graded by.
      if (numeric && /\d\s*[–-]\s*[\d.]/.test(value) && rangeEnds(value) === null) continue;
      const year = /^\d{4}$/.test(value);
      // A value typed back is a number or a name: a phrase ("Some damage to roofs") has too many ways to say it.
      if (!numeric && !year && !NAME_VALUE.test(value)) continue;
      const preposition = /\d/.test(label) ? "for" : "of";
      const verb = PLURAL_HEAD.test(heading) ? "are" : "is";
      const prompt = `What ${verb} the ${asNoun(heading)} ${preposition} ${name}?`;
      // One number is graded as a number (its unit, if written, must be the key's); a range by its two ends.
      const number = numeric && rangeEnds(value) === null ? readNumber(value) : null;
      out.push({
        draft: number
          ? { type: "numeric", prompt, answer: value, accepted: [value], numeric: { value: number.value, unit: number.unit, tolerance: 0 }, weight: 1 }
          : { type: "short_answer", prompt, answer: value, accepted: [value], weight: 1 },
        row: rowText(row),
        line: block.line + (block.header ? 1 : 0) + i,
        kind: year ? "year" : numeric ? "quantity" : "term",
      });
    }
  });
  return out;
}
