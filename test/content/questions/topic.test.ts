import { namesNothing } from "~/content/questions/anchors";
import { needsTopic, topicOf, withTopic } from "~/content/questions/topic";

const NO_WORDS = new Set<string>();
/** Whether the statement is shown after its subject, under a document titled `title`. */
const shownAfter = (title: string, statement: string, answer: string | string[]) =>
  needsTopic(statement, typeof answer === "string" ? [answer] : answer, topicOf(title), NO_WORDS);

describe("a document's subject as a prompt's topic", () => {
  it("takes a title that names a subject, and none that argues, asks, or runs long", () => {
    expect(topicOf("Hallam Reservoir")?.label).toBe("Hallam Reservoir");
    expect(topicOf("The Linwood Ferry Company")?.label).toBe("The Linwood Ferry Company");
    expect(topicOf("Quillite")?.label).toBe("Quillite");
    expect(topicOf("The Role of Ferries in Coastal Trade")).toBeNull();
    expect(topicOf("Improving Harbour Safety Through Shared Charts")).toBeNull();
    expect(topicOf("Ferries: A Short History")).toBeNull();
    expect(topicOf("Why did the ferries stop?")).toBeNull();
    expect(topicOf("An Introduction to Tides")).toBeNull();
    expect(topicOf("The Long and Eventful History of the Harbour Board of the Linwood Estuary")).toBeNull();
    expect(topicOf("A Brief History of the Hallam Reservoir")).toBeNull();
    expect(topicOf("Untitled")).toBeNull();
    expect(topicOf("Document1")).toBeNull();
    expect(topicOf("Lecture 5")).toBeNull();
    expect(topicOf("Hallam Reservoir - Wikipedia")).toBeNull();
    expect(topicOf("Hallam Reservoir | Water History Today")).toBeNull();
    expect(topicOf("Hallam reservoir basics")).toBeNull();
    expect(topicOf("Mabo v Queensland (No 2)")?.label).toBe("Mabo v Queensland (No 2)");
    expect(topicOf("The 1918 Influenza Epidemic in Western Samoa")?.label).toBe("The 1918 Influenza Epidemic in Western Samoa");
    expect(topicOf("")).toBeNull();
    expect(topicOf(undefined)).toBeNull();
  });

  it("shows the subject before a statement that names nothing, leaving one that names something alone", () => {
    expect(namesNothing("Work began in _____.")).toBe(true);
    expect(shownAfter("Hallam Reservoir", "Work began in _____.", "1871")).toBe(true);
    expect(shownAfter("Hallam Reservoir", "Around _____ workers died during construction.", "40")).toBe(true);
    expect(shownAfter("Hallam Reservoir", "Work on the Derwent embankment began in _____.", "1871")).toBe(false);
    expect(needsTopic("Work began in _____.", ["1871"], null, NO_WORDS)).toBe(false);
    expect(withTopic("Hallam Reservoir", "Work began in _____.")).toBe("Hallam Reservoir: Work began in _____.");
  });

  it("shows the subject before a statement that speaks of it by its head noun alone", () => {
    expect(shownAfter("The Linwood Ferry Company", "The company's boats carried _____ passengers in 1902.", "40,000")).toBe(true);
    expect(shownAfter("The Linwood Ferry Company", "In 1902 the Company sold its pier to _____.", "Hull Corporation")).toBe(false); // "its"
    expect(shownAfter("The Linwood Ferry Company", "The Company bought two steamers from _____ in 1902.", "Denny")).toBe(true);
    // Named, or another name that opens on the head word: nothing to add.
    expect(shownAfter("The Linwood Ferry Company", "The Linwood Ferry Company carried _____ passengers in 1902.", "40,000")).toBe(false);
    expect(shownAfter("The Linwood Ferry Company", "In 1902 the Company Secretary wrote to _____ about the fares.", "Hull Corporation")).toBe(false);
    expect(shownAfter("The Linwood Ferry Company", "In 1902 the company was renamed the Linwood Ferry Company by _____.", "Denny")).toBe(false);
    // A head the word list lacks is a name: "the Orvik" names the ship.
    expect(topicOf("The Steamer Orvik")?.head).toBeNull();
  });

  it("adds nothing that gives the answer away, points elsewhere, or pins nothing down", () => {
    // An accepted variant the label spells out, or a plural of its word.
    expect(shownAfter("Hallam Valley Authority", "The _____ was sued by the mill owners in 1936.", ["HVA", "Hallam Valley Authority"])).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Two smaller _____ were added in 1901.", "reservoirs")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Work began in _____.", "1871")).toBe(true);
    // Another of the head noun's kind, named after it: not the subject.
    expect(shownAfter("Kamchia Dam", "The dam at Ostrava on the Oder was finished in _____.", "1961")).toBe(false);
    // A statement that leans on more than the label resolves.
    expect(shownAfter("Hallam Reservoir", "A later variant was built in _____.", "1901")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "_____ was completed in 1874.", "Hallam Reservoir")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Work on the _____ ended in 1874.", "reservoir")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Below the _____ it widens into a lake.", "weir")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "_____ passed.", "Nine years")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Overflow: water that spills past the _____ after rain.", "weir")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "In _____ the valley was flooded.", "March")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "In _____ the valley was flooded.", "March 1875")).toBe(true);
  });

  it("shows the subject of a document about one thing before a first sentence whose 'it' stands for nothing it shows", () => {
    expect(shownAfter("Hallam Reservoir", "For decades engineers argued over it. Work on the Derwent embankment began in _____.", "1871")).toBe(true);
    expect(shownAfter("Hallam Reservoir", "Despite its size, one of its dams, the Ridge Wall, failed in _____.", "1864")).toBe(true);
    // Something it may stand for comes first, or after an opening phrase's comma.
    expect(shownAfter("Hallam Reservoir", "Sheffield opened its first main in 1871, and the Derwent embankment followed in _____.", "1874")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "The dam was raised in 1871, and its spillway was rebuilt in _____.", "1874")).toBe(false);
    expect(shownAfter("Hallam Reservoir", "Because of its weight, the Ridge Wall settled by _____ in a decade.", "a metre")).toBe(false);
    // A title ending in -is or -us is one thing; an "it" that stands for nothing is left alone.
    expect(shownAfter("Tuberculosis", "For centuries physicians argued over it. The bacillus was found in _____.", "1882")).toBe(true);
    expect(shownAfter("Hallam Reservoir", "It was Ivo Marn who surveyed the valley in _____.", "1868")).toBe(false);
    // A document about many things: "it" is none of them.
    expect(shownAfter("Pennine Reservoirs", "For decades engineers argued over it. Work on the Derwent embankment began in _____.", "1871")).toBe(false);
  });
});
