/**
 * The rules of assigning a module to a cohort: its dates and a learner's own
 * due date, and the join code learners type (the invite link's token is in
 * invite-token.server.ts, which needs node:crypto). Pure: the clock and the
 * random bytes are arguments (the caller draws them with crypto.randomBytes),
 * so every rule is tested with fixed values.
 *
 * A join code is short enough to read aloud in a classroom, so it is stored as
 * it is (a hash of 40 bits would not stop an offline search) and the route
 * must guard it against guessing: a rate limit, and codes that can be turned
 * off. 8 symbols of 32 give 2^40 codes.
 */
export interface AssignmentDates {
  startsAt: number;
  dueAt: number;
}

export type DateErrors = Partial<Record<keyof AssignmentDates, string>>;

export type DatesCheck = { ok: true; dates: AssignmentDates } | { ok: false; errors: DateErrors };

const isTime = (t: number) => Number.isFinite(t);

/**
 * The dates of an assignment being created (`isNew`) or edited. The due date
 * must come after the start; a new assignment may not be due already (an
 * edited one may have passed its due date, and stays editable).
 */
export function checkAssignmentDates(dates: AssignmentDates, now: number, options: { isNew: boolean }): DatesCheck {
  const errors: DateErrors = {};
  if (!isTime(dates.startsAt)) errors.startsAt = "Give a start date.";
  if (!isTime(dates.dueAt)) errors.dueAt = "Give a due date.";
  else if (isTime(dates.startsAt) && dates.dueAt <= dates.startsAt) errors.dueAt = "The due date must be after the start.";
  else if (options.isNew && dates.dueAt <= now) errors.dueAt = "The due date has already passed.";
  return Object.keys(errors).length === 0 ? { ok: true, dates } : { ok: false, errors };
}

/** One learner's own due date on an assignment (an extension, or an earlier date for a learner leaving early). */
export interface DueOverride {
  dueAt: number;
}

export type OverrideCheck = { ok: true; override: DueOverride } | { ok: false; error: string };

/**
 * A learner's own due date must come after the assignment starts; a new one
 * (the learner had none) may not have passed already, while one being changed
 * may (a record put right after the fact).
 */
export function checkDueOverride(override: DueOverride, assignment: AssignmentDates, now: number, options: { isNew: boolean }): OverrideCheck {
  if (!isTime(override.dueAt)) return { ok: false, error: "Give a due date." };
  if (override.dueAt <= assignment.startsAt) return { ok: false, error: "The learner’s due date must be after the assignment starts." };
  if (options.isNew && override.dueAt <= now) return { ok: false, error: "This due date has already passed." };
  return { ok: true, override };
}

/** The due date that holds for a learner: their own, if they have one; the assignment's otherwise. */
export function effectiveDueAt(assignment: AssignmentDates, override: DueOverride | null): number {
  return override === null ? assignment.dueAt : override.dueAt;
}

/** No 0/O or 1/I, which are misread on a board and mistyped from one. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/**
 * A join code from JOIN_CODE_LENGTH random bytes (further bytes are ignored).
 * 256 is a multiple of the alphabet's 32 symbols, so every symbol is equally
 * likely.
 */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) {
    throw new RangeError(`A join code needs ${JOIN_CODE_LENGTH} random bytes; got ${bytes.length}.`);
  }
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length];
  return code;
}

/** How a code is shown: two groups of four, "ABCD-EFGH". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type JoinCodeInput = { ok: true; code: string } | { ok: false; error: string };

/** A code as a learner typed it: case, spaces and hyphens do not matter. */
export function readJoinCode(input: string): JoinCodeInput {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== JOIN_CODE_LENGTH) {
    return { ok: false, error: `A join code has ${JOIN_CODE_LENGTH} letters and digits, like ABCD-EFGH.` };
  }
  const stray = [...code].find((ch) => !JOIN_CODE_ALPHABET.includes(ch));
  if (stray !== undefined) {
    return {
      ok: false,
      error: /[01IO]/.test(stray)
        ? "Join codes have no 0, O, 1 or I; check the code with your instructor."
        : `A join code has only letters and digits; "${stray}" is not one of them.`,
    };
  }
  return { ok: true, code };
}
