import { askingStem, introducedLists, listQuestions } from "~/content/questions/list-questions";
import type { Block, LessonDraft } from "~/content/types";

function lesson(title: string, blocks: Block[]): LessonDraft {
  return { title, slug: title.toLowerCase().replace(/\W+/g, "-"), position: 0, line: 1, blocks, text: "", readingMinutes: 1 };
}
const paragraph = (text: string, line = 1): Block => ({ kind: "paragraph", text, line });
const list = (items: string[], line = 2): Block => ({ kind: "list", ordered: false, items, line });

/** Lists written for these tests: a harbour course whose lessons each introduce a list with a lead-in. */
const course = [
  {
    lessons: [
      lesson("Harbour masters", [
        paragraph("A harbour master keeps a port safe and orderly. Key duties of a harbour master include:"),
        list(["Assigning berths to arriving vessels.", "Issuing navigation warnings to pilots.", "Inspecting mooring lines after storms."]),
        paragraph("Storms damage quays every winter. These repairs typically include the following steps:"),
        list(["Surveying cracked concrete blocks", "Pumping out flooded cellars", "Replacing broken bollards"]),
      ]),
      lesson("Fishing fleets", [
        paragraph("The following factors decide the size of a fishing fleet:"),
        list(["Quotas set by regional councils", "Fuel prices over the season", "Demand from canneries"]),
        paragraph("Fish stocks are recorded by every port."),
        list(["Cod: about 2,000 tonnes", "Herring: about 5,000 tonnes", "Mackerel: about 800 tonnes"]),
      ]),
    ],
  },
  {
    lessons: [
      lesson("Lighthouses", [
        paragraph("Keepers once lived beside every light. Their routine involved:"),
        list(["Trimming lamp wicks at dusk", "Polishing brass lenses daily", "Logging passing ships by name"]),
      ]),
    ],
  },
];

describe("lead-ins asked as questions", () => {
  it("rewords the lead-in to ask which of the following, or returns null for a shape it cannot ask", () => {
    expect(askingStem("The following factors decide the size of a fishing fleet")).toBe(
      "Which of the following factors decide the size of a fishing fleet?",
    );
    expect(askingStem("These repairs typically include the following steps")).toBe("These repairs typically include which of the following steps?");
    expect(askingStem("Key duties of a harbour master include")).toBe("Key duties of a harbour master include which of the following?");
    expect(askingStem("Here is what happened next")).toBeNull();
  });
});

describe("list questions", () => {
  const lists = introducedLists(course);

  it("asks an item of a list against items of other lists that share no content word with it", () => {
    const qs = listQuestions(lists, 0, 0);
    const duty = qs.find((q) => q.answer === "Assigning berths to arriving vessels");
    // The sentence before says what the list is about, and stands alone: shown first.
    expect(duty?.prompt).toBe("A harbour master keeps a port safe and orderly. Key duties of a harbour master include which of the following?");
    expect(duty?.options).toHaveLength(4);
    expect(duty?.options).toContain(duty?.answer);
    const duties = ["Assigning berths to arriving vessels", "Issuing navigation warnings to pilots", "Inspecting mooring lines after storms"];
    for (const wrong of duty!.options.filter((o) => o !== duty!.answer)) {
      expect(duties).not.toContain(wrong);
      expect(lists.some((l) => l.items.includes(wrong))).toBe(true);
    }
    // The source shows the lead-in and the whole list, so a reviewer sees why the key is right.
    expect(duty?.source.sentence).toContain("Key duties of a harbour master include: Assigning berths");
  });

  it("shows the sentence before a lead-in that points back, and never one that leans on text before it", () => {
    const repair = listQuestions(lists, 0, 0).find((q) => q.answer === "Surveying cracked concrete blocks");
    expect(repair?.prompt).toBe("Storms damage quays every winter. These repairs typically include which of the following steps?");
    const leaning = introducedLists([
      { lessons: [lesson("Docks", [paragraph("Docks were rebuilt. This work typically included the following steps:"), list(["Draining the old basin", "Laying new timber piles", "Sealing the lock gates"])])] },
    ]);
    // A lead-in that points back ("This work") is asked after the sentence before it, which stands alone; with no such sentence, not at all.
    expect(leaning[0]?.stem).toBe("Docks were rebuilt. This work typically included which of the following steps?");
    const unresolved = introducedLists([
      { lessons: [lesson("Docks", [paragraph("Then they were rebuilt. This work typically included the following steps:"), list(["Draining the old basin", "Laying new timber piles", "Sealing the lock gates"])])] },
    ]);
    expect(unresolved).toEqual([]);
  });

  it("leaves out a glossary's entries ('Cod: about 2,000 tonnes'): they are no list of one kind", () => {
    expect(listQuestions(lists, 0, 1).some((q) => q.answer.includes(":"))).toBe(false);
    expect(lists.some((l) => l.items.some((i) => i.includes(":")))).toBe(false);
  });

  it("asks one question per list: its items would share one prompt", () => {
    expect(listQuestions(lists, 0, 0).map((q) => q.prompt)).toHaveLength(2);
  });

  it("asks nothing without three wrong options that share no word with the list", () => {
    // Only one other list's items are free of this list's words: not enough for three options of another list each.
    const lonely = introducedLists([{ lessons: [course[0].lessons[1]] }]);
    expect(listQuestions(lonely, 0, 0)).toEqual([]);
  });
});
