import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEXICON_DIR, dictionaryNamesTsv, gazetteerTsv, knownAcronymsTsv, wordCountsTsv } from "../../../scripts/build-lexicons";
import { dictionaryAcronym, lexiconTag, logFrequency } from "~/content/questions/nlp";

describe("the generator's word lists", () => {
  it("are what scripts/build-lexicons.ts derives from the installed packages, byte for byte", () => {
    expect(readFileSync(join(LEXICON_DIR, "word-counts.tsv"), "utf8")).toBe(wordCountsTsv());
    expect(readFileSync(join(LEXICON_DIR, "gazetteer.tsv"), "utf8")).toBe(gazetteerTsv());
    expect(readFileSync(join(LEXICON_DIR, "known-acronyms.tsv"), "utf8")).toBe(knownAcronymsTsv());
    expect(readFileSync(join(LEXICON_DIR, "dictionary-names.tsv"), "utf8")).toBe(dictionaryNamesTsv());
  });

  it("know an acronym a dictionary lists for the name it stands for, in either spelling, and not for another name", () => {
    const [acronym, names] = readFileSync(join(LEXICON_DIR, "known-acronyms.tsv"), "utf8").split("\n")[20].split("\t");
    expect(dictionaryAcronym(acronym, names.split("|")[0])).toBe(true);
    expect(dictionaryAcronym(acronym, "Qzxv Not A Name")).toBe(false);
    expect(dictionaryAcronym("QZXV", names.split("|")[0])).toBe(false);
    // British spelling, hyphens and a leading article are the same name.
    expect(dictionaryAcronym("WHO", "the World Health Organisation")).toBe(true);
    expect(dictionaryAcronym("ABM", "Anti-Ballistic Missile")).toBe(true);
  });

  it("give a listed word its count whatever its case, and an unknown word the lowest frequency", () => {
    const [word, count] = readFileSync(join(LEXICON_DIR, "word-counts.tsv"), "utf8").split("\n")[100].split("\t");
    expect(logFrequency(word.toUpperCase())).toBeCloseTo(Math.log10(1 + Number(count)), 10);
    expect(logFrequency("qzxv-not-a-word")).toBe(0);
  });

  it("tag a listed term whatever its case, and nothing for a term not listed", () => {
    const [term, tag] = readFileSync(join(LEXICON_DIR, "gazetteer.tsv"), "utf8").split("\n")[10].split("\t");
    expect(lexiconTag(term.toUpperCase())).toBe(tag);
    expect(lexiconTag("qzxv-not-a-term")).toBeUndefined();
  });
});
