/**
 * Walkthroughs of an attempt on a fixed clock, as Moodle's question-engine
 * tests read: start, save, time passes, late save refused but kept, finish,
 * grade. The script keeps the saves the way the models store them (one row
 * per kept save, counted or late) and asks app/assessment at every step.
 */
import { describe, expect, it } from "vitest";
import { decideFinish, decideSave, decideStart, expiredBefore, type AttemptStatus, type FinishedBy } from "~/assessment/attempt";
import { gradeAttempt, hasPassed, reviewRatingFor } from "~/assessment/grading";
import {
  attemptDeadline,
  cutByClose,
  describeLimit,
  GRACE_MS,
  learnerClock,
  recomputedDeadline,
  secondsLeft,
  withinGrace,
  type Accommodation,
  type AssessmentClock,
} from "~/assessment/timing";
import type { GradableQuestion } from "~/questions/grade";

const MIN = 60_000;
const OPENS = Date.UTC(2026, 2, 2, 9, 0);
const CLOSES = Date.UTC(2026, 2, 2, 12, 0);
const exam: AssessmentClock = { timeLimitMs: 30 * MIN, closesAt: CLOSES };
const at = (t: number) => new Date(t).toISOString().slice(11, 16);

const questions: Record<string, GradableQuestion> = {
  nile: { type: "cloze", answer: "Nile", accepted: ["Nile"] },
  everest: { type: "numeric", answer: "8849 metres", accepted: [], numeric: { value: 8849, unit: "metres", tolerance: 0 } },
  tf: { type: "true_false", answer: "False", accepted: ["False"], options: ["True", "False"] },
};

/** One attempt, driven by a script on a clock the test moves. */
class Walkthrough {
  now: number;
  status: AttemptStatus = "open";
  finishedBy: FinishedBy | null = null;
  finishedAt: number | null = null;
  deadline: number;
  readonly saves: { questionId: string; seq: number; response: string; savedAt: number; counted: boolean }[] = [];

  constructor(
    readonly startedAt: number,
    accommodations: Accommodation[] = [],
  ) {
    this.now = startedAt;
    this.deadline = attemptDeadline(startedAt, learnerClock(exam, accommodations));
  }
  advance(ms: number) {
    this.now += ms;
    return this;
  }
  /** Finishes the attempt if its deadline and grace have passed (what every read and the sweep do). */
  sweep() {
    const decision = decideFinish(this, this.now, false);
    if (decision.kind === "finish") this.finish(decision.finishedAt, decision.finishedBy);
    return decision.kind;
  }
  submit() {
    const decision = decideFinish(this, this.now, true);
    if (decision.kind === "finish") this.finish(decision.finishedAt, decision.finishedBy);
    return decision.kind;
  }
  private finish(finishedAt: number, by: FinishedBy) {
    this.status = "finished";
    this.finishedAt = finishedAt;
    this.finishedBy = by;
  }
  save(questionId: string, seq: number, response: string) {
    this.sweep();
    const mine = this.saves.filter((s) => s.questionId === questionId);
    const latest = mine.filter((s) => s.counted).sort((a, b) => b.seq - a.seq)[0] ?? null;
    const sameSeq = mine.find((s) => s.seq === seq) ?? null;
    const decision = decideSave({ status: this.status, deadline: this.deadline, sameSeq, latest }, { seq, response }, this.now);
    if (decision.kind === "counted") this.saves.push({ questionId, seq, response, savedAt: this.now, counted: true });
    if (decision.kind === "late") this.saves.push({ questionId, seq, response, savedAt: this.now, counted: false });
    if (decision.kind === "unchanged") latest!.seq = seq;
    return decision.kind;
  }
  counted(): Map<string, string> {
    const answers = new Map<string, { seq: number; response: string }>();
    for (const s of this.saves) {
      if (s.counted && (answers.get(s.questionId)?.seq ?? -1) < s.seq) answers.set(s.questionId, s);
    }
    return new Map([...answers].map(([q, s]) => [q, s.response]));
  }
  grade() {
    return gradeAttempt(Object.entries(questions).map(([questionId, question]) => ({ questionId, question })), this.counted());
  }
}

describe("a timed attempt, walked through", () => {
  it("without accommodations: 30 minutes from the start, answers saved, submitted, graded", () => {
    const attempt = new Walkthrough(OPENS + 10 * MIN);
    expect(at(attempt.deadline)).toBe("09:40");
    expect(secondsLeft(attempt.deadline, attempt.now)).toBe(1800);
    expect(attempt.save("nile", 1, "nile")).toBe("counted");
    attempt.advance(5 * MIN);
    expect(attempt.save("everest", 2, "8,849 m")).toBe("counted");
    expect(attempt.save("tf", 3, "True")).toBe("counted");
    expect(secondsLeft(attempt.deadline, attempt.now)).toBe(1500);
    attempt.advance(MIN);
    expect(attempt.submit()).toBe("finish");
    expect([attempt.status, attempt.finishedBy, at(attempt.finishedAt!)]).toEqual(["finished", "submit", "09:16"]);
    const grade = attempt.grade();
    expect(grade.items.map((i) => i.verdict)).toEqual(["correct", "correct", "wrong"]);
    expect([grade.right, grade.total, grade.percent]).toEqual([2, 3, 66.7]);
    expect(hasPassed(grade.percent, 60)).toBe(true);
    expect(hasPassed(grade.percent, 70)).toBe(false);
  });

  it("with 1.5× time: 45 minutes, shown as extended from 30", () => {
    const clock = learnerClock(exam, [{ extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: null }]);
    const attempt = new Walkthrough(OPENS, [{ extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: null }]);
    expect(at(attempt.deadline)).toBe("09:45");
    expect(describeLimit(clock.limitMs, clock.baseLimitMs)).toBe("45 min, extended from 30");
    expect(describeLimit(exam.timeLimitMs, exam.timeLimitMs)).toBe("30 min");
  });

  it("the most generous accommodation wins: a profile of +10 minutes and an override of 1.5× give 45 minutes", () => {
    const profile: Accommodation = { extraTime: { kind: "minutes", minutes: 10 }, laterClose: { kind: "after", minutes: 30 } };
    const override: Accommodation = { extraTime: { kind: "multiplier", factor: 1.5 }, laterClose: null };
    const clock = learnerClock(exam, [profile, override]);
    expect(clock.limitMs).toBe(45 * MIN);
    expect(at(clock.closeAt)).toBe("12:30");
    // Either order, the same clock.
    expect(learnerClock(exam, [override, profile])).toEqual(clock);
    // A later close given as a time wins over one given as minutes after, when it is later.
    expect(at(learnerClock(exam, [profile, { extraTime: null, laterClose: { kind: "at", at: CLOSES + 90 * MIN } }]).closeAt)).toBe("13:30");
  });

  it("the close cuts a late start short of its limit, and says so rather than silently", () => {
    const clock = learnerClock(exam, [{ extraTime: { kind: "multiplier", factor: 2 }, laterClose: null }]);
    const startedAt = CLOSES - 40 * MIN;
    expect(at(attemptDeadline(startedAt, clock))).toBe("12:00");
    expect(cutByClose(startedAt, clock)).toBe(true);
    expect(cutByClose(OPENS, clock)).toBe(false);
    // A later close in the same profile gives the time back.
    const withLaterClose = learnerClock(exam, [{ extraTime: { kind: "multiplier", factor: 2 }, laterClose: { kind: "after", minutes: 60 } }]);
    expect(at(attemptDeadline(startedAt, withLaterClose))).toBe("12:20");
  });

  it("an accommodation given mid-attempt moves the deadline at once; one taken away never reaches back before now", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.advance(20 * MIN);
    expect(attempt.save("nile", 1, "Nile")).toBe("counted");
    attempt.deadline = recomputedDeadline(attempt.startedAt, learnerClock(exam, [{ extraTime: { kind: "minutes", minutes: 15 }, laterClose: null }]), attempt.now);
    expect(at(attempt.deadline)).toBe("09:45");
    attempt.advance(20 * MIN); // 09:40: past the old deadline, before the new one
    expect(attempt.save("tf", 2, "False")).toBe("counted");
    // Taken away again at 09:41: the deadline cannot fall to 09:30, which would void the answer just counted.
    attempt.advance(MIN);
    attempt.deadline = recomputedDeadline(attempt.startedAt, learnerClock(exam, []), attempt.now);
    expect(at(attempt.deadline)).toBe("09:41");
    expect(attempt.grade().right).toBe(2);
  });

  it("grace: an answer within 60 s after the deadline counts; one after is kept, late and not counted", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.advance(30 * MIN + 59_000);
    expect(secondsLeft(attempt.deadline, attempt.now)).toBe(0);
    expect(withinGrace(attempt.deadline, attempt.now)).toBe(true);
    expect(attempt.save("nile", 1, "Nile")).toBe("counted");
    attempt.advance(2_000);
    expect(attempt.save("tf", 2, "False")).toBe("late");
    expect(attempt.saves.map((s) => [s.questionId, s.counted])).toEqual([["nile", true], ["tf", false]]);
    expect(attempt.grade().items.map((i) => i.verdict)).toEqual(["correct", "unanswered", "unanswered"]);
  });

  it("auto-finish: an attempt nobody submits finishes at its deadline with the answers saved by then", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.advance(10 * MIN);
    attempt.save("nile", 1, "Nile");
    attempt.advance(20 * MIN); // at the deadline: still within grace
    expect(attempt.sweep()).toBe("not_yet");
    attempt.advance(GRACE_MS + 1);
    expect(attempt.deadline < expiredBefore(attempt.now)).toBe(true);
    expect(attempt.sweep()).toBe("finish");
    expect([attempt.finishedBy, at(attempt.finishedAt!)]).toEqual(["deadline", "09:30"]);
    expect(attempt.sweep()).toBe("already_finished");
    expect(attempt.submit()).toBe("already_finished");
    expect(attempt.grade().right).toBe(1);
  });

  it("submitting within the grace still finishes it, as by the deadline at the deadline", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.advance(30 * MIN + 20_000);
    expect(attempt.submit()).toBe("finish");
    expect([attempt.finishedBy, at(attempt.finishedAt!)]).toEqual(["deadline", "09:30"]);
  });

  it("out of order: a save older than the question's latest never overwrites it; a repeat is one save", () => {
    const attempt = new Walkthrough(OPENS);
    expect(attempt.save("nile", 1, "Amazon")).toBe("counted");
    expect(attempt.save("nile", 3, "Nile")).toBe("counted");
    // Seq 2 was sent between them and the network delivered it last.
    expect(attempt.save("nile", 2, "Congo")).toBe("superseded");
    expect(attempt.save("nile", 3, "Nile")).toBe("duplicate");
    expect(attempt.counted().get("nile")).toBe("Nile");
    expect(attempt.saves.filter((s) => s.questionId === "nile")).toHaveLength(2);
  });

  it("the same answer under a newer number adds nothing but still outranks an older save", () => {
    const attempt = new Walkthrough(OPENS);
    expect(attempt.save("nile", 5, "Nile")).toBe("counted");
    expect(attempt.save("nile", 7, "Nile")).toBe("unchanged");
    expect(attempt.saves).toHaveLength(1);
    // Seq 6 ("Congo") was sent before 7 and arrived after it: 7 said Nile, so Nile stays.
    expect(attempt.save("nile", 6, "Congo")).toBe("superseded");
    expect(attempt.counted().get("nile")).toBe("Nile");
  });

  it("a sequence number reused for another response is refused as forged, and changes nothing", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.save("nile", 1, "Nile");
    expect(attempt.save("nile", 1, "Amazon")).toBe("conflict");
    expect(attempt.counted().get("nile")).toBe("Nile");
  });

  it("a repeat of an in-time save arriving after the deadline is the same save, not a late one", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.save("nile", 1, "Nile");
    attempt.advance(2 * 3600_000);
    expect(attempt.save("nile", 1, "Nile")).toBe("duplicate");
    expect(attempt.saves.every((s) => s.counted)).toBe(true);
  });

  it("a save after submitting is kept late, not counted", () => {
    const attempt = new Walkthrough(OPENS);
    attempt.save("nile", 1, "Nile");
    attempt.submit();
    expect(attempt.save("nile", 2, "Amazon")).toBe("late");
    expect(attempt.counted().get("nile")).toBe("Nile");
  });
});

describe("starting an attempt", () => {
  const base = { opensAt: OPENS, closeAt: CLOSES, attemptsAllowed: 1, attemptsUsed: 0, openAttemptId: null };

  it("is refused before the window opens and after it closes, saying when", () => {
    expect(decideStart(base, OPENS - 1, at)).toEqual({ kind: "refused", code: "not_open", message: "This assessment opens at 09:00; you can start it then." });
    expect(decideStart(base, CLOSES, at)).toEqual({ kind: "refused", code: "closed", message: "This assessment closed at 12:00; it can no longer be started." });
    expect(decideStart(base, OPENS, at)).toEqual({ kind: "start", number: 1 });
  });

  it("a learner's later close lets them start after the others' window closed", () => {
    expect(decideStart({ ...base, closeAt: CLOSES + 60 * MIN }, CLOSES + 5 * MIN, at)).toEqual({ kind: "start", number: 1 });
  });

  it("a second attempt beyond the number allowed is refused; within it, numbered on", () => {
    expect(decideStart({ ...base, attemptsUsed: 1 }, OPENS, at)).toMatchObject({ kind: "refused", code: "no_attempts_left", message: "You have used your 1 attempt at this assessment; no more are allowed." });
    expect(decideStart({ ...base, attemptsAllowed: 2, attemptsUsed: 1 }, OPENS, at)).toEqual({ kind: "start", number: 2 });
  });

  it("an attempt still open is resumed, not doubled", () => {
    expect(decideStart({ ...base, attemptsUsed: 1, openAttemptId: "a1" }, OPENS, at)).toEqual({ kind: "resume", attemptId: "a1" });
  });
});

describe("an assessment answer as a review", () => {
  it("right is Good, misspelt Hard, wrong Again, blank no review", () => {
    expect(["correct", "close", "wrong", "unanswered"].map((v) => reviewRatingFor(v as never))).toEqual([3, 2, 1, null]);
  });
});
