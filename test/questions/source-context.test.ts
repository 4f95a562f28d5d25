import type { Block } from "~/content/types";
import { sourceContext } from "~/questions/source-context";

const blocks: Block[] = [
  { kind: "heading", level: 3, text: "Rivers of Africa", line: 1 },
  { kind: "paragraph", text: "Africa has many rivers. The Nile flows north\ninto the Mediterranean Sea. It is long.", line: 2 },
  { kind: "list", ordered: false, items: ["The Congo is deep.", "The Niger bends east."], line: 4 },
  { kind: "table", header: ["River", "Length"], rows: [["Zambezi", "2,574 km"]], line: 6 },
];

describe("where a question's sentence stands in its lesson", () => {
  it("cuts the paragraph that holds it around the sentence, white space as the lesson writes it", () => {
    expect(sourceContext(blocks, "The Nile flows north into the Mediterranean Sea.")).toEqual({
      before: "Africa has many rivers. ",
      sentence: "The Nile flows north\ninto the Mediterranean Sea.",
      after: " It is long.",
    });
  });

  it("finds a sentence in a list item or a table cell, and reads regular-expression characters as text", () => {
    expect(sourceContext(blocks, "The Niger bends east.")).toEqual({ before: "", sentence: "The Niger bends east.", after: "" });
    expect(sourceContext(blocks, "2,574 km")).toEqual({ before: "", sentence: "2,574 km", after: "" });
    expect(sourceContext(blocks, "The Nile (flows) north?")).toBeNull();
  });

  it("has nothing to mark for a question without a sentence", () => {
    expect(sourceContext(blocks, "  ")).toBeNull();
  });
});
