import { collapseWhitespace, contentWords, stem, stemSearch } from "~/content/text";

describe("text helpers", () => {
  it("collapses every kind of white space to single inner spaces", () => {
    expect(collapseWhitespace("  a\tb\n\nc\u00a0d\u200be\ufeff  ")).toBe("a b c d e");
    expect(collapseWhitespace("a  b")).toBe("a b");
    expect(collapseWhitespace(" a b")).toBe("a b");
    expect(collapseWhitespace("a b ")).toBe("a b");
    expect(collapseWhitespace("a\u2028b\u3000c")).toBe("a b c");
    expect(collapseWhitespace("\u200b")).toBe("");
  });

  it("leaves text that is already collapsed unchanged", () => {
    const text = "A sentence with single spaces only.";
    expect(collapseWhitespace(text)).toBe(text);
    expect(collapseWhitespace("")).toBe("");
  });

  it("keeps content words: no function words, short words or bare numbers", () => {
    expect(contentWords("The Regional Approaches of 2005 and their many partners")).toEqual(["regional", "approaches", "many", "partners"]);
    expect(contentWords("Café Über 42nd")).toEqual(["café", "über", "42nd"]);
  });

  it("stems by the longest plural ending, then six letters", () => {
    expect(stem("approaches")).toBe("approa");
    expect(stem("approach")).toBe("approa");
    expect(stem("policies")).toBe("polic");
    expect(stem("goes")).toBe("go");
    expect(stem("gas")).toBe("ga");
    expect(stem("law")).toBe("law");
  });

  it("finds a stem exactly where contentWords and stem would: at a word's start, of a word it keeps", () => {
    const search = stemSearch("Regional Approaches to the cities' départements\nand 𝐀ccords of 2005");
    expect(["region", "approa", "cit", "départ", "𝐀ccor", "accor"].map((s) => search.has(s))).toEqual([true, true, true, true, true, false]);
    // Inside a word ("gional" in "regional"), of a function word ("the"), of a number ("2005"): not found.
    expect(["gional", "the", "2005", "and"].map((s) => search.has(s))).toEqual([false, false, false, false]);
    expect(stemSearch("reapproach").has("approa")).toBe(false);
    // The word "ies" stems to nothing; the search for it still ends.
    expect(stemSearch("ies of series").has("")).toBe(true);
    expect(stemSearch("series").has("")).toBe(false);
  });

  it("finds a phrase of stems in consecutive content words, across dropped words and line breaks", () => {
    const search = stemSearch("Drip irrigation and the rain barrels.\nRegional collaborations of 2005 matter");
    expect(search.hasPhrase(["drip", "irriga"])).toBe(true);
    expect(search.hasPhrase(["irriga", "rain", "barrel"])).toBe(true);
    expect(search.hasPhrase(["barrel", "region", "collab"])).toBe(true);
    expect(search.hasPhrase(["collab", "matter"])).toBe(true);
    expect(search.hasPhrase(["drip", "rain"])).toBe(false);
    expect(search.hasPhrase(["matter", "drip"])).toBe(false);
    expect(search.hasPhrase([])).toBe(false);
  });

  it("answers the same once a text asked about many times has been indexed", () => {
    const search = stemSearch("Drip irrigation and the rain barrels.\nRegional collaborations of 2005 matter");
    const answers = () => [search.has("barrel"), search.has("the"), search.hasPhrase(["barrel", "region"]), search.hasPhrase(["drip", "rain"])];
    const first = answers();
    for (let i = 0; i < 20; i++) expect(answers()).toEqual(first);
    expect(first).toEqual([true, false, true, false]);
    expect([...search.stems()]).toEqual(["drip", "irriga", "rain", "barrel", "region", "collab", "matter"]);
  });
});
