/**
 * Cohort dashboard benchmark: the production server on 127.0.0.1 with a fresh
 * database (content/ imported as `npm start`'s setup does), one instructor and
 * a cohort of learners with five assigned modules and weeks of simulated study
 * (bench/lib/cohort-history.ts says how the history is made), then, signed in
 * as the instructor:
 *
 *   - the dashboard page, GET /cohorts/$id (the whole server-rendered
 *     document: its first page of learners, the riskiest first, every
 *     learner's cells worked out to order them), timed sequentially after
 *     warm-ups: p50 and p95;
 *   - the CSV export, GET /cohorts/$id/export.csv: median;
 *   - the framework's ceiling in the same run: the remix baseline's SSR page
 *     (../shared/benchmarks/remix-baseline), built and served as its run.sh
 *     does, timed the same way (run.sh itself reports throughput, not latency).
 *
 *   npx tsx bench/dashboard.ts                                   # ≈ 1–2 min
 *   npx tsx bench/dashboard.ts --learners 100 --requests 10
 *   npx tsx bench/dashboard.ts PATH/TO/remix-baseline
 *
 * The last line is the summary:
 *   dashboard: p50 <ms> ms, p95 <ms> ms for <n> learners, CSV <ms> ms, baseline SSR page <ms> ms
 */
import os from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { seedCohortHistory } from "./lib/cohort-history";
import { percentile } from "./lib/load-runs";
import { BenchScratch, buildAppCopy, buildBaselineCopy, freePort, setUpDatabase } from "./lib/production-server";

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    learners: { type: "string", default: "500" },
    weeks: { type: "string", default: "5" },
    "cards-per-session": { type: "string", default: "40" },
    warmups: { type: "string", default: "3" },
    requests: { type: "string", default: "30" },
    "csv-requests": { type: "string", default: "5" },
    seed: { type: "string", default: "dashboard" },
    keep: { type: "boolean", default: false },
  },
});

function positiveInteger(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number (got ${String(flags[name])})`);
  return value;
}

const ASSIGNED_MODULES = 5;
const baselineDir = resolve(positionals[0] ?? "../shared/benchmarks/remix-baseline");
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const ms = (value: number) => value.toFixed(1);

/** One GET, body read to the end: the time until the whole response has arrived, in ms. */
async function timedGet(url: string, cookie?: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
}

/** `warmups` untimed then `count` timed GETs, one after another; throws on anything but 200. */
async function sequentialGets(url: string, options: { warmups: number; count: number; cookie?: string }) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < options.warmups + options.count; i++) {
    const got = await timedGet(url, options.cookie);
    if (got.status !== 200) throw new Error(`GET ${url}: HTTP ${got.status}`);
    bytes = got.bytes;
    if (i >= options.warmups) times.push(got.ms);
  }
  return { times, bytes };
}

function stats(times: number[]) {
  return `p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, min ${ms(Math.min(...times))} ms, max ${ms(Math.max(...times))} ms`;
}

async function main() {
  const learners = positiveInteger("learners");
  const warmups = positiveInteger("warmups");
  const requests = positiveInteger("requests");
  const csvRequests = positiveInteger("csv-requests");
  const scratch = new BenchScratch("cairn-dashboard-");
  const { dir, databaseUrl } = scratch;

  try {
    let t = performance.now();
    const appDir = buildAppCopy(join(dir, "app"));
    const baselineApp = buildBaselineCopy(baselineDir, join(dir, "baseline"));
    console.log(`built the app and the baseline (${seconds(t)})`);
    t = performance.now();
    console.log(setUpDatabase(databaseUrl));
    console.log(`database ready (${seconds(t)})`);

    t = performance.now();
    const db = await openDatabase({ url: databaseUrl });
    const seeded = await seedCohortHistory(db, {
      learners,
      modules: ASSIGNED_MODULES,
      weeks: positiveInteger("weeks"),
      cardsPerSession: positiveInteger("cards-per-session"),
      seed: String(flags.seed),
      now: Date.now(),
    }).finally(() => db.$client.close());
    console.log(
      `cohort of ${seeded.learners} learners, ${ASSIGNED_MODULES} modules assigned: ${seeded.lessonsStarted} lessons started, ` +
        `${seeded.cards} cards, ${seeded.reviews} reviews over ${flags.weeks} weeks (${seconds(t)})`,
    );

    // ------------------------------------------------------------ Cairn
    let server = await scratch.start({ cwd: appDir, port: await freePort() });
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = seeded.instructorCookie;
    const page = await sequentialGets(`${base}/cohorts/${seeded.cohortId}`, { warmups, count: requests, cookie });
    const csv = await sequentialGets(`${base}/cohorts/${seeded.cohortId}/export.csv`, { warmups: 1, count: csvRequests, cookie });

    // --------------------------------------------------------- baseline
    server = await scratch.start({ cwd: baselineApp, port: await freePort(), readyText: "baseline ready" });
    const baseline = await sequentialGets(`http://127.0.0.1:${server.port}/`, { warmups, count: requests });
    await scratch.stop();

    const cpu = os.cpus();
    console.log(
      [
        "",
        `machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, node ${process.version}; load average (1 min) ${os.loadavg()[0].toFixed(2)}`,
        `dashboard page, ${requests} sequential GETs after ${warmups} warm-ups (${(page.bytes / 1024).toFixed(0)} KB HTML): ${stats(page.times)}`,
        `CSV export, ${csvRequests} GETs after 1 warm-up (${(csv.bytes / 1024).toFixed(0)} KB): median ${ms(percentile(csv.times, 50))} ms`,
        `baseline SSR page (${baselineDir}), ${requests} sequential GETs after ${warmups} warm-ups: ${stats(baseline.times)}`,
        `dashboard: p50 ${ms(percentile(page.times, 50))} ms, p95 ${ms(percentile(page.times, 95))} ms for ${seeded.learners} learners, ` +
          `CSV ${ms(percentile(csv.times, 50))} ms, baseline SSR page ${ms(percentile(baseline.times, 50))} ms`,
      ].join("\n"),
    );
  } finally {
    await scratch.close(flags.keep);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
