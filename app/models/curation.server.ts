/**
 * Curating a module's question bank, as its owner does it: accepting,
 * retiring and restoring questions (one or many at once), editing one
 * (every edit a new revision; its id, cards and review history stay), writing
 * one by hand, and choosing which questions reach learners. The rules are
 * app/questions/curation.ts and authoring.ts; this file loads, asks them and
 * saves, each change in one transaction.
 *
 * Every function takes the asker's scope and reaches only modules the asker
 * owns, unless the scope says `all` (an admin's "any" permission). Another
 * instructor's module or question id behaves exactly as one that does not
 * exist: null, never a 403 that would confirm it.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, max, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, lessons, modules, questionRevisions, questions, showings, type learnerQuestionPolicies } from "../../db/schema";
import type { QuestionType } from "../content/types";
import type { AuthoredQuestion } from "../questions/authoring";
import { afterAction, afterEdit, type CurationAction } from "../questions/curation";
import { presentedOptions } from "../questions/options";
import { storeAnswerData } from "../questions/stored-format";
import { onAppDb } from "./cohort.server";

/** Whose modules a request reaches: the ones `userId` owns, or every one with `all`. */
export interface ModuleScope {
  userId: string;
  all: boolean;
}

/** The condition "the scope reaches this module", said once for every query of curation. */
export function reachesModule(scope: ModuleScope): SQL | undefined {
  return scope.all ? undefined : eq(modules.ownerId, scope.userId);
}

/** The active module, if the scope reaches it; null otherwise (another's module is not told apart from none). */
export async function findCuratedModule(db: Database, scope: ModuleScope, moduleId: string) {
  const [row] = await db
    .select()
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.status, "active"), reachesModule(scope)))
    .limit(1);
  return row ?? null;
}

/** At most this many questions in one bulk action (a form of checkboxes). */
export const BULK_MAX = 500;

/**
 * Applies an action to the given questions of a module, in one transaction: each question the
 * action applies to changes (curation.ts afterAction), the others stay as they are. Null, with
 * nothing saved, when the module is not the scope's or any id is not one of its questions.
 */
export async function curateQuestions(
  db: Database,
  scope: ModuleScope,
  input: { moduleId: string; questionIds: readonly string[]; action: CurationAction },
  curatorId: string,
  now: number,
): Promise<{ changed: number; unchanged: number } | null> {
  const ids = [...new Set(input.questionIds)];
  if (ids.length === 0 || ids.length > BULK_MAX) return null;
  return db.transaction(async (tx) => {
    if (!(await findCuratedModule(tx as unknown as Database, scope, input.moduleId))) return null;
    const rows = await tx
      .select({ id: questions.id, curation: questions.curation, status: questions.status, retiredBy: questions.retiredBy })
      .from(questions)
      .where(and(eq(questions.moduleId, input.moduleId), inArray(questions.id, ids)));
    if (rows.length !== ids.length) return null;
    let changed = 0;
    for (const row of rows) {
      const next = afterAction(row, input.action);
      if (!next) continue;
      await tx
        .update(questions)
        .set({ ...next, curatedBy: curatorId, curatedAt: now, updatedAt: now })
        .where(eq(questions.id, row.id));
      changed++;
    }
    return { changed, unchanged: rows.length - changed };
  });
}

export type EditOutcome = { ok: true; revision: number } | { ok: false; reason: "not_found" | "stale" };

/**
 * Saves an instructor's new text for a question as its next revision, in one transaction: the
 * first edit also records the text it replaces as revision 1. The question keeps its id, so its
 * cards and review history stay; a learner's next showing reads the new text, and a showing open
 * now is dealt the new options. "stale" when the question changed since the form was opened
 * (`revision` is the one the form showed), or the form was for another type.
 */
export async function editQuestion(
  db: Database,
  scope: ModuleScope,
  input: { moduleId: string; questionId: string; revision: number; type: QuestionType; question: AuthoredQuestion },
  editorId: string,
  now: number,
): Promise<EditOutcome> {
  return db.transaction(async (tx): Promise<EditOutcome> => {
    if (!(await findCuratedModule(tx as unknown as Database, scope, input.moduleId))) return { ok: false, reason: "not_found" };
    const [before] = await tx
      .select()
      .from(questions)
      .where(and(eq(questions.id, input.questionId), eq(questions.moduleId, input.moduleId)));
    if (!before) return { ok: false, reason: "not_found" };
    if (before.revision !== input.revision || before.type !== input.type) return { ok: false, reason: "stale" };
    const { question } = input;
    const stored = storeAnswerData(question);
    const revision = before.revision + 1;
    const moved = await tx
      .update(questions)
      .set({
        prompt: question.prompt,
        answer: question.answer,
        ...stored,
        explanation: question.explanation,
        curation: afterEdit(before.curation),
        revision,
        curatedBy: editorId,
        curatedAt: now,
        updatedAt: now,
      })
      // Guarded on the revision read: a concurrent edit that got in first makes this one stale.
      .where(and(eq(questions.id, before.id), eq(questions.revision, before.revision)))
      .returning({ id: questions.id });
    if (moved.length !== 1) return { ok: false, reason: "stale" };
    const [recorded] = await tx
      .select({ last: max(questionRevisions.revision) })
      .from(questionRevisions)
      .where(eq(questionRevisions.questionId, before.id));
    if (recorded?.last == null) {
      // The text this edit replaces, as the generator wrote it (an instructor's own is recorded when written).
      await tx.insert(questionRevisions).values({
        questionId: before.id,
        revision: before.revision,
        prompt: before.prompt,
        answer: before.answer,
        acceptedJson: before.acceptedJson,
        optionsJson: before.optionsJson,
        numericJson: before.numericJson,
        jsonFormat: before.jsonFormat,
        explanation: before.explanation,
        editorId: before.curation === "hand_written" ? before.curatedBy : null,
        createdAt: before.updatedAt,
      });
    }
    await tx.insert(questionRevisions).values({
      questionId: before.id,
      revision,
      prompt: question.prompt,
      answer: question.answer,
      ...stored,
      explanation: question.explanation,
      editorId,
      createdAt: now,
    });
    // Showings open now were dealt the old options: deal them the new ones, so a reload shows the new text whole.
    const open = await tx
      .select({ id: showings.id })
      .from(showings)
      .innerJoin(cards, eq(cards.id, showings.cardId))
      .where(and(eq(cards.questionId, before.id), isNull(showings.answeredAt)));
    for (const showing of open) {
      const options = presentedOptions({ type: before.type, options: question.options }, showing.id);
      await tx
        .update(showings)
        .set({ optionsJson: options ? JSON.stringify(options) : null })
        .where(eq(showings.id, showing.id));
    }
    return { ok: true, revision };
  });
}

/**
 * A question an instructor writes for a lesson of their module: hand-written (so it reaches
 * learners under either policy), its own sibling group, ranked after the lesson's generated ones,
 * recorded as revision 1. Null when the lesson is not an active lesson of a module of the scope.
 */
export async function addQuestion(
  db: Database,
  scope: ModuleScope,
  input: { moduleId: string; lessonId: string; type: QuestionType; question: AuthoredQuestion },
  authorId: string,
  now: number,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    if (!(await findCuratedModule(tx as unknown as Database, scope, input.moduleId))) return null;
    const lesson = await tx.query.lessons.findFirst({
      where: and(eq(lessons.id, input.lessonId), eq(lessons.moduleId, input.moduleId), eq(lessons.status, "active")),
    });
    if (!lesson) return null;
    const [last] = await tx.select({ rank: max(questions.rank) }).from(questions).where(eq(questions.lessonId, lesson.id));
    const id = `h_${randomBytes(10).toString("hex")}`;
    const { question } = input;
    const stored = storeAnswerData(question);
    await tx.insert(questions).values({
      id,
      moduleId: input.moduleId,
      lessonId: lesson.id,
      type: input.type,
      prompt: question.prompt,
      answer: question.answer,
      ...stored,
      // No sentence of the lesson: the instructor's explanation is what a learner reads after answering.
      sourceSentence: "",
      sourceLine: 0,
      explanation: question.explanation,
      siblingKey: id,
      // The estimate is the chance a teacher accepts the question; a teacher wrote this one.
      quality: 1,
      rank: (last?.rank ?? -1) + 1,
      status: "active",
      curation: "hand_written",
      curatedBy: authorId,
      curatedAt: now,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(questionRevisions).values({
      questionId: id,
      revision: 1,
      prompt: question.prompt,
      answer: question.answer,
      ...stored,
      explanation: question.explanation,
      editorId: authorId,
      createdAt: now,
    });
    return id;
  });
}

export type LearnerQuestionPolicy = (typeof learnerQuestionPolicies)[number];

/** The module's setting of which questions reach learners; false when the module is not the scope's. */
export async function setLearnerQuestions(
  db: Database,
  scope: ModuleScope,
  input: { moduleId: string; policy: LearnerQuestionPolicy; qualityBar: number | null },
): Promise<boolean> {
  const updated = await db
    .update(modules)
    .set({ learnerQuestions: input.policy, qualityBar: input.qualityBar })
    .where(and(eq(modules.id, input.moduleId), eq(modules.status, "active"), reachesModule(scope)))
    .returning({ id: modules.id });
  return updated.length === 1;
}

export const curateQuestionsOnAppDb = onAppDb(curateQuestions);
export const editQuestionOnAppDb = onAppDb(editQuestion);
export const addQuestionOnAppDb = onAppDb(addQuestion);
export const setLearnerQuestionsOnAppDb = onAppDb(setLearnerQuestions);
