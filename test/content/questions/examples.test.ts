import { sentenceCandidates } from "~/content/questions/candidates";
import { exampleList, exampleListQuestion } from "~/content/questions/examples";
import { generateQuestions } from "~/content/questions/index";
import { lessonSentences } from "~/content/questions/nlp";
import type { LessonDraft } from "~/content/types";
import { gradeResponse } from "~/questions/grade";

function lesson(text: string, title = "Harbour towns"): LessonDraft {
  return { title, slug: "t", position: 0, line: 1, blocks: [{ kind: "paragraph", text, line: 1 }], text, readingMinutes: 1 };
}

/** The example list of a one-sentence paragraph, or null. */
function listOf(text: string) {
  const [sentence] = lessonSentences(lesson(text));
  return exampleList(sentence, sentenceCandidates(sentence));
}

describe("lists of named examples", () => {
  it("asks for any one of the names a sentence gives as examples of its subject", () => {
    const list = listOf("Guilds such as the Weavers Company, the Salters Guild and the Coopers Union regulated apprenticeships in the port.");
    expect(list).not.toBeNull();
    const q = exampleListQuestion(list!);
    expect(q.prompt).toBe("The lesson names guilds that regulated apprenticeships in the port. Name one.");
    expect(q.answer).toBe("the Weavers Company, the Salters Guild or the Coopers Union");
    for (const name of ["Salters Guild", "the Coopers Union", "weavers company"]) expect(gradeResponse({ ...q, accepted: q.accepted }, name).verdict).toBe("correct");
    expect(gradeResponse({ ...q, accepted: q.accepted }, "Carpenters Hall").verdict).toBe("wrong");
  });

  it("splits names the name finder joined with 'and', and keeps a bracketed short name as another answer", () => {
    const list = listOf("Ferry lines, including Brandt, Oster and Kalm, carried grain across the sound.");
    expect(list?.items).toEqual(["Brandt", "Oster", "Kalm"]);
    const bracketed = listOf("Lighthouse boards such as the Northern Lighthouse Board (NLB) and Trinity House maintained the beacons.");
    expect(bracketed?.items).toEqual(["the Northern Lighthouse Board", "Trinity House"]);
    expect(exampleListQuestion(bracketed!).accepted).toContain("NLB");
  });

  it("reads the examples as an object of the clause that opens the sentence, with a purpose after them", () => {
    const list = listOf("The port authority built breakwaters like the Long Mole and the Eastern Arm to shelter the anchorage.");
    expect(exampleListQuestion(list!).prompt).toBe(
      "The lesson names breakwaters that the port authority built to shelter the anchorage. Name one.",
    );
  });

  it("reads a relative clause after the list as what each example does, wherever the list stands", () => {
    const list = listOf("Trade depended on guilds, such as the Salters Guild and the Coopers Union, which set prices in the port.");
    expect(exampleListQuestion(list!).prompt).toBe("The lesson names guilds that set prices in the port. Name one.");
  });

  it("keeps an opening that says where or when, and drops one that only links to the sentence before", () => {
    expect(exampleListQuestion(listOf("In Norway, towns such as Bergen and Trondheim traded dried fish.")!).prompt).toBe(
      "The lesson names towns that, in Norway, traded dried fish. Name one.",
    );
    expect(exampleListQuestion(listOf("Moreover, towns such as Bergen and Trondheim traded dried fish.")!).prompt).toBe(
      "The lesson names towns that traded dried fish. Name one.",
    );
  });

  it("keeps names that are countries or people whatever their endings, and leaves out names that modify a noun", () => {
    expect(listOf("Ports such as Japan and Oman traded pearls with the guild.")?.items).toEqual(["Japan", "Oman"]);
    expect(listOf("Cities such as Munich and Zurich sent grain to the port.")?.items).toEqual(["Munich", "Zurich"]);
  });

  it("leaves out a clause its comma interrupts, and lowers a first word that is no name", () => {
    expect(listOf("Towns such as Bergen and Trondheim did not always, despite the treaty, pay their dues.")).toBeNull();
    expect(exampleListQuestion(listOf("Merchants traded with ports such as Venice and Genoa to buy spices.")!).prompt).toBe(
      "The lesson names ports that merchants traded with to buy spices. Name one.",
    );
  });

  it("leaves alone lists it cannot read whole: one name, a pronoun subject, a pointer, an aside, adjectives", () => {
    expect(listOf("Towns such as Bergen traded dried fish.")).toBeNull();
    expect(listOf("They traded with towns such as Bergen and Trondheim.")).toBeNull();
    expect(listOf("Towns such as Bergen and Trondheim traded this fish.")).toBeNull();
    expect(listOf("Herring, which towns such as Bergen and Trondheim traded, spoiled quickly.")).toBeNull();
    expect(listOf("Fleets such as the Danish and Swedish fleets patrolled the sound.")).toBeNull();
    // The examples belong to the second of two clauses: what precedes them is not said of them.
    expect(listOf("Salt came from Lüneburg and reached towns such as Bergen and Trondheim.")).toBeNull();
  });

  it("is not asked where its claim names what the sentence before named", () => {
    const text =
      "The Varna Harbour Board was set up in 1850. Later, guilds such as the Weavers Company and the Salters Guild regulated the board's apprenticeships in the port.";
    const [[{ questions }]] = generateQuestions([{ key: "m", lessons: [lesson(text)] }]);
    expect(questions.some((q) => q.source.sentence.startsWith("Later, guilds"))).toBe(true);
    expect(questions.filter((q) => q.prompt.startsWith("The lesson names"))).toEqual([]);
  });

  it("is a question of the bank, a sibling of the sentence's other questions", () => {
    const text =
      "The harbour grew quickly after 1720. Guilds such as the Weavers Company, the Salters Guild and the Coopers Union regulated apprenticeships in the port.";
    const [[{ questions }]] = generateQuestions([{ key: "m", lessons: [lesson(text)] }]);
    const named = questions.find((q) => q.prompt.startsWith("The lesson names guilds"));
    expect(named).toBeDefined();
    const others = questions.filter((q) => q !== named && q.source.sentence === named!.source.sentence);
    expect(others.length).toBeGreaterThan(0);
    for (const q of others) expect(q.siblingKey).toBe(named!.siblingKey);
  });
});
