/**
 * Drafts on a real libSQL file: publishing as a new module (a new course or
 * one of the instructor's), as a new version that keeps unchanged questions'
 * ids and learners' history and retires (never deletes) the rest; what is
 * refused (not ready, twice, another instructor's draft, course or module)
 * leaves the database as it was; slugs that never collide between owners;
 * and a draft whose preparation died is failed when next looked at.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { cards, courses, drafts, lessons, modules, questions, reviewLogs } from "../../db/schema";
import { encodeDraftModule, summariseDraft } from "../../app/content/draft-format";
import { buildModules } from "../../app/content/pipeline";
import { buildUploadedModule, type UploadedFile } from "../../app/content/upload";
import { saveCourse } from "../../app/models/content.server";
import { getCourseOutline } from "../../app/models/course.server";
import { publishDraft, versionPreview, type PublishTarget } from "../../app/models/draft-publish.server";
import { completeDraft, createDraft, findDraft, INTERRUPTED_MESSAGE, STALE_AFTER_MS } from "../../app/models/draft.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner } from "../support/fixtures";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const T0 = Date.UTC(2026, 5, 1, 9);
const file = (name: string, text: string): UploadedFile => ({ name, bytes: new TextEncoder().encode(text) });

const NILE = "## The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long and crosses eleven countries, among them Egypt and Sudan.\n";
const AMAZON = "## The Amazon\n\nThe Amazon carries more water than any other river. Its basin covers about 7 million square kilometres of South America, mostly in Brazil.\n";
const CONGO = "## The Congo\n\nThe Congo is the deepest river in the world, more than 220 metres deep in places. Henry Morton Stanley followed it to the Atlantic in 1877.\n";
const riversV1 = file("rivers.md", `# Rivers\n\n${NILE}\n${AMAZON}`);
const riversV2 = file("rivers.md", `# Rivers\n\n${NILE}\n${CONGO}`);

let people = 0;
async function instructor() {
  people++;
  const user = await createUser(t.db, { email: `teacher${people}@example.org`, name: `Teacher ${people}`, password: "a-good-long-password", role: "instructor" }, T0);
  return { id: user.id, scope: { userId: user.id, all: false } };
}

/** A draft prepared as the background job prepares one, without the worker thread (draft-job.test.ts runs that). */
async function readyDraft(ownerId: string, files: UploadedFile[], now = T0) {
  const { id } = await createDraft(t.db, { ownerId, title: files[0].name, files }, now);
  const [row] = await t.db.select({ key: drafts.questionKey }).from(drafts).where(eq(drafts.id, id));
  const module = await buildUploadedModule(files, row!.key);
  await completeDraft(t.db, id, { module: encodeDraftModule(module), summaryJson: JSON.stringify(summariseDraft(module)), title: module.title }, now);
  return id;
}

async function publish(scope: { userId: string; all: boolean }, draftId: string, target: PublishTarget, now = T0) {
  const result = await publishDraft(t.db, scope, draftId, target, now);
  if (!result.ok) throw new Error(`not published: ${result.reason}`);
  return result;
}

const moduleQuestions = async (moduleId: string) =>
  t.db.select({ id: questions.id, status: questions.status, answer: questions.answer }).from(questions).where(eq(questions.moduleId, moduleId));

/** Everything a publish could touch, to show a refused one touched nothing. */
async function snapshot() {
  return {
    courses: await t.db.select().from(courses),
    modules: await t.db.select().from(modules),
    lessons: await t.db.select().from(lessons),
    questions: await t.db.select().from(questions),
    drafts: (await t.db.select().from(drafts)).map((d) => ({ ...d, heartbeatAt: 0 })),
  };
}

describe("publishing a draft as a new module", () => {
  it("into a new course: the course is the instructor's, the module is listed, its questions saved under the module's key", async () => {
    const teacher = await instructor();
    const draftId = await readyDraft(teacher.id, [riversV1]);
    const result = await publish(teacher.scope, draftId, { kind: "module-in-new-course", courseTitle: "World Geography", title: "Rivers" });
    expect(result).toMatchObject({ courseSlug: "world-geography", moduleSlug: "rivers", version: 1 });
    const outline = (await getCourseOutline(t.db, "world-geography"))!;
    expect(outline.course.ownerId).toBe(teacher.id);
    expect(outline.modules.map((m) => [m.title, m.lessonCount])).toEqual([["Rivers", 2]]);
    const [module] = await t.db.select().from(modules).where(eq(modules.id, outline.modules[0].id));
    expect(module).toMatchObject({ ownerId: teacher.id, questionKey: module!.id, status: "active" });
    const saved = await moduleQuestions(module!.id);
    expect(saved.length).toBe(result.summary.questions);
    expect(saved.length).toBeGreaterThan(0);
    const expected = await buildUploadedModule([riversV1], module!.id);
    expect(saved.map((q) => q.id).sort()).toEqual([...new Set(expected.lessons.flatMap((l) => l.questions.map((q) => q.id)))].sort());
    const [draft] = await t.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(draft).toMatchObject({ status: "published", publishedModuleId: module!.id, moduleGzip: null, moduleJson: null });
  });

  it("publishes a draft stored before drafts were compressed (format 1, plain JSON) as one stored now", async () => {
    const teacher = await instructor();
    const draftId = await readyDraft(teacher.id, [riversV1]);
    const [row] = await t.db.select({ key: drafts.questionKey }).from(drafts).where(eq(drafts.id, draftId));
    const module = await buildUploadedModule([riversV1], row!.key);
    await t.db.update(drafts).set({ moduleGzip: null, moduleJson: JSON.stringify({ version: 1, module }) }).where(eq(drafts.id, draftId));
    const result = await publish(teacher.scope, draftId, { kind: "module-in-new-course", courseTitle: "Old Drafts", title: "Rivers" });
    expect(result).toMatchObject({ courseSlug: "old-drafts", moduleSlug: "rivers" });
    const outline = (await getCourseOutline(t.db, "old-drafts"))!;
    expect((await moduleQuestions(outline.modules[0].id)).length).toBe(module.lessons.reduce((n, l) => n + l.questions.length, 0));
    const [draft] = await t.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(draft).toMatchObject({ status: "published", moduleGzip: null, moduleJson: null });
  });

  it("into a course of theirs, after its modules; never into another instructor's course", async () => {
    const teacher = await instructor();
    const other = await instructor();
    const first = await publish(teacher.scope, await readyDraft(teacher.id, [riversV1]), { kind: "module-in-new-course", courseTitle: "Geography", title: "Rivers" });
    const [course] = await t.db.select().from(courses).where(eq(courses.slug, first.courseSlug));
    const intruder = await readyDraft(other.id, [riversV2]);
    const before = await snapshot();
    expect(await publishDraft(t.db, other.scope, intruder, { kind: "module", courseId: course!.id, title: "Mine now" }, T0)).toEqual({ ok: false, reason: "no-target" });
    expect(await snapshot()).toEqual(before);
    const second = await publish(teacher.scope, await readyDraft(teacher.id, [riversV2]), { kind: "module", courseId: course!.id, title: "Rivers" });
    expect(second).toMatchObject({ courseSlug: "geography", moduleSlug: "rivers-2" });
    const outline = (await getCourseOutline(t.db, "geography"))!;
    expect(outline.modules.map((m) => [m.slug, m.position])).toEqual([
      ["rivers", 0],
      ["rivers-2", 1],
    ]);
  });

  it("gives a course another owner's slug a suffix, so course URLs never collide between owners", async () => {
    const [a, b] = [await instructor(), await instructor()];
    const first = await publish(a.scope, await readyDraft(a.id, [riversV1]), { kind: "module-in-new-course", courseTitle: "Biology 101", title: "Rivers" });
    const second = await publish(b.scope, await readyDraft(b.id, [riversV1]), { kind: "module-in-new-course", courseTitle: "Biology 101", title: "Rivers" });
    const third = await publish(a.scope, await readyDraft(a.id, [riversV1]), { kind: "module-in-new-course", courseTitle: "Biology 101!", title: "Rivers" });
    expect([first.courseSlug, second.courseSlug, third.courseSlug]).toEqual(["biology-101", "biology-101-2", "biology-101-3"]);
    const owners = await t.db.select({ slug: courses.slug, ownerId: courses.ownerId }).from(courses).orderBy(courses.slug);
    expect(owners).toEqual([
      { slug: "biology-101", ownerId: a.id },
      { slug: "biology-101-2", ownerId: b.id },
      { slug: "biology-101-3", ownerId: a.id },
    ]);
    // Question ids are keyed by module: the same material in three courses collides nowhere.
    expect(new Set((await t.db.select({ id: questions.id }).from(questions)).map((q) => q.id)).size).toBe((await t.db.select().from(questions)).length);
  });
});

describe("publishing a draft as a new version", () => {
  async function moduleWithHistory() {
    const teacher = await instructor();
    const v1 = await publish(teacher.scope, await readyDraft(teacher.id, [riversV1]), { kind: "module-in-new-course", courseTitle: "Geography", title: "Rivers" });
    const [module] = await t.db.select().from(modules).where(eq(modules.slug, v1.moduleSlug));
    const before = await moduleQuestions(module!.id);
    // A learner has studied one question of each section: a card and a review each.
    const learner = await makeLearner(t.db);
    const nileQuestion = before.find((q) => /Egypt|Nile|6,650|Mediterranean|eleven/.test(q.answer))!;
    const amazonQuestion = before.find((q) => /Amazon|Brazil|South America|7 million/.test(q.answer))!;
    for (const q of [nileQuestion, amazonQuestion]) {
      const [card] = await t.db
        .insert(cards)
        .values({ userId: learner.id, questionId: q.id, moduleId: module!.id, siblingKey: "s", due: T0, createdAt: T0 })
        .returning();
      await t.db.insert(reviewLogs).values({
        cardId: card!.id,
        userId: learner.id,
        showingId: `showing-${q.id}`,
        reviewedAt: T0,
        rating: 3,
        correct: true,
        responseMs: 2000,
        state: 0,
        elapsedDays: 0,
        scheduledDays: 1,
        cardBeforeJson: "{}",
        cardVersionAfter: 1,
      });
    }
    return { teacher, module: module!, before, nileQuestion, amazonQuestion, learner };
  }

  it("shows beforehand what it adds and retires, with the history it keeps", async () => {
    const { teacher, module, amazonQuestion } = await moduleWithHistory();
    const draftId = await readyDraft(teacher.id, [riversV2]);
    const diff = (await versionPreview(t.db, teacher.scope, draftId, module.id))!;
    expect(diff.lessonsAdded).toEqual(["The Congo"]);
    expect(diff.lessonsRetired).toEqual(["The Amazon"]);
    expect(diff.unchanged).toBeGreaterThan(0);
    expect(diff.added.length).toBeGreaterThan(0);
    // The Congo's questions are new; the Amazon's go. (The Nile's distractors, drawn from the whole
    // module, may change too: a multiple choice's options, a false statement's other river.)
    expect(diff.added.filter((q) => q.lessonTitle === "The Congo").length).toBeGreaterThan(0);
    expect(diff.retired.filter((q) => q.lessonTitle === "The Amazon").length).toBeGreaterThan(0);
    expect([...diff.added, ...diff.retired].filter((q) => q.lessonTitle === "The Amazon" || q.lessonTitle === "The Congo").length).toBeGreaterThan(
      [...diff.added, ...diff.retired].filter((q) => q.lessonTitle === "The Nile").length,
    );
    expect(diff.retired.find((q) => q.id === amazonQuestion.id)).toMatchObject({ hasHistory: true });
    expect(diff.retired.filter((q) => q.hasHistory)).toHaveLength(1);
  });

  it("keeps every unchanged question's id and learners' history, and retires vanished questions without deleting them", async () => {
    const { teacher, module, before, nileQuestion, amazonQuestion, learner } = await moduleWithHistory();
    const draftId = await readyDraft(teacher.id, [riversV2]);
    const diff = (await versionPreview(t.db, teacher.scope, draftId, module.id))!;
    const result = await publish(teacher.scope, draftId, { kind: "version", moduleId: module.id });
    expect(result).toMatchObject({ moduleSlug: module.slug, version: 2 });
    const after = await moduleQuestions(module.id);
    const status = new Map(after.map((q) => [q.id, q.status]));
    // Nothing is deleted: every question of version 1 is still there.
    expect(before.every((q) => status.has(q.id))).toBe(true);
    expect(status.get(nileQuestion.id)).toBe("active");
    expect(status.get(amazonQuestion.id)).toBe("retired");
    expect(after.filter((q) => q.status === "retired").map((q) => q.id).sort()).toEqual(diff.retired.map((q) => q.id).sort());
    expect(after.filter((q) => q.status === "active").length).toBe(diff.unchanged + diff.changed.length + diff.added.length + diff.restored.length);
    // The learner's cards and reviews are where they were, on the same question ids.
    const theirCards = await t.db.select().from(cards).where(eq(cards.userId, learner.id));
    expect(theirCards.map((c) => c.questionId).sort()).toEqual([nileQuestion.id, amazonQuestion.id].sort());
    expect(await t.db.select().from(reviewLogs).where(inArray(reviewLogs.cardId, theirCards.map((c) => c.id)))).toHaveLength(2);
    const [row] = await t.db.select().from(modules).where(eq(modules.id, module.id));
    expect(row).toMatchObject({ version: 2, questionKey: module.questionKey });
  });

  it("re-keys a module imported from content/ by its slug, so its unchanged questions keep their ids too", async () => {
    const teacher = await instructor();
    const manifest = { slug: "geo", title: "Geo", description: "", modules: [{ file: "rivers.md", slug: "rivers", title: "Rivers", description: "" }] };
    const built = buildModules([{ name: "rivers.md", key: "rivers", bytes: riversV1.bytes }]);
    await saveCourse(t.db, { manifest, modules: built, moduleHashes: ["h1"], contentHash: "c1", ownerId: teacher.id }, T0);
    const [module] = await t.db.select().from(modules).where(eq(modules.slug, "rivers"));
    expect(module!.questionKey).toBeNull();
    const diff = (await versionPreview(t.db, teacher.scope, await readyDraft(teacher.id, [riversV1]), module!.id))!;
    expect({ added: diff.added.length, retired: diff.retired.length }).toEqual({ added: 0, retired: 0 });
    expect(diff.unchanged).toBe((await moduleQuestions(module!.id)).length);
  });

  it("never reaches another instructor's module: nothing changes", async () => {
    const { module } = await moduleWithHistory();
    const other = await instructor();
    const draftId = await readyDraft(other.id, [riversV2]);
    expect(await versionPreview(t.db, other.scope, draftId, module.id)).toBeNull();
    const before = await snapshot();
    expect(await publishDraft(t.db, other.scope, draftId, { kind: "version", moduleId: module.id }, T0)).toEqual({ ok: false, reason: "no-target" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("what publishing refuses", () => {
  it("publishes a draft once, however often it is asked", async () => {
    const teacher = await instructor();
    const draftId = await readyDraft(teacher.id, [riversV1]);
    const target = { kind: "module-in-new-course", courseTitle: "Once", title: "Rivers" } as const;
    const results = await Promise.all([publishDraft(t.db, teacher.scope, draftId, target, T0), publishDraft(t.db, teacher.scope, draftId, target, T0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "not-ready" }]);
    expect(await t.db.select().from(modules)).toHaveLength(1);
  });

  it("refuses a draft still being prepared, and another instructor's draft, changing nothing", async () => {
    const [teacher, other] = [await instructor(), await instructor()];
    const { id: processing } = await createDraft(t.db, { ownerId: teacher.id, title: "x", files: [riversV1] }, T0);
    const ready = await readyDraft(teacher.id, [riversV1]);
    const before = await snapshot();
    const target = { kind: "module-in-new-course", courseTitle: "Nope", title: "Rivers" } as const;
    expect(await publishDraft(t.db, teacher.scope, processing, target, T0)).toEqual({ ok: false, reason: "not-ready" });
    expect(await publishDraft(t.db, other.scope, ready, target, T0)).toEqual({ ok: false, reason: "not-ready" });
    expect(await findDraft(t.db, other.scope, ready, T0)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});

describe("a draft whose preparation died", () => {
  it("is failed with a message when next looked at, once its heartbeat is stale, and not before", async () => {
    const teacher = await instructor();
    const { id } = await createDraft(t.db, { ownerId: teacher.id, title: "x", files: [riversV1] }, T0);
    expect(await findDraft(t.db, teacher.scope, id, T0 + STALE_AFTER_MS)).toMatchObject({ status: "processing", error: null });
    expect(await findDraft(t.db, teacher.scope, id, T0 + STALE_AFTER_MS + 1)).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE });
    expect(await t.db.select().from(courses)).toEqual([]);
  });
});
