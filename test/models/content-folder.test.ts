import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq, gte } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cards, lessons, modules, questions, reviewLogs } from "../../db/schema";
import { DECK_QUALITY_BAR } from "../../app/learning/deck";
import { importContentFolder } from "../../app/models/content-folder.server";
import { startLesson } from "../../app/models/deck.server";
import { getLearner } from "../../app/models/learner.server";
import { answerShowing, nextShowing } from "../../app/models/review.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner } from "../support/fixtures";

let handle: TestDatabase | undefined;
let dir: string | undefined;
afterEach(() => {
  handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("importing the content folder into libSQL", () => {
  it("imports content/, skips an unchanged folder, and keeps ids and history when one article changes", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    dir = mkdtempSync(join(tmpdir(), "cairn-content-"));
    cpSync("content", dir, { recursive: true });

    const first = await importContentFolder(db, dir, 1_000);
    expect(first.changed).toBe(true);
    expect(first.lessons).toBeGreaterThan(5);
    expect(first.questions).toBeGreaterThan(50);
    expect((await importContentFolder(db, dir, 2_000)).changed).toBe(false);

    // A learner studies the first lesson of the last module that gives cards and answers one card.
    const manifest = JSON.parse(readFileSync(join(dir, "course.json"), "utf8")) as { modules: { file: string; slug: string }[] };
    const last = manifest.modules.at(-1)!;
    const [mod] = await db.select().from(modules).where(eq(modules.slug, last.slug));
    const [withDeck] = await db
      .select({ lessonId: questions.lessonId })
      .from(questions)
      .innerJoin(lessons, eq(lessons.id, questions.lessonId))
      .where(and(eq(questions.moduleId, mod.id), gte(questions.quality, DECK_QUALITY_BAR)))
      .orderBy(asc(lessons.position))
      .limit(1);
    const lesson = await db.query.lessons.findFirst({ where: (l, { eq: equals }) => equals(l.id, withDeck.lessonId) });
    const user = await makeLearner(db);
    await startLesson(db, user.id, lesson!.id, 3_000);
    const learner = (await getLearner(db, user.id))!;
    const shown = (await nextShowing(db, learner, 4_000))!;
    await answerShowing(db, learner, { showingId: shown.showingId, response: "a guess" }, 5_000);
    const before = new Map((await db.select().from(questions)).map((q) => [q.id, q.status]));

    // The article gains a paragraph at its end; everything else stays as it was.
    const file = join(dir, last.file);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n\nIn 1999 the Organisation for Reef Protection (ORP) counted 412 coral species.\n`);
    const second = await importContentFolder(db, dir, 6_000);
    expect(second.changed).toBe(true);
    expect(second.modulesChanged).toBe(1);
    expect(second.questionsAdded).toBeGreaterThan(0);

    const after = new Map((await db.select().from(questions)).map((q) => [q.id, q.status]));
    const kept = [...before.keys()].filter((id) => after.get(id) === "active");
    // Other modules are untouched and most of the changed one's questions keep their ids.
    expect(kept.length / before.size).toBeGreaterThan(0.9);
    for (const id of before.keys()) expect(after.has(id)).toBe(true);
    // The learner's card and review survive the re-import.
    const [card] = await db.select().from(cards).where(and(eq(cards.userId, user.id), eq(cards.id, shown.cardId)));
    expect(card.reps).toBe(1);
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, card.id))).toHaveLength(1);
    const [modAfter] = await db.select().from(modules).where(eq(modules.id, mod.id));
    expect(modAfter.version).toBe(2);
  });
});
