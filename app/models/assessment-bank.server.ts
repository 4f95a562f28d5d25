/**
 * Which questions an assessment may ask: the learner-facing questions of the
 * lessons in its blueprint, each with its difficulty (app/assessment/form.ts
 * questionDifficulty, from its type and the answers learners gave it in
 * review and practice). The choice of learner-facing questions is made in one
 * function, learnerFacingQuestions, so that the bank's curation ("accepted
 * only", or above a quality threshold) reaches assessments by changing it alone.
 */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, courses, lessons, modules, questions, reviewLogs, reviewUndos } from "../../db/schema";
import type { NumericAnswer, QuestionType } from "../content/types";
import { questionDifficulty, type PoolQuestion } from "../assessment/form";
import { onAppDb } from "./cohort.server";
import { lessonDecks, toQuestionView } from "./course.server";

/** A question as an assessment keeps it: everything needed to show and to grade it. */
export interface BankQuestion extends PoolQuestion {
  prompt: string;
  answer: string;
  accepted: string[];
  options: string[] | null;
  numeric: NumericAnswer | null;
  sourceSentence: string;
  explanation: string;
}

/**
 * The ids of the questions learners are shown in each of these lessons: each
 * lesson's deck under its module's policy (course.server.ts lessonDecks:
 * accepted only, or above the module's quality bar plus what an instructor
 * vouched for; never a retired question), as starting the lesson gives it.
 */
export async function learnerFacingQuestions(db: Database, lessonIds: readonly string[]): Promise<Map<string, string[]>> {
  if (lessonIds.length === 0) return new Map();
  const moduleRows = await db
    .selectDistinct({ moduleId: lessons.moduleId })
    .from(lessons)
    .where(inArray(lessons.id, [...lessonIds]));
  const decks = await lessonDecks(db, moduleRows.map((r) => r.moduleId));
  const wanted = new Set(lessonIds);
  return new Map([...decks].filter(([lessonId]) => wanted.has(lessonId)).map(([lessonId, deck]) => [lessonId, deck.map((q) => q.id)]));
}

/** Answers learners gave each question in review and practice (reviews undone left out). */
async function observedAnswers(db: Database, questionIds: readonly string[]) {
  if (questionIds.length === 0) return new Map<string, { answers: number; right: number }>();
  const rows = await db
    .select({ questionId: cards.questionId, answers: count(), right: sql<number>`sum(${reviewLogs.correct})` })
    .from(reviewLogs)
    .innerJoin(cards, eq(cards.id, reviewLogs.cardId))
    .leftJoin(reviewUndos, eq(reviewUndos.reviewLogId, reviewLogs.id))
    .where(and(inArray(cards.questionId, [...questionIds]), isNull(reviewUndos.reviewLogId)))
    .groupBy(cards.questionId);
  return new Map(rows.map((r) => [r.questionId, { answers: r.answers, right: Number(r.right ?? 0) }]));
}

/** The learner-facing questions of these lessons, whole and with their difficulty: what an assessment freezes when it opens. */
export async function bankQuestions(db: Database, lessonIds: readonly string[]): Promise<BankQuestion[]> {
  const facing = await learnerFacingQuestions(db, lessonIds);
  const ids = [...facing.values()].flat();
  if (ids.length === 0) return [];
  const [rows, observed] = await Promise.all([
    db.select().from(questions).where(inArray(questions.id, ids)).orderBy(asc(questions.lessonId), asc(questions.rank)),
    observedAnswers(db, ids),
  ]);
  return rows.map((row) => {
    const view = toQuestionView(row);
    return {
      id: view.id,
      lessonId: view.lessonId,
      type: view.type,
      siblingKey: view.siblingKey,
      difficulty: questionDifficulty(view.type, observed.get(view.id) ?? null),
      prompt: view.prompt,
      answer: view.answer,
      accepted: view.accepted,
      options: view.options,
      numeric: view.numeric,
      sourceSentence: view.sourceSentence,
      explanation: view.explanation,
    };
  });
}

export interface BlueprintModule {
  id: string;
  title: string;
  courseTitle: string;
  lessons: { id: string; title: string; questionsByType: Partial<Record<QuestionType, number>> }[];
}

/**
 * Every active module with the lessons that have questions learners may be
 * asked, and how many of each type: what the setup form offers.
 */
export async function blueprintChoices(db: Database): Promise<BlueprintModule[]> {
  const rows = await db
    .select({
      moduleId: modules.id,
      moduleTitle: modules.title,
      courseTitle: courses.title,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
    })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(lessons, and(eq(lessons.moduleId, modules.id), eq(lessons.status, "active")))
    .where(eq(modules.status, "active"))
    .orderBy(asc(courses.title), asc(modules.position), asc(lessons.position));
  const bank = await bankQuestions(db, rows.map((r) => r.lessonId));
  const typesOf = new Map<string, Partial<Record<QuestionType, number>>>();
  for (const q of bank) {
    const counts = typesOf.get(q.lessonId) ?? {};
    counts[q.type] = (counts[q.type] ?? 0) + 1;
    typesOf.set(q.lessonId, counts);
  }
  const byModule = new Map<string, BlueprintModule>();
  for (const r of rows) {
    const questionsByType = typesOf.get(r.lessonId);
    if (!questionsByType) continue;
    const module = byModule.get(r.moduleId) ?? { id: r.moduleId, title: r.moduleTitle, courseTitle: r.courseTitle, lessons: [] };
    module.lessons.push({ id: r.lessonId, title: r.lessonTitle, questionsByType });
    byModule.set(r.moduleId, module);
  }
  return [...byModule.values()];
}

export const blueprintChoicesOnAppDb = onAppDb(blueprintChoices);
