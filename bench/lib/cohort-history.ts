/**
 * A cohort for the dashboard benchmark, written straight to the database: an
 * instructor, learners who joined, modules assigned with start and due dates
 * in the past and future, and weeks of study by each learner.
 *
 * The study is simulated in memory rather than through the review routes
 * (500 learners × weeks of answers through answerShowing would take longer
 * than the whole benchmark may): every learner studies on most evenings,
 * starts the next lesson of the assignments already open, and answers the
 * cards due, right with their own seeded accuracy. Each answer goes through
 * the same pure code the review path uses: learning/rating.ts proposeRating
 * turns (right, response time, the learner's median) into a rating and
 * learning/scheduler.ts scheduleReview (ts-fsrs, fuzz seeded by the card id as
 * answerShowing does) gives the next card state and the log row. The final
 * cards, the review log, lesson reads and enrolments are then inserted in
 * batches. A learner's deck of a lesson is course.server lessonDecks, the
 * deck startLesson gives.
 */
import { hash } from "@node-rs/argon2";
import { asc, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { assignments, cards, cohortMembers, enrolments, lessonReads, lessons, modules, reviewLogs, users } from "../../db/schema";
import { seededRandom } from "../../app/learning/random";
import { medianResponseMs, proposeRating } from "../../app/learning/rating";
import { newCardState, scheduleReview, serializeCardState, type CardState } from "../../app/learning/scheduler";
import { createCohort } from "../../app/models/cohort.server";
import { lessonDecks } from "../../app/models/course.server";
import { schedulerSettingsFor } from "../../app/models/review.server";
import { createSession, createSessionCookie } from "../../app/models/session.server";

const DAY_MS = 86_400_000;

export interface CohortHistoryOptions {
  learners: number;
  /** Modules assigned, in course order; the first opened `weeks` weeks ago, one more each week. */
  modules: number;
  weeks: number;
  /** Cards a learner answers at most in one evening. */
  cardsPerSession: number;
  seed: string;
  now: number;
}

export interface SeededCohort {
  cohortId: string;
  /** The instructor's `Cookie` request header. */
  instructorCookie: string;
  learners: number;
  lessonsStarted: number;
  cards: number;
  reviews: number;
}

async function insertInBatches<T extends Record<string, unknown>>(
  write: (rows: T[]) => Promise<unknown>,
  rows: readonly T[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** A log-normal factor around 1 (Box–Muller): response times are skewed to the slow side. */
function logNormal(random: () => number, sigma: number): number {
  const u = Math.max(random(), 1e-9);
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
}

export async function seedCohortHistory(db: Database, options: CohortHistoryOptions): Promise<SeededCohort> {
  // A fixture, not data to keep: skip the fsync per commit on this (only) connection.
  await db.$client.execute("PRAGMA synchronous = OFF");
  const { now } = options;
  const passwordHash = await hash("bench-password-not-used", { algorithm: 2 });
  const instructorId = randomUUID();
  await db.insert(users).values({
    id: instructorId, email: "instructor@bench.invalid", name: "Bench instructor", role: "instructor", passwordHash, createdAt: now,
  });
  const cohort = await createCohort(db, instructorId, "Bench cohort", now - options.weeks * 7 * DAY_MS);

  const learnerRows = Array.from({ length: options.learners }, (_, i) => ({
    id: randomUUID(),
    email: `learner${i}@bench.invalid`,
    name: `Learner ${String(i).padStart(4, "0")}`,
    role: "learner" as const,
    passwordHash,
    createdAt: now - options.weeks * 7 * DAY_MS,
  }));
  await insertInBatches((rows) => db.insert(users).values(rows), learnerRows, 200);
  await insertInBatches(
    (rows) => db.insert(cohortMembers).values(rows),
    learnerRows.map((l) => ({ cohortId: cohort.id, userId: l.id, joinedAt: l.createdAt })),
  );

  // Assignments: one opens each week from `weeks` ago, each due three weeks after it opens,
  // so the early ones are past due, one is due about now and the last are still running.
  // Written directly: assignModule (rightly) refuses a due date in the past.
  const moduleRows = (await db.select().from(modules).where(eq(modules.status, "active")).orderBy(asc(modules.position))).slice(0, options.modules);
  if (moduleRows.length < options.modules) throw new Error(`content/ has ${moduleRows.length} modules, ${options.modules} asked for`);
  const assigned = moduleRows.map((m, k) => {
    const startsAt = now - (options.weeks - k) * 7 * DAY_MS;
    return { id: randomUUID(), cohortId: cohort.id, moduleId: m.id, startsAt, dueAt: startsAt + 21 * DAY_MS + DAY_MS / 2, createdAt: startsAt };
  });
  await db.insert(assignments).values(assigned);

  // Lessons in assignment order, each with its deck and the time its module opens.
  const moduleIds = moduleRows.map((m) => m.id);
  const lessonRows = await db
    .select({ id: lessons.id, moduleId: lessons.moduleId, position: lessons.position })
    .from(lessons)
    .where(inArray(lessons.moduleId, moduleIds))
    .orderBy(asc(lessons.position));
  const decks = await lessonDecks(db, moduleIds);
  const openAt = new Map(assigned.map((a) => [a.moduleId, a.startsAt]));
  const courseLessons = moduleIds.flatMap((moduleId) =>
    lessonRows.filter((l) => l.moduleId === moduleId).map((l) => ({ ...l, opensAt: openAt.get(moduleId)!, deck: decks.get(l.id) ?? [] })),
  );

  const settings = schedulerSettingsFor({ desiredRetention: 0.9, fsrsParamsJson: null });
  const cardRows: (typeof cards.$inferInsert)[] = [];
  const logRows: (typeof reviewLogs.$inferInsert)[] = [];
  const readRows: (typeof lessonReads.$inferInsert)[] = [];
  const enrolRows: (typeof enrolments.$inferInsert)[] = [];
  let nextCardId = 1;
  const firstDay = now - options.weeks * 7 * DAY_MS;

  for (const [i, learner] of learnerRows.entries()) {
    const random = seededRandom(`${options.seed}:${i}`);
    // Learners differ: how often they study, how often they are right, how fast they answer.
    const keen = random();
    const skipRate = 0.1 + 0.6 * (1 - keen);
    const accuracy = 0.55 + 0.4 * random();
    const medianMs = 4_000 + 6_000 * random();
    const lessonsPerEvening = keen > 0.7 ? 2 : 1;
    const held: { id: number; questionId: string; moduleId: string; siblingKey: string; type: (typeof courseLessons)[number]["deck"][number]["type"]; state: CardState; version: number; createdAt: number }[] = [];
    const answers: { correct: boolean; responseMs: number }[] = [];
    const enrolled = new Set<string>();
    let lessonIndex = 0;

    for (let day = firstDay; day < now; day += DAY_MS) {
      if (random() < skipRate) continue;
      let t = day + 18 * 3_600_000 + Math.floor(random() * 3 * 3_600_000);
      if (t >= now) break;
      for (let n = 0; n < lessonsPerEvening && lessonIndex < courseLessons.length && courseLessons[lessonIndex].opensAt <= t; n++) {
        const lesson = courseLessons[lessonIndex++];
        readRows.push({ userId: learner.id, lessonId: lesson.id, readAt: t });
        if (!enrolled.has(lesson.moduleId)) {
          enrolled.add(lesson.moduleId);
          enrolRows.push({ userId: learner.id, moduleId: lesson.moduleId, enrolledAt: t });
        }
        for (const q of lesson.deck) {
          held.push({ id: nextCardId++, questionId: q.id, moduleId: lesson.moduleId, siblingKey: q.siblingKey, type: q.type, state: newCardState(t), version: 0, createdAt: t });
        }
        t += 5 * 60_000;
      }
      // Answer what is due, earliest first, until nothing is or the evening's budget is spent;
      // a card failed or in learning comes back minutes later in the same evening.
      for (let answered = 0; answered < options.cardsPerSession; answered++) {
        let card: (typeof held)[number] | undefined;
        for (const c of held) if (c.state.due <= t && (!card || c.state.due < card.state.due)) card = c;
        if (!card) break;
        const correct = random() < accuracy;
        const responseMs = Math.round(Math.min(120_000, medianMs * logNormal(random, 0.5)));
        const rating = proposeRating({ correct, responseMs, learnerMedianMs: medianResponseMs(answers.slice(-50)), type: card.type });
        answers.push({ correct, responseMs });
        const outcome = scheduleReview(card.state, rating, t, { ...settings, seed: String(card.id) });
        card.version++;
        logRows.push({
          cardId: card.id,
          userId: learner.id,
          showingId: `bench-${card.id}-${card.version}`,
          reviewedAt: t,
          rating,
          correct,
          responseMs,
          state: outcome.log.state,
          elapsedDays: outcome.log.elapsedDays,
          scheduledDays: outcome.log.scheduledDays,
          cardBeforeJson: serializeCardState(outcome.log.cardBefore),
          cardVersionAfter: card.version,
        });
        card.state = outcome.card;
        t += responseMs + 2_000;
      }
    }
    for (const c of held) {
      cardRows.push({ id: c.id, userId: learner.id, questionId: c.questionId, moduleId: c.moduleId, siblingKey: c.siblingKey, ...c.state, version: c.version, createdAt: c.createdAt });
    }
  }

  await insertInBatches((rows) => db.insert(enrolments).values(rows), enrolRows);
  await insertInBatches((rows) => db.insert(lessonReads).values(rows), readRows);
  await insertInBatches((rows) => db.insert(cards).values(rows), cardRows, 1000);
  await insertInBatches((rows) => db.insert(reviewLogs).values(rows), logRows, 1000);

  const { token } = await createSession(db, instructorId, now);
  const setCookie = await createSessionCookie({ secure: true }).serialize(token);
  return {
    cohortId: cohort.id,
    instructorCookie: setCookie.split(";")[0],
    learners: learnerRows.length,
    lessonsStarted: readRows.length,
    cards: cardRows.length,
    reviews: logRows.length,
  };
}
