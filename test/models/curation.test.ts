/**
 * Curation on a real libSQL file: what an instructor accepts, edits, retires
 * or writes survives re-importing the material; edits are revisions of one
 * question whose cards and reviews stay; another instructor's module and
 * questions are out of reach.
 */
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cards, lessons, modules, questionRevisions, questions, reviewLogs, showings } from "../../db/schema";
import type { Lesson, Question } from "../../app/content/types";
import { saveCourse } from "../../app/models/content.server";
import { addQuestion, curateQuestions, editQuestion, type ModuleScope } from "../../app/models/curation.server";
import { startLesson } from "../../app/models/deck.server";
import { getLearner } from "../../app/models/learner.server";
import { answerShowing, studyNext } from "../../app/models/review.server";
import { createUser } from "../../app/models/user.server";
import { checkAuthoredQuestion, type AuthoredFields } from "../../app/questions/authoring";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { clozeQuestion, lessonOf, makeLearner, riversManifest } from "../support/fixtures";

let handle: TestDatabase;
let owner: ModuleScope;
let moduleId: string;
beforeEach(async () => {
  handle = await createTestDatabase();
  const iris = await createUser(handle.db, { email: "iris@example.org", name: "Iris", password: "instructor-password", role: "instructor" }, 1);
  owner = { userId: iris.id, all: false };
});
afterEach(() => handle.close());

const manifest = riversManifest;

const q = (id: string, answer: string, sentence: string) => clozeQuestion(id, answer, sentence);
const nile = q("q-nile", "Nile", "The Nile flows north into the Mediterranean Sea.");
const amazon = q("q-amazon", "Amazon", "The Amazon carries more water than any other river.");
const danube = q("q-danube", "Danube", "The Danube passes through ten countries.");
const rhine = q("q-rhine", "Rhine", "The Rhine rises in the Swiss Alps.");
const volga = q("q-volga", "Volga", "The Volga is the longest river in Europe.");
const loire = q("q-loire", "Loire", "The Loire is the longest river in France.");

/** The generator's output for the same facts after a change to its rules: same ids, new wording and ranks. */
const reworded = (question: Question): Question => ({ ...question, prompt: `Reworded: ${question.prompt}`, quality: 0.7 });

let version = 0;
async function importLessons(lessonList: Lesson[], now: number) {
  version++;
  const summary = await saveCourse(
    handle.db,
    { manifest, modules: [{ title: "Rivers", source: "rivers.md", lessons: lessonList }], moduleHashes: [`m${version}`], contentHash: `c${version}`, ownerId: owner.userId },
    now,
  );
  [{ id: moduleId }] = await handle.db.select({ id: modules.id }).from(modules);
  return summary;
}

const overview = (qs: Question[]) => lessonOf("Overview", "overview", 0, qs);

async function lessonId(slug = "overview") {
  const [row] = await handle.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, slug));
  return row!.id;
}

function authored(type: Parameters<typeof checkAuthoredQuestion>[0], fields: Partial<AuthoredFields>) {
  const result = checkAuthoredQuestion(type, { prompt: "", answer: "", accepted: "", options: "", unit: "", tolerance: "", explanation: "", ...fields });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.question;
}

async function stored(id: string) {
  const [row] = await handle.db.select().from(questions).where(eq(questions.id, id));
  return row!;
}

describe("re-importing a curated module", () => {
  it("rewrites only untouched questions: accepted, edited, retired and hand-written ones keep their state and text", async () => {
    await importLessons([overview([nile, amazon, danube, rhine, volga])], 1_000);
    await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id], action: "accept" }, owner.userId, 2_000);
    const edit = authored("cloze", { prompt: "Which river carries the most water? The _____.", answer: "Amazon", accepted: "Amazon River" });
    expect(await editQuestion(handle.db, owner, { moduleId, questionId: amazon.id, revision: 1, type: "cloze", question: edit }, owner.userId, 2_000)).toEqual({ ok: true, revision: 2 });
    await curateQuestions(handle.db, owner, { moduleId, questionIds: [danube.id], action: "retire" }, owner.userId, 2_000);
    const written = (await addQuestion(
      handle.db,
      owner,
      { moduleId, lessonId: await lessonId(), type: "short_answer", question: authored("short_answer", { prompt: "Which river flows through Cairo?", answer: "Nile" }) },
      owner.userId,
      2_000,
    ))!;
    const before = await stored(danube.id);

    const summary = await importLessons([overview([reworded(nile), reworded(amazon), reworded(danube), reworded(rhine), loire])], 3_000);
    expect(summary).toMatchObject({ questionsAdded: 1, questionsUpdated: 1, questionsCurated: 3, questionsRetired: 1 });

    expect(await stored(nile.id)).toMatchObject({ curation: "accepted", status: "active", prompt: nile.prompt });
    expect(await stored(amazon.id)).toMatchObject({ curation: "edited", status: "active", prompt: edit.prompt, revision: 2 });
    expect(await stored(danube.id)).toMatchObject({ curation: "generated", status: "retired", retiredBy: "instructor", prompt: before.prompt });
    expect(await stored(written)).toMatchObject({ curation: "hand_written", status: "active", prompt: "Which river flows through Cairo?" });
    expect(await stored(rhine.id)).toMatchObject({ curation: "generated", status: "active", prompt: reworded(rhine).prompt });
    expect(await stored(volga.id)).toMatchObject({ status: "retired", retiredBy: "import" });
    expect(await stored(loire.id)).toMatchObject({ curation: "generated", status: "active" });
    expect(await handle.db.$count(questions)).toBe(7);
  });

  it("keeps touched questions the material no longer makes while their lesson stands, and retires and restores them with it", async () => {
    await importLessons([overview([nile, amazon]), lessonOf("Deltas", "deltas", 1, [volga])], 1_000);
    await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id], action: "accept" }, owner.userId, 2_000);
    const deltas = await lessonId("deltas");
    const written = (await addQuestion(
      handle.db,
      owner,
      { moduleId, lessonId: deltas, type: "short_answer", question: authored("short_answer", { prompt: "Which river ends in a delta at Astrakhan?", answer: "Volga" }) },
      owner.userId,
      2_000,
    ))!;

    // The Nile sentence is gone from the material, its lesson stays; the Deltas lesson is gone.
    await importLessons([overview([amazon])], 3_000);
    expect(await stored(nile.id)).toMatchObject({ curation: "accepted", status: "active" });
    expect(await stored(written)).toMatchObject({ curation: "hand_written", status: "retired", retiredBy: "import" });
    expect(await stored(volga.id)).toMatchObject({ status: "retired", retiredBy: "import" });

    // The lesson comes back: so does what the instructor wrote for it; untouched questions come back only when generated again.
    await importLessons([overview([amazon]), lessonOf("Deltas", "deltas", 1, [])], 4_000);
    expect(await stored(written)).toMatchObject({ curation: "hand_written", status: "active", retiredBy: null });
    expect(await stored(volga.id)).toMatchObject({ status: "retired" });
  });

  it("never deletes a question with learner history, whatever its curation", async () => {
    await importLessons([overview([nile, amazon])], 1_000);
    const learner = await makeLearner(handle.db);
    await startLesson(handle.db, learner.id, await lessonId(), 1_500);
    await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id], action: "accept" }, owner.userId, 2_000);
    await importLessons([lessonOf("Elsewhere", "elsewhere", 0, [loire])], 3_000);
    expect((await handle.db.select({ id: questions.id }).from(questions).orderBy(asc(questions.id))).map((r) => r.id)).toEqual([amazon.id, loire.id, nile.id]);
    expect(await handle.db.$count(cards, eq(cards.userId, learner.id))).toBe(2);
  });
});

describe("curating questions", () => {
  it("accepts, retires and restores in bulk where each action applies, and restoring what an import retired accepts it", async () => {
    await importLessons([overview([nile, amazon, volga])], 1_000);
    await importLessons([overview([nile, amazon])], 1_500);
    expect(await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id, amazon.id], action: "accept" }, owner.userId, 2_000)).toEqual({ changed: 2, unchanged: 0 });
    expect(await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id, volga.id], action: "retire" }, owner.userId, 3_000)).toEqual({ changed: 1, unchanged: 1 });
    await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id, volga.id], action: "restore" }, owner.userId, 4_000);
    expect(await stored(nile.id)).toMatchObject({ curation: "accepted", status: "active", retiredBy: null, curatedBy: owner.userId, curatedAt: 4_000 });
    expect(await stored(volga.id)).toMatchObject({ curation: "accepted", status: "active" });
  });

  it("refuses another instructor's module and questions, and a bulk action naming a question of another module changes nothing", async () => {
    await importLessons([overview([nile, amazon])], 1_000);
    const otto = await createUser(handle.db, { email: "otto@example.org", name: "Otto", password: "instructor-password", role: "instructor" }, 1);
    const other: ModuleScope = { userId: otto.id, all: false };
    expect(await curateQuestions(handle.db, other, { moduleId, questionIds: [nile.id], action: "accept" }, otto.id, 2_000)).toBeNull();
    const text = authored("cloze", { prompt: "The _____ flows north.", answer: "Nile" });
    expect(await editQuestion(handle.db, other, { moduleId, questionId: nile.id, revision: 1, type: "cloze", question: text }, otto.id, 2_000)).toEqual({ ok: false, reason: "not_found" });
    expect(await addQuestion(handle.db, other, { moduleId, lessonId: await lessonId(), type: "cloze", question: text }, otto.id, 2_000)).toBeNull();
    expect(await curateQuestions(handle.db, owner, { moduleId, questionIds: [nile.id, "q-elsewhere"], action: "accept" }, owner.userId, 2_000)).toBeNull();
    expect(await stored(nile.id)).toMatchObject({ curation: "generated", prompt: nile.prompt, revision: 1 });
    // An admin's scope reaches every module.
    expect(await curateQuestions(handle.db, { userId: otto.id, all: true }, { moduleId, questionIds: [nile.id], action: "accept" }, otto.id, 2_000)).toEqual({ changed: 1, unchanged: 0 });
  });
});

describe("editing a question", () => {
  it("records each text as a revision and keeps the question's id, cards and review history; the next showing reads the new text", async () => {
    await importLessons([overview([nile, amazon])], 1_000);
    const user = await makeLearner(handle.db);
    await startLesson(handle.db, user.id, await lessonId(), 1_000);
    const learner = (await getLearner(handle.db, user.id))!;
    const first = await studyNext(handle.db, learner, 2_000);
    const result = await answerShowing(handle.db, learner, { showingId: first.card!.showingId, response: "Nile" }, 3_000);
    const questionId = first.card!.question.id;

    const v2 = authored("cloze", { prompt: "The _____ flows north to the sea.", answer: "Nile", explanation: "It flows north." });
    const v3 = authored("cloze", { prompt: "The river _____ flows north into the Mediterranean.", answer: "Nile", accepted: "River Nile" });
    expect(await editQuestion(handle.db, owner, { moduleId, questionId, revision: 1, type: "cloze", question: v2 }, owner.userId, 4_000)).toEqual({ ok: true, revision: 2 });
    // A form opened at revision 1 is stale now, and so is one for another type.
    expect(await editQuestion(handle.db, owner, { moduleId, questionId, revision: 1, type: "cloze", question: v3 }, owner.userId, 5_000)).toEqual({ ok: false, reason: "stale" });
    expect(await editQuestion(handle.db, owner, { moduleId, questionId, revision: 2, type: "short_answer", question: v3 }, owner.userId, 5_000)).toEqual({ ok: false, reason: "stale" });
    expect(await editQuestion(handle.db, owner, { moduleId, questionId, revision: 2, type: "cloze", question: v3 }, owner.userId, 5_000)).toEqual({ ok: true, revision: 3 });

    const revisions = await handle.db.select().from(questionRevisions).where(eq(questionRevisions.questionId, questionId)).orderBy(asc(questionRevisions.revision));
    expect(revisions.map((r) => [r.revision, r.prompt, r.editorId, r.jsonFormat])).toEqual([
      [1, nile.prompt, null, 1],
      [2, v2.prompt, owner.userId, 1],
      [3, v3.prompt, owner.userId, 1],
    ]);
    expect(JSON.parse(revisions[2]!.acceptedJson)).toEqual(["Nile", "River Nile"]);
    expect(await stored(questionId)).toMatchObject({ curation: "edited", revision: 3, prompt: v3.prompt, explanation: "" });

    const [card] = await handle.db.select().from(cards).where(eq(cards.questionId, questionId));
    expect(await handle.db.$count(reviewLogs, eq(reviewLogs.cardId, card!.id))).toBe(1);
    expect(result.correct).toBe(true);
    // Due again later: the next showing of this card reads revision 3.
    const later = await studyNext(handle.db, learner, card!.due + 1);
    const shown = later.card?.question.id === questionId ? later.card : (await studyNext(handle.db, learner, card!.due + 86_400_000)).card;
    expect(shown?.question).toMatchObject({ id: questionId, prompt: v3.prompt });
  });

  it("deals a showing open during the edit the new options", async () => {
    const mc: Question = {
      ...q("q-mc", "Nile", "The Nile flows north into the Mediterranean Sea."),
      type: "multiple_choice",
      prompt: "Which river fills the blank? The _____ flows north into the Mediterranean Sea.",
      options: ["Nile", "Congo", "Niger", "Zambezi"],
    };
    await importLessons([overview([mc])], 1_000);
    const user = await makeLearner(handle.db);
    await startLesson(handle.db, user.id, await lessonId(), 1_000);
    const learner = (await getLearner(handle.db, user.id))!;
    const open = await studyNext(handle.db, learner, 2_000);
    const edit = authored("multiple_choice", { prompt: mc.prompt, answer: "Nile", options: "Nile\nOrange\nLimpopo\nVolta" });
    await editQuestion(handle.db, owner, { moduleId, questionId: mc.id, revision: 1, type: "multiple_choice", question: edit }, owner.userId, 3_000);
    const [showing] = await handle.db.select().from(showings).where(eq(showings.id, open.card!.showingId));
    expect(JSON.parse(showing!.optionsJson!).sort()).toEqual(["Limpopo", "Nile", "Orange", "Volta"]);
    const again = await studyNext(handle.db, learner, 3_500);
    expect(again.card).toMatchObject({ showingId: open.card!.showingId, question: { options: JSON.parse(showing!.optionsJson!) } });
  });
});
