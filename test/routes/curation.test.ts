/**
 * The curation pages' loaders and actions, called with Request objects
 * against a real temp database: another instructor's module or question is
 * not found, a learner is refused, a malformed post is a 400 in the one
 * error shape with nothing saved, and what a good post changes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { modules, questionRevisions, questions } from "../../db/schema";
import { claimCourse, courseIdFor } from "../../app/models/content.server";
import { createSession } from "../../app/models/session.server";
import { createUser, type Role } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { seedGeography } from "../support/fixtures";

type RouteModule = {
  loader: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};

let t: AppTestDatabase;
let routes: { list: RouteModule; module: RouteModule; question: RouteModule; add: RouteModule };
let auth: typeof import("../../app/auth.server");
let owner: { id: string; cookie: string };
let rivers: string;
let mountains: string;

let counter = 0;
async function person(role: Role) {
  counter++;
  const user = await createUser(t.db, { email: `${role}${counter}@example.org`, name: `${role} ${counter}`, password: "a-good-long-password", role }, Date.now());
  const { token } = await createSession(t.db, user.id, Date.now());
  return { id: user.id, cookie: (await auth.sessionCookie().serialize(token)).split(";")[0]! };
}

beforeEach(async () => {
  t = await useAppDatabase();
  await seedGeography(t.db);
  auth = await import("../../app/auth.server");
  routes = {
    list: await import("../../app/routes/instructor._index"),
    module: await import("../../app/routes/instructor.modules.$moduleId._index"),
    question: await import("../../app/routes/instructor.modules.$moduleId.questions.$questionId"),
    add: await import("../../app/routes/instructor.modules.$moduleId.questions.new"),
  };
  owner = await person("instructor");
  await claimCourse(t.db, courseIdFor("geography"), owner.id);
  const ids = new Map((await t.db.select({ id: modules.id, slug: modules.slug }).from(modules)).map((m) => [m.slug, m.id]));
  rivers = ids.get("rivers")!;
  mountains = ids.get("mountains")!;
});
afterEach(() => t.close());

/** What a loader or action gave: its status and body, whether it returned or threw. */
async function outcome(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, body: result };
  const wrapped = result as { data?: unknown; init?: { status?: number } | null };
  return "init" in (result as object) ? { status: wrapped.init?.status ?? 200, body: wrapped.data } : { status: 200, body: result };
}

const at = (path: string, cookie: string, fields?: Record<string, string | string[]>) => {
  if (!fields) return new Request(`http://cairn.test${path}`, { headers: { Cookie: cookie } });
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(`http://cairn.test${path}`, { method: "POST", body, headers: { Cookie: cookie } });
};

const load = (route: RouteModule, path: string, params: Record<string, string>, cookie: string) =>
  outcome(() => route.loader({ request: at(path, cookie), params, context: {} }));
const send = (route: RouteModule, path: string, params: Record<string, string>, cookie: string, fields: Record<string, string | string[]>) =>
  outcome(() => route.action!({ request: at(path, cookie, fields), params, context: {} }));

const editFields = (over: Record<string, string> = {}) => ({
  revision: "1",
  type: "cloze",
  prompt: "The _____ flows north into the Mediterranean.",
  answer: "Nile",
  accepted: "",
  options: "",
  unit: "",
  tolerance: "",
  explanation: "",
  ...over,
});

async function storedQuestion(id: string) {
  const [row] = await t.db.select().from(questions).where(eq(questions.id, id));
  return row!;
}

describe("whose modules the curation pages reach", () => {
  it("answers 404 for another instructor's module and question, on every page and action, and saves nothing", async () => {
    const other = await person("instructor");
    const params = { moduleId: rivers, questionId: "q-nile" };
    expect((await load(routes.module, `/instructor/modules/${rivers}`, params, other.cookie)).status).toBe(404);
    expect((await load(routes.question, `/instructor/modules/${rivers}/questions/q-nile`, params, other.cookie)).status).toBe(404);
    expect((await load(routes.add, `/instructor/modules/${rivers}/questions/new`, params, other.cookie)).status).toBe(404);
    expect((await send(routes.module, `/instructor/modules/${rivers}`, params, other.cookie, { intent: "curate", action: "accept", questionId: "q-nile" })).status).toBe(404);
    expect((await send(routes.module, `/instructor/modules/${rivers}`, params, other.cookie, { intent: "policy", learnerQuestions: "accepted", qualityBar: "50" })).status).toBe(404);
    expect((await send(routes.question, `/instructor/modules/${rivers}/questions/q-nile`, params, other.cookie, editFields())).status).toBe(404);
    const lessonId = (await storedQuestion("q-nile")).lessonId;
    expect((await send(routes.add, `/instructor/modules/${rivers}/questions/new`, params, other.cookie, { ...editFields(), lessonId })).status).toBe(404);
    expect(await storedQuestion("q-nile")).toMatchObject({ curation: "generated", revision: 1 });
    expect(await t.db.$count(questions)).toBe(4);
    // Their own home lists none of it.
    expect(await load(routes.list, "/instructor", {}, other.cookie)).toEqual({ status: 200, body: { courses: [] } });
  });

  it("answers 404 for a question of another module reached through the owner's own module", async () => {
    const params = { moduleId: mountains, questionId: "q-nile" };
    expect((await load(routes.question, `/instructor/modules/${mountains}/questions/q-nile`, params, owner.cookie)).status).toBe(404);
    expect((await send(routes.module, `/instructor/modules/${mountains}`, params, owner.cookie, { intent: "curate", action: "retire", questionId: ["q-everest", "q-nile"] })).status).toBe(404);
    expect(await storedQuestion("q-everest")).toMatchObject({ status: "active" });
  });

  it("refuses a learner with 403 on every page and action", async () => {
    const learner = await person("learner");
    const params = { moduleId: rivers, questionId: "q-nile" };
    expect((await load(routes.list, "/instructor", {}, learner.cookie)).status).toBe(403);
    expect((await load(routes.module, `/instructor/modules/${rivers}`, params, learner.cookie)).status).toBe(403);
    expect((await send(routes.module, `/instructor/modules/${rivers}`, params, learner.cookie, { intent: "curate", action: "accept", questionId: "q-nile" })).status).toBe(403);
    expect((await send(routes.question, `/instructor/modules/${rivers}/questions/q-nile`, params, learner.cookie, editFields())).status).toBe(403);
    expect((await send(routes.add, `/instructor/modules/${rivers}/questions/new`, params, learner.cookie, editFields())).status).toBe(403);
    expect(await storedQuestion("q-nile")).toMatchObject({ curation: "generated", revision: 1 });
  });
});

describe("malformed posts", () => {
  const refusal = (fieldErrors: Record<string, unknown>, formError: unknown = null) => ({
    status: 400,
    body: { status: "error", fieldErrors, formError, values: expect.any(Object) },
  });

  it("are 400s in the one error shape, naming the field, and save nothing", async () => {
    const params = { moduleId: rivers, questionId: "q-nile" };
    const list = `/instructor/modules/${rivers}`;
    expect(await send(routes.module, list, params, owner.cookie, { intent: "curate", action: "accept" })).toMatchObject(
      refusal({ questionId: "Tick at least one question first." }),
    );
    expect(await send(routes.module, list, params, owner.cookie, { intent: "curate", action: "explode", questionId: "q-nile" })).toMatchObject(
      refusal({ action: "Choose what to do with the questions." }),
    );
    expect(await send(routes.module, list, params, owner.cookie, { intent: "policy", learnerQuestions: "accepted", qualityBar: "500" })).toMatchObject(
      refusal({ qualityBar: "The threshold is a percentage from 5 to 95." }),
    );
    expect(await send(routes.module, list, params, owner.cookie, { intent: "wipe" })).toMatchObject(
      refusal({ intent: "This form could not be read; reload the page and try again." }),
    );
    const edit = `/instructor/modules/${rivers}/questions/q-nile`;
    expect(await send(routes.question, edit, params, owner.cookie, editFields({ prompt: "The Nile flows north." }))).toMatchObject(
      refusal({ prompt: expect.stringContaining("one blank") }),
    );
    expect(await send(routes.question, edit, params, owner.cookie, editFields({ type: "multiple_choice", options: "Congo\nNiger" }))).toMatchObject(
      refusal({ answer: "The key must be one of the options." }),
    );
    expect(await send(routes.question, edit, params, owner.cookie, editFields({ revision: "latest" }))).toMatchObject(refusal({ revision: expect.any(String) }));
    const add = `/instructor/modules/${rivers}/questions/new`;
    expect(await send(routes.add, add, params, owner.cookie, { ...editFields(), type: "numeric", answer: "a lot" })).toMatchObject(
      refusal({ lessonId: "Choose the lesson the question belongs to.", answer: expect.stringContaining("number") }),
    );
    expect(await send(routes.add, add, params, owner.cookie, { ...editFields(), lessonId: "no-such-lesson" })).toMatchObject(
      refusal({ lessonId: "Choose one of this module's lessons." }),
    );
    expect(await storedQuestion("q-nile")).toMatchObject({ curation: "generated", revision: 1, prompt: "The _____ flows north into the Mediterranean Sea." });
    expect(await t.db.$count(questions)).toBe(4);
    expect(await t.db.$count(questionRevisions)).toBe(0);
  });

  it("an edit of a question that changed since the form was opened is a 409 in the same shape, keeping what was typed", async () => {
    const params = { moduleId: rivers, questionId: "q-nile" };
    const edit = `/instructor/modules/${rivers}/questions/q-nile`;
    expect(await send(routes.question, edit, params, owner.cookie, editFields())).toEqual({ status: 200, body: { done: "Saved as revision 2." } });
    const stale = await send(routes.question, edit, params, owner.cookie, editFields({ prompt: "Another _____." }));
    expect(stale).toMatchObject({ status: 409, body: { status: "error", formError: expect.stringContaining("changed since you opened it"), values: { prompt: "Another _____." } } });
    expect(await storedQuestion("q-nile")).toMatchObject({ revision: 2, prompt: "The _____ flows north into the Mediterranean." });
  });
});

describe("curating through the pages", () => {
  it("accepts ticked questions in one post, and the list filters by status from its URL", async () => {
    const params = { moduleId: rivers };
    const list = `/instructor/modules/${rivers}`;
    const done = await send(routes.module, list, params, owner.cookie, { intent: "curate", action: "accept", questionId: ["q-nile", "q-amazon"] });
    expect(done).toEqual({ status: 200, body: { done: "Accepted 2 questions." } });
    const page = (await load(routes.module, `${list}?status=accepted`, params, owner.cookie)).body as {
      groups: { questions: { id: string; status: string }[] }[];
      statusCounts: Record<string, number>;
    };
    expect(page.groups.flatMap((g) => g.questions.map((q) => [q.id, q.status])).sort()).toEqual([
      ["q-amazon", "accepted"],
      ["q-nile", "accepted"],
    ]);
    expect(page.statusCounts).toEqual({ accepted: 2, generated: 1 });
    // An unknown filter value reads as no filter.
    const all = (await load(routes.module, `${list}?status=bogus&type=essay`, params, owner.cookie)).body as { matching: number };
    expect(all.matching).toBe(3);
  });

  it("adds a question by hand and goes to the lesson's hand-written questions", async () => {
    const lessonId = (await storedQuestion("q-amazon")).lessonId;
    const added = await send(routes.add, `/instructor/modules/${rivers}/questions/new`, { moduleId: rivers }, owner.cookie, {
      ...editFields({ type: "short_answer", prompt: "Which river carries the most water?", answer: "Amazon" }),
      lessonId,
    });
    expect(added.status).toBe(302);
    expect((added.body as Response).headers.get("Location")).toBe(`/instructor/modules/${rivers}?lesson=${lessonId}&status=hand_written`);
    const [written] = await t.db.select().from(questions).where(eq(questions.curation, "hand_written"));
    expect(written).toMatchObject({ lessonId, prompt: "Which river carries the most water?", curatedBy: owner.id, status: "active" });
  });

  it("lists the owner's courses and modules with their counts", async () => {
    await send(routes.module, `/instructor/modules/${rivers}`, { moduleId: rivers }, owner.cookie, { intent: "curate", action: "accept", questionId: "q-nile" });
    const home = (await load(routes.list, "/instructor", {}, owner.cookie)).body as { courses: { title: string; modules: { title: string; questions: number; accepted: number }[] }[] };
    expect(home.courses.map((c) => [c.title, c.modules.map((m) => [m.title, m.questions, m.accepted])])).toEqual([
      ["Geography", [["Rivers", 3, 1], ["Mountains", 1, 0]]],
    ]);
  });
});
