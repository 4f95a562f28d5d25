/**
 * The assessment routes called directly with Request objects on a real temp
 * database, for every bad input the issue lists: answers after the deadline
 * (kept, not counted), to another learner's attempt, to a question not on
 * the form, replayed and reordered saves, a forged deadline or sequence
 * number, a second attempt beyond the number allowed, a start before the
 * window opens or after it closes. Each gets a clear 4xx (or 409 kept-late)
 * and changes nothing it should not. Also: the save endpoint's contract,
 * the form post without JavaScript, and no key in the attempt page's data.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assessments, attemptAnswers, attemptQuestions, attempts } from "../../db/schema";
import { GRACE_MS } from "../../app/assessment/timing";
import { createAssessment } from "../../app/models/assessment-setup.server";
import { createSession } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { classroom, examSettings, HOUR, MINUTE, riverQuestions, seedEarth } from "../support/assessment-fixtures";

let t: AppTestDatabase;
let auth: typeof import("../../app/auth.server");
let startRoute: typeof import("../../app/routes/assessments.$assessmentId");
let attemptRoute: typeof import("../../app/routes/attempts.$attemptId._index");
let saveRoute: typeof import("../../app/routes/attempts.$attemptId.save");
let resultsRoute: typeof import("../../app/routes/attempts.$attemptId.results");
let newRoute: typeof import("../../app/routes/cohorts.$cohortId.assessments.new");

beforeEach(async () => {
  t = await useAppDatabase();
  auth = await import("../../app/auth.server");
  startRoute = await import("../../app/routes/assessments.$assessmentId");
  attemptRoute = await import("../../app/routes/attempts.$attemptId._index");
  saveRoute = await import("../../app/routes/attempts.$attemptId.save");
  resultsRoute = await import("../../app/routes/attempts.$attemptId.results");
  newRoute = await import("../../app/routes/cohorts.$cohortId.assessments.new");
});
afterEach(() => t.close());

async function cookieOf(userId: string) {
  const { token } = await createSession(t.db, userId, Date.now());
  return (await auth.sessionCookie().serialize(token)).split(";")[0]!;
}

/** What a loader or action gave: a thrown or returned Response, data(...) with a status, or a plain object. */
async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    result = error;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text
    }
    return { status: result.status, body, location: result.headers.get("Location") };
  }
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  return { status: 200, body: result, location: null };
}

const post = (path: string, cookie: string, body: string, type: string) =>
  new Request(`http://cairn.test${path}`, { method: "POST", body, headers: { Cookie: cookie, "Content-Type": type } });
const form = (path: string, cookie: string, fields: Record<string, string>) => post(path, cookie, String(new URLSearchParams(fields)), "application/x-www-form-urlencoded");
const json = (path: string, cookie: string, value: unknown) => post(path, cookie, JSON.stringify(value), "application/json");

async function sitting(over: Parameters<typeof examSettings>[1] = {}) {
  const { riversId } = await seedEarth(t.db);
  const room = await classroom(t.db);
  const now = Date.now();
  const created = await createAssessment(t.db, room.scope, room.cohort.id, examSettings(riversId, { opensAt: now - MINUTE, closesAt: now + HOUR, ...over }), now - 2 * MINUTE);
  if (!created?.ok) throw new Error(JSON.stringify(created));
  const ada = await cookieOf(room.ada.id);
  const ben = await cookieOf(room.ben.id);
  return { ...room, riversId, assessmentId: created.assessmentId, cookies: { ada, ben, instructor: await cookieOf(room.instructor.id) } };
}

async function started(s: Awaited<ReturnType<typeof sitting>>, cookie = s.cookies.ada) {
  const result = await settle(() => startRoute.action({ request: form(`/assessments/${s.assessmentId}`, cookie, { intent: "start" }), params: { assessmentId: s.assessmentId }, context: {} }));
  expect(result.status).toBe(302);
  const attemptId = result.location!.split("/").at(-1)!;
  const questions = await t.db.select().from(attemptQuestions).where(eq(attemptQuestions.attemptId, attemptId)).orderBy(attemptQuestions.position);
  return { attemptId, questionIds: questions.map((q) => q.questionId) };
}

function save(attemptId: string, cookie: string, body: unknown) {
  return settle(() => saveRoute.action({ request: json(`/attempts/${attemptId}/save`, cookie, body), params: { attemptId }, context: {} }));
}

const answersOf = (attemptId: string) => t.db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).orderBy(attemptAnswers.seq);

describe("the save endpoint", () => {
  it("answers a save with {ok, status, seq, savedAt, secondsLeft}; a replay with the same; a reordered older one never overwrites", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    const q = questionIds[0]!;
    const first = await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 2, response: "newer" });
    expect(first).toMatchObject({ status: 200, body: { ok: true, status: "counted", seq: 2, savedAt: expect.any(Number), secondsLeft: expect.any(Number) } });
    expect((first.body as { secondsLeft: number }).secondsLeft).toBeGreaterThan(29 * 60);
    const replay = await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 2, response: "newer" });
    expect(replay).toMatchObject({ status: 200, body: { ok: true, status: "duplicate", seq: 2, savedAt: (first.body as { savedAt: number }).savedAt } });
    const older = await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 1, response: "older" });
    expect(older).toMatchObject({ status: 200, body: { ok: true, status: "superseded", seq: 2 } });
    expect((await answersOf(attemptId)).map((a) => [a.seq, a.response])).toEqual([[2, "newer"]]);
  });

  it("an answer after the deadline and its grace is 409 late, kept and not counted; the attempt is finished", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    await save(attemptId, s.cookies.ada, { attemptId, questionId: questionIds[0], seq: 1, response: "in time" });
    // Time passes: the deadline was over a minute ago.
    await t.db.update(attempts).set({ startedAt: Date.now() - 40 * MINUTE, deadline: Date.now() - GRACE_MS - 1000 }).where(eq(attempts.id, attemptId));
    const late = await save(attemptId, s.cookies.ada, { attemptId, questionId: questionIds[1], seq: 2, response: "too late" });
    expect(late).toMatchObject({ status: 409, body: { ok: false, error: "late", kept: true, message: "This answer arrived after the time was up, so it is kept but not counted." } });
    expect((await answersOf(attemptId)).map((a) => [a.response, a.counted])).toEqual([
      ["in time", true],
      ["too late", false],
    ]);
    const [row] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect([row!.status, row!.finishedBy]).toEqual(["finished", "deadline"]);
  });

  it("another learner's attempt is 404, a question not on the form 422, and nothing is stored", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    expect(await save(attemptId, s.cookies.ben, { attemptId, questionId: questionIds[0], seq: 1, response: "x" })).toMatchObject({
      status: 404,
      body: { ok: false, error: "not_found", message: "There is no such attempt among yours." },
    });
    const offForm = riverQuestions.map((q) => q.id).find((id) => !questionIds.includes(id))!;
    expect(await save(attemptId, s.cookies.ada, { attemptId, questionId: offForm, seq: 1, response: "x" })).toMatchObject({
      status: 422,
      body: { error: "not_on_form", message: "That question is not on this attempt's form." },
    });
    // The no-JS form post is refused the same way.
    const viaForm = await settle(() => saveRoute.action({ request: form(`/attempts/${attemptId}/save`, s.cookies.ben, { questionId: questionIds[0]!, response: "x" }), params: { attemptId }, context: {} }));
    expect(viaForm.status).toBe(404);
    expect(await answersOf(attemptId)).toEqual([]);
  });

  it("a forged deadline is ignored; a forged sequence number is refused with a clear message; nothing changes", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    const [before] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    const q = questionIds[0]!;
    const forgedDeadline = await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 1, response: "A", deadline: Date.now() + 99 * HOUR, secondsLeft: 99_999 });
    expect(forgedDeadline).toMatchObject({ status: 200, body: { status: "counted" } });
    const [after] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(after!.deadline).toBe(before!.deadline);
    const refusals: [unknown, string][] = [
      [-1, "seq starts at 1."],
      [1.5, "seq must be a whole number."],
      ["7", "seq must be a whole number."],
      [10_000_001, "seq is at most 1000000."],
      [undefined, "Send the save's sequence number as seq."],
    ];
    for (const [seq, message] of refusals) {
      expect(await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq, response: "B" })).toEqual({ status: 400, body: { ok: false, error: "invalid", message }, location: null });
    }
    // The number of a save already made, with another answer.
    expect(await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 1, response: "B" })).toMatchObject({
      status: 409,
      body: { ok: false, error: "seq_conflict", message: "Save number 1 of this question was already used for another answer; nothing was changed." },
    });
    expect((await answersOf(attemptId)).map((a) => [a.seq, a.response])).toEqual([[1, "A"]]);
  });

  it("refuses what is not a save: another attempt's id in the body, a long answer, bad JSON, a huge body, a signed-out script", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    const q = questionIds[0]!;
    expect(await save(attemptId, s.cookies.ada, { attemptId: "another", questionId: q, seq: 1, response: "x" })).toMatchObject({
      status: 400,
      body: { error: "invalid", message: "attemptId does not match the attempt in the address." },
    });
    expect(await save(attemptId, s.cookies.ada, { attemptId, questionId: q, seq: 1, response: "x".repeat(501) })).toMatchObject({
      status: 400,
      body: { message: "An answer has at most 500 characters." },
    });
    const badJson = await settle(() => saveRoute.action({ request: post(`/attempts/${attemptId}/save`, s.cookies.ada, "{not json", "application/json"), params: { attemptId }, context: {} }));
    expect(badJson).toMatchObject({ status: 400, body: { ok: false, error: "invalid", message: "The body is not valid JSON." } });
    const huge = await settle(() => saveRoute.action({ request: post(`/attempts/${attemptId}/save`, s.cookies.ada, JSON.stringify({ attemptId, questionId: q, seq: 1, response: "x".repeat(20_000) }), "application/json"), params: { attemptId }, context: {} }));
    expect(huge).toMatchObject({ status: 413, body: { ok: false, error: "too_large" } });
    const signedOut = await save(attemptId, "cairn_session=nothing", { attemptId, questionId: q, seq: 1, response: "x" });
    expect(signedOut).toMatchObject({ status: 401, body: { ok: false, error: "signed_out" } });
    expect(await answersOf(attemptId)).toEqual([]);
  });

  it("takes a plain form post without JavaScript, numbers it, and returns to the question", async () => {
    const s = await sitting();
    const { attemptId, questionIds } = await started(s);
    await save(attemptId, s.cookies.ada, { attemptId, questionId: questionIds[0], seq: 5, response: "by script" });
    const result = await settle(() => saveRoute.action({ request: form(`/attempts/${attemptId}/save`, s.cookies.ada, { questionId: questionIds[2]!, response: "by form" }), params: { attemptId }, context: {} }));
    expect(result).toMatchObject({ status: 303, location: `/attempts/${attemptId}?q=3&answer=saved` });
    expect((await answersOf(attemptId)).map((a) => [a.seq, a.response])).toEqual([
      [5, "by script"],
      [6, "by form"],
    ]);
  });

  it("GET gives the seconds left for the page to re-sync, to its learner only", async () => {
    const s = await sitting();
    const { attemptId } = await started(s);
    const get = (cookie: string) => settle(() => saveRoute.loader({ request: new Request(`http://cairn.test/attempts/${attemptId}/save`, { headers: { Cookie: cookie, Accept: "application/json" } }), params: { attemptId }, context: {} }));
    expect(await get(s.cookies.ada)).toMatchObject({ status: 200, body: { ok: true, status: "open", secondsLeft: expect.any(Number) } });
    expect((await get(s.cookies.ben)).status).toBe(404);
  });
});

describe("starting", () => {
  it("before the window opens and after it closes: 409 with a clear message, no attempt", async () => {
    const s = await sitting();
    const later = Date.now() + HOUR;
    await t.db.update(assessments).set({ opensAt: later, closesAt: later + HOUR }).where(eq(assessments.id, s.assessmentId));
    const early = await settle(() => startRoute.action({ request: form(`/assessments/${s.assessmentId}`, s.cookies.ada, { intent: "start" }), params: { assessmentId: s.assessmentId }, context: {} }));
    expect(early).toMatchObject({ status: 409, body: { status: "error", formError: expect.stringMatching(/^This assessment opens at .+; you can start it then\.$/) } });
    await t.db.update(assessments).set({ opensAt: Date.now() - 2 * HOUR, closesAt: Date.now() - HOUR }).where(eq(assessments.id, s.assessmentId));
    const closed = await settle(() => startRoute.action({ request: form(`/assessments/${s.assessmentId}`, s.cookies.ada, { intent: "start" }), params: { assessmentId: s.assessmentId }, context: {} }));
    expect(closed).toMatchObject({ status: 409, body: { formError: expect.stringMatching(/^This assessment closed at .+; it can no longer be started\.$/) } });
    expect(await t.db.select().from(attempts)).toEqual([]);
  });

  it("a second attempt beyond the number allowed: 409, and still one attempt", async () => {
    const s = await sitting();
    const { attemptId } = await started(s);
    const submitted = await settle(() => attemptRoute.action({ request: form(`/attempts/${attemptId}`, s.cookies.ada, { intent: "submit" }), params: { attemptId }, context: {} }));
    expect(submitted).toMatchObject({ status: 302, location: `/attempts/${attemptId}/results` });
    const again = await settle(() => startRoute.action({ request: form(`/assessments/${s.assessmentId}`, s.cookies.ada, { intent: "start" }), params: { assessmentId: s.assessmentId }, context: {} }));
    expect(again).toMatchObject({ status: 409, body: { formError: "You have used your 1 attempt at this assessment; no more are allowed." } });
    expect(await t.db.select().from(attempts)).toHaveLength(1);
  });

  it("a learner outside the cohort gets 404, as for an assessment that does not exist", async () => {
    const s = await sitting();
    const outsider = await cookieOf(s.outsider.id);
    const result = await settle(() => startRoute.action({ request: form(`/assessments/${s.assessmentId}`, outsider, { intent: "start" }), params: { assessmentId: s.assessmentId }, context: {} }));
    expect(result.status).toBe(404);
    expect((await settle(() => startRoute.loader({ request: new Request(`http://cairn.test/assessments/${s.assessmentId}`, { headers: { Cookie: outsider } }), params: { assessmentId: s.assessmentId }, context: {} }))).status).toBe(404);
  });
});

describe("what reaches the browser", () => {
  it("the attempt page's data holds no key, accepted answer, source or explanation; the results only what the review setting allows", async () => {
    const s = await sitting({ reviewAfterSubmit: "score" });
    const { attemptId } = await started(s);
    const page = await settle(() => attemptRoute.loader({ request: new Request(`http://cairn.test/attempts/${attemptId}`, { headers: { Cookie: s.cookies.ada } }), params: { attemptId }, context: {} }));
    expect(page.status).toBe(200);
    const served = JSON.stringify(page.body);
    for (const q of riverQuestions) {
      expect(served).not.toContain(q.source.sentence);
      expect(served).not.toContain(q.explanation);
      if (q.type !== "multiple_choice" && q.type !== "true_false") expect(served).not.toMatch(new RegExp(`\\b${q.answer}\\b`));
    }
    await settle(() => attemptRoute.action({ request: form(`/attempts/${attemptId}`, s.cookies.ada, { intent: "submit" }), params: { attemptId }, context: {} }));
    const results = await settle(() => resultsRoute.loader({ request: new Request(`http://cairn.test/attempts/${attemptId}/results`, { headers: { Cookie: s.cookies.ada } }), params: { attemptId }, context: {} }));
    expect(results).toMatchObject({ status: 200, body: { level: "score", items: null, score: { total: 4 } } });
    for (const q of riverQuestions) expect(JSON.stringify(results.body)).not.toContain(q.source.sentence);
    // Another learner cannot read it.
    expect((await settle(() => resultsRoute.loader({ request: new Request(`http://cairn.test/attempts/${attemptId}/results`, { headers: { Cookie: s.cookies.ben } }), params: { attemptId }, context: {} }))).status).toBe(404);
  });
});

describe("setting up", () => {
  it("a blueprint beyond the lesson's questions is the field's error, and nothing is saved", async () => {
    const { riversId } = await seedEarth(t.db);
    const room = await classroom(t.db);
    const cookie = await cookieOf(room.instructor.id);
    const result = await settle(() =>
      newRoute.action({
        request: form(`/cohorts/${room.cohort.id}/assessments/new`, cookie, {
          title: "Too many",
          [`count:${riversId}`]: "9",
          "type:cloze": "on",
          opensAt: "2030-01-01T09:00",
          closesAt: "2030-01-01T12:00",
          timeLimitMinutes: "30",
          attemptsAllowed: "1",
          passMarkPercent: "50",
          reviewAfterSubmit: "score",
          reviewAfterClose: "keys",
        }),
        params: { cohortId: room.cohort.id },
        context: {},
      }),
    );
    expect(result).toMatchObject({ status: 400, body: { fieldErrors: { blueprint: expect.stringMatching(/has 2 questions of the allowed types/) } } });
    expect(await t.db.select().from(assessments)).toEqual([]);
  });
});
