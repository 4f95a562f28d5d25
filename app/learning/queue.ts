/**
 * The daily review queue: which cards a learner sees now, in what order.
 *
 *   1. learning/relearning cards already due (a wrong answer comes back
 *      within the session), soonest first;
 *   2. review cards due by the end of the study day, earliest due day first,
 *      then lowest retrievability (the most at-risk memory first);
 *   3. new cards, up to what is left of the daily new limit, interleaved
 *      across modules (round-robin, keeping each module's order);
 *   4. learning cards due within the learn-ahead window (20 minutes, as
 *      Anki): shown early only once nothing else is left.
 *
 * Review and new cards together stop at the daily review limit; cards in
 * learning are never cut off mid-session. Siblings (cards sharing a
 * siblingKey, i.e. the same fact asked another way) are buried as Anki buries
 * them: a card whose sibling was reviewed today, or is earlier in today's
 * queue, waits for another day. Pure: the clock and counts are arguments.
 */
import { studyDayBounds, studyDay } from "./day";
import { CardStates, retrievability, type CardState } from "./scheduler";

/** Learning cards due this soon are shown early once nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueCard {
  id: number;
  moduleId: string;
  siblingKey: string;
  state: CardState["state"];
  due: number;
  stability: number;
  lastReview: number | null;
}

export interface QueueInput {
  /** Candidate cards; new cards in the order they should be introduced within a module. */
  cards: readonly QueueCard[];
  now: number;
  timeZone: string;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** Reviews already done this study day (any state; undone ones excluded). */
  reviewedTodayCount: number;
  /** New cards already introduced this study day. */
  newIntroducedTodayCount: number;
  /** Sibling keys of the cards reviewed this study day. */
  siblingKeysReviewedToday: ReadonlySet<string>;
  /** The learner's FSRS weights (for retrievability); null = defaults. */
  weights?: readonly number[] | null;
}

export interface ReviewQueuePlan {
  /** Card ids in the order to show them; the first is the card to show now. */
  ids: number[];
  counts: { learning: number; review: number; new: number };
  /** When the next learning card beyond the learn-ahead window falls due today, if any. */
  nextLearningDue: number | null;
}

const isLearning = (c: QueueCard) =>
  c.state === CardStates.learning || c.state === CardStates.relearning;

/** Round-robin over groups (in order of first appearance), keeping order within each. */
export function interleaveBy<T>(items: readonly T[], groupOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const out: T[] = [];
  const queues = [...groups.values()];
  for (let round = 0; out.length < items.length; round++) {
    for (const q of queues) if (round < q.length) out.push(q[round]!);
  }
  return out;
}

export function planReviewQueue(input: QueueInput): ReviewQueuePlan {
  const { now, timeZone } = input;
  const { day: today, start: dayStart, end: dayEnd } = studyDayBounds(now, timeZone);
  const takenKeys = new Set<string>();

  // A card reviewed today carries the key it buries; only its siblings wait.
  const buried = (c: QueueCard) =>
    takenKeys.has(c.siblingKey) ||
    (input.siblingKeysReviewedToday.has(c.siblingKey) &&
      !(c.lastReview !== null && c.lastReview >= dayStart));

  const learning = input.cards.filter((c) => isLearning(c) && c.due < dayEnd).sort(byDueThenId);
  const learningNow = learning.filter((c) => c.due <= now);
  const learningAhead = learning.filter((c) => c.due > now && c.due <= now + LEARN_AHEAD_MS);
  const learningLater = learning.filter((c) => c.due > now + LEARN_AHEAD_MS);
  // Cards in learning are never buried: they were already started today.
  for (const c of learning) takenKeys.add(c.siblingKey);

  let reviewsLeft = Math.max(0, input.maxReviewsPerDay - input.reviewedTodayCount);

  const dueDay = new Map<number, string>();
  const dayOf = (c: QueueCard) => {
    let d = dueDay.get(c.id);
    if (d === undefined) dueDay.set(c.id, (d = c.due >= dayStart ? today : studyDay(c.due, timeZone)));
    return d;
  };
  const reviews = input.cards
    .filter((c) => c.state === CardStates.review && c.due < dayEnd)
    .map((c) => ({ card: c, r: retrievability(c, now, input.weights) }))
    .sort(
      (a, b) =>
        dayOf(a.card).localeCompare(dayOf(b.card)) || a.r - b.r || a.card.id - b.card.id,
    );
  const reviewIds: number[] = [];
  for (const { card } of reviews) {
    if (reviewsLeft <= 0) break;
    if (buried(card)) continue;
    takenKeys.add(card.siblingKey);
    reviewIds.push(card.id);
    reviewsLeft--;
  }

  let newLeft = Math.min(reviewsLeft, Math.max(0, input.newPerDay - input.newIntroducedTodayCount));
  const newIds: number[] = [];
  const fresh = interleaveBy(
    input.cards.filter((c) => c.state === CardStates.new),
    (c) => c.moduleId,
  );
  for (const card of fresh) {
    if (newLeft <= 0) break;
    if (buried(card)) continue;
    takenKeys.add(card.siblingKey);
    newIds.push(card.id);
    newLeft--;
  }

  return {
    ids: [...learningNow.map((c) => c.id), ...reviewIds, ...newIds, ...learningAhead.map((c) => c.id)],
    counts: {
      learning: learningNow.length + learningAhead.length,
      review: reviewIds.length,
      new: newIds.length,
    },
    nextLearningDue: learningLater[0]?.due ?? null,
  };
}

function byDueThenId(a: QueueCard, b: QueueCard): number {
  return a.due - b.due || a.id - b.id;
}

/** Card ids in the order to show them now; the first is the card to show now. */
export function buildReviewQueue(input: QueueInput): number[] {
  return planReviewQueue(input).ids;
}
