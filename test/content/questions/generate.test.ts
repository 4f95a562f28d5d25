import { generateQuestions, type ModuleInput } from "~/content/questions";
import type { Block, LessonDraft, Question } from "~/content/types";
import type { Candidate } from "~/content/questions/candidates";
import { multipleChoice, type Fact } from "~/content/questions/forms";
import type { Sentence } from "~/content/questions/nlp";
import { DECK_QUALITY_BAR } from "~/learning/deck";
import { questionFlags } from "~/questions/flags";

function lesson(title: string, paragraphs: string[], extra: Block[] = []): LessonDraft {
  const blocks: Block[] = [...paragraphs.map((text, i) => ({ kind: "paragraph" as const, text, line: i + 2 })), ...extra];
  return { title, slug: title.toLowerCase().replace(/\W+/g, "-"), position: 0, line: 1, blocks, text: paragraphs.join("\n"), readingMinutes: 1 };
}

const harbours: ModuleInput = {
  key: "harbours",
  lessons: [
    lesson("Harbour safety", [
      "The International Maritime Organization (IMO) was founded in 1948 in Geneva.",
      "Pilots must rest for 10 hours between two shifts.",
      "The Harbour Safety Code was adopted in 1965, and the Port State Control Agreement followed in 1982.",
      "A vessel that anchors without permission is known as a rogue anchorer. It is fined under the Harbour Safety Code, which was revised in 2004 after a collision in Rotterdam.",
      "Every member of IMO sends delegates to London each year.",
    ]),
    lesson("Ports and cities", [
      "The port of Valparaiso grew quickly after 1850, when the railway to Santiago opened.",
      "Dock workers at Hamburg formed a union in 1897 and struck for 11 weeks.",
    ]),
  ],
};
const rivers: ModuleInput = {
  key: "rivers",
  lessons: [
    lesson("River commissions", [
      "The Danube Commission, based in Budapest, was set up in 1921.",
      "The Rhine Commission meets twice a year and keeps 25 inspectors on the river.",
      "Barges on the Rhine may travel for 14 hours a day.",
    ]),
  ],
};

const all = () => generateQuestions([harbours, rivers]);
/** The typed (short-answer) question with this key. */
const typedQuestion = (qs: readonly Question[], answer: string) => qs.find((q) => q.type === "short_answer" && q.answer === answer);
/** The highest estimate among the questions with this key, true/false aside (0 when there is none). */
const bestEstimate = (qs: readonly Question[], answer: string) =>
  Math.max(0, ...qs.filter((q) => q.answer === answer && q.type !== "true_false").map((q) => q.quality));
/** The questions of one lesson made of `text`. */
const lessonQuestions = (text: string) => generateQuestions([{ key: "k", lessons: [lesson("Estimates", [text])] }])[0][0].questions;
const questions = (m: number, l: number) => all()[m][l].questions;
const answersOf = (qs: Question[]) => new Set(qs.map((q) => q.answer));

describe("generateQuestions", () => {
  it("asks about years as numeric questions, answer written as a year", () => {
    const qs = questions(0, 0).filter((q) => q.type === "numeric" && q.answer === "1948");
    expect(qs).toHaveLength(1);
    expect(qs[0].numeric).toEqual({ value: 1948, unit: null, tolerance: 0 });
    expect(qs[0].prompt).toBe("Which year fills the blank? The International Maritime Organization (IMO) was founded in _____ in Geneva.");
  });

  it("keeps the unit with a quantity", () => {
    const q = questions(0, 0).find((x) => x.type === "numeric" && x.answer === "10 hours");
    expect(q?.numeric).toEqual({ value: 10, unit: "hours", tolerance: 0 });
  });

  it("accepts an acronym and its full name for each other", () => {
    // Where the prompt does not show the full name (beside the acronym, it would give the key away).
    const acronym = questions(0, 0).find((q) => q.answer === "IMO" && q.type === "cloze" && !q.prompt.includes("Maritime"));
    expect(acronym?.accepted).toEqual(expect.arrayContaining(["IMO", "International Maritime Organization"]));
  });

  it("accepts the other spelling the module itself uses for a name, and nothing for a different name", () => {
    const ferries: ModuleInput = {
      key: "ferries",
      lessons: [
        lesson("Crossings", [
          "The ferry line was founded by Oskar Brevander in 1911 at Tessaly.",
          "Brevander sold the line to the Corran Shipping Board in 1930.",
        ]),
        lesson("Records", [
          "Later ledgers spell the founder's name Brevandor, after a clerk's habit.",
          "His rival Trevander ran boats from Tessaly to Nolmark.",
        ]),
      ],
    };
    const qs = generateQuestions([ferries]).flatMap((lessons) => lessons.flatMap((l) => l.questions));
    const founder = qs.filter((q) => q.answer === "Brevander");
    expect(founder.length).toBeGreaterThan(0);
    for (const q of founder) expect(q.accepted).toContain("Brevandor");
    for (const q of qs.filter((x) => x.answer === "Trevander")) expect(q.accepted).not.toContain("Brevander");
  });

  it("asks about defined terms", () => {
    expect(answersOf(questions(0, 0))).toContain("rogue anchorer");
  });

  it("offers a year's multiple choice among other years, nearest first, from lesson then module then course", () => {
    const mcq = questions(0, 0).find((q) => q.type === "multiple_choice" && q.answer === "1948");
    expect(mcq?.options).toHaveLength(4);
    for (const option of mcq!.options!) expect(option).toMatch(/^\d{4}$/);
    expect(mcq!.options).toEqual(expect.arrayContaining(["1948", "1965", "1982"]));
  });

  it("pairs a true statement with a falsified twin that appears nowhere in the material", () => {
    const pair = questions(0, 0).filter((q) => q.type === "true_false" && q.source.sentence.includes("founded in 1948"));
    const truths = pair.filter((q) => q.answer === "True");
    const lies = pair.filter((q) => q.answer === "False");
    // One true statement per sentence (the same words for every fact in it); a twin per fact.
    expect(truths).toHaveLength(1);
    expect(lies.length).toBeGreaterThan(0);
    expect(lies.map((q) => q.siblingKey)).toContain(truths[0].siblingKey);
    // The sentence's later facts ("Geneva" after "1948") keep their own twins.
    expect(new Set(lies.map((q) => q.prompt)).size).toBeGreaterThan(1);
    const material = [harbours, rivers].flatMap((m) => m.lessons.map((l) => l.text)).join(" ");
    for (const lie of lies) {
      expect(lie.options).toEqual(["True", "False"]);
      expect(material).not.toContain(lie.prompt.replace("True or false: ", ""));
    }
  });

  it("resolves a sentence that opens with 'It' by showing the sentence before it", () => {
    const q = questions(0, 0).find((x) => x.answer === "2004" && x.type === "numeric");
    expect(q?.prompt).toBe(
      "Which year fills the blank? A vessel that anchors without permission is known as a rogue anchorer. It is fined under the Harbour Safety Code, which was revised in _____ after a collision in Rotterdam.",
    );
    for (const x of all().flat(2).flatMap((l) => l.questions)) expect(x.prompt).not.toMatch(/^(True or false: )?(It|This|They) /);
  });

  it("gives every question made from one sentence the same sibling key, and other sentences other keys", () => {
    const fromSentence = questions(1, 0).filter((q) => q.source.sentence.includes("1921"));
    expect(new Set(fromSentence.map((q) => q.answer)).size).toBeGreaterThan(1);
    const keys = new Set(fromSentence.map((q) => q.siblingKey));
    expect(keys.size).toBe(1);
    const other = questions(1, 0).find((q) => !q.source.sentence.includes("1921"));
    expect(other && keys.has(other.siblingKey)).toBe(false);
  });

  it("puts a question shown with the sentence before it in that sentence's sibling group", () => {
    const lessonQuestions = questions(0, 0);
    const before = "A vessel that anchors without permission is known as a rogue anchorer.";
    const shownAfter = lessonQuestions.filter((q) => q.source.sentence.startsWith("It is fined"));
    expect(shownAfter.length).toBeGreaterThan(0);
    for (const q of shownAfter) {
      expect(q.prompt).toContain(before);
      expect(q.siblingSentence).toBe(before);
    }
    const ownQuestions = lessonQuestions.filter((q) => q.source.sentence === before);
    expect(ownQuestions.length).toBeGreaterThan(0);
    expect(new Set([...shownAfter, ...ownQuestions].map((q) => q.siblingKey)).size).toBe(1);
    // A question that shows only its own sentence names no other.
    expect(ownQuestions.every((q) => q.siblingSentence === undefined)).toBe(true);
  });

  it("keeps every question of one sentence in one sibling group, whether its prompt shows the sentence before or not", () => {
    const text = "Ana Bek founded the Varna Harbour Board at Ostrava in 1840. The board built 12 stone piers at Ostrava in 1851.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Piers", [text])] }]);
    const fromSecond = qs.filter((q) => q.source.sentence.startsWith("The board built"));
    // "Ostrava" is in the sentence before: shown with it, that prompt would give its key away, so it is not.
    expect(fromSecond.some((q) => q.prompt.includes("Ana Bek founded"))).toBe(true);
    expect(fromSecond.some((q) => !q.prompt.includes("Ana Bek founded"))).toBe(true);
    expect(new Set(fromSecond.map((q) => q.siblingKey)).size).toBe(1);
  });

  it("estimates a body's name cut short, which the module writes whole elsewhere, as a fragment, and the whole name as usual", () => {
    const text =
      "The Black Sea Harbour Fusion Centre opened at Varna in 1990 to pool reports from twelve ports. The Fusion Centre has played a critical role in stopping smugglers by sharing intelligence across the coast.";
    expect(bestEstimate(lessonQuestions(text), "Fusion Centre")).toBeLessThan(DECK_QUALITY_BAR);
    expect(bestEstimate(lessonQuestions(text), "Black Sea Harbour Fusion Centre")).toBeGreaterThanOrEqual(DECK_QUALITY_BAR);
    // A name after "of the" in a longer one is that one's complement, whole in itself: estimated on its merits, not capped.
    const union = "The Council of the Black Sea Union meets in Varna. The Black Sea Union was founded by the Treaty of Burgas in 1993.";
    expect(bestEstimate(lessonQuestions(union), "Black Sea Union")).toBeGreaterThan(0.2);
  });

  it("estimates a plural common noun opening its sentence as raters did (none accepted), not a place's name", () => {
    const text = "Engineers estimate that the Varna quay carried 40,000 tonnes of grain in 1850. Athens imported most of that grain through the port of Piraeus.";
    expect(bestEstimate(lessonQuestions(text), "Engineers")).toBeLessThan(DECK_QUALITY_BAR);
    expect(bestEstimate(lessonQuestions(text), "Athens")).toBeGreaterThanOrEqual(DECK_QUALITY_BAR);
    // "Initiatives such as...", "Palaeographers have identified...": an act, and a scholar however rare the word.
    const openings = [
      ["Initiatives such as the Varna Harbour Compact show how ports can share pilots. The Compact was signed in 1991.", "Initiatives"],
      ["Hydrographers have mapped at least three wrecks off Varna since 1991. The largest lies at a depth of 40 metres.", "Hydrographers"],
      ["Scholars usually identify three main sources of the Varna dance: the Kastro song, the Marn reel and the Burgas march.", "Scholars"],
    ];
    for (const [text, key] of openings) {
      const qs = lessonQuestions(text);
      expect(qs.some((q) => q.answer === key)).toBe(true);
      expect(bestEstimate(qs, key)).toBeLessThan(DECK_QUALITY_BAR);
    }
    // A people is no generic class: "Vikings raided..." keeps its estimate.
    expect(bestEstimate(lessonQuestions("Vikings raided the monastery at Lindisfarne in 793 and carried off its silver."), "Vikings")).toBeGreaterThanOrEqual(0.3);
  });

  it("estimates a common noun opening its sentence before a verb of change as one of many, not a name", () => {
    const text = "Reform began in the late 1780s under the harbour master Ivo Marn, whose board regulated the pilots of Varna.";
    const qs = lessonQuestions(text);
    expect(qs.some((q) => q.answer === "Reform")).toBe(true);
    expect(bestEstimate(qs, "Reform")).toBeLessThan(DECK_QUALITY_BAR);
    // A name before the same verb is what the sentence is about.
    const named = lessonQuestions("Lindqvist began in the late 1780s to chart the harbour of Varna for the pilots' board.");
    expect(bestEstimate(named, "Lindqvist")).toBeGreaterThan(0.1);
  });

  it("asks a year in brackets after a treaty's name, estimated at what raters gave the form", () => {
    const text = "The Harbour League was founded at Burgas in 1761. Under the Treaty of Varna (1788) the port of Burgas passed to the Harbour League.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Treaties", [text])] }]);
    const dated = qs.filter((q) => q.answer === "1788" && q.type !== "true_false" && questionFlags(q).length === 0);
    expect(dated.some((q) => /Treaty of Varna \(_____\)/.test(q.prompt))).toBe(true);
    expect(Math.max(...dated.map((q) => q.quality))).toBeGreaterThanOrEqual(DECK_QUALITY_BAR);
    expect(Math.max(...dated.map((q) => q.quality))).toBeLessThanOrEqual(0.75);
  });

  it("puts questions asked outright in their sentence's group, and groups two steps back at most", () => {
    const listed =
      "The Harbour Safety Code was written in 1840. It was enforced by agencies such as the Northern Lighthouse Board (NLB) and Trinity House, which maintained the beacons at Ostrava in 1852.";
    const [[{ questions: listedQs }]] = generateQuestions([{ key: "k", lessons: [lesson("Beacons", [listed])] }]);
    const fromSecond = listedQs.filter((q) => q.source.sentence.startsWith("It was enforced"));
    expect(fromSecond.some((q) => q.prompt === "What does NLB stand for?")).toBe(true);
    expect(new Set(fromSecond.map((q) => q.siblingKey)).size).toBe(1);
    // A sentence shown with one that is itself shown with the sentence before joins that one's group: its prompt
    // shows the middle sentence's facts. A paragraph whose sentences each lean on the one before is not one group
    // past that: review would show one card a day.
    const chain =
      "Neptune was found by astronomers in 1846. Le Verrier calculated its position in 1845 at Paris. Galle saw it from Berlin on 23 September 1846. He reported it to Encke at the observatory within 3 hours.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Neptune", [chain])] }]);
    const keysOf = (opening: string) => new Set(qs.filter((q) => q.source.sentence.startsWith(opening)).map((q) => q.siblingKey));
    const [first, second, third, fourth] = ["Neptune", "Le Verrier", "Galle", "He reported"].map(keysOf);
    for (const keys of [second, third, fourth]) expect(keys.size).toBe(1);
    expect([...second][0]).toBe([...third][0]);
    expect([...first]).toEqual([...second]);
    expect([...fourth][0]).not.toBe([...second][0]);
  });

  it("puts a fact stated again in a later lesson in the first statement's sibling group, with its sentence's other questions", () => {
    const first = "The Varna Port Authority created 41 harbour patrol units in 1962.";
    const again = "Each of the 41 harbour patrol units reported to Captain Ilse Marek at Burgas.";
    const [lessons] = generateQuestions([
      { key: "k", title: "Black Sea ports", lessons: [lesson("Patrols", [first]), lesson("Command", [again])] },
    ]);
    const firstQs = lessons[0].questions.filter((q) => q.source.sentence === first);
    const againQs = lessons[1].questions.filter((q) => q.source.sentence === again);
    expect(firstQs.some((q) => q.answer === "41")).toBe(true);
    expect(againQs.some((q) => q.answer === "41")).toBe(true);
    // Every question of the later sentence, whatever it asks, joins: they are one sentence's siblings too.
    expect(againQs.some((q) => q.answer !== "41")).toBe(true);
    expect(new Set([...firstQs, ...againQs].map((q) => q.siblingKey)).size).toBe(1);
    expect(againQs.every((q) => q.siblingSentence === first)).toBe(true);
  });

  it("never moves a group whose questions are keyed: a sentence restating two earlier facts joins one, and a later restatement of the other joins that other", () => {
    const a = "The Varna Port Authority created 41 harbour patrol units in 1950.";
    const b = "Captain Ilse Marek founded the Burgas pilot school in 1962 with 30 cadets.";
    const c = "Both the 41 harbour patrol units and the Burgas pilot school with its 30 cadets trained together.";
    const d = "In 1962 Captain Ilse Marek founded the Burgas pilot school with 30 cadets.";
    const [lessons] = generateQuestions([
      { key: "k", title: "Black Sea ports", lessons: [lesson("A", [a]), lesson("B", [b]), lesson("C", [c]), lesson("D", [d])] },
    ]);
    const keyOf = (i: number) => new Set(lessons[i].questions.map((q) => q.siblingKey));
    for (const i of [0, 1, 2, 3]) expect(keyOf(i).size).toBe(1);
    const [ka, kb, kc, kd] = [0, 1, 2, 3].map((i) => [...keyOf(i)][0]);
    expect(kb).not.toBe(ka);
    // C joins the one it restates first; the other keeps its key, and its questions their siblings.
    expect([ka, kb]).toContain(kc);
    // D restates only B's fact: a sibling of B whatever C joined, not of A.
    expect(kd).toBe(kb);
  });

  it("keeps one number stated of other things, or sharing only the module's subject, in groups of its own", () => {
    const [lessons] = generateQuestions([
      {
        key: "k",
        title: "River pilots",
        lessons: [
          lesson("Licences", ["In 1901, 30 river pilots were licensed at Basel by the Rhine Commission."]),
          lesson("Floods", ["By 1920, 30 river pilots had drowned in the floods near Mannheim."]),
          lesson("Locks", ["The Kembs lock, opened in 1932, is 30 metres wide."]),
        ],
      },
    ]);
    const keyed30 = lessons.flatMap((l) => l.questions.filter((q) => q.answer === "30" || q.answer === "30 metres"));
    expect(new Set(keyed30.map((q) => q.source.sentence)).size).toBe(3);
    const groups = new Set(keyed30.map((q) => q.siblingKey));
    expect(groups.size).toBe(3);
  });

  it("estimates what a dictionary acronym stands for as general knowledge, and a course's own acronym as a fact worth asking", () => {
    const text =
      "The World Health Organization (WHO) listed the Varna Harbour Pilots Council (VHPC) as a partner in 1962. The VHPC trained 40 pilots a year.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Pilots", [text])] }]);
    const standsFor = (acronym: string) => qs.find((q) => q.prompt === `What does ${acronym} stand for?`);
    expect(standsFor("WHO")?.quality).toBeLessThan(0.2);
    expect(standsFor("VHPC")?.quality).toBeGreaterThan(0.5);
  });

  it("says what a blank asks for only where a dictionary does not know the name as something else", () => {
    // The finder takes a city's name for a first name; WordNet knows it only as a city.
    const text = "In 1903 Captain Ilse Marek moved the archive of the Varna Harbour Board to Alexandria in Egypt.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Archives", [text])] }]);
    const typed = (answer: string) => typedQuestion(qs, answer);
    expect(typed("Alexandria")?.prompt).toMatch(/^What fills the blank\?/);
    expect(typed("Ilse Marek")?.prompt).toMatch(/^Which person fills the blank\?/);
  });

  it("asks for no person where the name ends in a place's word, and for no organisation where it names an office", () => {
    const text =
      "The Varna Opera stands on Marek Point, a headland in Ostrava Harbour, in the Varna region. In 1985 the new President of the Varna Harbour Commission, Ilse Marek, made the port a priority.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Opera", [text])] }]);
    const typed = (answer: string) => typedQuestion(qs, answer);
    expect(typed("Ostrava Harbour")?.prompt).toMatch(/^What fills the blank\?/);
    expect(typed("President of the Varna Harbour Commission")?.prompt).toMatch(/^What fills the blank\?/);
    expect(typed("Ilse Marek")?.prompt).toMatch(/^Which person fills the blank\?/);
    // A name in quotation marks is what something was called.
    const [[{ questions: quoted }]] = generateQuestions([
      { key: "k", lessons: [lesson("Ideas", ['In 1962 Ilse Marek imagined a "Varna Harbour Network" through which pilots could share their charts.'])] },
    ]);
    expect(typedQuestion(quoted, "Varna Harbour Network")?.prompt).toMatch(/^What fills the blank\?/);
  });

  it("names no kind for a name joined to an adjective before a plural noun", () => {
    const text = "The charter protected Sami and Torres Bay Islander fishermen along the northern coast. Ivo Marn and Ana Bek founded the board.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Charter", [text])] }]);
    const typed = (answer: string) => typedQuestion(qs, answer);
    expect(typed("Sami")?.prompt).toMatch(/^What fills the blank\?/);
    expect(typed("Torres Bay Islander")?.prompt).toMatch(/^What fills the blank\?/);
    // Two people joined before a verb are people.
    expect(typed("Ana Bek")?.prompt).toMatch(/^Which person fills the blank\?/);
  });

  it("asks for a decade as a decade, and for a decade that may be a century plainly", () => {
    const text = "By the 1840s the Varna Harbour Board ran 12 ferries. In the 1800s the ferries of Ostrava carried coal.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Ferries", [text])] }]);
    const typed = (answer: string) => typedQuestion(qs, answer);
    expect(typed("1840s")?.prompt).toMatch(/^Which decade fills the blank\?/);
    expect(typed("1800s")?.prompt).toMatch(/^What fills the blank\?/);
  });

  it("estimates a name the lesson's title gives as one a learner reads off it, but not a year or a term", () => {
    const text = "In 1871 Ilse Marek opened the first glassworks in Ostrava, and by 1890 its furnaces burned coal.";
    const [[{ questions: titled }]] = generateQuestions([{ key: "k", lessons: [lesson("Ilse Marek and the glass of 1871", [text])] }]);
    const [[{ questions: plain }]] = generateQuestions([{ key: "k", lessons: [lesson("Glassworks", [text])] }]);
    expect(bestEstimate(titled, "Ilse Marek")).toBeLessThanOrEqual(0.05);
    expect(bestEstimate(plain, "Ilse Marek")).toBeGreaterThan(0.5);
    expect(bestEstimate(titled, "1871")).toBeGreaterThan(0.5);
  });

  it("estimates a key the document names in a tenth of its sentences as one a learner guesses", () => {
    const core = [
      "In 1871 Ilse Marek opened the first glassworks in Ostrava.",
      "Ostrava glass was sold across the Baltic by 1890.",
      "The Ostrava works employed 400 people in 1900.",
      "Ana Bek built a second furnace in Ostrava in 1904.",
    ];
    const filler = Array.from({ length: 20 }, (_, i) => `The harbour board of Town${String.fromCharCode(65 + i)} met in its hall on a Monday.`);
    const [[{ questions: dense }]] = generateQuestions([{ key: "k", lessons: [lesson("Glass", [...core, ...filler.slice(0, 10)])] }]);
    const [[{ questions: rare }]] = generateQuestions([{ key: "k", lessons: [lesson("Glass", [core[0], ...filler])] }]);
    // Named in 4 of 14 sentences: capped; named once in 21, the same question is estimated as before.
    expect(bestEstimate(dense, "Ostrava")).toBeLessThanOrEqual(0.375);
    expect(bestEstimate(rare, "Ostrava")).toBeGreaterThan(0.5);
    // The other keys of the same sentence are not.
    expect(bestEstimate(dense, "Ilse Marek")).toBe(bestEstimate(rare, "Ilse Marek"));
  });

  it("estimates a question copying \"the\" before an acronym's possessive as a slip where the material writes the acronym bare", () => {
    const banks = generateQuestions([
      { key: "a", lessons: [lesson("Ports", ["Another scheme of the harbours is the PORTNET’s Pilot Exchange Office, opened in Varna in 1990."])] },
      { key: "b", lessons: [lesson("Bodies", ["Ports work with bodies such as the Harbour League, PORTNET, and the pilots' guild."])] },
      { key: "c", lessons: [lesson("League", ["Another scheme of the harbours is the HL’s Pilot Exchange Office, opened in Varna in 1990.", "The HL has met in Varna since 1950."])] },
    ]);
    const asking = (bank: (typeof banks)[number][number], answer: string) => bank.questions.filter((q) => q.answer === answer && q.type !== "true_false");
    expect(asking(banks[0][0], "Pilot Exchange Office").length).toBeGreaterThan(0);
    for (const q of asking(banks[0][0], "Pilot Exchange Office")) expect(q.quality).toBeLessThanOrEqual(0.05);
    // "the HL's" where the material writes "the HL": no slip.
    expect(Math.max(...asking(banks[2][0], "Pilot Exchange Office").map((q) => q.quality))).toBeGreaterThan(0.05);
  });

  it("estimates a blank opening a short statement shown alone below the deck's bar: nothing says what fills it", () => {
    const [[{ questions: qs }]] = generateQuestions([
      {
        key: "k",
        lessons: [lesson("Town", ["Port Marnville was founded in 1950.", "Ostrava Harbour declared its independence from the Varna League on 3 November 1903, backed by its pilots."])],
      },
    ]);
    expect(bestEstimate(qs, "Port Marnville")).toBeLessThanOrEqual(0.1);
    expect(bestEstimate(qs, "Ostrava Harbour")).toBeGreaterThan(0.1);
    // A verb of its own after the blank says what it did.
    const [[{ questions: did }]] = generateQuestions([{ key: "k", lessons: [lesson("Pilot", ["Ivo Marn charted the Varna channel in 1928."])] }]);
    expect(bestEstimate(did, "Ivo Marn")).toBeGreaterThan(0.1);
  });

  it("estimates a person's nationality before what they were and their name, or a state's before its authorities, below the deck's bar, not their faith", () => {
    const [[{ questions: qs }]] = generateQuestions([
      {
        key: "k",
        lessons: [
          lesson("People", [
            "The Bulgarian engineer Ivo Marn dredged the channel of Varna in 1906.",
            "The Baptist preacher Ana Bek led the dockers' strike of Varna in 1911.",
            "The Catholic priest Petar Dobrev blessed the Varna fleet in 1913.",
            "In 1921 the young Romanian surveyor Dan Ilie charted the Varna shoals.",
            "In 1923 the late Greek engineer Ion Vlasi was honoured by the Varna pilots.",
            "After the flood of 1932 the Bulgarian authorities rebuilt the Varna sea wall.",
          ]),
        ],
      },
    ]);
    expect(bestEstimate(qs, "Bulgarian")).toBeLessThanOrEqual(0.36);
    expect(bestEstimate(qs, "Romanian")).toBeLessThanOrEqual(0.36);
    expect(bestEstimate(qs, "Greek")).toBeLessThanOrEqual(0.36);
    expect(bestEstimate(qs, "1932")).toBeGreaterThan(0.36);
    expect(bestEstimate(qs, "1906")).toBeGreaterThan(0.36);
    expect(bestEstimate(qs, "Baptist")).toBeGreaterThan(0.36);
    expect(bestEstimate(qs, "Catholic")).toBeGreaterThan(0.36);
  });

  it("estimates a continent or a region of one below the deck's bar, and a country or a city as before", () => {
    const text = "The Black Fever probably spread from Central Asia along trade routes to the Varna port of Ostrava in 1346.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Fever", [text])] }]);
    const best = (answer: string) => bestEstimate(qs, answer);
    expect(best("Central Asia")).toBeLessThanOrEqual(0.27);
    expect(best("Varna")).toBeGreaterThan(0.27);
    // A region of several countries, read as a name or as a place.
    const gulf = "Pilots trained at the harbour academy in Kuwait served partner ports across the Gulf for decades.";
    const [[{ questions: inGulf }]] = generateQuestions([{ key: "k", lessons: [lesson("Pilots", [gulf])] }]);
    expect(bestEstimate(inGulf, "Gulf")).toBeLessThanOrEqual(0.27);
  });

  it("estimates the region after a place, as an address gives it, below the deck's bar", () => {
    const text = "The probe was launched from the Varna Space Centre, Bulgaria, on 3 May 1971.";
    const [[{ questions: qs }]] = generateQuestions([{ key: "k", lessons: [lesson("Probe", [text])] }]);
    const best = (answer: string) => bestEstimate(qs, answer);
    expect(best("Bulgaria")).toBeLessThanOrEqual(0.4);
    expect(best("3 May 1971")).toBeGreaterThan(0.4);
    // After "in the", and a country the gazetteer reads as a name.
    const inThe = "The new observatory was opened near Varnograd, in the Netherlands, in 1853.";
    const [[{ questions: later }]] = generateQuestions([{ key: "k", lessons: [lesson("Observatory", [inThe])] }]);
    expect(bestEstimate(later, "Netherlands")).toBeLessThanOrEqual(0.4);
    const named = "The centre for harbour studies is based in Varnograd, Türkiye.";
    const [[{ questions: asName }]] = generateQuestions([{ key: "k", lessons: [lesson("Centre", [named])] }]);
    expect(bestEstimate(asName, "Türkiye")).toBeLessThanOrEqual(0.4);
    const near = "The lenses were ground at a works in Kamenitsa, near Varnograd, from 1851.";
    const [[{ questions: nearTown }]] = generateQuestions([{ key: "k", lessons: [lesson("Works", [near])] }]);
    expect(bestEstimate(nearTown, "Varnograd")).toBeLessThanOrEqual(0.4);
  });

  it("estimates a blank over the place the whole document is set in as testing nothing", () => {
    const text = "Under the Treaty of Ostrava in 1821, Portugal had to pay 40 ships to the Black Sea League.";
    const questionsFor = (title: string) => generateQuestions([{ key: "k", title, lessons: [lesson("Treaty", [text])] }])[0][0].questions;
    expect(bestEstimate(questionsFor("The Portuguese Harbour Wars"), "Portugal")).toBeLessThanOrEqual(0.05);
    // In a document on something else, it is a place like another.
    expect(bestEstimate(questionsFor("The Black Sea trade"), "Portugal")).toBeGreaterThan(0.05);
  });

  it("lists each lesson's questions best first", () => {
    for (const l of all().flat()) {
      for (let i = 1; i < l.questions.length; i++) expect(l.questions[i - 1].quality).toBeGreaterThanOrEqual(l.questions[i].quality);
    }
  });

  it("keeps ids when the material is imported again, and changes them with the module key", () => {
    const first = all()[0][1].questions.map((q) => q.id);
    const again = generateQuestions([harbours])[0][1].questions.map((q) => q.id);
    expect(again.filter((id) => first.includes(id)).length).toBeGreaterThan(0);
    const renamed = generateQuestions([{ ...harbours, key: "harbours-2" }, rivers])[0][1].questions.map((q) => q.id);
    expect(renamed.some((id) => first.includes(id))).toBe(false);
  });

  it("is deterministic, byte for byte", () => {
    expect(JSON.stringify(all())).toBe(JSON.stringify(all()));
  });

  it("asks about a table row's value", () => {
    const table: Block = { kind: "table", header: ["Measure", "Value"], rows: [["Length of the Kiel Canal in kilometres", "98"]], line: 20 };
    const [[bank]] = generateQuestions([{ key: "canals", lessons: [lesson("Canals", ["Canals shorten sea routes."], [table])] }]);
    const q = bank.questions.find((x) => x.answer === "98");
    expect(q?.source.line).toBe(21);
    expect(q?.prompt).toBe("What is the length of the Kiel Canal in kilometres?");
  });

  it("asks a fact box's row as the question its label is, where the label names a measure", () => {
    const table: Block = {
      kind: "table",
      header: ["Fact", "Value"],
      rows: [
        ["Number of locks on the Oster Canal", "14"],
        ["Year Anna Vell sailed the Oster Canal", "1936"],
        ["Year of the Oster Canal Act", "June 1929"],
        ["Year the Oster Canal was opened to barges", "1931"],
        ["Date of the first crossing by the steamer Vesta", "March 1934"],
        ["Colour of the pilot flag", "red and white"],
        ["Year opened", "1931"],
        ["Length of the Oster Canal about", "98 km"],
        ["Number of locks built", "14"],
        ["Year the Varna Charter, amended", "1950"],
        ["Year of approval of Oster Pilotage Policy", "May 1933"],
        ["Year of signing of The Oster Convention", "1935"],
        ["Number of pilots in the 1931 and 1933 Oster crossings", "40"],
        ["Number of pilots in each of the 1931 and 1933 Oster crossings", "20"],
      ],
      line: 40,
    };
    const [[bank]] = generateQuestions([{ key: "oster", lessons: [lesson("Oster", ["Barges carry grain inland."], [table])] }]);
    const asked = (prompt: string) => bank.questions.find((q) => q.prompt === prompt);
    expect(asked("What is the number of locks on the Oster Canal?")).toMatchObject({ type: "numeric", answer: "14" });
    expect(asked("In what year was the Oster Canal opened to barges?")).toMatchObject({ type: "numeric", answer: "1931" });
    // A label asking for the year of a date asks for the year.
    expect(asked("What is the year of the Oster Canal Act?")).toMatchObject({ type: "numeric", answer: "1929" });
    expect(bank.questions.some((q) => /^What is the year of the Oster Canal Act\?$/.test(q.prompt) && q.answer !== "1929")).toBe(false);
    // A name of an instrument takes the article the box's label leaves out.
    expect(asked("What is the year of approval of the Oster Pilotage Policy?")).toMatchObject({ type: "numeric", answer: "1933" });
    expect(asked("What is the year of signing of The Oster Convention?")).toMatchObject({ type: "numeric", answer: "1935" });
    // A past-tense clause is asked with its verb in the base form.
    expect(asked("In what year did Anna Vell sail the Oster Canal?")).toMatchObject({ type: "numeric", answer: "1936" });
    expect(asked("What is the date of the first crossing by the steamer Vesta?")).toMatchObject({ type: "short_answer", answer: "March 1934" });
    // Estimated as the question it is, not capped as the row's fragment ("Number of locks...: _____.").
    expect(asked("What is the number of locks on the Oster Canal?")!.quality).toBeGreaterThan(0.3);
    // It replaces its blank forms, the same words as a fragment.
    expect(asked("Number of locks on the Oster Canal: _____.")).toBeUndefined();
    // Not a measure, a label too short to say what it measures or naming nothing, or one cut short of its value.
    for (const q of bank.questions) expect(q.prompt).not.toMatch(/^(?:What is the (?:colour|year opened|length|number of locks built)|(?:What is the|In what year|When) .*Varna Charter)/);
    // A count of two crossings together reads as each one's too, unless the label says which.
    expect(asked("What is the number of pilots in the 1931 and 1933 Oster crossings?")).toBeUndefined();
    expect(asked("What is the number of pilots in each of the 1931 and 1933 Oster crossings?")).toMatchObject({ type: "numeric", answer: "20" });
  });

  it("asks a table row for its value, prompted by its label, never for words of the label", () => {
    const table: Block = {
      kind: "table",
      header: ["Characteristic", "Value"],
      rows: [
        ["Year the Harbour Safety Code was adopted in Rotterdam", "1965"],
        ["Colour of the pilot flag", "red and white"],
      ],
      line: 30,
    };
    const [[bank]] = generateQuestions([{ key: "flags", lessons: [lesson("Flags", ["Pilots board ships near the coast."], [table])] }]);
    const fromRows = bank.questions.filter((q) => q.source.line >= 31);
    expect(fromRows.map((q) => q.answer)).toEqual(expect.arrayContaining(["1965", "red and white"]));
    for (const q of fromRows.filter((x) => x.type !== "true_false")) {
      expect(["1965", "red and white"]).toContain(q.answer);
      expect(q.prompt).toMatch(
        /^(?:(Which [a-z ]+ fills the blank\? )?(Year the Harbour Safety Code was adopted in Rotterdam|Colour of the pilot flag): _____\.|In what year was the Harbour Safety Code adopted in Rotterdam\?)$/,
      );
    }
    // A falsified twin changes the value, never the label.
    for (const q of fromRows.filter((x) => x.type === "true_false"))
      expect(q.prompt).toMatch(/^True or false: (Year the Harbour Safety Code was adopted in Rotterdam|Colour of the pilot flag): /);
  });

  it("takes a hyphenated name whole, never a blank glued to a hyphen", () => {
    const [[bank]] = generateQuestions([
      { key: "bridges", lessons: [lesson("Bridges", ["The Harbour Bridge was designed by Anna Stinson-Remick in Rotterdam in 1902."])] },
    ]);
    expect(answersOf(bank.questions)).toContain("Anna Stinson-Remick");
    for (const q of bank.questions) expect(q.prompt).not.toMatch(/_____[-‐]|[-‐]_____/);
  });

  it("ends a prompt with a full stop when its sentence ends without one", () => {
    const [[bank]] = generateQuestions([
      { key: "canals", lessons: [lesson("Canals", ["The Kiel Canal was opened to shipping in 1895"])] },
    ]);
    const q = bank.questions.find((x) => x.type === "numeric" && x.answer === "1895");
    expect(q?.prompt).toBe("Which year fills the blank? The Kiel Canal was opened to shipping in _____.");
  });

  it("reads a year after a time preposition as a year even when a noun follows it", () => {
    const [[bank]] = generateQuestions([
      {
        key: "ports",
        lessons: [
          lesson("Ports", [
            "The harbour was rebuilt after 1945 dockers returned to Hamburg.",
            "Its first quay opened in 1890, a second in 1911 and a third in 1928.",
          ]),
        ],
      },
    ]);
    // Asked among other years: as a count of dockers it would have no options of its kind.
    const mcq = bank.questions.find((x) => x.type === "multiple_choice" && x.answer === "1945");
    expect(mcq?.options).toEqual(expect.arrayContaining(["1890", "1911", "1928", "1945"]));
  });

  it("takes emphasised terms as answers", () => {
    const block: Block = { kind: "paragraph", text: "Sailors call a sudden squall a williwaw in northern waters.", line: 3, emphasis: ["williwaw"] };
    const [[bank]] = generateQuestions([{ key: "winds", lessons: [{ ...lesson("Winds", []), blocks: [block] }] }]);
    expect(answersOf(bank.questions)).toContain("williwaw");
  });

  it("asks when an event was dated in a form that says what is asked", () => {
    const qs = questions(0, 0);
    const when = qs.find((q) => q.prompt === "In what year was the Harbour Safety Code adopted?");
    expect(when).toMatchObject({ type: "numeric", answer: "1965" });
    // A clause is not a subject: no "When was When the ..." question.
    const odd = generateQuestions([{ key: "x", lessons: [lesson("Odd", ["When the new quay was opened in 1907, trade doubled."])] }]);
    expect(odd[0][0].questions.some((q) => /^(?:When|In what year) was when/i.test(q.prompt))).toBe(false);
    // "The Code" alone is what an earlier sentence named.
    const short = generateQuestions([{ key: "z", lessons: [lesson("Short", ["The Code was revised in 1977 after a collision."])] }]);
    expect(short[0][0].questions.some((q) => /^(?:When|In what year) was/.test(q.prompt))).toBe(false);
    const held = generateQuestions([{ key: "y", lessons: [lesson("Held", ["Local legend holds that the old quay was built in 1640 by monks."])] }]);
    expect(held[0][0].questions.some((q) => /^(?:When|In what year) was/.test(q.prompt))).toBe(false);
    // A clause before the participle: what it dates is the clause's object, not a subject to ask about.
    const built = generateQuestions([{ key: "w", lessons: [lesson("Built", ["Danish engineers built the Varna Railway, completed in 1855, across the marshes."])] }]);
    expect(built[0][0].questions.some((q) => /^(?:When|In what year) was Danish/.test(q.prompt))).toBe(false);
    // A participle in "-ed" before "by" is no verb either.
    const designed = generateQuestions([{ key: "d", lessons: [lesson("Bridge", ["The iron bridge designed by Ivo Marn, completed in 1889, spans the Kamchia."])] }]);
    expect(designed[0][0].questions.some((q) => q.prompt === "In what year was the iron bridge designed by Ivo Marn completed?")).toBe(true);
    // An adjective in "-ed" before its noun is no verb.
    const fleet = generateQuestions([{ key: "v", lessons: [lesson("Fleet", ["The combined Varna fleet, launched in 1855, patrolled the coast."])] }]);
    expect(fleet[0][0].questions.some((q) => q.prompt === "In what year was the combined Varna fleet launched?")).toBe(true);
  });

  it("shows the sentence before one that points back anywhere, and asks nothing of one nothing resolves", () => {
    const [[bank]] = generateQuestions([
      {
        key: "canals",
        lessons: [
          // One paragraph: earlier sentences are looked for within it.
          lesson("Canals", [
            "Engineers at Delft designed three new locks for the Oster Canal in 1931. Two of these locks were rebuilt in 1958 after a flood. Such repairs were paid for by the Waterways Fund from 1962.",
          ]),
        ],
      },
    ]);
    const rebuilt = bank.questions.filter((q) => q.source.sentence.startsWith("Two of these locks"));
    expect(rebuilt.length).toBeGreaterThan(0);
    for (const q of rebuilt) if (q.type !== "true_false" || q.answer === "True") expect(q.prompt).toContain("Engineers at Delft");
    // "Such repairs" leans on a sentence that itself leans on the one before: both are shown.
    for (const q of bank.questions.filter((x) => x.source.sentence.startsWith("Such repairs")))
      expect(q.prompt).toContain("Engineers at Delft");
    const [[alone]] = generateQuestions([{ key: "alone", lessons: [lesson("Alone", ["These locks were rebuilt in 1958 after a flood."])] }]);
    expect(alone.questions.filter((q) => q.source.sentence.startsWith("These locks"))).toEqual([]);
  });

  it("keeps below the decks' bar a number in a statement that names nothing, and a body's head word cut from its name", () => {
    const [[bank]] = generateQuestions([
      {
        key: "dam",
        lessons: [
          lesson("Construction", [
            "The Varna Dam was built across the Kamchia gorge by the Varna Harbour Federation of Pilots and Boatmen.",
            "Work began in 1955. Around 86 workers died during construction.",
            "When the Federation was dissolved in 1963, the dam passed to the state.",
          ]),
        ],
      },
    ]);
    const asked = (answer: string) => bank.questions.filter((q) => q.answer === answer && q.type !== "true_false");
    expect(asked("1955").length).toBeGreaterThan(0);
    for (const q of [...asked("1955"), ...asked("86")]) expect(q.quality, q.prompt).toBeLessThan(DECK_QUALITY_BAR);
    for (const q of asked("Federation")) expect(q.quality, q.prompt).toBeLessThan(DECK_QUALITY_BAR);
    // The dam's own sentence names it: its year is asked as any other.
    expect(asked("1963").some((q) => q.quality >= DECK_QUALITY_BAR)).toBe(true);
  });

  it("shows the document's subject before a statement that names nothing, or names it by its head noun alone", () => {
    const paragraphs = [
      "The Varna Ferry Company was founded by the harbour pilots of the Kamchia gorge.",
      "Work began in 1955. Around 86 workers died during construction.",
      "The company's boats carried 40,000 passengers in 1962.",
    ];
    const [[titled]] = generateQuestions([{ key: "ferry", title: "The Varna Ferry Company", lessons: [lesson("Boats", paragraphs)] }]);
    const asked = (answer: string) => titled.questions.filter((q) => q.answer === answer && q.type !== "true_false");
    expect(asked("1955").length).toBeGreaterThan(0);
    for (const q of asked("1955")) expect(q.prompt).toContain("The Varna Ferry Company: Work began in");
    // No longer held below the bar as naming nothing: the estimate is the fitted one.
    expect(asked("1955").some((q) => q.quality > 0.25)).toBe(true);
    for (const q of asked("40,000")) expect(q.prompt).toContain("The Varna Ferry Company: The company's boats");
    // Its own sentence names the company: shown as written.
    for (const q of titled.questions.filter((q) => q.source.sentence.startsWith("The Varna Ferry"))) expect(q.prompt).not.toContain("Company:");
    // An essay's title names no subject: nothing is shown before the statement.
    const [[essay]] = generateQuestions([{ key: "essay", title: "The Role of Ferries in Coastal Trade", lessons: [lesson("Boats", paragraphs)] }]);
    for (const q of essay.questions) expect(q.prompt).not.toContain("Trade:");
  });

  it("asks nothing of the country of a currency before its name, a word of the unit and no fact", () => {
    const [[bank]] = generateQuestions([
      { key: "fees", lessons: [lesson("Fees", ["The Varna pilots charged about 1,500 US dollars for each crossing of the Kamchia bar in 1921."])] },
    ]);
    const asked = (answer: string) => bank.questions.filter((q) => q.answer === answer && q.type !== "true_false");
    expect(asked("US")).toEqual([]);
    expect(bank.questions.some((q) => q.prompt.includes("_____ dollars"))).toBe(false);
    expect(asked("1921").some((q) => q.quality >= DECK_QUALITY_BAR)).toBe(true);
    // A currency's word with no sum before it is a verb or a noun of its own: "The Kamchia marks the border".
    const [[river]] = generateQuestions([
      { key: "river", lessons: [lesson("River", ["For most of its length the Kamchia marks the border between the two provinces of Varna."])] },
    ]);
    const kamchia = river.questions.filter((q) => q.answer === "Kamchia" && q.type !== "true_false");
    expect(kamchia.length).toBeGreaterThan(0);
    expect(kamchia.some((q) => q.quality > 0.1)).toBe(true);
  });

  it("takes a quotation's marks as opening and closing on a word, not what lies between two short quotations", () => {
    const [[bank]] = generateQuestions([
      { key: "marks", lessons: [lesson("Cargo", ['Barrels were sometimes marked with the letters "VH", for Varna Harbour, or "VPG" by the pilots.'])] },
    ]);
    expect(bank.questions.length).toBeGreaterThan(0);
    for (const q of bank.questions) expect(q.answer, q.prompt).toMatch(/^[\p{L}\p{N}]/u);
    expect(bank.questions.some((q) => q.answer === "VPG")).toBe(true);
  });

  it("keeps below the decks' bar a region asked as a person after its compass word", () => {
    const [[bank]] = generateQuestions([
      { key: "stars", lessons: [lesson("Sky lore", ["The Kulin people of north-western Victoria in Australia told of a star named Marn in their stories."])] },
    ]);
    const asPerson = bank.questions.filter((q) => q.answer === "Victoria" && q.prompt.startsWith("Which person"));
    for (const q of asPerson) expect(q.quality, q.prompt).toBeLessThan(DECK_QUALITY_BAR);
    expect(bank.questions.filter((q) => q.answer === "Victoria" && q.quality >= DECK_QUALITY_BAR && q.prompt.startsWith("Which person"))).toEqual([]);
  });

  it("shows one more sentence before where the sentence before names no one ahead of its own 'she'", () => {
    const first = "The Oster Canal was largely the work of one engineer, Anna Delft of Utrecht.";
    const second = "In 1931 she designed three new locks for the canal.";
    const third = "Two of these locks were rebuilt in 1958 after a flood.";
    const [[bank]] = generateQuestions([{ key: "canals", lessons: [lesson("Canals", [`${first} ${second} ${third}`])] }]);
    const rebuilt = bank.questions.filter((q) => q.source.sentence === third && q.type !== "true_false");
    expect(rebuilt.length).toBeGreaterThan(0);
    for (const q of rebuilt) expect(q.prompt).toContain(`${first} ${second}`);
  });

  it("looks for what a paragraph's opening points back to in the paragraph before, never across a heading or a list", () => {
    const before = "Engineers at Delft designed three new locks for the Oster Canal in 1931.";
    const after = "These locks were rebuilt in 1958 after a flood.";
    const [[bank]] = generateQuestions([{ key: "canals", lessons: [lesson("Canals", [before, after])] }]);
    const rebuilt = bank.questions.filter((q) => q.source.sentence === after && (q.type !== "true_false" || q.answer === "True"));
    expect(rebuilt.length).toBeGreaterThan(0);
    for (const q of rebuilt) expect(q.prompt).toContain(before);
    // A sentence that points back near a paragraph's start reads on into the paragraph before (two sentences at most).
    const [[chain]] = generateQuestions([
      { key: "chain", lessons: [lesson("Canals", [before, `${after} Such repairs were paid for by the Waterways Fund from 1962.`])] },
    ]);
    const repairs = chain.questions.filter((q) => q.source.sentence.startsWith("Such repairs") && q.type !== "true_false");
    expect(repairs.length).toBeGreaterThan(0);
    for (const q of repairs) expect(q.prompt).toContain(`${before} ${after}`);
    // A heading or a list between: the paragraph before is another subject, and nothing is asked of "These locks".
    const heading: Block = { kind: "heading", text: "Repairs", level: 2, line: 3 };
    const split = (between: Block) => {
      const both = lesson("Canals", [before, after]);
      return { ...both, blocks: [both.blocks[0], between, both.blocks[1]] };
    };
    const list: Block = { kind: "list", ordered: false, items: ["The upper lock at the Delft end of the canal", "The lower lock beside the harbour mouth"], line: 3 };
    for (const between of [heading, list]) {
      const [[apart]] = generateQuestions([{ key: "apart", lessons: [split(between)] }]);
      expect(apart.questions.filter((q) => q.source.sentence === after)).toEqual([]);
    }
  });

  it("shows the sentence before one that opens on 'the' and a bare noun, its subject: what the sentence before named", () => {
    const [[bank]] = generateQuestions([
      {
        key: "sieges",
        lessons: [
          lesson("Sieges", [
            "Suleiman marched on Vienna with a large army of the Ottoman Empire. The siege began in late September 1529 and failed within weeks.",
            "The siege of Rhodes began in June 1522 after a long voyage.",
          ]),
        ],
      },
    ]);
    const began = bank.questions.filter((q) => q.source.sentence.startsWith("The siege began") && q.type !== "true_false");
    expect(began.length).toBeGreaterThan(0);
    for (const q of began) expect(q.prompt).toContain("Suleiman marched on Vienna");
    // "The siege of Rhodes" names what it speaks of, and opens its paragraph: shown alone.
    const rhodes = bank.questions.filter((q) => q.source.sentence.startsWith("The siege of Rhodes") && q.type !== "true_false");
    expect(rhodes.length).toBeGreaterThan(0);
    for (const q of rhodes) expect(q.prompt).not.toContain("Suleiman");
  });

  it("never asks 'Which person' for a name after 'the' that describes what follows it", () => {
    const [[bank]] = generateQuestions([{ key: "n", lessons: [lesson("Towns", ["The Norman towns of Lusa and Pera were ruined in 1705 by a storm."])] }]);
    const norman = bank.questions.filter((q) => q.answer === "Norman" && q.type === "short_answer");
    expect(norman.length).toBeGreaterThan(0);
    for (const q of norman) expect(q.prompt).toMatch(/^What fills the blank\? /);
  });

  it("estimates a key that is the document's own subject as unlikely to be accepted", () => {
    const text = "The Varna Compact ended in 1952, when the Harbour Board took over its work.";
    const [[titled]] = generateQuestions([{ key: "t", title: "The Varna Compact", lessons: [lesson("Ending", [text])] }]);
    const [[untitled]] = generateQuestions([{ key: "t", lessons: [lesson("Ending", [text])] }]);
    const subject = (bank: typeof titled) => bank.questions.filter((q) => q.answer === "Varna Compact" && q.type !== "true_false");
    expect(subject(untitled).length).toBeGreaterThan(0);
    expect(subject(titled).length).toBe(subject(untitled).length);
    for (const q of subject(titled)) expect(q.quality).toBeLessThanOrEqual(0.05);
    // One topic of a title that names several is no document's subject.
    const [[several]] = generateQuestions([{ key: "t", title: "Compacts, Harbour Boards and Trade Routes of the North Sea", lessons: [lesson("Ending", [text])] }]);
    expect(subject(several).some((q) => q.quality > 0.05)).toBe(true);
    // A year of it is not its subject.
    expect(titled.questions.find((q) => q.answer === "1952" && q.type === "numeric")!.quality).toBeGreaterThan(0.05);
    // Its members, named in the plural, are.
    const members = "The Varnaites aimed to paint only what they saw, and the Harbour Board bought their work in 1852.";
    const [[brotherhood]] = generateQuestions([{ key: "t", title: "The Varnaite Brotherhood", lessons: [lesson("Aims", [members])] }]);
    const [[unnamed]] = generateQuestions([{ key: "t", lessons: [lesson("Aims", [members])] }]);
    const named = (bank: typeof titled) => bank.questions.filter((q) => q.answer === "Varnaites" && q.type !== "true_false");
    expect(named(unnamed).some((q) => q.quality > 0.05)).toBe(true);
    expect(named(brotherhood).length).toBeGreaterThan(0);
    for (const q of named(brotherhood)) expect(q.quality).toBeLessThanOrEqual(0.05);
    // A blank that, with the word beside it, is the title's name is half of it.
    const rising = "The Varnaites' Revolt began in Marn, and Wat Velk led its rebels in 1381.";
    const [[revolt]] = generateQuestions([{ key: "t", title: "The Varnaites' Revolt of 1381", lessons: [lesson("Overview", [rising])] }]);
    const [[plain]] = generateQuestions([{ key: "t", lessons: [lesson("Overview", [rising])] }]);
    const halves = (bank: typeof titled) => bank.questions.filter((q) => (q.answer === "Varnaites" || q.answer === "Revolt") && q.type !== "true_false");
    expect(halves(plain).some((q) => q.quality > 0.05)).toBe(true);
    expect(halves(revolt).length).toBeGreaterThan(0);
    for (const q of halves(revolt)) expect(q.quality).toBeLessThanOrEqual(0.05);
    // Its other keys are not.
    expect(revolt.questions.some((q) => q.answer === "Wat Velk" && q.quality > 0.05)).toBe(true);
  });

  it("estimates what the document's own subject's acronym stands for as unlikely to be accepted", () => {
    const text = "The Harbour Pilots Association (HPA) was founded in Varna in 1850.";
    const expansion = (title?: string) =>
      generateQuestions([{ key: "t", title, lessons: [lesson("Founding", [text])] }])[0][0].questions.find((q) => q.prompt === "What does HPA stand for?");
    expect(expansion()!.quality).toBeGreaterThan(0.05);
    expect(expansion("The Harbour Pilots Association")!.quality).toBeLessThanOrEqual(0.05);
  });

  it("never asks 'Which organisation' for a blank a count stands before", () => {
    const [[bank]] = generateQuestions([{ key: "o", lessons: [lesson("Boards", ["In 1931 the ministry created 12 Harbour Safety Boards to inspect the locks."])] }]);
    const boards = bank.questions.filter((q) => q.answer === "Harbour Safety Boards" && q.type === "short_answer");
    expect(boards.length).toBeGreaterThan(0);
    for (const q of boards) expect(q.prompt).not.toMatch(/^Which organisation/);
  });

  it("drops an opening connective from a sentence shown on its own", () => {
    const [[bank]] = generateQuestions([{ key: "c", lessons: [lesson("C", ["Additionally, the Oster Canal was widened in 1974 by the Waterways Board."])] }]);
    const q = bank.questions.find((x) => x.type === "numeric");
    expect(q?.prompt).toMatch(/^Which year fills the blank\? The Oster Canal was widened in _____/);
  });

  it("asks what an acronym stands for once in each module, from its first lesson that spells it out", () => {
    const spelled = lesson("Boards", ["The Harbour Works Board (HWB) inspects every lock each spring."]);
    const used = lesson("Inspections", ["Inspectors of the HWB close a lock for 3 days after a failed test."]);
    const again = lesson("Reports", ["The Harbour Works Board (HWB) publishes its report in May."]);
    const banks = generateQuestions([
      { key: "a", lessons: [spelled, used] },
      { key: "b", lessons: [again] },
    ]);
    const standsFor = banks.flat().map((b) => b.questions.filter((q) => q.prompt === "What does HWB stand for?"));
    // Module b may be assigned to a cohort alone: it asks its own.
    expect(standsFor.map((qs) => qs.length)).toEqual([1, 0, 1]);
    expect(standsFor[0][0]).toMatchObject({ type: "short_answer", answer: "Harbour Works Board" });
    expect(standsFor[0][0].source.sentence).toBe("The Harbour Works Board (HWB) inspects every lock each spring.");
  });

  it("estimates an acronym named in passing in a list as a side detail", () => {
    const [[bank]] = generateQuestions([
      {
        key: "p",
        lessons: [
          lesson("Partners", [
            "The port works with bodies such as the Pilots Guild, the Harbour Works Board (HWB), and the Coast Watch.",
            "The Northern Lights Office (NLO) keeps every lighthouse of the coast lit.",
            "Dredging is planned by the Canal Depth Service (CDS), national port authorities, and local pilots.",
          ]),
        ],
      },
    ]);
    const standsFor = (acronym: string) => bank.questions.find((q) => q.prompt === `What does ${acronym} stand for?`)!;
    expect(standsFor("HWB").quality).toBeLessThanOrEqual(0.05);
    // A list whose other items are common nouns.
    expect(standsFor("CDS").quality).toBeLessThanOrEqual(0.05);
    expect(standsFor("NLO").quality).toBeGreaterThan(0.05);
  });

  it("does not take a phrase after an acronym's expansion, then a clause joined by \", and\", for a list", () => {
    const [[bank]] = generateQuestions([
      {
        key: "p",
        lessons: [
          lesson("Charters", [
            "The rule was written into the Charter of the Northern Harbours (CNH), adopted in 1961, and the member ports themselves moved to longer leases soon after.",
          ]),
        ],
      },
    ]);
    expect(bank.questions.find((q) => q.prompt === "What does CNH stand for?")!.quality).toBeGreaterThan(0.05);
  });

  it("estimates a quoted remark taken for a term as unlikely to be accepted, a quoted name as any term", () => {
    const [[bank]] = generateQuestions([
      { key: "q", lessons: [lesson("Quotes", ['Pilots found the old charts "almost useless" at night.', 'Dockers called the new crane "the iron giant" in their songs.'])] },
    ]);
    const best = (key: string) => Math.max(...bank.questions.filter((q) => q.answer === key).map((q) => q.quality));
    expect(best("almost useless")).toBeLessThanOrEqual(0.05);
    expect(best("the iron giant")).toBeGreaterThan(0.05);
  });

  it("makes true/false only where a same-kind swap makes a clear falsehood", () => {
    for (const q of all().flat(2).flatMap((l) => l.questions).filter((x) => x.type === "true_false")) {
      // Every statement changes or keeps a year, date, number, person, organisation, agreement or place.
      expect(q.prompt.startsWith("True or false: ")).toBe(true);
    }
    const [[bank]] = generateQuestions([
      { key: "t", lessons: [lesson("T", ["Lock keepers call a slow filling a drowsing.", "Lock keepers call a fast filling a rushing."])] },
    ]);
    expect(bank.questions.filter((q) => q.type === "true_false")).toEqual([]);
  });
});


describe("list items and glossary lines", () => {
  const listLesson = (title: string, items: string[], paragraphs: string[] = []): LessonDraft => ({
    ...lesson(title, paragraphs),
    blocks: [...paragraphs.map((text, i) => ({ kind: "paragraph" as const, text, line: i + 2 })), { kind: "list", ordered: false, items, line: 10 }],
  });

  it("shows an item's first sentence before a later one, which is about what the first names", () => {
    const [[bank]] = generateQuestions([
      {
        key: "storms",
        lessons: [
          listLesson("Great storms", [
            "Varna, Bulgaria, 12 March 1862 (wind force about 10). Waves and two days of rain wrecked about 140 ships in the bay.",
          ]),
        ],
      },
    ]);
    const wrecked = bank.questions.find((q) => q.answer === "140" && q.type === "numeric");
    expect(wrecked?.prompt).toBe(
      "Varna, Bulgaria, 12 March 1862 (wind force about 10). Waves and two days of rain wrecked about _____ ships in the bay.",
    );
  });

  it("shows no label of a few words before an item's later sentence that stands alone", () => {
    const [[bank]] = generateQuestions([
      {
        key: "storms",
        lessons: [
          listLesson("Great storms", [
            "Harbour cranes. In 1911 the Varna board bought four steam cranes from a Glasgow firm.",
            "Storm walls. The walls were raised after a storm. They stand about 12 metres above the water.",
          ]),
        ],
      },
    ]);
    const bought = bank.questions.find((q) => q.answer === "1911" && q.type === "numeric");
    expect(bought?.prompt).toMatch(/^(?:Which year fills the blank\? )?In _____ the Varna board bought/);
    // A later sentence that leans on the one before is still shown after both.
    const height = bank.questions.find((q) => q.answer === "12 metres");
    expect(height?.prompt).toContain("Storm walls. The walls were raised after a storm. They stand about _____");
  });

  it("keeps questions on an item's label in the bank, estimated as unlikely to be accepted", () => {
    const [[bank]] = generateQuestions([
      { key: "storms", lessons: [listLesson("Great storms", ["Varna, Bulgaria, 12 March 1862 (wind force about 10)."])] },
    ]);
    const labelled = bank.questions.filter((q) => q.source.sentence.startsWith("Varna"));
    expect(labelled.map((q) => q.answer)).toContain("12 March 1862");
    for (const q of labelled) expect(q.quality).toBeLessThanOrEqual(0.05);
    // The same fact stated in a sentence keeps its estimate.
    const [[stated]] = generateQuestions([
      { key: "storms", lessons: [listLesson("Great storms", ["A storm struck Varna on 12 March 1862 and wrecked many ships."])] },
    ]);
    expect(Math.max(...stated.questions.filter((q) => q.answer === "12 March 1862").map((q) => q.quality))).toBeGreaterThan(0.05);
  });

  it("asks a glossary line the other way round: the term, given what it means", () => {
    const [[bank]] = generateQuestions([
      {
        key: "ports",
        lessons: [
          listLesson("Port words", [
            "Bollard: a short thick post on a quay that mooring ropes are tied to.",
            "Draught (draft) – the depth of water a ship needs to float.",
            "The breakwater, a long wall built out into the sea to shelter the harbour.",
          ]),
        ],
      },
    ]);
    const asked = (term: string) => bank.questions.find((q) => q.answer === term && q.type === "short_answer" && !q.prompt.includes("_____"));
    expect(asked("Bollard")?.prompt).toBe("What is the term for a short thick post on a quay that mooring ropes are tied to?");
    expect(asked("Draught")?.accepted).toEqual(["Draught", "draft"]);
    // A common noun's article is no part of the answer.
    expect(asked("breakwater")?.prompt).toBe("What is the term for a long wall built out into the sea to shelter the harbour?");
    expect(asked("breakwater")?.accepted).toContain("The breakwater");
  });

  it("asks for a name described by its apposition as the one thing it is", () => {
    const [[bank]] = generateQuestions([
      { key: "isles", lessons: [listLesson("Isles", ["Ostrava Isle, the largest island in the northern bay, charted by Ivo Marn in 1712."])] },
    ]);
    expect(bank.questions.find((q) => q.prompt === "What is the largest island in the northern bay?")?.answer).toBe("Ostrava Isle");
    // A person named by a role is asked for as one.
    const [[people]] = generateQuestions([
      { key: "people", lessons: [listLesson("People", ["Ivo Marn, the third Earl of Varna, who charted the northern bay in 1712."])] },
    ]);
    expect(people.questions.find((q) => q.prompt === "Who was the third Earl of Varna?")?.answer).toBe("Ivo Marn");
    // A plural is asked with a plural verb; a name ending in "s" that names one thing is not.
    const [[plural]] = generateQuestions([
      {
        key: "plural",
        lessons: [
          listLesson("Tugs", [
            "Varnocytes, the most numerous cells of the harbour sponge, which filter about 20 litres of water a day.",
            "Ostrava Downs, the highest ground in the northern bay, charted by Ivo Marn in 1712.",
          ]),
        ],
      },
    ]);
    const prompts = plural.questions.map((q) => q.prompt);
    expect(prompts).toContain("What are the most numerous cells of the harbour sponge?");
    expect(prompts).toContain("What is the highest ground in the northern bay?");
  });
});

describe("what a prompt shows with its sentence", () => {
  it("shows the sentence before one whose pronoun or 'the' points back at it", () => {
    const [[bank]] = generateQuestions([
      {
        key: "locks",
        lessons: [
          lesson("Locks", [
            "The Oster Canal climbs through a staircase of seven locks near Delft. Filling the staircase takes about 40 minutes.",
            "Ivo Marn drew the first chart of the bay. In 1712 he sold it to the harbour board.",
          ]),
        ],
      },
    ]);
    expect(bank.questions.find((q) => q.answer === "40 minutes")?.prompt).toBe(
      "The Oster Canal climbs through a staircase of seven locks near Delft. Filling the staircase takes about _____.",
    );
    expect(bank.questions.find((q) => q.answer === "1712" && q.type === "numeric")?.prompt).toBe(
      "Which year fills the blank? Ivo Marn drew the first chart of the bay. In _____ he sold it to the harbour board.",
    );
  });

  it("shows no sentence for a 'he' that names only places before it", () => {
    const [[bank]] = generateQuestions([
      {
        key: "charts",
        lessons: [lesson("Charts", ["While living in Venice, he drew the first chart of the bay. In 1712 he sold it to the harbour board."])],
      },
    ]);
    const sold = bank.questions.find((q) => q.answer === "1712" && q.type === "numeric");
    expect(sold?.prompt).toBe("Which year fills the blank? In _____ he sold it to the harbour board.");
  });

  it("leaves out a sentence shown only to help when it would show the answer", () => {
    const [[bank]] = generateQuestions([
      { key: "locks", lessons: [lesson("Locks", ["The Oster Canal opened in 1895. The canal was widened in 1895 and again in 1930."])] },
    ]);
    const widened = bank.questions.filter((q) => q.answer === "1895" && q.source.sentence.startsWith("The canal was widened"));
    expect(widened.length).toBeGreaterThan(0);
    for (const q of widened) expect(q.prompt).not.toContain("The Oster Canal opened");
  });

  it("asks a year that dates the one thing after it as a year", () => {
    const [[bank]] = generateQuestions([
      { key: "raids", lessons: [lesson("Raids", ["Another success was the 1906 raid on the smugglers' harbour at Varna."])] },
    ]);
    expect(bank.questions.find((q) => q.answer === "1906" && q.type === "numeric")?.prompt).toMatch(/^Which year fills the blank\? /);
  });
});

describe("wrong options of the same form as the key", () => {
  it("gives a plain noun phrase its blank and no options: raters accepted none, the options another kind of thing", () => {
    const [[bank]] = generateQuestions([
      {
        key: "forms",
        lessons: [
          lesson("Forms", [
            "Tidal locks protect inland harbours from storm surges.",
            "Sluice gates control the level of the inner basin.",
            "Dredgers keep the entrance channel deep enough for tankers.",
            "Breakwaters shelter the outer anchorage from the open sea.",
            "Pilot boats guide every tanker through the narrow channel.",
          ]),
        ],
      },
    ]);
    const blanks = bank.questions.filter((q) => q.type === "cloze" && /^\p{Ll}/u.test(q.answer));
    expect(blanks.length).toBeGreaterThan(2);
    expect(bank.questions.filter((q) => q.type === "multiple_choice" && /^\p{Ll}/u.test(q.answer))).toEqual([]);
  });

  it("capitalises every option of a blank that opens the statement", () => {
    const text = "Ferries cross the harbour every hour.";
    const sentence = { text, tokens: [], line: 1, index: 0, origin: "prose", emphasis: [], previous: [], itemHead: undefined } as unknown as Sentence;
    const candidate = { kind: "term", sentence, start: 0, end: 7, text: "Ferries", tokenStart: 0, tokenEnd: 1, folded: "ferries", words: ["ferries"] } as unknown as Candidate;
    const fact: Fact = { candidate, score: 0.5, answer: "Ferries", accepted: ["Ferries"], context: "", contextNeeded: false, fragment: false, predicate: null };
    const choice = multipleChoice(fact, ["barges", "tugs", "pilot boats"]);
    expect(choice?.prompt).toBe("_____ cross the harbour every hour.");
    // The distractors come as the pool keeps them, in lower case: shown after the capital the key has there.
    expect([...choice!.options!].sort()).toEqual(["Barges", "Ferries", "Pilot boats", "Tugs"]);
  });
});
