/**
 * Preparing drafts in the background, in the server process: a queue, one
 * draft at a time, each in a worker thread of its own so that writing a
 * book's questions (tens of seconds of CPU) never holds up the event loop
 * that serves learners. The worker (draft-worker.server.ts) only computes;
 * this side writes its stages into the draft's row and the result or the
 * reason it failed, and renews the heartbeat that tells a live preparation
 * from one a restart cut short (draft.server.ts findDraft).
 *
 * The worker runs draft-worker.server.ts from the TypeScript source through
 * tsx (a runtime dependency already: `npm start` runs its setup with it), from
 * the server build as from the tests. Remix's compiler cannot bundle the
 * question generator (its JSON imports carry import attributes, which its
 * esbuild predates), and a separately built worker would be a second build to
 * keep in step. So the server needs app/ beside build/, as `npm start` has it.
 * The worker has a heap ceiling and a time limit: a file built to exhaust
 * memory or time fails its draft, not the server.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Database } from "../../db/client";
import { onAppDb } from "./cohort.server";
import {
  completeDraft,
  createDraft,
  draftFilesOf,
  draftQuestionKey,
  failDraft,
  HEARTBEAT_MS,
  recordDraftProgress,
  renewHeartbeats,
  retryDraft,
  type DraftScope,
} from "./draft.server";
import { UNREADABLE_MESSAGE } from "../content/read-upload";
import type { DraftWorkerInput, DraftWorkerMessage } from "./draft-worker.server";

/** One preparation at a time per process: the others wait their turn, and a core stays free for serving. */
const CONCURRENCY = 1;
/**
 * The worker's old generation. The heap grows to near its limit before V8 collects harder, so the limit is also
 * what bounds the process: ten megabytes of prose that repeats nowhere (the hostile shape that builds the most)
 * peaked at 1,114 MB with 1,536 MB here, and at 831 MB with 640 MB, in about as much CPU time (45-50 s) (bench/hostile.ts --worker).
 */
const WORKER_HEAP_MB = 640;
/** The slowest 10 MB shape measured takes about 50 s of CPU here (bench/hostile.ts --worker); ten minutes is a broken file or a stuck machine. */
const TIME_LIMIT_MS = 10 * 60_000;
/** Progress is written at most this often (and at every change of stage). */
const PROGRESS_EVERY_MS = 500;

export const OUT_OF_MEMORY_MESSAGE =
  "This material needs more memory than an import may use (a compressed file that unpacks to far more than its size?); nothing was published.";
export const TIME_LIMIT_MESSAGE = "Preparing this material took longer than ten minutes and was stopped; nothing was published.";

interface Job {
  db: Database;
  draftId: string;
  finished: () => void;
}

const queue: Job[] = [];
const running = new Set<Job>();
let heartbeat: ReturnType<typeof setInterval> | null = null;
let idle: Array<() => void> = [];

/** Queues the draft's preparation; the promise settles when it is ready or failed (routes do not wait for it). */
export function prepareDraft(db: Database, draftId: string): Promise<void> {
  return new Promise((finished) => {
    queue.push({ db, draftId, finished });
    pump();
  });
}

/** Resolves once nothing is queued or running (for tests and a clean shutdown). */
export function draftsSettled(): Promise<void> {
  if (queue.length === 0 && running.size === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}

function pump() {
  while (running.size < CONCURRENCY && queue.length > 0) {
    const job = queue.shift()!;
    running.add(job);
    void prepare(job).finally(() => {
      running.delete(job);
      job.finished();
      pump();
    });
  }
  const busy = running.size + queue.length > 0;
  if (busy && !heartbeat) {
    heartbeat = setInterval(() => {
      const now = Date.now();
      for (const job of [...running, ...queue]) renewHeartbeats(job.db, [job.draftId], now).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
  } else if (!busy) {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  }
}

async function prepare({ db, draftId }: Job): Promise<void> {
  try {
    const key = await draftQuestionKey(db, draftId);
    const files = key ? await draftFilesOf(db, draftId) : [];
    // Discarded while it waited.
    if (!key || files.length === 0) return;
    // Its turn has come: no longer "queued", while the worker starts.
    await recordDraftProgress(db, draftId, "read", 0, Date.now());
    let lastWrite = 0;
    let lastStage = "";
    const outcome = await prepareInWorker({ files, key }, (progress) => {
      const now = Date.now();
      if (progress.stage === lastStage && now - lastWrite < PROGRESS_EVERY_MS) return;
      lastStage = progress.stage;
      lastWrite = now;
      void recordDraftProgress(db, draftId, progress.stage, progress.fraction, now).catch(() => undefined);
    });
    if (outcome.type === "done") {
      await recordDraftProgress(db, draftId, "save", 0.99, Date.now());
      await completeDraft(db, draftId, { module: outcome.module, summaryJson: outcome.summaryJson, title: outcome.title }, Date.now());
    } else {
      await failDraft(db, draftId, outcome.message, Date.now());
    }
  } catch (error) {
    console.error(error);
    await failDraft(db, draftId, UNREADABLE_MESSAGE, Date.now()).catch(() => undefined);
  }
}

type Outcome = Extract<DraftWorkerMessage, { type: "done" | "failed" }>;

/** The module built from the files in a worker thread of its own, under its heap ceiling and time limit (bench/hostile.ts --worker measures it). */
export function prepareInWorker(input: DraftWorkerInput, onProgress: (progress: { stage: "read" | "clean" | "segment" | "generate"; fraction: number }) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    // Copies the worker takes over: the bytes leave this thread rather than being cloned.
    const files = input.files.map((file) => ({ name: file.name, bytes: new Uint8Array(file.bytes) }));
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { ...workerEntry(), files, key: input.key },
      transferList: files.map((file) => file.bytes.buffer as ArrayBuffer),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle({ type: "failed", message: TIME_LIMIT_MESSAGE }), TIME_LIMIT_MS);
    worker.on("message", (message: DraftWorkerMessage) => {
      if (message.type === "progress") onProgress(message);
      else settle(message);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") return settle({ type: "failed", message: OUT_OF_MEMORY_MESSAGE });
      console.error(error);
      settle({ type: "failed", message: UNREADABLE_MESSAGE });
    });
    worker.on("exit", () => settle({ type: "failed", message: UNREADABLE_MESSAGE }));
  });
}

/** Runs in the worker: loads draft-worker.server.ts through tsx's API and runs it. */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  const { entry, tsxApi } = workerData;
  const { tsImport } = await import(tsxApi);
  const { runDraftWorker } = await tsImport(entry, entry);
  await runDraftWorker();
})();
`;

/**
 * The worker module's URL: beside this file when it runs from source, in
 * app/models beside build/ when it runs as the server build (build/index.js).
 */
export function workerEntry(): { entry: string; tsxApi: string } {
  const here = import.meta.url;
  const fromSource = /\.tsx?$/.test(new URL(here).pathname);
  const entry = new URL(fromSource ? "./draft-worker.server.ts" : "../app/models/draft-worker.server.ts", here);
  return { entry: entry.href, tsxApi: tsxEsmApi(here) };
}

/** tsx's ESM API file, read from its package's exports (its CommonJS build cannot register hooks in a worker). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const exports = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"].import.default)).href;
}

/**
 * A new draft from an upload, queued for preparation: what the upload route
 * calls. The request returns at once; the preparation runs on in this process.
 */
export async function createAndPrepareDraft(db: Database, input: Parameters<typeof createDraft>[1], now: number): Promise<{ id: string; prepared: Promise<void> }> {
  const { id } = await createDraft(db, input, now);
  return { id, prepared: prepareDraft(db, id) };
}

export const createAndPrepareDraftOnAppDb = onAppDb(createAndPrepareDraft);

/** A failed draft tried again (its files kept): back to processing, and queued. */
export async function retryAndPrepareDraft(db: Database, scope: DraftScope, draftId: string, now: number): Promise<boolean> {
  if (!(await retryDraft(db, scope, draftId, now))) return false;
  void prepareDraft(db, draftId);
  return true;
}

export const retryAndPrepareDraftOnAppDb = onAppDb(retryAndPrepareDraft);
