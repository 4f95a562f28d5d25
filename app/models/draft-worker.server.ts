/**
 * The worker thread's side of preparing a draft (draft-job.server.ts starts
 * it): the files arrive in workerData, the pure pipeline builds the module
 * (content/upload.ts), and the thread posts its stages as they begin and
 * then the stored JSON or the reason it failed. It never opens the
 * database: the main thread writes (one connection per process, db/client.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { encodeDraftModule, summariseDraft } from "../content/draft-format";
import { IngestError } from "../content/types";
import { UNREADABLE_MESSAGE } from "../content/read-upload";
import { buildUploadedModule, type UploadedFile, type UploadProgress } from "../content/upload";

export interface DraftWorkerInput {
  files: UploadedFile[];
  key: string;
}

export type DraftWorkerMessage =
  | ({ type: "progress" } & UploadProgress)
  | { type: "done"; title: string; module: Uint8Array; summaryJson: string }
  | { type: "failed"; message: string };

export async function runDraftWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("runDraftWorker runs in a worker thread.");
  const post = (message: DraftWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const { files, key } = workerData as DraftWorkerInput;
  try {
    const module = await buildUploadedModule(files, key, (progress) => post({ type: "progress", ...progress }));
    const summary = summariseDraft(module);
    // Sent as stored (compressed), moved rather than copied: a book's module is tens of megabytes of JSON.
    const stored = encodeDraftModule(module);
    post({ type: "done", title: module.title, module: stored, summaryJson: JSON.stringify(summary) }, [stored.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: "failed", message: error instanceof IngestError ? error.message : UNREADABLE_MESSAGE });
    if (!(error instanceof IngestError)) console.error(error);
  }
}
