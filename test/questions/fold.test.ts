import { describe, expect, it } from "vitest";
import { allowedSlips, compactFold, consonantSkeleton, editDistance, foldAnswer, sameAnswer } from "~/questions/fold";

describe("folding an answer", () => {
  it("reads an acronym with full stops as the acronym without them", () => {
    expect(foldAnswer("U.S.A.")).toBe("usa");
    expect(foldAnswer("U.S.A")).toBe(foldAnswer("usa"));
  });

  it("drops case, diacritics, apostrophes and one leading article", () => {
    expect(foldAnswer("The Zürich Ring")).toBe("zurich ring");
    expect(foldAnswer("An Apple")).toBe("apple");
    expect(foldAnswer("Ka'lani")).toBe("kalani");
    expect(foldAnswer("Ka’lani")).toBe("kalani");
  });

  it("reads & as and, and other punctuation as space", () => {
    expect(foldAnswer("Salt & Pepper")).toBe("salt and pepper");
    expect(sameAnswer("Salt & Pepper", "salt and pepper")).toBe(true);
    expect(compactFold("well-known")).toBe("wellknown");
    expect(sameAnswer("Nova-Terra", "nova terra")).toBe(true);
  });

  it("a text of punctuation only folds to nothing and matches nothing", () => {
    expect(foldAnswer("  ...!! ")).toBe("");
    expect(sameAnswer("!!", "...")).toBe(false);
  });
});

describe("comparing spellings", () => {
  it("two spellings of a name share a consonant skeleton", () => {
    expect(consonantSkeleton("Brevander")).toBe(consonantSkeleton("Brevandor"));
    expect(consonantSkeleton("el-Marouki")).toBe(consonantSkeleton("el-Ma'ruki"));
    expect(consonantSkeleton("Brevander")).not.toBe(consonantSkeleton("Trevander"));
  });

  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("quorvel", "qourvel")).toBe(1);
    expect(editDistance("quorvel", "quorvel")).toBe(0);
    expect(editDistance("quorvel", "quarvil")).toBe(2);
    expect(editDistance("abc", "xyz123", 1)).toBe(2);
  });

  it("allows one slip from five letters and two from ten", () => {
    expect(allowedSlips(4)).toBe(0);
    expect(allowedSlips(5)).toBe(1);
    expect(allowedSlips(9)).toBe(1);
    expect(allowedSlips(10)).toBe(2);
  });
});
