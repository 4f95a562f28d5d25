import { glossaryEntry, proseDefinition, readsAsStatement } from "~/content/questions/list-items";
import { analyseText } from "~/content/questions/nlp";

const tokens = (text: string) => analyseText(text)[0].tokens;
const entry = (text: string) => glossaryEntry(text, tokens(text));

describe("what a list item says", () => {
  it("tells a statement from a label, a name with its dates or a name with only a relative clause", () => {
    expect(readsAsStatement(tokens("The lighthouse at Varna was rebuilt in 1862."))).toBe(true);
    expect(readsAsStatement(tokens("Keepers climbed the tower every evening."))).toBe(true);
    expect(readsAsStatement(tokens("Varna, Bulgaria, 12 March 1862 (storm force about 10)."))).toBe(false);
    expect(readsAsStatement(tokens("Ostrava, the largest mining town in the region, founded by settlers in 1267."))).toBe(false);
    // A subject with years in brackets before its verb.
    expect(readsAsStatement(tokens("Ivo Marn (1785-1850) built twelve stone piers at Varna."))).toBe(true);
    expect(readsAsStatement(tokens("Ivo Marn [1785-1850] built twelve stone piers at Varna."))).toBe(true);
    expect(readsAsStatement(tokens("Ivo Marn (1785-1850), keeper of the Varna light (rebuilt 1862)."))).toBe(false);
    expect(readsAsStatement(tokens("The Harbour Act (4 May 1871), which allowed pilots to board any ship."))).toBe(false);
    expect(readsAsStatement(tokens("Nine tonnes of grain for each barge unloaded."))).toBe(false);
    expect(readsAsStatement(tokens("The old lighthouse finally collapsed."))).toBe(true);
  });

  it("reads a glossary line as a term and what it means, brackets giving other names", () => {
    expect(entry("Bollard: a short thick post on a quay that mooring ropes are tied to.")).toEqual({
      term: "Bollard",
      alternatives: [],
      definition: "a short thick post on a quay that mooring ropes are tied to",
      shape: "glossary",
    });
    expect(entry("Draught (draft) – the depth of water a ship needs to float.")).toMatchObject({
      term: "Draught",
      alternatives: ["draft"],
      definition: "the depth of water a ship needs to float",
    });
    expect(entry("The breakwater, a long wall built out into the sea to shelter the harbour.")).toMatchObject({
      term: "The breakwater",
      shape: "apposition",
    });
  });

  it("takes no figures, lists, statements or examples for a definition", () => {
    // A figure, not a definition.
    expect(entry("Annual tonnage: about 4 million tonnes.")).toBeNull();
    // A comparison, what happens: not what the term means.
    expect(entry("Tidal effect: higher tides lift the ships over the bar.")).toBeNull();
    expect(entry("Spring tide: the sea rises higher than usual twice a month.")).toBeNull();
    // A list of what it covers.
    expect(entry("Port dues – berths, cranes and pilots.")).toBeNull();
    // Examples of a class.
    expect(entry("Hazards: such as fog, ice and sandbanks.")).toBeNull();
    // An apposition without an article, or too short to pin one thing, is a list or a class.
    expect(entry("Cranes, derricks and hoists lift cargo.")).toBeNull();
    expect(entry("Ivo Marn, a harbour master.")).toBeNull();
    // An acronym's expansion is asked as one.
    expect(entry("IHO, the International Hydrographic Organization.")).toBeNull();
    // The term in its own definition gives it away.
    expect(entry("Dry dock: a dock that can be pumped dry for repairs.")).toBeNull();
    // A kind that does not say of what: only the lesson around it says which species.
    expect(entry("Varna sedge, the most widespread species outside the delta.")).toBeNull();
    expect(entry("Varna sedge, the most widespread species of reed outside the delta.")).toMatchObject({ term: "Varna sedge", shape: "apposition" });
  });

  it("takes no law or maxim stated as a sentence for a definition, but a verb after a relative word defines", () => {
    expect(entry("Second rule: the total cargo of a laden ship never decreases.")).toBeNull();
    expect(entry("Economy: the cost of collecting a due should be small compared with what it raises.")).toBeNull();
    expect(entry("Dredger: a vessel that removes silt from the harbour bed.")).toMatchObject({ term: "Dredger" });
    // A numbered part of a text is no term for what it covers.
    expect(entry("Article IV: relations among the harbour towns.")).toBeNull();
    // A relative clause without its "that" may open on a pronoun; a category by its number is still a term.
    expect(entry("Gross income: the money someone earns before tax is deducted.")).toMatchObject({ term: "Gross income" });
  });
});

describe("a definition stated in prose", () => {
  const defined = (text: string) => proseDefinition(text, tokens(text));

  it("reads a definition in a second clause of its own", () => {
    expect(defined("Pilotage involves guiding ships into port, while slack water refers to the still period between two tides.")).toMatchObject({
      term: "slack water",
      definition: "the still period between two tides",
    });
    // A second clause about "the company" names no term.
    expect(defined("Sales fell sharply in 2008, while the company is known as a leader in marine batteries.")).toBeNull();
    // A second clause that describes rather than defines says nothing of a term.
    expect(defined("Pilotage involves guiding ships into port, while tugs push them against the quay.")).toBeNull();
  });

  it("reads the term a sentence opens on and what it refers to, a qualifier and a clause of its own left out", () => {
    expect(defined("Harbour pilotage in busy estuaries refers to guiding ships through waters their crews do not know, which takes years to learn.")).toEqual({
      term: "harbour pilotage",
      alternatives: [],
      definition: "guiding ships through waters their crews do not know",
      shape: "glossary",
    });
    expect(defined("Demurrage is defined as the charge a shipowner makes for a ship held beyond the agreed days.")).toMatchObject({
      term: "demurrage",
      definition: "the charge a shipowner makes for a ship held beyond the agreed days",
    });
  });

  it("reads a textbook's definition by its class: the process by which, a disease caused by, proteins that", () => {
    expect(defined("Brine regulation is the process by which eels keep the salt in their gills steady.")).toMatchObject({
      term: "brine regulation",
      definition: "the process by which eels keep the salt in their gills steady",
    });
    expect(defined("Harbour rot is a fungal disease caused by the mould Varnia lignea, which softens pier timbers.")).toMatchObject({
      term: "harbour rot",
      definition: "a fungal disease caused by the mould Varnia lignea",
    });
    // A plural without an article, and a name's article left out.
    expect(defined("Varnases are proteins that split the sugars of kelp.")).toMatchObject({ term: "varnases", definition: "proteins that split the sugars of kelp" });
    expect(defined("The tide mill is a machine that grinds grain with the ebbing sea, although few still run.")).toMatchObject({
      term: "tide mill",
      definition: "a machine that grinds grain with the ebbing sea",
    });
  });

  it("reads no definition in a copula that describes, in the past, without an article, or names no one thing", () => {
    expect(defined("Ivo Marn was a pilot who charted the northern bay.")).toBeNull();
    expect(defined("Varnol is converted in the body to a weaker acid.")).toBeNull();
    expect(defined("Silting is a natural process, but dredging slows it.")).toBeNull();
    expect(defined("Trade is the lifeblood of the harbour towns.")).toBeNull();
    expect(defined("Buoyancy is a basic property of water.")).toBeNull();
    // A rank, a word that stands for what follows, people, or a name a dictionary lists: no term.
    expect(defined("The first step is the process by which the ore is crushed into powder.")).toBeNull();
    expect(defined("The problem is a system in which the richest pilots control all of the berths.")).toBeNull();
    expect(defined("The most common cause is a disease that spreads through the harbour water.")).toBeNull();
    expect(defined("Children are the group that suffers most from the harbour fever.")).toBeNull();
    expect(defined("Congress is the body that makes the federal laws of the country.")).toBeNull();
    // A plural of a class the list names in the singular.
    expect(defined("Varnosomes are organelles that store salt inside the cells of eels.")).toMatchObject({ term: "varnosomes" });
  });

  it("defines nothing where the sentence describes, points back, measures or names the term in its definition", () => {
    expect(defined("Harbour pilotage involves guiding ships through waters their crews do not know.")).toBeNull();
    expect(defined("This practice refers to guiding ships through waters their crews do not know.")).toBeNull();
    expect(defined("Demurrage refers to about 40 dollars for each day a ship waits.")).toBeNull();
    expect(defined("Harbour pilotage refers to the pilotage of ships in a harbour by local pilots.")).toBeNull();
    expect(defined("Pilotage refers to it.")).toBeNull();
  });
});
