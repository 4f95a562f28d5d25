/**
 * A learner's deck: module enrolments, lessons read, and the cards that
 * "Mark as read" on a lesson (or "Start" on a module) brings in. Every
 * function is scoped by the asking learner's id.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, enrolments, lessonReads, lessons } from "../../db/schema";
import { getDb } from "../db.server";
import { newCardState } from "../learning/scheduler";
import { getLesson, getModuleOutline, lessonCards } from "./course.server";

/** A module's outline, with which lessons the learner (if any) has read and whether they are enrolled. */
export async function getModulePage(courseSlug: string, moduleSlug: string, userId: string | null) {
  const db = await getDb();
  const outline = await getModuleOutline(db, courseSlug, moduleSlug);
  if (!outline) return null;
  const lessonIds = outline.lessons.map((l) => l.id);
  return {
    outline,
    read: userId ? await readLessonIds(db, userId, lessonIds) : new Set<string>(),
    enrolled: userId ? await isEnrolled(db, userId, outline.module.id) : false,
  };
}

/** A lesson, with whether the learner (if any) has read it. Reading records nothing. */
export async function getLessonPage(courseSlug: string, moduleSlug: string, lessonSlug: string, userId: string | null) {
  const db = await getDb();
  const found = await getLesson(db, courseSlug, moduleSlug, lessonSlug);
  if (!found) return null;
  const read = userId ? (await readLessonIds(db, userId, [found.lesson.id])).has(found.lesson.id) : false;
  return { ...found, read };
}

/** "Start this module": every lesson's questions join the deck, in lesson order. Null when there is no such module. */
export async function startModule(userId: string, courseSlug: string, moduleSlug: string, now: number): Promise<number | null> {
  const db = await getDb();
  const outline = await getModuleOutline(db, courseSlug, moduleSlug);
  if (!outline) return null;
  let added = 0;
  for (const lesson of outline.lessons) added += await startLesson(db, userId, lesson.id, now);
  return added;
}

/** "Mark as read and add its cards": the lesson by its slugs. Null when there is no such lesson. */
export async function startLessonBySlug(
  userId: string,
  slugs: { courseSlug: string; moduleSlug: string; lessonSlug: string },
  now: number,
): Promise<number | null> {
  const db = await getDb();
  const found = await getLesson(db, slugs.courseSlug, slugs.moduleSlug, slugs.lessonSlug);
  if (!found) return null;
  return startLesson(db, userId, found.lesson.id, now);
}

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
 * cards; with them, the earlier lessons' questions on facts it states again
 * (lessonCards). Idempotent: cards that exist keep their history. Returns the
 * number of cards added.
 */
export async function startLesson(db: Database, userId: string, lessonId: string, now: number): Promise<number> {
  const lesson = await db.query.lessons.findFirst({ where: and(eq(lessons.id, lessonId), eq(lessons.status, "active")) });
  if (!lesson) return 0;
  const qs = await lessonCards(db, lessonId);
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
