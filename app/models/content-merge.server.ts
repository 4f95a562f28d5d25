/**
 * A module's lessons and questions merged into what is stored, for
 * saveCourse (content.server.ts) when the module's material changed: lessons
 * are upserted by their stable ids, questions follow the material only where
 * no instructor touched them (app/questions/curation.ts importOutcome), and
 * nothing is deleted.
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lessons, questions } from "../../db/schema";
import type { Module as BuiltModule, Question as BuiltQuestion } from "../content/types";
import { importOutcome } from "../questions/curation";
import { storeAnswerData } from "../questions/stored-format";
import type { ImportSummary } from "./content.server";

/** A generated question's columns, as the generator made it. */
function generatedRow(q: BuiltQuestion, moduleId: string, lessonId: string, rank: number, now: number) {
  return {
    moduleId,
    lessonId,
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    ...storeAnswerData(q),
    sourceSentence: q.source.sentence,
    sourceLine: q.source.line,
    explanation: q.explanation,
    siblingKey: q.siblingKey,
    quality: q.quality,
    rank,
    status: "active" as const,
    retiredBy: null,
    updatedAt: now,
  };
}

/**
 * A module's lessons and questions, merged with what is stored: an untouched question is
 * rewritten or retired as the material says; one an instructor touched keeps its text and
 * curation (app/questions/curation.ts importOutcome). Nothing is deleted.
 */
export async function saveModuleContent(
  tx: Database,
  moduleId: string,
  built: BuiltModule,
  /** The stable id of each of built.lessons, in order. */
  lessonIds: string[],
  now: number,
  summary: ImportSummary,
) {
  const generatedIds = new Set<string>();
  const stored = new Map(
    (
      await tx
        .select({ id: questions.id, lessonId: questions.lessonId, curation: questions.curation, status: questions.status, retiredBy: questions.retiredBy })
        .from(questions)
        .where(eq(questions.moduleId, moduleId))
    ).map((q) => [q.id, q]),
  );

  // New questions are inserted QUESTION_INSERT_BATCH rows to a statement: one by one, building each INSERT cost more
  // than running it (a 3 MB upload's 70,000 questions took 6.8 s of CPU to publish, the server's thread held throughout).
  let toInsert: Array<typeof questions.$inferInsert> = [];
  const flush = async () => {
    if (toInsert.length === 0) return;
    await tx.insert(questions).values(toInsert);
    toInsert = [];
  };
  for (const [index, lesson] of built.lessons.entries()) {
    const lessonId = lessonIds[index]!;
    const lessonRow = {
      id: lessonId,
      moduleId,
      slug: lesson.slug,
      title: lesson.title,
      position: lesson.position,
      line: lesson.line,
      blocksJson: JSON.stringify(lesson.blocks),
      text: lesson.text,
      readingMinutes: lesson.readingMinutes,
      keyTermsJson: JSON.stringify(lesson.keyTerms),
      status: "active" as const,
    };
    await tx
      .insert(lessons)
      .values(lessonRow)
      .onConflictDoUpdate({ target: lessons.id, set: lessonRow });

    for (const [rank, q] of lesson.questions.entries()) {
      // The same question may be generated for two lessons (repeated text); the first wins.
      if (generatedIds.has(q.id)) continue;
      generatedIds.add(q.id);
      const row = generatedRow(q, moduleId, lessonId, rank, now);
      const before = stored.get(q.id);
      if (!before) {
        toInsert.push({ id: q.id, createdAt: now, ...row });
        if (toInsert.length >= QUESTION_INSERT_BATCH) await flush();
        summary.questionsAdded++;
        continue;
      }
      const outcome = importOutcome(before, { regenerated: true, lessonActive: true });
      if (outcome.content === "rewrite") {
        await tx.update(questions).set(row).where(eq(questions.id, q.id));
        summary.questionsUpdated++;
      } else {
        const { status, retiredBy } = outcome;
        await tx.update(questions).set({ lessonId, rank, sourceLine: q.source.line, status, retiredBy }).where(eq(questions.id, q.id));
        summary.questionsCurated++;
      }
    }
  }

  await flush();

  const staleLessons = lessonIds.length
    ? and(eq(lessons.moduleId, moduleId), notInArray(lessons.id, lessonIds))
    : eq(lessons.moduleId, moduleId);
  await tx.update(lessons).set({ status: "retired" }).where(staleLessons);

  // The questions the material no longer generates: retired, kept, or back with their lesson.
  const activeLessons = new Set(lessonIds);
  const toRetire: string[] = [];
  const toReactivate: string[] = [];
  for (const before of stored.values()) {
    if (generatedIds.has(before.id)) continue;
    const outcome = importOutcome(before, { regenerated: false, lessonActive: activeLessons.has(before.lessonId) });
    if (outcome.status === before.status) continue;
    (outcome.status === "retired" ? toRetire : toReactivate).push(before.id);
  }
  for (let i = 0; i < toRetire.length; i += ID_BATCH) {
    const ids = toRetire.slice(i, i + ID_BATCH);
    await tx.update(questions).set({ status: "retired", retiredBy: "import", updatedAt: now }).where(inArray(questions.id, ids));
  }
  for (let i = 0; i < toReactivate.length; i += ID_BATCH) {
    const ids = toReactivate.slice(i, i + ID_BATCH);
    await tx.update(questions).set({ status: "active", retiredBy: null, updatedAt: now }).where(inArray(questions.id, ids));
  }
  summary.questionsRetired += toRetire.length;
}

/** Ids per UPDATE … IN (…): well inside SQLite's limit on bound parameters. */
const ID_BATCH = 500;
/** Rows per INSERT of new questions: about twenty parameters each, well inside the same limit. */
const QUESTION_INSERT_BATCH = 100;
