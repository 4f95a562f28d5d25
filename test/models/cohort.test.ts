import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assignments, cards, cohortMembers, lessons, modules, questions } from "../../db/schema";
import { cohortDashboard, learnerAssignments } from "../../app/models/cohort-progress.server";
import { assignModule, createCohort, findCohort, joinCohort, listCohorts, removeMember, type CohortScope } from "../../app/models/cohort.server";
import { startLesson } from "../../app/models/deck.server";
import { getLearner } from "../../app/models/learner.server";
import { answerShowing, studyNext } from "../../app/models/review.server";
import { createUser } from "../../app/models/user.server";
import { formatJoinCode } from "../../app/teaching/assignments";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner, seedGeography } from "../support/fixtures";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedGeography(handle.db);
});
afterEach(() => handle.close());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);

let instructorCount = 0;
async function instructor(): Promise<CohortScope> {
  instructorCount++;
  const user = await createUser(
    handle.db,
    { email: `teacher${instructorCount}-${Date.now()}@example.com`, name: "Teacher", password: "correct horse battery", role: "instructor" },
    1_000,
  );
  return { userId: user.id, all: false };
}

async function moduleId(slug: string) {
  const [row] = await handle.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, slug));
  return row!.id;
}

const asker = (learnerId: string, address = "192.0.2.1") => ({ learnerId, address });

/** Fixed bytes, so a test can make two cohorts draw the same code. */
const bytes = (fill: number) => () => new Uint8Array(8).fill(fill);

describe("cohorts an instructor teaches", () => {
  it("a new cohort is taught by its creator and listed only for them", async () => {
    const teacher = await instructor();
    const other = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "Year 9 Geography", T0);
    expect(cohort.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await listCohorts(handle.db, teacher)).toEqual([
      { id: cohort.id, name: "Year 9 Geography", joinCode: cohort.joinCode, learners: 0, assignments: 0 },
    ]);
    expect(await listCohorts(handle.db, other)).toEqual([]);
    expect((await listCohorts(handle.db, { userId: other.userId, all: true })).map((c) => c.id)).toEqual([cohort.id]);
  });

  it("another instructor's cohort id behaves as one that does not exist", async () => {
    const teacher = await instructor();
    const other = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "Mine", T0);
    const learner = await makeLearner(handle.db);
    await joinCohort(handle.db, asker(learner.id), cohort.joinCode, T0);
    expect(await findCohort(handle.db, other, cohort.id)).toBeNull();
    expect(await cohortDashboard(handle.db, other, cohort.id, T0)).toBeNull();
    expect(await assignModule(handle.db, other, cohort.id, { moduleId: await moduleId("rivers"), startsAt: T0, dueAt: T0 + DAY }, T0)).toBeNull();
    expect(await removeMember(handle.db, other, cohort.id, learner.id)).toBe(false);
    expect(await handle.db.select().from(assignments)).toEqual([]);
    expect(await handle.db.select().from(cohortMembers)).toHaveLength(1);
  });

  it("draws another code when the first is taken", async () => {
    const teacher = await instructor();
    const first = await createCohort(handle.db, teacher.userId, "A", T0, bytes(0));
    let draws = 0;
    const second = await createCohort(handle.db, teacher.userId, "B", T0, () => new Uint8Array(8).fill(draws++ === 0 ? 0 : 1));
    expect(second.joinCode).not.toBe(first.joinCode);
  });
});

describe("joining a cohort", () => {
  it("a learner joins by the code as typed, and joining twice changes nothing", async () => {
    const teacher = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "Rivers club", T0);
    const learner = await makeLearner(handle.db);
    const typed = formatJoinCode(cohort.joinCode).toLowerCase();
    expect(await joinCohort(handle.db, asker(learner.id), ` ${typed} `, T0)).toEqual({
      ok: true,
      cohort: { id: cohort.id, name: "Rivers club" },
      alreadyMember: false,
    });
    expect(await joinCohort(handle.db, asker(learner.id), cohort.joinCode, T0 + 1)).toMatchObject({ ok: true, alreadyMember: true });
    const members = await handle.db.select().from(cohortMembers);
    expect(members).toEqual([{ cohortId: cohort.id, userId: learner.id, joinedAt: T0, source: "joined" }]);
  });

  it("a malformed or unknown code is refused with a message and joins nothing", async () => {
    const learner = await makeLearner(handle.db);
    const malformed = await joinCohort(handle.db, asker(learner.id), "ABC", T0);
    expect(malformed).toEqual({ ok: false, reason: "invalid", error: expect.stringContaining("8 letters and digits") });
    expect(await joinCohort(handle.db, asker(learner.id), "2222-2222", T0)).toEqual({
      ok: false,
      reason: "unknown",
      error: expect.stringContaining("No cohort has this code"),
    });
    expect(await handle.db.select().from(cohortMembers)).toEqual([]);
  });

  it("guessing codes is limited per learner and per address, and a right code gives its slot back", async () => {
    const teacher = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "C", T0);
    const limits = { windowMs: 60_000, maxPerLearner: 2, maxPerAddress: 3 };
    const guesser = await makeLearner(handle.db);
    const honest = await makeLearner(handle.db);
    // A right code first: it counts for nothing afterwards.
    expect(await joinCohort(handle.db, asker(honest.id), cohort.joinCode, T0, limits)).toMatchObject({ ok: true });
    for (let i = 0; i < 2; i++) expect(await joinCohort(handle.db, asker(guesser.id), "2222-2222", T0, limits)).toMatchObject({ reason: "unknown" });
    // The learner's ceiling: even the right code is refused until the window has passed.
    expect(await joinCohort(handle.db, asker(guesser.id), cohort.joinCode, T0, limits)).toMatchObject({ reason: "rate-limited" });
    // The address's: a third wrong guess from there, by another account, fills it.
    const accomplice = await makeLearner(handle.db);
    expect(await joinCohort(handle.db, asker(accomplice.id), "3333-3333", T0, limits)).toMatchObject({ reason: "unknown" });
    expect(await joinCohort(handle.db, asker(accomplice.id), cohort.joinCode, T0, limits)).toMatchObject({ reason: "rate-limited" });
    expect(await joinCohort(handle.db, asker(accomplice.id, "198.51.100.7"), cohort.joinCode, T0, limits)).toMatchObject({ ok: true });
    expect(await joinCohort(handle.db, asker(guesser.id), cohort.joinCode, T0 + 60_001, limits)).toMatchObject({ ok: true });
  });

  it("an instructor removes a learner from their cohort", async () => {
    const teacher = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "C", T0);
    const learner = await makeLearner(handle.db);
    await joinCohort(handle.db, asker(learner.id), cohort.joinCode, T0);
    expect(await removeMember(handle.db, teacher, cohort.id, learner.id)).toBe(true);
    expect(await removeMember(handle.db, teacher, cohort.id, learner.id)).toBe(false);
    expect(await handle.db.select().from(cohortMembers)).toEqual([]);
  });
});

describe("assigning a module", () => {
  it("a due date before the start is refused and nothing is saved", async () => {
    const teacher = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "C", T0);
    const result = await assignModule(handle.db, teacher, cohort.id, { moduleId: await moduleId("rivers"), startsAt: T0 + 2 * DAY, dueAt: T0 + DAY }, T0);
    expect(result).toEqual({ ok: false, fieldErrors: { dueAt: "The due date must be after the start." } });
    expect(await handle.db.select().from(assignments)).toEqual([]);
  });

  it("a module that does not exist is refused", async () => {
    const teacher = await instructor();
    const cohort = await createCohort(handle.db, teacher.userId, "C", T0);
    const result = await assignModule(handle.db, teacher, cohort.id, { moduleId: "no-such-module", startsAt: T0, dueAt: T0 + DAY }, T0);
    expect(result).toEqual({ ok: false, fieldErrors: { moduleId: "Choose a module from the list." } });
    expect(await handle.db.select().from(assignments)).toEqual([]);
  });
});

describe("the cohort dashboard", () => {
  it("gives each learner × assigned module its progress cell, most at risk first", async () => {
    const { db } = handle;
    const teacher = await instructor();
    const cohort = await createCohort(db, teacher.userId, "C", T0);
    const rivers = await moduleId("rivers");
    const assigned = await assignModule(db, teacher, cohort.id, { moduleId: rivers, startsAt: T0, dueAt: T0 + 10 * DAY }, T0);
    expect(assigned).toMatchObject({ ok: true });

    const idle = await makeLearner(db, "Idle");
    const busy = await makeLearner(db, "Busy");
    for (const l of [idle, busy]) await joinCohort(db, asker(l.id), cohort.joinCode, T0);
    // Busy reads both lessons of Rivers and answers every card once.
    for (const lesson of await db.select().from(lessons).where(eq(lessons.moduleId, rivers))) await startLesson(db, busy.id, lesson.id, T0);
    const busyRow = (await getLearner(db, busy.id))!;
    let t = T0 + 60_000;
    for (let i = 0; i < 10; i++) {
      const { card } = await studyNext(db, busyRow, t);
      if (!card) break;
      const [q] = await db.select({ answer: questions.answer }).from(cards).innerJoin(questions, eq(questions.id, cards.questionId)).where(eq(cards.id, card.cardId));
      await answerShowing(db, busyRow, { showingId: card.showingId, response: q!.answer, clientResponseMs: 4000 }, t + 4000);
      t += 10 * 60_000;
    }

    const dashboard = (await cohortDashboard(db, teacher, cohort.id, T0 + DAY))!;
    expect(dashboard.assignments.map((a) => [a.moduleTitle, a.moduleUrl])).toEqual([["Rivers", "/courses/geography/rivers"]]);
    expect(dashboard.rows.map((r) => r.learner.name)).toEqual(["Idle", "Busy"]);
    const [idleCell] = dashboard.rows[0]!.cells;
    const [busyCell] = dashboard.rows[1]!.cells;
    expect(idleCell).toMatchObject({ status: "not started", lessonsRead: 0, lessonCount: 2, cardsLearned: 0, reviewsLast7Days: 0 });
    expect(busyCell).toMatchObject({ lessonsRead: 2, lessonCount: 2 });
    expect(busyCell!.cardsLearned).toBe(busyCell!.deckSize);
    expect(busyCell!.reviewsLast7Days).toBeGreaterThanOrEqual(busyCell!.deckSize);
    expect(busyCell!.predictedRetention).toBeGreaterThan(0);

    // The learner's own list shows the same cell.
    const own = await learnerAssignments(db, busy.id, T0 + DAY);
    expect(own).toEqual([{ id: dashboard.assignments[0]!.id, cohortName: "C", moduleTitle: "Rivers", moduleUrl: "/courses/geography/rivers", cell: busyCell }]);
    expect(await learnerAssignments(db, (await makeLearner(db)).id, T0)).toEqual([]);
  });

  it("reads the same number of statements for one learner as for many", async () => {
    const { db } = handle;
    const teacher = await instructor();
    const cohort = await createCohort(db, teacher.userId, "C", T0);
    for (const slug of ["rivers", "mountains"]) {
      await assignModule(db, teacher, cohort.id, { moduleId: await moduleId(slug), startsAt: T0, dueAt: T0 + 10 * DAY }, T0);
    }
    const statementsFor = async () => {
      const execute = vi.spyOn(db.$client, "execute");
      const batch = vi.spyOn(db.$client, "batch");
      await cohortDashboard(db, teacher, cohort.id, T0 + DAY);
      const n = execute.mock.calls.length + batch.mock.calls.length;
      execute.mockRestore();
      batch.mockRestore();
      return n;
    };
    const join = async () => {
      const learner = await makeLearner(db);
      await joinCohort(db, asker(learner.id), cohort.joinCode, T0);
      for (const lesson of await db.select().from(lessons)) await startLesson(db, learner.id, lesson.id, T0);
    };
    await join();
    const one = await statementsFor();
    for (let i = 0; i < 6; i++) await join();
    expect(await statementsFor()).toBe(one);
    // The spies see drizzle's statements (a check that cannot pass by seeing none), and few of them.
    expect(one).toBeGreaterThanOrEqual(8);
    expect(one).toBeLessThanOrEqual(12);
  });
});
