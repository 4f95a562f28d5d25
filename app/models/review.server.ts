/**
 * Daily review: showing a learner their next card, answering it, re-rating
 * and undoing — each in one transaction that loads the card, calls the pure
 * scheduler, and saves the card beside an append-only review log.
 *
 * Idempotency: every card put in front of a learner gets a showing id. The
 * first answer to a showing is applied; a repeat (double tap, retried request,
 * second tab) gets the stored result back and changes nothing. A showing made
 * before the card last changed is stale and refused, as Anki refuses it.
 *
 * The proposed rating is applied with the answer, so the common path is one
 * request per card; choosing another rating undoes that review (appending to
 * review_undos) and applies the chosen one.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, lessons, modules, courses, questions, reviewLogs, reviewUndos, showings, users } from "../../db/schema";
import { endOfStudyDay, startOfStudyDay } from "../learning/day";
import { gradeResponse, medianResponseMs, proposeRating, shuffleOptions } from "../learning/grade";
import { buildReviewQueue, type QueueCard } from "../learning/queue";
import {
  parseCardState,
  scheduleReview,
  serializeCardState,
  type CardState,
  type Rating,
  type SchedulerSettings,
} from "../learning/scheduler";
import type { NumericAnswer } from "../content/types";
import type { QuestionView } from "./course.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What review needs to know of a learner: who, and their study settings. */
type UserRow = Pick<
  typeof users.$inferSelect,
  "id" | "timeZone" | "newPerDay" | "maxReviewsPerDay" | "desiredRetention" | "fsrsParamsJson"
>;

export class ReviewError extends Error {
  constructor(
    readonly code: "not_found" | "stale" | "retired" | "not_answered" | "nothing_to_undo",
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}

export function schedulerSettingsFor(user: Pick<UserRow, "desiredRetention" | "fsrsParamsJson">): SchedulerSettings {
  let weights: number[] | null = null;
  if (user.fsrsParamsJson) {
    try {
      const parsed = JSON.parse(user.fsrsParamsJson) as unknown;
      if (Array.isArray(parsed) && parsed.length === 21 && parsed.every((w) => typeof w === "number")) weights = parsed;
    } catch {
      weights = null;
    }
  }
  return { desiredRetention: user.desiredRetention, weights, enableFuzz: true };
}

function cardStateOf(row: typeof cards.$inferSelect): CardState {
  return {
    state: row.state as CardState["state"],
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
  };
}

export interface ShownCard {
  showingId: string;
  cardId: number;
  isNew: boolean;
  question: {
    id: string;
    type: QuestionView["type"];
    prompt: string;
    options: string[] | null;
    unit: string | null;
  };
}

export interface DayCounts {
  reviewedToday: number;
  newToday: number;
}

/** Reviews and first-time reviews (new cards) the learner did this study day. */
async function dayCounts(db: Database | Tx, user: UserRow, now: number) {
  const start = startOfStudyDay(now, user.timeZone);
  // One aggregate row rather than a row per review: this runs on every request.
  const [row] = await db.all<{ reviewed: number; fresh: number | null; keys: string | null }>(sql`
    SELECT count(*) AS reviewed, sum(l.state = 0) AS fresh,
           (SELECT group_concat(k, char(31)) FROM (
              SELECT DISTINCT c.sibling_key AS k FROM review_logs l2
              JOIN cards c ON c.id = l2.card_id
              LEFT JOIN review_undos u2 ON u2.review_log_id = l2.id
              WHERE l2.user_id = ${user.id} AND l2.reviewed_at >= ${start} AND u2.review_log_id IS NULL)) AS keys
    FROM review_logs l LEFT JOIN review_undos u ON u.review_log_id = l.id
    WHERE l.user_id = ${user.id} AND l.reviewed_at >= ${start} AND u.review_log_id IS NULL`);
  return {
    reviewedToday: Number(row?.reviewed ?? 0),
    newToday: Number(row?.fresh ?? 0),
    siblingKeysToday: new Set(row?.keys ? row.keys.split("\u001f") : []),
  };
}

/**
 * How many candidates the queue looks at: only the first card of the queue is
 * shown per request, so the earliest due cards and the first few new cards
 * of each module are enough (the new ones leave room for buried siblings).
 */
const DUE_CANDIDATES = 30;
const NEW_CANDIDATES_PER_MODULE = 8;

/**
 * The head of the learner's queue for now, best first (card ids), today's
 * counts, and how many cards are left today (`remaining`, which may exceed
 * the head's length when the candidate lists were cut short).
 */
export async function reviewQueue(db: Database | Tx, user: UserRow, now: number) {
  const end = endOfStudyDay(now, user.timeZone);
  const counts = await dayCounts(db, user, now);
  const activeQuestion = and(eq(questions.id, cards.questionId), eq(questions.status, "active"));
  const columns = {
    id: cards.id,
    moduleId: cards.moduleId,
    siblingKey: cards.siblingKey,
    state: cards.state,
    due: cards.due,
    stability: cards.stability,
    lastReview: cards.lastReview,
  };
  const due = await db
    .select(columns)
    .from(cards)
    .innerJoin(questions, activeQuestion)
    .where(and(eq(cards.userId, user.id), sql`${cards.state} <> 0`, lte(cards.due, end)))
    .orderBy(cards.due)
    .limit(DUE_CANDIDATES);
  const newLeft = Math.max(0, user.newPerDay - counts.newToday);
  // New cards: the first few of every module (in introduction order), so the
  // queue can interleave modules even when one module holds thousands of cards.
  const fresh = newLeft > 0 ? await newCandidates(db, user.id, Math.min(newLeft, NEW_CANDIDATES_PER_MODULE)) : [];
  const candidates: QueueCard[] = [...due, ...fresh].map((c) => ({
    id: c.id,
    moduleId: c.moduleId,
    siblingKey: c.siblingKey,
    state: c.state as QueueCard["state"],
    due: c.due,
    stability: c.stability,
    lastReview: c.lastReview,
  }));
  const settings = schedulerSettingsFor(user);
  const queue = buildReviewQueue({
    cards: candidates,
    now,
    timeZone: user.timeZone,
    newPerDay: user.newPerDay,
    maxReviewsPerDay: user.maxReviewsPerDay,
    reviewedTodayCount: counts.reviewedToday,
    newIntroducedTodayCount: counts.newToday,
    siblingKeysReviewedToday: counts.siblingKeysToday,
    weights: settings.weights ?? null,
  });
  // When a candidate list was cut short, the queue is only its head.
  const newPerModule = new Map<string, number>();
  for (const c of fresh) newPerModule.set(c.moduleId, (newPerModule.get(c.moduleId) ?? 0) + 1);
  const truncated =
    due.length === DUE_CANDIDATES ||
    [...newPerModule.values()].some((n) => n >= Math.min(newLeft, NEW_CANDIDATES_PER_MODULE) && n < newLeft);
  let left: CardsLeft = { learning: 0, review: 0, new: 0 };
  const stateOf = new Map(candidates.map((c) => [c.id, c.state]));
  for (const id of queue) {
    const state = stateOf.get(id);
    if (state === 0) left.new++;
    else if (state === 2) left.review++;
    else left.learning++;
  }
  if (truncated) {
    const counted = await cardsLeftToday(db, user, counts, end, newLeft);
    if (counted.learning + counted.review + counted.new > queue.length) left = counted;
  }
  return { queue, counts, left, remaining: left.learning + left.review + left.new };
}

interface CandidateRow {
  id: number;
  moduleId: string;
  siblingKey: string;
  state: number;
  due: number;
  stability: number;
  lastReview: number | null;
}

/**
 * New cards: the first `perModule` of every module (in introduction order),
 * so the queue can interleave modules even when one holds thousands of cards.
 * One indexed LIMIT per module, rather than numbering every new card.
 */
async function newCandidates(db: Database | Tx, userId: string, perModule: number): Promise<CandidateRow[]> {
  const moduleIds = await db
    .selectDistinct({ moduleId: cards.moduleId })
    .from(cards)
    .where(and(eq(cards.userId, userId), eq(cards.state, 0)));
  if (moduleIds.length === 0) return [];
  const perModuleQueries = moduleIds.map(
    ({ moduleId }) => sql`SELECT * FROM (
      SELECT c.id AS id, c.module_id AS moduleId, c.sibling_key AS siblingKey, c.state AS state,
             c.due AS due, c.stability AS stability, c.last_review AS lastReview
      FROM cards c JOIN questions q ON q.id = c.question_id AND q.status = 'active'
      WHERE c.user_id = ${userId} AND c.state = 0 AND c.module_id = ${moduleId}
      ORDER BY c.id LIMIT ${perModule})`,
  );
  return db.all<CandidateRow>(sql`${sql.join(perModuleQueries, sql` UNION ALL `)} ORDER BY id`);
}

/**
 * Cards left today, counted in SQL rather than from the (bounded) candidate
 * list: learning cards due today, review cards due within what is left of the
 * daily review limit, and new cards within the new limit. Siblings are not
 * discounted, so it is an upper bound ("about").
 */
async function cardsLeftToday(
  db: Database | Tx,
  user: UserRow,
  counts: { reviewedToday: number },
  end: number,
  newLeft: number,
) {
  const [row] = await db.all<{ learning: number | null; review: number | null; fresh: number | null }>(sql`
    SELECT sum(c.state IN (1, 3) AND c.due <= ${end}) AS learning,
           sum(c.state = 2 AND c.due <= ${end}) AS review,
           sum(c.state = 0) AS fresh
    FROM cards c JOIN questions q ON q.id = c.question_id AND q.status = 'active'
    WHERE c.user_id = ${user.id}`);
  const reviewsLeft = Math.max(0, user.maxReviewsPerDay - counts.reviewedToday);
  const review = Math.min(Number(row?.review ?? 0), reviewsLeft);
  return {
    learning: Number(row?.learning ?? 0),
    review,
    new: Math.min(Number(row?.fresh ?? 0), newLeft, reviewsLeft - review),
  };
}

export interface CardsLeft {
  learning: number;
  review: number;
  new: number;
}

/**
 * The card to show now, as a showing. Reloading the page returns the same
 * showing (same option order) while the card has not changed.
 */
export async function nextShowing(db: Database, user: UserRow, now: number): Promise<ShownCard | null> {
  return (await studyNext(db, user, now)).card;
}

export interface StudyNext {
  card: ShownCard | null;
  /** Cards left in today's queue, this one included. */
  remaining: number;
  reviewedToday: number;
}

/** The next showing with the counts the review page shows, from one queue computation. */
export async function studyNext(db: Database, user: UserRow, now: number): Promise<StudyNext> {
  const { queue, counts, remaining } = await reviewQueue(db, user, now);
  const summary = { remaining, reviewedToday: counts.reviewedToday };
  const cardId = queue[0];
  if (cardId === undefined) return { card: null, ...summary };
  return { card: await showCard(db, user, cardId, now), ...summary };
}

async function showCard(db: Database, user: UserRow, cardId: number, now: number): Promise<ShownCard | null> {
  // Only the columns a showing needs: this runs on every review request.
  const [row] = await db
    .select({
      version: cards.version,
      state: cards.state,
      questionId: questions.id,
      type: questions.type,
      prompt: questions.prompt,
      optionsJson: questions.optionsJson,
      numericJson: questions.numericJson,
    })
    .from(cards)
    .innerJoin(questions, eq(questions.id, cards.questionId))
    .where(and(eq(cards.id, cardId), eq(cards.userId, user.id)))
    .limit(1);
  if (!row) return null;
  const question = {
    id: row.questionId,
    type: row.type,
    prompt: row.prompt,
    options: row.optionsJson ? (JSON.parse(row.optionsJson) as string[]) : null,
    numeric: row.numericJson ? (JSON.parse(row.numericJson) as { unit: string | null }) : null,
  };
  const [open] = await db
    .select({ id: showings.id, optionsJson: showings.optionsJson })
    .from(showings)
    .where(and(eq(showings.userId, user.id), eq(showings.cardId, cardId), eq(showings.cardVersion, row.version), isNull(showings.answeredAt)))
    .orderBy(desc(showings.shownAt))
    .limit(1);
  let showingId: string;
  let options: string[] | null;
  if (open) {
    showingId = open.id;
    options = open.optionsJson ? (JSON.parse(open.optionsJson) as string[]) : null;
  } else {
    showingId = randomBytes(12).toString("base64url");
    // Multiple choice options are shuffled per showing; true/false keeps True first.
    options =
      question.options && question.type === "multiple_choice"
        ? shuffleOptions(question.options, showingId)
        : question.options;
    await db.insert(showings).values({
      id: showingId,
      userId: user.id,
      cardId,
      cardVersion: row.version,
      optionsJson: options ? JSON.stringify(options) : null,
      shownAt: now,
    });
  }
  return {
    showingId,
    cardId,
    isNew: row.state === 0,
    question: {
      id: question.id,
      type: question.type,
      prompt: question.prompt,
      options,
      unit: question.numeric?.unit ?? null,
    },
  };
}

export interface AnswerResult {
  showingId: string;
  correct: boolean;
  response: string;
  expected: string;
  sourceSentence: string;
  lessonUrl: string | null;
  proposedRating: Rating;
  rating: Rating;
  /** Days until the card is due again after the applied rating (fractional). */
  intervalDays: number;
  /** True when this request repeated an answer already applied. */
  replayed: boolean;
}

interface StoredResponse {
  response: string;
  correct: boolean;
  expected: string;
  proposedRating: Rating;
  responseMs: number;
}

async function lessonUrlFor(db: Database | Tx, lessonId: string): Promise<string | null> {
  const [row] = await db
    .select({ lesson: lessons.slug, module: modules.slug, course: courses.slug })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(lessons.id, lessonId))
    .limit(1);
  return row ? `/courses/${row.course}/${row.module}/${row.lesson}` : null;
}

async function recentMedianMs(db: Database | Tx, userId: string): Promise<number | null> {
  const rows = await db
    .select({ correct: reviewLogs.correct, responseMs: reviewLogs.responseMs })
    .from(reviewLogs)
    .where(eq(reviewLogs.userId, userId))
    .orderBy(desc(reviewLogs.reviewedAt))
    .limit(40);
  return medianResponseMs(rows);
}

async function resultOf(
  db: Database | Tx,
  showing: typeof showings.$inferSelect,
  replayed: boolean,
): Promise<AnswerResult> {
  const stored = JSON.parse(showing.responseJson ?? "{}") as StoredResponse;
  const [row] = await db
    .select({ question: questions, card: cards })
    .from(cards)
    .innerJoin(questions, eq(questions.id, cards.questionId))
    .where(eq(cards.id, showing.cardId))
    .limit(1);
  // The rating in force is the latest non-undone log of this showing.
  const [log] = await db
    .select({ rating: reviewLogs.rating, reviewedAt: reviewLogs.reviewedAt })
    .from(reviewLogs)
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(eq(reviewLogs.showingId, showing.id), isNull(reviewUndos.reviewLogId)))
    .orderBy(desc(reviewLogs.id))
    .limit(1);
  return {
    showingId: showing.id,
    correct: stored.correct,
    response: stored.response,
    expected: stored.expected,
    sourceSentence: row.question.sourceSentence,
    lessonUrl: await lessonUrlFor(db, row.question.lessonId),
    proposedRating: stored.proposedRating,
    rating: (log?.rating ?? stored.proposedRating) as Rating,
    intervalDays: log ? Math.max(0, (row.card.due - log.reviewedAt) / 86_400_000) : 0,
    replayed,
  };
}

async function loadShowing(db: Database | Tx, userId: string, showingId: string) {
  const [showing] = await db
    .select()
    .from(showings)
    .where(and(eq(showings.id, showingId), eq(showings.userId, userId)))
    .limit(1);
  if (!showing) throw new ReviewError("not_found", "That card is not one of yours, or it no longer exists.");
  return showing;
}

/** Applies `rating` to the card in `tx` and appends the log. Returns the log id and the card after. */
async function applyReview(
  tx: Tx,
  user: UserRow,
  card: typeof cards.$inferSelect,
  before: CardState,
  rating: Rating,
  at: number,
  showingId: string,
  correct: boolean,
  responseMs: number,
) {
  const outcome = scheduleReview(before, rating, at, { ...schedulerSettingsFor(user), seed: String(card.id) });
  const nextVersion = card.version + 1;
  const updated = await tx
    .update(cards)
    .set({ ...outcome.card, version: nextVersion })
    .where(and(eq(cards.id, card.id), eq(cards.version, card.version)))
    .returning({ id: cards.id });
  if (updated.length !== 1) throw new ReviewError("stale", "This card changed in another tab. Here is the current one.");
  const [log] = await tx
    .insert(reviewLogs)
    .values({
      cardId: card.id,
      userId: user.id,
      showingId,
      reviewedAt: at,
      rating,
      correct,
      responseMs,
      state: outcome.log.state,
      elapsedDays: outcome.log.elapsedDays,
      scheduledDays: outcome.log.scheduledDays,
      cardBeforeJson: serializeCardState(before),
      cardVersionAfter: nextVersion,
    })
    .returning({ id: reviewLogs.id });
  return { logId: log.id, card: outcome.card };
}

const MAX_RESPONSE_MS = 10 * 60_000;

/**
 * Grades the learner's answer to a showing, applies the proposed rating and
 * returns the result. A repeat of an answered showing returns the stored result.
 */
export async function answerShowing(
  db: Database,
  user: UserRow,
  input: { showingId: string; response: string; clientResponseMs?: number | null },
  now: number,
): Promise<AnswerResult> {
  return db.transaction(async (tx) => {
    const showing = await loadShowing(tx, user.id, input.showingId);
    if (showing.answeredAt !== null) return resultOf(tx, showing, true);
    // The card, what grading needs of its question, and the lesson's address, in one query.
    const [row] = await tx
      .select({
        card: cards,
        question: {
          type: questions.type,
          answer: questions.answer,
          acceptedJson: questions.acceptedJson,
          optionsJson: questions.optionsJson,
          numericJson: questions.numericJson,
          sourceSentence: questions.sourceSentence,
          status: questions.status,
        },
        lessonSlug: lessons.slug,
        moduleSlug: modules.slug,
        courseSlug: courses.slug,
      })
      .from(cards)
      .innerJoin(questions, eq(questions.id, cards.questionId))
      .innerJoin(lessons, eq(lessons.id, questions.lessonId))
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, modules.courseId))
      .where(and(eq(cards.id, showing.cardId), eq(cards.userId, user.id)))
      .limit(1);
    if (!row) throw new ReviewError("not_found", "That card no longer exists.");
    if (row.card.version !== showing.cardVersion) {
      throw new ReviewError("stale", "This card was already answered elsewhere. Here is your next card.");
    }
    if (row.question.status !== "active") {
      throw new ReviewError("retired", "This question was retired from the course, so it is no longer reviewed.");
    }
    const question = {
      type: row.question.type,
      answer: row.question.answer,
      accepted: JSON.parse(row.question.acceptedJson) as string[],
      options: row.question.optionsJson ? (JSON.parse(row.question.optionsJson) as string[]) : null,
      numeric: row.question.numericJson ? (JSON.parse(row.question.numericJson) as NumericAnswer) : null,
    };
    const graded = gradeResponse(question, input.response);
    // The server's clock bounds what the client says it took.
    const serverMs = Math.max(0, now - showing.shownAt);
    const clientMs = input.clientResponseMs ?? null;
    const responseMs = Math.min(
      MAX_RESPONSE_MS,
      clientMs !== null && clientMs >= 0 && clientMs <= serverMs + 1000 ? clientMs : serverMs,
    );
    const proposedRating = proposeRating({
      correct: graded.correct,
      responseMs,
      learnerMedianMs: await recentMedianMs(tx, user.id),
      type: question.type,
    });
    const { logId, card: applied } = await applyReview(
      tx,
      user,
      row.card,
      cardStateOf(row.card),
      proposedRating,
      now,
      showing.id,
      graded.correct,
      responseMs,
    );
    const stored: StoredResponse = {
      response: input.response,
      correct: graded.correct,
      expected: graded.expected,
      proposedRating,
      responseMs,
    };
    await tx
      .update(showings)
      .set({ answeredAt: now, responseJson: JSON.stringify(stored), reviewLogId: logId })
      .where(eq(showings.id, showing.id));
    return {
      showingId: showing.id,
      correct: graded.correct,
      response: input.response,
      expected: graded.expected,
      sourceSentence: row.question.sourceSentence,
      lessonUrl: `/courses/${row.courseSlug}/${row.moduleSlug}/${row.lessonSlug}`,
      proposedRating,
      rating: proposedRating,
      intervalDays: Math.max(0, (applied.due - now) / 86_400_000),
      replayed: false,
    };
  });
}

/**
 * Replaces the rating applied to an answered showing: undoes its review and
 * applies `rating` at the original review time. The same rating again is a no-op.
 */
export async function rateShowing(
  db: Database,
  user: UserRow,
  input: { showingId: string; rating: Rating },
  now: number,
): Promise<AnswerResult> {
  return db.transaction(async (tx) => {
    const showing = await loadShowing(tx, user.id, input.showingId);
    if (showing.answeredAt === null) throw new ReviewError("not_answered", "Answer the card before rating it.");
    const [log] = await tx
      .select()
      .from(reviewLogs)
      .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
      .where(and(eq(reviewLogs.showingId, showing.id), isNull(reviewUndos.reviewLogId)))
      .orderBy(desc(reviewLogs.id))
      .limit(1);
    if (!log) throw new ReviewError("stale", "That review was undone.");
    if (log.review_logs.rating === input.rating) return resultOf(tx, showing, true);
    const [card] = await tx.select().from(cards).where(and(eq(cards.id, showing.cardId), eq(cards.userId, user.id)));
    if (!card || card.version !== log.review_logs.cardVersionAfter) {
      throw new ReviewError("stale", "This card has been reviewed again since, so its rating can no longer change.");
    }
    await tx.insert(reviewUndos).values({ reviewLogId: log.review_logs.id, undoneAt: now });
    const before = parseCardState(log.review_logs.cardBeforeJson);
    const { logId } = await applyReview(
      tx,
      user,
      card,
      before,
      input.rating,
      log.review_logs.reviewedAt,
      showing.id,
      log.review_logs.correct,
      log.review_logs.responseMs,
    );
    await tx.update(showings).set({ reviewLogId: logId }).where(eq(showings.id, showing.id));
    return resultOf(tx, showing, false);
  });
}

/** Undoes the learner's last review: the card returns exactly to its state before it. */
export async function undoLastReview(db: Database, user: UserRow, now: number) {
  return db.transaction(async (tx) => {
    const [log] = await tx
      .select({ log: reviewLogs })
      .from(reviewLogs)
      .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
      .where(and(eq(reviewLogs.userId, user.id), isNull(reviewUndos.reviewLogId)))
      .orderBy(desc(reviewLogs.id))
      .limit(1);
    if (!log) throw new ReviewError("nothing_to_undo", "There is no review to undo.");
    const [card] = await tx.select().from(cards).where(and(eq(cards.id, log.log.cardId), eq(cards.userId, user.id)));
    if (!card || card.version !== log.log.cardVersionAfter) {
      throw new ReviewError("nothing_to_undo", "That review can no longer be undone.");
    }
    await tx.insert(reviewUndos).values({ reviewLogId: log.log.id, undoneAt: now });
    const before = parseCardState(log.log.cardBeforeJson);
    await tx
      .update(cards)
      .set({ ...before, version: card.version + 1 })
      .where(eq(cards.id, card.id));
    return { cardId: card.id };
  });
}

/** A card of this learner, or null (another learner's id looks exactly like a missing one). */
export async function getOwnCard(db: Database, userId: string, cardId: number) {
  const [row] = await db.select().from(cards).where(and(eq(cards.id, cardId), eq(cards.userId, userId)));
  return row ?? null;
}
