import { parseText, splitFactRow, isHeadingShaped } from "~/content/parse-txt";

const para = (topic: string) =>
  `${topic} is explained here in a full sentence that runs long enough to read as prose, with a clause or two. It ends with a period.`;

describe("parseText", () => {
  it("takes a title-like first line as the title and short title-like lines as headings", () => {
    const text = ["Growing Tomatoes at Home", para("Soil"), "Choosing a Variety", para("Variety"), para("Seeds")].join("\n");
    const doc = parseText(text);
    expect(doc.title).toBe("Growing Tomatoes at Home");
    expect(doc.headingLevels).toBe("inferred");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "paragraph", "paragraph"]);
    expect(doc.blocks[1]).toMatchObject({ kind: "heading", text: "Choosing a Variety", line: 3 });
  });

  it("reads the same structure with or without blank lines between paragraphs", () => {
    const lines = ["Watering Schedules", para("Water"), para("Mulch"), "Pests and diseases to watch", para("Aphids")];
    const tight = parseText(lines.join("\n")).blocks;
    const loose = parseText(lines.join("\n\n")).blocks;
    expect(loose.map((b) => [b.kind, "text" in b ? b.text : ""])).toEqual(tight.map((b) => [b.kind, "text" in b ? b.text : ""]));
  });

  it("has no title when the document opens with prose", () => {
    const doc = parseText([para("Opening"), "Next Steps", para("Step")].join("\n"));
    expect(doc.title).toBeNull();
    expect(doc.blocks[0].kind).toBe("paragraph");
  });

  it("keeps bullet and numbered lists, also when items are separated by blank lines", () => {
    const doc = parseText(["Intro line of the list follows:", "  • first item", "  • second item", "", "- dash item", "", "  1. one", "", "  2. two"].join("\n"));
    const lists = doc.blocks.filter((b) => b.kind === "list");
    expect(lists).toEqual([
      { kind: "list", ordered: false, items: ["first item", "second item", "dash item"], line: 2 },
      { kind: "list", ordered: true, items: ["one", "two"], line: 7 },
    ]);
  });

  it("reads a numbered line on its own before prose as a section title, and numbered items as a list", () => {
    const doc = parseText(["Harbours", "", "3. TIDES AND LOCKS", "", para("Tides"), "", "1. Open the gate", "2. Fill the chamber"].join("\n"));
    expect(doc.blocks[0]).toEqual({ kind: "heading", level: 2, text: "3. TIDES AND LOCKS", line: 3 });
    expect(doc.blocks.at(-1)).toMatchObject({ kind: "list", ordered: true, items: ["Open the gate", "Fill the chamber"] });
  });

  it("reads lines set in columns with spaces as a table, not as headings", () => {
    const doc = parseText(
      [
        para("Locks"),
        "",
        "Lock        Lift in metres     Built",
        "----        --------------     -----",
        "Varna       4.5                1862",
        "Oster       12                 1931",
        "",
        para("Gates"),
      ].join("\n"),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    expect(doc.blocks[1]).toEqual({
      kind: "table",
      header: ["Lock", "Lift in metres", "Built"],
      rows: [
        ["Varna", "4.5", "1862"],
        ["Oster", "12", "1931"],
      ],
      line: 3,
    });
  });

  it("joins hard-wrapped lines back into paragraphs", () => {
    const wrapped = [
      "The orchard needs pruning every winter because old wood bears",
      "little fruit and crowds the young shoots that carry next year's",
      "crop; cut back to an outward-facing bud.",
      "",
      "Pruning Tools",
      "",
      "A sharp pair of secateurs and a folding saw cover almost every",
      "job in a small garden, and a clean cut heals faster than a torn",
      "one, which keeps disease out of the wound.",
    ].join("\n");
    const doc = parseText(wrapped);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "paragraph"]);
    expect(doc.blocks[0]).toMatchObject({ line: 1 });
    expect((doc.blocks[2] as { text: string }).text).toMatch(/^A sharp pair .* out of the wound\.$/);
  });

  it("turns a run of '<label> <value>' lines under two column names into a table of facts", () => {
    const doc = parseText(
      [para("Intro"), "Feature Value", "Height of the tallest sunflower on record 9.17 m", "Year the record was set 2014", "Seeds in one large head 2000"].join("\n"),
    );
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table).toEqual({
      kind: "table",
      header: ["Feature", "Value"],
      rows: [
        ["Height of the tallest sunflower on record", "9.17 m"],
        ["Year the record was set", "2014"],
        ["Seeds in one large head", "2000"],
      ],
      line: 2,
    });
  });

  it("keeps a fact table whole when its column names stand a blank line above it and a row's value is a name", () => {
    const lines = [para("Intro"), "", "Fact Value", "", "Year the first hive was kept 1852", "Founder of the society Anna Vell", "Number of hives in 1900 340", "", para("After")];
    const doc = parseText(lines.join("\n"));
    // No row taken for a heading: the name-valued row is one cell of the table, shown and never asked.
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    expect(doc.blocks[1]).toMatchObject({
      header: ["Fact", "Value"],
      rows: [["Year the first hive was kept", "1852"], ["Founder of the society Anna Vell"], ["Number of hives in 1900", "340"]],
    });
    // A line without a value after the last row is not the table's.
    const after = parseText([para("Intro"), "Feature Value", "Year the record was set 2014", "Seeds in one large head 2000", "Notes on growing"].join("\n"));
    expect(after.blocks.find((b) => b.kind === "table")).toMatchObject({ rows: [["Year the record was set", "2014"], ["Seeds in one large head", "2000"]] });
  });

  it("keeps a two-word heading a blank line above a table its heading, not the table's column names", () => {
    const doc = parseText([para("Intro"), "", "Early Life", "", "Year the first hive was kept 1852", "Number of hives in 1900 340", "", para("After")].join("\n"));
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "table", "paragraph"]);
    expect(doc.blocks[2]).toMatchObject({ header: null, rows: [["Year the first hive was kept", "1852"], ["Number of hives in 1900", "340"]] });
  });

  it("does not take a single heading that ends in a number for a table", () => {
    const doc = parseText(["Phase 2", para("Phase"), para("More")].join("\n"));
    expect(doc.blocks.some((b) => b.kind === "table")).toBe(false);
  });

  it("never lets tag-shaped markup through", () => {
    const doc = parseText(`Safe <script>alert("x")</script>text with <b onclick="x()">bold</b> words.`);
    const text = JSON.stringify(doc.blocks);
    expect(text).not.toMatch(/<\/?(script|b)\b/);
    expect(text).toContain("Safe");
    expect(text).toContain("bold");
  });
});

describe("splitFactRow", () => {
  it("splits a label from a trailing number, date or amount", () => {
    expect(splitFactRow("Year the bridge opened 1932")).toEqual(["Year the bridge opened", "1932"]);
    expect(splitFactRow("Date of the first launch October 1957")).toEqual(["Date of the first launch", "October 1957"]);
    expect(splitFactRow("Share of households with a garden 87%")).toEqual(["Share of households with a garden", "87%"]);
    expect(splitFactRow("Length of the canal 193 km")).toEqual(["Length of the canal", "193 km"]);
    expect(splitFactRow("Members admitted by the U.K. 12")).toEqual(["Members admitted by the U.K.", "12"]);
  });

  it("refuses lines without a trailing value or with a one-word label", () => {
    expect(splitFactRow("Nothing numeric here")).toBeNull();
    expect(splitFactRow("Apollo 11")).toBeNull();
  });
});

describe("isHeadingShaped", () => {
  it("accepts short capitalised lines and questions, refuses sentences and lower-case lines", () => {
    expect(isHeadingShaped("Why Do Leaves Change Colour?")).toBe(true);
    expect(isHeadingShaped("The council approved a new plan for the river banks")).toBe(true);
    expect(isHeadingShaped("The council approved the plan.")).toBe(false);
    expect(isHeadingShaped("Key steps include:")).toBe(false);
    expect(isHeadingShaped("best way to grow basil indoors")).toBe(false);
    expect(isHeadingShaped("1984")).toBe(false);
  });
});

describe("parseText on hostile input", () => {
  it("strips an unclosed script or comment to the end without rescanning for every opening", () => {
    const text = `Kept words here.\n${"<script> x ".repeat(200_000)}`;
    expect(parseText(text).blocks).toEqual([{ kind: "paragraph", text: "Kept words here.", line: 1 }]);
    const comment = `Kept too.\n${"<!-- x ".repeat(200_000)}`;
    expect(parseText(comment).blocks).toEqual([{ kind: "paragraph", text: "Kept too.", line: 1 }]);
  });
});
