/**
 * A module's outline on a real temp libSQL file: the number of questions it
 * shows beside a lesson is the number of cards starting that lesson adds.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getModuleOutline } from "../../app/models/course.server";
import { startLesson } from "../../app/models/deck.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner, seedGeography } from "../support/fixtures";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedGeography(handle.db);
});
afterEach(() => handle.close());

describe("a module's outline", () => {
  it("counts beside each lesson the cards that starting it adds", async () => {
    for (const moduleSlug of ["rivers", "mountains"]) {
      const outline = (await getModuleOutline(handle.db, "geography", moduleSlug))!;
      expect(outline.lessons.length).toBeGreaterThan(0);
      const learner = await makeLearner(handle.db);
      for (const lesson of outline.lessons) {
        expect(await startLesson(handle.db, learner.id, lesson.id, 5_000)).toBe(lesson.questionCount);
      }
    }
  });
});
