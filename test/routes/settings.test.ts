/**
 * The settings page's loader and action, and the home and statistics
 * loaders, called directly with Request objects against a real temp database
 * (through the app's own getDb()).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { createSession } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { makeLearner, seedGeography } from "../support/fixtures";

let t: AppTestDatabase;
let settings: typeof import("../../app/routes/settings");
let stats: typeof import("../../app/routes/stats");
let home: typeof import("../../app/routes/_index");
let auth: typeof import("../../app/auth.server");

beforeEach(async () => {
  t = await useAppDatabase();
  settings = await import("../../app/routes/settings");
  stats = await import("../../app/routes/stats");
  home = await import("../../app/routes/_index");
  auth = await import("../../app/auth.server");
});
afterEach(() => t.close());

async function signedInCookie(userId: string) {
  const { token } = await createSession(t.db, userId, Date.now());
  return (await auth.sessionCookie().serialize(token)).split(";")[0]!;
}

function args(request: Request): ActionFunctionArgs & LoaderFunctionArgs {
  return { request, context: {}, params: {} };
}

function post(fields: Record<string, string>, cookie?: string) {
  return new Request("http://cairn.test/settings", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
}

function get(path: string, cookie?: string) {
  return new Request(`http://cairn.test${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Actions return a plain object or Remix's data() wrapper; read both the same way. */
function outcome(result: unknown): { status: number; data: Record<string, unknown> } {
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const wrapped = result as { data: Record<string, unknown>; init: { status?: number } | null };
    return { status: wrapped.init?.status ?? 200, data: wrapped.data };
  }
  return { status: 200, data: result as Record<string, unknown> };
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Response);
  return error as Response;
}

const valid = { desiredRetention: "85", newPerDay: "15", maxReviewsPerDay: "150", timeZone: "Europe/Paris" };

describe("settings", () => {
  it("saves valid settings, reading the retention as a percentage", async () => {
    const user = await makeLearner(t.db);
    const result = outcome(await settings.action(args(post(valid, await signedInCookie(user.id)))));
    expect(result).toEqual({ status: 200, data: { saved: true } });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ desiredRetention: 0.85, newPerDay: 15, maxReviewsPerDay: 150, timeZone: "Europe/Paris" });
  });

  it.each([
    ["desiredRetention", "98"],
    ["desiredRetention", "0.5"],
    ["newPerDay", "-1"],
    ["newPerDay", "2.5"],
    ["maxReviewsPerDay", "0"],
    ["maxReviewsPerDay", "lots"],
    ["timeZone", "Mars/Olympus_Mons"],
  ])("an out-of-bounds %s (%s) gets a field error with status 400 and changes nothing", async (field, value) => {
    const user = await makeLearner(t.db);
    const [before] = await t.db.select().from(users).where(eq(users.id, user.id));
    const result = outcome(await settings.action(args(post({ ...valid, [field]: value }, await signedInCookie(user.id)))));
    expect(result.status).toBe(400);
    const errors = result.data.fieldErrors as Record<string, string>;
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(/must/);
    // The submitted values come back so the form can show what was sent.
    expect((result.data.values as Record<string, string>)[field]).toBe(value);
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual(before);
  });

  it("a missing field is an error, not a crash", async () => {
    const user = await makeLearner(t.db);
    const result = outcome(await settings.action(args(post({ timeZone: "UTC" }, await signedInCookie(user.id)))));
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors as object).sort()).toEqual(["desiredRetention", "maxReviewsPerDay", "newPerDay"]);
  });

  it("changes only the learner who asks", async () => {
    const ada = await makeLearner(t.db, "Ada");
    const ben = await makeLearner(t.db, "Ben");
    await settings.action(args(post({ ...valid, userId: ben.id }, await signedInCookie(ada.id))));
    const [benRow] = await t.db.select().from(users).where(eq(users.id, ben.id));
    expect(benRow).toMatchObject({ desiredRetention: 0.9, timeZone: "UTC" });
  });

  it("the form offers every IANA zone and the learner's current values", async () => {
    const user = await makeLearner(t.db);
    const loaded = await settings.loader(args(get("/settings", await signedInCookie(user.id))));
    expect(loaded.values).toEqual({ desiredRetention: "90", newPerDay: "20", maxReviewsPerDay: "200", timeZone: "UTC" });
    const offered = loaded.timeZones.flatMap((g) => g.zones);
    expect(offered).toContain("UTC");
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(offered).toContain(zone);
  });

  it("signed out, the page and the form send you to sign in and save nothing", async () => {
    const redirect = await thrown(settings.loader(args(get("/settings"))));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toMatch(/^\/signin\?redirectTo=%2Fsettings/);
    expect((await thrown(settings.action(args(post(valid))))).status).toBe(302);
  });
});

describe("home and statistics", () => {
  it("signed out, home shows the courses and no dashboard", async () => {
    await seedGeography(t.db);
    const loaded = await home.loader(args(get("/")));
    expect(loaded.dashboard).toBeNull();
    expect(loaded.courses.map((c) => c.slug)).toEqual(["geography"]);
  });

  it("signed in, home shows the learner's dashboard", async () => {
    await seedGeography(t.db);
    const user = await makeLearner(t.db, "Ada");
    const loaded = await home.loader(args(get("/", await signedInCookie(user.id))));
    expect(loaded.name).toBe("Ada");
    expect(loaded.dashboard).toMatchObject({ dueNow: 0, modules: [] });
  });

  it("statistics need a signed-in learner and say which FSRS parameters are used", async () => {
    expect((await thrown(stats.loader(args(get("/stats"))))).status).toBe(302);
    const user = await makeLearner(t.db);
    const loaded = await stats.loader(args(get("/stats", await signedInCookie(user.id))));
    expect(loaded.parameters).toBe("Default FSRS-6 parameters.");
    await t.db
      .update(users)
      .set({ fsrsParamsJson: JSON.stringify(Array.from({ length: 21 }, () => 0.5)), fsrsParamsReviewCount: 1500, fsrsParamsUpdatedAt: Date.UTC(2026, 0, 15, 12) })
      .where(eq(users.id, user.id));
    const personal = await stats.loader(args(get("/stats", await signedInCookie(user.id))));
    expect(personal.parameters).toBe("Personal parameters optimised on 1,500 reviews on 15 January 2026.");
  });
});
