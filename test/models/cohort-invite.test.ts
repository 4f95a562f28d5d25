import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortInvites, cohortMembers } from "../../db/schema";
import { findInvite, inviteStatus, joinByInvite, joinFromRedirect, renewInvite, turnOffInvite } from "../../app/models/cohort-invite.server";
import { createCohort, joinCohort, type CohortScope } from "../../app/models/cohort.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeInstructorScope, makeLearner } from "../support/fixtures";

const T0 = Date.UTC(2026, 2, 2, 12);
let t: TestDatabase;
let teacher: CohortScope;

beforeEach(async () => {
  t = await createTestDatabase();
  teacher = await makeInstructorScope(t.db, "Tess");
});
afterEach(() => t.close());

const asker = (learnerId: string, address = "192.0.2.1") => ({ learnerId, address });

describe("a cohort's invite link", () => {
  it("is stored as a hash; a new one replaces the old, and turning it off ends it", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    expect(await inviteStatus(t.db, teacher, cohort.id)).toEqual({ cohort: { id: cohort.id, name: "Year 9" }, createdAt: null });
    const first = (await renewInvite(t.db, teacher, cohort.id, T0))!;
    expect(JSON.stringify(await t.db.select().from(cohortInvites))).not.toContain(first.token);
    expect(await findInvite(t.db, first.token)).toEqual({ id: cohort.id, name: "Year 9" });
    const second = (await renewInvite(t.db, teacher, cohort.id, T0 + 1))!;
    expect(await findInvite(t.db, first.token)).toBeNull();
    expect(await findInvite(t.db, second.token)).toEqual({ id: cohort.id, name: "Year 9" });
    expect((await inviteStatus(t.db, teacher, cohort.id))!.createdAt).toBe(T0 + 1);
    expect(await turnOffInvite(t.db, teacher, cohort.id)).toBe(true);
    expect(await findInvite(t.db, second.token)).toBeNull();
    expect(await turnOffInvite(t.db, teacher, cohort.id)).toBe(false);
  });

  it("another instructor can neither see, make nor turn off the link", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const made = (await renewInvite(t.db, teacher, cohort.id, T0))!;
    const other = await createUser(t.db, { email: "otto@example.org", name: "Otto", password: "otto's password", role: "instructor" }, T0);
    const scope = { userId: other.id, all: false };
    expect(await inviteStatus(t.db, scope, cohort.id)).toBeNull();
    expect(await renewInvite(t.db, scope, cohort.id, T0)).toBeNull();
    expect(await turnOffInvite(t.db, scope, cohort.id)).toBeNull();
    expect(await findInvite(t.db, made.token)).not.toBeNull();
  });

  it("a learner joins by the link, once; a forged or old link joins nothing", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const { token } = (await renewInvite(t.db, teacher, cohort.id, T0))!;
    const learner = await makeLearner(t.db);
    expect(await joinByInvite(t.db, asker(learner.id), token, T0)).toEqual({ ok: true, cohort: { id: cohort.id, name: "Year 9" }, alreadyMember: false });
    expect(await joinByInvite(t.db, asker(learner.id), token, T0)).toMatchObject({ ok: true, alreadyMember: true });
    const other = await makeLearner(t.db);
    expect(await joinByInvite(t.db, asker(other.id), Buffer.alloc(32, 9).toString("base64url"), T0)).toMatchObject({ ok: false, reason: "unknown" });
    expect(await joinByInvite(t.db, asker(other.id), "not-a-token", T0)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await t.db.select({ userId: cohortMembers.userId }).from(cohortMembers)).toEqual([{ userId: learner.id }]);
  });

  it("guessing links and codes draws on one budget per learner", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const limits = { windowMs: 60_000, maxPerLearner: 2, maxPerAddress: 10 };
    const guesser = await makeLearner(t.db);
    const forged = (n: number) => Buffer.alloc(32, n).toString("base64url");
    expect(await joinByInvite(t.db, asker(guesser.id), forged(1), T0, limits)).toMatchObject({ reason: "unknown" });
    expect(await joinCohort(t.db, asker(guesser.id), "2222-2222", T0, limits)).toMatchObject({ reason: "unknown" });
    expect(await joinByInvite(t.db, asker(guesser.id), forged(2), T0, limits)).toMatchObject({ reason: "rate-limited" });
    expect(await joinCohort(t.db, asker(guesser.id), cohort.joinCode, T0, limits)).toMatchObject({ reason: "rate-limited" });
  });

  it("signing in with the link as redirectTo joins and goes home; any other redirectTo is left alone", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const { token } = (await renewInvite(t.db, teacher, cohort.id, T0))!;
    const learner = await makeLearner(t.db);
    expect(await joinFromRedirect(t.db, asker(learner.id), "/stats", T0)).toBe("/stats");
    expect(await joinFromRedirect(t.db, asker(learner.id), `/join/${token}`, T0)).toBe("/");
    expect(await t.db.select({ userId: cohortMembers.userId }).from(cohortMembers)).toEqual([{ userId: learner.id }]);
    await turnOffInvite(t.db, teacher, cohort.id);
    const late = await makeLearner(t.db);
    expect(await joinFromRedirect(t.db, asker(late.id), `/join/${token}`, T0)).toBe(`/join/${token}`);
  });
});
