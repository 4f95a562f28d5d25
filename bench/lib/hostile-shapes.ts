/**
 * The hostile shapes bench/hostile.ts measures and test/content/hostile.test.ts
 * checks: documents under the size limit whose shape, not size, used to cost
 * superlinear time or memory. Text from content/ unless said:
 *   one-line     prose on one line: content/'s paragraphs joined by spaces (one paragraph, one line)
 *   distinct     prose on one line that repeats nowhere: given prose (SQuAD's paragraphs, say), copied
 *                with every sentence of the k-th copy ending ", in copy k." (needs the prose; skipped without)
 *   sections     the same prose as it was written, in paragraphs, a heading over every four: an ordinary
 *                article at the size limit, whose memory goes with the questions it makes (needs the prose)
 *   repeated     one short sentence repeated on one line (one paragraph)
 *   paragraphs   short distinct one-line paragraphs, a blank line between (~42 bytes each)
 *   table        a Markdown table of one header row, its rule and one data row, as wide as the size allows
 *   rows         a Markdown table of two columns (a name, a quantity), as many rows as the size allows
 *   lines        short two-word lines, one after another with no blank line ("Paris bridge"): each may open a
 *                table of facts flattened to text, whose search once read the whole run from every line
 *   normal       content/'s files concatenated, repeated up to the size (the control)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const SHAPES = ["one-line", "distinct", "sections", "repeated", "paragraphs", "table", "rows", "lines", "normal"] as const;
export type Shape = (typeof SHAPES)[number];

function contentText(): string {
  const dir = join(ROOT, "content");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n\n");
}

/** Repeats `unit(k)` for k = 0, 1, ... while the whole, joined by `separator`, stays within `bytes` (ASCII text). */
function repeatTo(bytes: number, separator: string, unit: (k: number) => string): string {
  const parts: string[] = [];
  let total = 0;
  for (let k = 0; ; k++) {
    const part = unit(k);
    const added = (parts.length > 0 ? separator.length : 0) + Buffer.byteLength(part);
    if (parts.length > 0 && total + added > bytes) break;
    parts.push(part);
    total += added;
  }
  return parts.join(separator);
}

const PLACES = ["Paris", "Lagos", "Lima", "Oslo", "Hanoi", "Quito", "Perth", "Dakar", "Riga", "Tunis"];
const THINGS = ["bridge", "library", "harbour", "market", "station", "museum", "canal", "tower"];

/** The document of a shape, about `bytes` long, with the file name that gives its format. */
export function hostileDocument(shape: Shape, bytes: number, prose = ""): { name: string; text: string } {
  switch (shape) {
    case "one-line": {
      const prose = contentText()
        .split(/\n+/)
        .filter((line) => line.split(" ").length > 12)
        .join(" ");
      return { name: "one-line.txt", text: `${repeatTo(bytes, " ", () => prose).slice(0, bytes - 1)}\n` };
    }
    case "distinct": {
      const flat = prose.replace(/\s+/g, " ").trim();
      let text = repeatTo(bytes - 1, " ", (k) => flat.replace(/\. (?=[A-Z])/g, `, in copy ${k + 1}. `));
      // The prose need not be ASCII: cut by characters until the bytes fit.
      while (Buffer.byteLength(text) > bytes - 1) text = text.slice(0, text.length - Math.max(1, Buffer.byteLength(text) - bytes + 1));
      return { name: "distinct.txt", text: `${text}\n` };
    }
    case "sections": {
      const paragraphs = prose.split("\n\n");
      const text = repeatTo(bytes - 1, "\n\n", (k) => {
        const copy = Math.floor(k / paragraphs.length) + 1;
        const i = k % paragraphs.length;
        const body = paragraphs[i].replace(/\. (?=[A-Z])/g, `, in copy ${copy}. `);
        return i % 4 === 0 ? `Part ${i / 4 + 1} of copy ${copy}\n\n${body}` : body;
      });
      return { name: "sections.txt", text: `${text}\n` };
    }
    case "repeated":
      return { name: "repeated.txt", text: `${repeatTo(bytes - 1, " ", () => "Water boils at 100 degrees.")}\n` };
    case "paragraphs":
      return {
        name: "paragraphs.txt",
        text: `${repeatTo(bytes - 1, "\n\n", (k) => `The old ${THINGS[k % 8]} in ${PLACES[(k >> 3) % 10]} was opened in ${1000 + (k % 997)}.`)}\n`,
      };
    case "table": {
      // Three rows (header, rule, values), cells as short as Markdown allows: each column adds
      // "|x", "|-" and "|N" (N below 100) to them, about 7 bytes, so 240 KB is about 35,000 columns.
      const head = "# Wide table\n\n";
      const values: string[] = [];
      let size = head.length + 3 * 2;
      for (let k = 0; ; k++) {
        const value = String(k % 100);
        const added = 2 + 2 + 1 + value.length;
        if (values.length >= 2 && size + added > bytes) break;
        values.push(value);
        size += added;
      }
      const row = (cells: string[]) => `|${cells.join("|")}|`;
      return { name: "table.md", text: `${head}${row(values.map(() => "x"))}\n${row(values.map(() => "-"))}\n${row(values)}\n` };
    }
    case "rows": {
      const head = "# Long table\n\n| Name | Value |\n| --- | --- |";
      return { name: "rows.md", text: `${head}\n${repeatTo(bytes - head.length - 2, "\n", (k) => `| ${THINGS[k % 8]} ${k} | ${k % 1000} tonnes |`)}\n` };
    }
    case "lines":
      return { name: "lines.txt", text: `${repeatTo(bytes - 1, "\n", (k) => `${PLACES[k % 10]} ${THINGS[(k >> 2) % 8]}`)}\n` };
    case "normal":
      return { name: "normal.txt", text: repeatTo(bytes, "\n\n", contentText) };
  }
}
