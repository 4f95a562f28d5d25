/**
 * A learner's deck: module enrolments, lessons read, and the cards that
 * reading (or pressing "Start") brings in. Every function is scoped by the
 * asking learner's id.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, enrolments, lessonReads, lessons, questions } from "../../db/schema";
import { chooseDeckQuestions } from "../learning/deck";
import { newCardState } from "../learning/scheduler";

export async function isEnrolled(db: Database, userId: string, moduleId: string) {
  const row = await db.query.enrolments.findFirst({
    where: and(eq(enrolments.userId, userId), eq(enrolments.moduleId, moduleId)),
  });
  return Boolean(row);
}

/**
 * Records that the learner read a lesson and brings its best questions into
 * their deck as new cards (enrolling them in the module): the bank holds every
 * form of every fact, a deck the best few, so one lesson is not hundreds of
 * cards. Idempotent: cards that exist keep their history. Returns the number
 * of cards added.
 */
export async function startLesson(db: Database, userId: string, lessonId: string, now: number): Promise<number> {
  const lesson = await db.query.lessons.findFirst({ where: and(eq(lessons.id, lessonId), eq(lessons.status, "active")) });
  if (!lesson) return 0;
  const ranked = await db
    .select({ id: questions.id, siblingKey: questions.siblingKey, quality: questions.quality, type: questions.type, prompt: questions.prompt, answer: questions.answer })
    .from(questions)
    .where(and(eq(questions.lessonId, lessonId), eq(questions.status, "active")))
    .orderBy(asc(questions.rank));
  const qs = chooseDeckQuestions(ranked);
  const fresh = newCardState(now);
  let added = 0;
  await db.transaction(async (tx) => {
    await tx.insert(enrolments).values({ userId, moduleId: lesson.moduleId, enrolledAt: now }).onConflictDoNothing();
    await tx.insert(lessonReads).values({ userId, lessonId, readAt: now }).onConflictDoNothing();
    if (qs.length === 0) return;
    const inserted = await tx
      .insert(cards)
      .values(
        qs.map((q) => ({
          userId,
          questionId: q.id,
          moduleId: lesson.moduleId,
          siblingKey: q.siblingKey,
          ...fresh,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: cards.id });
    added = inserted.length;
  });
  return added;
}

/** Lessons of the given modules the learner has read. */
export async function readLessonIds(db: Database, userId: string, lessonIds: string[]): Promise<Set<string>> {
  if (lessonIds.length === 0) return new Set();
  const rows = await db
    .select({ id: lessonReads.lessonId })
    .from(lessonReads)
    .where(and(eq(lessonReads.userId, userId), inArray(lessonReads.lessonId, lessonIds)));
  return new Set(rows.map((r) => r.id));
}
