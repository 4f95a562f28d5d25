/**
 * Reading the course catalogue: courses, their active modules, lessons and
 * question banks. Retired rows stay in the database for history but are never
 * listed here.
 */
import { and, asc, count, eq, inArray, lte, sql } from "drizzle-orm";
import { DECK_QUALITY_BAR, chooseModuleDecks, practiceOrder, restatedEarlier } from "../learning/deck";
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
 * What may enter a deck under its module's policy, said in SQL so only those rows are read:
 * vouched for by an instructor, or (policy "quality") at or above the module's bar.
 * chooseModuleDecks (eligibleForDeck) then decides, on the rows this lets through.
 */
const MAY_ENTER_DECK = sql`(${questions.curation} <> 'generated' OR (${modules.learnerQuestions} = 'quality' AND ${questions.quality} >= coalesce(${modules.qualityBar}, ${DECK_QUALITY_BAR})))`;

/**
 * The deck of every active lesson of the given modules, by lesson id: the questions a learner who
 * starts the lesson is given (chooseModuleDecks under the module's policy: a fact a module's earlier
 * lesson asks is not asked again), best first. One query; retired questions never enter.
 */
async function moduleDecks(db: Database, moduleIds: readonly string[], upToPosition?: number) {
  const rows = await db
    .select({ question: questions, learnerQuestions: modules.learnerQuestions, qualityBar: modules.qualityBar })
    .from(questions)
    .innerJoin(lessons, and(eq(lessons.id, questions.lessonId), eq(lessons.status, "active")))
    .innerJoin(modules, eq(modules.id, questions.moduleId))
    .where(
      and(
        inArray(questions.moduleId, [...moduleIds]),
        // A lesson's deck depends on the lessons before it only.
        upToPosition === undefined ? undefined : lte(lessons.position, upToPosition),
        eq(questions.status, "active"),
        MAY_ENTER_DECK,
      ),
    )
    .orderBy(asc(questions.moduleId), asc(lessons.position), asc(questions.lessonId), asc(questions.rank), asc(questions.createdAt));
  // Rows come module by module, each module's lessons in order, each lesson's questions best first.
  const byModule = new Map<string, Map<string, typeof rows>>();
  for (const row of rows) {
    let moduleLessons = byModule.get(row.question.moduleId);
    if (!moduleLessons) byModule.set(row.question.moduleId, (moduleLessons = new Map()));
    const list = moduleLessons.get(row.question.lessonId);
    if (list) list.push(row);
    else moduleLessons.set(row.question.lessonId, [row]);
  }
  type Candidate = (typeof rows)[number]["question"] & { accepted: string[] };
  const decks = new Map<string, Candidate[]>();
  // What each lesson may enter its deck with, before the earlier lessons' decks take their facts (restatedEarlier).
  const eligible = new Map<string, Candidate[]>();
  const order = new Map<string, string[]>();
  for (const [moduleId, moduleLessons] of byModule) {
    const ranked = [...moduleLessons.values()];
    // The automatic checks read a question's accepted answers too (an acronym's expansion echoed in the prompt).
    const candidates = ranked.map((lesson) => lesson.map((r) => ({ ...r.question, accepted: readAnswerData(r.question).accepted })));
    const chosen = chooseModuleDecks(candidates, { learnerQuestions: ranked[0]![0]!.learnerQuestions, qualityBar: ranked[0]![0]!.qualityBar });
    [...moduleLessons.keys()].forEach((lessonId, i) => {
      decks.set(lessonId, chosen[i]!);
      eligible.set(lessonId, candidates[i]!);
    });
    order.set(moduleId, [...moduleLessons.keys()]);
  }
  return Object.assign(decks, { eligible, order });
}

/** The deck of every active lesson of the given modules, by lesson id (moduleDecks). */
export async function lessonDecks(db: Database, moduleIds: string[]) {
  if (moduleIds.length === 0) return new Map<string, never[]>();
  return moduleDecks(db, moduleIds);
}

/** One lesson's deck, best first: what practice shows, and what starting it adds besides lessonCards's restated facts (its module's earlier lessons say what it asks again). */
export async function lessonDeck(db: Database, lessonId: string) {
  const found = await db.select({ moduleId: lessons.moduleId, position: lessons.position }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  if (found.length === 0) return [];
  return (await moduleDecks(db, [found[0]!.moduleId], found[0]!.position)).get(lessonId) ?? [];
}

/**
 * The cards starting a lesson adds: its deck, and the questions of the module's earlier lessons' decks on facts
 * this lesson states again (restatedEarlier), which its own deck leaves to them. A learner who starts this lesson
 * first is asked those facts too; starting the earlier lesson later adds the same questions, so nothing twice.
 */
export async function lessonCards(db: Database, lessonId: string) {
  const found = await db.select({ moduleId: lessons.moduleId, position: lessons.position }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  if (found.length === 0) return [];
  const decks = await moduleDecks(db, [found[0]!.moduleId], found[0]!.position);
  const lessonIds = decks.order.get(found[0]!.moduleId) ?? [];
  const at = lessonIds.indexOf(lessonId);
  if (at < 0) return [];
  const restated = restatedEarlier(
    decks.eligible.get(lessonId)!,
    lessonIds.slice(0, at).map((id) => decks.get(id)!),
  );
  return [...decks.get(lessonId)!, ...restated];
}

/**
 * The questions of a module that reach learners, per active lesson in the module's order: each
 * lesson's deck under the module's policy (accepted only, or above its quality bar; never a
 * retired one). What practice, review and timed assessments draw from.
 */
export async function moduleLearnerQuestions(db: Database, moduleId: string) {
  const lessonRows = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, position: lessons.position })
    .from(lessons)
    .where(and(eq(lessons.moduleId, moduleId), eq(lessons.status, "active")))
    .orderBy(asc(lessons.position));
  const decks = await lessonDecks(db, [moduleId]);
  return lessonRows.map((lesson) => ({ lesson, questions: (decks.get(lesson.id) ?? []).map(toQuestionView) }));
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
  // What a learner who starts each lesson is given: its deck, chosen as startLesson chooses it (with the earlier lessons
  // already started; started first, a lesson also brings the earlier questions on facts it states again: lessonCards).
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
 * What practice shows of a lesson: its deck (the questions a learner who starts it is given, lessonCards's restated facts aside),
 * best first with no two siblings back to back.
 */
export async function getLessonQuestions(db: Database, lessonId: string): Promise<QuestionView[]> {
  return practiceOrder(await lessonDeck(db, lessonId)).map(toQuestionView);
}
