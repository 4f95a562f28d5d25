/**
 * Hostile shapes: inputs under the size limit whose shape, not size, used to
 * cost superlinear time or memory. Each shape is built at a given size and
 * ingested (buildModules, the whole pipeline) in its own child process with a
 * bounded heap, so running out of memory is a row of the table, not the end
 * of the bench. Prints time, CPU time and peak RSS per shape, and how it ended:
 * "ok" with lessons and questions, a refusal (IngestError, its message), or
 * the child's failure (out of memory, timeout).
 *
 *   npx tsx bench/hostile.ts                       every shape at its default size
 *   npx tsx bench/hostile.ts --mb 10               every shape at 10 MB
 *   npx tsx bench/hostile.ts --shape table --mb 0.24
 *   npx tsx bench/hostile.ts --mb 10 --prose ../shared/benchmarks/squad/dev-half-a.json ../shared/benchmarks/squad/train-du2017.json
 *               adds the shapes made of prose that repeats nowhere (distinct, sections)
 *   npx tsx bench/hostile.ts --timeout 300         a child still running after 300 s is stopped (default 600)
 *   npx tsx bench/hostile.ts --v8-heap             V8's default heap growth in the children, not the ingesting processes'
 *   npx tsx bench/hostile.ts --worker              each shape prepared as an upload is: in the draft worker thread
 *               (app/models/draft-job.server.ts), under its heap ceiling, in a process with V8's default heap
 *               growth as the server has; peak RSS is the whole process's
 *   taskset -c 0 npx tsx bench/hostile.ts --mb 10  one core, as the target is stated
 *
 * The shapes are described in bench/lib/hostile-shapes.ts.
 * Target: any shape up to 10 MB in <= 60 s on one core and <= 1 GB peak RSS, or refused with an IngestError.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IngestError } from "../app/content/types";
import { boundHeapGrowth } from "../scripts/ingestion-heap";
import { SHAPES, hostileDocument, type Shape } from "./lib/hostile-shapes";
import { loadSquad } from "./squad-data";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
/** The sizes the failures were first measured at. */
const DEFAULT_MB: Record<Shape, number> = { "one-line": 3, distinct: 3, sections: 3, repeated: 1, paragraphs: 6.3, table: 0.24, rows: 5, lines: 0.2, normal: 5 };
/** The child's heap: room to show a failure as an out-of-memory row, well under the machine's memory. */
const HEAP_MB = 4096;
const DEFAULT_TIMEOUT_SECONDS = 600;

interface Result {
  shape: Shape;
  megabytes: number;
  outcome: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  lessons: number;
  questions: number;
}

/** The paragraphs of SQuAD files, a blank line between: the distinct and sections shapes' prose. */
function squadProse(paths: string[]): string {
  return paths.flatMap((path) => loadSquad(path).map((p) => p.context.trim().replace(/\s+/g, " "))).join("\n\n");
}

/** The shape through buildModules in this thread: what the CLI and `npm start`'s setup run. */
async function inThisThread(name: string, bytes: Uint8Array): Promise<Pick<Result, "outcome" | "lessons" | "questions">> {
  const { buildModules } = await import("../app/content/pipeline");
  try {
    const modules = buildModules([{ name, bytes }]);
    const lessons = modules.reduce((n, m) => n + m.lessons.length, 0);
    const questions = modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.questions.length, 0), 0);
    return { outcome: "ok", lessons, questions };
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { outcome: `refused: ${error.message}`, lessons: 0, questions: 0 };
  }
}

/** The shape prepared as an uploaded draft is: in the draft worker thread, the module back as its stored bytes. */
async function inDraftWorker(name: string, bytes: Uint8Array): Promise<Pick<Result, "outcome" | "lessons" | "questions">> {
  const { prepareInWorker } = await import("../app/models/draft-job.server");
  const outcome = await prepareInWorker({ files: [{ name, bytes }], key: "hostile" }, () => undefined);
  if (outcome.type === "failed") return { outcome: `failed: ${outcome.message}`, lessons: 0, questions: 0 };
  const summary = JSON.parse(outcome.summaryJson) as { lessonCount: number; questionCount: number };
  return { outcome: "ok", lessons: summary.lessonCount, questions: summary.questionCount };
}

async function runShape(shape: Shape, megabytes: number, prosePaths: string[], worker: boolean): Promise<void> {
  const { name, text } = hostileDocument(shape, Math.round(megabytes * 1024 * 1024), squadProse(prosePaths));
  const bytes = new TextEncoder().encode(text);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const { outcome, lessons, questions } = await (worker ? inDraftWorker(name, bytes) : inThisThread(name, bytes));
  const cpu = process.cpuUsage(cpuStart);
  const result: Result = {
    shape,
    megabytes: bytes.length / (1024 * 1024),
    outcome,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    lessons,
    questions,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const mb = option("--mb");
  const shape = option("--shape") as Shape | undefined;
  const timeoutSeconds = Number(option("--timeout") ?? DEFAULT_TIMEOUT_SECONDS);
  if (shape !== undefined && !SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}; one of ${SHAPES.join(", ")}`);
  // The files after --prose, up to the next option: the distinct shape's text.
  const proseAt = args.indexOf("--prose");
  const prosePaths: string[] = [];
  for (let k = proseAt + 1; proseAt >= 0 && k < args.length && !args[k].startsWith("--"); k++) prosePaths.push(args[k]);
  if (args.includes("--child")) {
    // The heap policy of the processes that ingest (the CLI, `npm start`'s setup: scripts/ingestion-heap.ts), unless
    // --v8-heap asks for V8's default, as bench/ingest.ts's full-v8-heap scenario does.
    // The server, where the draft worker runs, keeps V8's default (scripts/ingestion-heap.ts).
    if (!args.includes("--v8-heap") && !args.includes("--worker")) boundHeapGrowth();
    void runShape(shape as Shape, Number(mb), prosePaths, args.includes("--worker"));
    return;
  }
  const policy = args.includes("--worker")
    ? "in the draft worker thread, under its own heap ceiling, V8's default heap growth"
    : args.includes("--v8-heap")
      ? "V8's default heap growth"
      : "the ingesting processes' heap growth (scripts/ingestion-heap.ts)";
  const heap = args.includes("--worker") ? "" : `, --max-old-space-size=${HEAP_MB}`;
  console.log(`hostile shapes: one child process each${heap}, ${policy}, timeout ${timeoutSeconds} s`);
  console.log("shape           MB   wall s    cpu s  peak RSS MB  lessons  questions  outcome");
  for (const s of shape ? [shape] : SHAPES) {
    if ((s === "distinct" || s === "sections") && prosePaths.length === 0) continue;
    const size = mb !== undefined ? Number(mb) : DEFAULT_MB[s];
    const start = Date.now();
    const child = spawnSync(
      process.execPath,
      [
        // A worker has its own ceiling (draft-job.server.ts); its process has the server's default.
        ...(args.includes("--worker") ? [] : [`--max-old-space-size=${HEAP_MB}`]),
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        "--child",
        ...["--v8-heap", "--worker"].filter((flag) => args.includes(flag)),
        "--shape",
        s,
        "--mb",
        String(size),
        "--prose",
        ...prosePaths,
      ],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, timeout: timeoutSeconds * 1000 },
    );
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      const why = child.error
        ? `timed out after ${timeoutSeconds} s`
        : /heap out of memory|Allocation failed/.test(child.stderr)
          ? `out of memory (heap ${HEAP_MB} MB)`
          : (child.stderr.trim().split("\n").find((l) => /Error/.test(l)) ?? `exit ${child.status ?? child.signal}`);
      const wall = ((Date.now() - start) / 1000).toFixed(1);
      console.log(`${s.padEnd(12)} ${size.toFixed(2).padStart(6)} ${wall.padStart(8)}  failed: ${why}`);
      continue;
    }
    const r: Result = JSON.parse(line);
    console.log(
      [
        r.shape.padEnd(12),
        r.megabytes.toFixed(2).padStart(6),
        r.seconds.toFixed(1).padStart(8),
        r.cpuSeconds.toFixed(1).padStart(8),
        r.peakRssMb.toFixed(0).padStart(12),
        String(r.lessons).padStart(8),
        String(r.questions).padStart(10),
        ` ${r.outcome}`,
      ].join(" "),
    );
  }
  console.log("target: <= 60 s on one core and <= 1 GB peak RSS at any size up to 10 MB, or a clear refusal");
}

main();
