/**
 * FSRS scheduling of one card (ts-fsrs, FSRS-6). Owns the card's memory state
 * as stored in the `cards` row, the four possible outcomes of a review, the
 * fields a review appends to `review_logs`, and retrievability. The only
 * module of the app (with optimize.ts) that imports ts-fsrs.
 *
 * Time is an argument; fuzz is seeded (by the card's id and repetition count
 * when the caller gives a seed), so the same review at the same time always
 * schedules the same due date.
 */
import {
  createEmptyCard,
  default_w,
  forgetting_curve,
  fsrs,
  generatorParameters,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type Steps,
} from "ts-fsrs";

/** Card states, numbered as ts-fsrs and the `cards.state` column number them. */
export const CardStates = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
export type CardStateNumber = (typeof CardStates)[keyof typeof CardStates];

/** 1 Again, 2 Hard, 3 Good, 4 Easy (as Anki and `review_logs.rating`). */
export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

/** The FSRS-6 default weights (21), used until a learner has personal ones. */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);
export const WEIGHT_COUNT = 21;

/** Short-term steps: a new card comes back after 1 and 10 minutes, a lapse after 10. */
export const LEARNING_STEPS: Steps = ["1m", "10m"];
export const RELEARNING_STEPS: Steps = ["10m"];

/** The scheduling columns of a `cards` row, 1:1 (times in ms since the epoch). */
export interface CardState {
  state: CardStateNumber;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

export interface SchedulerSettings {
  /** Desired retention, 0.70–0.97 (validated by settings.ts). */
  desiredRetention: number;
  /** 21 FSRS-6 weights; null/undefined = defaults. */
  weights?: readonly number[] | null;
  /** Default true: intervals of 3+ days are spread by a few percent. */
  enableFuzz?: boolean;
  /**
   * Seeds the fuzz. Pass something stable per card (its id): the fuzz then
   * depends on (seed, repetition count) only. Without it ts-fsrs seeds from the
   * review time and memory state, which is deterministic too.
   */
  seed?: string;
}

/** The fields one review appends to `review_logs` (besides ids, correctness, response time). */
export interface ReviewLogEntry {
  reviewedAt: number;
  rating: Rating;
  /** State of the card before this review. */
  state: CardStateNumber;
  /** Whole days since the previous review (0 for the first). */
  elapsedDays: number;
  /** The interval this review scheduled, in whole days (0 for a learning step). */
  scheduledDays: number;
  /** The whole card before the review: undo restores exactly this. */
  cardBefore: CardState;
}

export interface ReviewOutcome {
  card: CardState;
  log: ReviewLogEntry;
}

/** A card never reviewed, due now. */
export function newCardState(now: Date | number): CardState {
  return fromFsrsCard(createEmptyCard(new Date(+now)));
}

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Parses a rating from form input ("1".."4" or a number). */
export function parseRating(
  value: unknown,
): { ok: true; rating: Rating } | { ok: false; error: string } {
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (isRating(n)) return { ok: true, rating: n };
  return {
    ok: false,
    error: `Rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); got ${JSON.stringify(value)}.`,
  };
}

/** Throws a RangeError unless `weights` is 21 finite numbers. */
export function checkWeights(weights: readonly number[]): readonly number[] {
  if (!Array.isArray(weights) || weights.length !== WEIGHT_COUNT) {
    throw new RangeError(`FSRS-6 needs ${WEIGHT_COUNT} weights; got ${weights?.length ?? 0}.`);
  }
  if (!weights.every((w) => typeof w === "number" && Number.isFinite(w))) {
    throw new RangeError("FSRS weights must all be finite numbers.");
  }
  return weights;
}

function scheduler(settings: SchedulerSettings, reps: number): FSRS {
  const { desiredRetention } = settings;
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new RangeError(`Desired retention must be in (0, 1); got ${desiredRetention}.`);
  }
  const f = fsrs(
    generatorParameters({
      request_retention: desiredRetention,
      w: [...checkWeights(settings.weights ?? DEFAULT_WEIGHTS)],
      enable_fuzz: settings.enableFuzz ?? true,
      enable_short_term: true,
      learning_steps: LEARNING_STEPS,
      relearning_steps: RELEARNING_STEPS,
    }),
  );
  if (settings.seed !== undefined) {
    const seed = `${settings.seed}:${reps}`;
    f.useStrategy(StrategyMode.SEED, () => seed);
  }
  return f;
}

function toFsrsCard(card: CardState): FsrsCard {
  return {
    state: card.state,
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    last_review: card.lastReview === null ? undefined : new Date(card.lastReview),
  };
}

function fromFsrsCard(card: FsrsCard): CardState {
  return {
    state: card.state as number as CardStateNumber,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** Applies `rating` to `card` at `now`: the card after, and the log row to append. */
export function scheduleReview(
  card: CardState,
  rating: Rating,
  now: Date | number,
  settings: SchedulerSettings,
): ReviewOutcome {
  if (!isRating(rating)) throw new RangeError(parseRatingError(rating));
  const at = new Date(+now);
  const result = scheduler(settings, card.reps).next(toFsrsCard(card), at, rating as Grade);
  const after = fromFsrsCard(result.card);
  return {
    card: after,
    log: {
      reviewedAt: at.getTime(),
      rating,
      state: card.state,
      elapsedDays: result.log.elapsed_days,
      scheduledDays: after.scheduledDays,
      cardBefore: { ...card },
    },
  };
}

function parseRatingError(value: unknown): string {
  const parsed = parseRating(value);
  return parsed.ok ? "" : parsed.error;
}

/** All four outcomes of reviewing `card` at `now`, Again to Easy (Anki's "next states"). */
export function previewOutcomes(
  card: CardState,
  now: Date | number,
  settings: SchedulerSettings,
): Record<Rating, ReviewOutcome> {
  const out = {} as Record<Rating, ReviewOutcome>;
  for (const rating of RATINGS) out[rating] = scheduleReview(card, rating, now, settings);
  return out;
}

/** The card as it was before the review logged as `log`: undo restores it exactly. */
export function undoReview(log: Pick<ReviewLogEntry, "cardBefore">): CardState {
  return { ...log.cardBefore };
}

/**
 * Probability of recalling the card at `now` (FSRS-6 forgetting curve with
 * fractional days since the last review). 0 for a card never reviewed.
 */
export function retrievability(
  card: Pick<CardState, "state" | "stability" | "lastReview">,
  now: Date | number,
  weights?: readonly number[] | null,
): number {
  if (card.state === CardStates.new || card.lastReview === null || !(card.stability > 0)) return 0;
  const elapsedDays = Math.max(0, (+now - card.lastReview) / 86_400_000);
  return forgetting_curve([...(weights ?? DEFAULT_WEIGHTS)], elapsedDays, card.stability);
}

/** JSON for `review_logs.card_before_json`. */
export function serializeCardState(card: CardState): string {
  return JSON.stringify(card);
}

const CARD_FIELDS = [
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
] as const;

/** Reads `card_before_json` back; throws a clear error if it is not a card state. */
export function parseCardState(json: string): CardState {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error("Stored card state is not valid JSON.");
  }
  const v = value as Record<string, unknown>;
  if (typeof v !== "object" || v === null) throw new Error("Stored card state is not an object.");
  for (const field of CARD_FIELDS) {
    if (typeof v[field] !== "number" || !Number.isFinite(v[field])) {
      throw new Error(`Stored card state lacks a numeric ${field}.`);
    }
  }
  if (!(v.lastReview === null || typeof v.lastReview === "number")) {
    throw new Error("Stored card state has an invalid lastReview.");
  }
  if (![0, 1, 2, 3].includes(v.state as number)) throw new Error("Stored card state has an unknown state.");
  const card = {} as Record<string, unknown>;
  for (const field of CARD_FIELDS) card[field] = v[field];
  card.lastReview = v.lastReview;
  return card as unknown as CardState;
}
