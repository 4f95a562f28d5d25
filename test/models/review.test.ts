import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cards, lessons, questions, reviewLogs, reviewUndos, showings, users } from "../../db/schema";
import { startLesson } from "../../app/models/deck.server";
import { newCardState } from "../../app/learning/scheduler";
import { getLearner } from "../../app/models/learner.server";
import {
  answerShowing,
  getOwnCard,
  nextShowing,
  rateShowing,
  studyNext,
  ReviewError,
  undoLastReview,
} from "../../app/models/review.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { clozeQuestion, lessonOf, makeLearner, seedGeography } from "../support/fixtures";
import { saveCourse } from "../../app/models/content.server";

let handle: TestDatabase;
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedGeography(handle.db);
});
afterEach(() => handle.close());

const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);

async function learnerWithDeck() {
  const { db } = handle;
  const user = await makeLearner(db);
  for (const l of await db.select().from(lessons)) await startLesson(db, user.id, l.id, T0);
  const learner = (await getLearner(db, user.id))!;
  return learner;
}

async function answerFor(cardId: number) {
  const [row] = await handle.db
    .select({ q: questions })
    .from(cards)
    .innerJoin(questions, eq(questions.id, cards.questionId))
    .where(eq(cards.id, cardId));
  return row.q.answer;
}

async function expectReviewError(promise: Promise<unknown>, code: ReviewError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReviewError);
  expect((error as ReviewError).code).toBe(code);
}

describe("daily review against libSQL", () => {
  it("reading lessons brings their questions in as new cards, once", async () => {
    const learner = await learnerWithDeck();
    const before = await handle.db.select().from(cards).where(eq(cards.userId, learner.id));
    // Four questions, two of them made from one sentence (the Nile's cloze and true/false): a deck takes one per sentence.
    expect(before).toHaveLength(3);
    for (const l of await handle.db.select().from(lessons)) await startLesson(handle.db, learner.id, l.id, T0 + 5);
    expect(await handle.db.select().from(cards).where(eq(cards.userId, learner.id))).toHaveLength(3);
  });

  it("a right answer is applied once with the proposed rating and logged with the card's state before", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const result = await answerShowing(
      handle.db,
      learner,
      { showingId: shown.showingId, response: await answerFor(shown.cardId), clientResponseMs: 3000 },
      T0 + 4000,
    );
    expect(result).toMatchObject({ correct: true, replayed: false });
    expect([2, 3, 4]).toContain(result.rating);
    const logs = await handle.db.select().from(reviewLogs);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ cardId: shown.cardId, state: 0, rating: result.rating, responseMs: 3000, correct: true });
    const card = await getOwnCard(handle.db, learner.id, shown.cardId);
    expect(card!.reps).toBe(1);
    expect(card!.version).toBe(1);
  });

  it("submitting the same answer twice applies it once and returns the first result", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const input = { showingId: shown.showingId, response: "wrong guess" };
    const [a, b] = await Promise.all([
      answerShowing(handle.db, learner, input, T0 + 1000),
      answerShowing(handle.db, learner, input, T0 + 1001),
    ]);
    const c = await answerShowing(handle.db, learner, input, T0 + 5000);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(c.replayed).toBe(true);
    expect(a.correct).toBe(false);
    expect(a.rating).toBe(1);
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(1);
  });

  it("two showings of one card answered at once: one review applies, the other is refused as stale", async () => {
    const learner = await learnerWithDeck();
    const first = (await nextShowing(handle.db, learner, T0))!;
    // A second showing of the same card at the same version, as a second device might hold.
    const secondId = "second-device-showing";
    await handle.db.insert(showings).values({ id: secondId, userId: learner.id, cardId: first.cardId, cardVersion: 0, shownAt: T0 });
    const outcomes = await Promise.allSettled([
      answerShowing(handle.db, learner, { showingId: first.showingId, response: "x" }, T0 + 1000),
      answerShowing(handle.db, learner, { showingId: secondId, response: "y" }, T0 + 1001),
    ]);
    const applied = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ReviewError);
    expect((refused[0].reason as ReviewError).code).toBe("stale");
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(1);
    const answered = await handle.db.select().from(showings).where(eq(showings.cardId, first.cardId));
    expect(answered.filter((s) => s.answeredAt !== null)).toHaveLength(1);
    expect((await getOwnCard(handle.db, learner.id, first.cardId))!.version).toBe(1);
  });

  it("a showing made before the card changed is refused as stale", async () => {
    const learner = await learnerWithDeck();
    const first = (await nextShowing(handle.db, learner, T0))!;
    // A second tab: the same card is shown again before either is answered.
    const secondTab = (await nextShowing(handle.db, learner, T0 + 10))!;
    expect(secondTab.cardId).toBe(first.cardId);
    // Same card, same version: the open showing is reused, so both tabs hold one id.
    expect(secondTab.showingId).toBe(first.showingId);
    await answerShowing(handle.db, learner, { showingId: first.showingId, response: "x" }, T0 + 1000);
    // Forge an old showing of the card at its previous version.
    await handle.db.update(cards).set({ version: 5 }).where(eq(cards.id, first.cardId));
    const fresh = (await nextShowing(handle.db, learner, T0 + 2 * 60_000))!;
    await handle.db.update(cards).set({ version: 6 }).where(eq(cards.id, fresh.cardId));
    await expectReviewError(answerShowing(handle.db, learner, { showingId: fresh.showingId, response: "x" }, T0 + 130_000), "stale");
  });

  it("an answer with nothing in it is refused before anything is written", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    for (const response of ["", "   "]) {
      await expectReviewError(answerShowing(handle.db, learner, { showingId: shown.showingId, response }, T0 + 1000), "invalid_response");
    }
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(0);
    const [showing] = await handle.db.select().from(showings).where(eq(showings.id, shown.showingId));
    expect(showing!.answeredAt).toBeNull();
    expect((await getOwnCard(handle.db, learner.id, shown.cardId))!.version).toBe(0);
  });

  it("a right answer with a spelling slip counts as right, says so, and is rated Hard at most", async () => {
    const learner = await learnerWithDeck();
    let t = T0;
    let shown = (await nextShowing(handle.db, learner, t))!;
    // Answer the others rightly until the card whose answer is long enough for a slip comes up.
    while ((await answerFor(shown.cardId)) !== "Amazon") {
      await answerShowing(handle.db, learner, { showingId: shown.showingId, response: await answerFor(shown.cardId) }, t + 500);
      t += 30_000;
      shown = (await nextShowing(handle.db, learner, t))!;
    }
    const result = await answerShowing(
      handle.db,
      learner,
      { showingId: shown.showingId, response: "Amazno", clientResponseMs: 1000 },
      t + 1000,
    );
    expect(result).toMatchObject({ correct: true, verdict: "close", message: "Right — check the spelling: Amazon", rating: 2 });
    const [log] = await handle.db.select().from(reviewLogs).where(eq(reviewLogs.showingId, shown.showingId));
    expect(log).toMatchObject({ correct: true, rating: 2 });
  });

  it("a wrong answer brings the card back within the session", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    await answerShowing(handle.db, learner, { showingId: shown.showingId, response: "no idea" }, T0 + 1000);
    const seen = new Set<number>();
    let t = T0 + 2000;
    for (let i = 0; i < 6; i++) {
      const next = await nextShowing(handle.db, learner, t);
      if (!next) break;
      seen.add(next.cardId);
      if (next.cardId === shown.cardId) break;
      await answerShowing(handle.db, learner, { showingId: next.showingId, response: await answerFor(next.cardId) }, t + 500);
      t += 30_000;
    }
    expect(seen.has(shown.cardId)).toBe(true);
  });

  it("changing the rating undoes the applied review and applies the chosen one from the same state", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const cardBefore = await getOwnCard(handle.db, learner.id, shown.cardId);
    const answered = await answerShowing(handle.db, learner, { showingId: shown.showingId, response: await answerFor(shown.cardId) }, T0 + 4000);
    const easy = await rateShowing(handle.db, learner, { showingId: shown.showingId, rating: 4 }, T0 + 6000);
    expect(easy.rating).toBe(4);
    expect(answered.rating).not.toBe(4);
    const logs = await handle.db.select().from(reviewLogs).orderBy(reviewLogs.id);
    expect(logs.map((l) => l.rating)).toEqual([answered.rating, 4]);
    expect(await handle.db.select().from(reviewUndos)).toHaveLength(1);
    expect(JSON.parse(logs[1].cardBeforeJson).reps).toBe(cardBefore!.reps);
    // Rating again with the same value changes nothing.
    await rateShowing(handle.db, learner, { showingId: shown.showingId, rating: 4 }, T0 + 7000);
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(2);
  });

  it("two taps of one rating at once apply it once; two different ratings at once leave the later one in force", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const answered = await answerShowing(handle.db, learner, { showingId: shown.showingId, response: await answerFor(shown.cardId) }, T0 + 4000);
    const other = answered.rating === 4 ? 2 : 4;
    const taps = await Promise.all([
      rateShowing(handle.db, learner, { showingId: shown.showingId, rating: other }, T0 + 6000),
      rateShowing(handle.db, learner, { showingId: shown.showingId, rating: other }, T0 + 6001),
    ]);
    expect(taps.map((t) => t.replayed).sort()).toEqual([false, true]);
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(2);
    expect(await handle.db.select().from(reviewUndos)).toHaveLength(1);

    const [hard, easy] = await Promise.all([
      rateShowing(handle.db, learner, { showingId: shown.showingId, rating: 2 === other ? 3 : 2 }, T0 + 7000),
      rateShowing(handle.db, learner, { showingId: shown.showingId, rating: 1 }, T0 + 7001),
    ]);
    expect([hard.replayed, easy.replayed]).toEqual([false, false]);
    const logs = await handle.db.select().from(reviewLogs).orderBy(reviewLogs.id);
    const undone = new Set((await handle.db.select().from(reviewUndos)).map((u) => u.reviewLogId));
    const standing = logs.filter((l) => !undone.has(l.id));
    expect(standing).toHaveLength(1);
    expect(standing[0].rating).toBe(1);
    // Every re-rating starts from the state before the answer, never from another rating's.
    expect(new Set(logs.map((l) => l.cardBeforeJson)).size).toBe(1);
    const [showing] = await handle.db.select().from(showings).where(eq(showings.id, shown.showingId));
    expect(showing.reviewLogId).toBe(standing[0].id);
  });

  it("undo restores the card exactly", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const before = (await getOwnCard(handle.db, learner.id, shown.cardId))!;
    await answerShowing(handle.db, learner, { showingId: shown.showingId, response: await answerFor(shown.cardId) }, T0 + 4000);
    await undoLastReview(handle.db, learner, T0 + 5000);
    const after = (await getOwnCard(handle.db, learner.id, shown.cardId))!;
    const { version: v1, ...schedBefore } = before;
    const { version: v2, ...schedAfter } = after;
    expect(schedAfter).toEqual(schedBefore);
    expect(v2).toBeGreaterThan(v1);
    // The log keeps the review; the undo is appended beside it.
    expect(await handle.db.select().from(reviewLogs)).toHaveLength(1);
    await expectReviewError(undoLastReview(handle.db, learner, T0 + 6000), "nothing_to_undo");
  });

  it("learner B can neither answer, rate nor see learner A's cards", async () => {
    const a = await learnerWithDeck();
    const b = await learnerWithDeck();
    const shownToA = (await nextShowing(handle.db, a, T0))!;
    await expectReviewError(answerShowing(handle.db, b, { showingId: shownToA.showingId, response: "x" }, T0 + 1000), "not_found");
    await answerShowing(handle.db, a, { showingId: shownToA.showingId, response: "x" }, T0 + 1000);
    await expectReviewError(rateShowing(handle.db, b, { showingId: shownToA.showingId, rating: 4 }, T0 + 2000), "not_found");
    expect(await getOwnCard(handle.db, b.id, shownToA.cardId)).toBeNull();
    // B's undo touches only B's (empty) history.
    await expectReviewError(undoLastReview(handle.db, b, T0 + 3000), "nothing_to_undo");
    expect(await handle.db.select().from(reviewUndos)).toHaveLength(0);
  });

  it("a review for a retired question is refused and the card leaves the queue", async () => {
    const learner = await learnerWithDeck();
    const shown = (await nextShowing(handle.db, learner, T0))!;
    const [card] = await handle.db.select().from(cards).where(eq(cards.id, shown.cardId));
    await handle.db.update(questions).set({ status: "retired" }).where(eq(questions.id, card.questionId));
    await expectReviewError(answerShowing(handle.db, learner, { showingId: shown.showingId, response: "x" }, T0 + 1000), "retired");
    const next = await nextShowing(handle.db, learner, T0 + 2000);
    expect(next?.cardId).not.toBe(shown.cardId);
  });

  it("siblings are not shown on the same day", async () => {
    const learner = await learnerWithDeck();
    const shownIds: number[] = [];
    let t = T0;
    for (let i = 0; i < 10; i++) {
      const next = await nextShowing(handle.db, learner, t);
      if (!next) break;
      shownIds.push(next.cardId);
      await answerShowing(handle.db, learner, { showingId: next.showingId, response: await answerFor(next.cardId) }, t + 100);
      await rateShowing(handle.db, learner, { showingId: next.showingId, rating: 4 }, t + 200);
      t += 1000;
    }
    const rows = await handle.db.select().from(cards).where(eq(cards.userId, learner.id));
    const keyOf = new Map(rows.map((r) => [r.id, r.siblingKey]));
    const keys = shownIds.map((id) => keyOf.get(id));
    expect(new Set(keys).size).toBe(keys.length);
    // The Nile fact has two forms; only one of them was shown today.
    expect(shownIds.length).toBe(3);
  });
});

describe("a long session in one module whose facts have two forms each", () => {
  const facts = 12;

  /** A module of 12 facts with two forms each, ranked so each fact's forms sit together; a learner with all 24 cards. */
  async function learnerOfLakes() {
    const { db } = handle;
    const forms = Array.from({ length: facts }, (_, f) => {
      const sentence = `Lake number ${f + 1} is called Lake${f + 1}.`;
      const cloze = clozeQuestion(`q-lake-${f}`, `Lake${f + 1}`, sentence, `lake-${f}`);
      const trueFalse = { ...cloze, id: `q-lake-${f}-tf`, type: "true_false" as const, prompt: `True or false: ${sentence}`, answer: "True", accepted: ["True"], options: ["True", "False"] };
      return [cloze, trueFalse];
    }).flat();
    await saveCourse(
      db,
      {
        manifest: { slug: "lakes", title: "Lakes", description: "", modules: [{ file: "lakes.md", slug: "lakes", title: "Lakes", description: "" }] },
        modules: [{ title: "Lakes", source: "lakes.md", lessons: [lessonOf("Lakes", "lakes", 0, forms)] }],
        moduleHashes: ["lakes-1"],
        contentHash: "lakes-1",
      },
      T0,
    );
    const user = await makeLearner(db);
    const [lesson] = await db.select().from(lessons).where(eq(lessons.slug, "lakes"));
    // A deck takes one question per sentence; both forms reach a learner when an instructor's
    // module gives them (or an acronym's question shares its sentence with another lesson's).
    const bank = await db.select().from(questions).where(eq(questions.lessonId, lesson.id));
    await db.insert(cards).values(
      bank.map((q) => ({ userId: user.id, questionId: q.id, moduleId: lesson.moduleId, siblingKey: q.siblingKey, ...newCardState(T0), createdAt: T0 })),
    );
    expect(bank).toHaveLength(facts * 2);
    return user;
  }

  it("introduces one form of every fact, however far down the module the unburied cards are", async () => {
    const { db } = handle;
    const user = await learnerOfLakes();
    const learner = (await getLearner(db, user.id))!;
    const factsIntroduced = new Set<string>();
    let t = T0;
    for (let i = 0; i < 100; i++) {
      const next = await nextShowing(db, learner, t);
      if (!next) break;
      const [card] = await db.select().from(cards).where(eq(cards.id, next.cardId));
      if (next.isNew) {
        expect(factsIntroduced.has(card.siblingKey), `a second form of ${card.siblingKey} the same day`).toBe(false);
        factsIntroduced.add(card.siblingKey);
      }
      await answerShowing(db, learner, { showingId: next.showingId, response: await answerFor(next.cardId) }, t + 4000);
      t += 5000;
    }
    expect(factsIntroduced.size).toBe(facts);
  });

  it("counts the cards left today without those of retired questions", async () => {
    const { db } = handle;
    const user = await learnerOfLakes();
    await db.update(users).set({ newPerDay: 100 }).where(eq(users.id, user.id));
    const learner = (await getLearner(db, user.id))!;
    expect((await studyNext(db, learner, T0)).remaining).toBe(facts * 2);
    await db.update(questions).set({ status: "retired" }).where(inArray(questions.id, ["q-lake-3", "q-lake-4-tf", "q-lake-9"]));
    expect((await studyNext(db, learner, T0 + 1000)).remaining).toBe(facts * 2 - 3);
  });
});
