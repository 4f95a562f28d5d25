/**
 * Reading a cohort's roster: learners' emails (and optionally names) from text
 * an instructor pasted or a CSV file they uploaded. Pure: the text is the
 * argument, nothing is looked up.
 *
 * Every line is kept or reported, never silently dropped: a bad line becomes a
 * problem ({line, text, reason}) and the rest of the roster still reads, so an
 * instructor fixes three lines instead of re-uploading a class. Only input too
 * large to read at all is refused outright.
 *
 * One learner per line (a quoted cell may hold the delimiter, not a line
 * break). Layouts read (papaparse guesses the delimiter: comma, tab from a
 * spreadsheet paste, or semicolon from a mail client):
 * - with a header row (a first row with no email in it and a column named
 *   like "email"): the email column, and the columns whose header says "name"
 *   (joined, so "First name" + "Last name" make one name); others are ignored;
 * - without one: on each line, the cell with an "@" is the email and the other
 *   cells are the name; a line of nothing but emails ("a@x.org, b@x.org") is
 *   that many learners; a cell "Jane Doe <jane@x.org>" gives both.
 */
import Papa from "papaparse";
import { z } from "zod";

/** The most text read; a larger paste or file is refused with ROSTER_TOO_LARGE. */
export const MAX_ROSTER_CHARS = 512 * 1024;
/** The largest roster file read: a file of MAX_ROSTER_CHARS characters fits, accents and all. */
export const MAX_ROSTER_FILE_BYTES = 1024 * 1024;
/** The most learners one roster adds; the lines after are reported, not read. */
export const MAX_ROSTER_ROWS = 2_000;
/** RFC 5321's limit on a forward path. */
export const MAX_EMAIL_LENGTH = 254;
/** An account's name (models/account-rules.ts NAME_MAX): a longer one could not be stored. */
export const MAX_NAME_LENGTH = 100;
/** A problem quotes at most this much of its line. */
const MAX_QUOTED_CHARS = 120;

export interface RosterRow {
  /** 1-based line of the input where the learner was read. */
  line: number;
  /** Trimmed and lower-cased: the form the roster compares and stores. */
  email: string;
  name: string | null;
}

export type RosterProblemReason =
  | "empty-line"
  | "no-email"
  | "invalid-email"
  | "several-emails"
  | "duplicate"
  | "too-long"
  | "too-many-rows"
  | "unreadable";

export interface RosterProblem {
  line: number;
  /**
   * The line as written (shortened), so the instructor can find it; on a line
   * of several addresses, the address at fault.
   */
  text: string;
  reason: RosterProblemReason;
}

export type RosterResult =
  | { ok: true; rows: RosterRow[]; problems: RosterProblem[] }
  | { ok: false; error: string };

export const ROSTER_TOO_LARGE = `A roster can be at most ${MAX_ROSTER_CHARS / 1024} KB of text; split it into smaller files.`;

const emailSchema = z.string().email();

/** The form of an email the roster compares and stores. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

interface Candidate {
  email: string;
  name: string | null;
}

type LineReading = { learners: Candidate[] } | { reason: RosterProblemReason };

/** "Jane Doe <jane@x.org>" as a mail client writes an address: both parts; null for a bare cell. */
function splitNamedAddress(cell: string): Candidate | null {
  const open = cell.lastIndexOf("<");
  if (open < 0 || !cell.endsWith(">")) return null;
  const name = cell.slice(0, open).trim().replace(/^"(.*)"$/, "$1").trim();
  return { email: cell.slice(open + 1, -1).trim(), name: name || null };
}

function joinName(cells: string[]): string | null {
  const name = cells.filter((c) => c !== "").join(" ");
  return name === "" ? null : name;
}

function readHeaderless(cells: string[]): LineReading {
  const filled = cells.filter((c) => c !== "");
  const withAt = filled.filter((c) => c.includes("@"));
  if (withAt.length === 0) return { reason: "no-email" };
  if (withAt.length === filled.length) {
    return { learners: filled.map((c) => splitNamedAddress(c) ?? { email: c, name: null }) };
  }
  if (withAt.length > 1) return { reason: "several-emails" };
  const named = splitNamedAddress(withAt[0]!);
  const others = joinName(filled.filter((c) => c !== withAt[0]));
  if (named) return { learners: [{ email: named.email, name: others ?? named.name }] };
  return { learners: [{ email: withAt[0]!, name: others }] };
}

interface Header {
  email: number;
  names: number[];
}

/** The header's columns, or null when the first row is data. */
function readHeader(cells: string[]): Header | null {
  if (cells.some((c) => c.includes("@"))) return null;
  const email = cells.findIndex((c) => /^e-?mail(\s*address)?$/i.test(c));
  if (email < 0) return null;
  const names = cells.flatMap((c, i) => (i !== email && /name/i.test(c) && !/user/i.test(c) ? [i] : []));
  return { email, names };
}

function readWithHeader(cells: string[], header: Header): LineReading {
  const cell = cells[header.email] ?? "";
  if (cell === "") return { reason: "no-email" };
  const named = splitNamedAddress(cell);
  const name = joinName(header.names.map((i) => cells[i] ?? ""));
  return { learners: [{ email: named?.email ?? cell, name: name ?? named?.name ?? null }] };
}

function quote(line: string): string {
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS - 1)}…` : line;
}

/** Reads a roster; see the module header for the layouts and rules. */
export function readRoster(input: string): RosterResult {
  if (input.length > MAX_ROSTER_CHARS) return { ok: false, error: ROSTER_TOO_LARGE };
  const text = input.replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\r|\n/);
  // One learner per line: a quote left open spoils its own line only, not
  // the rest of the file (CSV lets a quoted cell span lines; rosters never
  // need it, and a stray quote is the likelier mistake).
  const { delimiter } = Papa.parse(text, { delimitersToGuess: [",", "\t", ";"], preview: 50 }).meta;
  const records = lines.map((line, i) => {
    if (line.trim() === "") return { line: i + 1, cells: [], broken: false };
    const { data, errors } = Papa.parse<string[]>(line, { delimiter });
    return {
      line: i + 1,
      cells: (data[0] ?? []).map((c) => c.replace(/\s+/g, " ").trim()),
      broken: errors.some((e) => e.type === "Quotes"),
    };
  });
  // A blank line or two at the end of a file is not a mistake worth reporting.
  while (records.length > 0 && records.at(-1)!.cells.every((c) => c === "")) records.pop();

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  const header = records.length > 0 ? readHeader(records[0]!.cells) : null;
  const problem = (line: number, reason: RosterProblemReason, text = lines[line - 1] ?? "") =>
    problems.push({ line, text: quote(text), reason });

  for (const record of header ? records.slice(1) : records) {
    if (record.broken) {
      problem(record.line, "unreadable");
      continue;
    }
    if (record.cells.every((c) => c === "")) {
      problem(record.line, "empty-line");
      continue;
    }
    const reading = header ? readWithHeader(record.cells, header) : readHeaderless(record.cells);
    if ("reason" in reading) {
      problem(record.line, reading.reason);
      continue;
    }
    const several = reading.learners.length > 1;
    for (const learner of reading.learners) {
      const email = normaliseEmail(learner.email);
      const fault = (reason: RosterProblemReason) =>
        several ? problem(record.line, reason, learner.email) : problem(record.line, reason);
      if (email.length > MAX_EMAIL_LENGTH || (learner.name?.length ?? 0) > MAX_NAME_LENGTH) {
        fault("too-long");
      } else if (!emailSchema.safeParse(email).success) {
        fault("invalid-email");
      } else if (seen.has(email)) {
        fault("duplicate");
      } else if (rows.length >= MAX_ROSTER_ROWS) {
        fault("too-many-rows");
      } else {
        seen.add(email);
        rows.push({ line: record.line, email, name: learner.name });
      }
    }
  }
  return { ok: true, rows, problems };
}

export type RosterFileText = { ok: true; text: string } | { ok: false; error: string };

export const ROSTER_FILE_EMPTY = "The file is empty.";
export const ROSTER_FILE_TOO_LARGE = `A roster file can be at most ${MAX_ROSTER_FILE_BYTES / (1024 * 1024)} MB; split it into smaller files.`;
export const ROSTER_FILE_BINARY =
  "This file is not text (a spreadsheet workbook, perhaps): save it as CSV, or copy the cells and paste them instead.";

/**
 * An uploaded roster's bytes as text. UTF-8 (or UTF-16 with its byte-order
 * mark); bytes that are not UTF-8 are read as Windows-1252, the encoding
 * Excel on Windows saves "CSV" in, so accented names survive. A NUL byte
 * never occurs in such text: the file is binary (a workbook, an image).
 */
export function rosterFileText(bytes: Uint8Array): RosterFileText {
  if (bytes.length === 0) return { ok: false, error: ROSTER_FILE_EMPTY };
  if (bytes.length > MAX_ROSTER_FILE_BYTES) return { ok: false, error: ROSTER_FILE_TOO_LARGE };
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) return sized(new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes));
  if (bytes.indexOf(0) !== -1) return { ok: false, error: ROSTER_FILE_BINARY };
  try {
    return sized(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return sized(new TextDecoder("windows-1252").decode(bytes));
  }
}

function sized(text: string): RosterFileText {
  if (text.length > MAX_ROSTER_CHARS) return { ok: false, error: ROSTER_TOO_LARGE };
  return text.trim() === "" ? { ok: false, error: ROSTER_FILE_EMPTY } : { ok: true, text };
}

/** A sentence for each reason, for the page that lists the problems. */
export const ROSTER_PROBLEM_MESSAGES: Record<RosterProblemReason, string> = {
  "empty-line": "The line is empty.",
  "no-email": "No email address on this line.",
  "invalid-email": "This is not a valid email address.",
  "several-emails": "This line has a name and more than one email; put one learner on each line.",
  duplicate: "This email is already on the roster (an earlier line).",
  "too-long": `An email can be at most ${MAX_EMAIL_LENGTH} characters and a name ${MAX_NAME_LENGTH}.`,
  "too-many-rows": `A roster can add at most ${MAX_ROSTER_ROWS.toLocaleString("en")} learners; this line was not read.`,
  unreadable: "The quotation marks on this line do not pair up, so it could not be read.",
};
