/**
 * An attempt's life: whether a learner may start one, what becomes of each
 * answer saved during it, and when it finishes. Attempt states are a closed
 * set: open, then finished (by submitting, or by the deadline passing).
 * Pure: the models load the rows, ask here, and save what is decided.
 *
 * Saves carry a per-attempt sequence number from the page (one counter for
 * all its questions, raised at every change). A save is named by (question,
 * sequence number): sending it again is one save, and the same number with
 * another response is refused as forged. A save older than the question's
 * latest never overwrites it, whatever order the network delivers them in.
 * An answer arriving after the deadline and its grace is kept, marked late,
 * and never counted.
 */
import { GRACE_MS, withinGrace } from "./timing";

export const ATTEMPT_STATUSES = ["open", "finished"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export const FINISHED_BY = ["submit", "deadline"] as const;
export type FinishedBy = (typeof FINISHED_BY)[number];

/** Sequence numbers a page may send: from 1, and bounded (a save a second for eleven days). */
export const SEQ_MAX = 1_000_000;
export const RESPONSE_MAX = 500;

export type StartDecision =
  | { kind: "resume"; attemptId: string }
  | { kind: "start"; number: number }
  | { kind: "refused"; code: "not_open" | "closed" | "no_attempts_left"; message: string };

/**
 * Whether a learner may start an attempt now. An attempt still open is
 * resumed rather than a second one started (a double tap on Start, another
 * tab). `closeAt` is the learner's own close (accommodations applied).
 */
export function decideStart(
  input: { opensAt: number; closeAt: number; attemptsAllowed: number; attemptsUsed: number; openAttemptId: string | null },
  now: number,
  formatTime: (ms: number) => string,
): StartDecision {
  if (input.openAttemptId) return { kind: "resume", attemptId: input.openAttemptId };
  if (now < input.opensAt) return { kind: "refused", code: "not_open", message: `This assessment opens at ${formatTime(input.opensAt)}; you can start it then.` };
  if (now >= input.closeAt) return { kind: "refused", code: "closed", message: `This assessment closed at ${formatTime(input.closeAt)}; it can no longer be started.` };
  if (input.attemptsUsed >= input.attemptsAllowed) {
    const allowed = input.attemptsAllowed === 1 ? "1 attempt" : `${input.attemptsAllowed} attempts`;
    return { kind: "refused", code: "no_attempts_left", message: `You have used your ${allowed} at this assessment; no more are allowed.` };
  }
  return { kind: "start", number: input.attemptsUsed + 1 };
}

export interface SaveInput {
  seq: number;
  response: string;
}

/** What the attempt holds for the saved question: the save with the same number, and the latest one counted. */
export interface SaveContext {
  status: AttemptStatus;
  deadline: number;
  sameSeq: { response: string } | null;
  latest: { seq: number; response: string } | null;
}

export type SaveDecision =
  /** A new answer, counted. */
  | { kind: "counted" }
  /** The answer the question already holds, under a newer number: nothing new is kept, the number is raised. */
  | { kind: "unchanged" }
  /** This exact save arrived before: its stored outcome stands. */
  | { kind: "duplicate" }
  /** A newer save of the question arrived first: this one changes nothing. */
  | { kind: "superseded"; latestSeq: number }
  /** After the deadline and its grace, or after the attempt finished: kept, marked late, not counted. */
  | { kind: "late" }
  /** The number was used for another response: forged or corrupted, refused. */
  | { kind: "conflict" };

export function decideSave(context: SaveContext, save: SaveInput, now: number): SaveDecision {
  if (context.sameSeq) return context.sameSeq.response === save.response ? { kind: "duplicate" } : { kind: "conflict" };
  if (context.status !== "open" || !withinGrace(context.deadline, now)) return { kind: "late" };
  if (context.latest && save.seq < context.latest.seq) return { kind: "superseded", latestSeq: context.latest.seq };
  if (context.latest && context.latest.response === save.response) return { kind: "unchanged" };
  return { kind: "counted" };
}

export type FinishDecision =
  | { kind: "finish"; finishedAt: number; finishedBy: FinishedBy }
  | { kind: "not_yet" }
  | { kind: "already_finished" };

/**
 * Whether an attempt finishes now. Submitting finishes it, also within the
 * grace after its deadline (its answers were in time; it counts as finished
 * by the deadline, at the deadline). Otherwise it finishes
 * by itself once the grace after its deadline has passed, as at its deadline:
 * answers saved by then count, later ones are late.
 */
export function decideFinish(attempt: { status: AttemptStatus; deadline: number }, now: number, submitted: boolean): FinishDecision {
  if (attempt.status !== "open") return { kind: "already_finished" };
  if (!withinGrace(attempt.deadline, now)) return { kind: "finish", finishedAt: attempt.deadline, finishedBy: "deadline" };
  // Sent within the grace: the time had run out (the page submits itself at zero).
  if (submitted) return now > attempt.deadline ? { kind: "finish", finishedAt: attempt.deadline, finishedBy: "deadline" } : { kind: "finish", finishedAt: now, finishedBy: "submit" };
  return { kind: "not_yet" };
}

/** The instant before which an open attempt's deadline has passed with its grace: the sweep's bound (deadline < this). */
export function expiredBefore(now: number): number {
  return now - GRACE_MS;
}
