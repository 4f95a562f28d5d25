/**
 * Reading the course catalogue: courses, their active modules, lessons and
 * question banks. Retired rows stay in the database for history but are never
 * listed here.
 */
import { and, asc, count, eq, gte, inArray } from "drizzle-orm";
import { DECK_QUALITY_BAR, chooseDeckQuestions, practiceOrder } from "../learning/deck";
import type { Database } from "../../db/client";
import { courses, lessons, modules, questions } from "../../db/schema";
import type { Block, NumericAnswer, QuestionType } from "../content/types";
import { getDb } from "../db.server";
import { readAnswerData } from "../questions/stored-format";

/** The catalogue, the course page and the practice page, as routes read them: on the app's database. */
export async function catalogue() {
  return listCourses(await getDb());
}

export async function findCourseOutline(courseSlug: string) {
  return getCourseOutline(await getDb(), courseSlug);
}

export async function findLessonWithQuestions(courseSlug: string, moduleSlug: string, lessonSlug: string) {
  const db = await getDb();
  const found = await getLesson(db, courseSlug, moduleSlug, lessonSlug);
  return found ? { found, questions: await getLessonQuestions(db, found.lesson.id) } : null;
}

export async function listCourses(db: Database) {
  return db.select().from(courses).orderBy(asc(courses.title));
}

export async function getCourseOutline(db: Database, courseSlug: string) {
  const course = await db.query.courses.findFirst({ where: eq(courses.slug, courseSlug) });
  if (!course) return null;
  const moduleRows = await db
    .select({
      id: modules.id,
      slug: modules.slug,
      title: modules.title,
      description: modules.description,
      position: modules.position,
      lessonCount: count(lessons.id),
    })
    .from(modules)
    .leftJoin(lessons, and(eq(lessons.moduleId, modules.id), eq(lessons.status, "active")))
    .where(and(eq(modules.courseId, course.id), eq(modules.status, "active")))
    .groupBy(modules.id)
    .orderBy(asc(modules.position));
  return { course, modules: moduleRows };
}

async function findModule(db: Database, courseSlug: string, moduleSlug: string) {
  const rows = await db
    .select({ module: modules, course: courses })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(and(eq(courses.slug, courseSlug), eq(modules.slug, moduleSlug), eq(modules.status, "active")))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The deck of every active lesson of the given modules, by lesson id: the questions a learner who
 * starts the lesson is given (chooseDeckQuestions), best first. One query; only questions at or
 * above the bar can enter a deck, so only those are read.
 */
export async function lessonDecks(db: Database, moduleIds: string[]) {
  if (moduleIds.length === 0) return new Map<string, never[]>();
  const rows = await db
    .select({
      id: questions.id,
      moduleId: questions.moduleId,
      lessonId: questions.lessonId,
      siblingKey: questions.siblingKey,
      quality: questions.quality,
      type: questions.type,
      prompt: questions.prompt,
      answer: questions.answer,
    })
    .from(questions)
    .innerJoin(lessons, and(eq(lessons.id, questions.lessonId), eq(lessons.status, "active")))
    .where(and(inArray(questions.moduleId, moduleIds), eq(questions.status, "active"), gte(questions.quality, DECK_QUALITY_BAR)))
    .orderBy(asc(questions.lessonId), asc(questions.rank));
  const byLesson = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byLesson.get(row.lessonId);
    if (list) list.push(row);
    else byLesson.set(row.lessonId, [row]);
  }
  return new Map([...byLesson].map(([lessonId, ranked]) => [lessonId, chooseDeckQuestions(ranked)]));
}

export async function getModuleOutline(db: Database, courseSlug: string, moduleSlug: string) {
  const found = await findModule(db, courseSlug, moduleSlug);
  if (!found) return null;
  const lessonRows = await db
    .select({
      id: lessons.id,
      slug: lessons.slug,
      title: lessons.title,
      position: lessons.position,
      readingMinutes: lessons.readingMinutes,
    })
    .from(lessons)
    .where(and(eq(lessons.moduleId, found.module.id), eq(lessons.status, "active")))
    .orderBy(asc(lessons.position));
  // What a learner who starts each lesson is given: its deck, chosen as startLesson chooses it.
  const decks = await lessonDecks(db, [found.module.id]);
  return {
    ...found,
    lessons: lessonRows.map((lesson) => ({ ...lesson, questionCount: decks.get(lesson.id)?.length ?? 0 })),
  };
}

export interface LessonView {
  id: string;
  slug: string;
  title: string;
  position: number;
  readingMinutes: number;
  keyTerms: string[];
  blocks: Block[];
}

export async function getLesson(db: Database, courseSlug: string, moduleSlug: string, lessonSlug: string) {
  const outline = await getModuleOutline(db, courseSlug, moduleSlug);
  if (!outline) return null;
  const index = outline.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) return null;
  const row = await db.query.lessons.findFirst({ where: eq(lessons.id, outline.lessons[index].id) });
  if (!row) return null;
  const lesson: LessonView = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    position: row.position,
    readingMinutes: row.readingMinutes,
    keyTerms: JSON.parse(row.keyTermsJson) as string[],
    blocks: JSON.parse(row.blocksJson) as Block[],
  };
  return {
    course: outline.course,
    module: outline.module,
    lesson,
    questionCount: outline.lessons[index].questionCount,
    previous: outline.lessons[index - 1] ?? null,
    next: outline.lessons[index + 1] ?? null,
  };
}

export interface QuestionView {
  id: string;
  lessonId: string;
  moduleId: string;
  type: QuestionType;
  prompt: string;
  answer: string;
  accepted: string[];
  options: string[] | null;
  numeric: NumericAnswer | null;
  sourceSentence: string;
  sourceLine: number;
  explanation: string;
  siblingKey: string;
  status: "active" | "retired";
}

export function toQuestionView(row: typeof questions.$inferSelect): QuestionView {
  return {
    id: row.id,
    lessonId: row.lessonId,
    moduleId: row.moduleId,
    type: row.type,
    prompt: row.prompt,
    answer: row.answer,
    ...readAnswerData(row),
    sourceSentence: row.sourceSentence,
    sourceLine: row.sourceLine,
    explanation: row.explanation,
    siblingKey: row.siblingKey,
    status: row.status,
  };
}

/**
 * What practice shows of a lesson: its deck (the questions a learner who starts it is given),
 * best first with no two siblings back to back.
 */
export async function getLessonQuestions(db: Database, lessonId: string): Promise<QuestionView[]> {
  const rows = await db
    .select()
    .from(questions)
    .where(and(eq(questions.lessonId, lessonId), eq(questions.status, "active")))
    .orderBy(asc(questions.rank));
  return practiceOrder(chooseDeckQuestions(rows)).map(toQuestionView);
}
