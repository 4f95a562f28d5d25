/**
 * Storing a built course: courses, modules (versioned by content hash),
 * lessons and questions.
 *
 * Re-importing is a merge, never a wipe: questions keep their stable ids, so a
 * learner's cards and review history stay attached to unchanged questions;
 * questions that disappeared from the material are retired (still readable
 * for history), never deleted. Only untouched questions follow the material:
 * what an instructor accepted, edited, wrote or retired keeps its text and
 * state (app/questions/curation.ts).
 */
import { createHash } from "node:crypto";
import { and, eq, isNull, max, notInArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { courses, lessons, modules, questions } from "../../db/schema";
import type { CourseManifest } from "../content/manifest";
import type { Module as BuiltModule } from "../content/types";
import { saveModuleContent } from "./content-merge.server";

export interface CourseImport {
  manifest: CourseManifest;
  /** Built modules, in manifest order. */
  modules: BuiltModule[];
  /** Hash of the source bytes of each module, in manifest order. */
  moduleHashes: string[];
  /** Hash of everything read (manifest + files). */
  contentHash: string;
  /** The instructor the course belongs to; null or absent for none. */
  ownerId?: string | null;
}

export interface ImportSummary {
  courseId: string;
  changed: boolean;
  modulesChanged: number;
  questionsAdded: number;
  questionsUpdated: number;
  questionsRetired: number;
  /** Questions generated again that an instructor had touched: their text and curation were kept. */
  questionsCurated: number;
  lessons: number;
  questions: number;
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\u0000");
  }
  return hash.digest("hex");
}

const shortId = (...parts: string[]) => sha256(...parts).slice(0, 20);

export function courseIdFor(slug: string) {
  return shortId("course", slug);
}
export function moduleIdFor(courseId: string, slug: string) {
  return shortId("module", courseId, slug);
}
export function lessonIdFor(moduleId: string, slug: string) {
  return shortId("lesson", moduleId, slug);
}

/** The stored hash of a course, or null when it was never imported. */
export async function storedCourseHash(db: Database, slug: string): Promise<string | null> {
  const row = await db.query.courses.findFirst({ where: eq(courses.slug, slug) });
  return row?.contentHash ?? null;
}

/**
 * Gives a course no one owns, and its modules, to `ownerId` (courses imported
 * before courses had owners). A course that has an owner keeps it.
 */
export async function claimCourse(db: Database, courseId: string, ownerId: string | null): Promise<void> {
  if (!ownerId) return;
  await db.batch([
    db.update(courses).set({ ownerId }).where(and(eq(courses.id, courseId), isNull(courses.ownerId))),
    db.update(modules).set({ ownerId }).where(and(eq(modules.courseId, courseId), isNull(modules.ownerId))),
  ]);
}

export async function saveCourse(db: Database, input: CourseImport, now: number): Promise<ImportSummary> {
  const { manifest } = input;
  const courseId = courseIdFor(manifest.slug);
  const summary: ImportSummary = {
    courseId,
    changed: false,
    modulesChanged: 0,
    questionsAdded: 0,
    questionsUpdated: 0,
    questionsRetired: 0,
    questionsCurated: 0,
    lessons: 0,
    questions: 0,
  };
  if ((await storedCourseHash(db, manifest.slug)) === input.contentHash) {
    await claimCourse(db, courseId, input.ownerId ?? null);
    return summary;
  }
  summary.changed = true;
  const ownerId = input.ownerId ?? null;

  await db.transaction(async (tx) => {
    await tx
      .insert(courses)
      .values({
        id: courseId,
        slug: manifest.slug,
        title: manifest.title,
        description: manifest.description,
        contentHash: input.contentHash,
        ownerId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: courses.id,
        set: {
          title: manifest.title,
          description: manifest.description,
          contentHash: input.contentHash,
          updatedAt: now,
        },
      });

    const keptModuleIds: string[] = [];
    for (const [position, entry] of manifest.modules.entries()) {
      const built = input.modules[position];
      const moduleId = moduleIdFor(courseId, entry.slug);
      keptModuleIds.push(moduleId);
      const hash = input.moduleHashes[position];
      const existing = await tx.query.modules.findFirst({ where: eq(modules.id, moduleId) });
      const title = entry.title ?? built.title;
      if (!existing) {
        await tx.insert(modules).values({
          id: moduleId,
          courseId,
          ownerId,
          slug: entry.slug,
          title,
          description: entry.description,
          position,
          source: built.source,
          contentHash: hash,
          version: 1,
          status: "active",
          importedAt: now,
        });
      } else {
        await tx
          .update(modules)
          .set({
            title,
            description: entry.description,
            position,
            source: built.source,
            status: "active",
            ...(existing.contentHash !== hash
              ? { contentHash: hash, version: existing.version + 1, importedAt: now }
              : {}),
          })
          .where(eq(modules.id, moduleId));
      }
      if (existing && existing.contentHash === hash && existing.status === "active") continue;
      summary.modulesChanged++;
      const lessonIds = built.lessons.map((lesson) => lessonIdFor(moduleId, lesson.slug));
      await saveModuleContent(tx as unknown as Database, moduleId, built, lessonIds, now, summary);
    }

    // Modules dropped from the manifest are retired with their questions.
    const dropped = await tx
      .select({ id: modules.id })
      .from(modules)
      .where(and(eq(modules.courseId, courseId), notInArray(modules.id, keptModuleIds)));
    for (const { id } of dropped) {
      await tx.update(modules).set({ status: "retired" }).where(eq(modules.id, id));
      await tx.update(lessons).set({ status: "retired" }).where(eq(lessons.moduleId, id));
      const retired = await tx
        .update(questions)
        .set({ status: "retired", retiredBy: "import", updatedAt: now })
        .where(and(eq(questions.moduleId, id), eq(questions.status, "active")))
        .returning({ id: questions.id });
      summary.questionsRetired += retired.length;
    }
  });

  for (const m of input.modules) {
    summary.lessons += m.lessons.length;
    for (const l of m.lessons) summary.questions += l.questions.length;
  }
  // A course imported before it had an owner keeps its rows; it gains the owner here.
  await claimCourse(db, courseId, ownerId);
  return summary;
}



// ---------------------------------------------------------------- one module (instructors' uploads)

export interface ModuleSave {
  courseId: string;
  ownerId: string | null;
  slug: string;
  title: string;
  /** Hash of the material read: the module's version goes up when it differs from the stored one. */
  contentHash: string;
  /** The key the built module's question ids were made with (content/rekey.ts); kept for the next version. */
  questionKey: string;
}

/**
 * One module saved into an existing course with saveCourse's merge: a new
 * slug appends a module after the course's others; an existing one's slug
 * makes this its next version, where unchanged questions keep their ids and
 * vanished ones are retired, never deleted. Runs in the caller's transaction.
 */
export async function saveModule(
  tx: Database,
  input: ModuleSave,
  built: BuiltModule,
  now: number,
): Promise<ImportSummary & { moduleId: string; version: number }> {
  const moduleId = moduleIdFor(input.courseId, input.slug);
  const summary: ImportSummary = {
    courseId: input.courseId,
    changed: true,
    modulesChanged: 1,
    questionsAdded: 0,
    questionsUpdated: 0,
    questionsRetired: 0,
    questionsCurated: 0,
    lessons: built.lessons.length,
    questions: built.lessons.reduce((n, l) => n + l.questions.length, 0),
  };
  const existing = await tx.query.modules.findFirst({ where: eq(modules.id, moduleId) });
  let version = 1;
  if (!existing) {
    const [last] = await tx.select({ position: max(modules.position) }).from(modules).where(eq(modules.courseId, input.courseId));
    await tx.insert(modules).values({
      id: moduleId,
      courseId: input.courseId,
      ownerId: input.ownerId,
      slug: input.slug,
      title: input.title,
      position: (last?.position ?? -1) + 1,
      source: built.source,
      contentHash: input.contentHash,
      version,
      status: "active",
      importedAt: now,
      questionKey: input.questionKey,
    });
  } else {
    version = existing.contentHash === input.contentHash ? existing.version : existing.version + 1;
    await tx
      .update(modules)
      .set({ title: input.title, source: built.source, status: "active", contentHash: input.contentHash, version, importedAt: now })
      .where(eq(modules.id, moduleId));
  }
  const lessonIds = built.lessons.map((lesson) => lessonIdFor(moduleId, lesson.slug));
  await saveModuleContent(tx, moduleId, built, lessonIds, now, summary);
  return { ...summary, moduleId, version };
}
