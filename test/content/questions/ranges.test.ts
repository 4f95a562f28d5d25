import { describe, expect, it } from "vitest";
import { generateQuestions } from "~/content/questions";
import { decadePairs, numberRanges, rangeQuestion, yearPairs } from "~/content/questions/ranges";
import { paragraphLesson } from "../../support/fixtures";
import { questionFlags } from "~/questions/flags";
import { gradeResponse, isRight } from "~/questions/grade";

const lesson = paragraphLesson;

/** The range's two ends as the sentence writes them. */
const ends = (text: string) => numberRanges(text).map((r) => [text.slice(r.from.start, r.from.end), text.slice(r.to.start, r.to.end), r.years]);

describe("a range a sentence states", () => {
  it("is read after between...and, from...to, alone with to, or with a dash", () => {
    expect(ends("Between 1821 and 1829 the pilots of Varna struck six times.")).toEqual([["1821", "1829", true]]);
    expect(ends("The harbour master served from about 1790 to about 1812.")).toEqual([["1790", "1812", true]]);
    expect(ends("A crossing takes 12 to 14 hours in winter.")).toEqual([["12", "14", false]]);
    expect(ends("The second lock, built in 1861–1864, doubled the traffic.")).toEqual([["1861", "1864", true]]);
    expect(ends("Cargoes of 1,200 to 1,500 tonnes were common.")).toEqual([["1,200", "1,500", false]]);
    expect(ends("Pilots earned 2.5–4 crowns a day.")).toEqual([["2.5", "4", false]]);
    expect(ends("Between 1,200 and 1,500, the pilots struck.")).toEqual([["1,200", "1,500", false]]);
    // Four digits each, but a measure after them: numbers, not years.
    expect(ends("The shafts reach between 1000 and 2000 metres below the quay.")).toEqual([["1000", "2000", false]]);
    // Years a verb follows: the span of an event.
    expect(ends("The Harbour War of 1821–1829 ended with the Peace of Varna.")).toEqual([["1821", "1829", true]]);
    // A measure with a dash and its unit's symbol.
    expect(ends("The boiler is fired to about 950–1,100 °C before each run.")).toEqual([["950", "1,100", false]]);
    expect(ends("Tolls rose by 12–15 % a year.")).toEqual([["12", "15", false]]);
    // A verb after four-digit numbers dates an event only after its name: otherwise they count.
    expect(ends("Between 1200 and 1500 were killed in the riots.")).toEqual([["1200", "1500", false]]);
    expect(ends("The boiler is fired to 950–1,100 ℃ before each run.")).toEqual([["950", "1,100", false]]);
  });

  it("counts down before the era: BC and BCE years run from the larger to the smaller", () => {
    expect(ends("The harbour wall is dated to about 650–600 BC, before the first colony.")).toEqual([["650", "600", true]]);
    expect(ends("The tablet was copied in 177–176 BCE by a temple scribe.")).toEqual([["177", "176", true]]);
    expect(ends("Between 520 and 480 B.C. the harbour silted up.")).toEqual([["520", "480", true]]);
    const text = "The harbour wall is dated to about 650–600 BC, before the first colony.";
    const q = rangeQuestion(text, numberRanges(text)[0], "")!;
    expect(q.prompt).toBe("Which years fill the blanks? The harbour wall is dated to about _____–_____ BC, before the first colony.");
    expect(q.answer).toBe("650–600");
    // Graded by its two ends in the order written, however joined.
    expect(isRight(gradeResponse(q, "650 to 600").verdict)).toBe(true);
    expect(isRight(gradeResponse(q, "600-650").verdict)).toBe(false);
    // Counting up before the era is no range a text writes; nor is counting down after it.
    expect(ends("The wall is dated to about 600–650 BC.")).toEqual([]);
    expect(ends("The wall is dated to about 650–600 AD.")).toEqual([]);
  });

  it("is not two values joined by a plain and, a guess with or, years in brackets, a score or a range that runs backwards", () => {
    expect(ends("In 1821 and 1829 the pilots struck.")).toEqual([]);
    expect(ends("The crossing takes 12 or 14 hours.")).toEqual([]);
    expect(ends("The harbour master Ivo Marn (1790–1861) charted the bay.")).toEqual([]);
    expect(ends("Varna won the final 3-1 against Ostrava.")).toEqual([]);
    expect(ends("Between 1829 and 1821 the pilots struck.")).toEqual([]);
    // A year, then a measure: a price in early 1719 rising to another.
    expect(ends("Pilot fees rose from about 500 crowns in early 1829 to nearly 9,000 crowns by the end of the year.")).toEqual([]);
    expect(ends("Crews grew from 1500 to 2,000 men.")).toEqual([["1500", "2,000", false]]);
    expect(ends("Pilot fees rose from 500 crowns in the spring of 1829 to nearly 9,000 crowns.")).toEqual([]);
    expect(ends("The fever was recorded in 1500 to 2,000 villages.")).toEqual([["1500", "2,000", false]]);
    // One end of a longer run of numbers: "12 to 14 to 16".
    expect(ends("Tides rose 12 to 14 to 16 feet.")).toEqual([]);
  });

  it("is asked with both ends blanked, a unit after them kept in the prompt, the answer joined as the sentence joins it", () => {
    const text = "A crossing takes 12 to 14 hours in winter.";
    const [range] = numberRanges(text);
    expect(rangeQuestion(text, range, "")).toMatchObject({
      type: "short_answer",
      prompt: "Which numbers fill the blanks? A crossing takes _____ to _____ hours in winter.",
      answer: "12 to 14",
    });
    const years = "Between 1821 and 1829 the pilots of Varna struck six times.";
    expect(rangeQuestion(years, numberRanges(years)[0], "The pilots of Varna formed a guild in 1790.")).toMatchObject({
      prompt: "Which years fill the blanks? The pilots of Varna formed a guild in 1790. Between _____ and _____ the pilots of Varna struck six times.",
      answer: "1821 and 1829",
    });
  });

  it("is not flagged as half a number, joined by a dash or by words", () => {
    const dash = "During the Varna Revolt of 1821–1829 the pilots struck six times.";
    const words = "A crossing takes 12 to 14 hours in winter.";
    for (const text of [dash, words]) {
      const q = rangeQuestion(text, numberRanges(text)[0], "")!;
      expect(questionFlags({ prompt: q.prompt, answer: q.answer })).toEqual([]);
    }
    // One end alone still is.
    expect(questionFlags({ prompt: "During the Varna Revolt of _____–1829 the pilots struck six times.", answer: "1821" })).toEqual(["part-of-a-number"]);
  });

  it("is asked in the bank, unflagged, where one end alone is flagged as half a number", () => {
    const text = "The harbour of Varna grew quickly. Between 1821 and 1829 the pilots of Varna struck six times against the harbour board.";
    const [[{ questions }]] = generateQuestions([{ key: "k", title: "The harbour of Varna", lessons: [lesson("Strikes", text)] }]);
    const range = questions.find((q) => q.answer === "1821 and 1829");
    expect(range?.prompt).toMatch(/^Which years fill the blanks\? (?:.+ )?Between _____ and _____ the pilots of Varna struck six times against the harbour board\.$/);
    expect(questionFlags(range!)).toEqual([]);
    const oneEnd = questions.find((q) => q.answer === "1821" && q.prompt.includes("_____ and 1829"));
    expect(oneEnd && questionFlags(oneEnd)).toContain("part-of-a-number");
    // The checks on a statement read a range's too: one that points back is flagged as any other.
    const [[{ questions: leaning }]] = generateQuestions([
      { key: "k", title: "The harbour of Varna", lessons: [lesson("Strikes", "Between 1821 and 1829 they staged six strikes against the harbour board.")] },
    ]);
    const leaningRange = leaning.find((q) => q.answer === "1821 and 1829");
    expect(leaningRange && questionFlags(leaningRange)).toContain("dangling-reference");
  });
});

describe("a range in a list item or a statement that names nothing", () => {
  const itemLesson = (items: string[]) => ({
    title: "Firing",
    slug: "firing",
    position: 0,
    line: 1,
    blocks: [
      { kind: "paragraph" as const, text: "The kiln works in two stages.", line: 2 },
      { kind: "list" as const, ordered: false, items, line: 3 },
    ],
    text: `The kiln works in two stages. ${items.join(" ")}`,
    readingMinutes: 1,
  });

  it("is asked from an item that is a sentence, not from one that is a fragment of the list's", () => {
    const [[{ questions }]] = generateQuestions([
      {
        key: "k",
        title: "Glazing practice",
        lessons: [
          itemLesson([
            "The clay body is first fired to about 900–1,000 °C in an oxidising kiln.",
            "a glaze firing of around 1,200–1,260 °C.",
            "A second firing of around 1,100–1,150 °C.",
            "Glost firing: 1,020–1,080 °C in a reducing kiln.",
            "Biscuit firing: heated to 960–990 °C over two days.",
            "Varna works: the kiln was fired to 1,040–1,070 °C for the harbour's tiles.",
          ]),
        ],
      },
    ]);
    const range = questions.find((q) => q.answer === "900–1,000");
    expect(range?.prompt).toBe("Which numbers fill the blanks? The clay body is first fired to about _____–_____ °C in an oxidising kiln.");
    expect(questionFlags(range!)).toEqual([]);
    // Fragments of the list, capitalised or not, and a label's line: no sentence to ask from.
    for (const answer of ["1,200–1,260", "1,100–1,150", "1,020–1,080", "960–990"]) expect(questions.find((q) => q.answer === answer), answer).toBeUndefined();
    // A label before a clause is the clause's heading.
    expect(questions.find((q) => q.answer === "1,040–1,070")?.prompt).toBe("Which numbers fill the blanks? Varna works: the kiln was fired to _____–_____ °C for the harbour's tiles.");
  });

  it("shows the document's subject before a range whose statement names nothing, as a fact's blank does", () => {
    const text = "The Varna Pilot Guild kept its own school. Full membership was reached after 12 to 18 months of service at sea.";
    const [[{ questions }]] = generateQuestions([{ key: "k", title: "The Varna Pilot Guild", lessons: [lesson("Training", text)] }]);
    const range = questions.find((q) => q.answer === "12 to 18");
    expect(range?.prompt).toBe("Which numbers fill the blanks? The Varna Pilot Guild: Full membership was reached after _____ to _____ months of service at sea.");
    // A document titled as an essay names no subject: the statement stands as it is.
    const [[{ questions: essay }]] = generateQuestions([{ key: "k", title: "Why guilds trained their pilots", lessons: [lesson("Training", text)] }]);
    expect(essay.find((q) => q.answer === "12 to 18")?.prompt).toBe("Which numbers fill the blanks? Full membership was reached after _____ to _____ months of service at sea.");
    // A label that shows an end's decade gives the range away: not asked with it.
    const slump = "The mills of Varna were hit hard. Between 1882 and 1889 most mills were closed for part of each year.";
    const [[{ questions: dated }]] = generateQuestions([{ key: "k", title: "The 1880s Depression", lessons: [lesson("Mills", slump)] }]);
    for (const q of dated.filter((q) => q.answer === "1882 and 1889")) expect(q.prompt).not.toContain("1880s");
  });
});

describe("a range left unasked", () => {
  const asked = (text: string, context = "") => numberRanges(text).map((r) => rangeQuestion(text, r, context)?.answer ?? null);

  it("is the days of a date", () => {
    expect(asked("Between 22 and 24 October 1856 the pilots met at Varna.")).toEqual([]);
    expect(asked("The pilots met on October 22–24 at Varna.")).toEqual([]);
  });

  it("shows an end, or a year's decade, elsewhere in its prompt", () => {
    expect(asked("Between 1922 and 1940 the board heard 29 cases.", "The harbour board first met in 1922.")).toEqual([null]);
    expect(asked("Between 1930 and 1940 the port lost half its trade.", "The port declined during the 1930s.")).toEqual([null]);
    expect(asked("Between 1922 and 1940 the board heard 29 cases.", "The harbour board was founded after the war.")).toEqual(["1922 and 1940"]);
  });
});

describe("two years a sentence joins with and", () => {
  const pairs = (text: string) => yearPairs(text).map((r) => rangeQuestion(text, r, "")?.prompt ?? null);

  it("are asked together after in or of, as a range is", () => {
    expect(pairs("The pilots of Varna struck in 1821 and 1829 against the harbour board.")).toEqual([
      "Which years fill the blanks? The pilots of Varna struck in _____ and _____ against the harbour board.",
    ]);
    expect(pairs("The strikes of 1821 and 1829 emptied the harbour.")).toEqual(["Which years fill the blanks? The strikes of _____ and _____ emptied the harbour."]);
    const [pair] = yearPairs("In 1821 and 1829 the pilots struck.");
    expect(rangeQuestion("In 1821 and 1829 the pilots struck.", pair, "")?.answer).toBe("1821 and 1829");
  });

  it("are not one end of a longer list, a measure, years in brackets, or years that run backwards", () => {
    expect(pairs("Storms in 1790, 1821 and 1829 wrecked the quay.")).toEqual([]);
    expect(pairs("Cargoes of 1200 and 1500 tonnes were common.")).toEqual([]);
    expect(pairs("The guild (founded in 1790 and 1792) survives.")).toEqual([]);
    expect(pairs("The pilots struck in 1829 and 1821.")).toEqual([]);
    expect(pairs("Storms in 1821 and 1829 and 1830 wrecked the quay.")).toEqual([]);
    expect(pairs("Storms in 1821 and 1829, and in 1830, wrecked the quay.")).toEqual([]);
    // The first year of a range is no pair's.
    expect(pairs("Ivo Marn served as harbour master in 1821 and 1829–1835.")).toEqual([]);
    // After "of", two years date events ("the strikes of"); otherwise they may count things.
    expect(pairs("The quay held crowds of 1200 and 1500.")).toEqual([]);
    expect(pairs("Armies of 1200 and 1500 marched on the port.")).toEqual([]);
  });
});


describe("two decades a sentence joins with and", () => {
  const pairs = (text: string) => decadePairs(text).map((r) => rangeQuestion(text, r, ""));

  it("are asked together, as a range is, with a word on which part of the first shown", () => {
    const [asked] = pairs("Steam ferries multiplied on the lake in the 1860s and 1870s.");
    expect(asked?.prompt).toBe("Which decades fill the blanks? Steam ferries multiplied on the lake in the _____ and _____.");
    expect(asked?.answer).toBe("1860s and 1870s");
    expect(pairs("In the late 1920s and 1930s the pilots' guild sold its boats.")[0]?.prompt).toBe(
      "Which decades fill the blanks? In the late _____ and _____ the pilots' guild sold its boats.",
    );
    expect(pairs("Ferry traffic grew in the 1990s and the early 2000s.")[0]?.answer).toBe("1990s and 2000s");
  });

  it("are not two of a longer list, decades that run backwards, or decades in brackets", () => {
    expect(pairs("Ferries were rebuilt in the 1950s, 1960s and 1970s.")).toEqual([]);
    expect(pairs("Ferries were rebuilt in the 1950s and 1960s and 1970s.")).toEqual([]);
    expect(pairs("Ferries were rebuilt in the 1970s and 1960s.")).toEqual([]);
    expect(pairs("The ferry guild (busiest in the 1950s and 1960s) survives.")).toEqual([]);
    // "and" joining two decades needs "the" before them: "by 1880s and" is no date.
    expect(pairs("Prices rose 1880s and 1890s alike.")).toEqual([]);
    expect(pairs("Ferries were rebuilt in the 1950s and the 1960s and 1970s.")).toEqual([]);
    // Centuries as often as decades; a year of either decade shown gives the pair away.
    expect(pairs("Ferries were rebuilt in the 1800s and 1900s.")).toEqual([]);
    expect(pairs("Founded in 1864, the ferry guild grew in the 1860s and 1870s.")).toEqual([null]);
  });
});
