/**
 * An assessment's settings: what is refused with which message, what an
 * opened assessment still lets change, what each review level shows.
 */
import { describe, expect, it } from "vitest";
import type { PoolQuestion } from "~/assessment/form";
import {
  checkAssessmentSettings,
  reviewLevelNow,
  reviewShows,
  settingsChanges,
  type AssessmentSettings,
} from "~/assessment/settings";
import { checkAccommodation, describeAccommodation } from "~/assessment/timing";

const NOW = Date.UTC(2026, 2, 1, 12, 0);
const HOUR = 3_600_000;

const bank: PoolQuestion[] = [
  { id: "q1", lessonId: "l1", type: "cloze", siblingKey: "f1", difficulty: 0.4 },
  { id: "q2", lessonId: "l1", type: "multiple_choice", siblingKey: "f2", difficulty: 0.3 },
  { id: "q3", lessonId: "l1", type: "true_false", siblingKey: "f2", difficulty: 0.2 },
  { id: "q4", lessonId: "l2", type: "numeric", siblingKey: "f4", difficulty: 0.5 },
];

const valid: AssessmentSettings = {
  title: "  Rivers quiz ",
  blueprint: [{ lessonId: "l1", count: 2 }],
  allowedTypes: ["cloze", "multiple_choice", "true_false"],
  shuffleOptions: true,
  opensAt: NOW + HOUR,
  closesAt: NOW + 3 * HOUR,
  timeLimitMinutes: 30,
  attemptsAllowed: 1,
  reviewAfterSubmit: "score",
  reviewAfterClose: "keys",
  passMarkPercent: 50,
};

const check = (over: Partial<AssessmentSettings>, options: { isNew: boolean; before?: AssessmentSettings } = { isNew: true }) =>
  checkAssessmentSettings({ ...valid, ...over }, bank, NOW, options);

describe("an assessment's settings", () => {
  it("valid settings pass, the title trimmed", () => {
    expect(check({})).toEqual({ ok: true, settings: { ...valid, title: "Rivers quiz" } });
  });

  it("each bad value is its field's message", () => {
    expect(check({ title: " " })).toEqual({ ok: false, errors: { title: "Give the assessment a title." } });
    expect(check({ allowedTypes: [] })).toMatchObject({ ok: false, errors: { allowedTypes: "Allow at least one type of question." } });
    expect(check({ closesAt: NOW + HOUR })).toEqual({ ok: false, errors: { closesAt: "It must close after it opens." } });
    expect(check({ opensAt: NOW - 3 * HOUR, closesAt: NOW - HOUR })).toEqual({ ok: false, errors: { closesAt: "That closing time has already passed." } });
    expect(check({ timeLimitMinutes: 0 })).toEqual({ ok: false, errors: { timeLimitMinutes: "Give a time limit from 1 to 600 minutes." } });
    expect(check({ timeLimitMinutes: 2.5 })).toMatchObject({ ok: false });
    expect(check({ attemptsAllowed: 11 })).toEqual({ ok: false, errors: { attemptsAllowed: "Allow from 1 to 10 attempts." } });
    expect(check({ passMarkPercent: 101 })).toEqual({ ok: false, errors: { passMarkPercent: "Give a pass mark from 0 to 100 %." } });
    expect(check({ opensAt: Number.NaN })).toMatchObject({ ok: false, errors: { opensAt: "Give the time the assessment opens." } });
  });

  it("a blueprint must fit the learner-facing questions of the allowed types, one per fact", () => {
    expect(check({ blueprint: [] })).toMatchObject({ errors: { blueprint: "Ask at least one question: give a number for one lesson or more." } });
    // l1 holds three questions but two facts (q2 and q3 come from one sentence).
    expect(check({ blueprint: [{ lessonId: "l1", count: 3 }] })).toMatchObject({
      errors: { blueprint: "A lesson in the blueprint has 2 questions of the allowed types for learners; ask at most that many." },
    });
    expect(check({ blueprint: [{ lessonId: "l2", count: 1 }] })).toMatchObject({
      errors: { blueprint: "A lesson in the blueprint has no questions of the allowed types for learners." },
    });
    expect(check({ blueprint: [{ lessonId: "l1", count: 1 }, { lessonId: "l1", count: 1 }] })).toMatchObject({
      errors: { blueprint: "A lesson appears twice in the blueprint." },
    });
    expect(check({ blueprint: [{ lessonId: "l1", count: 0 }] })).toMatchObject({ errors: { blueprint: "Ask from 1 to 50 questions per lesson." } });
  });

  it("once opened, its questions stay and other edits pass, listed for the log", () => {
    const opened = { ...valid, opensAt: NOW - HOUR };
    const edit = (over: Partial<AssessmentSettings>) => checkAssessmentSettings({ ...opened, ...over }, bank, NOW, { isNew: false, before: opened });
    expect(edit({ blueprint: [{ lessonId: "l1", count: 1 }] })).toMatchObject({
      ok: false,
      errors: { blueprint: "Its questions are fixed once the assessment has opened; change them by a regrade." },
    });
    expect(edit({ allowedTypes: ["cloze", "multiple_choice"] })).toMatchObject({ ok: false, errors: { allowedTypes: expect.any(String) } });
    expect(edit({ shuffleOptions: false })).toMatchObject({ ok: false, errors: { shuffleOptions: expect.any(String) } });
    expect(edit({ opensAt: NOW })).toMatchObject({ ok: false, errors: { opensAt: "It has opened already; its opening time stays." } });
    const later = edit({ title: "Rivers quiz (resit)", timeLimitMinutes: 40, closesAt: NOW + 5 * HOUR });
    expect(later.ok).toBe(true);
    expect(settingsChanges(opened, { ...opened, title: "Rivers quiz (resit)", timeLimitMinutes: 40 })).toEqual([
      { field: "title", from: "  Rivers quiz ", to: "Rivers quiz (resit)" },
      { field: "timeLimitMinutes", from: 30, to: 40 },
    ]);
    // Types in another order are the same types.
    expect(edit({ allowedTypes: ["true_false", "multiple_choice", "cloze"] }).ok).toBe(true);
  });

  it("an edited assessment whose close has passed keeps it; moving the close into the past is refused", () => {
    const past = { ...valid, opensAt: NOW - 5 * HOUR, closesAt: NOW - HOUR };
    expect(checkAssessmentSettings({ ...past, title: "Renamed" }, bank, NOW, { isNew: false, before: past }).ok).toBe(true);
    expect(checkAssessmentSettings({ ...past, closesAt: NOW - 2 * HOUR }, bank, NOW, { isNew: false, before: past })).toMatchObject({
      errors: { closesAt: "That closing time has already passed." },
    });
  });
});

describe("review settings", () => {
  it("the after-submit level holds until the window has closed for everyone", () => {
    expect(reviewLevelNow(valid, false)).toBe("score");
    expect(reviewLevelNow(valid, true)).toBe("keys");
  });

  it("each level shows what it names and less, never more", () => {
    expect(reviewShows("nothing")).toEqual({ score: false, answers: false, keys: false });
    expect(reviewShows("score")).toEqual({ score: true, answers: false, keys: false });
    expect(reviewShows("answers")).toEqual({ score: true, answers: true, keys: false });
    expect(reviewShows("keys")).toEqual({ score: true, answers: true, keys: true });
  });
});

describe("accommodations", () => {
  it("refuses a multiplier of 1 or less, minutes that are not whole, a later close beyond two weeks", () => {
    expect(checkAccommodation({ extraTime: { kind: "multiplier", factor: 1 }, laterClose: null })).toMatch(/more than 1/);
    expect(checkAccommodation({ extraTime: { kind: "minutes", minutes: 2.5 }, laterClose: null })).toMatch(/whole number/);
    expect(checkAccommodation({ extraTime: null, laterClose: { kind: "after", minutes: 15 * 24 * 60 } })).toMatch(/14 days/);
    expect(checkAccommodation({ extraTime: { kind: "multiplier", factor: 1.25 }, laterClose: { kind: "after", minutes: 60 } })).toBeNull();
  });

  it("reads as the instructor set it", () => {
    expect(describeAccommodation({ extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: { kind: "after", minutes: 120 } }, String)).toBe(
      "1.5× time, closes 120 min later",
    );
    expect(describeAccommodation({ extraTime: null, laterClose: null }, String)).toBe("none");
  });
});
