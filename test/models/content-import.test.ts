import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cards, courses, modules, questions, users } from "../../db/schema";
import type { CourseManifest } from "../../app/content/manifest";
import type { Module, Question } from "../../app/content/types";
import { saveCourse, sha256 } from "../../app/models/content.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { clozeQuestion, lessonOf } from "../support/fixtures";

let handle: TestDatabase | undefined;
afterEach(() => handle?.close());

const manifest: CourseManifest = {
  slug: "rivers",
  title: "Rivers",
  description: "Water on the move.",
  modules: [{ file: "rivers.md", slug: "rivers", title: "Rivers of the world", description: "" }],
};

function built(qs: Question[]): Module[] {
  return [{ title: "Rivers", source: "rivers.md", lessons: [lessonOf("Overview", "overview", 0, qs)] }];
}

const nile = clozeQuestion("q-nile", "Nile", "The Nile flows north into the Mediterranean Sea.");
const amazon = clozeQuestion("q-amazon", "Amazon", "The Amazon carries more water than any other river.");
const danube = clozeQuestion("q-danube", "Danube", "The Danube passes through ten countries.");

describe("importing a course into libSQL", () => {
  it("stores modules, lessons and questions, and does nothing when the content hash is unchanged", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    const first = await saveCourse(db, { manifest, modules: built([nile, amazon]), moduleHashes: ["h1"], contentHash: "c1" }, 1000);
    expect(first).toMatchObject({ changed: true, questionsAdded: 2, lessons: 1, questions: 2 });
    const again = await saveCourse(db, { manifest, modules: built([nile, amazon]), moduleHashes: ["h1"], contentHash: "c1" }, 2000);
    expect(again.changed).toBe(false);
    const rows = await db.select().from(questions);
    expect(rows.map((r) => r.id).sort()).toEqual(["q-amazon", "q-nile"]);
  });

  it("re-importing changed material keeps unchanged ids and history, adds new questions and retires vanished ones", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await saveCourse(db, { manifest, modules: built([nile, amazon]), moduleHashes: ["h1"], contentHash: "c1" }, 1000);
    await db.insert(users).values({ id: "u1", email: "a@example.com", name: "A", passwordHash: "x", createdAt: 1 });
    const [mod] = await db.select().from(modules);
    await db.insert(cards).values({
      userId: "u1",
      questionId: "q-amazon",
      moduleId: mod.id,
      siblingKey: amazon.siblingKey,
      due: 5000,
      reps: 3,
      createdAt: 1000,
    });

    const summary = await saveCourse(
      db,
      { manifest, modules: built([nile, danube]), moduleHashes: ["h2"], contentHash: "c2" },
      3000,
    );
    expect(summary).toMatchObject({ changed: true, questionsAdded: 1, questionsUpdated: 1, questionsRetired: 1 });

    const byId = new Map((await db.select().from(questions)).map((q) => [q.id, q]));
    expect(byId.get("q-nile")?.status).toBe("active");
    expect(byId.get("q-danube")?.status).toBe("active");
    // The learner has history on the Amazon question: it is retired, not deleted.
    expect(byId.get("q-amazon")?.status).toBe("retired");
    const [card] = await db.select().from(cards).where(eq(cards.questionId, "q-amazon"));
    expect(card.reps).toBe(3);

    const [modAfter] = await db.select().from(modules);
    expect(modAfter.version).toBe(2);
    expect(modAfter.contentHash).toBe("h2");
  });

  it("hashes are stable and sensitive to every byte", () => {
    expect(sha256("a", "b")).toBe(sha256("a", "b"));
    expect(sha256("a", "b")).not.toBe(sha256("ab"));
    expect(sha256(new Uint8Array([1, 2]))).not.toBe(sha256(new Uint8Array([1, 3])));
  });
});

describe("who owns an imported course", () => {
  const input = (contentHash: string, ownerId: string | null) => ({
    manifest,
    modules: built([nile]),
    moduleHashes: [contentHash],
    contentHash,
    ownerId,
  });
  const instructor = (db: TestDatabase["db"], email: string) =>
    createUser(db, { email, name: email, password: "instructor-password", role: "instructor" }, 1);
  const owners = async (db: TestDatabase["db"]) => ({
    course: (await db.select({ ownerId: courses.ownerId }).from(courses)).map((r) => r.ownerId),
    modules: (await db.select({ ownerId: modules.ownerId }).from(modules)).map((r) => r.ownerId),
  });

  it("gives the course and its modules to the importing instructor", async () => {
    handle = await createTestDatabase();
    const iris = await instructor(handle.db, "iris@example.org");
    await saveCourse(handle.db, input("h1", iris.id), 1_000);
    expect(await owners(handle.db)).toEqual({ course: [iris.id], modules: [iris.id] });
  });

  it("lets an ownerless course be claimed by a later import, changed or not, but never moves an owned one", async () => {
    handle = await createTestDatabase();
    await saveCourse(handle.db, input("h1", null), 1_000);
    expect(await owners(handle.db)).toEqual({ course: [null], modules: [null] });
    const iris = await instructor(handle.db, "iris@example.org");
    const summary = await saveCourse(handle.db, input("h1", iris.id), 2_000);
    expect(summary.changed).toBe(false);
    expect(await owners(handle.db)).toEqual({ course: [iris.id], modules: [iris.id] });
    const otto = await instructor(handle.db, "otto@example.org");
    await saveCourse(handle.db, input("h2", otto.id), 3_000);
    expect(await owners(handle.db)).toEqual({ course: [iris.id], modules: [iris.id] });
  });

  it("keeps a course slug unique per owner in the database itself", async () => {
    handle = await createTestDatabase();
    const { rows } = await handle.db.$client.execute("SELECT sql FROM sqlite_master WHERE name = 'courses_owner_slug'");
    expect(String(rows[0]?.sql)).toMatch(/UNIQUE INDEX .*\(`owner_id`,\s*`slug`\)/);
  });
});
