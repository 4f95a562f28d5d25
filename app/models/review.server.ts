/**
 * Daily review: showing a learner their next card, answering it, re-rating
 * and undoing. Each loads the card, calls the pure scheduler, and saves the
 * card beside an append-only review log atomically: an answer or a re-rating
 * (the hot path) as one read and one guarded write batch, an undo in a
 * transaction.
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
import { and, desc, eq, isNull } from "drizzle-orm";
import type { InStatement, ResultSet } from "@libsql/client";
import type { Database } from "../../db/client";
import { cards, reviewLogs, reviewUndos, users } from "../../db/schema";
import { studyDayBounds } from "../learning/day";
import { medianResponseMs, proposeRating } from "../learning/rating";
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
import { gradeResponse, isRight, responseProblem, type Verdict } from "../questions/grade";
import { presentedOptions } from "../questions/options";
import type { QuestionView } from "./course.server";

/** What review needs to know of a learner: who, and their study settings. */
type UserRow = Pick<
  typeof users.$inferSelect,
  "id" | "timeZone" | "newPerDay" | "maxReviewsPerDay" | "desiredRetention" | "fsrsParamsJson"
>;

export class ReviewError extends Error {
  constructor(
    readonly code: "not_found" | "stale" | "retired" | "not_answered" | "nothing_to_undo" | "invalid_response",
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

function cardStateOf(row: Omit<CardState, "state"> & { state: number }): CardState {
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

/**
 * How many candidates the queue looks at: only the first card of the queue is
 * shown per request, so the earliest due cards and the first few new cards
 * of each module are enough (the new ones leave room for buried siblings).
 */
const DUE_CANDIDATES = 30;
const NEW_CANDIDATES_PER_MODULE = 8;

/*
 * The review path runs on every answer, so its queries are plain SQL with
 * fixed text (compiled once per connection, see db/statement-cache.ts) sent
 * in batches: one round trip to a libSQL server per step, and a write lock
 * held only while a batch runs.
 */

/** Reviews and first-time reviews (new cards) this study day, and the fact keys they touched. */
const DAY_COUNTS_SQL = `
  SELECT count(*) AS reviewed, sum(l.state = 0) AS fresh,
         (SELECT group_concat(k, char(31)) FROM (
            SELECT DISTINCT c.sibling_key AS k FROM review_logs l2
            JOIN cards c ON c.id = l2.card_id
            LEFT JOIN review_undos u2 ON u2.review_log_id = l2.id
            WHERE l2.user_id = ?1 AND l2.reviewed_at >= ?2 AND u2.review_log_id IS NULL)) AS keys
  FROM review_logs l LEFT JOIN review_undos u ON u.review_log_id = l.id
  WHERE l.user_id = ?1 AND l.reviewed_at >= ?2 AND u.review_log_id IS NULL`;

const CANDIDATE_COLUMNS = `c.id AS id, c.module_id AS moduleId, c.sibling_key AS siblingKey, c.state AS state,
  c.due AS due, c.stability AS stability, c.last_review AS lastReview`;

/**
 * The facts (sibling keys) the learner reviewed this study day (?1 learner,
 * ?3 start of the day). Their other cards are buried until tomorrow, so the
 * candidate lists leave them out: a list cut short must not fill up with
 * cards the queue cannot show, or the day would end with cards still to do.
 */
const KEYS_REVIEWED_TODAY = `
  SELECT kc.sibling_key FROM review_logs kl
  JOIN cards kc ON kc.id = kl.card_id
  LEFT JOIN review_undos ku ON ku.review_log_id = kl.id
  WHERE kl.user_id = ?1 AND kl.reviewed_at >= ?3 AND ku.review_log_id IS NULL`;

/** Started cards due by the end of the study day (?2), earliest first; learning cards are never buried. */
const DUE_CANDIDATES_SQL = `
  SELECT ${CANDIDATE_COLUMNS}
  FROM cards c JOIN questions q ON q.id = c.question_id AND q.status = 'active'
  WHERE c.user_id = ?1 AND c.state <> 0 AND c.due <= ?2
    AND (c.state IN (1, 3) OR c.last_review >= ?3 OR c.sibling_key NOT IN (${KEYS_REVIEWED_TODAY}))
  ORDER BY c.due LIMIT ${DUE_CANDIDATES}`;

/**
 * New cards not buried today: the first few of every module (in introduction
 * order), so the queue can interleave modules even when one holds thousands. The
 * recursive part walks the learner's modules with new cards through the
 * index (a skip scan), and each module takes one indexed LIMIT.
 */
const NEW_CANDIDATES_SQL = `
  WITH RECURSIVE m(id) AS (
    SELECT (SELECT min(module_id) FROM cards WHERE user_id = ?1 AND state = 0)
    UNION ALL
    SELECT (SELECT min(module_id) FROM cards WHERE user_id = ?1 AND state = 0 AND module_id > m.id)
    FROM m WHERE m.id IS NOT NULL)
  SELECT ${CANDIDATE_COLUMNS}
  FROM m JOIN cards c ON c.id IN (
    SELECT c2.id FROM cards c2 JOIN questions q ON q.id = c2.question_id AND q.status = 'active'
    WHERE c2.user_id = ?1 AND c2.state = 0 AND c2.module_id = m.id
      AND c2.sibling_key NOT IN (${KEYS_REVIEWED_TODAY})
    ORDER BY c2.id LIMIT ${NEW_CANDIDATES_PER_MODULE})
  ORDER BY c.id`;

/**
 * Cards left today, counted in SQL rather than from the (bounded) candidate
 * lists: learning and review cards due by the end of the day (?2), from the
 * index of started cards, and new cards, less those of retired questions
 * (found from the few retired questions, not by joining every card).
 */
const CARDS_LEFT_SQL = `
  SELECT sum(c.state IN (1, 3)) AS learning, sum(c.state = 2) AS review,
         (SELECT count(*) FROM cards n WHERE n.user_id = ?1 AND n.state = 0)
         - (SELECT count(*) FROM questions rq CROSS JOIN cards rc
            ON rc.user_id = ?1 AND rc.question_id = rq.id AND rc.state = 0
            WHERE rq.status = 'retired') AS fresh
  FROM cards c JOIN questions q ON q.id = c.question_id AND q.status = 'active'
  WHERE c.user_id = ?1 AND c.state <> 0 AND c.due <= ?2`;

interface CandidateRow {
  id: number;
  moduleId: string;
  siblingKey: string;
  state: number;
  due: number;
  stability: number;
  lastReview: number | null;
}

function rowsOf<T>(result: ResultSet): T[] {
  return result.rows as unknown as T[];
}

/**
 * The head of the learner's queue for now, best first (card ids), today's
 * counts, and how many cards are left today (`remaining`, which may exceed
 * the head's length when the candidate lists were cut short).
 */
export async function reviewQueue(db: Database, user: UserRow, now: number) {
  const { start, end } = studyDayBounds(now, user.timeZone);
  const [countsResult, dueResult, newResult, leftResult] = await db.$client.batch(
    [
      { sql: DAY_COUNTS_SQL, args: [user.id, start] },
      { sql: DUE_CANDIDATES_SQL, args: [user.id, end, start] },
      { sql: NEW_CANDIDATES_SQL, args: [user.id, null, start] },
      { sql: CARDS_LEFT_SQL, args: [user.id, end] },
    ],
    "read",
  );
  const [countsRow] = rowsOf<{ reviewed: number; fresh: number | null; keys: string | null }>(countsResult);
  const counts = {
    reviewedToday: Number(countsRow?.reviewed ?? 0),
    newToday: Number(countsRow?.fresh ?? 0),
    siblingKeysToday: new Set(countsRow?.keys ? countsRow.keys.split("\u001f") : []),
  };
  const due = rowsOf<CandidateRow>(dueResult);
  const newLeft = Math.max(0, user.newPerDay - counts.newToday);
  const perModule = Math.min(newLeft, NEW_CANDIDATES_PER_MODULE);
  const newPerModule = new Map<string, number>();
  const fresh = rowsOf<CandidateRow>(newResult).filter((c) => {
    const n = (newPerModule.get(c.moduleId) ?? 0) + 1;
    newPerModule.set(c.moduleId, n);
    return n <= perModule;
  });
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
  // When a candidate list was cut short, the queue is only its head: count what is left in SQL.
  const truncated =
    due.length === DUE_CANDIDATES || (perModule < newLeft && [...newPerModule.values()].some((n) => n >= perModule));
  let left: CardsLeft = { learning: 0, review: 0, new: 0 };
  const stateOf = new Map(candidates.map((c) => [c.id, c.state]));
  for (const id of queue) {
    const state = stateOf.get(id);
    if (state === 0) left.new++;
    else if (state === 2) left.review++;
    else left.learning++;
  }
  if (truncated) {
    const [row] = rowsOf<{ learning: number | null; review: number | null; fresh: number | null }>(leftResult);
    // Siblings are not discounted, so this is an upper bound ("about").
    const reviewsLeft = Math.max(0, user.maxReviewsPerDay - counts.reviewedToday);
    const review = Math.min(Number(row?.review ?? 0), reviewsLeft);
    const counted = {
      learning: Number(row?.learning ?? 0),
      review,
      new: Math.min(Number(row?.fresh ?? 0), newLeft, reviewsLeft - review),
    };
    if (counted.learning + counted.review + counted.new > queue.length) left = counted;
  }
  return { queue, counts, left, remaining: left.learning + left.review + left.new };
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

/** The card and its question, with the card's open (unanswered, current) showing if it has one. */
const SHOW_CARD_SQL = `
  SELECT c.version AS version, c.state AS state, q.id AS questionId, q.type AS type, q.prompt AS prompt,
         q.options_json AS optionsJson, q.numeric_json AS numericJson,
         s.id AS openId, s.options_json AS openOptionsJson
  FROM cards c JOIN questions q ON q.id = c.question_id
  LEFT JOIN showings s ON s.user_id = c.user_id AND s.card_id = c.id AND s.card_version = c.version AND s.answered_at IS NULL
  WHERE c.id = ?1 AND c.user_id = ?2
  ORDER BY s.shown_at DESC LIMIT 1`;

const INSERT_SHOWING_SQL = `
  INSERT INTO showings (id, user_id, card_id, card_version, options_json, shown_at) VALUES (?, ?, ?, ?, ?, ?)`;

async function showCard(db: Database, user: UserRow, cardId: number, now: number): Promise<ShownCard | null> {
  const [row] = rowsOf<{
    version: number;
    state: number;
    questionId: string;
    type: QuestionView["type"];
    prompt: string;
    optionsJson: string | null;
    numericJson: string | null;
    openId: string | null;
    openOptionsJson: string | null;
  }>(await db.$client.execute({ sql: SHOW_CARD_SQL, args: [cardId, user.id] }));
  if (!row) return null;
  let showingId: string;
  let options: string[] | null;
  if (row.openId) {
    showingId = row.openId;
    options = row.openOptionsJson ? (JSON.parse(row.openOptionsJson) as string[]) : null;
  } else {
    showingId = randomBytes(12).toString("base64url");
    const questionOptions = row.optionsJson ? (JSON.parse(row.optionsJson) as string[]) : null;
    options = presentedOptions({ type: row.type, options: questionOptions }, showingId);
    await db.$client.execute({
      sql: INSERT_SHOWING_SQL,
      args: [showingId, user.id, cardId, row.version, options ? JSON.stringify(options) : null, now],
    });
  }
  const numeric = row.numericJson ? (JSON.parse(row.numericJson) as { unit: string | null }) : null;
  return {
    showingId,
    cardId,
    isNew: row.state === 0,
    question: { id: row.questionId, type: row.type, prompt: row.prompt, options, unit: numeric?.unit ?? null },
  };
}

/**
 * The card of a showing whose answer was refused (nothing to grade), put back
 * in front of the learner as it was: the same showing, options in the same
 * order. Null when the showing is not the learner's, was answered, or its
 * card has moved on (showCard then makes a new showing of the current card).
 */
export async function showAgain(db: Database, user: UserRow, showingId: string, now: number): Promise<ShownCard | null> {
  const [row] = rowsOf<{ cardId: number }>(
    await db.$client.execute({
      sql: "SELECT card_id AS cardId FROM showings WHERE id = ? AND user_id = ? AND answered_at IS NULL",
      args: [showingId, user.id],
    }),
  );
  return row ? showCard(db, user, row.cardId, now) : null;
}

export interface AnswerResult {
  showingId: string;
  correct: boolean;
  /** Correct, close (right but misspelt) or wrong. */
  verdict: Exclude<Verdict, "invalid">;
  /** "Right — check the spelling: …" for a close answer; null otherwise. */
  message: string | null;
  response: string;
  expected: string;
  sourceSentence: string;
  /** The question's explanation: its source sentence, unless an instructor wrote another. */
  explanation: string;
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
  /** Absent from responses stored before verdicts: read as correct or wrong. */
  verdict?: Exclude<Verdict, "invalid">;
  message?: string | null;
  expected: string;
  proposedRating: Rating;
  responseMs: number;
}

const MAX_RESPONSE_MS = 10 * 60_000;

/** A showing (s) with its card (c, only if the learner's: ?1), question (q), lesson (le), module (m) and course (co). */
const SHOWING_JOINS = `FROM showings s
  LEFT JOIN cards c ON c.id = s.card_id AND c.user_id = ?1
  LEFT JOIN questions q ON q.id = c.question_id
  LEFT JOIN lessons le ON le.id = q.lesson_id
  LEFT JOIN modules m ON m.id = le.module_id
  LEFT JOIN courses co ON co.id = m.course_id`;
const LESSON_URL = `'/courses/' || co.slug || '/' || m.slug || '/' || le.slug`;

/**
 * Everything answering or re-rating a showing needs, in one query: the
 * showing (only the learner's own) and its stored response, its card and
 * question, the lesson's address, the review in force for the showing (its
 * latest log not undone), and the learner's last 40 response times (for the
 * proposed rating).
 */
const SHOWING_CONTEXT_SQL = `
  SELECT s.answered_at AS answeredAt, s.shown_at AS shownAt, s.card_version AS showingVersion, s.card_id AS cardId,
         s.response_json AS responseJson,
         c.version AS version, c.state AS state, c.due AS due, c.stability AS stability, c.difficulty AS difficulty,
         c.elapsed_days AS elapsedDays, c.scheduled_days AS scheduledDays, c.learning_steps AS learningSteps,
         c.reps AS reps, c.lapses AS lapses, c.last_review AS lastReview,
         q.type AS type, q.prompt AS prompt, q.answer AS answer, q.accepted_json AS acceptedJson, q.options_json AS optionsJson,
         q.numeric_json AS numericJson, q.source_sentence AS sourceSentence, q.explanation AS explanation, q.status AS status,
         ${LESSON_URL} AS lessonUrl,
         l.id AS logId, l.rating AS logRating, l.reviewed_at AS logReviewedAt, l.correct AS logCorrect,
         l.response_ms AS logResponseMs, l.card_before_json AS logCardBeforeJson, l.card_version_after AS logVersionAfter,
         (SELECT json_group_array(json_array(r.correct, r.response_ms)) FROM (
            SELECT correct, response_ms FROM review_logs WHERE user_id = ?1 ORDER BY reviewed_at DESC LIMIT 40) r) AS recentJson
  ${SHOWING_JOINS}
  LEFT JOIN review_logs l ON l.id = (
    SELECT l2.id FROM review_logs l2 LEFT JOIN review_undos u ON u.review_log_id = l2.id
    WHERE l2.showing_id = s.id AND u.review_log_id IS NULL ORDER BY l2.id DESC LIMIT 1)
  WHERE s.id = ?2 AND s.user_id = ?1`;

/** The showing, its card's scheduling columns (null `version`: the card is gone) and the review in force (null `logId`: none). */
interface ShowingContext extends Omit<CardState, "state" | "due"> {
  answeredAt: number | null;
  shownAt: number;
  showingVersion: number;
  cardId: number;
  responseJson: string | null;
  version: number | null;
  state: number;
  due: number | null;
  type: QuestionView["type"];
  prompt: string;
  answer: string;
  acceptedJson: string;
  optionsJson: string | null;
  numericJson: string | null;
  sourceSentence: string | null;
  explanation: string | null;
  status: "active" | "retired";
  lessonUrl: string | null;
  logId: number | null;
  logRating: number;
  logReviewedAt: number;
  logCorrect: number;
  logResponseMs: number;
  logCardBeforeJson: string;
  logVersionAfter: number;
  recentJson: string;
}

async function loadShowingContext(db: Database, userId: string, showingId: string): Promise<ShowingContext> {
  const [row] = rowsOf<ShowingContext>(await db.$client.execute({ sql: SHOWING_CONTEXT_SQL, args: [userId, showingId] }));
  if (!row) throw new ReviewError("not_found", "That card is not one of yours, or it no longer exists.");
  return row;
}

/**
 * What the learner sees after answering: the stored response, the source
 * sentence, and the review in force (`review`; none when it was undone, and
 * the proposed rating is shown with no interval).
 */
function answerResult(
  showingId: string,
  stored: StoredResponse,
  row: Pick<ShowingContext, "sourceSentence" | "explanation" | "lessonUrl">,
  review: { rating: Rating; reviewedAt: number; due: number } | null,
  replayed: boolean,
): AnswerResult {
  return {
    showingId,
    correct: stored.correct,
    verdict: stored.verdict ?? (stored.correct ? "correct" : "wrong"),
    message: stored.message ?? null,
    response: stored.response,
    expected: stored.expected,
    sourceSentence: row.sourceSentence ?? "",
    explanation: row.explanation ?? "",
    lessonUrl: row.lessonUrl,
    proposedRating: stored.proposedRating,
    rating: review?.rating ?? stored.proposedRating,
    intervalDays: review ? Math.max(0, (review.due - review.reviewedAt) / 86_400_000) : 0,
    replayed,
  };
}

/** The result of a showing answered before, as it stands now. */
function replayedResult(showingId: string, row: ShowingContext): AnswerResult {
  const stored = JSON.parse(row.responseJson ?? "{}") as StoredResponse;
  const review =
    row.logId === null
      ? null
      : { rating: row.logRating as Rating, reviewedAt: row.logReviewedAt, due: row.due ?? row.logReviewedAt };
  return answerResult(showingId, stored, row, review, true);
}

/*
 * Reviews are written as one atomic batch whose first statement moves the
 * card on from the version the review was computed from; every later
 * statement applies only if the one before it changed a row (changes() = 1),
 * so a card that moved on meanwhile makes the whole batch a no-op.
 */

/** Moves the card from `fromVersion` to `after` at `fromVersion + 1`. */
function cardUpdate(cardId: number, userId: string, fromVersion: number, after: CardState): InStatement {
  return {
    sql: `UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?,
            learning_steps = ?, reps = ?, lapses = ?, last_review = ?, version = ?
          WHERE id = ? AND user_id = ? AND version = ?`,
    args: [
      after.state, after.due, after.stability, after.difficulty, after.elapsedDays, after.scheduledDays,
      after.learningSteps, after.reps, after.lapses, after.lastReview, fromVersion + 1,
      cardId, userId, fromVersion,
    ],
  };
}

interface LoggedReview {
  cardId: number;
  userId: string;
  showingId: string;
  reviewedAt: number;
  rating: Rating;
  correct: boolean;
  responseMs: number;
  before: CardState;
  log: { state: number; elapsedDays: number; scheduledDays: number };
  versionAfter: number;
}

/** Appends the review to the log, if the statement before it applied. */
function logInsert(review: LoggedReview): InStatement {
  return {
    sql: `INSERT INTO review_logs (card_id, user_id, showing_id, reviewed_at, rating, correct, response_ms, state,
            elapsed_days, scheduled_days, card_before_json, card_version_after)
          SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
    args: [
      review.cardId, review.userId, review.showingId, review.reviewedAt, review.rating, review.correct ? 1 : 0,
      review.responseMs, review.log.state, review.log.elapsedDays, review.log.scheduledDays,
      serializeCardState(review.before), review.versionAfter,
    ],
  };
}

/**
 * Grades the learner's answer to a showing, applies the proposed rating and
 * returns the result. A repeat of an answered showing returns the stored result.
 * A response with nothing to grade (empty, spaces) is refused before anything
 * is read or written: the learner corrects the form, no review is recorded.
 */
export async function answerShowing(
  db: Database,
  user: UserRow,
  input: { showingId: string; response: string; clientResponseMs?: number | null },
  now: number,
): Promise<AnswerResult> {
  const problem = responseProblem(input.response);
  if (problem) throw new ReviewError("invalid_response", problem);
  const row = await loadShowingContext(db, user.id, input.showingId);
  if (row.answeredAt !== null) return replayedResult(input.showingId, row);
  if (row.version === null) throw new ReviewError("not_found", "That card no longer exists.");
  if (row.version !== row.showingVersion) {
    throw new ReviewError("stale", "This card was already answered elsewhere. Here is your next card.");
  }
  if (row.status !== "active") {
    throw new ReviewError("retired", "This question was retired from the course, so it is no longer reviewed.");
  }
  const question = {
    type: row.type,
    prompt: row.prompt,
    answer: row.answer,
    accepted: JSON.parse(row.acceptedJson) as string[],
    options: row.optionsJson ? (JSON.parse(row.optionsJson) as string[]) : null,
    numeric: row.numericJson ? (JSON.parse(row.numericJson) as NumericAnswer) : null,
  };
  const graded = gradeResponse(question, input.response);
  // responseProblem above refuses what the grader would call invalid.
  if (graded.verdict === "invalid") throw new ReviewError("invalid_response", graded.message ?? "");
  const correct = isRight(graded.verdict);
  // The server's clock bounds what the client says it took.
  const serverMs = Math.max(0, now - row.shownAt);
  const clientMs = input.clientResponseMs ?? null;
  const responseMs = Math.min(
    MAX_RESPONSE_MS,
    clientMs !== null && clientMs >= 0 && clientMs <= serverMs + 1000 ? clientMs : serverMs,
  );
  const recent = (JSON.parse(row.recentJson) as [number, number][]).map(([correct, ms]) => ({
    correct: correct === 1,
    responseMs: ms,
  }));
  const proposedRating = proposeRating({
    correct,
    misspelt: graded.verdict === "close",
    responseMs,
    learnerMedianMs: medianResponseMs(recent),
    type: question.type,
  });
  // The card exists (version is set), so its due date is too.
  const before = cardStateOf(row as ShowingContext & { due: number });
  const outcome = scheduleReview(before, proposedRating, now, { ...schedulerSettingsFor(user), seed: String(row.cardId) });
  const after = outcome.card;
  const stored: StoredResponse = {
    response: input.response,
    correct,
    verdict: graded.verdict,
    message: graded.message,
    expected: graded.expected,
    proposedRating,
    responseMs,
  };
  // A showing whose card is still at its version was never answered (answering
  // bumps the version, which never goes back): when the card moves, all three apply.
  const [cardMoved, logged, showingAnswered] = await db.$client.batch(
    [
      cardUpdate(row.cardId, user.id, row.version, after),
      logInsert({
        cardId: row.cardId,
        userId: user.id,
        showingId: input.showingId,
        reviewedAt: now,
        rating: proposedRating,
        correct,
        responseMs,
        before,
        log: outcome.log,
        versionAfter: row.version + 1,
      }),
      {
        sql: `UPDATE showings SET answered_at = ?, response_json = ?, review_log_id = last_insert_rowid()
              WHERE id = ? AND answered_at IS NULL AND changes() = 1`,
        args: [now, JSON.stringify(stored), input.showingId],
      },
    ],
    "write",
  );
  if (cardMoved.rowsAffected !== 1) {
    // Another request got there first: the same answer (a double tap) is
    // replayed; anything else moved the card on and this showing is stale.
    const current = await loadShowingContext(db, user.id, input.showingId);
    if (current.answeredAt !== null) return replayedResult(input.showingId, current);
    throw new ReviewError("stale", "This card changed in another tab. Here is the current one.");
  }
  if (logged.rowsAffected !== 1 || showingAnswered.rowsAffected !== 1) {
    // Impossible while card versions only go up: the chain applies whole once the card moves.
    throw new Error(`Answering showing ${input.showingId} applied only in part, which the version guard should rule out.`);
  }
  return answerResult(input.showingId, stored, row, { rating: proposedRating, reviewedAt: now, due: after.due }, false);
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
  return rateShowingAttempt(db, user, input, now, 1);
}

async function rateShowingAttempt(
  db: Database,
  user: UserRow,
  input: { showingId: string; rating: Rating },
  now: number,
  attempt: number,
): Promise<AnswerResult> {
  const row = await loadShowingContext(db, user.id, input.showingId);
  if (row.answeredAt === null) throw new ReviewError("not_answered", "Answer the card before rating it.");
  if (row.logId === null) throw new ReviewError("stale", "That review was undone.");
  if (row.logRating === input.rating) return replayedResult(input.showingId, row);
  if (row.version === null || row.version !== row.logVersionAfter) {
    throw new ReviewError("stale", "This card has been reviewed again since, so its rating can no longer change.");
  }
  const before = parseCardState(row.logCardBeforeJson);
  const outcome = scheduleReview(before, input.rating, row.logReviewedAt, { ...schedulerSettingsFor(user), seed: String(row.cardId) });
  const [cardMoved, undone, logged, showingMoved] = await db.$client.batch(
    [
      cardUpdate(row.cardId, user.id, row.version, outcome.card),
      { sql: "INSERT INTO review_undos (review_log_id, undone_at) SELECT ?, ? WHERE changes() = 1", args: [row.logId, now] },
      logInsert({
        cardId: row.cardId,
        userId: user.id,
        showingId: input.showingId,
        reviewedAt: row.logReviewedAt,
        rating: input.rating,
        correct: row.logCorrect === 1,
        responseMs: row.logResponseMs,
        before,
        log: outcome.log,
        versionAfter: row.version + 1,
      }),
      {
        sql: "UPDATE showings SET review_log_id = last_insert_rowid() WHERE id = ? AND changes() = 1",
        args: [input.showingId],
      },
    ],
    "write",
  );
  if (cardMoved.rowsAffected !== 1) {
    // The card moved on meanwhile: a second tap of the same rating finds it
    // applied and replays it; anything else makes this rating stale.
    if (attempt === 1) return rateShowingAttempt(db, user, input, now, 2);
    throw new ReviewError("stale", "This card changed in another tab. Here is the current one.");
  }
  if (undone.rowsAffected !== 1 || logged.rowsAffected !== 1 || showingMoved.rowsAffected !== 1) {
    // Impossible while card versions only go up: the chain applies whole once the card moves.
    throw new Error(`Re-rating showing ${input.showingId} applied only in part, which the version guard should rule out.`);
  }
  const stored = JSON.parse(row.responseJson ?? "{}") as StoredResponse;
  const review = { rating: input.rating, reviewedAt: row.logReviewedAt, due: outcome.card.due };
  return answerResult(input.showingId, stored, row, review, false);
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
