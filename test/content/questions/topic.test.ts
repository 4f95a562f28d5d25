import { namesNothing } from "~/content/questions/anchors";
import { needsTopic, topicOf, withTopic } from "~/content/questions/topic";

const NO_WORDS = new Set<string>();

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
    expect(topicOf("")).toBeNull();
    expect(topicOf(undefined)).toBeNull();
  });

  it("shows the subject before a statement that names nothing, leaving one that names something alone", () => {
    const topic = topicOf("Hallam Reservoir");
    expect(namesNothing("Work began in _____.")).toBe(true);
    expect(needsTopic("Work began in _____.", "1871", topic, NO_WORDS)).toBe(true);
    expect(needsTopic("Around _____ workers died during construction.", "40", topic, NO_WORDS)).toBe(true);
    expect(needsTopic("Work on the Derwent embankment began in _____.", "1871", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("Work began in _____.", "1871", null, NO_WORDS)).toBe(false);
    expect(withTopic("Hallam Reservoir", "Work began in _____.")).toBe("Hallam Reservoir: Work began in _____.");
  });

  it("shows the subject before a statement that speaks of it by its head noun alone", () => {
    const topic = topicOf("The Linwood Ferry Company");
    expect(needsTopic("The company's boats carried _____ passengers in 1902.", "40,000", topic, NO_WORDS)).toBe(true);
    expect(needsTopic("In 1902 the Company sold its pier to _____.", "Hull Corporation", topic, NO_WORDS)).toBe(false); // "its"
    expect(needsTopic("The Company bought two steamers from _____ in 1902.", "Denny", topic, NO_WORDS)).toBe(true);
    // Named, or another name that opens on the head word: nothing to add.
    expect(needsTopic("The Linwood Ferry Company carried _____ passengers in 1902.", "40,000", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("In 1902 the Company Secretary wrote to _____ about the fares.", "Hull Corporation", topic, NO_WORDS)).toBe(false);
    // A head the word list lacks is a name: "the Orvik" names the ship.
    expect(topicOf("The Steamer Orvik")?.head).toBeNull();
  });

  it("adds nothing that gives the answer away, points elsewhere, or pins nothing down", () => {
    const topic = topicOf("Hallam Reservoir");
    expect(needsTopic("_____ was completed in 1874.", "Hallam Reservoir", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("Work on the _____ ended in 1874.", "reservoir", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("Below the _____ it widens into a lake.", "weir", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("_____ passed.", "Nine years", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("Overflow: water that spills past the _____ after rain.", "weir", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("In _____ the valley was flooded.", "March", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("In _____ the valley was flooded.", "March 1875", topic, NO_WORDS)).toBe(true);
  });

  it("shows the subject of a document about one thing before a first sentence whose 'it' stands for nothing it shows", () => {
    const topic = topicOf("Hallam Reservoir");
    expect(needsTopic("For decades engineers argued over it. Work on the Derwent embankment began in _____.", "1871", topic, NO_WORDS)).toBe(true);
    expect(needsTopic("Despite its size, one of its dams, the Ridge Wall, failed in _____.", "1864", topic, NO_WORDS)).toBe(true);
    // Something it may stand for comes first, or after an opening phrase's comma.
    expect(needsTopic("Sheffield opened its first main in 1871, and the Derwent embankment followed in _____.", "1874", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("The dam was raised in 1871, and its spillway was rebuilt in _____.", "1874", topic, NO_WORDS)).toBe(false);
    expect(needsTopic("Because of its weight, the Ridge Wall settled by _____ in a decade.", "a metre", topic, NO_WORDS)).toBe(false);
    // A document about many things: "it" is none of them.
    expect(needsTopic("For decades engineers argued over it. Work on the Derwent embankment began in _____.", "1871", topicOf("Pennine Reservoirs"), NO_WORDS)).toBe(false);
  });
});
