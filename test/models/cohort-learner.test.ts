import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignmentExtensions, lessons, modules, users } from "../../db/schema";
import { cohortDashboard, learnerAssignments } from "../../app/models/cohort-progress.server";
import { clearOwnDueDate, cohortLearner, issueLearnerRecoveryLink, setOwnDueDate } from "../../app/models/cohort-learner.server";
import { addRosterToCohort } from "../../app/models/cohort-roster.server";
import { assignModule, createCohort, joinCohort, type CohortScope } from "../../app/models/cohort.server";
import { startLesson } from "../../app/models/deck.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner, seedGeography } from "../support/fixtures";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 12);
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
  await seedGeography(t.db);
});
afterEach(() => t.close());

let staff = 0;
async function person(role: "instructor" | "admin"): Promise<CohortScope> {
  staff++;
  const user = await createUser(t.db, { email: `${role}${staff}@example.org`, name: role, password: "a-good-long-password", role }, T0);
  return { userId: user.id, all: role === "admin" };
}

async function setting() {
  const teacher = await person("instructor");
  const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
  const [rivers] = await t.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, "rivers"));
  const assigned = await assignModule(t.db, teacher, cohort.id, { moduleId: rivers!.id, startsAt: T0, dueAt: T0 + 10 * DAY }, T0);
  if (!assigned?.ok) throw new Error("not assigned");
  const learner = await makeLearner(t.db, "Lea");
  await joinCohort(t.db, { learnerId: learner.id, address: "192.0.2.1" }, cohort.joinCode, T0);
  const ids = { cohortId: cohort.id, learnerId: learner.id, assignmentId: assigned.assignmentId };
  return { teacher, cohort, learner, ids, riversId: rivers!.id };
}

describe("a learner's page in a cohort", () => {
  it("shows each assignment's cell and which lessons were read", async () => {
    const { teacher, cohort, learner, riversId } = await setting();
    const [africa] = await t.db.select().from(lessons).where(eq(lessons.moduleId, riversId)).orderBy(lessons.position);
    await startLesson(t.db, learner.id, africa!.id, T0 + 1000);
    const view = (await cohortLearner(t.db, teacher, cohort.id, learner.id, T0 + DAY))!;
    expect(view.learner).toMatchObject({ name: "Lea", source: "joined", recoverable: true, hasPassword: true });
    expect(view.assignments).toHaveLength(1);
    const [rivers] = view.assignments;
    expect(rivers!.cell).toMatchObject({ lessonsRead: 1, lessonCount: 2, status: "on track", ownDueDate: false });
    expect(rivers!.lessons).toEqual([
      { id: africa!.id, title: "Africa", readAt: T0 + 1000 },
      { id: expect.any(String), title: "America", readAt: null },
    ]);
  });

  it("another instructor, or a learner not in the cohort, finds nothing", async () => {
    const { cohort, learner, teacher } = await setting();
    const other = await person("instructor");
    expect(await cohortLearner(t.db, other, cohort.id, learner.id, T0)).toBeNull();
    const outsider = await makeLearner(t.db);
    expect(await cohortLearner(t.db, teacher, cohort.id, outsider.id, T0)).toBeNull();
    expect(await cohortLearner(t.db, await person("admin"), cohort.id, learner.id, T0)).not.toBeNull();
  });
});

describe("a learner's own due date", () => {
  it("is refused before the start or in the past when new, and nothing is saved", async () => {
    const { teacher, ids } = await setting();
    expect(await setOwnDueDate(t.db, teacher, ids, T0 - DAY, T0 + DAY)).toEqual({ ok: false, error: "The learner’s due date must be after the assignment starts." });
    expect(await setOwnDueDate(t.db, teacher, ids, T0 + DAY / 2, T0 + DAY)).toEqual({ ok: false, error: "This due date has already passed." });
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
  });

  it("holds for that learner on the dashboard and on their home page, and can be cleared", async () => {
    const { teacher, cohort, learner, ids } = await setting();
    const other = await makeLearner(t.db, "Other");
    await joinCohort(t.db, { learnerId: other.id, address: "192.0.2.2" }, cohort.joinCode, T0);
    const own = T0 + 20 * DAY;
    expect(await setOwnDueDate(t.db, teacher, ids, own, T0 + DAY)).toEqual({ ok: true });
    const dashboard = (await cohortDashboard(t.db, teacher, cohort.id, T0 + DAY, { sort: "learner", dir: "asc" }))!;
    expect(dashboard.rows.map((r) => [r.learner.name, r.cells[0]!.dueAt, r.cells[0]!.ownDueDate])).toEqual([
      ["Lea", own, true],
      ["Other", T0 + 10 * DAY, false],
    ]);
    expect((await learnerAssignments(t.db, learner.id, T0 + DAY))[0]!.cell).toMatchObject({ dueAt: own, ownDueDate: true });
    // Once set, it may be moved into the past (a record put right); a new one may not.
    expect(await setOwnDueDate(t.db, teacher, ids, T0 + DAY / 2, T0 + DAY)).toEqual({ ok: true });
    expect(await clearOwnDueDate(t.db, teacher, ids)).toBe(true);
    expect(await clearOwnDueDate(t.db, teacher, ids)).toBe(false);
    expect((await learnerAssignments(t.db, learner.id, T0 + DAY))[0]!.cell).toMatchObject({ dueAt: T0 + 10 * DAY, ownDueDate: false });
  });

  it("another instructor's cohort, another cohort's assignment or a learner outside the cohort is not reached", async () => {
    const { teacher, ids, riversId } = await setting();
    const other = await person("instructor");
    expect(await setOwnDueDate(t.db, other, ids, T0 + 20 * DAY, T0)).toBeNull();
    expect(await clearOwnDueDate(t.db, other, ids)).toBeNull();
    const elsewhere = await createCohort(t.db, teacher.userId, "Elsewhere", T0);
    const foreign = await assignModule(t.db, teacher, elsewhere.id, { moduleId: riversId, startsAt: T0, dueAt: T0 + 10 * DAY }, T0);
    if (!foreign?.ok) throw new Error("not assigned");
    expect(await setOwnDueDate(t.db, teacher, { ...ids, assignmentId: foreign.assignmentId }, T0 + 20 * DAY, T0)).toBeNull();
    const outsider = await makeLearner(t.db);
    expect(await setOwnDueDate(t.db, teacher, { ...ids, learnerId: outsider.id }, T0 + 20 * DAY, T0)).toBeNull();
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
  });
});

describe("a set-password link from the learner's page", () => {
  it("an instructor issues one for a learner who joined or was made by the roster, not for an existing account a roster added", async () => {
    const { teacher, cohort, learner } = await setting();
    expect(await issueLearnerRecoveryLink(t.db, teacher, cohort.id, learner.id, T0)).toMatchObject({ ok: true, token: expect.any(String) });
    const existing = await makeLearner(t.db, "Existing");
    const applied = await addRosterToCohort(t.db, teacher, cohort.id, [{ line: 1, email: "new@example.org", name: "New" }, { line: 2, email: existing.email, name: null }], T0);
    const [created] = await t.db.select().from(users).where(eq(users.email, "new@example.org"));
    expect(applied!.outcomes.map((o) => o.kind)).toEqual(["created", "added"]);
    expect((await cohortLearner(t.db, teacher, cohort.id, created!.id, T0))!.learner).toMatchObject({ source: "roster-new", hasPassword: false, recoverable: true });
    expect(await issueLearnerRecoveryLink(t.db, teacher, cohort.id, created!.id, T0)).toMatchObject({ ok: true });
    expect(await issueLearnerRecoveryLink(t.db, teacher, cohort.id, existing.id, T0)).toEqual({ ok: false, reason: "not-recoverable" });
    // An admin may.
    expect(await issueLearnerRecoveryLink(t.db, await person("admin"), cohort.id, existing.id, T0)).toMatchObject({ ok: true });
  });

  it("not for a colleague who is a member, and another instructor reaches no one", async () => {
    const { teacher, cohort, learner } = await setting();
    const colleague = await person("instructor");
    await joinCohort(t.db, { learnerId: colleague.userId, address: "192.0.2.3" }, cohort.joinCode, T0);
    expect(await issueLearnerRecoveryLink(t.db, teacher, cohort.id, colleague.userId, T0)).toEqual({ ok: false, reason: "not-recoverable" });
    expect(await issueLearnerRecoveryLink(t.db, await person("instructor"), cohort.id, learner.id, T0)).toBeNull();
  });
});
