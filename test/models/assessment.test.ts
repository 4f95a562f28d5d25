/**
 * Assessments on a real libSQL file: setting one up, starting (deadlines
 * stored, one attempt however often Start is pressed), accommodations
 * moving the deadlines of attempts in progress, saves (out of order,
 * repeated, forged, late and kept), finishing by submit, by a read and by
 * the sweep (also from a second connection at once), answers counted once
 * as FSRS reviews, and what results show.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { assessmentEdits, assessmentQuestions, assessments, attemptAnswers, attemptQuestions, attempts, cards, questions, reviewLogs } from "../../db/schema";
import { GRACE_MS } from "../../app/assessment/timing";
import { setAssessmentOverride, setCohortAccommodation } from "../../app/models/assessment-accommodations.server";
import { finishAttempt, finishExpiredAttempts, startAttemptSweep } from "../../app/models/assessment-finish.server";
import { assessmentResults, learnerResult } from "../../app/models/assessment-results.server";
import { createAssessment, findAssessment, listCohortAssessments, updateAssessment } from "../../app/models/assessment-setup.server";
import { flagQuestion, saveAnswer } from "../../app/models/assessment-saving.server";
import { attemptPage, learnerAssessmentPage, learnerAssessments, startAttempt, submitAttempt } from "../../app/models/assessment-taking.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { classroom, examSettings, HOUR, MINUTE, riverQuestions, seedEarth, T0 } from "../support/assessment-fixtures";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

async function setting(over: Parameters<typeof examSettings>[1] = {}) {
  const { riversId, peaksId } = await seedEarth(t.db);
  const room = await classroom(t.db);
  const created = await createAssessment(t.db, room.scope, room.cohort.id, examSettings(riversId, over), T0 - HOUR);
  if (!created?.ok) throw new Error(`assessment not created: ${JSON.stringify(created)}`);
  return { ...room, riversId, peaksId, assessmentId: created.assessmentId };
}

async function start(learnerId: string, assessmentId: string, now: number) {
  const result = await startAttempt(t.db, learnerId, assessmentId, now, time);
  if (result?.kind !== "started" && result?.kind !== "resumed") throw new Error(`not started: ${JSON.stringify(result)}`);
  return result.attemptId;
}

async function attemptRow(id: string) {
  const [row] = await t.db.select().from(attempts).where(eq(attempts.id, id));
  return row!;
}

async function formOf(attemptId: string) {
  return t.db.select().from(attemptQuestions).where(eq(attemptQuestions.attemptId, attemptId)).orderBy(attemptQuestions.position);
}

describe("setting up an assessment", () => {
  it("is created only in a cohort the instructor teaches, and only when its blueprint fits the learner-facing questions", async () => {
    const { riversId } = await seedEarth(t.db);
    const room = await classroom(t.db);
    const other = await classroom(t.db);
    expect(await createAssessment(t.db, other.scope, room.cohort.id, examSettings(riversId), T0)).toBeNull();
    const tooMany = await createAssessment(t.db, room.scope, room.cohort.id, examSettings(riversId, { blueprint: [{ lessonId: riversId, count: 7 }] }), T0 - HOUR);
    expect(tooMany).toEqual({ ok: false, errors: { blueprint: expect.stringContaining("has 6 questions of the allowed types") } });
    expect(await t.db.select().from(assessments)).toEqual([]);
    const created = await createAssessment(t.db, room.scope, room.cohort.id, examSettings(riversId), T0 - HOUR);
    expect(created).toEqual({ ok: true, assessmentId: expect.any(String) });
    expect(await listCohortAssessments(t.db, room.scope, room.cohort.id)).toEqual([
      expect.objectContaining({ title: "Rivers test", attemptsStarted: 0, attemptsFinished: 0 }),
    ]);
    expect(await listCohortAssessments(t.db, other.scope, room.cohort.id)).toBeNull();
  });

  it("once opened keeps its questions; other edits are logged and move the deadlines of attempts in progress", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0 + 5 * MINUTE);
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:35");
    const row = (await findAssessment(t.db, s.scope, s.cohort.id, s.assessmentId))!;
    const refused = await updateAssessment(t.db, s.scope, s.cohort.id, s.assessmentId, examSettings(s.riversId, { blueprint: [{ lessonId: s.riversId, count: 3 }] }), T0 + 10 * MINUTE);
    expect(refused).toEqual({ ok: false, errors: { blueprint: "Its questions are fixed once the assessment has opened; change them by a regrade." } });
    const edited = await updateAssessment(t.db, s.scope, s.cohort.id, s.assessmentId, { ...examSettings(s.riversId), title: "Rivers test (v2)", timeLimitMinutes: 40 }, T0 + 10 * MINUTE);
    expect(edited).toEqual({ ok: true, assessmentId: s.assessmentId });
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:45");
    const log = await t.db.select().from(assessmentEdits).where(eq(assessmentEdits.assessmentId, s.assessmentId));
    expect(log.map((e) => JSON.parse(e.changesJson))).toEqual([
      [
        { field: "title", from: "Rivers test", to: "Rivers test (v2)" },
        { field: "timeLimitMinutes", from: 30, to: 40 },
      ],
    ]);
    expect(row.frozenAt).toBe(T0 + 5 * MINUTE);
  });
});

describe("starting an attempt", () => {
  it("stores the server deadline, draws the form from questions frozen at opening, and never shows a key", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0 + 10 * MINUTE);
    const attempt = await attemptRow(attemptId);
    expect([attempt.status, attempt.number, time(attempt.deadline), attempt.limitMs]).toEqual(["open", 1, "09:40", 30 * MINUTE]);
    expect(await formOf(attemptId)).toHaveLength(4);
    // Frozen: the six learner-facing questions of the lesson.
    expect((await t.db.select().from(assessmentQuestions)).map((q) => q.questionId).sort()).toEqual(riverQuestions.map((q) => q.id).sort());
    // A later edit of the bank does not reach it.
    await t.db.update(questions).set({ answer: "Congo" }).where(eq(questions.id, "q-river-1"));
    const [frozen] = await t.db.select().from(assessmentQuestions).where(eq(assessmentQuestions.questionId, "q-river-1"));
    expect(frozen!.answer).toBe("Nile");

    const page = await attemptPage(t.db, s.ada.id, attemptId, T0 + 11 * MINUTE);
    expect(page).toMatchObject({ kind: "open", attempt: { secondsLeft: 29 * 60, limit: "30 min", lastSeq: 0 } });
    const served = JSON.stringify(page);
    for (const q of riverQuestions) {
      if (q.type === "multiple_choice" || q.type === "true_false") continue; // their key is one of the options shown
      expect(served).not.toContain(q.answer);
      expect(served).not.toContain(q.explanation);
      expect(served).not.toContain(q.source.sentence);
    }
    expect(await attemptPage(t.db, s.ben.id, attemptId, T0 + 11 * MINUTE)).toBeNull();
  });

  it("is refused before it opens, after it closes and beyond the attempts allowed, each with a clear message, creating nothing", async () => {
    const s = await setting();
    expect(await startAttempt(t.db, s.ada.id, s.assessmentId, T0 - MINUTE, time)).toEqual({
      kind: "refused",
      code: "not_open",
      message: "This assessment opens at 09:00; you can start it then.",
    });
    expect(await startAttempt(t.db, s.ada.id, s.assessmentId, T0 + 3 * HOUR, time)).toMatchObject({ kind: "refused", code: "closed" });
    expect(await startAttempt(t.db, s.outsider.id, s.assessmentId, T0 + MINUTE, time)).toBeNull();
    expect(await t.db.select().from(attempts)).toEqual([]);
    const first = await start(s.ada.id, s.assessmentId, T0 + MINUTE);
    await submitAttempt(t.db, s.ada.id, first, T0 + 2 * MINUTE);
    expect(await startAttempt(t.db, s.ada.id, s.assessmentId, T0 + 3 * MINUTE, time)).toMatchObject({
      kind: "refused",
      code: "no_attempts_left",
      message: "You have used your 1 attempt at this assessment; no more are allowed.",
    });
    expect(await t.db.select().from(attempts)).toHaveLength(1);
  });

  it("Start pressed twice at once, or again later, gives one attempt", async () => {
    const s = await setting({ attemptsAllowed: 3 });
    const both = await Promise.all([start(s.ada.id, s.assessmentId, T0 + MINUTE), start(s.ada.id, s.assessmentId, T0 + MINUTE)]);
    expect(both[0]).toBe(both[1]);
    expect(await startAttempt(t.db, s.ada.id, s.assessmentId, T0 + 2 * MINUTE, time)).toEqual({ kind: "resumed", attemptId: both[0] });
    // Another connection (another worker) too.
    const second = await openDatabase({ url: t.url });
    try {
      expect(await startAttempt(second, s.ada.id, s.assessmentId, T0 + 3 * MINUTE, time)).toEqual({ kind: "resumed", attemptId: both[0] });
    } finally {
      second.$client.close();
    }
    expect(await t.db.select().from(attempts)).toHaveLength(1);
  });

  it("learners get forms of their own, each asking the blueprint's number", async () => {
    const s = await setting();
    const a = await start(s.ada.id, s.assessmentId, T0 + MINUTE);
    const b = await start(s.ben.id, s.assessmentId, T0 + MINUTE);
    expect((await formOf(a)).length).toBe(4);
    expect((await formOf(b)).length).toBe(4);
    expect(await learnerAssessments(t.db, s.ada.id, T0 + 2 * MINUTE)).toEqual([
      expect.objectContaining({ id: s.assessmentId, openAttemptId: a, attemptsUsed: 1, limit: "30 min" }),
    ]);
    expect(await learnerAssessments(t.db, s.outsider.id, T0 + 2 * MINUTE)).toEqual([]);
  });
});

describe("accommodations", () => {
  it("a profile's extra time sets the deadline at start and shows as extended", async () => {
    const s = await setting();
    expect(await setCohortAccommodation(t.db, s.scope, s.cohort.id, s.ada.id, { extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: null }, T0 - MINUTE)).toEqual({ ok: true, attemptsMoved: 0 });
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    const attempt = await attemptRow(attemptId);
    expect(time(attempt.deadline)).toBe("09:45");
    expect(await attemptPage(t.db, s.ada.id, attemptId, T0)).toMatchObject({ attempt: { limit: "45 min, extended from 30", secondsLeft: 45 * 60 } });
    // Ben has none.
    expect(time((await attemptRow(await start(s.ben.id, s.assessmentId, T0))).deadline)).toBe("09:30");
  });

  it("changed mid-attempt, the deadline moves at once; the most generous of profile and override wins", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    await setCohortAccommodation(t.db, s.scope, s.cohort.id, s.ada.id, { extraTime: { kind: "minutes", minutes: 10 }, laterClose: null }, T0 + 5 * MINUTE);
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:40");
    const assessment = (await findAssessment(t.db, s.scope, s.cohort.id, s.assessmentId))!;
    await setAssessmentOverride(t.db, assessment, s.instructor.id, s.ada.id, { extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: null }, T0 + 6 * MINUTE);
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:45");
    // The override removed: back to the profile's.
    await setAssessmentOverride(t.db, assessment, s.instructor.id, s.ada.id, { extraTime: null, laterClose: null }, T0 + 7 * MINUTE);
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:40");
    expect(await learnerAssessmentPage(t.db, s.ada.id, s.assessmentId, T0 + 8 * MINUTE)).toMatchObject({ clock: { limit: "40 min, extended from 30" } });
  });

  it("refuses what is not a learner of the cohort or not a valid accommodation, changing nothing", async () => {
    const s = await setting();
    expect(await setCohortAccommodation(t.db, s.scope, s.cohort.id, s.outsider.id, { extraTime: { kind: "minutes", minutes: 10 }, laterClose: null }, T0)).toBeNull();
    const other = await classroom(t.db);
    expect(await setCohortAccommodation(t.db, other.scope, s.cohort.id, s.ada.id, { extraTime: { kind: "minutes", minutes: 10 }, laterClose: null }, T0)).toBeNull();
    expect(await setCohortAccommodation(t.db, s.scope, s.cohort.id, s.ada.id, { extraTime: { kind: "multiplier", factor: 0.5 }, laterClose: null }, T0)).toMatchObject({ ok: false });
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    expect(time((await attemptRow(attemptId)).deadline)).toBe("09:30");
  });
});

describe("saving answers", () => {
  async function sitting() {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    const form = await formOf(attemptId);
    return { ...s, attemptId, questionId: form[0]!.questionId, otherQuestionId: form[1]!.questionId };
  }

  it("counts a save, answers a repeat with the same result, keeps the newest against one arriving late", async () => {
    const s = await sitting();
    const save = (seq: number, response: string, now = T0 + MINUTE) => saveAnswer(t.db, s.ada.id, { attemptId: s.attemptId, questionId: s.questionId, seq, response }, now);
    expect(await save(1, "first")).toEqual({ kind: "saved", status: "counted", seq: 1, savedAt: T0 + MINUTE, secondsLeft: 29 * 60 });
    expect(await save(3, "third", T0 + 2 * MINUTE)).toMatchObject({ status: "counted", seq: 3 });
    expect(await save(2, "second", T0 + 3 * MINUTE)).toMatchObject({ kind: "saved", status: "superseded", seq: 3 });
    expect(await save(3, "third", T0 + 4 * MINUTE)).toMatchObject({ status: "duplicate", seq: 3, savedAt: T0 + 2 * MINUTE });
    expect(await save(4, "third", T0 + 5 * MINUTE)).toMatchObject({ status: "unchanged", seq: 4, savedAt: T0 + 2 * MINUTE });
    expect(await save(4, "forged", T0 + 5 * MINUTE)).toEqual({ kind: "conflict", seq: 4 });
    const rows = await t.db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, s.attemptId)).orderBy(attemptAnswers.seq);
    expect(rows.map((r) => [r.seq, r.response, r.counted])).toEqual([
      [1, "first", true],
      [4, "third", true],
    ]);
  });

  it("twenty saves of one question at once keep the highest number's answer", async () => {
    const s = await sitting();
    const seqs = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => 0.5 - Math.random());
    await Promise.all(seqs.map((seq) => saveAnswer(t.db, s.ada.id, { attemptId: s.attemptId, questionId: s.questionId, seq, response: `answer ${seq}` }, T0 + MINUTE)));
    const page = await attemptPage(t.db, s.ada.id, s.attemptId, T0 + 2 * MINUTE);
    expect(page?.kind === "open" && page.questions.find((q) => q.id === s.questionId)?.saved?.response).toBe("answer 20");
  });

  it("refuses another learner's attempt and a question not on the form, storing nothing", async () => {
    const s = await sitting();
    expect(await saveAnswer(t.db, s.ben.id, { attemptId: s.attemptId, questionId: s.questionId, seq: 1, response: "x" }, T0)).toEqual({ kind: "not_found" });
    // The form asks four of the lesson's six questions: one of the others, and a question of another lesson.
    const form = new Set((await formOf(s.attemptId)).map((q) => q.questionId));
    const offForm = riverQuestions.find((q) => !form.has(q.id))!.id;
    for (const questionId of [offForm, "q-peak-1"]) {
      expect(await saveAnswer(t.db, s.ada.id, { attemptId: s.attemptId, questionId, seq: 1, response: "x" }, T0)).toEqual({ kind: "not_on_form" });
    }
    expect(await saveAnswer(t.db, s.ada.id, { attemptId: "no-such", questionId: s.questionId, seq: 1, response: "x" }, T0)).toEqual({ kind: "not_found" });
    expect(await t.db.select().from(attemptAnswers)).toEqual([]);
  });

  it("within the grace counts; after it, the save finishes the attempt, is kept late and is never counted", async () => {
    const s = await sitting();
    const deadline = (await attemptRow(s.attemptId)).deadline;
    const save = (questionId: string, seq: number, response: string, now: number) => saveAnswer(t.db, s.ada.id, { attemptId: s.attemptId, questionId, seq, response }, now);
    expect(await save(s.questionId, 1, "in grace", deadline + GRACE_MS)).toMatchObject({ kind: "saved", status: "counted", secondsLeft: 0 });
    expect(await save(s.otherQuestionId, 2, "too late", deadline + GRACE_MS + 1)).toEqual({ kind: "late", seq: 2, savedAt: deadline + GRACE_MS + 1, finishedAt: deadline });
    const attempt = await attemptRow(s.attemptId);
    expect([attempt.status, attempt.finishedBy, attempt.finishedAt]).toEqual(["finished", "deadline", deadline]);
    expect((await t.db.select().from(attemptAnswers)).map((r) => [r.response, r.counted])).toEqual([
      ["in grace", true],
      ["too late", false],
    ]);
    // The late answer is listed for the instructor, not counted in the score.
    const results = await assessmentResults(t.db, s.scope, s.cohort.id, s.assessmentId, deadline + HOUR);
    const ada = results!.learners.find((l) => l.learner.id === s.ada.id)!;
    expect(ada.attempts[0]!.late).toEqual([{ prompt: expect.any(String), response: "too late", savedAt: deadline + GRACE_MS + 1 }]);
    expect(ada.attempts[0]!.answers.find((a) => a.response === "too late")).toBeUndefined();
    // Saves to a submitted attempt are late too.
    const ben = await start(s.ben.id, s.assessmentId, T0);
    await submitAttempt(t.db, s.ben.id, ben, T0 + MINUTE);
    const benQuestion = (await formOf(ben))[0]!.questionId;
    expect(await saveAnswer(t.db, s.ben.id, { attemptId: ben, questionId: benQuestion, seq: 1, response: "after submit" }, T0 + 2 * MINUTE)).toMatchObject({ kind: "late" });
  });

  it("a flag marks a question of the learner's open attempt only", async () => {
    const s = await sitting();
    expect(await flagQuestion(t.db, s.ben.id, s.attemptId, s.questionId, true)).toBe(false);
    expect(await flagQuestion(t.db, s.ada.id, s.attemptId, s.questionId, true)).toBe(true);
    const page = await attemptPage(t.db, s.ada.id, s.attemptId, T0 + MINUTE);
    expect(page?.kind === "open" && page.questions.filter((q) => q.flagged).map((q) => q.id)).toEqual([s.questionId]);
  });
});

describe("finishing", () => {
  /** Ada answers every question of her form right (from the frozen keys), the first one wrong. */
  async function answered(s: Awaited<ReturnType<typeof setting>>, attemptId: string, now: number) {
    const form = await formOf(attemptId);
    const keys = new Map((await t.db.select().from(assessmentQuestions)).map((q) => [q.questionId, q.answer]));
    let seq = 0;
    for (const [i, q] of form.entries()) {
      await saveAnswer(t.db, s.ada.id, { attemptId, questionId: q.questionId, seq: ++seq, response: i === 0 ? "wrong answer" : keys.get(q.questionId)! }, now);
    }
    return form;
  }

  it("the sweep finishes attempts whose deadline passed with no one watching, with the answers saved by then, once", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    await answered(s, attemptId, T0 + 5 * MINUTE);
    const deadline = (await attemptRow(attemptId)).deadline;
    expect(await finishExpiredAttempts(t.db, deadline + GRACE_MS)).toBe(0);
    // Two processes sweep at once after the grace: one finishes it.
    const second = await openDatabase({ url: t.url });
    try {
      const counts = await Promise.all([finishExpiredAttempts(t.db, deadline + GRACE_MS + 1), finishExpiredAttempts(second, deadline + GRACE_MS + 1)]);
      expect(counts.sort()).toEqual([0, 1]);
    } finally {
      second.$client.close();
    }
    const attempt = await attemptRow(attemptId);
    expect([attempt.status, attempt.finishedBy, attempt.finishedAt, attempt.scoreRight, attempt.scoreTotal, attempt.scorePercent, attempt.passed]).toEqual([
      "finished",
      "deadline",
      deadline,
      3,
      4,
      75,
      true,
    ]);
    expect(await finishAttempt(t.db, attemptId, deadline + HOUR, { submitted: true })).toEqual({ kind: "already_finished" });
  });

  it("the sweep started with a server finishes at once the attempts that expired while no server ran", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    await saveAnswer(t.db, s.ada.id, { attemptId, questionId: (await formOf(attemptId))[0]!.questionId, seq: 1, response: "kept" }, T0 + MINUTE);
    // The sweep runs on the real clock, long past the fixed one's deadline: its first pass, as it starts, finishes the attempt.
    const stop = startAttemptSweep(async () => t.db, 60_000);
    try {
      for (let i = 0; i < 100 && (await attemptRow(attemptId)).status === "open"; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    const attempt = await attemptRow(attemptId);
    expect([attempt.status, attempt.finishedBy, attempt.finishedAt]).toEqual(["finished", "deadline", attempt.deadline]);
  });

  it("counts each answer once as an FSRS review of the learner's card, created when they had none; a blank is no review", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    const form = await formOf(attemptId);
    await saveAnswer(t.db, s.ada.id, { attemptId, questionId: form[0]!.questionId, seq: 1, response: "wrong answer" }, T0 + MINUTE);
    const [key] = await t.db.select().from(assessmentQuestions).where(eq(assessmentQuestions.questionId, form[1]!.questionId));
    await saveAnswer(t.db, s.ada.id, { attemptId, questionId: form[1]!.questionId, seq: 2, response: key!.answer }, T0 + 2 * MINUTE);
    expect(await submitAttempt(t.db, s.ada.id, attemptId, T0 + 3 * MINUTE)).toEqual({ kind: "finished" });
    expect(await submitAttempt(t.db, s.ada.id, attemptId, T0 + 4 * MINUTE)).toEqual({ kind: "already_finished" });
    await finishExpiredAttempts(t.db, T0 + 2 * HOUR);
    const logs = await t.db.select().from(reviewLogs).where(eq(reviewLogs.userId, s.ada.id)).orderBy(reviewLogs.reviewedAt);
    expect(logs.map((l) => [l.showingId, l.rating, l.reviewedAt])).toEqual([
      [`attempt:${attemptId}:${form[0]!.questionId}`, 1, T0 + MINUTE],
      [`attempt:${attemptId}:${form[1]!.questionId}`, 3, T0 + 2 * MINUTE],
    ]);
    const adaCards = await t.db.select().from(cards).where(eq(cards.userId, s.ada.id));
    expect(adaCards.map((c) => [c.questionId, c.reps, c.lastReview]).sort()).toEqual(
      [
        [form[0]!.questionId, 1, T0 + MINUTE],
        [form[1]!.questionId, 1, T0 + 2 * MINUTE],
      ].sort(),
    );
    const verdicts = await t.db.select({ q: attemptQuestions.questionId, v: attemptQuestions.verdict }).from(attemptQuestions).where(eq(attemptQuestions.attemptId, attemptId));
    expect(verdicts.filter((v) => v.v === "unanswered")).toHaveLength(2);
  });

  it("a read after the deadline finishes the attempt: the page says finished, the learner sees what the review settings allow", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    await answered(s, attemptId, T0 + MINUTE);
    const after = T0 + 30 * MINUTE + GRACE_MS + 1;
    expect(await attemptPage(t.db, s.ada.id, attemptId, after)).toEqual({ kind: "finished", attemptId });
    // While the window is open for anyone: the score only, no answers, no keys.
    const during = await learnerResult(t.db, s.ada.id, attemptId, after);
    expect(during).toMatchObject({ kind: "finished", level: "score", moreAfterClose: true, score: { right: 3, total: 4, percent: 75, passed: true }, items: null });
    for (const q of riverQuestions) expect(JSON.stringify(during)).not.toContain(q.source.sentence);
    // Ben's later close (a profile) keeps the keys back until it too has passed.
    await setCohortAccommodation(t.db, s.scope, s.cohort.id, s.ben.id, { extraTime: null, laterClose: { kind: "after", minutes: 60 } }, after);
    expect(await learnerResult(t.db, s.ada.id, attemptId, T0 + 3 * HOUR + MINUTE)).toMatchObject({ level: "score" });
    const closed = await learnerResult(t.db, s.ada.id, attemptId, T0 + 4 * HOUR);
    expect(closed).toMatchObject({ level: "keys", moreAfterClose: false });
    expect(closed?.kind === "finished" && closed.items?.map((i) => i.verdict)).toEqual(["wrong", "correct", "correct", "correct"]);
    expect(closed?.kind === "finished" && closed.items?.every((i) => i.key && i.key.sourceSentence.length > 0)).toBe(true);
    expect(await learnerResult(t.db, s.ben.id, attemptId, T0 + 4 * HOUR)).toBeNull();
  });

  it("results list every learner with their score, and item analysis of the questions asked", async () => {
    const s = await setting();
    const attemptId = await start(s.ada.id, s.assessmentId, T0);
    await answered(s, attemptId, T0 + MINUTE);
    await submitAttempt(t.db, s.ada.id, attemptId, T0 + 2 * MINUTE);
    const results = await assessmentResults(t.db, s.scope, s.cohort.id, s.assessmentId, T0 + 3 * MINUTE);
    expect(results!.learners.map((l) => [l.learner.name, l.attempts.map((a) => a.score?.percent)])).toEqual([
      ["Ada", [75]],
      ["Ben", []],
    ]);
    expect(results!.items).toHaveLength(4);
    expect(results!.items.every((i) => i.asked === 1 && i.discrimination === null)).toBe(true);
    const other = await classroom(t.db);
    expect(await assessmentResults(t.db, other.scope, s.cohort.id, s.assessmentId, T0)).toBeNull();
    // The form asks four of the six; each answered row names its attempt's questions only.
    const rows = await t.db.select().from(attemptQuestions).where(and(eq(attemptQuestions.attemptId, attemptId)));
    expect(rows).toHaveLength(4);
  });
});
