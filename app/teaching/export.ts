/**
 * The cohort dashboard as a CSV file: one row per learner and assigned
 * module, a header row, columns always in the order of EXPORT_COLUMNS. Pure:
 * rows in, text out; the route sets the download headers.
 *
 * Names and module titles are typed by learners and instructors, and a
 * spreadsheet runs a cell that starts with = + - or @ as a formula
 * ("=HYPERLINK(...)" becomes a link that can send data away). Every text cell
 * that could start one is prefixed with an apostrophe, which spreadsheets show
 * as text (OWASP "CSV injection"). Papaparse's own `escapeFormulae: true`
 * misses a cell that starts with = but holds a line break (its pattern ends
 * in `.*$`, and `.` does not cross lines) and one with spaces before the =,
 * so the export passes a pattern of its own. Numbers stay numbers: a count is
 * never negative and is not text a learner wrote.
 */
import Papa from "papaparse";
import type { ProgressCell } from "./progress";

export interface ExportRow {
  learnerName: string | null;
  learnerEmail: string;
  moduleTitle: string;
  cell: ProgressCell;
}

/** Header and value of each column, in the file's order. */
export const EXPORT_COLUMNS = [
  ["Learner", (r: ExportRow) => r.learnerName ?? ""],
  ["Email", (r: ExportRow) => r.learnerEmail],
  ["Module", (r: ExportRow) => r.moduleTitle],
  ["Status", (r: ExportRow) => r.cell.status],
  ["Lessons read", (r: ExportRow) => r.cell.lessonsRead],
  ["Lessons", (r: ExportRow) => r.cell.lessonCount],
  ["Cards learned", (r: ExportRow) => r.cell.cardsLearned],
  ["Cards", (r: ExportRow) => r.cell.deckSize],
  // A whole percentage, blank for a module without cards.
  ["Predicted retention at due date (%)", (r: ExportRow) =>
    r.cell.predictedRetention === null ? "" : Math.round(r.cell.predictedRetention * 100)],
  ["Reviews in last 7 days", (r: ExportRow) => r.cell.reviewsLast7Days],
  ["Due (UTC)", (r: ExportRow) => new Date(r.cell.dueAt).toISOString()],
] as const satisfies readonly (readonly [string, (r: ExportRow) => string | number])[];

/**
 * A text cell a spreadsheet could read as a formula: one starting with = + - @,
 * after any white space, or with a tab or carriage return.
 */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** The dashboard rows, in the order given, as CSV text (CRLF lines, UTF-8 BOM so Excel reads accents). */
export function dashboardCsv(rows: readonly ExportRow[]): string {
  const csv = Papa.unparse(
    {
      fields: EXPORT_COLUMNS.map(([header]) => header),
      data: rows.map((row) => EXPORT_COLUMNS.map(([, value]) => value(row))),
    },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
  return `\uFEFF${csv}\r\n`;
}
