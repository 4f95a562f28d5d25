/**
 * Taking an assessment, as a learner: what they may sit, starting an
 * attempt (its form drawn and its deadline fixed by the server), the attempt
 * page's data (questions without keys, seconds left, saved answers),
 * submitting. Saving answers is assessment-saving.server.ts. Every read
 * first finishes the learner's expired attempts (assessment-finish.server.ts).
 * Another learner's attempt answers as a missing one.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessmentQuestions, assessments, attemptQuestions, attempts, cohortMembers, cohorts, type Assessment } from "../../db/schema";
import { decideStart } from "../assessment/attempt";
import { drawForm, formOptions } from "../assessment/form";
import { attemptDeadline, cutByClose, describeLimit, secondsLeft, withinGrace } from "../assessment/timing";
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
  const last = await db.$client.execute({ sql: "SELECT coalesce(max(seq), 0) AS seq FROM attempt_answers WHERE attempt_id = ?", args: [attemptId] });
  return {
    kind: "open",
    attempt: {
      id: attempt.id,
      title: row.title,
      assessmentId: attempt.assessmentId,
      secondsLeft: secondsLeft(attempt.deadline, now),
      limit: describeLimit(attempt.limitMs, attempt.baseLimitMs),
      cutByClose: attempt.deadline < attempt.startedAt + attempt.limitMs,
      lastSeq: Number(last.rows[0]?.seq ?? 0),
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


export type SubmitResult = { kind: "finished" | "already_finished" } | null;

/** Submits the learner's attempt (null for anyone else's): finished and graded now, also within the grace after the deadline. */
export async function submitAttempt(db: Database, learnerId: string, attemptId: string, now: number): Promise<SubmitResult> {
  const [row] = await db.select({ id: attempts.id }).from(attempts).where(and(eq(attempts.id, attemptId), eq(attempts.userId, learnerId)));
  if (!row) return null;
  const decision = await finishAttempt(db, attemptId, now, { submitted: true });
  return { kind: decision.kind === "finish" ? "finished" : "already_finished" };
}

export const learnerAssessmentsOnAppDb = onAppDb(learnerAssessments);
export const learnerAssessmentPageOnAppDb = onAppDb(learnerAssessmentPage);
export const startAttemptOnAppDb = onAppDb(startAttempt);
export const attemptPageOnAppDb = onAppDb(attemptPage);
export const submitAttemptOnAppDb = onAppDb(submitAttempt);
