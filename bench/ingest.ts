/**
 * Ingestion throughput: content/ replicated to at least 5 MB, through the
 * pipeline. Prints MB/s (median of several runs) and peak RSS per scenario;
 * each run is its own process so its peak memory is its own.
 *
 *   npx tsx bench/ingest.ts            all scenarios
 *   npx tsx bench/ingest.ts --runs 5   more runs per scenario
 *   npx tsx bench/ingest.ts --scenario full --runs 1   one scenario, in this process, as JSON
 *   npx tsx bench/ingest.ts --distinct ../shared/benchmarks/squad/dev-half-a.json ../shared/benchmarks/squad/train-du2017.json
 *               adds the `distinct` scenario: text no copy repeats (see below)
 *
 * Scenarios:
 *   full        buildModules on N copies of every content/ file as separate documents
 *               (read, parse, clean, segment, and question generation over the whole course),
 *               in a fresh process: the figure includes the JIT's warm-up and loading the word lists.
 *               The copies are identical text, so any cache that outlives a document would serve
 *               a copy from an earlier one: the generator empties its memos per document
 *               (forgetFoldings), and a new cache must too, or the figure flatters it
 *   full-warm   the same, timed after one untimed pass over content/ itself (~95 KB): the
 *               steady throughput of a process that has ingested before (a server importing
 *               material, a second file of the CLI). The warm-up pass's time is printed too.
 *   full-v8-heap  full, with V8's default heap policy rather than the bounded growth the CLI
 *               and setup set (scripts/ingestion-heap.ts): what the bound costs and saves
 *   structure   the same documents through read + parse + clean + segment only
 *   one-large   all copies concatenated into one plain-text document of >= 5 MB,
 *               structure stages only (stresses per-document work: repeated-section merging)
 *   distinct    full on text that repeats nowhere: the paragraphs of SQuAD files (given with
 *               --distinct), one document per article, a short heading over every four
 *               paragraphs. Copies share the pool's and the material index's entries;
 *               distinct text does not, so this is the check on memory the copies cannot give.
 *   wink        the baseline: wink-nlp alone over the same documents as full, each file's text
 *               read with readDoc (sentences, part-of-speech tags and entities), its sentences'
 *               tokens walked for their tags and its entities read, as Cairn's nlp.ts reads a
 *               doc. Cairn's throughput is printed as a ratio of it: what the pipeline costs
 *               beyond the one library pass it cannot avoid. (nlp.ts itself skips entities.)
 * Start RSS is the process before the pipeline loads (node + tsx): peak minus
 * start is what the pipeline itself costs.
 * Target: >= 1 MB/s on one core, <= 400 MB peak RSS. MB/s is wall time; MB/cpu-s
 * divides by this process's CPU time, the steadier figure on a shared machine
 * (the pipeline is single-threaded, apart from the garbage collector).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// Structure stages only: the full scenario loads the question generator (and its models) itself.
import { draftModule } from "../app/content/draft";
import { readSource } from "../app/content/read";
import type { SourceFile } from "../app/content/pipeline";
import { HEAP_GROWING_PERCENT, boundHeapGrowth } from "../scripts/ingestion-heap";
import { squadArticles } from "./squad-data";

const TARGET_BYTES = 5 * 1024 * 1024;
const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const SCENARIOS = ["full", "full-warm", "full-v8-heap", "structure", "one-large", "distinct", "wink"] as const;
type Scenario = (typeof SCENARIOS)[number];

function contentFiles(): SourceFile[] {
  const dir = join(ROOT, "content");
  return readdirSync(dir)
    .filter((name) => /\.(txt|md|html?)$/.test(name))
    .sort()
    .map((name) => ({ name: `content/${name}`, bytes: readFileSync(join(dir, name)) }));
}

/** Copies of every file, as separate documents, until the total reaches the target. */
function replicated(): SourceFile[] {
  const originals = contentFiles();
  const files: SourceFile[] = [];
  let total = 0;
  for (let copy = 1; total < TARGET_BYTES; copy++) {
    for (const file of originals) {
      files.push({ name: `copy-${copy}/${file.name}`, bytes: file.bytes, key: `copy-${copy}-${file.name}` });
      total += file.bytes.length;
    }
  }
  return files;
}

/** SQuAD articles as documents: their paragraphs, a heading over every four ("<title>, part k"). */
function distinctDocuments(paths: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const path of paths) {
    for (const [index, paragraphs] of squadArticles(path)) {
      const title = paragraphs[0].title;
      const parts: string[] = [];
      paragraphs.forEach((p, k) => {
        if (k % 4 === 0) parts.push(`${title}, part ${k / 4 + 1}`);
        parts.push(p.context.trim());
      });
      const name = `squad/${index}-${title.replace(/[^\w]+/g, "-")}.txt`;
      files.push({ name, bytes: new TextEncoder().encode(`${parts.join("\n\n")}\n`), key: name });
    }
  }
  return files;
}

function oneLarge(): SourceFile {
  const parts = replicated().map((file) => Buffer.from(file.bytes).toString("utf8"));
  return { name: "one-large.txt", bytes: new TextEncoder().encode(parts.join("\n\n")) };
}

/**
 * wink-nlp's own pass over a document's text, as the baseline for Cairn's: the doc read with sentences,
 * tags and entities, and each read out as nlp.ts does (arrays per doc, then a walk over sentence spans).
 * Returns the number of tokens, so the work cannot be optimised away.
 */
async function winkReader(): Promise<(text: string) => number> {
  const winkNLP = (await import("wink-nlp")).default;
  const model = (await import("wink-eng-lite-web-model")).default;
  const wink = winkNLP(model, ["sbd", "pos", "ner"]);
  const its = wink.its;
  return (text) => {
    const doc = wink.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const entities = doc.entities().out(its.detail) as unknown as Array<{ value: string; type: string }>;
    let tokens = entities.length;
    for (const [from, to] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
      for (let i = from; i <= to; i++) if (values[i].length > 0 && pos[i] !== "") tokens++;
    }
    return tokens;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function runScenario(scenario: Scenario, runs: number, distinctPaths: string[]): Promise<void> {
  // The heap policy of the processes that ingest (the CLI, setup); full-v8-heap shows V8's default for comparison.
  if (scenario !== "full-v8-heap") boundHeapGrowth();
  // Resident memory before the pipeline's modules load: node plus tsx's own compiler (~80 MB of the peak under tsx).
  const startRssMb = process.memoryUsage().rss / (1024 * 1024);
  const whole = scenario === "full" || scenario === "full-warm" || scenario === "full-v8-heap" || scenario === "distinct";
  const buildModules = whole ? (await import("../app/content/pipeline")).buildModules : null;
  const winkRead = scenario === "wink" ? await winkReader() : null;
  const files = scenario === "one-large" ? [oneLarge()] : scenario === "distinct" ? distinctDocuments(distinctPaths) : replicated();
  const bytes = files.reduce((n, file) => n + file.bytes.length, 0);
  let warmupSeconds = 0;
  if (buildModules && scenario === "full-warm") {
    const start = process.hrtime.bigint();
    buildModules(contentFiles().map((file) => ({ ...file, name: `warm-up/${file.name}`, key: `warm-up-${file.name}` })));
    warmupSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let lessons = 0;
  let questions = 0;
  let tokens = 0;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    if (winkRead) {
      // The same decoded text Cairn starts from.
      tokens = 0;
      for (const file of files) tokens += winkRead(readSource(file.name, file.bytes).text);
    } else if (buildModules) {
      const modules = buildModules(files);
      lessons = modules.reduce((n, m) => n + m.lessons.length, 0);
      questions = modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.questions.length, 0), 0);
    } else {
      lessons = 0;
      for (const file of files) lessons += draftModule(readSource(file.name, file.bytes)).lessons.length;
    }
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  const megabytes = bytes / (1024 * 1024);
  process.stdout.write(
    `${JSON.stringify({
      scenario,
      documents: files.length,
      megabytes,
      medianSeconds: median(seconds),
      mbPerSecond: megabytes / median(seconds),
      // CPU time of this process: the "one core" figure, steady when other work shares the machine.
      mbPerCpuSecond: megabytes / median(cpuSeconds),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      startRssMb,
      warmupSeconds,
      lessons,
      questions,
      tokens,
    })}\n`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3;
  const distinctAt = args.indexOf("--distinct");
  // The files after --distinct, up to the next option.
  const distinctPaths: string[] = [];
  for (let k = distinctAt + 1; distinctAt >= 0 && k < args.length && !args[k].startsWith("--"); k++) distinctPaths.push(args[k]);
  const scenarioAt = args.indexOf("--scenario");
  if (scenarioAt >= 0) {
    await runScenario(args[scenarioAt + 1] as Scenario, runs, distinctPaths);
    return;
  }
  console.log(`ingest bench: content/ replicated to >= ${TARGET_BYTES / (1024 * 1024)} MB, median of ${runs} runs, one process per run (peak RSS: the largest run's)`);
  const mbPerCpuSecond = new Map<Scenario, number>();
  console.log("scenario       docs     MB   median s    MB/s  MB/cpu-s   peak RSS MB  start RSS MB  lessons  questions  warm-up s");
  for (const scenario of SCENARIOS) {
    if (scenario === "distinct" && distinctPaths.length === 0) continue;
    // One process per run: a run's peak RSS is then its own, not grown by the output of the run before it.
    const results = [];
    for (let run = 0; run < runs; run++) {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--scenario", scenario, "--runs", "1", "--distinct", ...distinctPaths], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !line.startsWith("{")) {
        console.log(`${scenario.padEnd(10)} failed: ${child.stderr.trim().split("\n")[0] ?? "no output"}`);
        break;
      }
      results.push(JSON.parse(line));
    }
    if (results.length < runs) continue;
    const r = results[0];
    const seconds = median(results.map((x) => x.medianSeconds));
    const cpuSeconds = median(results.map((x) => x.megabytes / x.mbPerCpuSecond));
    mbPerCpuSecond.set(scenario, r.megabytes / cpuSeconds);
    console.log(
      [
        r.scenario.padEnd(12),
        String(r.documents).padStart(6),
        r.megabytes.toFixed(2).padStart(6),
        seconds.toFixed(2).padStart(10),
        (r.megabytes / seconds).toFixed(2).padStart(7),
        (r.megabytes / cpuSeconds).toFixed(2).padStart(9),
        Math.max(...results.map((x) => x.peakRssMb)).toFixed(0).padStart(13),
        Math.max(...results.map((x) => x.startRssMb)).toFixed(0).padStart(13),
        String(r.lessons).padStart(8),
        String(r.questions).padStart(10),
        r.scenario === "full-warm" ? median(results.map((x) => x.warmupSeconds)).toFixed(2).padStart(10) : "",
      ].join(" "),
    );
  }
  console.log(`heap: old generation grows by at most ${HEAP_GROWING_PERCENT}% between full collections, as in the CLI and setup (full-v8-heap: V8's default)`);
  console.log("target: >= 1 MB/s on one core, <= 400 MB peak RSS");
  const cairn = mbPerCpuSecond.get("full");
  const wink = mbPerCpuSecond.get("wink");
  if (cairn !== undefined && wink !== undefined) {
    // CPU seconds, both in fresh processes over the same documents: the ratio is steadier than wall time's.
    console.log(`full vs wink-nlp's readDoc alone (sentences, tags, entities), MB/cpu-s: ${cairn.toFixed(2)} / ${wink.toFixed(2)} = ${(cairn / wink).toFixed(2)}x`);
  }
}

void main();
