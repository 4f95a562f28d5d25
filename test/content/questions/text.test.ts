import { normaliseAnswer, words, wordSet } from "~/content/questions/text";

describe("answer folding", () => {
  it("folds case, punctuation, possessives and articles", () => {
    expect(normaliseAnswer("The Council's  decision, in 1948!")).toBe("council decision in 1948");
    expect(normaliseAnswer("An Étude — à la carte")).toBe("étude à la carte");
    expect(words("")).toEqual([]);
  });

  it("gives a prompt's word set as the set of its words, without remembering it", () => {
    // Seeded text over pieces that exercise every path of the folding: ASCII and not, articles, possessives, runs of punctuation.
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ["The", "the", "an", "A", "council", "Council's", "UN’s", "1948", "Zoë", "ΟΔΟΣ", "_____", "de-facto", "  ", ", ", "; ", "(", ")", "?", " ", " ", " "];
    let nonEmpty = 0;
    for (let round = 0; round < 2000; round++) {
      let text = "";
      for (let i = next(12); i > 0; i--) text += pieces[next(pieces.length)];
      const expected = new Set(words(text));
      expect(wordSet(text), JSON.stringify(text)).toEqual(expected);
      if (expected.size > 1) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(500);
  });
});
