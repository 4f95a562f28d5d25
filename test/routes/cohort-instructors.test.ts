/**
 * The instructors page's action: the owner adds and removes co-instructors;
 * a co-instructor may not (403), another instructor finds no cohort (404),
 * a learner is refused (403), and bad input is the form's error.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortInstructors } from "../../db/schema";
import { createCohort } from "../../app/models/cohort.server";
import { NOT_OWNER } from "../../app/models/cohort-instructors.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let route: typeof import("../../app/routes/cohorts.$cohortId.instructors");

beforeEach(async () => {
  t = await useAppDatabase();
  route = await import("../../app/routes/cohorts.$cohortId.instructors");
});
afterEach(() => t.close());

async function setting() {
  const owner = await signedInPerson(t.db, "instructor", "Owner");
  const cohort = await createCohort(t.db, owner.id, "Year 9", Date.now());
  const params = { cohortId: cohort.id };
  const send = (fields: Record<string, string>, cookie: string) =>
    settle(() => route.action({ request: post(`/cohorts/${cohort.id}/instructors`, fields, cookie), params, context: {} }));
  return { owner, cohort, send };
}

const team = () => t.db.select({ userId: cohortInstructors.userId }).from(cohortInstructors);

describe("a cohort's instructors page", () => {
  it("the owner adds a colleague and removes them", async () => {
    const { owner, send } = await setting();
    const co = await signedInPerson(t.db, "instructor", "Co");
    expect(await send({ intent: "add", email: co.email.toUpperCase() }, owner.cookie)).toMatchObject({ status: 200, body: { done: "Co now teaches this cohort." } });
    expect(await team()).toHaveLength(2);
    expect(await send({ intent: "remove", userId: co.id }, owner.cookie)).toMatchObject({ status: 200, body: { done: "Co no longer teaches this cohort." } });
    expect(await team()).toEqual([{ userId: owner.id }]);
  });

  it("a learner's email, an unknown one or a malformed one is the field's error, and nothing changes", async () => {
    const { owner, send } = await setting();
    const learner = await signedInPerson(t.db, "learner");
    expect(await send({ intent: "add", email: learner.email }, owner.cookie)).toMatchObject({ status: 400, body: { status: "error", fieldErrors: { email: expect.stringContaining("learner’s account") } } });
    expect(await send({ intent: "add", email: "nobody@example.org" }, owner.cookie)).toMatchObject({ status: 400, body: { fieldErrors: { email: expect.stringContaining("No account") } } });
    expect(await send({ intent: "add", email: "not an email" }, owner.cookie)).toMatchObject({ status: 400, body: { fieldErrors: { email: expect.any(String) } } });
    expect(await send({ intent: "promote" }, owner.cookie)).toMatchObject({ status: 400, body: { status: "error" } });
    expect(await team()).toEqual([{ userId: owner.id }]);
  });

  it("a co-instructor may not change the list (403); another instructor finds no cohort (404); a learner is refused (403)", async () => {
    const { owner, send } = await setting();
    const co = await signedInPerson(t.db, "instructor", "Co");
    const third = await signedInPerson(t.db, "instructor", "Third");
    await send({ intent: "add", email: co.email }, owner.cookie);
    const byCo = await send({ intent: "add", email: third.email }, co.cookie);
    expect(byCo.status).toBe(403);
    expect(await (byCo.body as Response).text()).toBe(NOT_OWNER);
    expect((await send({ intent: "remove", userId: co.id }, third.cookie)).status).toBe(404);
    const learner = await signedInPerson(t.db, "learner");
    expect((await send({ intent: "add", email: learner.email }, learner.cookie)).status).toBe(403);
    expect(await team()).toHaveLength(2);
  });
});
