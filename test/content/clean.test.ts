import { cleanBlocks, isBoilerplateLine, isAiDisclaimer } from "~/content/clean";
import type { Block } from "~/content/types";

let line = 0;
const p = (text: string): Block => ({ kind: "paragraph", text, line: ++line });
const h = (text: string): Block => ({ kind: "heading", level: 2, text, line: ++line });
const prose = (topic: string) => `${topic} is described in a sentence long enough to be prose, and it ends properly.`;
const texts = (blocks: Block[]) => blocks.map((b) => ("text" in b ? b.text : b.kind));

describe("cleanBlocks", () => {
  it("drops a short lower-case line standing alone (search query, site name) but keeps prose", () => {
    const out = cleanBlocks([p("best soil for raised beds uk"), p(prose("Soil")), p("gardenly"), h("Raised Beds"), p(prose("Height"))]);
    expect(texts(out)).toEqual([prose("Soil"), "Raised Beds", prose("Height")]);
  });

  it("drops a short line repeated between sections, whatever its case", () => {
    const blocks = [h("Pruning"), p(prose("A")), p("Leafy Hub"), h("Watering"), p(prose("B")), p("Leafy Hub"), h("Feeding"), p(prose("C")), p("Leafy Hub")];
    expect(texts(cleanBlocks(blocks))).not.toContain("Leafy Hub");
    expect(texts(cleanBlocks(blocks))).toContain("Feeding");
  });

  it("drops 'See also <title>' lines with the linked title", () => {
    const out = cleanBlocks([p(prose("Roots")), p("See also  Ten Ways to Keep Slugs Away From Lettuce"), p(prose("Stems"))]);
    expect(texts(out)).toEqual([prose("Roots"), prose("Stems")]);
  });

  it("drops a related-articles marker with the related title above it, and keeps the next real section", () => {
    const out = cleanBlocks([
      p(prose("Mulch")),
      h("Winter Bird Feeding: A Practical Guide"),
      p("You might also like"),
      h("Choosing Seed Mixes"),
      p(prose("Seeds")),
    ]);
    expect(texts(out)).toEqual([prose("Mulch"), "Choosing Seed Mixes", prose("Seeds")]);
  });

  it("drops related titles listed after a marker while more titles follow", () => {
    const out = cleanBlocks([p(prose("A")), p("Related articles"), h("Growing Garlic"), h("Saving Seeds"), h("Companion Planting"), p(prose("C"))]);
    expect(texts(out)).toEqual([prose("A"), "Companion Planting", prose("C")]);
  });

  it("drops a byline, share, print, feedback and comment footer at the end", () => {
    const out = cleanBlocks([
      h("Harvest"),
      p(prose("Harvest")),
      h("Edited by"),
      p("Fact-checked by"),
      h("Share this article"),
      h("Print"),
      p("Was this page helpful?"),
      h("Yes"),
      h("No"),
      h("Post a comment"),
      h("Maria Lopez"),
    ]);
    expect(texts(out)).toEqual(["Harvest", prose("Harvest")]);
  });

  it("drops an AI-content disclaimer but not prose about AI", () => {
    const disclaimer = p("This article was drafted with the help of generative AI; verify important details with an independent source.");
    const aboutAi = p("Farmers increasingly use AI to check soil moisture, and trusted sensors feed the models.");
    expect(isAiDisclaimer(disclaimer)).toBe(true);
    expect(isAiDisclaimer(aboutAi)).toBe(false);
    expect(texts(cleanBlocks([disclaimer, aboutAi]))).toEqual([(aboutAi as { text: string }).text]);
  });

  it("drops an FAQ heading whose questions are missing but keeps the answers", () => {
    const out = cleanBlocks([h("Care"), p(prose("Care")), h("Frequently Asked Questions"), p(prose("Answer one")), p(prose("Answer two"))]);
    expect(texts(out)).toEqual(["Care", prose("Care"), prose("Answer one"), prose("Answer two")]);
  });

  it("keeps an FAQ heading followed by its questions", () => {
    const blocks = [h("FAQs"), h("How often should I water?"), p(prose("Water"))];
    expect(texts(cleanBlocks(blocks))).toEqual(["FAQs", "How often should I water?", prose("Water")]);
  });

  it("keeps the facts of a table but drops generic column names", () => {
    const table: Block = { kind: "table", header: ["Characteristic", "Value"], rows: [["Frost-free days", "180"]], line: 1 };
    const named: Block = { kind: "table", header: ["Crop", "Days to harvest"], rows: [["Radish", "25"]], line: 2 };
    expect(cleanBlocks([table, named])).toEqual([{ ...table, header: null }, named]);
  });

  it("drops a table of contents list that repeats the later headings", () => {
    const toc: Block = { kind: "list", ordered: false, items: ["Sowing", "Thinning", "Harvesting"], line: 1 };
    const keep: Block = { kind: "list", ordered: false, items: ["Sowing depth", "Spacing"], line: 2 };
    const out = cleanBlocks([toc, h("Sowing"), p(prose("S")), keep, h("Thinning"), p(prose("T")), h("Harvesting"), p(prose("H"))]);
    expect(out).not.toContainEqual(toc);
    expect(out).toContainEqual(keep);
  });
});

describe("isBoilerplateLine", () => {
  it("recognises generic page furniture", () => {
    for (const line of [
      "Written by",
      "Reviewed by Dr. Sam Patel",
      "By Alex Kim",
      "Updated: 4 March 2023",
      "Share this post",
      "Print",
      "Did this article help you?",
      "Leave a comment",
      "12 Comments",
      "You may want to see also",
      "Read more: Why Bees Matter",
      "Advertisement",
      "5 min read",
      "March 3, 2024",
    ]) {
      expect([line, isBoilerplateLine(line)]).toEqual([line, true]);
    }
  });

  it("does not mistake titles that merely start with those words", () => {
    for (const line of [
      "Share Prices and Harvest Yields",
      "Printing Seed Labels",
      "Related Legal Frameworks",
      "No Safe Place for Slugs",
      "Search and Rescue Dogs",
      "Updates to the Planting Calendar",
      "Published Research on Compost",
    ]) {
      expect([line, isBoilerplateLine(line)]).toEqual([line, false]);
    }
  });
});
