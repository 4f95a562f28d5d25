/**
 * The per-learner page's loader and actions: who reaches it (the cohort's
 * instructors and admins; others are told there is no such learner), and
 * the one error shape of a refused form.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignmentExtensions, modules, passwordTokens } from "../../db/schema";
import { assignModule, createCohort, joinCohort } from "../../app/models/cohort.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { seedGeography } from "../support/fixtures";
import { get, post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let route: typeof import("../../app/routes/cohorts.$cohortId.learners.$learnerId");

beforeEach(async () => {
  t = await useAppDatabase();
  await seedGeography(t.db);
  route = await import("../../app/routes/cohorts.$cohortId.learners.$learnerId");
});
afterEach(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function setting() {
  const owner = await signedInPerson(t.db, "instructor");
  const cohort = await createCohort(t.db, owner.id, "Year 9", Date.now());
  const [rivers] = await t.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, "rivers"));
  const assigned = await assignModule(t.db, { userId: owner.id, all: false }, cohort.id, { moduleId: rivers!.id, startsAt: Date.now() - 10 * 86_400_000, dueAt: Date.now() + 7 * 86_400_000 }, Date.now());
  if (!assigned?.ok) throw new Error("not assigned");
  const learner = await signedInPerson(t.db, "learner", "Lea");
  await joinCohort(t.db, { learnerId: learner.id, address: "192.0.2.1" }, cohort.joinCode, Date.now());
  const params = { cohortId: cohort.id, learnerId: learner.id };
  return { owner, cohort, learner, params, path: `/cohorts/${cohort.id}/learners/${learner.id}`, assignmentId: assigned.assignmentId };
}

const load = (path: string, params: Record<string, string>, cookie: string) => settle(() => route.loader({ request: get(path, cookie), params, context: {} }));
const act = (path: string, params: Record<string, string>, fields: Record<string, string>, cookie: string) =>
  settle(() => route.action({ request: post(path, fields, cookie), params, context: {} }));

describe("the per-learner page", () => {
  it("the cohort's instructor sees the learner's assignments; another instructor and a learner outside it do not", async () => {
    const { owner, params, path } = await setting();
    expect(await load(path, params, owner.cookie)).toMatchObject({ status: 200, body: { view: { learner: { name: "Lea" }, assignments: [{ moduleTitle: "Rivers" }] } } });
    const other = await signedInPerson(t.db, "instructor");
    expect((await load(path, params, other.cookie)).status).toBe(404);
    const outsider = await signedInPerson(t.db, "learner");
    expect((await load(`/cohorts/${params.cohortId}/learners/${outsider.id}`, { ...params, learnerId: outsider.id }, owner.cookie)).status).toBe(404);
  });

  it("the learner themselves, or any learner, posting to its actions is refused with 403, and nothing changes", async () => {
    const { learner, params, path, assignmentId } = await setting();
    expect((await act(path, params, { intent: "own-due-date", assignmentId, dueOn: day(30) }, learner.cookie)).status).toBe(403);
    expect((await act(path, params, { intent: "recovery-link" }, learner.cookie)).status).toBe(403);
    expect((await load(path, params, learner.cookie)).status).toBe(403);
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
    expect(await t.db.select().from(passwordTokens)).toEqual([]);
  });

  it("another instructor's posts are answered as for a learner who does not exist, and nothing changes", async () => {
    const { params, path, assignmentId } = await setting();
    const other = await signedInPerson(t.db, "instructor");
    expect((await act(path, params, { intent: "own-due-date", assignmentId, dueOn: day(30) }, other.cookie)).status).toBe(404);
    expect((await act(path, params, { intent: "clear-due-date", assignmentId }, other.cookie)).status).toBe(404);
    expect((await act(path, params, { intent: "recovery-link" }, other.cookie)).status).toBe(404);
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
    expect(await t.db.select().from(passwordTokens)).toEqual([]);
  });

  it("malformed posts are 400 in the one error shape", async () => {
    const { owner, params, path, assignmentId } = await setting();
    const shape = { status: "error", fieldErrors: expect.any(Object), formError: expect.toBeOneOf([null, expect.any(String)]), values: expect.any(Object) };
    const malformed: Record<string, string>[] = [{ intent: "delete-everything" }, {}, { intent: "own-due-date", assignmentId, dueOn: "next tuesday" }, { intent: "own-due-date", dueOn: day(3) }];
    for (const fields of malformed) {
      const result = await act(path, params, fields, owner.cookie);
      expect({ fields, status: result.status }).toEqual({ fields, status: 400 });
      expect(result.body).toEqual(shape);
    }
    expect(await act(path, params, { intent: "own-due-date", assignmentId, dueOn: day(-3) }, owner.cookie)).toMatchObject({
      status: 400,
      body: { fieldErrors: { dueOn: "This due date has already passed." }, values: { assignmentId } },
    });
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
  });

  it("the instructor sets and clears the learner's own due date, and makes a set-password link", async () => {
    const { owner, params, path, assignmentId } = await setting();
    expect(await act(path, params, { intent: "own-due-date", assignmentId, dueOn: day(30) }, owner.cookie)).toMatchObject({ status: 200, body: { done: "due-date-set" } });
    expect(await t.db.select().from(assignmentExtensions)).toHaveLength(1);
    expect(await act(path, params, { intent: "clear-due-date", assignmentId }, owner.cookie)).toMatchObject({ status: 200, body: { done: "due-date-cleared" } });
    expect(await t.db.select().from(assignmentExtensions)).toEqual([]);
    const link = await act(path, params, { intent: "recovery-link" }, owner.cookie);
    expect(link).toMatchObject({ status: 200, body: { done: "link", link: expect.stringMatching(/^http:\/\/cairn\.test\/set-password\/[A-Za-z0-9_-]{43}$/) } });
  });
});
