import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cards, lessons, modules, questions, reviewLogs } from "../../db/schema";
import { CardStates } from "../../app/learning/scheduler";
import { estimateStudyMinutes } from "../../app/learning/stats";
import { startLesson } from "../../app/models/deck.server";
import { getLearner, savePersonalParameters, updateLearnerSettings } from "../../app/models/learner.server";
import { dailyRetention, getDashboard, getStatistics } from "../../app/models/progress.server";
import { answerShowing, getOwnCard, studyNext, undoLastReview } from "../../app/models/review.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeLearner, seedGeography } from "../support/fixtures";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedGeography(handle.db);
});
afterEach(() => handle.close());

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);

async function learnerReading(lessonSlugs?: string[]) {
  const { db } = handle;
  const user = await makeLearner(db);
  for (const l of await db.select().from(lessons)) {
    if (!lessonSlugs || lessonSlugs.includes(l.slug)) await startLesson(db, user.id, l.id, T0);
  }
  return (await getLearner(db, user.id))!;
}

async function answerOf(cardId: number) {
  const [row] = await handle.db
    .select({ answer: questions.answer })
    .from(cards)
    .innerJoin(questions, eq(questions.id, cards.questionId))
    .where(eq(cards.id, cardId));
  return row!.answer;
}

type Learner = NonNullable<Awaited<ReturnType<typeof getLearner>>>;

interface Answered {
  cardId: number;
  stateBefore: number;
  correct: boolean;
}

/**
 * Works through the learner's queue from `start`, a few seconds per card,
 * answering right unless `wrong` says otherwise. Returns what was answered.
 */
async function studySession(learner: Learner, start: number, wrong: (cardId: number) => boolean = () => false) {
  const answered: Answered[] = [];
  let t = start;
  for (let i = 0; i < 40; i++) {
    const { card } = await studyNext(handle.db, learner, t);
    if (!card) break;
    const before = (await getOwnCard(handle.db, learner.id, card.cardId))!;
    const correct = !wrong(card.cardId);
    await answerShowing(
      handle.db,
      learner,
      { showingId: card.showingId, response: correct ? await answerOf(card.cardId) : "no idea", clientResponseMs: 5000 },
      t + 5000,
    );
    answered.push({ cardId: card.cardId, stateBefore: before.state, correct });
    t += 6 * MINUTE;
  }
  return { answered, end: t };
}

describe("learner progress from the database", () => {
  it("the dashboard's due count is the review queue's, split by kind, with its time estimate", async () => {
    const learner = await learnerReading();
    const dashboard = await getDashboard(handle.db, learner, T0 + MINUTE);
    const next = await studyNext(handle.db, learner, T0 + MINUTE);
    expect(dashboard.dueNow).toBe(next.remaining);
    expect(dashboard.dueNow).toBeGreaterThan(0);
    // Nothing was ever reviewed: everything due is new.
    expect(dashboard.dueBreakdown).toEqual({ learning: 0, review: 0, new: dashboard.dueNow });
    expect(dashboard.estimatedMinutes).toBe(
      estimateStudyMinutes({ reviewCount: 0, learningCount: 0, newCount: dashboard.dueNow, medianResponseMs: null, desiredRetention: learner.desiredRetention }),
    );
    expect(dashboard.streak).toBe(0);
  });

  it("module progress covers only enrolled modules: lessons read, cards learned, predicted retention", async () => {
    const learner = await learnerReading(["africa"]);
    const [rivers] = await handle.db.select().from(modules).where(eq(modules.slug, "rivers"));
    const africaCards = await handle.db.select().from(cards).where(eq(cards.userId, learner.id));

    let dashboard = await getDashboard(handle.db, learner, T0);
    expect(dashboard.modules.map((m) => m.moduleId)).toEqual([rivers!.id]);
    const before = dashboard.modules[0]!;
    expect(before).toMatchObject({ title: "Rivers", lessonsRead: 1, lessonsTotal: 2, cardsTotal: africaCards.length, cardsLearned: 0 });
    expect(before.predictedRetention).toBeNull();
    expect(before.url).toBe("/courses/geography/rivers");

    const { answered } = await studySession(learner, T0);
    dashboard = await getDashboard(handle.db, learner, T0 + DAY);
    const after = dashboard.modules[0]!;
    expect(after.cardsLearned).toBe(new Set(answered.map((a) => a.cardId)).size);
    expect(after.cardsLearned).toBeGreaterThan(0);
    expect(after.predictedRetention).toBeGreaterThan(0);
    expect(after.predictedRetention).toBeLessThan(1);
  });

  it("an undone review leaves no trace in the heatmap, streak or reviewed-today count", async () => {
    const learner = await learnerReading();
    const { card } = await studyNext(handle.db, learner, T0);
    await answerShowing(handle.db, learner, { showingId: card!.showingId, response: await answerOf(card!.cardId) }, T0 + 5000);
    let stats = await getStatistics(handle.db, learner, T0 + MINUTE);
    expect(stats.totalReviews).toBe(1);
    expect(stats.heatmap.at(-1)!.count).toBe(1);
    expect((await getDashboard(handle.db, learner, T0 + MINUTE)).streak).toBe(1);

    await undoLastReview(handle.db, learner, T0 + 10_000);
    stats = await getStatistics(handle.db, learner, T0 + MINUTE);
    expect(stats.totalReviews).toBe(0);
    expect(stats.heatmap.reduce((s, d) => s + d.count, 0)).toBe(0);
    const dashboard = await getDashboard(handle.db, learner, T0 + MINUTE);
    expect(dashboard.streak).toBe(0);
    expect(dashboard.reviewedToday).toBe(0);
  });

  it("true retention counts the review-state answers of the last 30 days, a wrong one as a lapse", async () => {
    const learner = await learnerReading();
    await studySession(learner, T0);
    // Every card has graduated; weeks later they are all due for a real memory test.
    const later = T0 + 20 * DAY;
    let firstWrong: number | null = null;
    const { answered } = await studySession(learner, later, (cardId) => {
      firstWrong ??= cardId;
      return cardId === firstWrong;
    });
    const tests = answered.filter((a) => a.stateBefore === CardStates.review);
    expect(tests.length).toBeGreaterThan(1);
    const stats = await getStatistics(handle.db, learner, later + DAY / 2);
    expect(stats.retention.reviews).toBe(tests.length);
    expect(stats.retention.passed).toBe(tests.filter((a) => a.correct).length);
    expect(stats.retention.passed).toBe(tests.length - 1);
    // The daily series puts all of them on the day they happened.
    const withReviews = stats.retentionByDay.filter((d) => d.reviews > 0);
    expect(withReviews.map((d) => d.day)).toEqual(["2026-03-22"]);
    expect(withReviews[0]!.reviews).toBe(tests.length);
  });

  it("forecast and cards by state account for every card in the deck", async () => {
    const learner = await learnerReading();
    await studySession(learner, T0);
    const now = T0 + DAY;
    const stats = await getStatistics(handle.db, learner, now);
    const deck = await handle.db.select().from(cards).where(eq(cards.userId, learner.id));
    const states = stats.cardsByState;
    expect(states.new + states.learning + states.relearning + states.young + states.mature).toBe(deck.length);
    expect(states.new).toBe(deck.filter((c) => c.state === CardStates.new).length);
    // The 30 study days from 3 March (UTC) end when 2 April's begins, at 4 am.
    const forecastEnd = Date.UTC(2026, 3, 2, 4);
    const dueWithin30 = deck.filter((c) => c.state !== CardStates.new && c.due < forecastEnd).length;
    expect(dueWithin30).toBeGreaterThan(0);
    expect(stats.forecast.reduce((s, d) => s + d.count, 0)).toBe(dueWithin30);
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast[0]!.day).toBe(stats.today);
  });

  it("a retired question's card leaves the deck counts", async () => {
    const learner = await learnerReading();
    const before = await getStatistics(handle.db, learner, T0);
    await handle.db.update(questions).set({ status: "retired" }).where(eq(questions.id, "q-amazon"));
    const after = await getStatistics(handle.db, learner, T0);
    expect(after.cardsByState.new).toBe(before.cardsByState.new - 1);
  });

  it("another learner's reviews, cards and modules never show", async () => {
    const ada = await learnerReading();
    await studySession(ada, T0);
    const ben = await learnerReading([]);
    const stats = await getStatistics(handle.db, ben, T0 + DAY);
    expect(stats.totalReviews).toBe(0);
    expect(Object.values(stats.cardsByState).every((n) => n === 0)).toBe(true);
    expect(stats.forecast.every((d) => d.count === 0)).toBe(true);
    const dashboard = await getDashboard(handle.db, ben, T0 + DAY);
    expect(dashboard).toMatchObject({ dueNow: 0, streak: 0, reviewedToday: 0, modules: [] });
  });

  it("a streak longer than the two months read first is counted in full", async () => {
    const learner = await learnerReading();
    const [card] = await handle.db.select().from(cards).where(eq(cards.userId, learner.id)).limit(1);
    // 75 study days in a row of one review each, ending today; a gap before them.
    const days = [...Array.from({ length: 75 }, (_, i) => i), 77, 78];
    await handle.db.insert(reviewLogs).values(
      days.map((back, i) => ({
        cardId: card!.id,
        userId: learner.id,
        showingId: `streak-${i}`,
        reviewedAt: T0 - back * DAY,
        rating: 3,
        correct: true,
        responseMs: 4000,
        state: CardStates.review,
        elapsedDays: 1,
        scheduledDays: 1,
        cardBeforeJson: "{}",
        cardVersionAfter: i + 1,
      })),
    );
    expect((await getDashboard(handle.db, learner, T0 + MINUTE)).streak).toBe(75);
  });

  it("a review counts on the learner's own study day, in their time zone", async () => {
    const learner = await learnerReading();
    await updateLearnerSettings(handle.db, learner.id, {
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      timeZone: "Pacific/Auckland",
    });
    const inAuckland = (await getLearner(handle.db, learner.id))!;
    // 20:00 UTC on 2 March is 09:00 on 3 March in Auckland (UTC+13).
    const at = Date.UTC(2026, 2, 2, 20, 0);
    const { card } = await studyNext(handle.db, inAuckland, at);
    await answerShowing(handle.db, inAuckland, { showingId: card!.showingId, response: "x" }, at + 5000);
    const stats = await getStatistics(handle.db, inAuckland, at + MINUTE);
    expect(stats.today).toBe("2026-03-03");
    expect(stats.heatmap.filter((d) => d.count > 0).map((d) => d.day)).toEqual(["2026-03-03"]);
  });

  it("reports default FSRS parameters until personal ones are saved, then their review count and date", async () => {
    const learner = await learnerReading([]);
    expect((await getStatistics(handle.db, learner, T0)).parameters).toEqual({ kind: "default" });
    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
    await savePersonalParameters(handle.db, learner.id, weights, 1234, T0 - DAY);
    const updated = (await getLearner(handle.db, learner.id))!;
    expect((await getStatistics(handle.db, updated, T0)).parameters).toEqual({ kind: "personal", reviewCount: 1234, updatedAt: T0 - DAY });
  });
});

describe("daily true retention", () => {
  const TZ = "UTC";
  const at = (day: number, hour: number) => Date.UTC(2026, 5, day, hour);

  it("splits review-state answers by study day and leaves days without any empty", () => {
    const logs = [
      { reviewedAt: at(8, 10), rating: 3 as const, state: 2 as const },
      { reviewedAt: at(8, 11), rating: 1 as const, state: 2 as const },
      { reviewedAt: at(9, 2), rating: 3 as const, state: 2 as const }, // 2 am: still the 8th's study day
      { reviewedAt: at(10, 9), rating: 1 as const, state: 1 as const }, // a learning step: not a test
      { reviewedAt: at(10, 12), rating: 4 as const, state: 2 as const },
    ];
    const days = dailyRetention(logs, at(10, 18), TZ, 4);
    expect(days.map((d) => d.day)).toEqual(["2026-06-07", "2026-06-08", "2026-06-09", "2026-06-10"]);
    expect(days.map((d) => [d.reviews, d.passed])).toEqual([[0, 0], [3, 2], [0, 0], [1, 1]]);
    expect(days[0]!.rate).toBeNull();
    expect(days[1]!.rate).toBeCloseTo(2 / 3);
  });

  it("ignores reviews after now and before the window", () => {
    const logs = [
      { reviewedAt: at(1, 12), rating: 3 as const, state: 2 as const },
      { reviewedAt: at(10, 20), rating: 3 as const, state: 2 as const },
    ];
    const days = dailyRetention(logs, at(10, 18), TZ, 3);
    expect(days.every((d) => d.reviews === 0)).toBe(true);
  });
});
