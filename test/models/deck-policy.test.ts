/**
 * Which questions reach learners, on a real libSQL file: under a module's
 * "accepted only" setting nothing but what an instructor vouched for enters
 * decks, practice or the module's learner-facing questions; under the default
 * quality threshold, content/'s decks are what the generator's bank gives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cards, lessons, modules } from "../../db/schema";
import { parseCourseManifest } from "../../app/content/manifest";
import { buildModules } from "../../app/content/pipeline";
import type { Question } from "../../app/content/types";
import { chooseModuleDecks } from "../../app/learning/deck";
import { saveCourse } from "../../app/models/content.server";
import { getLessonQuestions, lessonDeck, lessonDecks, moduleLearnerQuestions } from "../../app/models/course.server";
import { addQuestion, curateQuestions, editQuestion, setLearnerQuestions, type ModuleScope } from "../../app/models/curation.server";
import { startLesson } from "../../app/models/deck.server";
import { createUser } from "../../app/models/user.server";
import { checkAuthoredQuestion } from "../../app/questions/authoring";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { clozeQuestion, lessonOf, makeLearner, riversManifest } from "../support/fixtures";

let handle: TestDatabase;
afterEach(() => handle.close());

const manifest = riversManifest;

const scored = (question: Question, quality: number): Question => ({ ...question, quality });
const strong = scored(clozeQuestion("q-strong", "Nile", "The Nile flows north into the Mediterranean Sea."), 0.9);
const weak = scored(clozeQuestion("q-weak", "Amazon", "The Amazon carries more water than any other river."), 0.2);
const weakSibling: Question = { ...scored(clozeQuestion("q-weak-sibling", "water", "The Amazon carries more water than any other river."), 0.3), siblingKey: weak.siblingKey };
const toEdit = scored(clozeQuestion("q-edit", "Danube", "The Danube passes through ten countries."), 0.4);
const toRetire = scored(clozeQuestion("q-retire", "Rhine", "The Rhine rises in the Swiss Alps."), 0.95);
const untouched = scored(clozeQuestion("q-untouched", "Volga", "The Volga is the longest river in Europe."), 0.85);

async function curatedModule() {
  handle = await createTestDatabase();
  const { db } = handle;
  const iris = await createUser(db, { email: "iris@example.org", name: "Iris", password: "instructor-password", role: "instructor" }, 1);
  const scope: ModuleScope = { userId: iris.id, all: false };
  await saveCourse(
    db,
    { manifest, modules: [{ title: "Rivers", source: "rivers.md", lessons: [lessonOf("Overview", "overview", 0, [toRetire, strong, untouched, toEdit, weakSibling, weak])] }], moduleHashes: ["m1"], contentHash: "c1", ownerId: iris.id },
    1_000,
  );
  const [{ id: moduleId }] = await db.select({ id: modules.id }).from(modules);
  const [{ id: lessonId }] = await db.select({ id: lessons.id }).from(lessons);
  await curateQuestions(db, scope, { moduleId, questionIds: [weak.id, weakSibling.id, toRetire.id], action: "accept" }, iris.id, 2_000);
  await curateQuestions(db, scope, { moduleId, questionIds: [toRetire.id], action: "retire" }, iris.id, 2_000);
  const text = checkAuthoredQuestion("cloze", { prompt: "The _____ flows through Vienna.", answer: "Danube", accepted: "", options: "", unit: "", tolerance: "", explanation: "" });
  if (!text.ok) throw new Error("refused");
  await editQuestion(db, scope, { moduleId, questionId: toEdit.id, revision: 1, type: "cloze", question: text.question }, iris.id, 2_000);
  const written = checkAuthoredQuestion("short_answer", { prompt: "Which river flows through Lisbon?", answer: "Tagus", accepted: "", options: "", unit: "", tolerance: "", explanation: "" });
  if (!written.ok) throw new Error("refused");
  const handWritten = (await addQuestion(db, scope, { moduleId, lessonId, type: "short_answer", question: written.question }, iris.id, 2_000))!;
  return { db, scope, moduleId, lessonId, handWritten };
}

describe("a module that lets only accepted questions reach learners", () => {
  it("puts only accepted, edited and hand-written questions in decks, practice and its learner-facing questions", async () => {
    const { db, scope, moduleId, lessonId, handWritten } = await curatedModule();
    expect(await setLearnerQuestions(db, scope, { moduleId, policy: "accepted", qualityBar: null })).toBe(true);

    // The weak question and its sibling (another fact of its sentence) were both accepted; the edited one whatever its estimate; never the retired one.
    const expected = [toEdit.id, weakSibling.id, weak.id, handWritten];
    expect((await lessonDeck(db, lessonId)).map((q) => q.id)).toEqual(expected);
    expect((await lessonDecks(db, [moduleId])).get(lessonId)!.map((q) => q.id)).toEqual(expected);
    expect((await getLessonQuestions(db, lessonId)).map((q) => q.id).sort()).toEqual([...expected].sort());
    const perLesson = await moduleLearnerQuestions(db, moduleId);
    expect(perLesson.map((l) => [l.lesson.id, l.questions.map((q) => q.id)])).toEqual([[lessonId, expected]]);
    expect(perLesson[0]!.questions.find((q) => q.id === toEdit.id)!.prompt).toBe("The _____ flows through Vienna.");

    const learner = await makeLearner(db);
    expect(await startLesson(db, learner.id, lessonId, 3_000)).toBe(4);
    expect((await db.select({ id: cards.questionId }).from(cards).where(eq(cards.userId, learner.id))).map((c) => c.id).sort()).toEqual([...expected].sort());
  });

  it("under the quality threshold, adds the untouched questions above the module's bar to what was vouched for", async () => {
    const { db, scope, moduleId, lessonId, handWritten } = await curatedModule();
    expect((await lessonDeck(db, lessonId)).map((q) => q.id)).toEqual([strong.id, untouched.id, toEdit.id, weakSibling.id, weak.id, handWritten]);
    await setLearnerQuestions(db, scope, { moduleId, policy: "quality", qualityBar: 0.88 });
    expect((await lessonDeck(db, lessonId)).map((q) => q.id)).toEqual([strong.id, toEdit.id, weakSibling.id, weak.id, handWritten]);
  });

  it("is set only by the module's owner (or an admin's scope)", async () => {
    const { db, moduleId } = await curatedModule();
    const otto = await createUser(db, { email: "otto@example.org", name: "Otto", password: "instructor-password", role: "instructor" }, 1);
    expect(await setLearnerQuestions(db, { userId: otto.id, all: false }, { moduleId, policy: "accepted", qualityBar: null })).toBe(false);
    expect((await db.select({ policy: modules.learnerQuestions }).from(modules))[0]!.policy).toBe("quality");
    expect(await setLearnerQuestions(db, { userId: otto.id, all: true }, { moduleId, policy: "accepted", qualityBar: null })).toBe(true);
  });
});

describe("the default quality threshold on content/", () => {
  it("gives every lesson the deck the generator's bank gives, as before curation existed", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    const manifestText = readFileSync(join("content", "course.json"), "utf8");
    const contentManifest = parseCourseManifest(manifestText);
    const files = contentManifest.modules.map((m) => ({ name: m.file, key: m.slug, bytes: new Uint8Array(readFileSync(join("content", m.file))) }));
    const built = buildModules(files);
    await saveCourse(db, { manifest: contentManifest, modules: built, moduleHashes: files.map((f) => f.name), contentHash: "content" }, 1_000);

    const moduleRows = await db.select({ id: modules.id, slug: modules.slug }).from(modules);
    const decks = await lessonDecks(db, moduleRows.map((m) => m.id));
    const lessonRows = await db.select({ id: lessons.id, slug: lessons.slug, moduleId: lessons.moduleId }).from(lessons);
    let total = 0;
    for (const [i, entry] of contentManifest.modules.entries()) {
      const moduleId = moduleRows.find((m) => m.slug === entry.slug)!.id;
      const expectedDecks = chooseModuleDecks(built[i]!.lessons.map((lesson) => lesson.questions));
      for (const [k, lesson] of built[i]!.lessons.entries()) {
        const lessonId = lessonRows.find((l) => l.moduleId === moduleId && l.slug === lesson.slug)!.id;
        const expected = expectedDecks[k]!.map((q) => q.id);
        expect({ lesson: lesson.slug, deck: (decks.get(lessonId) ?? []).map((q) => q.id) }).toEqual({ lesson: lesson.slug, deck: expected });
        // One lesson's deck, read with the lessons before it only, is the same.
        expect({ lesson: lesson.slug, deck: (await lessonDeck(db, lessonId)).map((q) => q.id) }).toEqual({ lesson: lesson.slug, deck: expected });
        total += expected.length;
      }
    }
    // The comparison means something only if some lessons have decks.
    expect(total).toBeGreaterThan(0);
  }, 120_000);
});
