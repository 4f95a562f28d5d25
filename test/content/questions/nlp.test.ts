import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WordTable, analyseText, logFrequency, logFrequencyAt, pastClauseInBaseForm } from "~/content/questions/nlp";

describe("the table of words looked up in place", () => {
  it("finds a word by its lower case as a map of the lower-cased words does", () => {
    const words = ["king", "kingdom", "the", "it's", "étude", "straße", "i̇stanbul", "σοφία", "a", "", "co-op", "dwelling"];
    const values = words.map((_, k) => k + 0.5);
    const table = new WordTable(words, values);
    const reference = new Map(words.map((w, k) => [w, values[k]]));
    // Queries in other cases, with letters past ASCII (the Kelvin sign lower-cases to "k", "İ" to "i̇"), and near misses.
    const queries = [
      ...words,
      ...words.map((w) => w.toUpperCase()),
      "King", "KINGDOM", "\u212Aing", "Étude", "ÉTUDE", "STRASSE", "Straße", "İstanbul", "ΣΟΦΊΑ", "Σοφία", "kings", "kin", "thE", "IT'S", "Co-Op", "x",
    ];
    for (const q of queries) {
      expect(table.get(q, 0, q.length, -1), JSON.stringify(q)).toBe(reference.get(q.toLowerCase()) ?? -1);
      // The same word read where it stands in a longer text.
      const text = `<<${q}>>`;
      expect(table.get(text, 2, 2 + q.length, -1), JSON.stringify(text)).toBe(reference.get(q.toLowerCase()) ?? -1);
      // And read from the text's character codes, as the quality estimate reads a scanned sentence.
      const codes = Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
      expect(table.getCodes(codes, text, 2, 2 + q.length, -1), JSON.stringify(text)).toBe(reference.get(q.toLowerCase()) ?? -1);
    }
  });

  it("keeps the last value of a word given twice, as a map does", () => {
    const table = new WordTable(["war", "peace", "war"], [1, 2, 3]);
    expect(table.get("War", 0, 3, 0)).toBe(3);
    expect(table.get("peace", 0, 5, 0)).toBe(2);
  });

  it("gives every listed word's frequency, and none to a word it does not list", () => {
    const list = readFileSync(join(__dirname, "../../../app/content/questions/data/word-counts.tsv"), "utf8");
    const reference = new Map<string, number>();
    for (const line of list.split("\n")) {
      if (line === "") continue;
      const [word, count] = line.split("\t");
      reference.set(word, Math.log10(1 + Number(count)));
    }
    expect(reference.size).toBeGreaterThan(50_000);
    for (const [word, value] of reference) {
      expect(logFrequency(word)).toBe(value);
      if (word.length > 1) expect(logFrequency(word[0].toUpperCase() + word.slice(1))).toBe(value);
    }
    for (const word of ["qwxzv", "Zzyzx-flarb", "ÉTUDESQUE", ""]) expect(logFrequency(word)).toBe(reference.get(word.toLowerCase()) ?? 0);
    const text = "The Treaty of Westphalia";
    expect(logFrequencyAt(text, 4, 10)).toBe(logFrequency("Treaty"));
    expect(logFrequencyAt(text, 4, 10)).toBeGreaterThan(0);
  });
});

describe("a past-tense clause in its base form", () => {
  it("gives the verb of a subject's clause in its base form, regular or not", () => {
    expect(pastClauseInBaseForm("Anna Vell sailed the Oster Canal")).toBe("Anna Vell sail the Oster Canal");
    expect(pastClauseInBaseForm("the harbour board bought two tugs")).toBe("the harbour board buy two tugs");
    // A word in -ing after the verb describes a noun.
    expect(pastClauseInBaseForm("Marn built his revolving crane")).toBe("Marn build his revolving crane");
  });

  it("refuses what is not a subject and a past-tense verb", () => {
    // Present tense, no subject, a second verb, a participle opening the text.
    expect(pastClauseInBaseForm("the canal opens to barges")).toBeNull();
    expect(pastClauseInBaseForm("sailed the Oster Canal")).toBeNull();
    expect(pastClauseInBaseForm("Anna Vell sailed and charted the Oster Canal")).toBeNull();
    expect(pastClauseInBaseForm("of the first crossing by steamer")).toBeNull();
    // A passive whose "was" is left out: "did" would turn it round ("did Ivo Marn elect mayor").
    expect(pastClauseInBaseForm("Ivo Marn elected mayor of Varna")).toBeNull();
    expect(pastClauseInBaseForm("the Varna Line founded")).toBeNull();
    expect(pastClauseInBaseForm("Ivo Marn written")).toBeNull();
    expect(pastClauseInBaseForm("the Varna bridge designed by Ivo Marn")).toBeNull();
    // A preposition other than "by" after the verb: what it did.
    expect(pastClauseInBaseForm("Varna fell to the Ottomans")).toBe("Varna fall to the Ottomans");
  });
});

describe("sentences", () => {
  it("go on past an abbreviation a number follows, and still end where a sentence does", () => {
    const texts = (text: string) => analyseText(text).map((s) => s.text.trim());
    expect(texts("Marn's six Harbour Suites, Op. 4, were printed in 1790. They sold well.")).toEqual([
      "Marn's six Harbour Suites, Op. 4, were printed in 1790.",
      "They sold well.",
    ]);
    expect(texts("See Fig. 3 for the bay. It shows the reefs.")).toEqual(["See Fig. 3 for the bay.", "It shows the reefs."]);
    expect(texts("The suite was printed in 1790. 1791 brought a second.")).toEqual(["The suite was printed in 1790.", "1791 brought a second."]);
    // A word that is no abbreviation in its usual case ends its sentence.
    expect(texts("She gave her life to art. 1850 saw her first show.")).toEqual(["She gave her life to art.", "1850 saw her first show."]);
  });

  it("go on past an ellipsis inside a quotation", () => {
    const texts = (text: string) => analyseText(text).map((s) => s.text.trim());
    expect(texts('Marn gave the letter the headline "Varna awakes...!" The port rose. Bek said "Wait..." and left.')).toEqual([
      'Marn gave the letter the headline "Varna awakes...!"',
      "The port rose.",
      'Bek said "Wait..." and left.',
    ]);
  });
});

