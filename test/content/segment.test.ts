import { segmentLessons, inferSubsections, headingStyle, lessonText } from "~/content/segment";
import type { Block } from "~/content/types";

let line = 0;
const p = (text: string): Block => ({ kind: "paragraph", text, line: ++line });
const h = (text: string, level: 2 | 3 = 2): Block => ({ kind: "heading", level, text, line: ++line });
const filler = (topic: string) => `${topic} matters to every gardener, and this paragraph explains it in a plain sentence.`;
const titles = (blocks: Block[], options = { inferSubsections: true }) =>
  segmentLessons(blocks, options).map((lesson) => [lesson.title, lesson.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)]);

describe("segmentLessons", () => {
  it("makes the text before the first heading an Overview lesson and one lesson per section", () => {
    const out = segmentLessons([p(filler("Intro")), h("Soil"), p(filler("Soil")), h("Light"), p(filler("Light"))], { inferSubsections: false });
    expect(out.map((l) => [l.title, l.position, l.slug])).toEqual([
      ["Overview", 0, "overview"],
      ["Soil", 1, "soil"],
      ["Light", 2, "light"],
    ]);
    expect(out[1].line).toBe(out[1].line > 0 ? out[1].line : -1);
    expect(out.every((l) => l.text.length > 0 && l.readingMinutes >= 1)).toBe(true);
  });

  it("gives a document without headings a single Overview lesson", () => {
    const out = segmentLessons([p(filler("One")), p(filler("Two"))], { inferSubsections: true });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ title: "Overview", position: 0, text: `${filler("One")}\n\n${filler("Two")}` });
  });

  it("yields no empty lessons for a table of contents of headings without bodies", () => {
    const blocks = [h("Sowing"), h("Thinning"), h("Harvest"), h("Sowing"), p(filler("Sow")), h("Thinning"), p(filler("Thin")), h("Harvest"), p(filler("Pick"))];
    expect(titles(blocks)).toEqual([
      ["Sowing", []],
      ["Thinning", []],
      ["Harvest", []],
    ]);
  });

  it("yields one lesson for a section repeated in the same article", () => {
    const blocks = [h("Sowing"), p(filler("Sow")), h("Harvest"), p(filler("Pick")), h("Sowing"), p(filler("Sow"))];
    const out = segmentLessons(blocks, { inferSubsections: false });
    expect(out.map((l) => l.title)).toEqual(["Sowing", "Harvest"]);
    expect(out[0].blocks).toHaveLength(1);
  });

  it("folds level-3 headings into the lesson as sub-headings and drops those without text", () => {
    const out = segmentLessons([h("Pests"), p(filler("Pests")), h("Aphids", 3), p(filler("Aphids")), h("Empty", 3)], { inferSubsections: false });
    expect(out).toHaveLength(1);
    expect(out[0].text).toBe(`${filler("Pests")}\n\nAphids\n\n${filler("Aphids")}`);
  });

  it("keeps slugs unique and URL-safe", () => {
    const long = "Café & Tea: ".padEnd(90, "x");
    const out = segmentLessons([h(`${long} one`), p(filler("A")), h(`${long} two`), p(filler("B"))], { inferSubsections: false });
    expect(out).toHaveLength(2);
    expect(out[0].slug).toMatch(/^cafe-tea-x+$/);
    expect(out[1].slug).toBe(`${out[0].slug}-2`);
  });
});

describe("inferSubsections", () => {
  const levels = (blocks: Block[]) =>
    inferSubsections(blocks, null).flatMap((b) => (b.kind === "heading" ? [`${b.level}:${b.text}`] : []));

  it("folds short headings the parent's opening text announced, until a heading it did not", () => {
    const blocks = [
      h("Ways to Save Water in a Dry Summer Garden"),
      p("Watering wisely starts with drip irrigation, which puts water at the roots."),
      p("Rain barrels collect what the roof sheds, and deep mulching keeps it in the soil."),
      h("Drip Irrigation"),
      p(filler("Drip lines")),
      h("Rain Barrels"),
      p(filler("Barrels")),
      h("Choosing Plants That Tolerate Drought"),
      p(filler("Lavender")),
    ];
    expect(levels(blocks)).toEqual([
      "2:Ways to Save Water in a Dry Summer Garden",
      "3:Drip Irrigation",
      "3:Rain Barrels",
      "2:Choosing Plants That Tolerate Drought",
    ]);
  });

  it("does not fold a heading the previous section merely shares common words with", () => {
    const blocks = [
      h("Why Gardens Need Pollinators"),
      p("Gardens need bees; pollinators visit gardens daily."),
      h("Garden Pollinators in Winter"),
      p(filler("Gardens")),
      h("Feeding Garden Birds"),
      p(filler("Gardens and pollinators")),
      h("Hedges for Garden Wildlife"),
      p(filler("Gardens and pollinators")),
    ];
    expect(levels(blocks).every((l) => l.startsWith("2:"))).toBe(true);
  });

  it("reads sentence-case headings under Title Case ones as sub-sections when a document mixes the styles", () => {
    const blocks = [
      h("Planning a Vegetable Plot"),
      p(filler("Plans")),
      h("Measuring the space you have"),
      p(filler("Space")),
      h("Drawing a simple bed layout"),
      p(filler("Layout")),
      h("Preparing the Ground in Autumn"),
      p(filler("Digging")),
      h("Adding compost and manure"),
      p(filler("Compost")),
    ];
    expect(levels(blocks)).toEqual([
      "2:Planning a Vegetable Plot",
      "3:Measuring the space you have",
      "3:Drawing a simple bed layout",
      "2:Preparing the Ground in Autumn",
      "3:Adding compost and manure",
    ]);
  });

  it("never folds into the Overview, nor folds long or generic headings", () => {
    const blocks = [
      p("This guide covers seed saving, storing seeds and a conclusion."),
      h("Seed Saving"),
      p("Seed saving needs dry pods; storing seeds well keeps them alive and we reach a conclusion on timing."),
      h("Storing Seeds Through a Long and Damp Winter Season"),
      p(filler("Storage")),
      h("Conclusion"),
      p(filler("End")),
    ];
    expect(levels(blocks).every((l) => l.startsWith("2:"))).toBe(true);
  });

  it("makes questions under an FAQ heading its sub-headings", () => {
    const blocks = [h("Mulching Basics"), p(filler("Mulch")), h("FAQ"), h("Can I mulch in spring?"), p(filler("Spring")), h("Does mulch attract slugs?"), p(filler("Slugs"))];
    expect(levels(blocks)).toEqual(["2:Mulching Basics", "2:FAQ", "3:Can I mulch in spring?", "3:Does mulch attract slugs?"]);
  });
});

describe("headingStyle", () => {
  it("tells Title Case from sentence case, ignoring acronyms and small words", () => {
    expect(headingStyle("The Role of NATO in Regional Security")).toBe("title");
    expect(headingStyle("Use of drones and satellite imagery")).toBe("sentence");
    expect(headingStyle("The EU and NATO")).toBe("neutral");
  });
});

describe("lessonText", () => {
  it("writes list items on their own lines and two-column facts as 'label: value'", () => {
    const text = lessonText([
      { kind: "list", ordered: false, items: ["a", "b"], line: 1 },
      { kind: "list", ordered: true, items: ["c"], line: 2 },
      { kind: "table", header: null, rows: [["Frost-free days", "180"]], line: 3 },
      { kind: "table", header: ["Crop", "Days"], rows: [["Radish", "25"]], line: 4 },
    ]);
    expect(text).toBe("- a\n- b\n\n1. c\n\nFrost-free days: 180\n\nCrop | Days\nRadish | 25");
  });
});
