import { acronymExpansions, isTitleByClass, isTitleText, sentenceCandidates } from "~/content/questions/candidates";
import { entryForms, optionText } from "~/content/questions/distractors";
import { forms, normaliseAnswer, words } from "~/content/questions/text";
import { generateQuestions } from "~/content/questions/index";
import { lessonSentences } from "~/content/questions/nlp";
import type { LessonDraft } from "~/content/types";

function lesson(text: string): LessonDraft {
  return { title: "t", slug: "t", position: 0, line: 1, blocks: [{ kind: "paragraph", text, line: 1 }], text, readingMinutes: 1 };
}

/** "kind:text" of every candidate of every sentence of a one-paragraph lesson. */
function candidates(text: string): string[] {
  return lessonSentences(lesson(text)).flatMap((s) => sentenceCandidates(s).map((c) => `${c.kind}:${c.text}`));
}

describe("answer candidates", () => {
  it("joins a name across \"on\" after an institution's common word, not a town to the island it stands on", () => {
    const found = candidates("The largest town is Kastrovo Velk on Marnisla, and the Office on Harbour Crime met there.");
    expect(found).toContain("name:Kastrovo Velk");
    expect(found.some((c) => c.endsWith("Kastrovo Velk on Marnisla"))).toBe(false);
    expect(found.some((c) => c.endsWith(":Office on Harbour Crime"))).toBe(true);
  });

  it("takes a meeting a city names for no body, and a country's congress for one", () => {
    const found = candidates("The Paris Congress of 1878 renamed the union. The United States Congress passed the act in 1880. The Oslo Forum met in 1881.");
    expect(found).toContain("name:Paris Congress");
    expect(found).toContain("organisation:United States Congress");
    expect(found).toContain("organisation:Oslo Forum");
  });

  it("takes a dollar's country letters with its amount", () => {
    const found = candidates("The Varna settlement was valued at about NZ$170 million, the Burgas one at A$40 million and the quay at $3 million.");
    expect(found).toEqual(expect.arrayContaining(["quantity:NZ$170 million", "quantity:A$40 million", "quantity:$3 million"]));
    expect(found.some((c) => c.endsWith(":NZ"))).toBe(false);
  });

  it("takes no word without a capital, nor an opening word that counts or points, for part of a name", () => {
    const found = candidates("Several Varnish towers were restored. The islands became part of the new MTAV in 1955. Most Kastrovans kept the old iPhone.");
    expect(found.some((c) => /:(?:Several|new|Most)\b/.test(c) && !c.startsWith("phrase:"))).toBe(false);
    expect(found.some((c) => c.endsWith(":Varnish"))).toBe(true);
    expect(found).toContain("acronym:MTAV");
    expect(found.some((c) => c.endsWith(":Kastrovans"))).toBe(true);
    expect(found.some((c) => c.endsWith(":iPhone"))).toBe(true);
    // A foreign or technical word in lower case may still be one the tagger reads as a name.
    // A lower-case word the sentence's full stop is glued to is read as an abbreviation: no name.
    expect(candidates("Ships sailed west to catch the winds, a manoeuvre known as the volta do mar. It took weeks.").some((c) => c.endsWith(":mar."))).toBe(false);
    expect(candidates("The beacon's signal peaks at about 160 GHz.")).toContain("quantity:160 GHz");
    const rare = candidates("The Varna timbers were dated with carbon-14 in 1961. The tuning called pélog uses seven notes.");
    expect(rare).toEqual(expect.arrayContaining(["name:carbon-14", "name:pélog"]));
  });

  it("takes a place a faith describes without the faith, but keeps a church or a league the faith names", () => {
    const found = candidates("Protestant Kastrovo withstood a siege of 105 days. The Catholic Church met in Varna. The Muslim League met in Marn.");
    expect(found.some((c) => c.endsWith(":Kastrovo"))).toBe(true);
    expect(found.some((c) => c.endsWith(":Protestant Kastrovo"))).toBe(false);
    expect(found.some((c) => c.endsWith(":Catholic Church"))).toBe(true);
    expect(found.some((c) => c.includes("Muslim League"))).toBe(true);
    // A first name or a name of its own is no faith.
    const people = candidates("Christian Dior opened a shop in Marn in 1947. Caravans crossed the Hindu Kush in 1850.");
    expect(people.some((c) => c.endsWith(":Christian Dior"))).toBe(true);
    expect(people.some((c) => c.endsWith(":Hindu Kush"))).toBe(true);
  });

  it("takes a calendar's era for part of its date, not an acronym, and keeps an acronym spelt the same elsewhere", () => {
    const found = candidates("The bridge was begun around 118 BCE, rebuilt in AD 43 and again in the second century CE.");
    expect(found.filter((c) => c.startsWith("acronym:"))).toEqual([]);
    expect(candidates("The AD team of the Harbour Board inspected the docks.")).toContain("acronym:AD");
  });

  it("carries each candidate's folding and words as the memos of text.ts give them", () => {
    const text =
      "The Organisation of American States (OAS), founded in 1948, met in Bogotá; the U.S. delegation’s chair, " +
      "Sir George C. Marshall, spoke for 2 hours on the well-known Marshall Plan and the Treaty of Rio. " +
      "Regional agreements bind its members. Étude findings’ summaries were printed.";
    const found = lessonSentences(lesson(text)).flatMap(sentenceCandidates);
    expect(found.length).toBeGreaterThan(8);
    for (const c of found) {
      expect(c.folded, c.text).toBe(normaliseAnswer(c.text));
      expect(c.words, c.text).toEqual(words(c.text));
      // The distractor pool reads an option's word forms off its candidate's folding.
      expect(entryForms(c.folded), c.text).toEqual(forms(optionText(c)));
    }
    // Among them a phrase opening its sentence, offered in lower case.
    expect(found.some((c) => optionText(c) !== c.text)).toBe(true);
  });

  it("reads a capitalised word as the Unicode classes do", () => {
    // A 32-bit linear congruential generator, its high bits read.
    let seed = 3;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const pieces = ["P", "aris", "NATO", "Mc", "C", "ain", "É", "é", "cole", "Σ", "οφία", "ß", "1", "-", "'", "İ", "x", "𝐀", "中"];
    let titles = 0;
    for (let round = 0; round < 20000; round++) {
      let text = "";
      for (let i = 1 + next(4); i > 0; i--) text += pieces[next(pieces.length)];
      expect(isTitleText(text), JSON.stringify(text)).toBe(isTitleByClass(text));
      if (isTitleByClass(text)) titles++;
    }
    expect(titles).toBeGreaterThan(1000);
  });

  it("takes a full date beside its year", () => {
    const found = candidates("The charter was sealed on November 26, 1842 in Lisbon, and amended in September 1876.");
    expect(found).toEqual(expect.arrayContaining(["date:November 26, 1842", "year:1842", "date:September 1876", "year:1876"]));
    // The day belongs to the date: it is not a count of its own.
    expect(found).not.toContain("quantity:26");
  });

  it("takes the term a sentence defines, not the word 'word' before it", () => {
    const found = candidates('The word caisson means "chest" in French.');
    expect(found).toContain("term:caisson");
    expect(found).not.toContain("term:word caisson");
  });

  it("takes no date whose number is a year of an era", () => {
    const found = candidates("In January 27 BCE the senate met in the harbour town.");
    expect(found.some((c) => c.startsWith("date:January"))).toBe(false);
  });

  it("takes a year that dates the one thing after it as a year, and a count before a plural as a count", () => {
    expect(candidates("The 1906 raid closed the harbour.")).toContain("year:1906");
    expect(candidates("The 1851 census counted the dockers.")).toContain("year:1851");
    expect(candidates("The 2000 sailors left the harbour.")).toContain("quantity:2000");
  });

  it("takes a rate with its whole unit, not a length cut at its slash", () => {
    const found = candidates("In 1938 the engine Falcon reached 126 km/h near Burgas, and the lagoon sank 3 mm/yr.");
    expect(found).toContain("quantity:126 km/h");
    expect(found).toContain("quantity:3 mm/yr");
    expect(found).not.toContain("quantity:126 km");
    // A slash with spaces, or before a word that is no unit, parts two things.
    expect(candidates("The quay was 40 km / a day's sail from Varna.")).toContain("quantity:40 km");
  });

  it("takes spelled-out counts, but not 'one'", () => {
    const found = candidates("The pianist wrote five letters to one friend.");
    expect(found).toContain("quantity:five");
    expect(found.some((c) => c.endsWith(":one"))).toBe(false);
  });

  it("keeps a name that wink cuts at an unfamiliar letter whole", () => {
    expect(candidates("The pianist Maria Wodzińska wrote to her sister.")).toContain("person:Maria Wodzińska");
  });

  it("asks about each of the people or places a list of names joins with 'and'", () => {
    expect(candidates("Norway and Sweden signed the accord.")).toEqual(expect.arrayContaining(["place:Norway", "place:Sweden"]));
  });

  it("never cuts an organisation's name at its own 'and', 'of' or 'for'", () => {
    const found = candidates("The delegates met at the Institute for Glaciology and Permafrost Studies in Oslo.");
    const texts = found.map((c) => c.slice(c.indexOf(":") + 1));
    expect(texts.some((t) => t.includes("Institute for Glaciology and Permafrost Studies"))).toBe(true);
    for (const fragment of ["Glaciology", "Permafrost Studies", "Glaciology and Permafrost Studies"]) expect(texts).not.toContain(fragment);
  });

  it("takes a name that opens on an instrument for an instrument, whatever union it names", () => {
    expect(candidates("Since the Act of Union of 1801, the two harbours had been one port.")).toContain("treaty:Act of Union");
    expect(candidates("The Varna Union signed the Charter of Ports in 1920.")).toContain("organisation:Varna Union");
  });

  it("takes a person's name after a title", () => {
    expect(candidates("The delegates heard President Anna Lindqvist speak.")).toContain("person:Anna Lindqvist");
  });

  it("takes no property of a plain object for a number word", () => {
    const text = "The constructor was paid seven hundred dollars, and the valueOf clause was dropped after toString talks.";
    expect(candidates(text)).toContain("quantity:seven hundred dollars");
    expect(candidates(text).filter((c) => c.startsWith("quantity:"))).toHaveLength(1);
    // Other numbers in the course are drawn as distractors: the words must not reach that walk as numbers.
    const lessons = [lesson(text), lesson("Builders earned 300 dollars, 450 dollars or 900 dollars a week.")];
    const [[first]] = generateQuestions([{ key: "m", lessons }]);
    expect(first.questions.some((q) => q.answer === "seven hundred dollars")).toBe(true);
  });

  it("glues a name's pieces back together, but not the possessive after it", () => {
    expect(candidates("Maria Wodzińska's letters were kept.")).toContain("person:Maria Wodzińska");
  });

  it("takes a month alone after a time word as a date only when it is spelled in full", () => {
    expect(candidates("The treaty was signed in December.")).toContain("date:December");
    expect(candidates("She wrote a letter from Jan to Piotr.")).not.toContain("date:Jan");
  });
});

describe("acronyms a sentence spells out", () => {
  it("reads a capitalised name's initials, and where asked a term's of any case with its hyphenated parts", () => {
    expect(acronymExpansions("The Varna Harbour Board (VHB) met in 1901.")).toEqual([{ acronym: "VHB", expansion: "Varna Harbour Board" }]);
    expect(acronymExpansions("Pilots use a charge-coupled device (CCD) camera.")).toEqual([]);
    expect(acronymExpansions("Pilots use a charge-coupled device (CCD) camera.", true)).toEqual([{ acronym: "CCD", expansion: "charge-coupled device" }]);
    expect(acronymExpansions("It ran the polymerase chain reaction (PCR) twice.", true)).toEqual([{ acronym: "PCR", expansion: "polymerase chain reaction" }]);
  });

  it("takes letters in order where a word gives more than its initial or one word gives none", () => {
    const read = (text: string) => acronymExpansions(text, true).map((p) => `${p.acronym}=${p.expansion}`);
    expect(read("A rare complication, subacute sclerosing panencephalitis (SSPE), may follow.")).toEqual(["SSPE=subacute sclerosing panencephalitis"]);
    expect(read("In 1990 they founded the Burgas Fund for Saving the Varna Lagoon (BFVL) to manage it.")).toEqual(["BFVL=Burgas Fund for Saving the Varna Lagoon"]);
    expect(read("The Varna Large Millimetre/submillimetre Dish (VLMD) opened in 2013.")).toEqual(["VLMD=Varna Large Millimetre/submillimetre Dish"]);
    expect(read("It was listed by the Varna Educational, Scientific and Maritime Board (VESMB), which met yearly.")).toEqual([
      "VESMB=Varna Educational, Scientific and Maritime Board",
    ]);
    expect(read("Harbour-side receptors (HRs) were fitted.")).toEqual(["HRs=Harbour-side receptors"]);
    // Two words giving none is too loose a reading.
    expect(read("They joined the Burgas Fund for Saving and Dredging the Varna Lagoon (BFVL).")).toEqual([]);
  });

  it("counts a name's small words or not, and opens the expansion on no small word", () => {
    expect(acronymExpansions("It went to the Department of Justice (DOJ) in May.", true)).toEqual([{ acronym: "DOJ", expansion: "Department of Justice" }]);
    expect(acronymExpansions("They built the command and service module (CSM).", true)).toEqual([{ acronym: "CSM", expansion: "command and service module" }]);
  });

  it("finds nothing where no tail's words give the acronym's letters, and keeps the capitalised reading where both find one", () => {
    expect(acronymExpansions("The gas methane (CH4) traps heat.", true)).toEqual([]);
    // One letter short: no word gives the Q.
    expect(acronymExpansions("It met the Burgas Xenon Board of Varna (BXQ) twice.", true)).toEqual([]);
    // A formula is no acronym, though its letters are in the name.
    expect(acronymExpansions("The gas carbon dioxide (CO2) traps heat.", true)).toEqual([]);
    // One word is no definition, however many of the letters it holds.
    expect(acronymExpansions("The anaconda (ANA) swam.", true)).toEqual([]);
    // "the Varna harbour board (VHB)" read without case would begin at "the": the capitalised name is taken.
    expect(acronymExpansions("Pilots of the Varna Harbour Board (VHB) met.", true)).toEqual([{ acronym: "VHB", expansion: "Varna Harbour Board" }]);
  });
});
