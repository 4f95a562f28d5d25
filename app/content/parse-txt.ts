/**
 * Plain-text parsing: decoded text -> title + Block[].
 * Plain text has no markup, so structure is read from the shape of lines:
 * list markers, hard-wrapped paragraphs, runs of "<label> <value>" fact rows,
 * and short title-like lines, which become (level-2) heading candidates.
 * Deciding which headings are sub-sections happens in segment.ts; deciding
 * which lines are web boilerplate happens in clean.ts.
 */
import type { Block } from "./types";
import { collapseWhitespace, endsLikeSentence, startsCapitalised, stripMarkup, wordCount } from "./text";

export interface ParsedDocument {
  title: string | null;
  blocks: Block[];
  /** "explicit" when the format marks heading levels (Markdown, HTML); "inferred" for plain text. */
  headingLevels: "explicit" | "inferred";
}

/** Longest line that can still be a heading: section titles are short; paragraphs are not. */
export const MAX_HEADING_WORDS = 16;
const MAX_HEADING_CHARS = 150;

const LIST_MARKER = /^(\s*)([-*+•·●▪‣◦–]|\(?\d{1,3}[.)]|\(?[a-z][.)](?=\s))\s+/;

interface Unit {
  /** "table": a run of lines in columns aligned by spaces, its cells in `cells`. */
  kind: "line" | "item" | "table";
  text: string;
  line: number;
  ordered: boolean;
  /** A blank line (or the start of the text) comes right before this unit. */
  afterBlank: boolean;
  cells?: string[][];
  /** An ordered item's text with its number ("4. Famous earthquakes"). */
  numbered?: string;
}

export function parseText(text: string): ParsedDocument {
  const units = toUnits(text);
  const blocks: Block[] = [];
  let title: string | null = null;
  let i = 0;
  if (units.length > 1 && units[0].kind === "line" && isHeadingShaped(units[0].text)) {
    title = units[0].text;
    i = 1;
  }
  while (i < units.length) {
    const unit = units[i];
    if (unit.kind === "table" && unit.cells) {
      const [header, ...rows] = unit.cells;
      blocks.push({ kind: "table", header, rows, line: unit.line });
      i++;
      continue;
    }
    // "4. FAMOUS EARTHQUAKES" on a line of its own before prose: a numbered section title, not a list of one.
    if (unit.kind === "item" && unit.ordered && unit.afterBlank && isHeadingShaped(unit.text) && units[i + 1]?.kind === "line" && units[i + 1].afterBlank) {
      blocks.push({ kind: "heading", level: 2, text: unit.numbered ?? unit.text, line: unit.line });
      i++;
      continue;
    }
    const table = factTableAt(units, i);
    if (table) {
      blocks.push(table.block);
      i = table.next;
      continue;
    }
    if (unit.kind === "item") {
      const items: string[] = [];
      const ordered = unit.ordered;
      while (i < units.length && units[i].kind === "item" && units[i].ordered === ordered) {
        items.push(units[i].text);
        i++;
      }
      const previous = blocks[blocks.length - 1];
      // Items separated by blank lines are still one list.
      if (previous && previous.kind === "list" && previous.ordered === ordered && items.length > 0) {
        previous.items.push(...items);
      } else {
        blocks.push({ kind: "list", ordered, items, line: unit.line });
      }
      continue;
    }
    if (isHeadingShaped(unit.text)) {
      blocks.push({ kind: "heading", level: 2, text: unit.text, line: unit.line });
    } else {
      blocks.push({ kind: "paragraph", text: unit.text, line: unit.line });
    }
    i++;
  }
  return { title, blocks, headingLevels: "inferred" };
}

/** A short line, capitalised, not ending like a sentence: a section title (or boilerplate shaped like one). */
export function isHeadingShaped(text: string): boolean {
  return (
    text.length <= MAX_HEADING_CHARS &&
    wordCount(text, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS &&
    !endsLikeSentence(text) &&
    startsCapitalised(text) &&
    /\p{L}/u.test(text)
  );
}

/** Lines -> units (paragraph lines and list items), joining hard-wrapped lines. */
function toUnits(text: string): Unit[] {
  const lines = stripMarkup(text).split("\n");
  const wrapWidth = hardWrapWidth(lines);
  const units: Unit[] = [];
  let previousBlank = true;
  let previousRawLength = 0;
  let itemIndent = -1;
  for (let index = 0; index < lines.length; index++) {
    const columns = alignedTableAt(lines, index);
    if (columns) {
      units.push({ kind: "table", text: "", line: index + 1, ordered: false, afterBlank: previousBlank, cells: columns.cells });
      index = columns.next - 1;
      previousBlank = false;
      previousRawLength = 0;
      itemIndent = -1;
      continue;
    }
    const raw = lines[index].replace(/\t/g, "    ");
    const trimmed = collapseWhitespace(raw);
    if (trimmed === "") {
      previousBlank = true;
      itemIndent = -1;
      continue;
    }
    const marker = LIST_MARKER.exec(raw);
    const last = units[units.length - 1];
    const indent = raw.length - raw.trimStart().length;
    const continuesWrappedLine =
      wrapWidth > 0 && !previousBlank && last !== undefined && !marker && previousRawLength >= wrapWidth * 0.6;
    const continuesItem = last?.kind === "item" && !previousBlank && !marker && itemIndent >= 0 && indent > itemIndent;
    if ((continuesWrappedLine || continuesItem) && last) {
      last.text = `${last.text} ${trimmed}`;
    } else if (marker) {
      const itemText = collapseWhitespace(raw.slice(marker[0].length));
      if (itemText !== "") {
        units.push({
          kind: "item",
          text: itemText,
          line: index + 1,
          ordered: /\w/.test(marker[2]),
          afterBlank: previousBlank,
          numbered: collapseWhitespace(raw),
        });
        itemIndent = marker[1].length;
      }
    } else {
      units.push({ kind: "line", text: trimmed, line: index + 1, ordered: false, afterBlank: previousBlank });
      itemIndent = -1;
    }
    previousBlank = false;
    previousRawLength = raw.trimEnd().length;
  }
  return units;
}

/** Cells of a line set in columns: two spaces or more (or a tab) between them. */
const COLUMN_GAP = /\s{2,}|\t/;
/** A rule under a table's header: dashes, equals signs or underscores and the spaces between them. */
const RULE_LINE = /^[\s=_-]*[=_-]{3,}[\s=_-]*$/;

/**
 * A table set in columns with spaces ("Magnitude     Average number per year     Typical effects"):
 * at least three lines, the header, maybe a rule of dashes, then rows, each with as many cells as the
 * header (two or more), the first cell of each starting where the header's does. Its cells, header
 * first, and the index of the first line after it; null when the lines there are not one.
 */
function alignedTableAt(lines: string[], start: number): { cells: string[][]; next: number } | null {
  const cellsOf = (line: string) => line.trim().split(COLUMN_GAP);
  const head = lines[start];
  if (!COLUMN_GAP.test(head.trim())) return null;
  const width = cellsOf(head).length;
  if (width < 2 || width > 12) return null;
  const cells = [cellsOf(head)];
  let i = start + 1;
  if (i < lines.length && RULE_LINE.test(lines[i])) i++;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    if (RULE_LINE.test(lines[i])) continue;
    const row = cellsOf(lines[i]);
    if (row.length !== width || lines[i].search(/\S/) !== head.search(/\S/)) return null;
    cells.push(row);
  }
  return cells.length >= 3 ? { cells, next: i } : null;
}

/**
 * The width a hard-wrapped text was wrapped at, or 0 when lines are whole
 * paragraphs. Wrapped text has no line much longer than ~100 characters, and
 * lines close to the longest run on into the next.
 */
function hardWrapWidth(lines: string[]): number {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.trimEnd().length);
  if (longest < 40 || longest > 120) return 0;
  // A wrapped sentence goes on in lower case on the next line; a list of titles never does.
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trimEnd().length >= longest * 0.75 && /^\s*\p{Ll}/u.test(lines[i + 1])) continued++;
  }
  return continued >= 2 ? longest : 0;
}

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$/i;
/** The value at the end of a fact row: a number, year, date, amount or percentage, maybe with a unit. */
const VALUE_TOKEN = /^[~≈<>+\-−]?[$€£¥]?\d[\d,.:/]*(%|[a-zA-Zµ°]{0,4})?$/;
const VALUE_UNIT = /^(%|percent|million|billion|thousand|years?|months?|days?|hours?|minutes?|km|m|kg|tons?|people|members|countries)$/i;

/** Splits "<label> <value>" into its two cells, or null when the line does not end with a value. */
export function splitFactRow(text: string): [string, string] | null {
  const tokens = text.split(" ");
  let start = tokens.length;
  if (start > 1 && VALUE_UNIT.test(tokens[start - 1]) && VALUE_TOKEN.test(tokens[start - 2])) start -= 2;
  else if (VALUE_TOKEN.test(tokens[start - 1])) start -= 1;
  else return null;
  // "October 2020", "12 March 2021", "March 12, 2021"
  while (start > 1 && (MONTH.test(tokens[start - 1]) || /^\d{1,2}(st|nd|rd|th)?,?$/.test(tokens[start - 1]))) start--;
  const label = tokens.slice(0, start).join(" ");
  // A label may end in an abbreviation ("created by the U.S. 93"), not in a sentence.
  const abbreviated = /(^|\s)(\p{L}\.){2,}$/u.test(label);
  if (wordCount(label) < 2 || (endsLikeSentence(label) && !abbreviated)) return null;
  return [label, tokens.slice(start).join(" ")];
}

/** The second of two column names that say a table of facts follows ("Fact Value", "Characteristics Values"). */
const COLUMN_NAME = /^(?:Values?|Figures?|Data|Details?|Amounts?|Numbers?|Statistics?|Facts?|Information|Descriptions?)$/;

/**
 * A run of at least two adjacent short lines that each end with a value
 * ("Year the treaty was signed 1998"), optionally under a line of two column
 * names ("Characteristics Values"): a table of facts flattened to text.
 */
function factTableAt(units: Unit[], start: number): { block: Block; next: number } | null {
  let header: string[] | null = null;
  let first = start;
  const head = units[start];
  // Column names: two words ("Characteristics Values", "Feature Value"). A longer
  // line above a table is its title and stays a heading of its own.
  if (head.kind === "line" && wordCount(head.text, 2) === 2 && !/\d/.test(head.text) && !endsLikeSentence(head.text)) {
    header = head.text.split(" ");
    first = start + 1;
  }
  // Column names that say so ("Fact Value", "Characteristics Values") may stand a blank line above their rows;
  // two other words there ("Early Life") are a section's heading over a table of its own.
  const headerAboveBlank = header !== null && COLUMN_NAME.test(header[1]);
  const rows: string[][] = [];
  let valued = 0;
  let i = first;
  const rowShaped = (unit: Unit | undefined, adjacent: boolean) =>
    unit !== undefined && unit.kind === "line" && adjacent && wordCount(unit.text, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS && !endsLikeSentence(unit.text);
  while (i < units.length) {
    const unit = units[i];
    // The rows are adjacent; the first may stand a blank line below column names that say so.
    const adjacent = !unit.afterBlank || (i === first && (header === null || headerAboveBlank));
    if (!rowShaped(unit, adjacent)) break;
    const cells = splitFactRow(unit.text);
    if (cells) {
      rows.push(cells);
      valued++;
    } else if (rows.length > 0 || header) {
      // "Founder of the draisine Karl Drais" among rows that end in values: a row whose value is a name, where the
      // label ends is not known. Kept as one cell (shown, never asked), not taken for a heading, only right after
      // a row with a value or right before one: a run of short lines without values ends the table at its first
      // two, so such a run is not read to its end again from each of its lines.
      const next = units[i + 1];
      const afterValued = rows.length > 0 && rows[rows.length - 1].length >= 2;
      const beforeValued = next !== undefined && rowShaped(next, !next.afterBlank) && splitFactRow(next.text) !== null;
      if (!afterValued && !beforeValued) break;
      rows.push([unit.text]);
    } else break;
    i++;
  }
  // A trailing cell without a value is not known to belong to the table.
  if (rows.length > 0 && rows[rows.length - 1].length < 2) {
    rows.pop();
    i--;
  }
  if (valued < 2) return null;
  return { block: { kind: "table", header, rows, line: head.line }, next: i };
}
