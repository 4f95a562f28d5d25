/**
 * Setting up assessments, as instructors do it: creating one for a cohort
 * they teach, editing it (every edit logged; an opened one keeps its
 * questions: app/assessment/settings.ts), listing a cohort's, and freezing
 * its questions when it opens. Reached only through a cohort the asker
 * teaches (CohortScope): another instructor's assessment answers as a
 * missing one.
 */
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { assessmentEdits, assessmentQuestions, assessments, attempts, users, type Assessment } from "../../db/schema";
import type { QuestionType } from "../content/types";
import {
  checkAssessmentSettings,
  settingsChanges,
  type AssessmentSettings,
  type BlueprintEntry,
  type SettingsChange,
  type SettingsErrors,
} from "../assessment/settings";
import { bankQuestions, type BankQuestion } from "./assessment-bank.server";
import { recomputeOpenDeadlines } from "./assessment-accommodations.server";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";

/** A transaction or the database: the functions that run inside others' transactions take either. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "selectDistinct">;

/** The version of the stored blueprint JSON (upgraded one step at a time should it change). */
const BLUEPRINT_VERSION = 1;

export function settingsOf(row: Assessment): AssessmentSettings {
  const blueprint = JSON.parse(row.blueprintJson) as { version: number; lessons: BlueprintEntry[] };
  return {
    title: row.title,
    blueprint: blueprint.lessons,
    allowedTypes: JSON.parse(row.allowedTypesJson) as QuestionType[],
    shuffleOptions: row.shuffleOptions,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    timeLimitMinutes: row.timeLimitMinutes,
    attemptsAllowed: row.attemptsAllowed,
    reviewAfterSubmit: row.reviewAfterSubmit,
    reviewAfterClose: row.reviewAfterClose,
    passMarkPercent: row.passMarkPercent,
  };
}

function columnsOf(settings: AssessmentSettings) {
  return {
    title: settings.title,
    blueprintJson: JSON.stringify({ version: BLUEPRINT_VERSION, lessons: settings.blueprint }),
    allowedTypesJson: JSON.stringify(settings.allowedTypes),
    shuffleOptions: settings.shuffleOptions,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    timeLimitMinutes: settings.timeLimitMinutes,
    attemptsAllowed: settings.attemptsAllowed,
    reviewAfterSubmit: settings.reviewAfterSubmit,
    reviewAfterClose: settings.reviewAfterClose,
    passMarkPercent: settings.passMarkPercent,
  };
}

/** The assessment, if it belongs to this cohort and the scope reaches the cohort; null otherwise. */
export async function findAssessment(db: Database, scope: CohortScope, cohortId: string, assessmentId: string): Promise<Assessment | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.cohortId, cohortId)));
  return row ?? null;
}

export type SaveSettingsResult = { ok: true; assessmentId: string } | { ok: false; errors: SettingsErrors };

/** The pool the blueprint is checked against: frozen questions once opened, else the bank as it stands. */
async function poolFor(db: Database, blueprint: readonly BlueprintEntry[], frozenFrom: string | null) {
  if (frozenFrom) return frozenQuestions(db, frozenFrom);
  return bankQuestions(db, blueprint.map((e) => e.lessonId));
}

/** A new assessment for a cohort the scope reaches (null otherwise); nothing is saved unless every check passes. */
export async function createAssessment(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  settings: AssessmentSettings,
  now: number,
): Promise<SaveSettingsResult | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  const checked = checkAssessmentSettings(settings, await poolFor(db, settings.blueprint, null), now, { isNew: true });
  if (!checked.ok) return checked;
  const id = randomUUID();
  await db.insert(assessments).values({ id, cohortId, ...columnsOf(checked.settings), createdBy: scope.userId, createdAt: now, updatedAt: now });
  return { ok: true, assessmentId: id };
}

/**
 * Saves an edit: checked against what an opened assessment may still change,
 * logged field by field, and the deadlines of attempts in progress moved at
 * once when the time limit or the close changed. One transaction.
 */
export async function updateAssessment(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  assessmentId: string,
  settings: AssessmentSettings,
  now: number,
): Promise<SaveSettingsResult | null> {
  const row = await findAssessment(db, scope, cohortId, assessmentId);
  if (!row) return null;
  const before = settingsOf(row);
  const pool = await poolFor(db, settings.blueprint, row.frozenAt === null ? null : row.id);
  const checked = checkAssessmentSettings(settings, pool, now, { isNew: false, before });
  if (!checked.ok) return checked;
  const changes = settingsChanges(before, checked.settings);
  if (changes.length === 0) return { ok: true, assessmentId };
  await db.transaction(async (tx) => {
    await tx
      .update(assessments)
      .set({ ...columnsOf(checked.settings), updatedAt: now })
      .where(eq(assessments.id, assessmentId));
    await tx.insert(assessmentEdits).values({ assessmentId, userId: scope.userId, editedAt: now, changesJson: JSON.stringify(changes) });
    if (changes.some((c) => c.field === "timeLimitMinutes" || c.field === "closesAt")) {
      await recomputeOpenDeadlines(tx, { assessmentId }, now);
    }
  });
  return { ok: true, assessmentId };
}

export interface AssessmentEdit {
  editedAt: number;
  editor: string;
  changes: SettingsChange[];
}

/** The edits logged for an assessment, newest first. */
export async function assessmentEditLog(db: Database, assessmentId: string): Promise<AssessmentEdit[]> {
  const rows = await db
    .select({ editedAt: assessmentEdits.editedAt, editor: users.name, changesJson: assessmentEdits.changesJson })
    .from(assessmentEdits)
    .innerJoin(users, eq(users.id, assessmentEdits.userId))
    .where(eq(assessmentEdits.assessmentId, assessmentId))
    .orderBy(desc(assessmentEdits.editedAt), desc(assessmentEdits.id));
  return rows.map((r) => ({ editedAt: r.editedAt, editor: r.editor, changes: JSON.parse(r.changesJson) as SettingsChange[] }));
}

export interface AssessmentListing {
  id: string;
  title: string;
  opensAt: number;
  closesAt: number;
  timeLimitMinutes: number;
  attemptsStarted: number;
  attemptsFinished: number;
}

/** A cohort's assessments, soonest opening first, with how many attempts were started and finished; null when the scope does not reach it. */
export async function listCohortAssessments(db: Database, scope: CohortScope, cohortId: string): Promise<AssessmentListing[] | null> {
  if (!(await findCohort(db, scope, cohortId))) return null;
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      opensAt: assessments.opensAt,
      closesAt: assessments.closesAt,
      timeLimitMinutes: assessments.timeLimitMinutes,
      attemptsStarted: count(attempts.id),
      attemptsFinished: sql<number>`coalesce(sum(${attempts.status} = 'finished'), 0)`,
    })
    .from(assessments)
    .leftJoin(attempts, eq(attempts.assessmentId, assessments.id))
    .where(eq(assessments.cohortId, cohortId))
    .groupBy(assessments.id)
    .orderBy(asc(assessments.opensAt), asc(assessments.title));
}

/** The questions an opened assessment froze, as the draw and the grader read them. */
export async function frozenQuestions(db: Executor, assessmentId: string): Promise<BankQuestion[]> {
  const rows = await db.select().from(assessmentQuestions).where(eq(assessmentQuestions.assessmentId, assessmentId));
  return rows.map((r) => ({
    id: r.questionId,
    lessonId: r.lessonId,
    type: r.type,
    siblingKey: r.siblingKey,
    difficulty: r.difficulty,
    prompt: r.prompt,
    answer: r.answer,
    accepted: JSON.parse(r.acceptedJson) as string[],
    options: r.optionsJson ? (JSON.parse(r.optionsJson) as string[]) : null,
    numeric: r.numericJson ? (JSON.parse(r.numericJson) as BankQuestion["numeric"]) : null,
    sourceSentence: r.sourceSentence,
    explanation: r.explanation,
  }));
}

/**
 * Freezes the assessment's questions when it opens (its first start): every
 * learner's form is drawn from, and graded against, this copy. Idempotent
 * and safe with several processes: only the transaction that marks it frozen
 * writes the copy (run it inside a write transaction).
 */
export async function freezeQuestions(tx: Executor, assessment: Assessment, bank: readonly BankQuestion[], now: number): Promise<void> {
  if (assessment.frozenAt !== null) return;
  const marked = await tx
    .update(assessments)
    .set({ frozenAt: now })
    .where(and(eq(assessments.id, assessment.id), sql`${assessments.frozenAt} IS NULL`))
    .returning({ id: assessments.id });
  if (marked.length === 0) return;
  const types = new Set(JSON.parse(assessment.allowedTypesJson) as string[]);
  const rows = bank
    .filter((q) => types.has(q.type))
    .map((q) => ({
      assessmentId: assessment.id,
      questionId: q.id,
      lessonId: q.lessonId,
      type: q.type,
      prompt: q.prompt,
      answer: q.answer,
      acceptedJson: JSON.stringify(q.accepted),
      optionsJson: q.options ? JSON.stringify(q.options) : null,
      numericJson: q.numeric ? JSON.stringify(q.numeric) : null,
      sourceSentence: q.sourceSentence,
      explanation: q.explanation,
      siblingKey: q.siblingKey,
      difficulty: q.difficulty,
    }));
  // In slices: SQLite bounds the variables of one statement.
  for (let i = 0; i < rows.length; i += 50) await tx.insert(assessmentQuestions).values(rows.slice(i, i + 50));
}

/** The cohort an assessment page is about, if the asker teaches it. */
export const assessmentCohortOnAppDb = onAppDb(findCohort);
export const createAssessmentOnAppDb = onAppDb(createAssessment);
export const updateAssessmentOnAppDb = onAppDb(updateAssessment);
export const findAssessmentOnAppDb = onAppDb(findAssessment);
export const listCohortAssessmentsOnAppDb = onAppDb(listCohortAssessments);
export const assessmentEditLogOnAppDb = onAppDb(assessmentEditLog);
