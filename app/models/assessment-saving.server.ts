/**
 * Saving an attempt's answers, flagging its questions, and its clock for the
 * page's re-sync. Saving is the hot path of a sitting: one read batch and one
 * conditional write, plain SQL as the review path's (README: "The review path
 * is plain SQL in batches"). The write re-checks in SQL what the decision
 * assumed (the attempt still open and in time, no newer save of the
 * question), so a finish or a newer save landing between the read and the
 * write turns it into a no-op, and the save is decided again. What becomes of
 * each save is app/assessment/attempt.ts decideSave's to say.
 */
import type { ResultSet } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { attempts } from "../../db/schema";
import { decideSave } from "../assessment/attempt";
import { GRACE_MS, secondsLeft, withinGrace } from "../assessment/timing";
import { finishAttempt } from "./assessment-finish.server";
import { onAppDb } from "./cohort.server";

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

export const saveAnswerOnAppDb = onAppDb(saveAnswer);
export const saveFormAnswerOnAppDb = onAppDb(saveFormAnswer);
export const flagQuestionOnAppDb = onAppDb(flagQuestion);
export const attemptClockOnAppDb = onAppDb(attemptClock);
