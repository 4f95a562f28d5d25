/**
 * A fact a later lesson states again is asked once a module, in the first lesson's deck: a learner who starts
 * the later lesson first is still given it, as the first lesson's card, and nothing twice (real libSQL file).
 */
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cards, lessons } from "../../db/schema";
import type { Question } from "../../app/content/types";
import { saveCourse } from "../../app/models/content.server";
import { lessonDeck } from "../../app/models/course.server";
import { startLesson } from "../../app/models/deck.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { clozeQuestion, lessonOf, makeLearner, riversManifest } from "../support/fixtures";

let handle: TestDatabase;
afterEach(() => handle.close());

const numeric = (id: string, answer: string, sentence: string, siblingKey: string): Question => ({ ...clozeQuestion(id, answer, sentence, siblingKey), type: "numeric", quality: 0.9 });
const first = numeric("q-first", "93", "The board set up 93 task forces.", "group-forces");
const again = numeric("q-again", "93", "By 2004 the board had 93 task forces.", "group-forces");
const year = numeric("q-year", "2004", "By 2004 the board had 93 task forces.", "group-forces");
const other = { ...clozeQuestion("q-other", "Varna", "The board met in Varna."), quality: 0.8 };

describe("a fact stated again in a later lesson", () => {
  it("is given to a learner who starts the later lesson first, as the first lesson's card, and never twice", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await saveCourse(
      db,
      {
        manifest: riversManifest,
        modules: [{ title: "Rivers", source: "rivers.md", lessons: [lessonOf("One", "one", 0, [first]), lessonOf("Two", "two", 1, [again, year, other])] }],
        moduleHashes: ["m1"],
        contentHash: "c1",
      },
      1_000,
    );
    const [one, two] = await db.select().from(lessons).orderBy(lessons.position);
    // The later lesson's deck leaves the fact to the first lesson's...
    expect((await lessonDeck(db, two!.id)).map((q) => q.id).sort()).toEqual(["q-other", "q-year"]);
    const learner = await makeLearner(db);
    // ...but starting it first brings the first lesson's question in too.
    expect(await startLesson(db, learner.id, two!.id, 2_000)).toBe(3);
    const held = async () => (await db.select({ id: cards.questionId }).from(cards).where(eq(cards.userId, learner.id))).map((c) => c.id).sort();
    expect(await held()).toEqual(["q-first", "q-other", "q-year"]);
    // Starting the first lesson afterwards adds nothing twice.
    expect(await startLesson(db, learner.id, one!.id, 3_000)).toBe(0);
    expect(await held()).toEqual(["q-first", "q-other", "q-year"]);
    // A learner who starts them in order gets the same cards.
    const inOrder = await makeLearner(db);
    expect(await startLesson(db, inOrder.id, one!.id, 2_000)).toBe(1);
    expect(await startLesson(db, inOrder.id, two!.id, 2_000)).toBe(2);
    const rows = await db.select({ id: cards.questionId }).from(cards).where(and(eq(cards.userId, inOrder.id)));
    expect(rows.map((c) => c.id).sort()).toEqual(["q-first", "q-other", "q-year"]);
  });
});
