import { POINTS_BACK, POINTS_BACK_WORDS, datesATitle, pronounBeforeAnyName, questionFlags, searchPointsBack } from "~/questions/flags";
import { statementOf } from "~/content/questions/rules";

describe("automatic checks on a question", () => {
  it("flags a statement that points at a person before naming anyone, unless a sentence before it is shown", () => {
    expect(pronounBeforeAnyName("In 1885, he tested the serum on a boy.")).toBe(true);
    expect(pronounBeforeAnyName("In 1885, Marta Lind tested her serum on a boy.")).toBe(false);
    expect(pronounBeforeAnyName("IMO and the HWB signed their agreement in 1950.")).toBe(false);
    // A name opening the sentence, a verb right after it: the sentence's subject, named.
    expect(pronounBeforeAnyName("Lind filed her patent application in 1892.")).toBe(false);
    expect(pronounBeforeAnyName("Lind's assistant ran her laboratory in Oslo.")).toBe(false);
    expect(questionFlags({ prompt: "Lind filed her patent application on _____.", answer: "28 February 1892" })).toEqual([]);
    // Not a word whose capital is only the sentence's.
    expect(pronounBeforeAnyName("This showed his skill in 1892.")).toBe(true);
    expect(pronounBeforeAnyName("The exiled king returned to his throne in 1892.")).toBe(true);
    // A plural opening is someone else's subject: "his" is another's.
    expect(pronounBeforeAnyName("Critics praised his second novel, published in 1892.")).toBe(true);
    expect(pronounBeforeAnyName("Charles's brother ran his laboratory in Oslo.")).toBe(false);
    // A name, a phrase set off by commas, then its verb: still the sentence's subject; not an opening adverb.
    expect(pronounBeforeAnyName("Lind, then aged 70, ran the inquiry from her office in Oslo.")).toBe(false);
    expect(pronounBeforeAnyName("Meanwhile, in the north, the harbour master raised his dues.")).toBe(true);
    expect(pronounBeforeAnyName("Moreover, in 1890, followed his advice.")).toBe(true);
    // "they" after a plural noun of its own sentence, or after someone and a relative.
    expect(pronounBeforeAnyName("Well over 300 lighthouses are now known, and they guide ships.")).toBe(false);
    expect(questionFlags({ prompt: "In May _____ the pilot Ivo Marn and his wife, on their honeymoon, charted the bay.", answer: "1897" })).toEqual([]);
    expect(questionFlags({ prompt: "In May _____ the pilot Ivo Marn, on their honeymoon, charted the bay.", answer: "1897" })).toEqual(["dangling-reference"]);
    // An adverb or a verb in "-s" is no plural subject.
    expect(questionFlags({ prompt: "In _____ the harbour master always had their loyalty.", answer: "1641" })).toEqual(["dangling-reference"]);
    expect(pronounBeforeAnyName("In 1905 the port requires trained pilots and their families.")).toBe(true);
    expect(questionFlags({ prompt: "In _____, he tested the serum on a boy.", answer: "1885" })).toEqual(["dangling-reference"]);
    expect(
      questionFlags({ prompt: "Marta Lind worked in Oslo. In _____, she tested the serum on a boy.", answer: "1885" }),
    ).toEqual([]);
  });

  it("flags a blank that is a piece of a longer name", () => {
    // A date that names an event: its year is the rest of the name; a dated event's year is not.
    expect(questionFlags({ prompt: "Port security tightened after the attacks of March 3, _____.", answer: "1994" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The port reopened on March 3, _____.", answer: "1994" })).toEqual([]);
    // "...Cooperation Initiative (ICI) _____ in Kuwait": the name goes on past its acronym.
    expect(questionFlags({ prompt: "Courses ran at the Harbour Pilots Initiative (HPI) _____ in Varna.", answer: "Training Centre" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The _____ Harbour Authority runs the port.", answer: "Northern Coast" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "Students of Polytechnic _____ founded the club.", answer: "Varna" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "In 1949 Mao proclaimed the People's _____.", answer: "Republic of Varna" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The _____ runs the port of Varna.", answer: "Northern Coast Harbour Authority" })).toEqual([]);
    // A name's words joined by another language's "and", or a word with an apostrophe inside, before the blank.
    expect(questionFlags({ prompt: "Ivo Marn trained at the École des Ponts et _____ in Varna.", answer: "Chaussées" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The lenses were made by Barbier, Bénard et _____ of Varna.", answer: "Turenne" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The pilots' treatise, the Kaz'ō _____, was copied for centuries.", answer: "Densho" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The lenses were made in Varna and _____ in 1850.", answer: "Ostrava" })).toEqual([]);
    // A name goes on past "of", "on" or "for" and a capital.
    expect(questionFlags({ prompt: "The _____ on Safe Anchorage in the Black Sea was signed.", answer: "Regional Agreement" })).toEqual([
      "piece-of-a-name",
    ]);
    expect(questionFlags({ prompt: "The _____ on 4 May closed the port.", answer: "Harbour Board" })).toEqual([]);
    expect(questionFlags({ prompt: "The Agreement on Safe Anchorage in _____ was signed.", answer: "Black Sea" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The pilots met in _____ in May.", answer: "Varna" })).toEqual([]);
    // A day that names an event.
    expect(questionFlags({ prompt: "After the _____ storm, the port was rebuilt.", answer: "March 12" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The port was rebuilt after _____.", answer: "March 12" })).toEqual([]);
    // The first word's capital says nothing.
    expect(questionFlags({ prompt: "Then _____ took over the port.", answer: "Varna" })).toEqual([]);
    // A blank with no space between it and the text beside it splits one written token.
    expect(questionFlags({ prompt: "The tug had a Marlow M._____ diesel.", answer: "4" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The _____12/40 was the first tug.", answer: "Marlow T." })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The _____class tugs were built in Varna.", answer: "Marlow" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The tug ran on a single _____ diesel.", answer: "Marlow M.4" })).toEqual([]);
    expect(questionFlags({ prompt: "The quay is _____km long.", answer: "12" })).toEqual([]);
    // A number after an acronym names a standard or a model, but not after an era's.
    expect(questionFlags({ prompt: "Container sizes follow ISO _____, agreed in 1968.", answer: "1161" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The port of Varna was founded in AD _____.", answer: "79" })).toEqual([]);
    expect(questionFlags({ prompt: "The vote in the UK _____ referendum was close.", answer: "2016" })).toEqual([]);
    // A word after an initial is the rest of the name the initial begins; a numeral ending a sentence is no initial.
    expect(questionFlags({ prompt: "The tug yard was founded by A. W. _____ in 1761.", answer: "Marlow" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The hull was drawn by J. _____ of Varna.", answer: "Marlow" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "Harbour mud holds V. _____, a marine bacterium.", answer: "fischeri" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "Tugs first served in World War I. _____ built the first ones.", answer: "Marlow" })).toEqual([]);
    // A letter that ends the sentence before is no initial.
    expect(questionFlags({ prompt: "Varna topped Group C. _____ finished second in 1970.", answer: "Burgas" })).toEqual([]);
    expect(questionFlags({ prompt: "Scurvy is cured by vitamin C. _____ proved it at Varna in 1747.", answer: "Ivo Marn" })).toEqual([]);
    // A regnal number is the rest of its holder's name, even where the name opens the sentence.
    expect(questionFlags({ prompt: "Ivan _____'s fleet wintered at Varna.", answer: "IV" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The fleet of Ivan _____ wintered at Varna.", answer: "IV" })).toEqual(["piece-of-a-name"]);
  });

  it("flags a blank that is one half of a range, a power or a unit", () => {
    expect(questionFlags({ prompt: "The canal was dug in _____–61.", answer: "1859" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The lock holds 2^_____ litres.", answer: "20" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "Granite has a density of about _____/cm3.", answer: "2.7 g" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The canal opened in _____.", answer: "1869" })).toEqual([]);
    expect(questionFlags({ prompt: "The crossing took about _____ and a half hours.", answer: "four" })).toEqual(["part-of-a-number"]);
  });

  it("flags a reading or a claim that says not whose", () => {
    expect(questionFlags({ prompt: "In _____ the harbour board rejected the reading.", answer: "1922" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "In _____ the harbour board rejected the reading of 58 °C at Varna.", answer: "1922" })).toEqual([]);
  });

  it("flags one month of two side by side", () => {
    expect(questionFlags({ prompt: "In _____ and October 1835 the ship stayed at Varna.", answer: "September" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "From March to _____ 1835 the ship stayed at Varna.", answer: "May" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "Every _____ the ship stayed at Varna.", answer: "September" })).toEqual([]);
  });

  it("flags a compound adjective that describes the noun after it", () => {
    expect(questionFlags({ prompt: "Ships joined the _____ blockade of Varna.", answer: "Ostrava-led" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "Pilots tracked the movement of _____ cargo.", answer: "arms-related" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "The blockade of Varna was _____.", answer: "Ostrava-led" })).toEqual([]);
    // An adjective capitalised only because it opens the sentence.
    expect(questionFlags({ prompt: "_____ instances include the blockade of Varna.", answer: "Notable" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "_____ joined the blockade of Varna.", answer: "Ostrava" })).toEqual([]);
    // A subject that opens a sentence with a noun's ending is no adjective.
    for (const subject of ["Parliament", "Portugal", "Hungary", "President"]) expect(questionFlags({ prompt: "_____ passed the harbour act in 1765.", answer: subject })).toEqual([]);
    expect(questionFlags({ prompt: "_____ platforms share the charts of Varna.", answer: "Multilateral" })).toEqual(["modifier"]);
    // A common comparative, before its noun or its comma.
    expect(questionFlags({ prompt: "Old charts were vague. _____, steel hulls let the ships carry more.", answer: "Larger" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "_____ quays were built after the storm.", answer: "Longer" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "_____ was the first pilot of Varna.", answer: "Walker" })).toEqual([]);
    // After an abbreviation's full stop, not a sentence's.
    expect(questionFlags({ prompt: "Funding for U.S. _____ harbours doubled in 1960.", answer: "Larger" })).not.toContain("modifier");
  });

  it("flags a people's adjective that opens a clause before a noun, not a name before its verb", () => {
    expect(questionFlags({ prompt: "Ivo Marn charted the bay; _____ tradition names him the first pilot.", answer: "Bulgarian" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "_____ tradition describes the harbour of Varna.", answer: "Turkish" })).toEqual(["modifier"]);
    // A person's name or a language ending the same way, before its verb or an adverb; a people's adjective inside a clause.
    expect(questionFlags({ prompt: "Ivo Marn charted the bay; _____ wrote the pilots' guide.", answer: "Julian" })).toEqual([]);
    expect(questionFlags({ prompt: "Ivo Marn charted the bay; _____ also wrote the pilots' guide.", answer: "Julian" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ sailed to Varna in 1820.", answer: "Adrian" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ is the language of the Varna pilots.", answer: "Bulgarian" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ argues that the charts were forged.", answer: "Eric" })).toEqual([]);
    expect(questionFlags({ prompt: "The pilots sailed to the _____ coast in 1820.", answer: "Bulgarian" })).not.toContain("modifier");
  });

  it("flags a date that names an event after \"the events of\", and one example after a plural noun and \"like\"", () => {
    expect(questionFlags({ prompt: "Ports tightened their checks after the events of _____.", answer: "March 3, 1991" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Ports tightened their checks after a storm on _____.", answer: "March 3, 1991" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The events of _____ changed the port's rules.", answer: "March 3, 1991" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The guards were set against smuggling rings like _____.", answer: "the Black Hand" })).toContain("list-slot");
    // A verb of likeness before "like" makes a comparison, not an example.
    expect(questionFlags({ prompt: "The new harbour law works like _____.", answer: "the Varna Charter" })).not.toContain("list-slot");
    expect(questionFlags({ prompt: "Critics say his log reads like _____.", answer: "Ivo Marn" })).not.toContain("list-slot");
  });

  it("flags the other decade of two side by side", () => {
    expect(questionFlags({ prompt: "Trade grew in the 1770s and _____.", answer: "1780s" })).toEqual(["part-of-a-number"]);
  });

  it("flags the other half of two numbers side by side", () => {
    expect(questionFlags({ prompt: "Between 50 to _____ million people moved.", answer: "70" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The catalyst is used at 10−_____ mol.", answer: "3" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The loop counts 0, _____, 2, 3.", answer: "1" })).toEqual(["part-of-a-number"]);
  });

  it("flags a prompt that names what its key is named from", () => {
    expect(questionFlags({ prompt: "The Marn scale was devised in 1921 by _____.", answer: "Ivo Marn" })).toEqual(["key-echoed"]);
    expect(questionFlags({ prompt: "Who built the Varnaport crane?", answer: "Petar Varnaport" })).toEqual(["key-echoed"]);
    // The first five letters of a longer name: "the Odessan fleet" for Odessa's.
    expect(questionFlags({ prompt: "The Odessan fleet was based in _____ until 1920.", answer: "Odessan Bay" })).toEqual(["key-echoed"]);
    // Another name, a month, or a true/false key is no echo.
    expect(questionFlags({ prompt: "The Marn scale was devised in 1921 by _____.", answer: "Petar Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "The strike began on 2 October and ended on _____.", answer: "28 October" })).toEqual([]);
    expect(questionFlags({ prompt: "True or false: The Marn scale was devised in 1921.", answer: "True" })).toEqual([]);
    // Only the first five letters of a longer name: "Varnan forces" for Varnastan.
    expect(questionFlags({ prompt: "Varnan forces crossed the river into _____ in 1920.", answer: "Varnastan" })).toEqual(["key-echoed"]);
    // A head many names share, or a regnal number, echoes nothing: "the European Union" for the Soviet Union.
    expect(questionFlags({ prompt: "The European Union traded grain with the _____ in 1975.", answer: "Soviet Union" })).toEqual([]);
    expect(questionFlags({ prompt: "Henry VIII was followed on the throne by _____.", answer: "Edward VI" })).toEqual([]);
    expect(questionFlags({ prompt: "The United States signed the pact with the _____ in 1946.", answer: "United Nations" })).toEqual([]);
    // Capitals inside a word are no name: "portMarnix" names no Marnix.
    expect(questionFlags({ prompt: "The file portMarnix.txt was written in _____.", answer: "Marnix Bay" })).toEqual([]);
  });

  it("flags a sentence cut before the list it introduces", () => {
    expect(questionFlags({ prompt: "Aid was shared out by the _____, and the largest shares went to.", answer: "Varna Council" })).toContain("fragment");
    expect(questionFlags({ prompt: "Aid was shared out by the _____, and the largest share went to Varna.", answer: "Harbour Council" })).toEqual([]);
    // A sentence may end on "is", and on a capital letter that is a name.
    expect(questionFlags({ prompt: "The gas is more soluble in water than _____ is.", answer: "oxygen" })).toEqual([]);
    expect(questionFlags({ prompt: "Night blindness follows a lack of _____, also called vitamin A.", answer: "retinol" })).toEqual([]);
  });

  it("flags a decade a year of it gives away, an acronym that opens a longer one, a term's first part and a result of nothing named", () => {
    expect(questionFlags({ prompt: "In the _____ the board began a canal, but work was halted in 1882.", answer: "1880s" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "In the _____ the board began a canal, and it opened in 1901.", answer: "1880s" })).toEqual([]);
    expect(questionFlags({ prompt: "Each turn reduces the coenzyme _____ to VRNH.", answer: "VRN" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Each turn copies the coenzyme _____ into the cell.", answer: "VRN" })).toEqual([]);
    expect(questionFlags({ prompt: "Fermentation regenerates _____+ for the next turn.", answer: "VRN" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The result, the _____ vaccine, was licensed in 1963.", answer: "Varna" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "The result of the harbour vote was announced in _____.", answer: "Varna" })).toEqual([]);
  });

  it("flags a count the list after it spells out, and the two of a pair just named, not a count the sentence leaves to the lesson", () => {
    expect(questionFlags({ prompt: "The Varna ferry was refitted _____ times: in 1911, 1924, 1938 and 1950.", answer: "four" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Salt reaches the lagoon in _____ ways: by the tide, by the river, and by the wind.", answer: "three" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The port is run by _____ boards: the Harbour Board of Varna; the Dock Board, founded 1902; and the Pilot Board.", answer: "3" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Which number fills the blank? The _____ towns signed the Charter of Marn.", answer: "two" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Varna opened _____ \"free ports\" (Marn, Ostra, Velk and Dalm) to foreign ships.", answer: "four" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Varna opened _____ free ports (about a tenth of its coast) to foreign ships.", answer: "four" })).toEqual([]);
    expect(questionFlags({ prompt: "In 1920 Varnia was formed of _____ parts, North Varnia and South Varnia, split by a gulf.", answer: "two" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The board sent _____ ships, Varna and Marn, to the coast.", answer: "three" })).toEqual([]);
    // A count with no list after it, a list of another length, and a count that is not a pair just named.
    expect(questionFlags({ prompt: "The Varna ferry carried a crew of _____ sailors.", answer: "nine" })).toEqual([]);
    expect(questionFlags({ prompt: "The port has _____ docks: the north dock and the south dock.", answer: "three" })).toEqual([]);
    expect(questionFlags({ prompt: "The towns adopted the _____ Marn Charters of 1712.", answer: "four" })).toEqual([]);
    expect(questionFlags({ prompt: "The ferry was refitted _____ times before 1950.", answer: "four" })).toEqual([]);
    // Items whose describing words hold commas, counted by the counted word after "a" (not by "the garúa season").
    const seasons = "Varna has _____ seasons: a warm, wet season from May to June and a cool, misty season, called the garúa season, from July.";
    expect(questionFlags({ prompt: seasons, answer: "two" })).toContain("key-echoed");
    expect(questionFlags({ prompt: seasons, answer: "three" })).toEqual([]);
  });

  it("flags a place its own adjective gives away", () => {
    expect(questionFlags({ prompt: "In _____, the board ordered engines for British Railways.", answer: "Britain" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The Velkian navy sailed from _____ in 1911.", answer: "Velkia" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The Velkian navy sailed from _____ in 1911.", answer: "Marn" })).toEqual([]);
    // Made by an ending the first letters would not find, or by none.
    expect(questionFlags({ prompt: "The Italian fleet sailed for _____ in 1911.", answer: "Italy" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The French fleet sailed for _____ in 1911.", answer: "France" })).toContain("key-echoed");
  });

  it("flags a duration the dates after it work out, not one the prompt leaves to the lesson", () => {
    expect(questionFlags({ prompt: "The ferry stayed at Varna for about _____ from 15 September to 20 October 1835.", answer: "five weeks" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The blockade lasted _____, from 1845 to 1849, and emptied the port.", answer: "four years" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The ferry stayed at Varna for about _____ in 1835.", answer: "five weeks" })).toEqual([]);
    expect(questionFlags({ prompt: "The ferry stayed for _____ from 15 September to 20 October 1835.", answer: "Varna" })).toEqual([]);
    // Dates of another clause say nothing of it.
    expect(questionFlags({ prompt: "The ship took _____ to reach Marn, and from 1845 to 1849 it served as a ferry.", answer: "three weeks" })).toEqual([]);
  });

  it("flags a name whose words but the last the prompt shows in another name", () => {
    const prompt = "Each year Varna marks Kastro Harbour Day, and a _____ museum opened in 2024.";
    expect(questionFlags({ prompt, answer: "Kastro Harbour Memorial" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Each year Varna marks its harbour day, and a _____ museum opened in 2024.", answer: "Kastro Harbour Memorial" })).not.toContain("key-echoed");
    // Two words share only a first name or a generic head: no more given away than before.
    expect(questionFlags({ prompt: "Ivo Marn sailed with _____ in 1840.", answer: "Ivo Kastro" })).not.toContain("key-echoed");
    expect(questionFlags({ prompt: "After the Treaty of Varna came the _____ in 1840.", answer: "Treaty of Kastro" })).not.toContain("key-echoed");
    // A firm named for a family ("Kastro Brothers"): its family name is what the key names.
    expect(questionFlags({ prompt: "After the Kastro crash of 1890 the port organised a rescue of _____.", answer: "Kastro Brothers" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "After the crash of 1890 the port organised a rescue of _____.", answer: "Kastro Brothers" })).not.toContain("key-echoed");
  });

  it("flags a gloss: one of two quoted meanings, or a translation whose word the name before it shows", () => {
    const gloss = 'Marnish (Varnish for "harbour" or "_____") is the port\'s old name.';
    expect(questionFlags({ prompt: gloss, answer: "haven" })).toContain("list-slot");
    expect(questionFlags({ prompt: 'Marnish (Varnish for "_____" or "haven") is the port\'s old name.', answer: "harbour" })).toContain("list-slot");
    expect(questionFlags({ prompt: 'The port was called "_____" until 1921.', answer: "Marnish" })).not.toContain("list-slot");
    // Two choices or two names in quotes are no glosses: each is asked as itself.
    expect(questionFlags({ prompt: 'Varna voted on whether to "Remain" or "_____" in 1921.', answer: "Leave" })).not.toContain("list-slot");
    const translated = "In 2006 Varna created the Marine Nature Reserve of Kastro (_____ naturelle marine de Kastro).";
    expect(questionFlags({ prompt: translated, answer: "Réserve" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "In 2006 Varna created the Marine Nature Park of Kastro (_____ naturelle marine de Kastro).", answer: "Réserve" })).not.toContain("key-echoed");
  });

  it("flags a month and year asked where the year is shown: only the month is left to recall", () => {
    const prompt = "In 1895 the harbour board met in Varna. It opened the new pier in _____.";
    expect(questionFlags({ prompt, answer: "March 1895" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The harbour board opened the new pier in _____.", answer: "March 1895" })).not.toContain("key-echoed");
    expect(questionFlags({ prompt: "In 1894 the harbour board met in Varna. It opened the new pier in _____.", answer: "March 1895" })).not.toContain("key-echoed");
    expect(questionFlags({ prompt, answer: "12 March 1895" })).not.toContain("key-echoed");
  });

  it("flags a unit asked alone after its number, a count its list gives, and days its dates give", () => {
    expect(questionFlags({ prompt: "The beacon's signal peaks at about 160 _____ at night.", answer: "GHz" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The beacon's signal peaks at about _____ at night.", answer: "160 GHz" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "In 1805 _____ crossed the harbour.", answer: "Varna" })).not.toContain("part-of-a-number");
    // A person or a place after a year, however its name reads as a unit.
    expect(questionFlags({ prompt: "In 1887 _____ demonstrated radio waves in Varna.", answer: "Hertz" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "In 2002 _____ coins reached Varna.", answer: "euro" })).not.toContain("part-of-a-number");
    const chain = "The seal is made of _____ linked plates, copper 12, tin 4 and zinc 9, which fuse when heated.";
    expect(questionFlags({ prompt: chain, answer: "three" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The seal is made of _____ linked plates, which fuse when heated.", answer: "three" })).not.toContain("key-echoed");
    // A list of other things, or items of mixed shapes, counts nothing the key counts.
    for (const prompt of [
      "The town has _____ bridges, two museums, a cathedral and a castle.",
      "The band released _____ albums, toured Varna, Burgas and Kastro, and split in 1999.",
      "Marn wrote _____ novels, most set in Varna, Burgas or Kastro.",
    ])
      expect(questionFlags({ prompt, answer: "three" })).not.toContain("key-echoed");
    const crash = "The Varna scheme collapsed within _____: after peaking on 14 October, the price fell on 16 October.";
    expect(questionFlags({ prompt: crash, answer: "two days" })).toContain("key-echoed");
    expect(questionFlags({ prompt: crash, answer: "five days" })).not.toContain("key-echoed");
    // Dates of other years, or of another sentence, say nothing of it.
    expect(questionFlags({ prompt: "The siege lasted _____, from a rising on 3 May 1990 to a truce on 5 May 1991.", answer: "two days" })).not.toContain("key-echoed");
    expect(questionFlags({ prompt: "The siege lasted _____, and the city fell on 1 May. On 3 May the king fled.", answer: "two days" })).not.toContain("key-echoed");
  });

  it("flags one side of a size given as its sides", () => {
    expect(questionFlags({ prompt: "The crates measured about _____ by 40 by 25 centimetres.", answer: "60" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The crates measured about 60 by _____ by 25 centimetres.", answer: "40" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The crates measured about 60 by 40 by _____ centimetres.", answer: "25" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The pier was lengthened by _____ metres in 1904.", answer: "60" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "By 1904 about _____ crates passed through the port.", answer: "600" })).not.toContain("part-of-a-number");
    // "by" before a year, or after one, dates a figure: no size.
    expect(questionFlags({ prompt: "The port's trade grew to around _____ by 1851.", answer: "300,000 tonnes" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The port's trade grew to around 300,000 tonnes by _____.", answer: "1851" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The pilot scheme, launched in 2009 by _____ ports, spread quickly.", answer: "six" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The port's dues were cut by 5 by _____.", answer: "1990" })).not.toContain("part-of-a-number");
  });

  it("flags a piece of a name joined by a small particle, or after the acronym that opens it", () => {
    expect(questionFlags({ prompt: "Patrols met groups such as Dar Varna _____ wal Marnin.", answer: "al-Bahr" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Patrols met groups such as _____ al-Bahr wal Marnin.", answer: "Dar Varna" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The board worked with the VHB _____ on the new quay.", answer: "Harbour Works Office" })).toContain("piece-of-a-name");
    // An acronym opening the sentence is its subject; a lower-case word after the blank ends the name.
    expect(questionFlags({ prompt: "VHB _____ sent pilots to the quay.", answer: "Harbour Works" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Patrols met groups such as _____ at sea.", answer: "Dar Varna" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The cut was named after the engineer _____ du Bose Marn.", answer: "Ivo" })).toContain("piece-of-a-name");
    // "Carlos do Carmo": the first name, or the name after the particle, is half of one name.
    expect(questionFlags({ prompt: "The harbour singer _____ do Varna (1931–2004) recorded the song.", answer: "Ivo" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The harbour singer Ivo do _____ (1931–2004) recorded the song.", answer: "Varna" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The harbour singer _____ (1931–2004) recorded the song.", answer: "Ivo do Varna" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Why do _____ eat so much fish in Varna?", answer: "Norwegians" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "It is held at the _____ y Mundial in August.", answer: "Varna Harbour Festival" })).toContain("piece-of-a-name");
  });

  it("flags a count's other value in words, a name begun after an initial, and a count with no noun", () => {
    expect(questionFlags({ prompt: "The ferry carried between _____ and twelve passengers.", answer: "eight" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "Poets kept to only _____ or five rhymes.", answer: "four" })).toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The ferry carried _____ and a crew of twelve.", answer: "forty passengers" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The Varna Harbour Board and _____ shared the quay.", answer: "Marn Shipping" })).not.toContain("part-of-a-number");
    expect(questionFlags({ prompt: "The wire came from Ivo B. Marn's _____.", answer: "Sons Company" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The quay was rebuilt in 1911. Marn's _____ paid for it.", answer: "Harbour Board" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "_____ wrote more than 500, and Ivo Marn wrote 64.", answer: "Petar Varna" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "_____ wrote more than 500 ballads, and Ivo Marn wrote 64.", answer: "Petar Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "In about 1850, _____ moved to the harbour.", answer: "Petar Varna" })).toEqual([]);
  });

  it("flags an acronym whose expansion the prompt echoes, and one example of a class after its cue", () => {
    const acronym = { prompt: "In Varnia, the _____ promotes shared port patrols.", answer: "VPU", accepted: ["VPU", "Varnian Union"] };
    expect(questionFlags(acronym)).toContain("key-echoed");
    expect(questionFlags({ ...acronym, prompt: "In Marn, the _____ promotes shared port patrols." })).toEqual([]);
    expect(questionFlags({ prompt: "The board backs port patrols, such as the _____.", answer: "Harbour Watch" })).toContain("list-slot");
    expect(questionFlags({ prompt: "The board backs patrols, like the _____ (HW).", answer: "Harbour Watch" })).toContain("list-slot");
    // The example pinned down by what follows, and "like" as a verb.
    expect(questionFlags({ prompt: "The board backs patrols such as the _____, which trains pilots in 40 ports.", answer: "Harbour Watch" })).toEqual([]);
    expect(questionFlags({ prompt: "The board would like _____.", answer: "Ivo Marn" })).toEqual([]);
  });

  it("leaves alone sizes, sentences after a regnal number or an abbreviation, spans of years and verbs of likeness", () => {
    expect(questionFlags({ prompt: "In _____, the population of Varna was about 5,000.", answer: "1900" })).toEqual([]);
    expect(questionFlags({ prompt: "By _____ the port had grown to over 20,000.", answer: "1900" })).toEqual([]);
    expect(questionFlags({ prompt: "The rebels deposed Ivo I. In _____, the army took the harbour.", answer: "Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "The quay was sold to the U.S. In _____, a flag was raised.", answer: "Marn" })).toEqual([]);
    expect(questionFlags({ prompt: "The canal opened in _____ and ten years later it was widened.", answer: "1914" })).toEqual([]);
    expect(questionFlags({ prompt: "The charter was signed by _____ ten harbour towns.", answer: "Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "In the _____ years that followed, the harbour grew.", answer: "two" })).toEqual([]);
    expect(questionFlags({ prompt: "From the air the island looks like the _____.", answer: "Boot" })).toEqual([]);
  });

  it("flags a number between a name's words as a piece of the name, not a year after an opening word", () => {
    expect(questionFlags({ prompt: "In 2015 the board adopted the Harbour _____ Long-Term Plan.", answer: "2040" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "In _____ Ivo Marn charted the bay.", answer: "1712" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The board met. In _____ Ivo Marn charted the bay.", answer: "1712" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The fleet sailed with Varna _____ and Varna 12 in convoy.", answer: "11" })).not.toContain("piece-of-a-name");
    // A year after its month, before the sentence's subject.
    expect(questionFlags({ prompt: "On 2 May _____ King Ivo granted the harbour a charter.", answer: "1670" })).not.toContain("piece-of-a-name");
  });

  it("flags the possessive that names a place with the word after it, and a house number before its street", () => {
    expect(questionFlags({ prompt: "Climbers reach the rim at Varna Point or _____'s Point.", answer: "Marn" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Pilots read _____'s charts of the bay.", answer: "Marn" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Ivo Marn built a house at _____ bis rue Varna in Paris.", answer: "25" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The pilots met at _____ Harbour Street.", answer: "12" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The pilots met _____ times in Varna.", answer: "12" })).not.toContain("piece-of-a-name");
    // A year before a street's name, "via", and a possessor before a college are none of these.
    expect(questionFlags({ prompt: "In _____ Harbour Street became the pilots' home.", answer: "1735" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Membership rose to _____ via mergers with smaller guilds.", answer: "300" })).not.toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "_____'s College of Pilots opened in 1900.", answer: "Marn" })).not.toContain("piece-of-a-name");
  });

  it("flags the ordinal of a title as a piece of its holder's name", () => {
    expect(questionFlags({ prompt: "In 1790 Ivo Marn, _____ Earl of Varna, built a press.", answer: "4th" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The _____ Duke of Varna sold the press.", answer: "second" })).toContain("piece-of-a-name");
    // An ordinal that counts something else is not.
    expect(questionFlags({ prompt: "The press was the _____ built in Varna.", answer: "third" })).not.toContain("piece-of-a-name");
  });

  it("flags a key of two names that ends a list begun before the blank", () => {
    expect(questionFlags({ prompt: "Ports such as Varna, _____ raised their dues.", answer: "Odessa and Burgas" })).toContain("list-slot");
    expect(questionFlags({ prompt: "The fleet took Varna, _____ in one summer.", answer: "Odessa and the Crimea" })).toContain("list-slot");
    // Two names that are the whole list, or one name after a comma, are not.
    expect(questionFlags({ prompt: "In 1820 the fleet took _____ in one summer.", answer: "Odessa and Burgas" })).not.toContain("list-slot");
    expect(questionFlags({ prompt: "After a long siege, _____ fell to the fleet.", answer: "Odessa" })).not.toContain("list-slot");
    // An opening phrase closed by a comma is no list.
    expect(questionFlags({ prompt: "In 1848, _____ published the harbour charter.", answer: "Ivo Marn and Ana Bek" })).not.toContain("list-slot");
    expect(questionFlags({ prompt: "In Varna, _____ published the harbour charter.", answer: "Ivo Marn and Ana Bek" })).not.toContain("list-slot");
  });

  it("flags one blank for two bodies or places joined by \"and the\" where nothing says two are wanted", () => {
    const flags = (prompt: string, answer: string) => questionFlags({ prompt, answer });
    expect(flags("The harbour guards acted chiefly against _____.", "al-Rasad and the Night Pilots")).toContain("two-in-one");
    expect(flags("The fleet hired crews from _____, a river people.", "Varna and the Drava Boatmen")).toContain("two-in-one");
    // Two are wanted: "between", a plural noun before the blank, a title's cue.
    expect(flags("The ferry ran between _____ every summer.", "Varna and the Drava Delta")).not.toContain("two-in-one");
    expect(flags("The schooners _____ shelled the port.", "Vega and the Resolute")).not.toContain("two-in-one");
    expect(flags("In his book _____, Ivo Marn described the port.", "Varna and the Sea")).not.toContain("two-in-one");
    // One name with "and the" inside it, a title or a country after a word that names or "of", two names joined without "the".
    expect(flags("The port was run by the _____ after 1850.", "Commission for Varna and the Lower Drava")).not.toContain("two-in-one");
    expect(flags("Ivo Marn published _____ in 1964.", "Charlie and the Harbour Factory")).not.toContain("two-in-one");
    expect(flags("Kingstown is the capital of _____.", "Saint Vincent and the Grenadines")).not.toContain("two-in-one");
    expect(flags("The crews sailed against _____ in 1820.", "The Old Man and the Sea")).not.toContain("two-in-one");
    expect(flags("The fleet hired crews from _____ in 1820.", "Varna and Burgas")).not.toContain("two-in-one");
  });

  it("flags a prize its field names after the blank", () => {
    expect(questionFlags({ prompt: "Ivo Marn received the _____ in Physics in 1923.", answer: "Nobel Prize" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "Ivo Marn received the Nobel Prize in Physics in _____.", answer: "1923" })).toEqual([]);
    expect(questionFlags({ prompt: "Ivo Marn received the _____ for his charts in 1923.", answer: "Varna Medal" })).toEqual([]);
    expect(questionFlags({ prompt: "Ivo Marn received the _____ in physics in 1923.", answer: "Nobel Prize" })).toContain("key-echoed");
  });

  it("flags a measure whose other unit the prompt gives right after the blank", () => {
    expect(questionFlags({ prompt: "Each dock was _____ (about 610 metres) long.", answer: "2,000 feet" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The channel was _____, or roughly 16 kilometres, wide.", answer: "10 miles" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The board fixed the league at exactly _____, or about 5.6 million km.", answer: "5,556,000 metres" })).toContain("key-echoed");
    // Another measure beside it, or a year, is no conversion.
    expect(questionFlags({ prompt: "The dock was _____ long, and 300 metres of it were paved.", answer: "2,000 feet" })).toEqual([]);
    expect(questionFlags({ prompt: "The dock opened in _____ (after 4 years of work).", answer: "1912" })).toEqual([]);
    // A count, or a number of another kind in brackets, is no conversion.
    expect(questionFlags({ prompt: "The port had a population of _____ (2020 census).", answer: "3.2 million" })).toEqual([]);
    expect(questionFlags({ prompt: "The fever killed _____, or about 20 per cent of the town.", answer: "2,000 people" })).toEqual([]);
  });

  it("flags a time pointed back at: that December, that year", () => {
    expect(questionFlags({ prompt: "Who was executed in Varna that December?", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The harbour froze twice that year, closing it to _____.", answer: "Odessa" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "A storm that same month meant the harbour at _____ stayed shut.", answer: "Odessa" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "The opposite process, a slow fall in prices, is called _____.", answer: "deflation" })).toContain("dangling-reference");
    // A pointer after an opening connective: "Second, it creates _____."; a pointer opening the sentence still counts.
    expect(questionFlags({ prompt: "Second, it creates _____.", answer: "uncertainty" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "This, however, led to _____.", answer: "uncertainty" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "Empty, it holds about _____ of water.", answer: "50 millilitres" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "Second, the Varna tax creates _____.", answer: "uncertainty" })).toEqual([]);
    expect(questionFlags({ prompt: "The opposite of inflation, a slow fall in prices, is called _____.", answer: "deflation" })).toEqual([]);
    // A month's name only with its capital: "that may cause" and "that spring from" are no times.
    expect(questionFlags({ prompt: "A disease that may cause _____ spreads fast.", answer: "fever" })).toEqual([]);
    expect(questionFlags({ prompt: "Rivers that spring from the Alps feed the _____.", answer: "Rhine" })).toEqual([]);
    // A "that" clause is not a time.
    expect(questionFlags({ prompt: "Pilots reported that December storms closed _____.", answer: "Odessa" })).toEqual([]);
  });

  it("flags a blank that is one item of a list", () => {
    expect(questionFlags({ prompt: "Ports such as Varna, Constanta and the _____ trade grain.", answer: "Odessa" })).toEqual(["list-slot"]);
    expect(questionFlags({ prompt: "Ports such as _____, Varna and Constanta trade grain.", answer: "Odessa" })).toEqual(["list-slot"]);
    expect(questionFlags({ prompt: "It trades with ports such as Varna, the _____, and others.", answer: "Odessa" })).toContain("list-slot");
    // Lists of any length.
    expect(questionFlags({ prompt: "Grain leaves from _____, Varna, Burgas, Constanta, and Sulina.", answer: "Odessa" })).toContain("list-slot");
    expect(questionFlags({ prompt: "Grain leaves from Varna, Burgas, Constanta, _____, and Sulina.", answer: "Odessa" })).toContain("list-slot");
    expect(questionFlags({ prompt: "Pilots from Varna, the _____, and Odessa met in 1920.", answer: "Burgas" })).toContain("list-slot");
    expect(questionFlags({ prompt: "It drew in the ports, their fleets, _____ and, later, Odessa.", answer: "Burgas" })).toContain("list-slot");
    // A year is a slot of a list of years only: places listed after it do not make it one.
    expect(questionFlags({ prompt: "The ring was broken up in _____, where police from Kenya, Uganda, and Interpol worked together.", answer: "2012" })).toEqual([]);
    expect(questionFlags({ prompt: "Floods struck in 1990, 1995, _____, and 2004.", answer: "2001" })).toContain("list-slot");
    // A list inside the relative clause after the blank is that clause's.
    expect(questionFlags({ prompt: "Members follow the _____, which cover training, equipment, and pay.", answer: "Harbour Code" })).toEqual([]);
    expect(questionFlags({ prompt: "Ports such as Varna, Constanta and the _____, which trade grain, grew.", answer: "Odessa" })).toContain("list-slot");
    // One example after "such as" makes no list.
    expect(questionFlags({ prompt: "In countries such as France, _____ rose sharply after 1973.", answer: "inflation" })).toEqual([]);
    // The end of a list after "such as", the blank running to the end of the list.
    expect(questionFlags({ prompt: "Ports such as Varna, Burgas, _____ were blockaded in 1915.", answer: "Odessa and Sulina" })).toContain("list-slot");
    // An apposition is not a list.
    expect(questionFlags({ prompt: "The harbour master, _____, closed the port in 1931.", answer: "Ivo Marn" })).toEqual([]);
    // Items that are places with their prepositions: "across Europe, in Asia and in parts of _____".
    expect(questionFlags({ prompt: "Pilots worked across the Baltic, in the North Sea and in parts of _____.", answer: "Norway" })).toEqual(["list-slot"]);
    // A clause joined by ", and in _____" is no list.
    expect(questionFlags({ prompt: "The first lock opened in 1902, and in _____ the second one followed.", answer: "1910" })).toEqual([]);
    // Two items after "such as" make one; the first of a run of short items does too.
    expect(questionFlags({ prompt: "Pilots such as Ivo Marn and _____ charted the strait.", answer: "Ana Bek" })).toEqual(["list-slot"]);
    expect(questionFlags({ prompt: "Surveys found wrecks at depths of _____, 61, 72 and 75 metres.", answer: "43" })).toEqual(["list-slot"]);
    // A clause after the blank, however it goes on, is no list.
    expect(questionFlags({ prompt: "Lock _____, opened on 21 December 1968, was the first to take barges and the last to close.", answer: "8" })).toEqual([]);
    expect(questionFlags({ prompt: "The port lies in the _____, the sheltered arm of the bay, between two headlands and a reef.", answer: "Sound" })).toEqual([]);
    expect(questionFlags({ prompt: "Sailors would like to meet Ivo Marn and _____ in Varna.", answer: "Ana Bek" })).toEqual([]);
    // Clauses after the blank, each opening on its verb, are a list of what was done, not of what the blank is.
    expect(
      questionFlags({ prompt: "Marn took his first licence in _____, founded a tug yard in 1903, and launched a tug at Burgas, near Varna, in 1905.", answer: "1901" }),
    ).toEqual([]);
    expect(questionFlags({ prompt: "The port closed on _____, reopened in March, stayed open in summer, and closed again.", answer: "2 January" })).toEqual([]);
    expect(questionFlags({ prompt: "Grain left from _____, Burgas harbour, the Sulina arm, and Constanta.", answer: "Varna" })).toContain("list-slot");
  });

  it("flags a name and its relative clause with no main verb", () => {
    expect(questionFlags({ prompt: "_____, whose charts of the harbour encouraged investors.", answer: "Ivo Marn" })).toEqual(["fragment"]);
    expect(questionFlags({ prompt: "Ivo Marn, whose charts of the harbour encouraged investors, died in _____.", answer: "1921" })).toEqual([]);
  });

  it("flags a list item or glossary line shown as a sentence", () => {
    expect(questionFlags({ prompt: "grain, timber and _____ from the north.", answer: "furs" })).toContain("fragment");
    expect(questionFlags({ prompt: "Bollard – a short post that ropes are tied to, about _____ tall.", answer: "1 m" })).toEqual(["fragment"]);
    // A sentence cut at the wrong place.
    expect(questionFlags({ prompt: ", answering the pilots: the harbour closed in _____.", answer: "1931" })).toContain("fragment");
  });

  it("does not take an era's letters for a name", () => {
    expect(questionFlags({ prompt: "As consul from _____ BCE he reformed the courts.", answer: "81" })).toEqual(["dangling-reference"]);
  });

  it("flags a quantifier that stands for what an earlier sentence named", () => {
    expect(questionFlags({ prompt: "Most were rebuilt in _____ after the flood.", answer: "1958" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Most locks were rebuilt in _____ after the flood.", answer: "1958" })).toEqual([]);
    expect(questionFlags({ prompt: "The name was coined by a harbour clerk in _____.", answer: "1871" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The name of the port was changed in _____.", answer: "1871" })).toEqual([]);
  });

  it("flags an opening that answers or replaces what the sentence before said", () => {
    expect(questionFlags({ prompt: "In return, the harbour town received _____ a year.", answer: "40 florins" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Instead, the council built a second lock in _____.", answer: "1902" })).toEqual(["dangling-reference"]);
    // "In returning..." and a return named in full are no pointers.
    expect(questionFlags({ prompt: "In returning cargo, the port charged _____ a tonne.", answer: "2 florins" })).toEqual([]);
    expect(questionFlags({ prompt: "In return for the lease, the town received _____ a year.", answer: "40 florins" })).toEqual([]);
    // An ordinal with nothing after it, and a pronoun after an opening date, point back too.
    expect(questionFlags({ prompt: "The first, in 1377, taxed every adult over _____.", answer: "14" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "In 1925 it halted an invasion of _____.", answer: "Velkia" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The first toll, in 1377, taxed every adult over _____.", answer: "14" })).toEqual([]);
    expect(questionFlags({ prompt: "The first, second and third tolls were levied in _____.", answer: "1377" })).toEqual([]);
    expect(questionFlags({ prompt: "In 1925 it was agreed that _____ would host the fleet.", answer: "Velkia" })).toEqual([]);
    // "Nearby" is near what the sentence before described; a term used but never given is that sentence's.
    expect(questionFlags({ prompt: "Nearby lies the harbour of _____.", answer: "Velk" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "_____ did not use the term, and the guilds kept their old names.", answer: "Contemporaries" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Pilots used the term \"sound toll\" in _____.", answer: "1429" })).toEqual([]);
    expect(questionFlags({ prompt: "Clerks used the name Varna for the port after _____.", answer: "1429" })).toEqual([]);
    expect(questionFlags({ prompt: "Ivo Marn coined the term tidology in _____.", answer: "1866" })).toEqual([]);
    expect(questionFlags({ prompt: "Ivo Marn coined the term _____ in 1866.", answer: "tidology" })).toEqual([]);
  });

  it("flags a term of a proportion, the last unit of a time given in several, and a count a list after a colon gives", () => {
    expect(questionFlags({ prompt: "In the first winter almost nine in _____ pilots left the port.", answer: "ten" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "About _____ in ten pilots left the port in 1921.", answer: "nine" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The tug left the port with _____ pilots in 1921.", answer: "nine" })).toEqual([]);
    expect(questionFlags({ prompt: "The record of 2 hours 14 minutes and _____ was set in 1931.", answer: "9 seconds" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The record crossing took _____ in 1931.", answer: "9 seconds" })).toEqual([]);
    expect(
      questionFlags({ prompt: "The bay sits where _____ currents are pulling away from one another: the Cold (Northern) Current, the Warm Current and the Deep Current.", answer: "three" }),
    ).toEqual(["key-echoed"]);
  });

  it("flags sentences shown before the blank's that lean back themselves, and what points past them", () => {
    // The context's own first sentence points at someone or something it never names.
    expect(questionFlags({ prompt: "In 1901 she bought a tug. The tug was renamed _____ in 1903.", answer: "Varna" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "By the 1890s it was called the pilots' port. Its harbour master was _____.", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Ana Bek bought a tug in 1901. The tug was renamed _____ in 1903.", answer: "Varna" })).toEqual([]);
    // "Both parks", "the two ports" after a context that never names parks or ports.
    expect(questionFlags({ prompt: "The falls lie on a border. Both parks were listed in _____.", answer: "1984" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Two national parks protect the falls. Both parks were listed in _____.", answer: "1984" })).toEqual([]);
    expect(questionFlags({ prompt: "Varna and Burgas share the bay. The two ports signed a pact in _____.", answer: "1984" })).toEqual([]);
    // A time, then "it" with nothing before it; not the "it" that stands for nothing.
    expect(questionFlags({ prompt: "By the 1890s it was the busiest port of _____.", answer: "Varna" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "In 1890 it was decided that Varna would build a quay by _____.", answer: "1895" })).toEqual([]);
    // A variant or a successor of nothing named; a share of nobody named.
    expect(questionFlags({ prompt: "A lighter variant was built at Varna by _____ in 1931.", answer: "Ana Bek" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "A lighter variant of the Marn tug was built at Varna by _____ in 1931.", answer: "Ana Bek" })).toEqual([]);
    expect(questionFlags({ prompt: "Within ten years about _____ develop lung disease.", answer: "30 per cent" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Within ten years about _____ of dock workers develop lung disease.", answer: "30 per cent" })).toEqual([]);
    // The singular "they" of anyone at all.
    expect(questionFlags({ prompt: "The harness holds a worker by the chest and helps them climb in _____.", answer: "storms" })).toEqual([]);
  });

  it("flags a count the others listed after 'alongside' give, a key across two parallel phrases, a firm's possessive and the kind of others", () => {
    expect(questionFlags({ prompt: "Varna was one of the _____ main ports, alongside Burgas, the port of Sulina and Constanta.", answer: "four" })).toEqual(["key-echoed"]);
    expect(questionFlags({ prompt: "Varna was one of the _____ main ports of the coast in 1900.", answer: "four" })).toEqual([]);
    expect(questionFlags({ prompt: "The river, called the Kamchia in _____ in Romania, is 200 km long.", answer: "Bulgaria and the Tuzla" })).toEqual(["two-in-one"]);
    expect(questionFlags({ prompt: "The Varna firm _____'s Banking Company failed in 1866.", answer: "Marn" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "Cases occur in Varna, Burgas and other _____ ports.", answer: "Bulgarian" })).toEqual(["modifier"]);
  });

  it("flags a partner of an undated claim of working together, and the place of an event its date names", () => {
    expect(questionFlags({ prompt: "Varna also collaborated with the _____ to improve harbour safety.", answer: "Pilots' Guild" })).toEqual(["one-of-many"]);
    expect(questionFlags({ prompt: "Varna has agreements with _____ to share pilots.", answer: "Burgas" })).toEqual(["one-of-many"]);
    // A dated agreement is a fact of its own.
    expect(questionFlags({ prompt: "In 1881 Varna signed agreements with _____ to share pilots.", answer: "Burgas" })).toEqual([]);
    expect(questionFlags({ prompt: "After the 3/12 floods in the _____, the port was rebuilt.", answer: "Varna Gulf" })).toContain("key-echoed");
  });

  it("flags the language of a gloss, a piece of a name before its particles, and an opening participle before its noun", () => {
    expect(questionFlags({ prompt: "The Zadruga (_____ for \"household\") was the unit of the village.", answer: "Serbian" })).toEqual(["aside"]);
    expect(questionFlags({ prompt: "In Varna, the House of Pilots (_____ de los Pilotos) stands on the quay.", answer: "Casa" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "Only some towns may make it. _____ workshops are inspected each year.", answer: "Certified" })).toEqual(["modifier"]);
    // A name that ends in "-ed" opening its sentence, then its verb.
    expect(questionFlags({ prompt: "_____ founded the pilots' school in 1901.", answer: "Ahmed" })).toEqual([]);
  });

  it("flags what names nothing: the decision, the species, other populations, a companion, three words and a blank", () => {
    expect(questionFlags({ prompt: "The government of _____ gave the decision a legal framework.", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The species was first described by _____ in 1758.", answer: "Ana Bek" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Other pilots trained in _____ and sailed from Varna.", answer: "Burgas" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "A companion chart went to the _____ in Varna.", answer: "Harbour Museum" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Justice _____ dissented.", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    // A decision its sentence names, a short statement that names a place.
    expect(questionFlags({ prompt: "The Varna ruling of 1901 was upheld, and the ruling was cited by _____.", answer: "Ana Bek" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ founded Varna.", answer: "Ivo Marn" })).toEqual([]);
  });

  it("flags a compound adjective before its noun, a language a name is given in, two names 'the' joins and an abstract noun opening", () => {
    expect(questionFlags({ prompt: "The pilots are known for their famous _____ crossings of the gulf.", answer: "trans-Pontic" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "The chart was copied by a _____ scholar at Varna.", answer: "Ottoman-era" })).toEqual(["modifier"]);
    expect(questionFlags({ prompt: "In Varna the tug is known in the _____ language as vlekach.", answer: "Bulgarian" })).toEqual(["aside"]);
    expect(questionFlags({ prompt: "In _____ project, the seawall was closed in 2006.", answer: "Varna the Kamchia" })).toEqual(["two-in-one"]);
    expect(questionFlags({ prompt: "The port grew in 1901. _____ of the quay gave the town its trade.", answer: "Construction" })).toEqual(["one-of-many"]);
    // A name of two places joined by a hyphen, a body "of the" joins.
    expect(questionFlags({ prompt: "The river is part of the _____ basin.", answer: "Kamchia-Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "The _____ was closed in 2006.", answer: "Bank of the Black Sea" })).toEqual([]);
    expect(questionFlags({ prompt: "In 1471 _____ defeated the king outside Varna.", answer: "Ivo Marn the Elder" })).toEqual([]);
  });

  it("flags 'the nearest' of nothing named, and a span counted from a time the prompt never gives", () => {
    expect(questionFlags({ prompt: "The nearest harbour of any size was the fishing port of _____, 65 km to the east.", answer: "Varna" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The nearest harbour to the reef is _____.", answer: "Varna" })).toEqual([]);
    expect(questionFlags({ prompt: "Pilots paid with bonds. Over the next _____ the guild absorbed its rivals.", answer: "two years" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "In 1717 Marn founded the guild. Over the next _____ the guild absorbed its rivals.", answer: "two years" })).toEqual([]);
  });

  it("leaves alone ordinary questions that only look like this session's new cases", () => {
    const plain: [string, string][] = [
      // A person one worked with; an alliance of a war; a model's number; a count over a time; shares after "of" or "above".
      ["Marn collaborated with _____ on the chart of the bay.", "Ana Bek"],
      ["Varna allied with _____ in the Second World War.", "Burgas"],
      ["The yard launched Tug 11 in _____.", "1969"],
      ["The fleet doubled to _____ in ten years.", "2 million"],
      ["By 1980 harbour dues of 15% were common in _____.", "Varna"],
      ["Dues above 10% are considered high by the _____.", "Harbour Board"],
      // A fraction before "in the" names no event.
      ["The bill needed a 2/3 majority in the _____ to pass.", "Senate"],
      // A variant named in its own sentence; an "it" that stands for nothing; the weather.
      ["Marn built the first tug in 1908; a cheaper version was launched in _____.", "1911"],
      ["In 2010 it was revealed that _____ had been flooded.", "Varna"],
      ["During the 1930s it rained so little that _____ dried out.", "Varna Lake"],
      // Two names in the context name "both explorers", "the two countries".
      ["Marn and Bek set out from Varna in 1804. Both explorers reached the _____ in 1805.", "Black Sea"],
      ["Varnia declared war on Burgania in 1870. The two countries signed a treaty at _____ in 1871.", "Varna"],
      // "alongside" one other, then a clause about him; a colon that belongs to another noun.
      ["Marn was one of the _____ pilots, alongside Bek, who chaired the guild.", "four"],
      ["The bay has _____ piers and is famous for its fish: cod, herring and sprat.", "three"],
      // Short statements that name what they are about; terms a present-tense definition explains.
      ["_____ discovered penicillin.", "Alexander Fleming"],
      ["Diamonds consist of _____.", "carbon"],
      ["_____ of powers splits government into three branches.", "Separation"],
      // Names with an article inside, before their verbs; a title.
      ["_____ invaded Gaul in 451.", "Attila the Hun"],
      ["_____ was written by Malcolm Lowry.", "Under the Volcano"],
      // A bare noun's compound or adjective; "Other" that points at nothing.
      ["The ruling party won _____ seats in the 2019 election.", "303"],
      ["The species-area relationship was described by _____ in 1921.", "Olof Arrhenius"],
      ["Other things being equal, a rise in price reduces the quantity _____.", "demanded"],
      ["Other than members of the royal family, no one could wear _____.", "purple"],
      // Hyphenated nouns before a verb or a clause.
      ["In 1960 students began a _____ that spread across the South.", "sit-in"],
      ["Röntgen discovered the _____ while testing cathode tubes in 1895.", "X-ray"],
    ];
    for (const [prompt, answer] of plain) expect(questionFlags({ prompt, answer }), prompt).toEqual([]);
    // "Parliament took action in 1832, and the Act...": "action" names no Act.
    expect(questionFlags({ prompt: "The town took action in 1832, and the Act abolished _____.", answer: "tolls" })).toEqual(["dangling-reference"]);
    // But "leadership" names no ships, and "the owner" is no anyone.
    expect(questionFlags({ prompt: "The port is known for its leadership in trade. Both ships sank in _____.", answer: "1912" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The owner told them to leave the quay in _____.", answer: "1845" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The flag's colours are _____, red and white.", answer: "blue" })).toEqual(["list-slot"]);
  });

  it("reads a pointer's word in a name as the name's, and two days of a month as a date, not a count", () => {
    expect(questionFlags({ prompt: "The engineer Ivo Both drew a lighter tug hull in _____.", answer: "1931" })).toEqual([]);
    expect(questionFlags({ prompt: "In _____ both tugs were lost.", answer: "1931" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "The port reopened in _____, and pilots were hired over 8 and 9 March.", answer: "1931" })).toEqual([]);
    expect(questionFlags({ prompt: "The yard opened in _____, and its pilots had built over 40, and lost many.", answer: "1931" })).toEqual(["dangling-reference"]);
  });

  it("flags a lone statement that points back to what it never names", () => {
    expect(questionFlags({ prompt: "Key examples of these levies include the _____ toll.", answer: "Sound" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "True or false: The first such charter was granted in 1241.", answer: "True" })).toEqual(["dangling-reference"]);
    // Shown after the sentence it leans on, it stands.
    expect(
      questionFlags({ prompt: "Ships paid levies at Elsinore. Key examples of these levies include the _____ toll.", answer: "Sound" }),
    ).toEqual([]);
    expect(questionFlags({ prompt: "Ports such as Varna grew in the _____ century.", answer: "19th" })).toEqual([]);
    // "the system", "the problem" with nothing that says which: the one an earlier sentence named.
    expect(questionFlags({ prompt: "During the _____ the florin became the anchor of the system.", answer: "1780s" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Who had analysed the problem mathematically in 1854?", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "During the _____ the florin became the anchor of the system of harbour dues.", answer: "1780s" })).toEqual([]);
    expect(questionFlags({ prompt: "In _____ the harbour adopted the Varna system.", answer: "1902" })).toEqual([]);
    // A capitalised head with no name: "the Act" an earlier sentence named.
    expect(questionFlags({ prompt: "Pilots struck weeks before the Act became law on _____.", answer: "6 February 1918" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "Pilots struck weeks before the Harbour Act became law on _____.", answer: "6 February 1918" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ and Ivo Marn stood side by side at the event.", answer: "Ana Bek" })).toEqual(["dangling-reference"]);
    // A time counted from an earlier sentence's.
    expect(questionFlags({ prompt: "_____ closed its harbour the following day.", answer: "Varna" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "_____ closed its harbour the following day of the fair.", answer: "Varna" })).toEqual([]);
    // "A third was...": the third of what the sentences before listed.
    expect(questionFlags({ prompt: "A third was the tidal gate, designed by the engineer _____ in 1902.", answer: "Ivo Marn" })).toEqual(["dangling-reference"]);
    expect(questionFlags({ prompt: "A third lock was built by the engineer _____ in 1902.", answer: "Ivo Marn" })).toEqual([]);
    // "them" with nothing plural before it in the sentence points at an earlier one; with a plural noun, at it.
    expect(questionFlags({ prompt: "In _____ Ivo Marn brought in James Bek, a chemist from Varna, to help purify them.", answer: "1921" })).toEqual([
      "dangling-reference",
    ]);
    expect(questionFlags({ prompt: "In _____ the chemists of Varna learnt to purify them.", answer: "1921" })).toEqual([]);
    expect(questionFlags({ prompt: "In _____ Ivo Marn and Ana Bek published their survey.", answer: "1921" })).toEqual([]);
    expect(questionFlags({ prompt: "IMO and the Harbour Board increased their patrols in _____.", answer: "1921" })).toEqual([]);
    expect(questionFlags({ prompt: "The Vikings settled in _____, where they built houses of turf.", answer: "Varna" })).toEqual([]);
    // A time counted from one the sentence gives itself points at nothing earlier.
    expect(questionFlags({ prompt: "The canal opened in 1914 and the next year traffic rose to _____ ships.", answer: "2,000" })).toEqual([]);
    // A question that any name of a list answers is checked on its claim.
    expect(questionFlags({ prompt: "The lesson names guilds that, the following year, regulated the port. Name one.", answer: "A or B" })).toEqual([
      "dangling-reference",
    ]);
  });

  it("flags a side detail in brackets and the date a figure held on", () => {
    expect(questionFlags({ prompt: "The altar panel (c. _____) hangs in Ghent.", answer: "1432" })).toEqual(["aside"]);
    expect(questionFlags({ prompt: "As of _____, the league had 31 members.", answer: "2020" })).toEqual(["aside"]);
    expect(questionFlags({ prompt: "The panel measures _____ × 53 cm.", answer: "77" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "Light takes about _____ 20 seconds to arrive.", answer: "8 minutes" })).toEqual(["part-of-a-number"]);
  });

  it("takes a year in brackets after a title for the title's own date, not after a person, a book cited or beside other years", () => {
    const year = "1788";
    for (const prompt of [
      "Which year fills the blank? Under the Treaty of Varna (_____) the port passed to the league.",
      "Which year fills the blank? In Harlow v. Denton (_____), the court set limits on harbour dues.",
      "Which year fills the blank? In Ivo Harlow v Bishop of Denton (_____), the court set limits on harbour dues.",
      "Which year fills the blank? Marek's The Salt Harvest (_____), with its grey light, hangs in Burgas.",
      "Which year fills the blank? The economist Ivo Marn set out the rule in Letters on Harbour Credit (_____).",
      "Which year fills the blank? Marek's Salt (_____) hangs in Burgas.",
    ]) {
      expect(datesATitle(statementOf(prompt), year)).toBe(true);
      expect(questionFlags({ prompt, answer: year })).not.toContain("aside");
    }
    for (const prompt of [
      "The harbour rule was first proposed by the engineer Ivo Marn (_____) and later by others.",
      "The economists Ana Bek and Ivo Marn (_____) explained the rule.",
      "The story reached readers through Marn's book Salt and Iron (_____).",
      "Marek's The Salt Harvest (1786) and The Grey Quay (_____) hang in Burgas.",
      "The port held some 40 thousand (_____) barrels.",
      "Marek painted The Grey Quay (c. _____) in Burgas.",
      "The envoys met in Varna (_____) to redraw the border.",
      "Ivo married Ana of Burgas (_____) in the chapel.",
      "The Cape of Storms (_____) was rounded by the fleet.",
    ]) {
      expect(questionFlags({ prompt, answer: year })).toContain("aside");
    }
    // Only a year: an atomic number or a count in brackets is no date.
    expect(datesATitle("Under the Treaty of Varna (_____) the port passed to the league.", "113")).toBe(false);
  });

  it("reads the following decade or the same year after a year the sentence asks for as that year's, not an earlier sentence's", () => {
    expect(questionFlags({ prompt: "The Varna fair peaked in _____, but it faded in the following decade.", answer: "1900" })).toEqual([]);
    expect(questionFlags({ prompt: "Ana Bek opened a mill in _____, and the same year Ivo Marn built a quay at Burgas.", answer: "1858" })).toEqual([]);
    expect(questionFlags({ prompt: "Ana Bek opened a mill in 1858, and the same year Ivo Marn built a quay at _____.", answer: "Burgas" })).toEqual([]);
    // A pronoun before any name still points back, whatever name follows it: "By his death, Varna had..." is not Varna's.
    expect(questionFlags({ prompt: "By his death in _____, Varna had broken with the league.", answer: "1547" })).toContain("dangling-reference");
    // ...but not after a verb in "-s": "agrees, and they sign" points back.
    expect(questionFlags({ prompt: "The envoy eventually agrees, and they sign the charter in _____.", answer: "1648" })).toContain("dangling-reference");
    // "they" after a plural noun of its own sentence points at that noun.
    expect(questionFlags({ prompt: "Calls for a harbour had been made since the _____, but they gained strength after the storm.", answer: "1760s" })).toEqual([]);
    expect(questionFlags({ prompt: "In the _____ they gained strength after the storm.", answer: "1760s" })).toContain("dangling-reference");
    // An opening preposition in "-ing", or "it" standing for nothing ("it is possible"), is no participle describing one.
    expect(questionFlags({ prompt: "Using tide tables, it is possible to date the _____ of the quay.", answer: "founding" })).toEqual([]);
    expect(questionFlags({ prompt: "According to _____, it was customary to salute the harbour master.", answer: "Ivo Marn" })).toEqual([]);
    // An opening participle describing a pronoun: the pronoun's noun is in an earlier sentence.
    expect(questionFlags({ prompt: "Rising in the hills above Varna, it flows south for _____.", answer: "300 km" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "Built in _____, it guarded the harbour of Burgas.", answer: "1850" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "Rising in the hills above Varna, the Kamchia flows south for _____.", answer: "300 km" })).toEqual([]);
    // A count is no year: "the following year" and "the same year" after one still point back.
    expect(questionFlags({ prompt: "About _____ people died in Varna the following year.", answer: "300" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "The storm killed 300 people, and the same year the dam at _____ broke.", answer: "Burgas" })).toContain(
      "dangling-reference",
    );
    // With no year before it, or with another pointer, it still leans on the sentence before.
    expect(questionFlags({ prompt: "The fair faded in the following decade, when _____ took over.", answer: "Burgas" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "The same year Ivo Marn built a quay at _____.", answer: "Burgas" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "In _____ Ana Bek opened a mill, and the same year these workers struck.", answer: "1858" })).toContain(
      "dangling-reference",
    );
  });

  it("reads a date beside a name as no piece of it, unless the name opens with the before it", () => {
    expect(questionFlags({ prompt: "On _____ Ana Bek, then only 14 years old, met the envoys at Varna.", answer: "14 June" })).toEqual([]);
    expect(questionFlags({ prompt: "The brig sank off Cape Emine in _____ with the loss of 300 men.", answer: "October" })).toEqual([]);
    expect(questionFlags({ prompt: "After the _____ Rising the envoys fled.", answer: "14 June" })).toContain("piece-of-a-name");
    // A month alone that no dating word leads is a name's piece: "Ana _____ resigned" (May), "the singer _____ Bek" (June).
    expect(questionFlags({ prompt: "Prime Minister Ana _____ resigned in 2019.", answer: "May" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The singer _____ Bek married Ivo Marn in 1968.", answer: "June" })).toContain("piece-of-a-name");
    // Not a date: a name beside a name is one.
    expect(questionFlags({ prompt: "On _____ Bek, the envoy, met the rebels.", answer: "Ana" })).toContain("piece-of-a-name");
  });

  it("reads a date opening its clause as the clause's, and a pair asked whole as one item, not as items of a list", () => {
    expect(questionFlags({ prompt: "On _____, the envoy, Ana Bek, signed the harbour charter in Varna.", answer: "12 May 1788" })).not.toContain("list-slot");
    expect(questionFlags({ prompt: "Eleven days later, on _____, the fleet, the pilots and the crews left Varna.", answer: "23 May 1788" })).not.toContain(
      "list-slot",
    );
    // A date of a list of dates is still a slot of it.
    for (const [prompt, answer] of [
      ["The hall burned in 1862, in _____, in 1890 and in 1901.", "1870"],
      ["In _____, 1995 and 2000, floods struck the valley.", "1990"],
      ["On _____, 12 May and 19 May the envoys met.", "5 May"],
    ])
      expect(questionFlags({ prompt, answer }), prompt).toContain("list-slot");
    // A pair asked whole is one item, not the last of a list before it.
    expect(questionFlags({ prompt: "Which years fill the blanks? The hall, rebuilt by Ana Bek, burned in _____ and _____.", answer: "1862 and 1870" })).toEqual([]);
    expect(questionFlags({ prompt: "Which year fills the blank? The hall, rebuilt by Ana Bek, burned in 1862 and _____.", answer: "1870" })).toContain("list-slot");
    // Not a date: the name is one of the list.
    expect(questionFlags({ prompt: "On _____, Varna, Burgas and Odessa raised their dues.", answer: "the coast" })).toContain("list-slot");
  });

  it("flags a body's name that describes the plural noun after it, not one the sentence names outright", () => {
    expect(questionFlags({ prompt: "Lastly, the implementation of _____ resolutions related to piracy strengthens the ports.", answer: "Harbour Council" })).toContain(
      "modifier",
    );
    expect(questionFlags({ prompt: "Port rules, such as _____ mandates, guide the pilots.", answer: "Black Sea League" })).toContain("modifier");
    expect(questionFlags({ prompt: "The ports joined the _____ in 1961.", answer: "Black Sea League" })).toEqual([]);
    expect(questionFlags({ prompt: "The rules of the _____ bind every pilot.", answer: "Black Sea League" })).toEqual([]);
    // A verb in "-s" after the name: the name is the subject, not a modifier.
    expect(questionFlags({ prompt: "The secretariat of the _____ operates in Varna.", answer: "Black Sea League" })).not.toContain("modifier");
  });

  it("flags the only example before its clause goes on, a thousands' tail, two people a name gives, and a claim equal to an unnamed one", () => {
    expect(questionFlags({ prompt: "Bodies such as the _____ provide the legal frame for the ports.", answer: "Harbour League" })).toContain("list-slot");
    expect(questionFlags({ prompt: "Ports such as _____ and Burgas grew after 1850.", answer: "Varna" })).toContain("list-slot");
    expect(questionFlags({ prompt: "The quay was listed as the 1,_____ site of the register.", answer: "000th" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The Marn–Bek lamp, described by _____ in 1920, lit the quay.", answer: "Ivo Marn and Ana Bek" })).toContain("key-echoed");
    expect(questionFlags({ prompt: "The lamp, described by _____ in 1920, lit the quay.", answer: "Ivo Marn and Ana Bek" })).toEqual([]);
    expect(questionFlags({ prompt: "_____ and trust among the crews are equally important.", answer: "Discipline" })).toContain("dangling-reference");
    expect(questionFlags({ prompt: "Rest is just as important as _____ for a crew's health.", answer: "diet" })).toEqual([]);
    expect(questionFlags({ prompt: "The Marn-Bek lamp was described by _____ in 1920.", answer: "Ivo Marn and Ana Bek" })).toContain("key-echoed");
  });

  it("flags a name with a relative clause and no main verb", () => {
    expect(questionFlags({ prompt: "The Grain Law (_____), which fixed the price of bread.", answer: "1793" })).toContain("fragment");
  });

  it("finds a sentence pointing back as the pointer expression alone does, its words searched first", () => {
    // A 32-bit linear congruential generator, its high bits read.
    let seed = 17;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    // The branches' words in every case, near misses, the long s and the Kelvin sign (which fold to s and k), other scripts.
    const pieces = [
      "This", "these", "THOSE", "thesis", "such", "Such as", "ſuch", "thiſ", "both", "Both", "and", "the", "The", "former", "Latter",
      "aforementioned", "above-mentioned", "same", "two", "Three", "four", "five", "fivefold", "countries", "rules", "2", "It", "they",
      "K", "Σ", "中", ",", ".", " ", "  ", "\u00a0", "\n", "-", "’",
    ];
    let pointing = 0;
    for (let round = 0; round < 20000; round++) {
      let text = "";
      for (let i = next(10); i > 0; i--) text += pieces[next(pieces.length)] + (next(4) === 0 ? "" : " ");
      const expected = POINTS_BACK.test(text);
      expect(searchPointsBack(text), JSON.stringify(text)).toBe(expected);
      if (expected) pointing++;
    }
    expect(pointing).toBeGreaterThan(2000);
    expect(pointing).toBeLessThan(18000);
  });

  it("flags a range its conversion in brackets gives away, a key cut across two phrases, and a town's river after upon", () => {
    const flags = (prompt: string, answer: string) => questionFlags({ prompt, answer });
    expect(flags("Which numbers fill the blanks? The quay wall stood _____ to _____ feet (3 to 4 metres) above the tide.", "10 to 13")).toContain("key-echoed");
    expect(flags("Which numbers fill the blanks? The quay wall stood _____ to _____ feet above the tide in 1850.", "10 to 13")).toEqual([]);
    // "The Hanseatic" fills it as well: the key's second name only describes "towns".
    expect(flags("What fills the blank? _____ towns of the coast joined the league later.", "Pomerania and the Baltic")).toContain("modifier");
    expect(flags("What fills the blank? The league joined _____ in 1850.", "Pomerania and the Baltic")).not.toContain("modifier");
    expect(flags("What fills the blank? The ferry was built at Kingston upon _____ in 1898.", "Hull")).toContain("piece-of-a-name");
    expect(flags("What fills the blank? The league of Kaufleute- und _____ met at Varna.", "Schiffer")).toContain("piece-of-a-name");
    expect(flags("What fills the blank? The ferry was built at _____ upon Hull in 1898.", "Kingston")).toContain("piece-of-a-name");
    // A conversion in a two-word unit, with a unit or a qualifier at each end, or in billions: the same range again.
    const R = "Which numbers fill the blanks? ";
    expect(flags(`${R}The kiln ran at _____ to _____ degrees Celsius (1,650 to 1,830 degrees Fahrenheit) for hours.`, "900 to 1,000")).toContain("key-echoed");
    expect(flags(`${R}The quay wall stood _____ to _____ feet (about 3 to about 4 metres) high.`, "10 to 13")).toContain("key-echoed");
    expect(flags(`${R}The reservoir holds _____ to _____ million cubic metres (2 to 3 billion gallons).`, "8 to 11")).toContain("key-echoed");
    // A bracket in the same unit says something else.
    expect(flags(`${R}The channel is _____ to _____ m (12 to 15 m in the outer harbour) deep.`, "10 to 11")).not.toContain("key-echoed");
    // Two names joined: "also" and "signed" describe nothing.
    expect(flags("What fills the blank? _____ also signed the treaty in 1850.", "Prussia and the Netherlands")).not.toContain("modifier");
  });

  it("flags an adjective opening its sentence before a noun and its verb, a numbered name's number, and a name word its acronym gives", () => {
    expect(questionFlags({ prompt: "What fills the blank? _____ timber was mostly oak, floated down from the hills.", answer: "Structural" })).toContain("modifier");
    expect(questionFlags({ prompt: "What fills the blank? The pilots left the islands. _____ goats were stripping them bare.", answer: "Feral" })).toContain("modifier");
    // A place opening its sentence before its verb is the subject.
    expect(questionFlags({ prompt: "What fills the blank? _____ joined the harbour league in 1886.", answer: "Portugal" })).not.toContain("modifier");
    expect(questionFlags({ prompt: "From 1949 the harbour board surveyed Wreck _____.", answer: "3" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "The pilots met at Varna on 12 June and sent _____.", answer: "40" })).toEqual([]);
    expect(questionFlags({ prompt: "What fills the blank? The series, _____ in the Varna Archives (SVA), began in 1955.", answer: "Studies" })).toContain("piece-of-a-name");
    expect(questionFlags({ prompt: "What fills the blank? The pilots were moved to _____ in the South Harbour in 1990.", answer: "Kamchia" })).not.toContain("piece-of-a-name");
    // "Which person" for a word before a plural noun: no person.
    expect(questionFlags({ prompt: "Which person fills the blank? The stern shows saints, _____ kings, mermaids and a lion.", answer: "Bulgarian" })).toContain("modifier");
    expect(questionFlags({ prompt: "Which person fills the blank? The stern was carved by _____ in 1628.", answer: "Ivo Marn" })).toEqual([]);
  });

  it("reads 'the former' before a noun, 'both' before 'of' and 'The word' before the word it names as no pointer back", () => {
    const flags = (prompt: string, answer: string) => questionFlags({ prompt, answer });
    expect(flags("Which year fills the blank? The museum is housed in the former Convent of Varna, founded in _____.", "1509")).toEqual([]);
    expect(flags("Which year fills the blank? The former was founded in _____.", "1509")).toContain("dangling-reference");
    expect(flags("Which year fills the blank? Of the two ports, the latter, founded in _____, grew faster.", "1509")).toContain("dangling-reference");
    expect(flags("The reservoir forced about _____ people living on both banks of the Kamchia to leave their homes.", "5,000")).toEqual([]);
    expect(flags("The pilots of both ports struck in _____.", "1901")).toContain("dangling-reference");
    expect(flags('Which term fills the blank? The word kamchia comes from Thracian and is usually read as "_____".', "bent river")).toEqual([]);
    expect(flags("Which year fills the blank? The word was first used in _____.", "1901")).toContain("dangling-reference");
  });

  it("keeps the new readings to what they are for: a pointer's verb, a name's adverb, a scale's number, a family's name, an acronym of another name", () => {
    const flags = (prompt: string, answer: string) => questionFlags({ prompt, answer });
    // "the latter" before its verb or its possessive still points back; "The word then came..." still leans.
    expect(flags("Which year fills the blank? The latter died in _____.", "1850")).toContain("dangling-reference");
    expect(flags("Which place fills the blank? The latter's son was born in _____.", "Varna")).toContain("dangling-reference");
    expect(flags("Which year fills the blank? The word then came into English in _____.", "1880")).toContain("dangling-reference");
    // A name before an adverb or a pronoun and its verb is no adjective.
    expect(flags("What fills the blank? _____ also had colonies in Africa and Asia.", "Portugal")).not.toContain("modifier");
    expect(flags("What fills the blank? _____ himself was assassinated in 44 BC.", "Caesar")).not.toContain("modifier");
    // A scale's number is a measure, not a name's.
    expect(flags("Which number fills the blank? The storm strengthened to Category _____.", "5")).toEqual([]);
    // A person's name before a verb in -s or a family's noun; a name before another body's acronym.
    expect(flags("Which person fills the blank? _____ lives and works in Varna.", "Ana Marn")).not.toContain("modifier");
    expect(flags("Which person fills the blank? The _____ brothers were the first pilots of Varna.", "Marn")).not.toContain("modifier");
    expect(flags("Which person fills the blank? The charter was signed by _____ and the Pilots' Association (PA).", "Ivo Marn")).not.toContain("piece-of-a-name");
    // Another opener than "When": "After" closes its clause at the comma too.
    expect(flags("Which year fills the blank? After the harbour silted up in _____, the pilots, the board and the guild moved to Burgas.", "1850")).toEqual([]);
  });

  it("flags a century its own prompt's years leave open between two", () => {
    const span = "Work on the Varna mole began in 1891 and went on until 1912. It was among the largest harbour works of the _____ century.";
    expect(questionFlags({ prompt: span, answer: "19th" })).toContain("one-of-many");
    const within = "Work on the Varna mole began in 1881 and ended in 1898. It was among the largest harbour works of the _____ century.";
    expect(questionFlags({ prompt: within, answer: "19th" })).not.toContain("one-of-many");
    // A life's years in brackets are the person's, not the time the sentence speaks of.
    const life = "Ivo Marn (1861-1916) founded the pilots' school at the end of the _____ century.";
    expect(questionFlags({ prompt: life, answer: "19th" })).not.toContain("one-of-many");
    // Numbers that count are no years: "1200 workers", "2000 metres".
    const counts = "Work on the Varna mole began in 1881 and employed 1200 workers until 1898. It was among the largest harbour works of the _____ century.";
    expect(questionFlags({ prompt: counts, answer: "19th" })).not.toContain("one-of-many");
  });

  it("flags a blank that opens a bracket as a side detail, and the last of a list spoken of alone", () => {
    expect(questionFlags({ prompt: "Which date fills the blank? On 12 May 1890 (_____ in the calendar then used at Varna), the first stone was laid.", answer: "30 April" })).toContain("aside");
    expect(questionFlags({ prompt: "Which date fills the blank? On _____ the first stone was laid at Varna.", answer: "12 May 1890" })).toEqual([]);
    expect(questionFlags({ prompt: "Which person fills the blank? The last contains two species, both described by _____ in 1901.", answer: "Marta Lind" })).toContain("dangling-reference");
    // "The final held at..." is a final, named by what follows.
    expect(questionFlags({ prompt: "Which year fills the blank? The final held at Varna stadium saw the pilots' team win in _____.", answer: "1921" })).toEqual([]);
  });

  it("reads a year after a day and a month that open a clause as the clause's, and the second of two dimensions as no list's slot", () => {
    expect(questionFlags({ prompt: "Which year fills the blank? When the harbour master died on 3 March _____, his son, the pilot Ivo Marn, and the board took over.", answer: "1861" })).toEqual([]);
    // A date closing the clause "When..." opens: the comma after it ends that clause, not an item of a list.
    expect(questionFlags({ prompt: "Which years fill the blanks? When the first chart reached Varna in _____–_____, the pilot Ivo Marn, who drew it, sent it on to Burgas.", answer: "1798–1799" })).toEqual([]);
    expect(questionFlags({ prompt: "Which year fills the blank? When the pilots struck in _____, 1850 and 1860, the board gave way.", answer: "1840" })).toContain("list-slot");
    // Other years soon after its comma: a list of dates still, with a day and a month or without.
    expect(questionFlags({ prompt: "Which year fills the blank? Pilot fees rose in _____, again in 1850 and again in 1860.", answer: "1840" })).toContain("list-slot");
    expect(questionFlags({ prompt: "Which year fills the blank? The pilots struck on 3 March _____, again in 1850 and again in 1860.", answer: "1840" })).toContain("list-slot");
    expect(questionFlags({ prompt: "The lighthouse is about 30 metres high and _____ in diameter at its base.", answer: "9 metres" })).toEqual([]);
    expect(questionFlags({ prompt: "The hall is 30 metres long, 12 metres wide and _____ high.", answer: "9 metres" })).toEqual([]);
    // Still a list's slot: measures no word tells apart.
    expect(questionFlags({ prompt: "Its three halls measure 30 metres, 12 metres and _____ across.", answer: "9 metres" })).toContain("list-slot");
  });

  it("searches for a word of every branch of the pointer expression", () => {
    // The expression's top-level branches: split at the bars outside groups and classes.
    const branches: string[] = [];
    let depth = 0;
    let from = 0;
    const source = POINTS_BACK.source;
    for (let i = 0; i < source.length; i++) {
      if (source[i] === "\\") i++;
      else if (source[i] === "(" || source[i] === "[") depth++;
      else if (source[i] === ")" || source[i] === "]") depth--;
      else if (source[i] === "|" && depth === 0) {
        branches.push(source.slice(from, i));
        from = i + 1;
      }
    }
    branches.push(source.slice(from));
    expect(branches.length).toBeGreaterThan(1);
    for (const branch of branches) expect(POINTS_BACK_WORDS.some((word) => branch.toLowerCase().includes(word)), branch).toBe(true);
  });
});
