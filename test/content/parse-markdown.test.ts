import { parseMarkdown } from "~/content/parse-markdown";

describe("parseMarkdown", () => {
  it("takes a lone leading # as the title, ## as sections and ### as sub-headings", () => {
    const doc = parseMarkdown(
      ["# Composting Basics", "", "Why compost at all.", "", "## Greens and Browns", "", "Mix them.", "", "### Ratios", "", "Three to one.", ""].join("\n"),
    );
    expect(doc.title).toBe("Composting Basics");
    expect(doc.headingLevels).toBe("explicit");
    expect(doc.blocks).toEqual([
      { kind: "paragraph", text: "Why compost at all.", line: 3 },
      { kind: "heading", level: 2, text: "Greens and Browns", line: 5 },
      { kind: "paragraph", text: "Mix them.", line: 7 },
      { kind: "heading", level: 3, text: "Ratios", line: 9 },
      { kind: "paragraph", text: "Three to one.", line: 11 },
    ]);
  });

  it("treats several # headings as sections, not titles", () => {
    const doc = parseMarkdown("# One\n\nText one.\n\n# Two\n\nText two.\n");
    expect(doc.title).toBeNull();
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => [b.text, (b as { level: number }).level])).toEqual([
      ["One", 2],
      ["Two", 2],
    ]);
  });

  it("keeps bold terms as emphasis and drops link targets and images", () => {
    const doc = parseMarkdown("A **worm bin** turns [scraps](https://example.org) into ![pic](x.png) *castings*.\n");
    expect(doc.blocks[0]).toEqual({
      kind: "paragraph",
      text: "A worm bin turns scraps into castings.",
      line: 1,
      emphasis: ["worm bin"],
    });
  });

  it("keeps lists (nested items flattened) and tables", () => {
    const doc = parseMarkdown(
      ["- leaves", "  - dry ones", "- coffee grounds", "", "| Material | Days |", "|---|---|", "| Straw | 90 |", ""].join("\n"),
    );
    expect(doc.blocks).toEqual([
      { kind: "list", ordered: false, items: ["leaves", "dry ones", "coffee grounds"], line: 1 },
      { kind: "table", header: ["Material", "Days"], rows: [["Straw", "90"]], line: 5 },
    ]);
  });

  it("reduces raw HTML to its text and drops scripts", () => {
    const doc = parseMarkdown('Intro &amp; more.\n\n<div onclick="x()">Boxed <em>text</em></div>\n\n<script>alert(1)</script>\n');
    const text = doc.blocks.map((b) => ("text" in b ? b.text : "")).join(" | ");
    expect(text).toBe("Intro & more. | Boxed text");
  });
});

describe("parseMarkdown on hostile input", () => {
  it("reads a paragraph made of thousands of emphasis markers as plain text", () => {
    const doc = parseMarkdown(`Intro **key term** then ${"*a ".repeat(5000)}end.`);
    expect(doc.blocks).toHaveLength(1);
    expect(doc.blocks[0]).toMatchObject({ kind: "paragraph", emphasis: ["key term"] });
    expect((doc.blocks[0] as { text: string }).text).toMatch(/^Intro key term then a a a .* end\.$/);
  });

  it("flattens lists and quotes nested hundreds of levels deep instead of failing", () => {
    const lists = Array.from({ length: 500 }, (_, i) => `${" ".repeat(i * 2)}- level ${i}`).join("\n");
    const quotes = `${"> ".repeat(500)}deep quote.`;
    const listItems = parseMarkdown(lists).blocks.flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(listItems).toContain("level 0");
    expect(listItems.some((item) => item.includes("level 499"))).toBe(true);
    expect(JSON.stringify(parseMarkdown(quotes).blocks)).toContain("deep quote.");
  });
});
