/**
 * The clock of an attempt: its time limit and close with a learner's
 * accommodations, the server deadline, seconds left, and the network grace
 * after it. Pure: `now` is always an argument.
 *
 * A learner's accommodations come from their profile in the cohort (for every
 * assessment of that cohort) and from an override on one assessment; where
 * several apply, the most generous wins (Moodle's rule for group overrides):
 * the longest time limit any of them gives, and the latest close.
 */

/** How late after the deadline an answer still counts: it was sent in time and the network held it (Moodle's 60 s). */
export const GRACE_MS = 60_000;
const MINUTE = 60_000;

export type ExtraTime = { kind: "multiplier"; factor: number } | { kind: "minutes"; minutes: number };
/** A later close: relative to the assessment's (a cohort profile, for every assessment) or a time (one assessment's override). */
export type LaterClose = { kind: "after"; minutes: number } | { kind: "at"; at: number };

export interface Accommodation {
  extraTime: ExtraTime | null;
  laterClose: LaterClose | null;
}

export const NO_ACCOMMODATION: Accommodation = { extraTime: null, laterClose: null };

export const MULTIPLIER_MAX = 4;
export const EXTRA_MINUTES_MAX = 600;
export const LATER_CLOSE_MAX_MINUTES = 14 * 24 * 60;

/** Why an accommodation cannot be saved, or null. */
export function checkAccommodation(accommodation: Accommodation): string | null {
  const extra = accommodation.extraTime;
  if (extra?.kind === "multiplier" && !(Number.isFinite(extra.factor) && extra.factor > 1 && extra.factor <= MULTIPLIER_MAX)) {
    return `Extra time as a multiplier is more than 1 and at most ${MULTIPLIER_MAX} (1.5 is half as much again).`;
  }
  if (extra?.kind === "minutes" && !(Number.isInteger(extra.minutes) && extra.minutes >= 1 && extra.minutes <= EXTRA_MINUTES_MAX)) {
    return `Extra minutes are a whole number from 1 to ${EXTRA_MINUTES_MAX}.`;
  }
  const later = accommodation.laterClose;
  if (later?.kind === "after" && !(Number.isInteger(later.minutes) && later.minutes >= 1 && later.minutes <= LATER_CLOSE_MAX_MINUTES)) {
    return `A later close is from 1 minute to ${LATER_CLOSE_MAX_MINUTES / (24 * 60)} days after the assessment's.`;
  }
  if (later?.kind === "at" && !Number.isFinite(later.at)) return "Give the later closing time.";
  return null;
}

function withExtraTime(baseLimitMs: number, extra: ExtraTime | null): number {
  if (!extra) return baseLimitMs;
  return extra.kind === "multiplier" ? Math.round(baseLimitMs * extra.factor) : baseLimitMs + extra.minutes * MINUTE;
}

function withLaterClose(baseCloseAt: number, later: LaterClose | null): number {
  if (!later) return baseCloseAt;
  return later.kind === "after" ? baseCloseAt + later.minutes * MINUTE : later.at;
}

export interface AssessmentClock {
  timeLimitMs: number;
  closesAt: number;
}

export interface LearnerClock {
  /** The time limit this learner has, accommodations applied. */
  limitMs: number;
  /** The assessment's own limit, for "45 min, extended from 30". */
  baseLimitMs: number;
  /** When the window closes for this learner. */
  closeAt: number;
}

/** The learner's limit and close: the most generous of the assessment's and each accommodation's. */
export function learnerClock(assessment: AssessmentClock, accommodations: readonly Accommodation[]): LearnerClock {
  let limitMs = assessment.timeLimitMs;
  let closeAt = assessment.closesAt;
  for (const a of accommodations) {
    limitMs = Math.max(limitMs, withExtraTime(assessment.timeLimitMs, a.extraTime));
    closeAt = Math.max(closeAt, withLaterClose(assessment.closesAt, a.laterClose));
  }
  return { limitMs, baseLimitMs: assessment.timeLimitMs, closeAt };
}

/** Deadline of an attempt started at `startedAt`: its limit, cut by the learner's close. */
export function attemptDeadline(startedAt: number, clock: LearnerClock): number {
  return Math.min(startedAt + clock.limitMs, clock.closeAt);
}

/** Whether the close cuts an attempt started now short of its limit (the page says so: never silently). */
export function cutByClose(startedAt: number, clock: LearnerClock): boolean {
  return startedAt + clock.limitMs > clock.closeAt;
}

/**
 * An attempt's deadline after its learner's accommodations or the
 * assessment's limit or close changed. It is recomputed from the start as if
 * the new clock had held all along, except that it never falls before `now`:
 * answers accepted meanwhile stay accepted, and time taken away takes effect
 * from the moment it is saved.
 */
export function recomputedDeadline(startedAt: number, clock: LearnerClock, now: number): number {
  return Math.max(now, attemptDeadline(startedAt, clock));
}

/** Whole seconds left, rounded up (the page counts down from it on its own clock); 0 once passed. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Whether an answer arriving now still counts: before the deadline, or within the grace after it. */
export function withinGrace(deadline: number, now: number): boolean {
  return now <= deadline + GRACE_MS;
}

function minutes(ms: number): string {
  const m = ms / MINUTE;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} min`;
}

/** "30 min", or "45 min, extended from 30" when accommodations lengthen it. */
export function describeLimit(limitMs: number, baseLimitMs: number): string {
  if (limitMs === baseLimitMs) return minutes(limitMs);
  return `${minutes(limitMs)}, extended from ${minutes(baseLimitMs).replace(" min", "")}`;
}

/** How an accommodation reads on the instructor's page: "1.5× time, closes 2 h later". */
export function describeAccommodation(a: Accommodation, formatTime: (ms: number) => string): string {
  const parts: string[] = [];
  if (a.extraTime?.kind === "multiplier") parts.push(`${a.extraTime.factor}× time`);
  if (a.extraTime?.kind === "minutes") parts.push(`${a.extraTime.minutes} min extra`);
  if (a.laterClose?.kind === "after") parts.push(`closes ${minutes(a.laterClose.minutes * MINUTE)} later`);
  if (a.laterClose?.kind === "at") parts.push(`closes ${formatTime(a.laterClose.at)}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
