/**
 * Reading a lesson changes nothing; starting it is a POST. Called directly
 * with Request objects against a real temp database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cards, enrolments, lessonReads } from "../../db/schema";
import { createSession } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { makeLearner, seedGeography } from "../support/fixtures";

let t: AppTestDatabase;
let lesson: typeof import("../../app/routes/courses.$courseSlug.$moduleSlug.$lessonSlug._index");
let module: typeof import("../../app/routes/courses.$courseSlug.$moduleSlug._index");
let auth: typeof import("../../app/auth.server");

beforeEach(async () => {
  t = await useAppDatabase();
  lesson = await import("../../app/routes/courses.$courseSlug.$moduleSlug.$lessonSlug._index");
  module = await import("../../app/routes/courses.$courseSlug.$moduleSlug._index");
  auth = await import("../../app/auth.server");
  await seedGeography(t.db);
});
afterEach(() => t.close());

const params = { courseSlug: "geography", moduleSlug: "rivers", lessonSlug: "africa" };
const url = "http://cairn.test/courses/geography/rivers/africa";

async function cookieOf(userId: string) {
  const { token } = await createSession(t.db, userId, Date.now());
  return (await auth.sessionCookie().serialize(token)).split(";")[0]!;
}

async function recorded() {
  return {
    cards: (await t.db.select().from(cards)).length,
    reads: (await t.db.select().from(lessonReads)).length,
    enrolments: (await t.db.select().from(enrolments)).length,
  };
}

const nothing = { cards: 0, reads: 0, enrolments: 0 };

describe("a lesson page", () => {
  it("records nothing when a signed-in learner opens it, and offers the start button", async () => {
    const learner = await makeLearner(t.db);
    const cookie = await cookieOf(learner.id);
    const page = await lesson.loader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page).toMatchObject({ canStart: true, read: false, signedIn: true });
    expect(await recorded()).toEqual(nothing);
  });

  it("adds the lesson's cards, the read and the enrolment on POST, once", async () => {
    const learner = await makeLearner(t.db);
    const cookie = await cookieOf(learner.id);
    const start = () =>
      lesson.action({ request: new Request(url, { method: "POST", body: new URLSearchParams(), headers: { Cookie: cookie } }), params, context: {} });
    // The Nile's cloze and true/false come from one sentence: a deck takes one question per sentence.
    expect(await start()).toEqual({ cardsAdded: 1 });
    expect(await recorded()).toEqual({ cards: 1, reads: 1, enrolments: 1 });
    expect(await start()).toEqual({ cardsAdded: 0 });
    expect(await recorded()).toEqual({ cards: 1, reads: 1, enrolments: 1 });
    const page = await lesson.loader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.read).toBe(true);
  });

  it("sends a visitor's POST to sign in and records nothing", async () => {
    const result = await lesson
      .action({ request: new Request(url, { method: "POST", body: new URLSearchParams() }), params, context: {} })
      .catch((e: unknown) => e);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toMatch(/^\/signin\?redirectTo=/);
    expect(await recorded()).toEqual(nothing);
  });

  it("answers 404 for a POST to a lesson that does not exist", async () => {
    const learner = await makeLearner(t.db);
    const request = new Request(url, { method: "POST", body: new URLSearchParams(), headers: { Cookie: await cookieOf(learner.id) } });
    const result = await lesson.action({ request, params: { ...params, lessonSlug: "nowhere" }, context: {} }).catch((e: unknown) => e);
    expect((result as Response).status).toBe(404);
    expect(await recorded()).toEqual(nothing);
  });
});

describe("a module page", () => {
  it("records nothing on GET, and starts every lesson on POST", async () => {
    const learner = await makeLearner(t.db);
    const cookie = await cookieOf(learner.id);
    const moduleParams = { courseSlug: "geography", moduleSlug: "rivers" };
    const moduleUrl = "http://cairn.test/courses/geography/rivers";
    await module.loader({ request: new Request(moduleUrl, { headers: { Cookie: cookie } }), params: moduleParams, context: {} });
    expect(await recorded()).toEqual(nothing);
    const result = await module
      .action({ request: new Request(moduleUrl, { method: "POST", body: new URLSearchParams(), headers: { Cookie: cookie } }), params: moduleParams, context: {} })
      .catch((e: unknown) => e);
    expect((result as Response).headers.get("Location")).toBe("/review");
    expect(await recorded()).toEqual({ cards: 2, reads: 2, enrolments: 1 });
  });
});
