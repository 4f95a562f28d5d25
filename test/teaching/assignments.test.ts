import { describe, expect, it } from "vitest";
import {
  checkAssignmentDates,
  checkDueOverride,
  effectiveDueAt,
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeFromBytes,
  readJoinCode,
} from "~/teaching/assignments";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12); // fixed clock
const ASSIGNMENT = { startsAt: NOW - DAY, dueAt: NOW + 7 * DAY };

describe("an assignment's dates", () => {
  it("a new assignment due after its start and in the future is accepted", () => {
    expect(checkAssignmentDates(ASSIGNMENT, NOW, { isNew: true })).toEqual({ ok: true, dates: ASSIGNMENT });
  });

  it("a due date at or before the start is refused on the due date field", () => {
    const check = checkAssignmentDates({ startsAt: NOW + DAY, dueAt: NOW + DAY }, NOW, { isNew: true });
    expect(check).toEqual({ ok: false, errors: { dueAt: "The due date must be after the start." } });
  });

  it("a new assignment already due is refused; an edited one past its due date is not", () => {
    const past = { startsAt: NOW - 10 * DAY, dueAt: NOW };
    expect(checkAssignmentDates(past, NOW, { isNew: true })).toEqual({
      ok: false,
      errors: { dueAt: "The due date has already passed." },
    });
    expect(checkAssignmentDates(past, NOW, { isNew: false }).ok).toBe(true);
  });

  it("a start in the past is allowed (an assignment may open at once)", () => {
    expect(checkAssignmentDates({ startsAt: NOW - 30 * DAY, dueAt: NOW + 1 }, NOW, { isNew: true }).ok).toBe(true);
  });

  it("missing dates (NaN from an empty field) get an error each", () => {
    expect(checkAssignmentDates({ startsAt: NaN, dueAt: NaN }, NOW, { isNew: true })).toEqual({
      ok: false,
      errors: { startsAt: "Give a start date.", dueAt: "Give a due date." },
    });
  });
});

describe("a learner's own due date", () => {
  it("may be later or earlier than the assignment's, as long as it is after the start", () => {
    expect(checkDueOverride({ dueAt: ASSIGNMENT.dueAt + DAY }, ASSIGNMENT, NOW, { isNew: true }).ok).toBe(true);
    expect(checkDueOverride({ dueAt: NOW + DAY }, ASSIGNMENT, NOW, { isNew: true }).ok).toBe(true);
    expect(checkDueOverride({ dueAt: ASSIGNMENT.startsAt }, ASSIGNMENT, NOW, { isNew: false })).toEqual({
      ok: false,
      error: "The learner’s due date must be after the assignment starts.",
    });
  });

  it("a new one must not have passed, even for an assignment long due; one being changed may", () => {
    const old = { startsAt: NOW - 30 * DAY, dueAt: NOW - 20 * DAY };
    expect(checkDueOverride({ dueAt: NOW - DAY }, old, NOW, { isNew: true })).toEqual({ ok: false, error: "This due date has already passed." });
    expect(checkDueOverride({ dueAt: NOW - DAY }, old, NOW, { isNew: false }).ok).toBe(true);
    expect(checkDueOverride({ dueAt: NOW + DAY }, old, NOW, { isNew: true }).ok).toBe(true);
  });

  it("a missing date (NaN from an empty field) is refused", () => {
    expect(checkDueOverride({ dueAt: NaN }, ASSIGNMENT, NOW, { isNew: true })).toEqual({ ok: false, error: "Give a due date." });
  });

  it("the effective due date is the learner's own when there is one, the assignment's otherwise", () => {
    expect(effectiveDueAt(ASSIGNMENT, null)).toBe(ASSIGNMENT.dueAt);
    expect(effectiveDueAt(ASSIGNMENT, { dueAt: ASSIGNMENT.dueAt + 3 * DAY })).toBe(ASSIGNMENT.dueAt + 3 * DAY);
    expect(effectiveDueAt(ASSIGNMENT, { dueAt: ASSIGNMENT.dueAt - 3 * DAY })).toBe(ASSIGNMENT.dueAt - 3 * DAY);
  });
});

describe("join codes", () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it("the alphabet has 32 symbols and none of 0, O, 1, I", () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(32);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[0O1I]/);
  });

  it("a code is read from the bytes given: each byte picks a symbol, so the same bytes give the same code", () => {
    expect(joinCodeFromBytes(bytes(0, 1, 8, 31, 32, 255, 100, 7))).toBe("23AZ2Z69");
    expect(joinCodeFromBytes(bytes(0, 1, 8, 31, 32, 255, 100, 7, 99))).toBe("23AZ2Z69");
  });

  it("every symbol is equally likely: each byte value maps to one of 32 symbols exactly 8 times", () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const symbol = joinCodeFromBytes(bytes(b, 0, 0, 0, 0, 0, 0, 0))[0]!;
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual(Array(32).fill(8));
  });

  it("too few bytes is a caller's mistake and throws", () => {
    expect(() => joinCodeFromBytes(new Uint8Array(JOIN_CODE_LENGTH - 1))).toThrow(RangeError);
  });

  it("is shown in two groups of four", () => {
    expect(formatJoinCode("23AZ2ZN9")).toBe("23AZ-2ZN9");
  });

  it("as typed by a learner: case, spaces and hyphens do not matter", () => {
    expect(readJoinCode(" 23az-2zn9 ")).toEqual({ ok: true, code: "23AZ2ZN9" });
    expect(readJoinCode("23AZ 2ZN9")).toEqual({ ok: true, code: "23AZ2ZN9" });
  });

  it("a code with 0, O, 1 or I is refused with a hint; other strays and wrong lengths with their own error", () => {
    expect(readJoinCode("23AZ-2ZNO")).toEqual({
      ok: false,
      error: "Join codes have no 0, O, 1 or I; check the code with your instructor.",
    });
    expect(readJoinCode("23AZ-2ZN!")).toEqual({
      ok: false,
      error: 'A join code has only letters and digits; "!" is not one of them.',
    });
    expect(readJoinCode("23AZ-2ZN")).toEqual({
      ok: false,
      error: "A join code has 8 letters and digits, like ABCD-EFGH.",
    });
  });
});
