/**
 * A simulated learner for testing the FSRS evaluation: cards are scheduled
 * by the app's own scheduler (default weights, desired retention, learning
 * steps, fuzz), while whether the learner recalls a card is drawn from a
 * known FSRS-6 memory model with *other* weights. An optimiser fitted on the
 * resulting log should beat the defaults. Deterministic for a seed.
 */
import { DEFAULT_DAY_CLOCK, dayNumber, memoryModel, type MemoryState } from "../app/learning/memory-model";
import { seededRandom } from "../app/learning/random";
import {
  CardStates,
  DEFAULT_WEIGHTS,
  newCardState,
  scheduleReview,
  type CardState,
  type Rating,
} from "../app/learning/scheduler";
import type { SimulatedReviewRow } from "./review-log-csv";

/**
 * The simulated learner's true memory: faster initial forgetting, slower
 * stability growth and a steeper forgetting curve than the FSRS-6 defaults.
 */
export const SIMULATED_TRUE_WEIGHTS: readonly number[] = (() => {
  const w = [...DEFAULT_WEIGHTS];
  w[0] = 0.1; // initial stability after Again
  w[1] = 0.5; // ... Hard
  w[2] = 1.0; // ... Good
  w[3] = 5.0; // ... Easy
  w[8] = 1.2; // recall stability growth (e^w8)
  w[20] = 0.4; // decay of the forgetting curve
  return w;
})();

export interface SimulationOptions {
  seed: string;
  days: number;
  newPerDay: number;
  desiredRetention: number;
  trueWeights?: readonly number[];
  /** First day, ms at 00:00 UTC. */
  start?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reviews of a simulated learner studying once a day (UTC, 4 am rollover). */
export function simulateReviewLog(options: SimulationOptions): SimulatedReviewRow[] {
  const random = seededRandom(`simulate:${options.seed}`);
  const truth = memoryModel(options.trueWeights ?? SIMULATED_TRUE_WEIGHTS);
  const start = options.start ?? Date.UTC(2025, 0, 1);
  const settings = { desiredRetention: options.desiredRetention, enableFuzz: true };
  interface SimCard {
    id: number;
    sched: CardState;
    memory: MemoryState | null;
  }
  const cards: SimCard[] = [];
  const rows: SimulatedReviewRow[] = [];

  const review = (card: SimCard, at: number) => {
    const prev = card.sched.lastReview;
    let rating: Rating;
    let deltaT = 0;
    if (card.memory === null) {
      const u = random();
      rating = u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.9 ? 3 : 4;
    } else {
      deltaT = Math.max(0, dayNumber(at, DEFAULT_DAY_CLOCK) - dayNumber(prev!, DEFAULT_DAY_CLOCK));
      // Long-term reviews follow the model on whole days, as FSRS sees them.
      const elapsed = deltaT > 0 ? deltaT : (at - prev!) / DAY;
      const recalled = random() < truth.recall(card.memory, elapsed);
      const u = random();
      rating = !recalled ? 1 : u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
    }
    rows.push({
      cardId: card.id,
      reviewedAt: at,
      rating,
      state: card.sched.state,
      durationMs: Math.round(3_000 + random() * 12_000),
    });
    card.memory = truth.next(card.memory, deltaT, rating);
    card.sched = scheduleReview(card.sched, rating, at, { ...settings, seed: String(card.id) }).card;
  };

  for (let d = 0; d < options.days; d++) {
    const dayEnd = start + (d + 1) * DAY + 4 * HOUR;
    let t = start + d * DAY + 9 * HOUR + Math.floor(random() * 10 * HOUR);
    for (let n = 0; n < options.newPerDay; n++) {
      cards.push({ id: cards.length + 1, sched: newCardState(t), memory: null });
    }
    const queue = cards
      .filter((c) => c.sched.state !== CardStates.learning && c.sched.state !== CardStates.relearning)
      .filter((c) => c.sched.due < dayEnd)
      .sort((a, b) => a.sched.state - b.sched.state || a.sched.due - b.sched.due)
      .reverse(); // pop() takes reviews first, then new cards
    for (;;) {
      const learning = cards
        .filter((c) => (c.sched.state === CardStates.learning || c.sched.state === CardStates.relearning) && c.sched.due < dayEnd)
        .sort((a, b) => a.sched.due - b.sched.due)[0];
      let next: SimCard | undefined;
      if (learning && learning.sched.due <= t) next = learning;
      else next = queue.pop();
      if (!next && learning) {
        t = learning.sched.due;
        next = learning;
      }
      if (!next) break;
      review(next, t);
      t += 5_000 + Math.floor(random() * 15_000);
    }
  }
  return rows;
}
