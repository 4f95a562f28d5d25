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
    const hasStem = stemSearch("Regional Approaches to the cities' départements\nand 𝐀ccords of 2005");
    expect(["region", "approa", "cit", "départ", "𝐀ccor", "accor"].map(hasStem)).toEqual([true, true, true, true, true, false]);
    // Inside a word ("approa" in "reapproach"), of a function word ("the"), of a number ("2005"): not found.
    expect(["gional", "the", "2005", "and"].map(hasStem)).toEqual([false, false, false, false]);
    expect(stemSearch("reapproach")("approa")).toBe(false);
    // The word "ies" stems to nothing; the search for it still ends.
    expect(stemSearch("ies of series")("")).toBe(true);
    expect(stemSearch("series")("")).toBe(false);
  });
});
