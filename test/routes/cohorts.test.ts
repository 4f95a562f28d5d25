/**
 * The cohort pages' loaders and actions, called directly with Request
 * objects against a real temp database: who is refused, what a refused form
 * leaves behind (nothing), and the CSV download's headers.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assignments, cohortMembers, modules } from "../../db/schema";
import { addRosterToCohort } from "../../app/models/cohort-roster.server";
import { createCohort, JOIN_LIMITS } from "../../app/models/cohort.server";
import type { Role } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { seedGeography } from "../support/fixtures";
import { get, post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let dashboardRoute: typeof import("../../app/routes/cohorts.$cohortId._index");
let exportRoute: typeof import("../../app/routes/cohorts.$cohortId.export[.]csv");
let joinRoute: typeof import("../../app/routes/join");

beforeEach(async () => {
  t = await useAppDatabase();
  await seedGeography(t.db);
  dashboardRoute = await import("../../app/routes/cohorts.$cohortId._index");
  exportRoute = await import("../../app/routes/cohorts.$cohortId.export[.]csv");
  joinRoute = await import("../../app/routes/join");
});
afterEach(() => t.close());

const person = (role: Role, name: string = role) => signedInPerson(t.db, role, name);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function riversId() {
  const [row] = await t.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, "rivers"));
  return row!.id;
}

async function setting() {
  const owner = await person("instructor");
  const cohort = await createCohort(t.db, owner.id, "Year 9", Date.now());
  const params = { cohortId: cohort.id };
  const assign = { intent: "assign", moduleId: await riversId(), startsOn: day(0), dueOn: day(7) };
  return { owner, cohort, params, assign };
}

describe("the cohort dashboard's routes", () => {
  it("another instructor's cohort id is not found, on the page, the export and the actions, and nothing is saved", async () => {
    const { cohort, params, assign } = await setting();
    const other = await person("instructor");
    const path = `/cohorts/${cohort.id}`;
    expect((await settle(() => dashboardRoute.loader({ request: get(path, other.cookie), params, context: {} }))).status).toBe(404);
    expect((await settle(() => exportRoute.loader({ request: get(`${path}/export.csv`, other.cookie), params, context: {} }))).status).toBe(404);
    expect((await settle(() => dashboardRoute.action({ request: post(path, assign, other.cookie), params, context: {} }))).status).toBe(404);
    expect(await t.db.select().from(assignments)).toEqual([]);
  });

  it("a learner posting to an instructor's action is refused with 403, and nothing is saved", async () => {
    const { cohort, params, assign } = await setting();
    const learner = await person("learner");
    const path = `/cohorts/${cohort.id}`;
    expect((await settle(() => dashboardRoute.action({ request: post(path, assign, learner.cookie), params, context: {} }))).status).toBe(403);
    expect((await settle(() => dashboardRoute.loader({ request: get(path, learner.cookie), params, context: {} }))).status).toBe(403);
    expect(await t.db.select().from(assignments)).toEqual([]);
  });

  it("a due date before the start is the form's field error, and nothing is saved", async () => {
    const { owner, cohort, params, assign } = await setting();
    const result = await settle(() =>
      dashboardRoute.action({ request: post(`/cohorts/${cohort.id}`, { ...assign, startsOn: day(5), dueOn: day(2) }, owner.cookie), params, context: {} }),
    );
    expect(result).toMatchObject({ status: 400, body: { status: "error", fieldErrors: { dueOn: "The due date must be after the start." } } });
    expect(await t.db.select().from(assignments)).toEqual([]);
  });

  it("exports the dashboard as a private CSV attachment with a header row", async () => {
    const { owner, cohort, params, assign } = await setting();
    const learner = await person("learner", "=HYPERLINK(\"http://evil\")");
    await joinRoute.action({ request: post("/join", { code: cohort.joinCode }, learner.cookie), params: {}, context: {} }).catch((r: unknown) => r);
    await dashboardRoute.action({ request: post(`/cohorts/${cohort.id}`, assign, owner.cookie), params, context: {} });
    const response = (await exportRoute.loader({ request: get(`/cohorts/${cohort.id}/export.csv`, owner.cookie), params, context: {} })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="cohort-progress-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Learner,Email,Module,Status,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"'=HYPERLINK/);
  });
});

describe("the dashboard's pages and order", () => {
  it("shows 50 learners a page in the order asked for, while the CSV holds every learner", async () => {
    const { owner, cohort, params, assign } = await setting();
    await dashboardRoute.action({ request: post(`/cohorts/${cohort.id}`, assign, owner.cookie), params, context: {} });
    const emails = Array.from({ length: 55 }, (_, i) => `learner${String(i).padStart(2, "0")}@example.org`);
    await addRosterToCohort(t.db, { userId: owner.id, all: false }, cohort.id, emails.map((email, i) => ({ line: i + 1, email, name: `Learner ${String(i).padStart(2, "0")}` })), Date.now());
    const page = async (query: string) => {
      const result = await settle(() => dashboardRoute.loader({ request: get(`/cohorts/${cohort.id}${query}`, owner.cookie), params, context: {} }));
      return result.body as Awaited<ReturnType<typeof dashboardRoute.loader>>;
    };
    const first = await page("?sort=learner&dir=desc");
    expect(first.page).toEqual({ page: 1, pageCount: 2, total: 55 });
    expect(first.dashboard.rows).toHaveLength(50);
    expect(first.dashboard.rows[0]!.learner.name).toBe("Learner 54");
    const second = await page("?sort=learner&dir=desc&page=2");
    expect(second.dashboard.rows.map((r) => r.learner.name)).toEqual(["Learner 04", "Learner 03", "Learner 02", "Learner 01", "Learner 00"]);
    // A page past the end shows the last; an unknown sort falls back to the riskiest first.
    expect((await page("?page=99")).page.page).toBe(2);
    expect((await page("?sort=nonsense")).order).toEqual({ sort: "status", dir: "asc", page: 1 });
    const csv = (await exportRoute.loader({ request: get(`/cohorts/${cohort.id}/export.csv`, owner.cookie), params, context: {} })) as Response;
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(56);
  });
});

describe("joining by code", () => {
  it("a bad code is the field's error; a good one joins and goes home", async () => {
    const { cohort } = await setting();
    const learner = await person("learner");
    const bad = await settle(() => joinRoute.action({ request: post("/join", { code: "2222-2222" }, learner.cookie), params: {}, context: {} }));
    expect(bad).toMatchObject({ status: 400, body: { fieldErrors: { code: expect.stringContaining("No cohort has this code") } } });
    const good = await settle(() => joinRoute.action({ request: post("/join", { code: cohort.joinCode.toLowerCase() }, learner.cookie), params: {}, context: {} }));
    expect(good.status).toBe(302);
    expect((good.body as Response).headers.get("Location")).toBe("/");
    expect(await t.db.select().from(cohortMembers)).toEqual([{ cohortId: cohort.id, userId: learner.id, joinedAt: expect.any(Number), source: "joined" }]);
  });

  it("answers 429 with the field's message once a learner has guessed too often", async () => {
    const learner = await person("learner");
    const guess = () => settle(() => joinRoute.action({ request: post("/join", { code: "2222-2222" }, learner.cookie), params: {}, context: {} }));
    for (let i = 0; i < JOIN_LIMITS.maxPerLearner; i++) expect((await guess()).status).toBe(400);
    expect(await guess()).toMatchObject({ status: 429, body: { fieldErrors: { code: expect.stringContaining("Too many codes tried") } } });
  });
});
