import { normaliseAnswer, words, wordSet } from "~/content/questions/text";

describe("answer folding", () => {
  it("folds case, punctuation, possessives and articles", () => {
    expect(normaliseAnswer("The Council's  decision, in 1948!")).toBe("council decision in 1948");
    expect(normaliseAnswer("An Étude — à la carte")).toBe("étude à la carte");
    expect(words("")).toEqual([]);
  });

  it("folds as the regular expressions of SQuAD's normalisation do, on every kind of character", () => {
    // The definition: lower case, possessive 's dropped, runs of what is not a letter or digit as one space, articles dropped.
    const reference = (text: string) => {
      let lower = text.toLowerCase();
      if (lower.includes("'") || lower.includes("’")) lower = lower.replace(/[’']s\b/g, "");
      return lower
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .split(" ")
        .filter((w) => w !== "" && !["a", "an", "the"].includes(w))
        .join(" ");
    };
    let seed = 5;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    // ASCII, Latin-1 letters and digits and signs, general punctuation, and beyond (Greek, a CJK ideograph, an emoji).
    const pieces = ["a", "n", "The", "the", "An", "x", "1", "9", " ", "  ", "-", ".", "'s", "’s", "É", "é", "ß", "½", "²", "×", "·", "«", "\u00a0", "–", "—", "“", "”", "\u2009", "Σ", "ΟΔΟΣ", "ἀ", "中", "😀", "\t"];
    let checked = 0;
    for (let round = 0; round < 20000; round++) {
      let text = "";
      for (let i = next(9); i > 0; i--) text += pieces[next(pieces.length)];
      expect(normaliseAnswer(text), JSON.stringify(text)).toBe(reference(text));
      checked++;
    }
    expect(checked).toBe(20000);
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
