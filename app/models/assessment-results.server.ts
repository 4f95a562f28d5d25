/**
 * Results: a learner's finished attempt as the review settings let them see
 * it (never a key before they allow), and an assessment's results for its
 * instructors: each learner's attempts and scores, every answer kept (late
 * ones as "late, not counted"), and item analysis of its questions. Reads
 * finish expired attempts first, so a result is never shown of an attempt
 * still waiting for the sweep.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  assessmentOverrides,
  assessmentQuestions,
  assessments,
  attemptAnswers,
  attemptQuestions,
  attempts,
  cohortAccommodations,
  type Assessment,
} from "../../db/schema";
import type { FinishedBy } from "../assessment/attempt";
import { itemAnalysis, type ItemStatistics, type ItemVerdict } from "../assessment/grading";
import { REVIEW_LEVELS, reviewLevelNow, reviewShows, type ReviewLevel } from "../assessment/settings";
import { describeLimit, GRACE_MS, type Accommodation } from "../assessment/timing";
import { cohortLearners, learnerClocks, overrideAccommodation, profileAccommodation } from "./assessment-accommodations.server";
import { finishExpiredAttempts } from "./assessment-finish.server";
import { findAssessment } from "./assessment-setup.server";
import { onAppDb, type CohortScope } from "./cohort.server";

const MINUTE = 60_000;

/**
 * Whether the window has closed for every learner: past the latest close any
 * accommodation gives, and no attempt still open (or in its grace). Until
 * then keys shown to one learner could reach one still sitting it.
 */
async function closedForEveryone(db: Database, assessment: Assessment, now: number): Promise<boolean> {
  const [row] = await db
    .select({
      laterMinutes: sql<number | null>`(SELECT max(${cohortAccommodations.laterCloseMinutes}) FROM ${cohortAccommodations} WHERE ${cohortAccommodations.cohortId} = ${assessment.cohortId})`,
      laterAt: sql<number | null>`(SELECT max(${assessmentOverrides.laterCloseAt}) FROM ${assessmentOverrides} WHERE ${assessmentOverrides.assessmentId} = ${assessment.id})`,
      openUntil: sql<number | null>`(SELECT max(${attempts.deadline}) FROM ${attempts} WHERE ${attempts.assessmentId} = ${assessment.id} AND ${attempts.status} = 'open')`,
    })
    .from(assessments)
    .where(eq(assessments.id, assessment.id));
  const latestClose = Math.max(assessment.closesAt, assessment.closesAt + Number(row?.laterMinutes ?? 0) * MINUTE, Number(row?.laterAt ?? 0));
  const openUntil = row?.openUntil == null ? 0 : Number(row.openUntil) + GRACE_MS;
  return now >= latestClose && now >= openUntil;
}

export interface ReviewedItem {
  position: number;
  prompt: string;
  options: string[] | null;
  response: string | null;
  verdict: ItemVerdict;
  /** Only when the review level shows keys. */
  key?: { answer: string; sourceSentence: string };
}

export type LearnerResult =
  | { kind: "open"; attemptId: string }
  | {
      kind: "finished";
      attempt: { id: string; number: number; title: string; assessmentId: string; finishedAt: number; finishedBy: FinishedBy };
      level: ReviewLevel;
      /** When the after-close level will apply, if it shows more: "more after the window closes". */
      moreAfterClose: boolean;
      score: { right: number; total: number; percent: number; passed: boolean; passMarkPercent: number } | null;
      items: ReviewedItem[] | null;
    };

/** A learner's attempt (null for anyone else's) with only what the review level in force shows. */
export async function learnerResult(db: Database, learnerId: string, attemptId: string, now: number): Promise<LearnerResult | null> {
  await finishExpiredAttempts(db, now, { userId: learnerId });
  const [row] = await db
    .select({ attempt: attempts, assessment: assessments })
    .from(attempts)
    .innerJoin(assessments, eq(assessments.id, attempts.assessmentId))
    .where(and(eq(attempts.id, attemptId), eq(attempts.userId, learnerId)));
  if (!row) return null;
  const { attempt, assessment } = row;
  if (attempt.status === "open") return { kind: "open", attemptId };
  const closed = await closedForEveryone(db, assessment, now);
  const level = reviewLevelNow(assessment, closed);
  const shows = reviewShows(level);
  const result: LearnerResult = {
    kind: "finished",
    attempt: { id: attempt.id, number: attempt.number, title: assessment.title, assessmentId: assessment.id, finishedAt: attempt.finishedAt!, finishedBy: attempt.finishedBy! },
    level,
    moreAfterClose: !closed && REVIEW_LEVELS.indexOf(assessment.reviewAfterClose) > REVIEW_LEVELS.indexOf(level),
    score: shows.score
      ? { right: attempt.scoreRight ?? 0, total: attempt.scoreTotal ?? 0, percent: attempt.scorePercent ?? 0, passed: attempt.passed ?? false, passMarkPercent: assessment.passMarkPercent }
      : null,
    items: null,
  };
  if (!shows.answers) return result;
  const [form, answers] = await Promise.all([
    db
      .select({
        questionId: attemptQuestions.questionId,
        position: attemptQuestions.position,
        optionsJson: attemptQuestions.optionsJson,
        verdict: attemptQuestions.verdict,
        prompt: assessmentQuestions.prompt,
        answer: assessmentQuestions.answer,
        sourceSentence: assessmentQuestions.sourceSentence,
      })
      .from(attemptQuestions)
      .innerJoin(assessmentQuestions, and(eq(assessmentQuestions.assessmentId, assessment.id), eq(assessmentQuestions.questionId, attemptQuestions.questionId)))
      .where(eq(attemptQuestions.attemptId, attemptId))
      .orderBy(asc(attemptQuestions.position)),
    latestCounted(db, [attemptId]),
  ]);
  result.items = form.map((q) => ({
    position: q.position,
    prompt: q.prompt,
    options: q.optionsJson ? (JSON.parse(q.optionsJson) as string[]) : null,
    response: answers.get(`${attemptId} ${q.questionId}`)?.response ?? null,
    verdict: q.verdict ?? "unanswered",
    ...(shows.keys ? { key: { answer: q.answer, sourceSentence: q.sourceSentence } } : {}),
  }));
  return result;
}

/** The counted answer of each question of these attempts, keyed "attemptId questionId". */
async function latestCounted(db: Database, attemptIds: readonly string[]) {
  const rows = attemptIds.length
    ? await db
        .select({ attemptId: attemptAnswers.attemptId, questionId: attemptAnswers.questionId, seq: attemptAnswers.seq, response: attemptAnswers.response, savedAt: attemptAnswers.savedAt })
        .from(attemptAnswers)
        .where(and(inArray(attemptAnswers.attemptId, [...attemptIds]), eq(attemptAnswers.counted, true)))
    : [];
  const latest = new Map<string, { seq: number; response: string; savedAt: number }>();
  for (const r of rows) {
    const key = `${r.attemptId} ${r.questionId}`;
    if ((latest.get(key)?.seq ?? -1) < r.seq) latest.set(key, r);
  }
  return latest;
}

export interface InstructorAnswer {
  position: number;
  prompt: string;
  response: string | null;
  savedAt: number | null;
  verdict: ItemVerdict | null;
}

export interface InstructorAttempt {
  id: string;
  number: number;
  status: "open" | "finished";
  startedAt: number;
  deadline: number;
  limit: string;
  finishedAt: number | null;
  finishedBy: FinishedBy | null;
  score: { right: number; total: number; percent: number; passed: boolean } | null;
  answers: InstructorAnswer[];
  /** Kept, never counted: arrived after the deadline's grace or after the attempt finished. */
  late: { prompt: string; response: string; savedAt: number }[];
}

export interface LearnerResultsRow {
  learner: { id: string; name: string; email: string };
  accommodation: { profile: Accommodation | null; override: Accommodation | null; limit: string; closeAt: number };
  attempts: InstructorAttempt[];
}

export interface AssessmentResults {
  learners: LearnerResultsRow[];
  items: (ItemStatistics & { prompt: string })[];
}

/**
 * Every learner of the cohort with their attempts, answers and late answers,
 * and item analysis over the finished attempts; null when the scope does not
 * reach the assessment. A fixed number of queries, whatever the number of learners.
 */
export async function assessmentResults(db: Database, scope: CohortScope, cohortId: string, assessmentId: string, now: number): Promise<AssessmentResults | null> {
  const assessment = await findAssessment(db, scope, cohortId, assessmentId);
  if (!assessment) return null;
  await finishExpiredAttempts(db, now, { assessmentId });
  const learnerRows = await cohortLearners(db, cohortId);
  const [attemptRows, formRows, answerRows, profiles, overrides, clocks] = await Promise.all([
    db.select().from(attempts).where(eq(attempts.assessmentId, assessmentId)).orderBy(asc(attempts.number)),
    db
      .select({ attemptId: attemptQuestions.attemptId, questionId: attemptQuestions.questionId, position: attemptQuestions.position, verdict: attemptQuestions.verdict })
      .from(attemptQuestions)
      .innerJoin(attempts, eq(attempts.id, attemptQuestions.attemptId))
      .where(eq(attempts.assessmentId, assessmentId)),
    db
      .select({ answer: attemptAnswers })
      .from(attemptAnswers)
      .innerJoin(attempts, eq(attempts.id, attemptAnswers.attemptId))
      .where(eq(attempts.assessmentId, assessmentId)),
    db.select().from(cohortAccommodations).where(eq(cohortAccommodations.cohortId, cohortId)),
    db.select().from(assessmentOverrides).where(eq(assessmentOverrides.assessmentId, assessmentId)),
    learnerClocks(db, assessment, learnerRows.map((l) => l.id)),
  ]);
  const promptRows = await db
    .select({ questionId: assessmentQuestions.questionId, prompt: assessmentQuestions.prompt })
    .from(assessmentQuestions)
    .where(eq(assessmentQuestions.assessmentId, assessmentId));
  const promptOf = new Map(promptRows.map((p) => [p.questionId, p.prompt]));
  const latest = new Map<string, (typeof answerRows)[number]["answer"]>();
  const lateOf = new Map<string, InstructorAttempt["late"]>();
  for (const { answer: a } of answerRows) {
    if (!a.counted) {
      const list = lateOf.get(a.attemptId) ?? [];
      list.push({ prompt: promptOf.get(a.questionId) ?? "", response: a.response, savedAt: a.savedAt });
      lateOf.set(a.attemptId, list);
      continue;
    }
    const key = `${a.attemptId} ${a.questionId}`;
    if ((latest.get(key)?.seq ?? -1) < a.seq) latest.set(key, a);
  }
  const formOf = new Map<string, typeof formRows>();
  for (const f of formRows) formOf.set(f.attemptId, [...(formOf.get(f.attemptId) ?? []), f]);
  const attemptsOf = new Map<string, InstructorAttempt[]>();
  for (const a of attemptRows) {
    const form = (formOf.get(a.id) ?? []).sort((x, y) => x.position - y.position);
    const list = attemptsOf.get(a.userId) ?? [];
    list.push({
      id: a.id,
      number: a.number,
      status: a.status,
      startedAt: a.startedAt,
      deadline: a.deadline,
      limit: describeLimit(a.limitMs, a.baseLimitMs),
      finishedAt: a.finishedAt,
      finishedBy: a.finishedBy,
      score: a.status === "finished" ? { right: a.scoreRight ?? 0, total: a.scoreTotal ?? 0, percent: a.scorePercent ?? 0, passed: a.passed ?? false } : null,
      answers: form.map((f) => {
        const saved = latest.get(`${a.id} ${f.questionId}`);
        return { position: f.position, prompt: promptOf.get(f.questionId) ?? "", response: saved?.response ?? null, savedAt: saved?.savedAt ?? null, verdict: f.verdict };
      }),
      late: (lateOf.get(a.id) ?? []).sort((x, y) => x.savedAt - y.savedAt),
    });
    attemptsOf.set(a.userId, list);
  }
  const profileOf = new Map(profiles.map((p) => [p.userId, profileAccommodation(p)]));
  const overrideOf = new Map(overrides.map((o) => [o.userId, overrideAccommodation(o)]));
  const finished = attemptRows.filter((a) => a.status === "finished");
  const items = itemAnalysis(
    finished.map((a) => ({
      percent: a.scorePercent ?? 0,
      items: (formOf.get(a.id) ?? []).map((f) => ({ questionId: f.questionId, right: f.verdict === "correct" || f.verdict === "close" })),
    })),
  ).map((s) => ({ ...s, prompt: promptOf.get(s.questionId) ?? "" }));
  return {
    learners: learnerRows.map((learner) => {
      const clock = clocks.get(learner.id)!;
      return {
        learner,
        accommodation: {
          profile: profileOf.get(learner.id) ?? null,
          override: overrideOf.get(learner.id) ?? null,
          limit: describeLimit(clock.limitMs, clock.baseLimitMs),
          closeAt: clock.closeAt,
        },
        attempts: attemptsOf.get(learner.id) ?? [],
      };
    }),
    items: items.sort((a, b) => (a.facility ?? 1) - (b.facility ?? 1)),
  };
}

export const learnerResultOnAppDb = onAppDb(learnerResult);
export const assessmentResultsOnAppDb = onAppDb(assessmentResults);
