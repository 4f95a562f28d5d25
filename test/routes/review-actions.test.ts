/**
 * The review route's action, called directly with Request objects against a
 * real temp database: bad input gets a clear 4xx and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { cards, lessons, reviewLogs, showings } from "../../db/schema";
import { startLesson } from "../../app/models/deck.server";
import { createSession } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { makeLearner, seedGeography } from "../support/fixtures";

let t: AppTestDatabase;
let review: typeof import("../../app/routes/review");
let auth: typeof import("../../app/auth.server");

beforeEach(async () => {
  t = await useAppDatabase();
  review = await import("../../app/routes/review");
  auth = await import("../../app/auth.server");
  await seedGeography(t.db);
});
afterEach(() => t.close());

async function learnerWithCookie() {
  const user = await makeLearner(t.db);
  for (const l of await t.db.select().from(lessons)) await startLesson(t.db, user.id, l.id, Date.now());
  const { token } = await createSession(t.db, user.id, Date.now());
  return { user, cookie: (await auth.sessionCookie().serialize(token)).split(";")[0]! };
}

async function act(fields: Record<string, string>, cookie: string) {
  const request = new Request("http://cairn.test/review", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const result = (await review.action({ request, context: {}, params: {} } as ActionFunctionArgs)) as unknown;
  // data(...) results carry a status; plain objects are 200.
  const withInit = result as { data?: unknown; init?: { status?: number } | null; type?: string };
  if (withInit && withInit.type === "DataWithResponseInit") return { status: withInit.init?.status ?? 200, body: withInit.data as { kind: string; message?: string } };
  return { status: 200, body: result as { kind: string; message?: string } };
}

async function currentShowing(cookie: string) {
  const request = new Request("http://cairn.test/review", { headers: { Cookie: cookie } });
  const data = await review.loader({ request, context: {}, params: {} });
  return data.card!;
}

describe("the review action", () => {
  it("refuses a rating out of range with 400 and changes nothing", async () => {
    const { cookie } = await learnerWithCookie();
    const card = await currentShowing(cookie);
    const answered = await act({ intent: "answer", showingId: card.showingId, response: "x" }, cookie);
    expect(answered.status).toBe(200);
    const before = await t.db.select().from(reviewLogs);
    const rated = await act({ intent: "rate", showingId: card.showingId, rating: "9" }, cookie);
    expect(rated.status).toBe(400);
    expect(rated.body.message).toMatch(/1 \(Again\) to 4 \(Easy\)/);
    expect(await t.db.select().from(reviewLogs)).toEqual(before);
  });

  it("refuses an empty or spaces-only answer with 400 and a message for the form, recording nothing", async () => {
    const { cookie } = await learnerWithCookie();
    const card = await currentShowing(cookie);
    const cardsBefore = await t.db.select().from(cards);
    for (const response of ["", "   "]) {
      const refused = await act({ intent: "answer", showingId: card.showingId, response }, cookie);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ kind: "refused", field: "response", next: { showingId: card.showingId } });
      expect(refused.body.message).toMatch(/type an answer/i);
    }
    expect(await t.db.select().from(reviewLogs)).toHaveLength(0);
    expect(await t.db.select().from(cards)).toEqual(cardsBefore);
    const [showing] = await t.db.select().from(showings);
    expect(showing!.answeredAt).toBeNull();
    // The same showing can still be answered once the learner types something.
    const answered = await act({ intent: "answer", showingId: card.showingId, response: "x" }, cookie);
    expect(answered.body.kind).toBe("answered");
    expect(await t.db.select().from(reviewLogs)).toHaveLength(1);
  });

  it("answers another learner's showing with 404 and records nothing", async () => {
    const a = await learnerWithCookie();
    const b = await learnerWithCookie();
    const cardOfA = await currentShowing(a.cookie);
    const forged = await act({ intent: "answer", showingId: cardOfA.showingId, response: "x" }, b.cookie);
    expect(forged.status).toBe(404);
    expect(await t.db.select().from(reviewLogs)).toHaveLength(0);
  });

  it("replays a repeated answer instead of applying it twice", async () => {
    const { cookie } = await learnerWithCookie();
    const card = await currentShowing(cookie);
    const first = await act({ intent: "answer", showingId: card.showingId, response: "x" }, cookie);
    const second = await act({ intent: "answer", showingId: card.showingId, response: "x" }, cookie);
    expect(first.body.kind).toBe("answered");
    expect(second.body.kind).toBe("answered");
    expect((second.body as unknown as { result: { replayed: boolean } }).result.replayed).toBe(true);
    expect(await t.db.select().from(reviewLogs)).toHaveLength(1);
  });

  it("sends a request without a session to sign in, recording nothing", async () => {
    await expect(act({ intent: "answer", showingId: "whatever", response: "x" }, "")).rejects.toMatchObject({ status: 302 });
    expect(await t.db.select().from(reviewLogs)).toHaveLength(0);
  });
});
