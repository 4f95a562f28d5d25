/**
 * What an instructor reads while curating: their courses and modules with
 * the counts that say where work waits, a module's questions per lesson with
 * their state, estimate, flags (app/questions/checks.ts), whether they reach
 * learners and where their sentence stands in the lesson, and one question
 * with its revisions for the edit form. Scoped as curation.server.ts is: a
 * module the scope does not reach reads as null.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { courses, lessons, modules, questionRevisions, questions, users } from "../../db/schema";
import type { Block, QuestionType } from "../content/types";
import { DECK_QUALITY_BAR } from "../learning/deck";
import { curationFlags, type CurationFlag } from "../questions/checks";
import { curationStatus, vouchedFor, type CurationStatus } from "../questions/curation";
import { sourceContext, type SourceContext } from "../questions/source-context";
import { readAnswerData } from "../questions/stored-format";
import { onAppDb } from "./cohort.server";
import { lessonDecks } from "./course.server";
import { findCuratedModule, reachesModule, type ModuleScope } from "./curation.server";

/** The columns curation reads of a question. */
const curatedColumns = {
  id: questions.id,
  moduleId: questions.moduleId,
  lessonId: questions.lessonId,
  type: questions.type,
  prompt: questions.prompt,
  answer: questions.answer,
  acceptedJson: questions.acceptedJson,
  optionsJson: questions.optionsJson,
  numericJson: questions.numericJson,
  jsonFormat: questions.jsonFormat,
  explanation: questions.explanation,
  sourceSentence: questions.sourceSentence,
  siblingKey: questions.siblingKey,
  quality: questions.quality,
  rank: questions.rank,
  curation: questions.curation,
  status: questions.status,
  retiredBy: questions.retiredBy,
  revision: questions.revision,
};

/** The questions of the modules' active lessons, in lesson order and best first, with each lesson's text. */
async function loadBank(db: Database, moduleIds: string[]) {
  if (moduleIds.length === 0) return [];
  const rows = await db
    .select({ question: curatedColumns, lessonText: lessons.text })
    .from(questions)
    .innerJoin(lessons, and(eq(lessons.id, questions.lessonId), eq(lessons.status, "active")))
    .where(inArray(questions.moduleId, moduleIds))
    .orderBy(asc(lessons.position), asc(questions.rank), asc(questions.id));
  return rows.map(({ question, lessonText }) => ({ ...question, ...readAnswerData(question), lessonText }));
}

type BankQuestion = Awaited<ReturnType<typeof loadBank>>[number];

/**
 * Each question's flags: taught questions are checked against one another, retired ones among
 * themselves (a retired question does not make a taught one a duplicate).
 */
function flagsOf(bank: readonly BankQuestion[]): Map<string, CurationFlag[]> {
  const taught = curationFlags(bank.filter((q) => q.status === "active"));
  const retired = curationFlags(bank.filter((q) => q.status !== "active"));
  return new Map([...taught, ...retired]);
}

export interface ModuleSummary {
  id: string;
  title: string;
  /** Questions taught (not retired). */
  questions: number;
  /** Of those, accepted, edited or hand-written. */
  accepted: number;
  /** Of those, flagged by an automatic check. */
  flagged: number;
  /** Questions in learners' decks under the module's setting. */
  reachingLearners: number;
  learnerQuestions: "quality" | "accepted";
}

/** The courses whose modules the scope reaches, each with its active modules and their counts. */
export async function listCuratedModules(db: Database, scope: ModuleScope) {
  const moduleRows = await db
    .select({
      id: modules.id,
      title: modules.title,
      learnerQuestions: modules.learnerQuestions,
      courseId: courses.id,
      courseTitle: courses.title,
      courseSlug: courses.slug,
    })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(and(eq(modules.status, "active"), reachesModule(scope)))
    .orderBy(asc(courses.title), asc(modules.position));
  const ids = moduleRows.map((m) => m.id);
  const bank = (await loadBank(db, ids)).filter((q) => q.status === "active");
  const flags = curationFlags(bank);
  const decks = await lessonDecks(db, ids);
  const reaching = new Map<string, number>();
  for (const deck of decks.values()) for (const q of deck) reaching.set(q.moduleId, (reaching.get(q.moduleId) ?? 0) + 1);
  const byCourse = new Map<string, { id: string; title: string; slug: string; modules: ModuleSummary[] }>();
  for (const m of moduleRows) {
    const own = bank.filter((q) => q.moduleId === m.id);
    const summary: ModuleSummary = {
      id: m.id,
      title: m.title,
      questions: own.length,
      accepted: own.filter((q) => vouchedFor(q.curation)).length,
      flagged: own.filter((q) => (flags.get(q.id)?.length ?? 0) > 0).length,
      reachingLearners: reaching.get(m.id) ?? 0,
      learnerQuestions: m.learnerQuestions,
    };
    const course = byCourse.get(m.courseId) ?? { id: m.courseId, title: m.courseTitle, slug: m.courseSlug, modules: [] };
    course.modules.push(summary);
    byCourse.set(m.courseId, course);
  }
  return [...byCourse.values()];
}

export type FlagFilter = CurationFlag | "any" | "none";

export interface CurationFilter {
  status: CurationStatus | "all";
  type: QuestionType | "all";
  flag: FlagFilter | "all";
  lesson: string;
  page: number;
}

/** Questions a page of the curation list shows. */
export const CURATION_PAGE_SIZE = 40;

export interface CuratedQuestion {
  id: string;
  lessonId: string;
  type: QuestionType;
  prompt: string;
  answer: string;
  options: string[] | null;
  status: CurationStatus;
  /** The estimated chance a teacher accepts it, 0–1. */
  quality: number;
  flags: CurationFlag[];
  reachesLearners: boolean;
  source: SourceContext | null;
  sourceSentence: string;
}

function matches(filter: CurationFilter, q: BankQuestion, status: CurationStatus, flags: readonly CurationFlag[]): boolean {
  if (filter.status !== "all" && status !== filter.status) return false;
  if (filter.type !== "all" && q.type !== filter.type) return false;
  if (filter.lesson !== "all" && q.lessonId !== filter.lesson) return false;
  if (filter.flag === "any") return flags.length > 0;
  if (filter.flag === "none") return flags.length === 0;
  return filter.flag === "all" || flags.includes(filter.flag);
}

/**
 * A module's curation page: its setting, its active lessons, and the questions the filter keeps
 * (one page of them, grouped by lesson, best first), with how many each state holds.
 */
export async function getModuleCuration(db: Database, scope: ModuleScope, moduleId: string, filter: CurationFilter) {
  const module = await findCuratedModule(db, scope, moduleId);
  if (!module) return null;
  const course = await db.query.courses.findFirst({ where: eq(courses.id, module.courseId) });
  const lessonRows = await db
    .select({ id: lessons.id, title: lessons.title, blocksJson: lessons.blocksJson })
    .from(lessons)
    .where(and(eq(lessons.moduleId, moduleId), eq(lessons.status, "active")))
    .orderBy(asc(lessons.position));
  const blocks = new Map(lessonRows.map((l) => [l.id, JSON.parse(l.blocksJson) as Block[]]));
  const bank = await loadBank(db, [moduleId]);
  const flags = flagsOf(bank);
  const inDecks = new Set([...(await lessonDecks(db, [moduleId])).values()].flat().map((q) => q.id));
  const statusCounts: Partial<Record<CurationStatus, number>> = {};
  const kept: CuratedQuestion[] = [];
  for (const q of bank) {
    const status = curationStatus(q);
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const questionFlags = flags.get(q.id) ?? [];
    if (!matches(filter, q, status, questionFlags)) continue;
    kept.push({
      id: q.id,
      lessonId: q.lessonId,
      type: q.type,
      prompt: q.prompt,
      answer: q.answer,
      options: q.options,
      status,
      quality: q.quality,
      flags: questionFlags,
      reachesLearners: inDecks.has(q.id),
      source: null,
      sourceSentence: q.sourceSentence,
    });
  }
  const pages = Math.max(1, Math.ceil(kept.length / CURATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const shown = kept.slice((page - 1) * CURATION_PAGE_SIZE, page * CURATION_PAGE_SIZE);
  for (const q of shown) q.source = sourceContext(blocks.get(q.lessonId) ?? [], q.sourceSentence);
  return {
    module: {
      id: module.id,
      title: module.title,
      courseTitle: course?.title ?? "",
      learnerQuestions: module.learnerQuestions,
      qualityBar: module.qualityBar ?? DECK_QUALITY_BAR,
    },
    lessons: lessonRows.map((l) => ({ id: l.id, title: l.title })),
    groups: lessonRows
      .map((l) => ({ lesson: { id: l.id, title: l.title }, questions: shown.filter((q) => q.lessonId === l.id) }))
      .filter((g) => g.questions.length > 0),
    total: bank.length,
    matching: kept.length,
    page,
    pages,
    statusCounts,
  };
}

/** One question of a module with what its edit form shows: its fields, state, flags, sentence in the lesson, and revisions. */
export async function getCuratedQuestion(db: Database, scope: ModuleScope, moduleId: string, questionId: string) {
  const module = await findCuratedModule(db, scope, moduleId);
  if (!module) return null;
  const bank = await loadBank(db, [moduleId]);
  const question = bank.find((q) => q.id === questionId);
  if (!question) return null;
  const lesson = await db.query.lessons.findFirst({ where: eq(lessons.id, question.lessonId) });
  const revisions = await db
    .select({ revision: questionRevisions.revision, prompt: questionRevisions.prompt, answer: questionRevisions.answer, editor: users.name, createdAt: questionRevisions.createdAt })
    .from(questionRevisions)
    .leftJoin(users, eq(users.id, questionRevisions.editorId))
    .where(eq(questionRevisions.questionId, questionId))
    .orderBy(asc(questionRevisions.revision));
  return {
    module: { id: module.id, title: module.title },
    lesson: { id: question.lessonId, title: lesson?.title ?? "" },
    question: {
      id: question.id,
      type: question.type,
      prompt: question.prompt,
      answer: question.answer,
      accepted: question.accepted,
      options: question.options,
      numeric: question.numeric,
      explanation: question.explanation,
      sourceSentence: question.sourceSentence,
      quality: question.quality,
      revision: question.revision,
      status: curationStatus(question),
      flags: flagsOf(bank).get(questionId) ?? [],
      source: sourceContext(lesson ? (JSON.parse(lesson.blocksJson) as Block[]) : [], question.sourceSentence),
    },
    revisions,
  };
}

/** The module's active lessons, for the form that adds a question by hand. */
export async function getModuleLessons(db: Database, scope: ModuleScope, moduleId: string) {
  const module = await findCuratedModule(db, scope, moduleId);
  if (!module) return null;
  const lessonRows = await db
    .select({ id: lessons.id, title: lessons.title })
    .from(lessons)
    .where(and(eq(lessons.moduleId, moduleId), eq(lessons.status, "active")))
    .orderBy(asc(lessons.position));
  return { module: { id: module.id, title: module.title }, lessons: lessonRows };
}

export const listCuratedModulesOnAppDb = onAppDb(listCuratedModules);
export const getModuleCurationOnAppDb = onAppDb(getModuleCuration);
export const getCuratedQuestionOnAppDb = onAppDb(getCuratedQuestion);
export const getModuleLessonsOnAppDb = onAppDb(getModuleLessons);
