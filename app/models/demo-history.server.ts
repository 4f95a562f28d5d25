/**
 * Review history for the demo learners, so a fresh database has progress
 * pages worth looking at. Made by the real review code at simulated times
 * over the past weeks (a seeded learner who is right most of the time), so
 * the history is exactly what studying would have left behind.
 */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lessons, modules } from "../../db/schema";
import { seededRandom } from "../learning/random";
import { startLesson } from "./deck.server";
import { getLearner } from "./learner.server";
import { answerShowing, nextShowing } from "./review.server";

const DAY_MS = 86_400_000;
/** New cards a demo learner finds waiting on the review page. */
const MIN_NEW_CARDS_TODAY = 4;

export async function simulateDemoHistory(
  db: Database,
  userId: string,
  options: { now: number; days: number; cardsPerDay: number; accuracy: number; seed: string },
) {
  const random = seededRandom(options.seed);
  const moduleRows = await db.select().from(modules).where(eq(modules.status, "active")).orderBy(asc(modules.position));
  // The first modules are studied over the past weeks; the last is started today, so the
  // review page has new cards waiting (a deck holds only the questions above the quality bar).
  const firstModules = moduleRows.slice(0, -1);
  const startedToday = moduleRows.slice(-1);
  const start = options.now - options.days * DAY_MS;
  let reviews = 0;
  let lessonIndex = 0;
  const lessonRows = (
    await Promise.all(
      firstModules.map((m) =>
        db.select().from(lessons).where(eq(lessons.moduleId, m.id)).orderBy(asc(lessons.position)),
      ),
    )
  ).flat();
  for (let day = 0; day < options.days; day++) {
    // Skip a day now and then, as real learners do.
    if (random() < 0.15) continue;
    let t = start + day * DAY_MS + 18 * 3_600_000 + Math.floor(random() * 3_600_000);
    if (lessonIndex < lessonRows.length) {
      await startLesson(db, userId, lessonRows[lessonIndex].id, t);
      lessonIndex++;
    }
    const learner = await getLearner(db, userId);
    if (!learner) return 0;
    for (let i = 0; i < options.cardsPerDay; i++) {
      const shown = await nextShowing(db, learner, t);
      if (!shown) break;
      const right = random() < options.accuracy;
      const response = right ? await correctAnswer(db, shown.question.id) : "not sure";
      t += 4_000 + Math.floor(random() * 8_000);
      await answerShowing(db, learner, { showingId: shown.showingId, response }, t);
      reviews++;
      t += 2_000;
    }
  }
  let addedToday = 0;
  for (const m of startedToday) {
    const todays = await db.select().from(lessons).where(eq(lessons.moduleId, m.id)).orderBy(asc(lessons.position));
    for (const lesson of todays) addedToday += await startLesson(db, userId, lesson.id, options.now - 3_600_000);
  }
  // Decks are small where prose states little: lessons the weeks did not reach are started today too,
  // until a few new cards wait.
  for (; lessonIndex < lessonRows.length && addedToday < MIN_NEW_CARDS_TODAY; lessonIndex++)
    addedToday += await startLesson(db, userId, lessonRows[lessonIndex].id, options.now - 3_600_000);
  return reviews;
}

/** The answer a right-answering learner would give for a question. */
async function correctAnswer(db: Database, questionId: string): Promise<string> {
  const row = await db.query.questions.findFirst({ where: (q, { eq: equals }) => equals(q.id, questionId) });
  return row?.answer ?? "";
}
