/**
 * The admins' users page: search by email, and a set-password link for any
 * account; no one else reaches it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordTokens } from "../../db/schema";
import { LINK_ISSUE_LIMITS } from "../../app/models/password-token.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { get, post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let route: typeof import("../../app/routes/admin.users");

beforeEach(async () => {
  t = await useAppDatabase();
  route = await import("../../app/routes/admin.users");
});
afterEach(() => t.close());

const search = async (q: string, cookie: string) => {
  const result = await settle(() => route.loader({ request: get(`/admin/users?${new URLSearchParams({ q })}`, cookie), params: {}, context: {} }));
  return result as { status: number; body: { users: { email: string }[] | null } };
};
const makeLink = (userId: string, cookie: string) =>
  settle(() => route.action({ request: post("/admin/users?q=x", { intent: "recovery-link", userId }, cookie), params: {}, context: {} }));

describe("the users page", () => {
  it("finds accounts whose email contains the search, in any case, reading % and _ as themselves", async () => {
    const admin = await signedInPerson(t.db, "admin");
    const learner = await signedInPerson(t.db, "learner");
    const found = await search(learner.email.slice(2, 12).toUpperCase(), admin.cookie);
    expect(found.body.users!.map((u) => u.email)).toEqual([learner.email]);
    expect((await search("%", admin.cookie)).body.users).toEqual([]);
    expect((await search("_", admin.cookie)).body.users).toEqual([]);
    expect((await search("", admin.cookie)).body.users).toBeNull();
  });

  it("an admin makes a set-password link for any account, within the hourly limit; an unknown id is not found", async () => {
    const admin = await signedInPerson(t.db, "admin");
    const teacher = await signedInPerson(t.db, "instructor");
    const made = await makeLink(teacher.id, admin.cookie);
    expect(made).toMatchObject({ status: 200, body: { userId: teacher.id, link: expect.stringMatching(/\/set-password\/[A-Za-z0-9_-]{43}$/) } });
    for (let i = 1; i < LINK_ISSUE_LIMITS.maxPerUser; i++) expect((await makeLink(teacher.id, admin.cookie)).status).toBe(200);
    expect(await makeLink(teacher.id, admin.cookie)).toMatchObject({ status: 429, body: { formError: route.LINK_LIMITED } });
    expect((await makeLink("no-such-user", admin.cookie)).status).toBe(404);
  });

  it("instructors and learners are refused with 403, and no link is made", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const someone = await signedInPerson(t.db, role);
      expect((await search("example", someone.cookie)).status).toBe(403);
      expect((await makeLink(someone.id, someone.cookie)).status).toBe(403);
    }
    expect(await t.db.select().from(passwordTokens)).toEqual([]);
  });
});
