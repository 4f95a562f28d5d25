import { CARDS_PER_LESSON, DECK_QUALITY_BAR, FACTS_PER_SENTENCE, chooseDeckQuestions, chooseModuleDecks, practiceOrder, restatedEarlier } from "~/learning/deck";

const question = (i: number, quality: number, sentence = i, type = "cloze", answer = `answer ${i}`) => ({
  id: `q${i}`,
  siblingKey: `sentence-${sentence}`,
  quality,
  type,
  prompt: `Prompt ${i} _____.`,
  answer,
});

describe("choosing a lesson's cards", () => {
  it("takes the best-ranked questions, on FACTS_PER_SENTENCE facts of a sentence at most and 24 per lesson", () => {
    const perSentence = FACTS_PER_SENTENCE + 1;
    const ranked = Array.from({ length: 100 }, (_, i) => question(i, 0.9 - i / 1000, Math.floor(i / perSentence)));
    const chosen = chooseDeckQuestions(ranked);
    expect(chosen).toHaveLength(CARDS_PER_LESSON);
    // The sentence's last fact is left out; the next sentence's first is taken.
    const firstSentence = Array.from({ length: FACTS_PER_SENTENCE }, (_, i) => `q${i}`);
    expect(chosen.slice(0, FACTS_PER_SENTENCE + 1).map((q) => q.id)).toEqual([...firstSentence, `q${perSentence}`]);
  });

  it("asks a dense sentence's facts past FACTS_PER_SENTENCE once every other sentence has had its turn, while the deck has room", () => {
    const dense = Array.from({ length: FACTS_PER_SENTENCE + 2 }, (_, i) => question(i, 0.95 - i / 100, 1));
    const other = question(50, 0.6, 2);
    const chosen = chooseDeckQuestions([...dense, other]).map((q) => q.id);
    expect(chosen).toEqual([...dense.map((q) => q.id), "q50"]);
    // Below the bar or a second form of a chosen key, it still stays out.
    const low = question(60, DECK_QUALITY_BAR - 0.1, 1);
    const again = { ...question(61, 0.9, 1, "short_answer"), answer: "answer 0" };
    expect(chooseDeckQuestions([...dense, again, low]).map((q) => q.id)).toEqual(dense.map((q) => q.id));
  });

  it("asks one fact of a sentence once: a second form of the same key is left out, another key of it is not", () => {
    const cloze = { ...question(0, 0.9, 1), prompt: "The council met in _____ in 1815.", answer: "Vienna" };
    const typed = { ...question(1, 0.85, 1, "short_answer"), prompt: "Which city fills the blank? The council met in _____ in 1815.", answer: "Vienna" };
    // Its sibling shows "Vienna", and "Vienna"'s prompt shows 1815: siblings are never shown on one day, so both stay.
    const year = { ...question(2, 0.8, 1, "numeric"), prompt: "The council met in Vienna in _____.", answer: "1815" };
    expect(chooseDeckQuestions([cloze, typed, year]).map((q) => q.id)).toEqual(["q0", "q2"]);
  });

  it("leaves out every question below the quality bar, however few remain", () => {
    const ranked = [question(0, 0.9), question(1, DECK_QUALITY_BAR), question(2, DECK_QUALITY_BAR - 0.01), question(3, 0.1)];
    expect(chooseDeckQuestions(ranked).map((q) => q.id)).toEqual(["q0", "q1"]);
    expect(chooseDeckQuestions([question(0, 0.2)])).toEqual([]);
  });

  it("leaves true/false statements in the bank, out of decks", () => {
    const truth = question(0, 0.9, 0, "true_false", "True");
    const lie = question(1, 0.85, 1, "true_false", "False");
    expect(chooseDeckQuestions([truth, lie, question(2, 0.7)]).map((q) => q.id)).toEqual(["q2"]);
  });

  it("leaves out a question whose key another chosen prompt shows, or that asks a chosen key again", () => {
    const shows = { ...question(1, 0.8), prompt: "The council of Vienna was chaired by _____.", answer: "Metternich" };
    const givenAway = { ...question(2, 0.7), prompt: "In _____ the council was chaired by Metternich.", answer: "Vienna" };
    const again = { ...question(3, 0.6), prompt: "The congress was hosted by _____.", answer: "Metternich" };
    const other = { ...question(4, 0.55), prompt: "The treaty was signed in _____.", answer: "Paris" };
    expect(chooseDeckQuestions([shows, givenAway, again, other]).map((q) => q.id)).toEqual(["q1", "q4"]);
    // A number shown in another sentence's prompt among other words is another fact's: both years are asked. Shown
    // among the words around the other's blank, it is the same fact restated, and gives it away. A name shown
    // in another prompt still gives its question away.
    const opened = { ...question(5, 0.8, 5, "numeric"), prompt: "The congress opened in September _____.", answer: "1814" };
    const treaty = { ...question(8, 0.75, 8, "numeric"), prompt: "After Waterloo, a second treaty was signed at Paris in November _____, a year after the 1814 peace.", answer: "1815" };
    const restated = { ...question(9, 0.72, 9, "numeric"), prompt: "The congress, which had opened in 1814, ended in June _____.", answer: "1815" };
    const city = { ...question(10, 0.7, 10, "short_answer"), prompt: "The congress met in _____.", answer: "Vienna" };
    const host = { ...question(11, 0.65, 11, "short_answer"), prompt: "In Vienna, the congress was chaired by _____.", answer: "Metternich" };
    expect(chooseDeckQuestions([opened, treaty, restated, city, host]).map((q) => q.id)).toEqual(["q5", "q8", "q10"]);
    // Without the treaty, the restatement is left out for its 1814, not for asking 1815 again.
    expect(chooseDeckQuestions([opened, restated]).map((q) => q.id)).toEqual(["q5"]);
    // A key that holds a chosen one asks the same fact.
    const dated = { ...question(6, 0.8), prompt: "The congress opened on _____.", answer: "1 November 1814" };
    const month = { ...question(7, 0.7), prompt: "Delegates arrived by _____ 1814.", answer: "1 November" };
    expect(chooseDeckQuestions([dated, month, other]).map((q) => q.id)).toEqual(["q6", "q4"]);
    // A year another sentence's date holds is another fact unless the words around both blanks say the same thing.
    const subsidies = { ...question(12, 0.8, 12, "numeric"), prompt: "From January _____ the king received French subsidies.", answer: "1631" };
    const battle = { ...question(13, 0.75, 13), prompt: "The king crushed the imperial army at Breitenfeld on _____.", answer: "17 September 1631" };
    const battleAgain = { ...question(14, 0.7, 14, "numeric"), prompt: "The imperial army was crushed at Breitenfeld in _____.", answer: "1631" };
    expect(chooseDeckQuestions([subsidies, battle, battleAgain]).map((q) => q.id)).toEqual(["q12", "q13"]);
  });

  it("chooses a key that many other prompts show last, so it does not keep them all out", () => {
    const subject = { ...question(1, 0.9), prompt: "The canal crosses _____ from north to south.", answer: "Panama" };
    const opened = { ...question(2, 0.8), prompt: "The canal across Panama opened in _____.", answer: "1914" };
    const cost = { ...question(3, 0.7), prompt: "Building in Panama cost _____ lives.", answer: "5,600" };
    const locks = { ...question(4, 0.6), prompt: "Ships rise _____ in the locks.", answer: "26 metres" };
    expect(chooseDeckQuestions([subject, opened, cost, locks]).map((q) => q.id)).toEqual(["q2", "q3", "q4"]);
    // Shown by one other prompt only, it is chosen in its rank, and that one waits out.
    expect(chooseDeckQuestions([subject, opened, locks]).map((q) => q.id)).toEqual(["q1", "q4"]);
  });
});

describe("a module's decks", () => {
  it("asks a fact stated again in a later lesson once, in the first lesson's deck, and the later sentence's other facts", () => {
    // The later lesson restates "93 task forces" (the first statement's sibling group) and adds a year.
    const first = { ...question(0, 0.9, 1, "numeric"), prompt: "The board set up _____ task forces.", answer: "93" };
    const again = { ...question(1, 0.9, 1, "numeric"), prompt: "By 2004 the board had _____ task forces.", answer: "93" };
    const year = { ...question(2, 0.8, 1, "numeric"), prompt: "By _____ the board had 93 task forces.", answer: "2004" };
    const other = { ...question(3, 0.7, 4), prompt: "The board met in _____.", answer: "Varna" };
    const [one, two] = chooseModuleDecks([[first], [again, year, other]]);
    expect(one.map((q) => q.id)).toEqual(["q0"]);
    expect(two.map((q) => q.id)).toEqual(["q2", "q3"]);
    // A different fact with the same number (another sibling group) is asked in its own lesson.
    const unrelated = { ...question(5, 0.9, 7, "numeric"), prompt: "The ferry carried _____ passengers.", answer: "93" };
    expect(chooseModuleDecks([[first], [unrelated]])[1].map((q) => q.id)).toEqual(["q5"]);
    // An instructor's vouching beats it.
    const vouched = { ...again, curation: "accepted" as const };
    expect(chooseModuleDecks([[first], [vouched]])[1].map((q) => q.id)).toEqual(["q1"]);
    // Each lesson alone gives what chooseDeckQuestions gives.
    expect(chooseModuleDecks([[again, year, other]])[0]).toEqual(chooseDeckQuestions([again, year, other]));
    // The first lesson's question is what starting the later one adds for the fact it states again; none for the unrelated 93.
    expect(restatedEarlier([again, year, other], [one]).map((q) => q.id)).toEqual(["q0"]);
    expect(restatedEarlier([unrelated], [one])).toEqual([]);
  });
});

describe("keys the prompt spells out", () => {
  it("leaves out an acronym key whose full name the prompt shows", () => {
    const spelled = { ...question(0, 0.9), prompt: "Ships of the Northern Harbour Union sail at dawn. Later the _____ closed its ports.", answer: "NHU" };
    expect(chooseDeckQuestions([spelled, question(1, 0.8)]).map((q) => q.id)).toEqual(["q1"]);
  });
});

describe("the order of practice", () => {
  it("never puts two questions of one sentence back to back, and keeps the best first otherwise", () => {
    const deck = [question(0, 0.9, 1), question(1, 0.8, 1), question(2, 0.7, 2), question(3, 0.6, 2), question(4, 0.55, 3)];
    const order = practiceOrder(deck);
    expect(order.map((q) => q.id)).toEqual(["q0", "q2", "q1", "q3", "q4"]);
    for (let i = 1; i < order.length; i++) expect(order[i].siblingKey).not.toBe(order[i - 1].siblingKey);
  });

  it("puts a group holding more than the rest can separate first, so each of its questions finds a place", () => {
    const deck = [question(0, 0.9, 1), question(1, 0.8, 2), question(2, 0.7, 3), question(3, 0.6, 3), question(4, 0.5, 3)];
    const order = practiceOrder(deck);
    expect(order).toHaveLength(deck.length);
    for (let i = 1; i < order.length; i++) expect(order[i].siblingKey).not.toBe(order[i - 1].siblingKey);
    expect(order[0].id).toBe("q2");
  });

  it("leaves out a sibling that could only follow its own", () => {
    expect(practiceOrder([question(0, 0.9, 1), question(1, 0.8, 1)]).map((q) => q.id)).toEqual(["q0"]);
  });
});

describe("a module's policy of which questions reach learners", () => {
  const vouched = (i: number, quality: number, curation: "accepted" | "edited" | "hand_written" = "accepted", sentence = i) => ({
    ...question(i, quality, sentence),
    curation,
  });

  it("admits what an instructor vouched for whatever its estimate or flags, under either policy", () => {
    const flagged = { ...vouched(1, 0.1, "edited"), prompt: "In _____, he mapped the river." };
    const ranked = [question(0, 0.9), flagged, vouched(2, 0.2, "hand_written"), question(3, 0.3)];
    expect(chooseDeckQuestions(ranked).map((q) => q.id)).toEqual(["q0", "q1", "q2"]);
    expect(chooseDeckQuestions(ranked, { learnerQuestions: "accepted", qualityBar: null }).map((q) => q.id)).toEqual(["q1", "q2"]);
  });

  it("sets the quality bar per module, the default bar when it sets none", () => {
    const ranked = [question(0, 0.9), question(1, 0.7), question(2, DECK_QUALITY_BAR)];
    expect(chooseDeckQuestions(ranked, { learnerQuestions: "quality", qualityBar: 0.8 }).map((q) => q.id)).toEqual(["q0"]);
    expect(chooseDeckQuestions(ranked, { learnerQuestions: "quality", qualityBar: null }).map((q) => q.id)).toEqual(["q0", "q1", "q2"]);
  });

  it("takes FACTS_PER_SENTENCE facts of a sentence, vouched ones before a generated sibling ranked above them, that one only once others have had their turn", () => {
    const vouchedOnes = Array.from({ length: FACTS_PER_SENTENCE }, (_, i) => vouched(i + 1, 0.6 - i / 100, "accepted", 1));
    const ranked = [question(0, 0.9, 1), ...vouchedOnes, question(99, 0.8, 2)];
    expect(chooseDeckQuestions(ranked).map((q) => q.id)).toEqual(["q0", ...vouchedOnes.map((q) => q.id), "q99"]);
    // A full deck has no room for it.
    const others = Array.from({ length: CARDS_PER_LESSON - FACTS_PER_SENTENCE }, (_, i) => question(200 + i, 0.7, 200 + i));
    const full = chooseDeckQuestions([question(0, 0.9, 1), ...vouchedOnes, ...others]);
    expect(full).toHaveLength(CARDS_PER_LESSON);
    expect(full.map((q) => q.id)).not.toContain("q0");
  });

  it("fills a full deck with vouched questions before generated ones, then shows them in the bank's order", () => {
    const generated = Array.from({ length: CARDS_PER_LESSON }, (_, i) => question(i, 0.9));
    const late = vouched(100, 0.3);
    const chosen = chooseDeckQuestions([...generated, late]);
    expect(chosen).toHaveLength(CARDS_PER_LESSON);
    expect(chosen.at(-1)!.id).toBe("q100");
    expect(chosen.map((q) => q.id)).not.toContain(`q${CARDS_PER_LESSON - 1}`);
  });
});
