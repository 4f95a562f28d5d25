/**
 * SQuAD's articles as material files, for trying the generator on subjects
 * other than the course's: one plain-text file per article, its paragraphs
 * with a heading ("<title>, part k") over every four.
 *
 *   npx tsx bench/squad-articles.ts --out DIR [--every K] FILE.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { squadArticles } from "./squad-data";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const everyAt = args.indexOf("--every");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const every = everyAt >= 0 ? Number(args[everyAt + 1]) : 1;
const inputs = args.filter((a, i) => !a.startsWith("--") && i !== outAt + 1 && i !== everyAt + 1);
if (!out || inputs.length === 0 || !(every >= 1)) {
  process.stderr.write("usage: npx tsx bench/squad-articles.ts --out DIR [--every K] FILE.json\n");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
let written = 0;
for (const input of inputs) {
  for (const [index, paragraphs] of squadArticles(input)) {
    if (index % every !== 0) continue;
    const title = paragraphs[0].title;
    const parts = [title];
    paragraphs.forEach((p, k) => {
      if (k % 4 === 0) parts.push(`${title}, part ${k / 4 + 1}`);
      parts.push(p.context.trim());
    });
    writeFileSync(join(out, `${index}-${title.replace(/[^\w]+/g, "-")}.txt`), `${parts.join("\n\n")}\n`);
    written++;
  }
}
process.stderr.write(`${written} articles written to ${out}\n`);
