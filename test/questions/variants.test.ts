import { describe, expect, it } from "vitest";
import { SpellingIndex, isAcronym } from "~/questions/variants";

describe("recognising acronyms", () => {
  it("takes capitals, with or without full stops, and a plural s", () => {
    for (const yes of ["QRX", "Q.R.X.", "QRXs"]) expect(isAcronym(yes), yes).toBe(true);
    for (const no of ["Quorvel", "Q", "qrx"]) expect(isAcronym(no), no).toBe(false);
  });
});

describe("spelling variants found in the material", () => {
  const index = new SpellingIndex();
  index.add("The envoys of el-Marouki met at Tessaly. Later records spell it el-Ma'ruki.");
  index.add("Brevander wrote to Trevander. Some letters sign as Brevandor.");

  it("offers the material's other spelling of the same name", () => {
    expect(index.variantsOf("el-Marouki")).toEqual(["el-Ma'ruki"]);
    expect(index.variantsOf("el-Ma'ruki")).toEqual(["el-Marouki"]);
    expect(index.variantsOf("the el-Marouki envoys")).toEqual(["the el-Ma'ruki envoys"]);
  });

  it("keeps apart names with other consonants, however close", () => {
    expect(index.variantsOf("Brevander")).toEqual(["Brevandor"]);
    expect(index.variantsOf("Trevander")).toEqual([]);
  });

  it("offers nothing for a name the material spells one way", () => {
    expect(index.variantsOf("Tessaly")).toEqual([]);
    expect(new SpellingIndex().variantsOf("el-Marouki")).toEqual([]);
  });
});
