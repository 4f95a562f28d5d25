import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortMembers, passwordTokens, users } from "../../db/schema";
import { addRosterToCohort } from "../../app/models/cohort-roster.server";
import { createCohort, joinCohort, type CohortScope } from "../../app/models/cohort.server";
import { findPasswordLink, setPasswordWithLink } from "../../app/models/password-token.server";
import { createUser, NO_PASSWORD, verifyCredentials } from "../../app/models/user.server";
import { readRoster } from "../../app/teaching/roster";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeInstructorScope } from "../support/fixtures";

const T0 = Date.UTC(2026, 2, 2, 12);
let t: TestDatabase;
let teacher: CohortScope;

beforeEach(async () => {
  t = await createTestDatabase();
  teacher = await makeInstructorScope(t.db, "Tess");
});
afterEach(() => t.close());

function rowsOf(text: string) {
  const read = readRoster(text);
  if (!read.ok) throw new Error(read.error);
  return read;
}

describe("adding a roster to a cohort", () => {
  it("creates accounts for new emails, adds existing learners, and leaves staff and bad rows out", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const known = await createUser(t.db, { email: "known@example.org", name: "Known Learner", password: "known's password", role: "learner" }, T0);
    const member = await createUser(t.db, { email: "member@example.org", name: "Member", password: "member's password", role: "learner" }, T0);
    await joinCohort(t.db, { learnerId: member.id, address: "192.0.2.1" }, cohort.joinCode, T0);
    await createUser(t.db, { email: "colleague@example.org", name: "Colleague", password: "colleague password", role: "instructor" }, T0);

    const { rows, problems } = rowsOf(
      ["Name,Email", "Ada Lovelace,ADA@example.org", "Known,known@example.org", ",not-an-email", "Ada again,ada@example.org", "Member,member@example.org", "Colleague,colleague@example.org", ",plain@example.org"].join("\n"),
    );
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [4, "invalid-email"],
      [5, "duplicate"],
    ]);
    const applied = (await addRosterToCohort(t.db, teacher, cohort.id, rows, T0 + 1))!;
    expect(applied.outcomes.map((o) => [o.line, o.email, o.name, o.kind])).toEqual([
      [2, "ada@example.org", "Ada Lovelace", "created"],
      [3, "known@example.org", "Known Learner", "added"],
      [6, "member@example.org", "Member", "already-member"],
      [7, "colleague@example.org", "Colleague", "not-a-learner"],
      [8, "plain@example.org", "plain", "created"],
    ]);
    expect(applied.outcomes.filter((o) => o.token).map((o) => o.email)).toEqual(["ada@example.org", "plain@example.org"]);

    const members = await t.db.select({ userId: cohortMembers.userId, source: cohortMembers.source }).from(cohortMembers);
    expect(members.map((m) => m.source).sort()).toEqual(["joined", "roster-existing", "roster-new", "roster-new"]);
    expect(members.find((m) => m.userId === known.id)?.source).toBe("roster-existing");

    // A new account has no password until its link is used; then it signs in.
    const ada = applied.outcomes[0]!;
    expect(await verifyCredentials(t.db, "ada@example.org", "")).toBeNull();
    expect(await findPasswordLink(t.db, ada.token!, T0 + 2)).toMatchObject({ ok: true, purpose: "welcome", user: { email: "ada@example.org", name: "Ada Lovelace" } });
    expect(await setPasswordWithLink(t.db, ada.token!, "ada's own password", { timeZone: "Europe/London" }, T0 + 3)).toMatchObject({ ok: true });
    expect(await verifyCredentials(t.db, "ada@example.org", "ada's own password")).toMatchObject({ email: "ada@example.org", role: "learner" });
  });

  it("adding the same roster again creates nothing and issues no link", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const { rows } = rowsOf("ada@example.org\nalan@example.org");
    await addRosterToCohort(t.db, teacher, cohort.id, rows, T0);
    const again = (await addRosterToCohort(t.db, teacher, cohort.id, rows, T0 + 1))!;
    expect(again.outcomes.map((o) => o.kind)).toEqual(["already-member", "already-member"]);
    expect(await t.db.select().from(users)).toHaveLength(3);
    expect(await t.db.select().from(passwordTokens)).toHaveLength(2);
  });

  it("a failure midway leaves no account, membership or link behind", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const { rows } = rowsOf("ada@example.org\nalan@example.org\ngrace@example.org");
    let draws = 0;
    const failOnSecondLink = (n: number) => {
      if (++draws === 2) throw new Error("no randomness left");
      return new Uint8Array(n).fill(draws);
    };
    await expect(addRosterToCohort(t.db, teacher, cohort.id, rows, T0, failOnSecondLink)).rejects.toThrow("no randomness left");
    expect(await t.db.select().from(users)).toHaveLength(1);
    expect(await t.db.select().from(cohortMembers)).toEqual([]);
    expect(await t.db.select().from(passwordTokens)).toEqual([]);
  });

  it("another instructor's cohort is not reached, and nothing is created", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Year 9", T0);
    const other = await createUser(t.db, { email: "otto@example.org", name: "Otto", password: "otto's password", role: "instructor" }, T0);
    const { rows } = rowsOf("ada@example.org");
    expect(await addRosterToCohort(t.db, { userId: other.id, all: false }, cohort.id, rows, T0)).toBeNull();
    expect(await t.db.select().from(users)).toHaveLength(2);
    expect(await t.db.select().from(cohortMembers)).toEqual([]);
  });

  it("a full roster of the reader's largest size is added in one go", async () => {
    const cohort = await createCohort(t.db, teacher.userId, "Big", T0);
    const { rows } = rowsOf(Array.from({ length: 2000 }, (_, i) => `learner${i}@example.org`).join("\n"));
    const applied = (await addRosterToCohort(t.db, teacher, cohort.id, rows, T0))!;
    expect(applied.outcomes.filter((o) => o.kind === "created")).toHaveLength(2000);
    expect(await t.db.select().from(cohortMembers)).toHaveLength(2000);
    const stored = await t.db.select({ hash: users.passwordHash }).from(users);
    expect(stored.filter((u) => u.hash === NO_PASSWORD)).toHaveLength(2000);
  });
});
