/**
 * Finishing attempts: on submit, and by the server once the deadline and its
 * grace have passed, with the answers saved by then. An expired attempt is
 * finished lazily by every read that meets it and by a periodic sweep
 * started with the server (and at start-up, for attempts that expired while
 * it was down), so it finishes also when no one is watching.
 *
 * Finishing is one write transaction whose first step is the conditional
 * `UPDATE attempts SET status = 'finished' … WHERE status = 'open'`: of
 * several processes (workers, the sweep, a submit) only the one whose update
 * changed the row grades the attempt and records its answers as FSRS
 * reviews, so they count once.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessments, attemptAnswers, attemptQuestions, attempts, cards, questions, reviewLogs, users } from "../../db/schema";
import { decideFinish, expiredBefore, type FinishDecision } from "../assessment/attempt";
import { gradeAttempt, hasPassed, reviewRatingFor, type GradedItem } from "../assessment/grading";
import { newCardState, scheduleReview, serializeCardState, type CardState } from "../learning/scheduler";
import { schedulerSettingsFor } from "./review.server";
import { frozenQuestions, type Executor } from "./assessment-setup.server";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The latest counted answer of each question of an attempt (highest sequence number), with when it was saved. */
export async function countedAnswers(db: Executor, attemptId: string): Promise<Map<string, { response: string; savedAt: number; seq: number }>> {
  const rows = await db
    .select({ questionId: attemptAnswers.questionId, response: attemptAnswers.response, savedAt: attemptAnswers.savedAt, seq: attemptAnswers.seq })
    .from(attemptAnswers)
    .where(and(eq(attemptAnswers.attemptId, attemptId), eq(attemptAnswers.counted, true)));
  const latest = new Map<string, { response: string; savedAt: number; seq: number }>();
  for (const r of rows) if ((latest.get(r.questionId)?.seq ?? -1) < r.seq) latest.set(r.questionId, r);
  return latest;
}

/**
 * Finishes the attempt if it should finish now (submitted, or past its
 * deadline and grace): grades it and records its answers as reviews, all or
 * nothing. Returns what was decided; "already_finished" when another got there first.
 */
export async function finishAttempt(db: Database, attemptId: string, now: number, options: { submitted: boolean }): Promise<FinishDecision> {
  return db.transaction(async (tx) => {
    const [attempt] = await tx.select().from(attempts).where(eq(attempts.id, attemptId));
    if (!attempt) return { kind: "already_finished" } as const;
    const decision = decideFinish(attempt, now, options.submitted);
    if (decision.kind !== "finish") return decision;
    const marked = await tx
      .update(attempts)
      .set({ status: "finished", finishedAt: decision.finishedAt, finishedBy: decision.finishedBy })
      .where(and(eq(attempts.id, attemptId), eq(attempts.status, "open")))
      .returning({ id: attempts.id });
    if (marked.length === 0) return { kind: "already_finished" } as const;
    const items = await gradeAndStore(tx, attempt);
    await recordReviews(tx, attempt.userId, attemptId, items, decision.finishedAt);
    return decision;
  });
}

async function gradeAndStore(tx: Transaction, attempt: typeof attempts.$inferSelect) {
  const [assessment] = await tx.select({ passMark: assessments.passMarkPercent }).from(assessments).where(eq(assessments.id, attempt.assessmentId));
  const [form, pool, answers] = await Promise.all([
    tx.select({ questionId: attemptQuestions.questionId }).from(attemptQuestions).where(eq(attemptQuestions.attemptId, attempt.id)).orderBy(attemptQuestions.position),
    frozenQuestions(tx, attempt.assessmentId),
    countedAnswers(tx, attempt.id),
  ]);
  const byId = new Map(pool.map((q) => [q.id, q]));
  const grade = gradeAttempt(
    form.flatMap(({ questionId }) => {
      const question = byId.get(questionId);
      return question ? [{ questionId, question }] : [];
    }),
    new Map([...answers].map(([questionId, a]) => [questionId, a.response])),
  );
  for (const item of grade.items) {
    await tx
      .update(attemptQuestions)
      .set({ verdict: item.verdict })
      .where(and(eq(attemptQuestions.attemptId, attempt.id), eq(attemptQuestions.questionId, item.questionId)));
  }
  await tx
    .update(attempts)
    .set({
      scoreRight: grade.right,
      scoreTotal: grade.total,
      scorePercent: grade.percent,
      passed: hasPassed(grade.percent, assessment?.passMark ?? 100),
    })
    .where(eq(attempts.id, attempt.id));
  return grade.items.map((item) => ({ ...item, savedAt: answers.get(item.questionId)?.savedAt ?? null }));
}

/**
 * Each answered question as one FSRS review of the learner's card for it (a
 * card is created for a question they had not started: they have now met
 * it), at the time the answer was saved, in the review log like any other,
 * named by the attempt so it is told apart from daily review.
 */
async function recordReviews(
  tx: Transaction,
  userId: string,
  attemptId: string,
  items: readonly (GradedItem & { savedAt: number | null })[],
  finishedAt: number,
) {
  const rated = items.flatMap((item) => {
    const rating = reviewRatingFor(item.verdict);
    return rating === null ? [] : [{ ...item, rating }];
  });
  if (rated.length === 0) return;
  const [learner] = await tx
    .select({ desiredRetention: users.desiredRetention, fsrsParamsJson: users.fsrsParamsJson })
    .from(users)
    .where(eq(users.id, userId));
  if (!learner) return;
  const ids = rated.map((r) => r.questionId);
  const [bank, owned] = await Promise.all([
    tx
      .select({ id: questions.id, moduleId: questions.moduleId, siblingKey: questions.siblingKey })
      .from(questions)
      .where(and(inArray(questions.id, ids), eq(questions.status, "active"))),
    tx.select().from(cards).where(and(eq(cards.userId, userId), inArray(cards.questionId, ids))),
  ]);
  const bankOf = new Map(bank.map((q) => [q.id, q]));
  const cardOf = new Map(owned.map((c) => [c.questionId, c]));
  const settings = schedulerSettingsFor(learner);
  for (const item of rated) {
    const question = bankOf.get(item.questionId);
    if (!question) continue; // retired since the assessment froze it: no longer studied
    let card = cardOf.get(item.questionId);
    if (!card) {
      const fresh = newCardState(finishedAt);
      [card] = await tx
        .insert(cards)
        .values({ userId, questionId: question.id, moduleId: question.moduleId, siblingKey: question.siblingKey, ...fresh, createdAt: finishedAt })
        .returning();
    }
    const before: CardState = {
      state: card!.state as CardState["state"],
      due: card!.due,
      stability: card!.stability,
      difficulty: card!.difficulty,
      elapsedDays: card!.elapsedDays,
      scheduledDays: card!.scheduledDays,
      learningSteps: card!.learningSteps,
      reps: card!.reps,
      lapses: card!.lapses,
      lastReview: card!.lastReview,
    };
    // When it was answered, but never before the card's last review (FSRS moves forward only).
    const reviewedAt = Math.max(Math.min(item.savedAt ?? finishedAt, finishedAt), card!.lastReview ?? 0);
    const outcome = scheduleReview(before, item.rating, reviewedAt, { ...settings, seed: String(card!.id) });
    await tx
      .update(cards)
      .set({ ...outcome.card, version: card!.version + 1 })
      .where(and(eq(cards.id, card!.id), eq(cards.version, card!.version)));
    await tx.insert(reviewLogs).values({
      cardId: card!.id,
      userId,
      showingId: `attempt:${attemptId}:${item.questionId}`,
      reviewedAt,
      rating: item.rating,
      correct: item.rating > 1,
      responseMs: 0,
      state: outcome.log.state,
      elapsedDays: outcome.log.elapsedDays,
      scheduledDays: outcome.log.scheduledDays,
      cardBeforeJson: serializeCardState(before),
      cardVersionAfter: card!.version + 1,
    });
  }
}

/** How many expired attempts one pass of the sweep finishes at most (the next pass takes the rest). */
const SWEEP_BATCH = 200;

/**
 * Finishes every open attempt whose deadline and grace have passed, within
 * the reach given (one learner's, one assessment's, or all): what reads call
 * before they show anything, and what the sweep calls on its own.
 */
export async function finishExpiredAttempts(db: Database, now: number, reach: { userId?: string; assessmentId?: string } = {}): Promise<number> {
  let finished = 0;
  for (;;) {
    const expired = await db
      .select({ id: attempts.id })
      .from(attempts)
      .where(
        and(
          eq(attempts.status, "open"),
          lt(attempts.deadline, expiredBefore(now)),
          reach.userId ? eq(attempts.userId, reach.userId) : undefined,
          reach.assessmentId ? eq(attempts.assessmentId, reach.assessmentId) : undefined,
        ),
      )
      .orderBy(attempts.deadline)
      .limit(SWEEP_BATCH);
    for (const { id } of expired) {
      if ((await finishAttempt(db, id, now, { submitted: false })).kind === "finish") finished++;
    }
    if (expired.length < SWEEP_BATCH) return finished;
  }
}

/** Whether any attempt is open (the sweep's cheap first question, on the partial index). */
async function anyOpen(db: Database): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(attempts).where(eq(attempts.status, "open")).limit(1);
  return Boolean(row);
}

export const SWEEP_INTERVAL_MS = 15_000;

/**
 * Starts the sweep in this server process: once now (attempts that expired
 * while the server was down) and every SWEEP_INTERVAL_MS. Several processes
 * may each run one: finishing is idempotent. The timer does not keep the
 * process alive; a failed pass is logged and the next one tries again.
 */
export function startAttemptSweep(getDb: () => Promise<Database>, intervalMs = SWEEP_INTERVAL_MS): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      if (await anyOpen(db)) await finishExpiredAttempts(db, Date.now());
    } catch (error) {
      console.error("The attempt sweep failed; it will try again.", error);
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
