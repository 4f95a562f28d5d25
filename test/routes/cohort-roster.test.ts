/**
 * The roster page's action: a pasted or uploaded roster, its bad lines
 * reported beside what was done, and every refusal leaving nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortMembers, passwordTokens, users } from "../../db/schema";
import { createCohort } from "../../app/models/cohort.server";
import { ROSTER_BODY_LIMIT, ROSTER_BOTH, ROSTER_MISSING } from "../../app/forms/roster-form.server";
import { ROSTER_FILE_BINARY } from "../../app/teaching/roster";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { post, settle, signedInPerson } from "../support/requests";

let t: AppTestDatabase;
let route: typeof import("../../app/routes/cohorts.$cohortId.roster");

beforeEach(async () => {
  t = await useAppDatabase();
  route = await import("../../app/routes/cohorts.$cohortId.roster");
});
afterEach(() => t.close());

async function setting() {
  const owner = await signedInPerson(t.db, "instructor", "Tess");
  const cohort = await createCohort(t.db, owner.id, "Year 9", Date.now());
  return { owner, cohort, path: `/cohorts/${cohort.id}/roster`, params: { cohortId: cohort.id } };
}

const send = (path: string, params: Record<string, string>, body: Record<string, string> | FormData, cookie: string) =>
  settle(() => route.action({ request: post(path, body, cookie), params, context: {} }));

async function nothingAdded(accounts: number) {
  expect(await t.db.select().from(users)).toHaveLength(accounts);
  expect(await t.db.select().from(cohortMembers)).toEqual([]);
  expect(await t.db.select().from(passwordTokens)).toEqual([]);
}

describe("adding a roster on the cohort's roster page", () => {
  it("a pasted roster with a bad line and a duplicate adds the rest, with a set-password link for each new account", async () => {
    const { owner, path, params } = await setting();
    const result = await send(path, params, { roster: "Ada Lovelace, ada@example.org\nnot an email\nalan@example.org\nADA@example.org" }, owner.cookie);
    expect(result.status).toBe(200);
    const { added } = result.body as Awaited<ReturnType<typeof route.action>> & { added: { outcomes: { email: string; kind: string; link: string | null }[]; problems: { line: number; reason: string; message: string }[] } };
    expect(added.outcomes.map((o) => [o.email, o.kind])).toEqual([
      ["ada@example.org", "created"],
      ["alan@example.org", "created"],
    ]);
    for (const o of added.outcomes) expect(o.link).toMatch(/^http:\/\/cairn\.test\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(added.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, "no-email"],
      [4, "duplicate"],
    ]);
    expect(added.problems[1]!.message).toMatch(/already on the roster/);
    expect(await t.db.select().from(cohortMembers)).toHaveLength(2);
  });

  it("an uploaded CSV file is read the same way", async () => {
    const { owner, path, params } = await setting();
    const form = new FormData();
    form.set("roster", "");
    form.set("file", new File(["Email,Name\ngrace@example.org,Grace Hopper\n"], "class.csv", { type: "text/csv" }));
    const result = await send(path, params, form, owner.cookie);
    expect(result).toMatchObject({ status: 200, body: { added: { outcomes: [{ email: "grace@example.org", name: "Grace Hopper", kind: "created" }], problems: [] } } });
  });

  it("a roster pasted and a file chosen, nothing given, or a binary file: the field's error, the text kept whole, nothing added", async () => {
    const { owner, path, params } = await setting();
    const long = Array.from({ length: 100 }, (_, i) => `learner${i}@example.org`).join("\n");
    // Multipart sends a text box's line breaks as CRLF, as browsers do.
    const both = new FormData();
    both.set("roster", long);
    both.set("file", new File(["x@example.org"], "class.csv"));
    expect(await send(path, params, both, owner.cookie)).toMatchObject({ status: 400, body: { status: "error", fieldErrors: { roster: ROSTER_BOTH }, values: { roster: long.replaceAll("\n", "\r\n") } } });
    const none = new FormData();
    none.set("roster", "  ");
    none.set("file", new File([], ""));
    expect(await send(path, params, none, owner.cookie)).toMatchObject({ status: 400, body: { fieldErrors: { roster: ROSTER_MISSING } } });
    const binary = new FormData();
    binary.set("file", new File([Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])], "class.xlsx"));
    expect(await send(path, params, binary, owner.cookie)).toMatchObject({ status: 400, body: { fieldErrors: { file: ROSTER_FILE_BINARY } } });
    await nothingAdded(1);
  });

  it("a body over the roster's bound is refused with 413 before it is read", async () => {
    const { owner, path, params } = await setting();
    const form = new FormData();
    form.set("file", new File([new Uint8Array(ROSTER_BODY_LIMIT + 1).fill(0x61)], "huge.csv"));
    expect((await send(path, params, form, owner.cookie)).status).toBe(413);
    await nothingAdded(1);
  });

  it("a learner posting a roster is refused with 403; another instructor's cohort is not found; nothing is added", async () => {
    const { path, params } = await setting();
    const learner = await signedInPerson(t.db, "learner");
    const other = await signedInPerson(t.db, "instructor");
    expect((await send(path, params, { roster: "ada@example.org" }, learner.cookie)).status).toBe(403);
    expect((await send(path, params, { roster: "ada@example.org" }, other.cookie)).status).toBe(404);
    expect((await settle(() => route.loader({ request: post(path, {}, other.cookie), params, context: {} }))).status).toBe(404);
    await nothingAdded(3);
  });
});
