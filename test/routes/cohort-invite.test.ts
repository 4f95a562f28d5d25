/**
 * Invite links through the routes: an instructor makes and turns off a
 * link; a visitor who follows one signs in or up and lands in the cohort; a
 * signed-in learner joins with one press; following a link changes nothing.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortMembers, users } from "../../db/schema";
import { createCohort } from "../../app/models/cohort.server";
import { createUser } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { get, post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let inviteRoute: typeof import("../../app/routes/cohorts.$cohortId.invite");
let joinRoute: typeof import("../../app/routes/join.$token");
let signin: typeof import("../../app/routes/signin");
let signup: typeof import("../../app/routes/signup");

beforeEach(async () => {
  t = await useAppDatabase();
  inviteRoute = await import("../../app/routes/cohorts.$cohortId.invite");
  joinRoute = await import("../../app/routes/join.$token");
  signin = await import("../../app/routes/signin");
  signup = await import("../../app/routes/signup");
});
afterEach(() => t.close());

const context = { clientAddress: "192.0.2.20" };

async function cohortWithLink() {
  const owner = await signedInPerson(t.db, "instructor");
  const cohort = await createCohort(t.db, owner.id, "Year 9", Date.now());
  const params = { cohortId: cohort.id };
  const made = await settle(() => inviteRoute.action({ request: post(`/cohorts/${cohort.id}/invite`, { intent: "new" }, owner.cookie), params, context }));
  const link = (made.body as { link: string }).link;
  const token = link.slice(link.lastIndexOf("/") + 1);
  return { owner, cohort, params, link, token, path: `/join/${token}` };
}

const members = () => t.db.select({ userId: cohortMembers.userId }).from(cohortMembers);

describe("an invite link", () => {
  it("the instructor makes one, shown once as a link to /join/…", async () => {
    const { link } = await cohortWithLink();
    expect(link).toMatch(/^http:\/\/cairn\.test\/join\/[A-Za-z0-9_-]{43}$/);
  });

  it("a signed-out visitor sees the cohort and is sent to sign in or up with the link as redirectTo; nothing is joined", async () => {
    const { token, path } = await cohortWithLink();
    const page = await settle(() => joinRoute.loader({ request: get(path), params: { token }, context }));
    expect(page).toMatchObject({ status: 200, body: { cohort: { name: "Year 9" }, path, signedIn: null } });
    expect(await members()).toEqual([]);
  });

  it("signing in from it lands the learner joined, at home", async () => {
    const { cohort, path } = await cohortWithLink();
    const learner = await createUser(t.db, { email: "lea@example.org", name: "Lea", password: "lea's own password", role: "learner" }, Date.now());
    const result = await settle(() =>
      signin.action({ request: post("/signin", { email: "lea@example.org", password: "lea's own password", redirectTo: path }), params: {}, context }),
    );
    expect(result.status).toBe(302);
    expect((result.body as Response).headers.get("Location")).toBe("/");
    expect(await t.db.select().from(cohortMembers)).toEqual([{ cohortId: cohort.id, userId: learner.id, joinedAt: expect.any(Number), source: "joined" }]);
  });

  it("signing up from it lands the new learner joined, at home", async () => {
    const { path } = await cohortWithLink();
    const result = await settle(() =>
      signup.action({ request: post("/signup", { name: "Noor", email: "noor@example.org", password: "noor's own password", redirectTo: path }), params: {}, context }),
    );
    expect((result.body as Response).headers.get("Location")).toBe("/");
    const [noor] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "noor@example.org"));
    expect(await members()).toEqual([{ userId: noor!.id }]);
  });

  it("a signed-in learner joins with one press; a turned-off link then says it does not work", async () => {
    const { owner, params, token, path } = await cohortWithLink();
    const learner = await signedInPerson(t.db, "learner");
    expect(await settle(() => joinRoute.loader({ request: get(path, learner.cookie), params: { token }, context }))).toMatchObject({
      body: { signedIn: { mayJoin: true } },
    });
    const joined = await settle(() => joinRoute.action({ request: post(path, {}, learner.cookie), params: { token }, context }));
    expect((joined.body as Response).headers.get("Location")).toBe("/");
    expect(await members()).toEqual([{ userId: learner.id }]);

    await settle(() => inviteRoute.action({ request: post(`/cohorts/${params.cohortId}/invite`, { intent: "off" }, owner.cookie), params, context }));
    expect((await settle(() => joinRoute.loader({ request: get(path, learner.cookie), params: { token }, context }))).status).toBe(404);
    const late = await signedInPerson(t.db, "learner");
    expect(await settle(() => joinRoute.action({ request: post(path, {}, late.cookie), params: { token }, context }))).toMatchObject({
      status: 400,
      body: { status: "error", formError: expect.stringContaining("does not work") },
    });
    expect(await members()).toHaveLength(1);
  });

  it("a learner cannot make or turn off a link (403); another instructor's cohort is not found (404)", async () => {
    const { params, token } = await cohortWithLink();
    const learner = await signedInPerson(t.db, "learner");
    const other = await signedInPerson(t.db, "instructor");
    for (const intent of ["new", "off"]) {
      expect((await settle(() => inviteRoute.action({ request: post(`/cohorts/${params.cohortId}/invite`, { intent }, learner.cookie), params, context }))).status).toBe(403);
      expect((await settle(() => inviteRoute.action({ request: post(`/cohorts/${params.cohortId}/invite`, { intent }, other.cookie), params, context }))).status).toBe(404);
    }
    expect((await settle(() => joinRoute.loader({ request: get(`/join/${token}`), params: { token }, context }))).status).toBe(200);
  });
});
