import { describe, expect, it } from "vitest";
import {
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROSTER_CHARS,
  MAX_ROSTER_ROWS,
  ROSTER_FILE_BINARY,
  ROSTER_FILE_EMPTY,
  ROSTER_TOO_LARGE,
  readRoster,
  rosterFileText,
} from "~/teaching/roster";
import { NAME_MAX } from "~/models/account-rules";

function read(text: string) {
  const result = readRoster(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("reading a roster", () => {
  it("one email per line, without a header, gives one learner per line with no name", () => {
    const { rows, problems } = read("ada@example.org\nalan@example.org\n");
    expect(rows).toEqual([
      { line: 1, email: "ada@example.org", name: null },
      { line: 2, email: "alan@example.org", name: null },
    ]);
    expect(problems).toEqual([]);
  });

  it("without a header, the cells beside the email are the name, in either order", () => {
    const { rows } = read("Ada Lovelace, ada@example.org\ngrace@example.org,Grace Hopper");
    expect(rows.map((r) => r.name)).toEqual(["Ada Lovelace", "Grace Hopper"]);
  });

  it("a header row names the email and name columns; other columns, a username among them, are ignored", () => {
    const { rows, problems } = read("Student ID,Username,Name,Email\n17,ada1815,Ada Lovelace,ada@example.org\n18,alan,,alan@example.org");
    expect(rows).toEqual([
      { line: 2, email: "ada@example.org", name: "Ada Lovelace" },
      { line: 3, email: "alan@example.org", name: null },
    ]);
    expect(problems).toEqual([]);
  });

  it("first and last name columns are joined into one name; a spreadsheet paste is tab-separated", () => {
    const { rows } = read("First name\tLast name\tE-mail\nGrace\tHopper\tgrace@example.org");
    expect(rows).toEqual([{ line: 2, email: "grace@example.org", name: "Grace Hopper" }]);
  });

  it("a line of several emails (as a mail client copies them) is that many learners", () => {
    const { rows } = read("ada@example.org; Grace Hopper <grace@example.org>; alan@example.org");
    expect(rows).toEqual([
      { line: 1, email: "ada@example.org", name: null },
      { line: 1, email: "grace@example.org", name: "Grace Hopper" },
      { line: 1, email: "alan@example.org", name: null },
    ]);
  });

  it("on a line of several addresses, a problem quotes the address at fault", () => {
    const { rows, problems } = read("ada@example.org, nope@, ADA@example.org, alan@example.org");
    expect(rows.map((r) => r.email)).toEqual(["ada@example.org", "alan@example.org"]);
    expect(problems).toEqual([
      { line: 1, text: "nope@", reason: "invalid-email" },
      { line: 1, text: "ADA@example.org", reason: "duplicate" },
    ]);
  });

  it("a name beside two emails is reported: which one is the learner's cannot be told", () => {
    const { rows, problems } = read("Ada Lovelace, ada@example.org, countess@example.org");
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, text: "Ada Lovelace, ada@example.org, countess@example.org", reason: "several-emails" },
    ]);
  });

  it("emails are trimmed and lower-cased, and a second one that differs only in case is a duplicate", () => {
    const { rows, problems } = read("  Ada@Example.ORG \nada@example.org\nADA@EXAMPLE.ORG");
    expect(rows).toEqual([{ line: 1, email: "ada@example.org", name: null }]);
    expect(problems).toEqual([
      { line: 2, text: "ada@example.org", reason: "duplicate" },
      { line: 3, text: "ADA@EXAMPLE.ORG", reason: "duplicate" },
    ]);
  });

  it("a bad email and a line without one are reported with their line, and the rest still reads", () => {
    const { rows, problems } = read("ada@example.org\nada@@example\nJust a name\nalan@example.org");
    expect(rows.map((r) => r.line)).toEqual([1, 4]);
    expect(problems).toEqual([
      { line: 2, text: "ada@@example", reason: "invalid-email" },
      { line: 3, text: "Just a name", reason: "no-email" },
    ]);
  });

  it("an empty line in the middle is reported; blank lines at the end are not", () => {
    const { rows, problems } = read("ada@example.org\n\n  \nalan@example.org\n\n\n");
    expect(rows).toHaveLength(2);
    expect(problems).toEqual([
      { line: 2, text: "", reason: "empty-line" },
      { line: 3, text: "  ", reason: "empty-line" },
    ]);
  });

  it("a quoted name may hold the delimiter", () => {
    const { rows } = read('"ada@example.org","Lovelace, Ada"\ngrace@example.org');
    expect(rows).toEqual([
      { line: 1, email: "ada@example.org", name: "Lovelace, Ada" },
      { line: 2, email: "grace@example.org", name: null },
    ]);
  });

  it("quotes that do not pair up spoil their own line only", () => {
    const { rows, problems } = read('ada@example.org\n"grace@example.org\nalan@example.org\n"Hopper, Grace" <grace@example.org>');
    expect(rows.map((r) => r.email)).toEqual(["ada@example.org", "alan@example.org"]);
    expect(problems).toEqual([
      { line: 2, text: '"grace@example.org', reason: "unreadable" },
      { line: 4, text: '"Hopper, Grace" <grace@example.org>', reason: "unreadable" },
    ]);
  });

  it("an over-long email or name is reported, not cut short", () => {
    const longEmail = `${"a".repeat(MAX_EMAIL_LENGTH)}@example.org`;
    const longName = "N".repeat(MAX_NAME_LENGTH + 1);
    const { rows, problems } = read(`${longEmail}\n${longName},ada@example.org\n${"N".repeat(MAX_NAME_LENGTH)},alan@example.org`);
    expect(rows.map((r) => r.email)).toEqual(["alan@example.org"]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [1, "too-long"],
      [2, "too-long"],
    ]);
    expect(problems[0]!.text.length).toBeLessThanOrEqual(120);
  });

  it(`past ${MAX_ROSTER_ROWS} learners, each further line is reported as too many`, () => {
    const emails = Array.from({ length: MAX_ROSTER_ROWS + 2 }, (_, i) => `learner${i}@example.org`);
    const { rows, problems } = read(emails.join("\n"));
    expect(rows).toHaveLength(MAX_ROSTER_ROWS);
    expect(rows.at(-1)!.email).toBe(`learner${MAX_ROSTER_ROWS - 1}@example.org`);
    expect(problems).toEqual([
      { line: MAX_ROSTER_ROWS + 1, text: `learner${MAX_ROSTER_ROWS}@example.org`, reason: "too-many-rows" },
      { line: MAX_ROSTER_ROWS + 2, text: `learner${MAX_ROSTER_ROWS + 1}@example.org`, reason: "too-many-rows" },
    ]);
  });

  it("input over the size limit is refused with a clear error; input at the limit is read", () => {
    const line = "ada@example.org\n";
    const atLimit = line + " ".repeat(MAX_ROSTER_CHARS - line.length);
    expect(readRoster(atLimit).ok).toBe(true);
    expect(readRoster(`${atLimit} `)).toEqual({ ok: false, error: ROSTER_TOO_LARGE });
    expect(ROSTER_TOO_LARGE).toMatch(/512 KB/);
  });

  it("an address in angle brackets keeps its name; a stray bracket is not an address", () => {
    const { rows, problems } = read("Hopper Grace <grace@example.org>\nada@example.org>");
    expect(rows).toEqual([{ line: 1, email: "grace@example.org", name: "Hopper Grace" }]);
    expect(problems).toEqual([{ line: 2, text: "ada@example.org>", reason: "invalid-email" }]);
  });

  it("a byte-order mark from a spreadsheet export does not hide the header", () => {
    const { rows } = read("\uFEFFEmail,Name\nada@example.org,Ada");
    expect(rows).toEqual([{ line: 2, email: "ada@example.org", name: "Ada" }]);
  });
});

describe("an uploaded roster file", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("UTF-8 is read as it is, without its byte-order mark", () => {
    expect(rosterFileText(bytes("\uFEFFZoë Brontë,zoe@example.org"))).toEqual({ ok: true, text: "Zoë Brontë,zoe@example.org" });
  });

  it("bytes that are not UTF-8 are read as Windows-1252, as Excel saves CSV", () => {
    // "Zoë" in Windows-1252: ë is the single byte 0xEB.
    const cp1252 = Uint8Array.from([0x5a, 0x6f, 0xeb, 0x2c, ...bytes("zoe@example.org")]);
    expect(rosterFileText(cp1252)).toEqual({ ok: true, text: "Zoë,zoe@example.org" });
  });

  it("UTF-16 with its byte-order mark is read", () => {
    const text = "ada@example.org";
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(rosterFileText(utf16)).toEqual({ ok: true, text });
  });

  it("an empty, blank or binary file, or one over the size limit, is refused with its reason", () => {
    expect(rosterFileText(new Uint8Array())).toEqual({ ok: false, error: ROSTER_FILE_EMPTY });
    expect(rosterFileText(bytes(" \n\n"))).toEqual({ ok: false, error: ROSTER_FILE_EMPTY });
    // A workbook is a zip archive: "PK\x03\x04" and NUL bytes.
    expect(rosterFileText(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]))).toEqual({ ok: false, error: ROSTER_FILE_BINARY });
    expect(rosterFileText(bytes("a".repeat(MAX_ROSTER_CHARS + 1)))).toEqual({ ok: false, error: ROSTER_TOO_LARGE });
  });

  it("a name can be as long as an account's name and no longer", () => {
    expect(MAX_NAME_LENGTH).toBe(NAME_MAX);
  });
});
