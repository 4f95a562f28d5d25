/**
 * A PDF's text runs (what pdfjs reports: text, position, font height) -> a
 * plain HTML document of headings, paragraphs and lists, for the HTML path.
 *
 * A PDF has no structure of its own unless it was tagged, and most are not:
 * headings are found by their font height against the body's (the height
 * most text is set in), paragraphs by the gaps between lines, and running
 * heads, feet and page numbers by repeating on most pages. Pure.
 */

/** One run of text as the PDF places it; `y` grows up the page, as in PDF space. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** pdfjs says a line break follows. */
  endOfLine: boolean;
}

interface Line {
  text: string;
  page: number;
  x: number;
  y: number;
  width: number;
  /** The height of most of the line's characters. */
  height: number;
  /** Among the first or last two lines of its page, where running heads and feet stand. */
  edge: boolean;
}

/** A line set this much larger than the body text is a heading... */
const HEADING_RATIO = 1.15;
/** ...unless it is longer than any heading. */
const HEADING_MAX_CHARS = 200;
/** A gap this much above the usual line spacing starts a paragraph. */
const PARAGRAPH_GAP_RATIO = 1.4;
/** Text on at least this share of pages (and 3 of them) is a running head or foot. */
const RUNNING_SHARE = 0.5;
const BULLET = /^[•◦▪‣●○■□–-]\s+/u;

export function pdfRunsToHtml(pages: PdfTextRun[][]): string {
  const lines = dropRunningText(pages.flatMap((runs, page) => pageLines(runs, page)), pages.length);
  const body = bodyHeight(lines);
  const headingOf = headingLevels(lines, body);
  const html: string[] = [];
  let paragraph: Line[] = [];
  let list: string[] = [];
  const gap = typicalGap(lines, body);
  const flushParagraph = () => {
    if (paragraph.length > 0) html.push(`<p>${escapeHtml(joinLines(paragraph.map((l) => l.text)))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) html.push(`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`);
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const level = headingOf(line);
    if (level !== null) {
      flushParagraph();
      flushList();
      // A heading set over several lines is one heading.
      const parts = [line.text];
      while (i + 1 < lines.length && headingOf(lines[i + 1]) === level && lines[i + 1].page === line.page && sameSize(lines[i + 1], line)) {
        parts.push(lines[++i].text);
      }
      html.push(`<h${level}>${escapeHtml(joinLines(parts))}</h${level}>`);
      continue;
    }
    if (BULLET.test(line.text)) {
      flushParagraph();
      list.push(line.text.replace(BULLET, ""));
      continue;
    }
    const previous = paragraph.at(-1) ?? null;
    if (list.length > 0 && !previous && !startsParagraph(line, lines[i - 1], gap)) {
      // A bullet's text wrapped onto the next line.
      list[list.length - 1] = joinLines([list[list.length - 1], line.text]);
      continue;
    }
    flushList();
    if (previous && startsParagraph(line, previous, gap)) flushParagraph();
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>\n${html.join("\n")}\n</body></html>`;
}

function pageLines(runs: PdfTextRun[], page: number): Line[] {
  const lines: Line[] = [];
  let parts: PdfTextRun[] = [];
  const flush = () => {
    const line = toLine(parts, page);
    if (line) lines.push(line);
    parts = [];
  };
  for (const run of runs) {
    const last = parts.at(-1);
    if (last && (last.endOfLine || Math.abs(run.y - last.y) > 0.5 * Math.max(run.height, last.height, 1))) flush();
    if (run.text !== "" || run.width > 0) parts.push(run);
    if (run.endOfLine && run.text !== "") flush();
  }
  flush();
  lines.forEach((line, i) => (line.edge = i < 2 || i >= lines.length - 2));
  return lines;
}

function toLine(parts: PdfTextRun[], page: number): Line | null {
  let text = "";
  let end = -Infinity;
  const charsByHeight = new Map<number, number>();
  for (const run of parts) {
    const gapBefore = run.x - end;
    // Runs placed apart without a space between them are separate words.
    if (text !== "" && gapBefore > 0.15 * run.height && !/\s$/.test(text) && !/^\s/.test(run.text)) text += " ";
    text += run.text;
    end = run.x + run.width;
    const height = Math.round(run.height * 2) / 2;
    if (run.text.trim() !== "") charsByHeight.set(height, (charsByHeight.get(height) ?? 0) + run.text.length);
  }
  text = text.replace(/\s+/g, " ").trim();
  if (text === "" || parts.length === 0) return null;
  const first = parts[0];
  return { text, page, x: first.x, y: first.y, width: end - first.x, height: mostCommon(charsByHeight) ?? first.height, edge: false };
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: number | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best)! && value < best)) best = value;
  return best;
}

/**
 * Page numbers, and what repeats at the top or foot of most pages (a running
 * title, a footer), are not the text.
 */
function dropRunningText(lines: Line[], pageCount: number): Line[] {
  const pagesWith = new Map<string, Set<number>>();
  const keyOf = (line: Line) => line.text.toLowerCase().replace(/\d+/g, "#");
  if (pageCount >= 3) {
    for (const line of lines.filter((l) => l.edge)) {
      const key = keyOf(line);
      const pages = pagesWith.get(key) ?? new Set<number>();
      pages.add(line.page);
      pagesWith.set(key, pages);
    }
  }
  const threshold = Math.max(3, pageCount * RUNNING_SHARE);
  return lines.filter(
    (line) =>
      !(line.edge && /^(page\s+)?\d{1,5}(\s+(of|\/)\s+\d{1,5})?$/i.test(line.text)) &&
      !(line.edge && (pagesWith.get(keyOf(line))?.size ?? 0) >= threshold),
  );
}

/** The height most of the text is set in. */
function bodyHeight(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(line.height, (chars.get(line.height) ?? 0) + line.text.length);
  return mostCommon(chars) ?? 0;
}

const sameSize = (a: Line, b: Line) => Math.abs(a.height - b.height) < 0.5;

/**
 * Heading sizes, largest first, as h1..h3: the largest is h1 (the document's
 * title on the HTML path) only when it is used once, on the first page;
 * otherwise sizes start at h2, which opens a lesson, and the rest are h3.
 */
function headingLevels(lines: Line[], body: number): (line: Line) => 1 | 2 | 3 | null {
  const isHeading = (line: Line) =>
    body > 0 && line.height >= body * HEADING_RATIO && line.text.length <= HEADING_MAX_CHARS && /\p{L}/u.test(line.text);
  const headings = lines.filter(isHeading);
  const sizes = [...new Set(headings.map((l) => l.height))].sort((a, b) => b - a);
  const largest = headings.filter((l) => l.height === sizes[0]);
  const titled = largest.length > 0 && largest.every((l) => l.page === 0) && largest.every((l, i) => i === 0 || lines.indexOf(l) === lines.indexOf(largest[i - 1]) + 1);
  const level = new Map<number, 1 | 2 | 3>();
  sizes.forEach((size, i) => {
    const rank = titled ? i + 1 : i + 2;
    level.set(size, rank <= 1 ? 1 : rank === 2 ? 2 : 3);
  });
  return (line) => (isHeading(line) ? (level.get(line.height) ?? null) : null);
}

/** The usual distance between two lines of body text on a page. */
function typicalGap(lines: Line[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page === b.page && a.height === body && b.height === body && a.y > b.y) gaps.push(a.y - b.y);
  }
  gaps.sort((a, b) => a - b);
  // The lower quartile: gaps within a paragraph are the smallest usual ones, whatever share of lines end paragraphs.
  return gaps[Math.floor((gaps.length - 1) / 4)] ?? body * 1.2;
}

function startsParagraph(line: Line, previous: Line | undefined, gap: number): boolean {
  if (!previous) return true;
  const endsSentence = /[.!?:;"”’)]$/.test(previous.text);
  if (line.page !== previous.page) return endsSentence;
  if (previous.y - line.y > gap * PARAGRAPH_GAP_RATIO) return true;
  // An indented first line, or a short last line that ends a sentence.
  if (line.x > previous.x + line.height) return true;
  return endsSentence && previous.width < 0.7 * Math.max(line.width, 1) && line.x <= previous.x + 1;
}

/** Lines of one paragraph or heading as one string: a word broken at a line's end is mended. */
export function joinLines(lines: string[]): string {
  let text = "";
  for (const line of lines) {
    if (text === "") text = line;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text += ` ${line}`;
  }
  return text;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
