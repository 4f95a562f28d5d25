/**
 * Taking an assessment, as a learner: what they may sit, starting an
 * attempt (its form drawn and its deadline fixed by the server), the attempt
 * page's data (questions without keys, seconds left, saved answers), saving
 * an answer, flagging, submitting. Every read first finishes the learner's
 * expired attempts (assessment-finish.server.ts). Another learner's attempt
 * answers as a missing one.
 *
 * Saving is the hot path of a sitting: one read batch and one conditional
 * write, plain SQL as the review path's (README: "The review path is plain
 * SQL in batches"). The write re-checks in SQL what the decision assumed
 * (the attempt still open and in time, no newer save of the question), so a
 * finish or a newer save landing between the read and the write turns it
 * into a no-op, and the save is decided again.
 */
import { randomUUID } from "node:crypto";
import type { ResultSet } from "@libsql/client";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessmentQuestions, assessments, attemptQuestions, attempts, cohortMembers, cohorts, type Assessment } from "../../db/schema";
import { decideSave, decideStart, type SaveDecision } from "../assessment/attempt";
import { drawForm, formOptions } from "../assessment/form";
import { attemptDeadline, cutByClose, describeLimit, GRACE_MS, secondsLeft, withinGrace, type LearnerClock } from "../assessment/timing";
import { seededRandom } from "../learning/random";
import { bankQuestions } from "./assessment-bank.server";
import { learnerClocks } from "./assessment-accommodations.server";
import { countedAnswers, finishAttempt, finishExpiredAttempts } from "./assessment-finish.server";
import { freezeQuestions, frozenQuestions, settingsOf } from "./assessment-setup.server";
import { onAppDb } from "./cohort.server";

/** The assessment, if the learner is in its cohort; null otherwise (as if it did not exist). */
async function assessmentForLearner(db: Database, learnerId: string, assessmentId: string) {
  const [row] = await db
    .select({ assessment: assessments, cohortName: cohorts.name })
    .from(assessments)
    .innerJoin(cohorts, eq(cohorts.id, assessments.cohortId))
    .innerJoin(cohortMembers, and(eq(cohortMembers.cohortId, assessments.cohortId), eq(cohortMembers.userId, learnerId)))
    .where(eq(assessments.id, assessmentId));
  return row ?? null;
}

export interface LearnerAssessmentSummary {
  id: string;
  title: string;
  cohortName: string;
  opensAt: number;
  /** The learner's own close. */
  closeAt: number;
  /** "45 min, extended from 30". */
  limit: string;
  attemptsUsed: number;
  attemptsAllowed: number;
  openAttemptId: string | null;
}

/**
 * What the learner may still sit, in every cohort of theirs: assessments
 * not yet closed for them with an attempt left or one in progress,
 * soonest closing first (the home page's list).
 */
export async function learnerAssessments(db: Database, learnerId: string, now: number): Promise<LearnerAssessmentSummary[]> {
  await finishExpiredAttempts(db, now, { userId: learnerId });
  const rows = await db
    .select({ assessment: assessments, cohortName: cohorts.name })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(assessments, eq(assessments.cohortId, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, learnerId));
  if (rows.length === 0) return [];
  const mine = await db
    .select({ id: attempts.id, assessmentId: attempts.assessmentId, status: attempts.status })
    .from(attempts)
    .where(and(eq(attempts.userId, learnerId), inArray(attempts.assessmentId, rows.map((r) => r.assessment.id))));
  const summaries: LearnerAssessmentSummary[] = [];
  for (const { assessment, cohortName } of rows) {
    const clock = (await learnerClocks(db, assessment, [learnerId])).get(learnerId)!;
    const used = mine.filter((a) => a.assessmentId === assessment.id);
    const open = used.find((a) => a.status === "open")?.id ?? null;
    if (!open && (now >= clock.closeAt || used.length >= assessment.attemptsAllowed)) continue;
    summaries.push({
      id: assessment.id,
      title: assessment.title,
      cohortName,
      opensAt: assessment.opensAt,
      closeAt: clock.closeAt,
      limit: describeLimit(clock.limitMs, clock.baseLimitMs),
      attemptsUsed: used.length,
      attemptsAllowed: assessment.attemptsAllowed,
      openAttemptId: open,
    });
  }
  return summaries.sort((a, b) => a.closeAt - b.closeAt);
}

export interface PastAttempt {
  id: string;
  number: number;
  status: "open" | "finished";
  startedAt: number;
  finishedAt: number | null;
  finishedBy: "submit" | "deadline" | null;
}

/** The assessment's page for a learner of its cohort: its window and clock for them, and their attempts. Null otherwise. */
export async function learnerAssessmentPage(db: Database, learnerId: string, assessmentId: string, now: number) {
  const found = await assessmentForLearner(db, learnerId, assessmentId);
  if (!found) return null;
  await finishExpiredAttempts(db, now, { userId: learnerId, assessmentId });
  const { assessment } = found;
  const clock = (await learnerClocks(db, assessment, [learnerId])).get(learnerId)!;
  const past: PastAttempt[] = await db
    .select({
      id: attempts.id,
      number: attempts.number,
      status: attempts.status,
      startedAt: attempts.startedAt,
      finishedAt: attempts.finishedAt,
      finishedBy: attempts.finishedBy,
    })
    .from(attempts)
    .where(and(eq(attempts.assessmentId, assessmentId), eq(attempts.userId, learnerId)))
    .orderBy(asc(attempts.number));
  const questionCount = settingsOf(assessment).blueprint.reduce((n, e) => n + e.count, 0);
  return {
    assessment: { id: assessment.id, title: assessment.title, cohortName: found.cohortName, opensAt: assessment.opensAt, attemptsAllowed: assessment.attemptsAllowed, questionCount },
    clock: { limit: describeLimit(clock.limitMs, clock.baseLimitMs), closeAt: clock.closeAt, limitMs: clock.limitMs },
    /** Starting now would leave less than the limit: the page says so before Start. */
    cutShortIfStartedNow: now >= assessment.opensAt && now < clock.closeAt && cutByClose(now, clock),
    attempts: past,
  };
}

export type StartResult =
  | { kind: "started" | "resumed"; attemptId: string }
  | { kind: "refused"; code: "not_open" | "closed" | "no_attempts_left" | "no_questions"; message: string };

const NO_QUESTIONS: StartResult = {
  kind: "refused",
  code: "no_questions",
  message: "This assessment has no questions to ask; tell your instructor.",
};

/**
 * Starts an attempt, or resumes the one in progress. One write transaction:
 * the count of attempts, the frozen questions and the new attempt with its
 * form are read and written under the write lock, so two Start presses
 * (another tab, another worker) make one attempt. Null when the learner is
 * not in the assessment's cohort.
 */
export async function startAttempt(
  db: Database,
  learnerId: string,
  assessmentId: string,
  now: number,
  formatTime: (ms: number) => string,
  attemptId: string = randomUUID(),
): Promise<StartResult | null> {
  const found = await assessmentForLearner(db, learnerId, assessmentId);
  if (!found) return null;
  await finishExpiredAttempts(db, now, { userId: learnerId, assessmentId });
  // The bank as it stands, read before the write lock is taken; used only if this start is the one that opens it.
  const bank = found.assessment.frozenAt === null && now >= found.assessment.opensAt ? await bankQuestions(db, settingsOf(found.assessment).blueprint.map((e) => e.lessonId)) : [];
  return db.transaction(async (tx): Promise<StartResult> => {
    const [assessment] = await tx.select().from(assessments).where(eq(assessments.id, assessmentId));
    const clock = (await learnerClocks(tx, assessment!, [learnerId])).get(learnerId)!;
    const mine = await tx
      .select({ id: attempts.id, status: attempts.status })
      .from(attempts)
      .where(and(eq(attempts.assessmentId, assessmentId), eq(attempts.userId, learnerId)));
    const decision = decideStart(
      {
        opensAt: assessment!.opensAt,
        closeAt: clock.closeAt,
        attemptsAllowed: assessment!.attemptsAllowed,
        attemptsUsed: mine.length,
        openAttemptId: mine.find((a) => a.status === "open")?.id ?? null,
      },
      now,
      formatTime,
    );
    if (decision.kind === "refused") return decision;
    if (decision.kind === "resume") return { kind: "resumed", attemptId: decision.attemptId };
    if (assessment!.frozenAt === null) {
      // This start opens it. Its bank was read before the lock (frozenAt was null then too, and it has opened).
      if (bank.length === 0) return NO_QUESTIONS;
      await freezeQuestions(tx, assessment!, bank, now);
    }
    const form = await drawFormFor(tx, assessment!, attemptId);
    if (form.length === 0) return NO_QUESTIONS;
    await tx.insert(attempts).values({
      id: attemptId,
      assessmentId,
      userId: learnerId,
      number: decision.number,
      status: "open",
      startedAt: now,
      deadline: attemptDeadline(now, clock),
      limitMs: clock.limitMs,
      baseLimitMs: clock.baseLimitMs,
    });
    await tx.insert(attemptQuestions).values(form.map((q, position) => ({ attemptId, position, questionId: q.id, optionsJson: q.options ? JSON.stringify(q.options) : null })));
    return { kind: "started", attemptId };
  });
}

async function drawFormFor(tx: Parameters<typeof frozenQuestions>[0], assessment: Assessment, attemptId: string) {
  const settings = settingsOf(assessment);
  const pool = await frozenQuestions(tx, assessment.id);
  const byId = new Map(pool.map((q) => [q.id, q]));
  const ids = drawForm(settings.blueprint, pool, settings.allowedTypes, seededRandom(`form:${attemptId}`));
  return ids.map((id) => ({ id, options: formOptions(byId.get(id)!, settings.shuffleOptions, `${attemptId}:${id}`) }));
}

/** A question as the attempt page shows it: never its key, accepted answers, source or explanation. */
export interface AttemptQuestionView {
  id: string;
  position: number;
  type: (typeof assessmentQuestions.$inferSelect)["type"];
  prompt: string;
  options: string[] | null;
  unit: string | null;
  flagged: boolean;
  saved: { response: string; savedAt: number } | null;
}

export type AttemptPage =
  | { kind: "finished"; attemptId: string }
  | {
      kind: "open";
      attempt: { id: string; title: string; assessmentId: string; secondsLeft: number; limit: string; cutByClose: boolean; lastSeq: number };
      questions: AttemptQuestionView[];
    };

/** The attempt page's data for its learner (null for anyone else): seconds left, never a clock time; no keys. */
export async function attemptPage(db: Database, learnerId: string, attemptId: string, now: number): Promise<AttemptPage | null> {
  const [row] = await db
    .select({ attempt: attempts, title: assessments.title, closesAt: assessments.closesAt })
    .from(attempts)
    .innerJoin(assessments, eq(assessments.id, attempts.assessmentId))
    .where(and(eq(attempts.id, attemptId), eq(attempts.userId, learnerId)));
  if (!row) return null;
  let { attempt } = row;
  if (attempt.status === "open" && !withinGrace(attempt.deadline, now)) {
    await finishAttempt(db, attemptId, now, { submitted: false });
    return { kind: "finished", attemptId };
  }
  if (attempt.status === "finished") return { kind: "finished", attemptId };
  const [form, answers] = await Promise.all([
    db
      .select({
        id: attemptQuestions.questionId,
        position: attemptQuestions.position,
        optionsJson: attemptQuestions.optionsJson,
        flagged: attemptQuestions.flagged,
        type: assessmentQuestions.type,
        prompt: assessmentQuestions.prompt,
        numericJson: assessmentQuestions.numericJson,
      })
      .from(attemptQuestions)
      .innerJoin(
        assessmentQuestions,
        and(eq(assessmentQuestions.assessmentId, attempt.assessmentId), eq(assessmentQuestions.questionId, attemptQuestions.questionId)),
      )
      .where(eq(attemptQuestions.attemptId, attemptId))
      .orderBy(asc(attemptQuestions.position)),
    countedAnswers(db, attemptId),
  ]);
  const [last] = await db.$client.execute({ sql: "SELECT coalesce(max(seq), 0) AS seq FROM attempt_answers WHERE attempt_id = ?", args: [attemptId] }).then(rowsOf<{ seq: number }>);
  return {
    kind: "open",
    attempt: {
      id: attempt.id,
      title: row.title,
      assessmentId: attempt.assessmentId,
      secondsLeft: secondsLeft(attempt.deadline, now),
      limit: describeLimit(attempt.limitMs, attempt.baseLimitMs),
      cutByClose: attempt.deadline < attempt.startedAt + attempt.limitMs,
      lastSeq: Number(last?.seq ?? 0),
    },
    questions: form.map((q) => {
      const saved = answers.get(q.id);
      return {
        id: q.id,
        position: q.position,
        type: q.type,
        prompt: q.prompt,
        options: q.optionsJson ? (JSON.parse(q.optionsJson) as string[]) : null,
        // The unit only: the number is the key.
        unit: q.numericJson ? ((JSON.parse(q.numericJson) as { unit: string | null }).unit ?? null) : null,
        flagged: q.flagged,
        saved: saved ? { response: saved.response, savedAt: saved.savedAt } : null,
      };
    }),
  };
}

function rowsOf<T>(result: ResultSet): T[] {
  return result.rows as unknown as T[];
}

export interface SaveRequest {
  attemptId: string;
  questionId: string;
  seq: number;
  response: string;
}

export type SaveResult =
  | { kind: "not_found" }
  | { kind: "not_on_form" }
  | { kind: "saved"; status: "counted" | "unchanged" | "duplicate" | "superseded"; seq: number; savedAt: number; secondsLeft: number }
  | { kind: "late"; seq: number; savedAt: number; finishedAt: number | null }
  | { kind: "conflict"; seq: number };

/** The attempt (only the learner's), whether the question is on its form, the save of this number, the question's latest counted save. */
const SAVE_CONTEXT_SQL = [
  "SELECT status, deadline, finished_at AS finishedAt FROM attempts WHERE id = ?1 AND user_id = ?2",
  "SELECT 1 AS onForm FROM attempt_questions WHERE attempt_id = ?1 AND question_id = ?2",
  "SELECT response, saved_at AS savedAt, counted FROM attempt_answers WHERE attempt_id = ?1 AND question_id = ?2 AND seq = ?3",
  "SELECT seq, response, saved_at AS savedAt FROM attempt_answers WHERE attempt_id = ?1 AND question_id = ?2 AND counted = 1 ORDER BY seq DESC LIMIT 1",
];

/** Still open and within the grace (?2: the earliest deadline still in time), and no newer counted save of the question (?3, ?4). */
const IN_TIME_AND_NEWEST = `EXISTS (SELECT 1 FROM attempts WHERE id = ?1 AND status = 'open' AND deadline >= ?2)
  AND NOT EXISTS (SELECT 1 FROM attempt_answers WHERE attempt_id = ?1 AND question_id = ?3 AND counted = 1 AND seq > ?4)`;

/**
 * Saves one answer (see app/assessment/attempt.ts decideSave for what
 * becomes of it). An attempt found past its deadline and grace is finished
 * first, so the save is late against the finished attempt.
 */
export async function saveAnswer(db: Database, learnerId: string, save: SaveRequest, now: number, tries = 3): Promise<SaveResult> {
  const [attemptRows, formRows, sameRows, latestRows] = await db.$client.batch(
    [
      { sql: SAVE_CONTEXT_SQL[0]!, args: [save.attemptId, learnerId] },
      { sql: SAVE_CONTEXT_SQL[1]!, args: [save.attemptId, save.questionId] },
      { sql: SAVE_CONTEXT_SQL[2]!, args: [save.attemptId, save.questionId, save.seq] },
      { sql: SAVE_CONTEXT_SQL[3]!, args: [save.attemptId, save.questionId] },
    ],
    "read",
  );
  const [attempt] = rowsOf<{ status: "open" | "finished"; deadline: number; finishedAt: number | null }>(attemptRows!);
  if (!attempt) return { kind: "not_found" };
  if (rowsOf(formRows!).length === 0) return { kind: "not_on_form" };
  if (attempt.status === "open" && !withinGrace(attempt.deadline, now)) {
    await finishAttempt(db, save.attemptId, now, { submitted: false });
    return saveAnswer(db, learnerId, save, now, tries);
  }
  const [same] = rowsOf<{ response: string; savedAt: number; counted: number }>(sameRows!);
  const [latest] = rowsOf<{ seq: number; response: string; savedAt: number }>(latestRows!);
  const decision = decideSave({ status: attempt.status, deadline: attempt.deadline, sameSeq: same ?? null, latest: latest ?? null }, save, now);
  const left = secondsLeft(attempt.deadline, now);
  const saved = (status: Extract<SaveResult, { kind: "saved" }>["status"], seq: number, savedAt: number): SaveResult => ({ kind: "saved", status, seq, savedAt, secondsLeft: left });
  switch (decision.kind) {
    case "duplicate":
      return same!.counted ? saved("duplicate", save.seq, same!.savedAt) : { kind: "late", seq: save.seq, savedAt: same!.savedAt, finishedAt: attempt.finishedAt };
    case "conflict":
      return { kind: "conflict", seq: save.seq };
    case "superseded":
      return saved("superseded", decision.latestSeq, latest!.savedAt);
    case "late": {
      const kept = await db.$client.execute({
        sql: `INSERT INTO attempt_answers (attempt_id, question_id, seq, response, saved_at, counted) VALUES (?, ?, ?, ?, ?, 0)
              ON CONFLICT (attempt_id, question_id, seq) DO NOTHING`,
        args: [save.attemptId, save.questionId, save.seq, save.response, now],
      });
      if (kept.rowsAffected === 1) return { kind: "late", seq: save.seq, savedAt: now, finishedAt: attempt.finishedAt };
      break;
    }
    case "unchanged": {
      const raised = await db.$client.execute({
        sql: `UPDATE attempt_answers SET seq = ?5 WHERE attempt_id = ?1 AND question_id = ?3 AND counted = 1 AND seq = ?4 AND ${IN_TIME_AND_NEWEST}`,
        args: [save.attemptId, now - GRACE_MS, save.questionId, latest!.seq, save.seq],
      });
      if (raised.rowsAffected === 1) return saved("unchanged", save.seq, latest!.savedAt);
      break;
    }
    case "counted": {
      const inserted = await db.$client.execute({
        sql: `INSERT INTO attempt_answers (attempt_id, question_id, seq, response, saved_at, counted)
              SELECT ?1, ?3, ?4, ?5, ?6, 1 WHERE ${IN_TIME_AND_NEWEST}
              ON CONFLICT (attempt_id, question_id, seq) DO NOTHING`,
        args: [save.attemptId, now - GRACE_MS, save.questionId, save.seq, save.response, now],
      });
      if (inserted.rowsAffected === 1) return saved("counted", save.seq, now);
      break;
    }
  }
  // Something landed between the read and the write (a finish, a newer or the same save): decide again.
  if (tries <= 1) throw new Error(`Saving answer ${save.seq} of attempt ${save.attemptId} kept racing; giving up.`);
  return saveAnswer(db, learnerId, save, now, tries - 1);
}

/**
 * An answer posted by a page without JavaScript: numbered by the server
 * (after every save the attempt holds), with the position of the question
 * on the form for the page to return to. Null position: not on the form.
 */
export async function saveFormAnswer(db: Database, learnerId: string, save: Omit<SaveRequest, "seq">, now: number) {
  const [row] = rowsOf<{ seq: number; position: number | null }>(
    await db.$client.execute({
      sql: `SELECT coalesce((SELECT max(seq) FROM attempt_answers WHERE attempt_id = ?1), 0) AS seq,
                   (SELECT position FROM attempt_questions WHERE attempt_id = ?1 AND question_id = ?2) AS position`,
      args: [save.attemptId, save.questionId],
    }),
  );
  const result = await saveAnswer(db, learnerId, { ...save, seq: Number(row?.seq ?? 0) + 1 }, now);
  return { result, position: row?.position ?? null };
}

/** Marks a question of an open attempt for review, or unmarks it; false when there is no such open attempt or question. */
export async function flagQuestion(db: Database, learnerId: string, attemptId: string, questionId: string, flagged: boolean): Promise<boolean> {
  const result = await db.$client.execute({
    sql: `UPDATE attempt_questions SET flagged = ? WHERE attempt_id = ? AND question_id = ?
          AND EXISTS (SELECT 1 FROM attempts WHERE id = ? AND user_id = ? AND status = 'open')`,
    args: [flagged ? 1 : 0, attemptId, questionId, attemptId, learnerId],
  });
  return result.rowsAffected === 1;
}

export type SubmitResult = { kind: "finished" | "already_finished" } | null;

/** Submits the learner's attempt (null for anyone else's): finished and graded now, also within the grace after the deadline. */
export async function submitAttempt(db: Database, learnerId: string, attemptId: string, now: number): Promise<SubmitResult> {
  const [row] = await db.select({ id: attempts.id }).from(attempts).where(and(eq(attempts.id, attemptId), eq(attempts.userId, learnerId)));
  if (!row) return null;
  const decision = await finishAttempt(db, attemptId, now, { submitted: true });
  return { kind: decision.kind === "finish" ? "finished" : "already_finished" };
}

/** For the save endpoint's GET: where the attempt stands (the page re-syncs its countdown from it). */
export async function attemptClock(db: Database, learnerId: string, attemptId: string, now: number) {
  const [row] = await db
    .select({ status: attempts.status, deadline: attempts.deadline })
    .from(attempts)
    .where(and(eq(attempts.id, attemptId), eq(attempts.userId, learnerId)));
  if (!row) return null;
  if (row.status === "open" && !withinGrace(row.deadline, now)) {
    await finishAttempt(db, attemptId, now, { submitted: false });
    return { status: "finished" as const, secondsLeft: 0 };
  }
  return { status: row.status, secondsLeft: row.status === "open" ? secondsLeft(row.deadline, now) : 0 };
}

export type { LearnerClock, SaveDecision };

export const learnerAssessmentsOnAppDb = onAppDb(learnerAssessments);
export const learnerAssessmentPageOnAppDb = onAppDb(learnerAssessmentPage);
export const startAttemptOnAppDb = onAppDb(startAttempt);
export const attemptPageOnAppDb = onAppDb(attemptPage);
export const saveAnswerOnAppDb = onAppDb(saveAnswer);
export const saveFormAnswerOnAppDb = onAppDb(saveFormAnswer);
export const flagQuestionOnAppDb = onAppDb(flagQuestion);
export const submitAttemptOnAppDb = onAppDb(submitAttempt);
export const attemptClockOnAppDb = onAppDb(attemptClock);
