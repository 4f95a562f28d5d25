import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { modules } from "../../db/schema";
import { addCoInstructor, cohortTeam, removeCoInstructor } from "../../app/models/cohort-instructors.server";
import { issueLearnerRecoveryLink, setOwnDueDate } from "../../app/models/cohort-learner.server";
import { cohortDashboard } from "../../app/models/cohort-progress.server";
import { addRosterToCohort } from "../../app/models/cohort-roster.server";
import { assignModule, createCohort, findCohort, joinCohort, listCohorts, type CohortScope } from "../../app/models/cohort.server";
import { createUser, type Role } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeInstructorScope, makeLearner, seedGeography } from "../support/fixtures";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 12);
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await seedGeography(t.db);
});
afterEach(() => t.close());

/** As the route decides it: instructors and admins may teach. */
const mayTeach = (role: Role) => role !== "learner";

async function colleague(email: string): Promise<CohortScope> {
  const user = await createUser(t.db, { email, name: email.split("@")[0]!, password: "a colleague's password", role: "instructor" }, T0);
  return { userId: user.id, all: false };
}

describe("a cohort's co-instructors", () => {
  it("the owner adds a colleague by email; the colleague then sees and manages the cohort as the owner does", async () => {
    const owner = await makeInstructorScope(t.db, "Owner");
    const cohort = await createCohort(t.db, owner.userId, "Year 9", T0);
    const co = await colleague("co@example.org");
    expect(await findCohort(t.db, co, cohort.id)).toBeNull();
    expect(await addCoInstructor(t.db, owner, cohort.id, "CO@example.org", mayTeach)).toEqual({ ok: true, name: "co" });
    expect((await cohortTeam(t.db, co, cohort.id))!.instructors.map((i) => [i.name, i.owner])).toEqual([
      ["Owner", true],
      ["co", false],
    ]);
    expect((await listCohorts(t.db, co)).map((c) => c.id)).toEqual([cohort.id]);

    const [rivers] = await t.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, "rivers"));
    const assigned = await assignModule(t.db, co, cohort.id, { moduleId: rivers!.id, startsAt: T0, dueAt: T0 + 10 * DAY }, T0);
    expect(assigned).toMatchObject({ ok: true });
    expect(await addRosterToCohort(t.db, co, cohort.id, [{ line: 1, email: "new@example.org", name: null }], T0)).not.toBeNull();
    const learner = await makeLearner(t.db);
    await joinCohort(t.db, { learnerId: learner.id, address: "192.0.2.1" }, cohort.joinCode, T0);
    const ids = { cohortId: cohort.id, learnerId: learner.id, assignmentId: assigned!.ok ? assigned!.assignmentId : "" };
    expect(await setOwnDueDate(t.db, co, ids, T0 + 20 * DAY, T0)).toEqual({ ok: true });
    expect(await issueLearnerRecoveryLink(t.db, co, cohort.id, learner.id, T0)).toMatchObject({ ok: true });
    expect((await cohortDashboard(t.db, co, cohort.id, T0))!.rows).toHaveLength(2);
  });

  it("only an instructor's account can be added, once; a learner's, an unknown email and a second add are refused with a reason", async () => {
    const owner = await makeInstructorScope(t.db);
    const cohort = await createCohort(t.db, owner.userId, "Year 9", T0);
    const learner = await makeLearner(t.db, "Lea");
    await colleague("co@example.org");
    expect(await addCoInstructor(t.db, owner, cohort.id, learner.email, mayTeach)).toEqual({ ok: false, reason: "refused", error: expect.stringContaining("learner’s account") });
    expect(await addCoInstructor(t.db, owner, cohort.id, "nobody@example.org", mayTeach)).toEqual({ ok: false, reason: "refused", error: expect.stringContaining("No account") });
    expect((await addCoInstructor(t.db, owner, cohort.id, "co@example.org", mayTeach))!.ok).toBe(true);
    expect(await addCoInstructor(t.db, owner, cohort.id, "co@example.org", mayTeach)).toEqual({ ok: false, reason: "refused", error: "co already teaches this cohort." });
    expect((await cohortTeam(t.db, owner, cohort.id))!.instructors).toHaveLength(2);
  });

  it("a co-instructor cannot change the list; the owner removes them (and they lose the cohort), never themselves", async () => {
    const owner = await makeInstructorScope(t.db);
    const cohort = await createCohort(t.db, owner.userId, "Year 9", T0);
    const co = await colleague("co@example.org");
    await colleague("third@example.org");
    await addCoInstructor(t.db, owner, cohort.id, "co@example.org", mayTeach);
    expect((await cohortTeam(t.db, co, cohort.id))!.mayManage).toBe(false);
    expect(await addCoInstructor(t.db, co, cohort.id, "third@example.org", mayTeach)).toEqual({ ok: false, reason: "not-owner" });
    expect(await removeCoInstructor(t.db, co, cohort.id, owner.userId)).toEqual({ ok: false, reason: "not-owner" });
    expect(await removeCoInstructor(t.db, owner, cohort.id, owner.userId)).toEqual({ ok: false, reason: "refused", error: expect.stringContaining("owner") });
    expect(await removeCoInstructor(t.db, owner, cohort.id, co.userId)).toEqual({ ok: true, name: "co" });
    expect(await findCohort(t.db, co, cohort.id)).toBeNull();
    expect(await removeCoInstructor(t.db, owner, cohort.id, co.userId)).toBeNull();
  });

  it("another instructor reaches nothing; an admin manages any cohort's list", async () => {
    const owner = await makeInstructorScope(t.db);
    const cohort = await createCohort(t.db, owner.userId, "Year 9", T0);
    const other = await colleague("other@example.org");
    expect(await cohortTeam(t.db, other, cohort.id)).toBeNull();
    expect(await addCoInstructor(t.db, other, cohort.id, "other@example.org", mayTeach)).toBeNull();
    expect(await addCoInstructor(t.db, { userId: "admin-id", all: true }, cohort.id, "other@example.org", mayTeach)).toMatchObject({ ok: true });
  });
});
