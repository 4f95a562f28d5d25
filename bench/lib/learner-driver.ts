/**
 * Drives bench learners through the review flow: answer the card on screen
 * (right about 70% of the time), sometimes re-rate it, sometimes send the
 * same answer twice (a double tap or a retried request), and move on to the
 * next card the answer's result carries. Every acknowledged answer and rating
 * is remembered for the integrity check, and every request's latency is
 * recorded under its kind.
 */
import { performance } from "node:perf_hooks";
import type { BenchLearner } from "./learners";
import type { ReviewClient, ShownCard } from "./review-client";

export type RequestKind = "answer" | "rate" | "repeat" | "next";

export interface Behaviour {
  rightRate: number;
  rerateRate: number;
  repeatRate: number;
  random: () => number;
}

/** What the server acknowledged for one showing: its first answer and the rating last confirmed. */
export interface Acknowledged {
  learnerId: string;
  rating: number;
  /** A re-rating got no reply (timeout, reset): either rating may be in force. */
  ratingUncertain?: boolean;
}

export class Ledger {
  /** showingId -> acknowledgement, over all runs. */
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Answers to a showing already acknowledged: the server showed an answered card again. */
  unexpectedReplays = 0;
  /** First acknowledgements that came as replays: an earlier answer to the showing got no reply but was applied. */
  replayedAfterFailure = 0;
  /** Repeats of an answered showing that were applied again or changed the rating. */
  badRepeats = 0;
  right = 0;
  wrong = 0;
}

export interface LearnerState {
  learner: BenchLearner;
  card: ShownCard | null;
  /** performance.now() when the card arrived, for the response time the page would send. */
  cardAt: number;
  done: boolean;
}

export interface Sample {
  kind: RequestKind;
  /** When the request was meant to go (open loop) or went (closed loop). */
  start: number;
  end: number;
  status: number;
  error?: string;
}

export type Recorder = (sample: Sample) => void;

const WRONG = "not the answer";

function responseFor(card: ShownCard, key: Map<string, string>, right: boolean, random: () => number): string {
  const answer = key.get(card.question.id) ?? "";
  if (right) return answer;
  const options = card.question.options?.filter((o) => o !== answer) ?? [];
  if (options.length > 0) return options[Math.floor(random() * options.length)];
  return WRONG;
}

async function timed<T extends { status: number }>(
  kind: RequestKind,
  start: number,
  record: Recorder,
  send: () => Promise<T>,
): Promise<T | null> {
  try {
    const reply = await send();
    record({ kind, start, end: performance.now(), status: reply.status });
    return reply;
  } catch (error) {
    record({ kind, start, end: performance.now(), status: 0, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** Loads the card on screen for a learner with none (the page load). */
export async function refresh(client: ReviewClient, state: LearnerState, record: Recorder, start = performance.now()) {
  const reply = await timed("next", start, record, () => client.next(state.learner.cookie));
  if (reply?.status === 200 && reply.body) {
    state.card = reply.body.card;
    state.cardAt = performance.now();
    state.done = reply.body.card === null;
  }
}

/**
 * One turn of a learner: answers the card on screen and moves to the next.
 * `scheduledAt` is when the learner meant to answer; latency counts from it.
 */
export async function answerTurn(
  client: ReviewClient,
  state: LearnerState,
  key: Map<string, string>,
  behaviour: Behaviour,
  ledger: Ledger,
  record: Recorder,
  scheduledAt = performance.now(),
) {
  if (!state.card) {
    await refresh(client, state, record, scheduledAt);
    if (!state.card) return;
  }
  const card = state.card;
  const cookie = state.learner.cookie;
  const right = behaviour.random() < behaviour.rightRate;
  const response = responseFor(card, key, right, behaviour.random);
  const clientMs = performance.now() - state.cardAt;
  const reply = await timed("answer", scheduledAt, record, () => client.answer(cookie, card.showingId, response, clientMs));
  const data = reply?.body;
  if (!reply || reply.status !== 200 || data?.kind !== "answered") {
    // Stale, missing or failed: reload the page as the browser would.
    state.card = null;
    await refresh(client, state, record);
    return;
  }
  const { result } = data;
  if (ledger.acknowledged.has(result.showingId)) ledger.unexpectedReplays++;
  else {
    ledger.acknowledged.set(result.showingId, { learnerId: state.learner.id, rating: result.rating });
    if (result.replayed) ledger.replayedAfterFailure++;
  }
  if (result.correct) ledger.right++;
  else ledger.wrong++;

  if (behaviour.random() < behaviour.repeatRate) {
    const again = await timed("repeat", performance.now(), record, () => client.answer(cookie, card.showingId, response, clientMs));
    const repeated = again?.status === 200 && again.body?.kind === "answered" ? again.body.result : null;
    if (again && again.status === 200 && (!repeated || !repeated.replayed || repeated.rating !== result.rating)) ledger.badRepeats++;
  }
  let next = data.next;
  if (behaviour.random() < behaviour.rerateRate) {
    const others = [1, 2, 3, 4].filter((r) => r !== result.rating);
    const rating = others[Math.floor(behaviour.random() * others.length)];
    const rated = await timed("rate", performance.now(), record, () => client.rate(cookie, card.showingId, rating));
    const ack = ledger.acknowledged.get(card.showingId);
    if (ack && !rated) ack.ratingUncertain = true;
    if (rated?.status === 200 && rated.body?.kind === "answered") {
      if (ack) ack.rating = rated.body.result.rating;
      // The page shows the next card the latest result carries.
      next = rated.body.next;
    }
  }
  state.card = next;
  state.cardAt = performance.now();
  if (!state.card) await refresh(client, state, record);
}
