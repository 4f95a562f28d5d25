/**
 * Publishing a ready draft: as a new module of a course the instructor owns
 * (an existing one, or a new course made for it), or as the next version of
 * a module they own. Either way it goes through the import's merge
 * (content.server.ts saveModule), in one transaction with marking the draft
 * published, so a failure leaves the course as it was and a draft is
 * published once however many times the button is pressed.
 *
 * A new version re-keys the draft's questions with the module's key
 * (content/rekey.ts): unchanged questions keep their ids and learners'
 * history; vanished ones are retired, never deleted. versionPreview says
 * beforehand what will be added, changed and retired.
 */
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, like, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cards, courses, drafts, lessons, modules, questions, type Module as ModuleRow } from "../../db/schema";
import { decodeDraftModule } from "../content/draft-format";
import { withModuleKey } from "../content/rekey";
import { slugify, uniqueSlug } from "../content/text";
import type { Module } from "../content/types";
import { diffModuleVersion, type VersionDiff } from "../content/version-diff";
import { moduleIdFor, saveModule, type ImportSummary } from "./content.server";
import { toQuestionView } from "./course.server";
import { onAppDb } from "./cohort.server";
import type { DraftScope } from "./draft.server";

export type PublishTarget =
  | { kind: "module"; courseId: string; title: string }
  | { kind: "module-in-new-course"; courseTitle: string; title: string }
  | { kind: "version"; moduleId: string };

export type PublishResult =
  | { ok: true; courseSlug: string; moduleSlug: string; version: number; summary: ImportSummary }
  /** The draft is not (or no longer) ready: processing, failed, or published already. */
  | { ok: false; reason: "not-ready" }
  /** A course or module outside the scope, or none by that id. */
  | { ok: false; reason: "no-target" };

const ownedBy = (column: typeof courses.ownerId | typeof modules.ownerId, scope: DraftScope): SQL | undefined =>
  scope.all ? undefined : eq(column, scope.userId);

/** The courses and active modules the scope may publish into, for the page's choices. */
export async function publishTargets(db: Database, scope: DraftScope) {
  const courseRows = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title })
    .from(courses)
    .where(ownedBy(courses.ownerId, scope))
    .orderBy(asc(courses.title));
  const moduleRows = await db
    .select({ id: modules.id, title: modules.title, version: modules.version, courseTitle: courses.title })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(and(eq(modules.status, "active"), ownedBy(modules.ownerId, scope)))
    .orderBy(asc(courses.title), asc(modules.position));
  return { courses: courseRows, modules: moduleRows };
}

async function ownedModule(db: Database, scope: DraftScope, moduleId: string): Promise<ModuleRow | null> {
  const [row] = await db
    .select()
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.status, "active"), ownedBy(modules.ownerId, scope)))
    .limit(1);
  return row ?? null;
}

/** A module's question key: its own, or its slug for one imported from content/ (content-folder.server.ts keys by slug). */
const keyOf = (module: ModuleRow) => module.questionKey ?? module.slug;

async function readyModule(db: Database, scope: DraftScope, draftId: string): Promise<{ module: Module; sourceHash: string } | null> {
  const [row] = await db
    .select({ moduleGzip: drafts.moduleGzip, moduleJson: drafts.moduleJson, sourceHash: drafts.sourceHash })
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.status, "ready"), scope.all ? undefined : eq(drafts.ownerId, scope.userId)))
    .limit(1);
  const stored = row?.moduleGzip ?? row?.moduleJson;
  if (!row || !stored) return null;
  return { module: await decodeDraftModule(stored), sourceHash: row.sourceHash };
}

/** What publishing the draft as the module's next version would add, change and retire; null when either is out of reach. */
export async function versionPreview(db: Database, scope: DraftScope, draftId: string, moduleId: string): Promise<VersionDiff | null> {
  const target = await ownedModule(db, scope, moduleId);
  const draft = target ? await readyModule(db, scope, draftId) : null;
  if (!target || !draft) return null;
  return diffModuleVersion(await storedModule(db, target.id), withModuleKey(draft.module, keyOf(target)));
}

async function storedModule(db: Database, moduleId: string) {
  const lessonRows = await db
    .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, status: lessons.status })
    .from(lessons)
    .where(eq(lessons.moduleId, moduleId));
  const slugOf = new Map(lessonRows.map((l) => [l.id, l.slug]));
  const withCards = new Set(
    (
      await db
        .select({ questionId: cards.questionId, n: count() })
        .from(cards)
        .where(eq(cards.moduleId, moduleId))
        .groupBy(cards.questionId)
    ).map((row) => row.questionId),
  );
  const rows = await db.select().from(questions).where(eq(questions.moduleId, moduleId));
  return {
    lessons: lessonRows,
    questions: rows.map((q) => ({ ...toQuestionView(q), lessonSlug: slugOf.get(q.lessonId) ?? "", hasHistory: withCards.has(q.id) })),
  };
}

/** Another course already has `base` (anyone's: a course's URL names it by slug alone): the first free -2, -3, ... */
export async function freeCourseSlug(db: Database, title: string): Promise<string> {
  const base = slugOrDefault(title, "course");
  const taken = await db
    .select({ slug: courses.slug })
    .from(courses)
    .where(or(eq(courses.slug, base), like(courses.slug, `${base}-%`)));
  return uniqueSlug(base, new Set(taken.map((c) => c.slug)));
}

/** Module slugs are unique within their course (retired ones included: their rows stay). */
async function freeModuleSlug(db: Database, courseId: string, title: string): Promise<string> {
  const taken = await db.select({ slug: modules.slug }).from(modules).where(eq(modules.courseId, courseId));
  return uniqueSlug(slugOrDefault(title, "module"), new Set(taken.map((m) => m.slug)));
}

function slugOrDefault(title: string, fallback: string): string {
  return /[\p{L}\p{N}]/u.test(title) ? slugify(title) : fallback;
}

/** A refusal inside the transaction: thrown so that drizzle rolls it back, caught outside. */
class Refusal extends Error {
  constructor(readonly reason: "not-ready" | "no-target") {
    super(reason);
  }
}

export async function publishDraft(db: Database, scope: DraftScope, draftId: string, target: PublishTarget, now: number): Promise<PublishResult> {
  try {
    return await db.transaction((tx) => publishInTransaction(tx as unknown as Database, scope, draftId, target, now));
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}

async function publishInTransaction(tx: Database, scope: DraftScope, draftId: string, target: PublishTarget, now: number): Promise<PublishResult> {
  // Claimed first: of two presses of Publish, the second finds it published and changes nothing.
  const [draft] = await tx
    .update(drafts)
    .set({ status: "published", updatedAt: now })
    .where(and(eq(drafts.id, draftId), eq(drafts.status, "ready"), scope.all ? undefined : eq(drafts.ownerId, scope.userId)))
    .returning({ moduleGzip: drafts.moduleGzip, moduleJson: drafts.moduleJson, sourceHash: drafts.sourceHash, ownerId: drafts.ownerId });
  const stored = draft?.moduleGzip ?? draft?.moduleJson;
  if (!draft || !stored) throw new Refusal("not-ready");
  const built = await decodeDraftModule(stored);
  const place = await placeFor(tx, scope, target, draft.ownerId, now);
  const saved = await saveModule(
    tx,
    { courseId: place.course.id, ownerId: place.course.ownerId, slug: place.slug, title: place.title, contentHash: draft.sourceHash, questionKey: place.key },
    withModuleKey(built, place.key),
    now,
  );
  // The module now holds what the draft did; the summary stays as the record of what was published.
  await tx.update(drafts).set({ publishedModuleId: saved.moduleId, moduleGzip: null, moduleJson: null }).where(eq(drafts.id, draftId));
  return { ok: true, courseSlug: place.course.slug, moduleSlug: place.slug, version: saved.version, summary: saved };
}

/** Where the draft goes: the course, the module's slug and title, and the key its question ids are made with. */
async function placeFor(tx: Database, scope: DraftScope, target: PublishTarget, draftOwner: string, now: number) {
  if (target.kind === "version") {
    const module = await ownedModule(tx, scope, target.moduleId);
    const [course] = module ? await tx.select().from(courses).where(eq(courses.id, module.courseId)).limit(1) : [];
    if (!module || !course) throw new Refusal("no-target");
    return { course, slug: module.slug, title: module.title, key: keyOf(module) };
  }
  let course: { id: string; slug: string; ownerId: string | null };
  if (target.kind === "module") {
    const [owned] = await tx
      .select()
      .from(courses)
      .where(and(eq(courses.id, target.courseId), ownedBy(courses.ownerId, scope)))
      .limit(1);
    if (!owned) throw new Refusal("no-target");
    course = owned;
  } else {
    course = { id: randomUUID(), slug: await freeCourseSlug(tx, target.courseTitle), ownerId: draftOwner };
    // Not imported from a folder: no folder hash to compare with.
    await tx.insert(courses).values({ ...course, title: target.courseTitle, description: "", contentHash: "", createdAt: now, updatedAt: now });
  }
  const slug = await freeModuleSlug(tx, course.id, target.title);
  // A new module's questions are keyed by its id: unique among all modules, so no two share a question id.
  return { course, slug, title: target.title, key: moduleIdFor(course.id, slug) };
}

export const publishTargetsOnAppDb = onAppDb(publishTargets);
export const versionPreviewOnAppDb = onAppDb(versionPreview);
export const publishDraftOnAppDb = onAppDb(publishDraft);

/** Where a published draft went, for its page's link; null when that module is gone from reach. */
export async function publishedPlace(db: Database, moduleId: string) {
  const [row] = await db
    .select({ courseSlug: courses.slug, courseTitle: courses.title, moduleSlug: modules.slug, moduleTitle: modules.title, version: modules.version })
    .from(modules)
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(modules.id, moduleId))
    .limit(1);
  return row ?? null;
}

export const publishedPlaceOnAppDb = onAppDb(publishedPlace);
