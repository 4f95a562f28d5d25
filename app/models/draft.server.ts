/**
 * Drafts: material an instructor brought, read into lessons and questions
 * that no learner sees until it is published (draft-publish.server.ts). A
 * draft is created "processing" with its files; the preparation
 * (draft-job.server.ts) reports its stages into the row and ends it "ready"
 * (with the built module) or "failed" (with the reason). Nothing here
 * touches a course.
 *
 * Every function a route calls takes the asker's scope: their own drafts, or
 * every one with `all` (an admin's "any"). Another instructor's draft id is
 * answered as one that does not exist.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, lt, ne, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { draftFiles, drafts, type Draft } from "../../db/schema";
import type { DraftSummary } from "../content/draft-format";
import type { UploadedFile } from "../content/upload";
import { onAppDb } from "./cohort.server";
import { sha256 } from "./content.server";

export interface DraftScope {
  userId: string;
  all: boolean;
}

/** The preparing process renews a draft's heartbeat this often while it is alive... */
export const HEARTBEAT_MS = 10_000;
/** ...so a processing draft whose heartbeat is older than this lost its process (a restart, a crash). */
export const STALE_AFTER_MS = 6 * HEARTBEAT_MS;
export const INTERRUPTED_MESSAGE =
  "The server stopped while this draft was being prepared, so it was not finished. Nothing was published; try again (the files are kept).";

export type DraftStage = "queued" | "read" | "clean" | "segment" | "generate" | "save";

/** A draft as its page shows it: everything but the stored module, which can be megabytes. */
export type DraftView = Omit<Draft, "moduleGzip" | "moduleJson" | "summaryJson" | "sourceNamesJson"> & {
  sourceNames: string[];
  summary: DraftSummary | null;
};

const viewColumns = {
  id: drafts.id,
  ownerId: drafts.ownerId,
  title: drafts.title,
  sourceNamesJson: drafts.sourceNamesJson,
  sourceHash: drafts.sourceHash,
  questionKey: drafts.questionKey,
  status: drafts.status,
  stage: drafts.stage,
  progress: drafts.progress,
  error: drafts.error,
  summaryJson: drafts.summaryJson,
  publishedModuleId: drafts.publishedModuleId,
  createdAt: drafts.createdAt,
  updatedAt: drafts.updatedAt,
  heartbeatAt: drafts.heartbeatAt,
};

function reaches(scope: DraftScope): SQL | undefined {
  return scope.all ? undefined : eq(drafts.ownerId, scope.userId);
}

/** Hash of what was read, names and bytes: the published module's content hash (its version goes up when it changes). */
export function materialHash(files: UploadedFile[]): string {
  return sha256(...files.flatMap((f) => [f.name, f.bytes]));
}

/** A new draft, processing, with its files stored: one batch, so a draft never exists without them. */
export async function createDraft(
  db: Database,
  input: { ownerId: string; title: string; files: UploadedFile[] },
  now: number,
  id: string = randomUUID(),
): Promise<{ id: string }> {
  await db.batch([
    db.insert(drafts).values({
      id,
      ownerId: input.ownerId,
      title: displayName(input.title),
      sourceNamesJson: JSON.stringify(input.files.map((f) => displayName(f.name))),
      sourceHash: materialHash(input.files),
      questionKey: `draft:${id}`,
      status: "processing",
      stage: "queued",
      progress: 0,
      createdAt: now,
      updatedAt: now,
      heartbeatAt: now,
    }),
    ...input.files.map((file, position) =>
      db.insert(draftFiles).values({ draftId: id, position, name: file.name, bytes: Buffer.from(file.bytes) }),
    ),
  ]);
  return { id };
}

/** "Pasted text.md" was typed in, not uploaded: it is listed as what it is. */
function displayName(name: string): string {
  return /^Pasted text\.(md|txt)$/.test(name) ? "Pasted text" : name;
}

/**
 * The draft, if the scope reaches it. A processing draft whose process has
 * died is failed here, the first time anyone looks at it, with a message
 * saying so: it would otherwise stay "processing" for ever.
 */
export async function findDraft(db: Database, scope: DraftScope, draftId: string, now: number): Promise<DraftView | null> {
  const [row] = await db
    .select(viewColumns)
    .from(drafts)
    .where(and(eq(drafts.id, draftId), reaches(scope)))
    .limit(1);
  if (!row) return null;
  if (row.status === "processing" && row.heartbeatAt < now - STALE_AFTER_MS) {
    await failDraft(db, row.id, INTERRUPTED_MESSAGE, now, row.heartbeatAt);
    return findDraft(db, scope, draftId, now);
  }
  const { sourceNamesJson, summaryJson, ...rest } = row;
  return {
    ...rest,
    sourceNames: JSON.parse(sourceNamesJson) as string[],
    summary: summaryJson ? (JSON.parse(summaryJson) as DraftSummary) : null,
  };
}

/** The scope's latest drafts, newest first, for the upload page; those whose process died are failed first. */
export async function listDrafts(db: Database, scope: DraftScope, now: number, limit = 20) {
  await db
    .update(drafts)
    .set({ status: "failed", error: INTERRUPTED_MESSAGE, updatedAt: now })
    .where(and(eq(drafts.status, "processing"), lt(drafts.heartbeatAt, now - STALE_AFTER_MS), reaches(scope)));
  return db
    .select({ id: drafts.id, title: drafts.title, status: drafts.status, createdAt: drafts.createdAt })
    .from(drafts)
    .where(reaches(scope))
    .orderBy(desc(drafts.createdAt))
    .limit(limit);
}

/** The files a draft was made from, in the order given. */
export async function draftFilesOf(db: Database, draftId: string): Promise<UploadedFile[]> {
  const rows = await db.select().from(draftFiles).where(eq(draftFiles.draftId, draftId)).orderBy(draftFiles.position);
  return rows.map((row) => ({ name: row.name, bytes: new Uint8Array(row.bytes) }));
}

export async function draftQuestionKey(db: Database, draftId: string): Promise<string | null> {
  const [row] = await db.select({ key: drafts.questionKey }).from(drafts).where(eq(drafts.id, draftId)).limit(1);
  return row?.key ?? null;
}

const processing = (draftId: string) => and(eq(drafts.id, draftId), eq(drafts.status, "processing"));

export async function recordDraftProgress(db: Database, draftId: string, stage: DraftStage, progress: number, now: number) {
  await db.update(drafts).set({ stage, progress, updatedAt: now, heartbeatAt: now }).where(processing(draftId));
}

/** The process preparing these drafts is alive. */
export async function renewHeartbeats(db: Database, draftIds: string[], now: number) {
  if (draftIds.length === 0) return;
  await db
    .update(drafts)
    .set({ heartbeatAt: now })
    .where(and(inArray(drafts.id, draftIds), eq(drafts.status, "processing")));
}

/** Ready to look at and publish; its files are no longer needed (the module holds what was read). */
export async function completeDraft(db: Database, draftId: string, built: { module: Uint8Array; summaryJson: string; title: string }, now: number) {
  const moduleGzip = Buffer.from(built.module.buffer, built.module.byteOffset, built.module.byteLength);
  const [done] = await db
    .update(drafts)
    .set({ status: "ready", stage: "save", progress: 1, error: null, moduleGzip, moduleJson: null, summaryJson: built.summaryJson, title: built.title, updatedAt: now })
    .where(processing(draftId))
    .returning({ id: drafts.id });
  if (done) await db.delete(draftFiles).where(eq(draftFiles.draftId, draftId));
}

/**
 * Failed, with the reason in the instructor's words. `heartbeatBefore`
 * fails it only if no process renewed it meanwhile (the stale check).
 */
export async function failDraft(db: Database, draftId: string, message: string, now: number, heartbeatBefore?: number) {
  const condition = heartbeatBefore === undefined ? processing(draftId) : and(processing(draftId), lt(drafts.heartbeatAt, heartbeatBefore + 1));
  await db.update(drafts).set({ status: "failed", error: message, updatedAt: now }).where(condition);
}

/** A failed draft whose files are kept goes back to processing; false when it cannot. */
export async function retryDraft(db: Database, scope: DraftScope, draftId: string, now: number): Promise<boolean> {
  const draft = await findDraft(db, scope, draftId, now);
  if (!draft || draft.status !== "failed") return false;
  const files = await db.select({ position: draftFiles.position }).from(draftFiles).where(eq(draftFiles.draftId, draftId)).limit(1);
  if (files.length === 0) return false;
  await db
    .update(drafts)
    .set({ status: "processing", stage: "queued", progress: 0, error: null, updatedAt: now, heartbeatAt: now })
    .where(and(eq(drafts.id, draftId), eq(drafts.status, "failed")));
  return true;
}

/** Removes a draft that was not published (a published one is the record of what was published). */
export async function discardDraft(db: Database, scope: DraftScope, draftId: string): Promise<boolean> {
  const removed = await db
    .delete(drafts)
    .where(and(eq(drafts.id, draftId), ne(drafts.status, "published"), reaches(scope)))
    .returning({ id: drafts.id });
  return removed.length > 0;
}

/** The draft functions routes call, on the app's database. */
export const findDraftOnAppDb = onAppDb(findDraft);
export const listDraftsOnAppDb = onAppDb(listDrafts);
export const discardDraftOnAppDb = onAppDb(discardDraft);
