/**
 * The set-password page: following a link changes nothing, choosing a
 * password spends it and signs in, and a link that cannot be used says why.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issuePasswordTokens, PASSWORD_LINK_LIFETIME_MS } from "../../app/models/password-token.server";
import { verifyCredentials } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { get, post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let route: typeof import("../../app/routes/set-password.$token");

beforeEach(async () => {
  t = await useAppDatabase();
  route = await import("../../app/routes/set-password.$token");
});
afterEach(() => t.close());

async function linkFor(purpose: "welcome" | "recovery" = "welcome", now = Date.now()) {
  const learner = await signedInPerson(t.db, "learner", "Sam");
  const { token } = (await issuePasswordTokens(t.db, [learner.id], purpose, null, now)).get(learner.id)!;
  return { learner, token, path: `/set-password/${token}` };
}

const load = (path: string, token: string, cookie = "") => settle(() => route.loader({ request: get(path, cookie), params: { token }, context: {} }));
const submit = (path: string, token: string, fields: Record<string, string>, cookie = "") =>
  settle(() => route.action({ request: post(path, fields, cookie), params: { token }, context: {} }));

describe("a set-password link", () => {
  it("shows whose password it sets, and following it twice spends nothing", async () => {
    const { learner, token, path } = await linkFor();
    for (let i = 0; i < 2; i++) {
      const page = await load(path, token);
      expect(page).toMatchObject({ status: 200, body: { link: { purpose: "welcome", email: learner.email }, signedIn: null } });
    }
  });

  it("choosing a password signs in, goes home and records the device's zone; the link is then spent", async () => {
    const { learner, token, path } = await linkFor();
    const done = await submit(path, token, { password: "my own new password", timeZone: "Europe/Paris" });
    expect(done.status).toBe(302);
    const response = done.body as Response;
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/^cairn_session=[^;]+;/);
    expect(await verifyCredentials(t.db, learner.email, "my own new password")).toMatchObject({ id: learner.id });
    const again = await submit(path, token, { password: "somebody else's password" });
    expect(again).toMatchObject({ status: 400, body: { status: "error", formError: route.LINK_REFUSALS.used } });
    expect(await load(path, token)).toMatchObject({ status: 410, body: { link: null, refusal: route.LINK_REFUSALS.used } });
  });

  it("an expired or forged link says so, on the page and when posted", async () => {
    const { token, path } = await linkFor("recovery", Date.now() - PASSWORD_LINK_LIFETIME_MS.recovery - 1);
    expect(await load(path, token)).toMatchObject({ status: 410, body: { refusal: route.LINK_REFUSALS.expired } });
    expect(await submit(path, token, { password: "my own new password" })).toMatchObject({ status: 400, body: { formError: route.LINK_REFUSALS.expired } });
    const forged = Buffer.alloc(32, 1).toString("base64url");
    expect(await load(`/set-password/${forged}`, forged)).toMatchObject({ status: 404, body: { refusal: route.LINK_REFUSALS.unknown } });
    expect(await load("/set-password/nonsense", "nonsense")).toMatchObject({ status: 404 });
  });

  it("a signed-in visitor is asked to sign out first, and nothing is spent", async () => {
    const { learner, token, path } = await linkFor();
    const someone = await signedInPerson(t.db, "instructor", "Tess");
    expect(await load(path, token, someone.cookie)).toMatchObject({ status: 200, body: { signedIn: { name: "Tess" } } });
    expect(await submit(path, token, { password: "my own new password" }, someone.cookie)).toMatchObject({
      status: 400,
      body: { formError: route.SIGN_OUT_FIRST },
    });
    expect(await verifyCredentials(t.db, learner.email, "my own new password")).toBeNull();
    expect((await load(path, token)).status).toBe(200);
  });

  it("a short password is the field's error and spends nothing", async () => {
    const { token, path } = await linkFor();
    expect(await submit(path, token, { password: "short" })).toMatchObject({ status: 400, body: { fieldErrors: { password: expect.any(String) } } });
    expect((await load(path, token)).status).toBe(200);
  });
});

describe("signing out on the way back to a page", () => {
  it("goes to a redirectTo on this site, and home for one that leaves it", async () => {
    const signout = await import("../../app/routes/signout");
    const someone = await signedInPerson(t.db, "learner");
    const back = await settle(() => signout.action({ request: post("/signout?redirectTo=%2Fset-password%2Fabc", {}, someone.cookie), params: {}, context: {} }));
    expect((back.body as Response).headers.get("Location")).toBe("/set-password/abc");
    const away = await settle(() => signout.action({ request: post("/signout?redirectTo=https%3A%2F%2Fevil.example", {}, someone.cookie), params: {}, context: {} }));
    expect((away.body as Response).headers.get("Location")).toBe("/");
  });
});
