/**
 * Review load benchmark: the production server on 127.0.0.1 with a fresh
 * database, learners driven through the real HTTP routes (load the card,
 * answer, sometimes re-rate or repeat the answer), in two timed runs:
 *
 *   (a) saturation: 64 connections, no think time -> answers per second
 *   (b) cohort: 1,000 learners answering about every 3 s, open loop -> p50/p95/p99
 *
 * After each run every acknowledged review must be in the database exactly
 * once. Also reports the JavaScript a phone downloads for /review (gzip).
 *
 *   npx tsx bench/review-load.ts                      # the spec's run (≈ 2 min)
 *   npx tsx bench/review-load.ts --learners 100 --saturation-seconds 5 --cohort-seconds 10
 *   npx tsx bench/review-load.ts --profile            # + server CPU profile and SQL per answer
 *
 * Targets on the 2-core machine (load generator included): (a) ≥ 800
 * answers/s, (b) p99 ≤ 100 ms, zero lost or doubled reviews, ≤ 120 KB of JS.
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "../db/client";
import { seededRandom } from "../app/learning/random";
import { manifestModules, measureClientJs, type ClientJsReport } from "./lib/client-js";
import { summarizeCpuProfile } from "./lib/cpu-profile";
import { checkIntegrity, type IntegrityReport } from "./lib/integrity";
import { Ledger, refresh, type Behaviour, type LearnerState, type Sample } from "./lib/learner-driver";
import { answerKey, seedLearners, type BenchLearner } from "./lib/learners";
import { cohort, percentile, saturation, type RunStats } from "./lib/load-runs";
import { BenchScratch, buildAppCopy, freePort, setUpDatabase } from "./lib/production-server";
import { profileAnswerQueries } from "./lib/query-profile";
import { ReviewClient } from "./lib/review-client";

const { values: flags } = parseArgs({
  options: {
    learners: { type: "string", default: "1000" },
    connections: { type: "string", default: "64" },
    "warmup-seconds": { type: "string", default: "3" },
    "saturation-seconds": { type: "string", default: "20" },
    "cohort-seconds": { type: "string", default: "60" },
    "interval-seconds": { type: "string", default: "3" },
    "drain-seconds": { type: "string", default: "10" },
    "cards-per-learner": { type: "string", default: "150" },
    seed: { type: "string", default: "review-load" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

function positiveNumber(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${String(flags[name])})`);
  return value;
}

const TARGETS = { answersPerSecond: 800, p99Ms: 100, clientJsKb: 120 };
/** The learners' habits: right 70% of the time, re-rate 10% of answers, send 2% twice (a double tap). */
const HABITS = { rightRate: 0.7, rerateRate: 0.1, repeatRate: 0.02 };

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : "–");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function latencyLines(stats: RunStats): string[] {
  const lines: string[] = [];
  for (const [kind, values] of Object.entries(stats.byKind)) {
    if (values.length === 0) continue;
    lines.push(
      `    ${kind.padEnd(7)} n=${String(values.length).padStart(6)}  p50 ${fmt(percentile(values, 50)).padStart(9)}  ` +
        `p95 ${fmt(percentile(values, 95)).padStart(9)}  p99 ${fmt(percentile(values, 99)).padStart(9)}  max ${fmt(Math.max(...values)).padStart(9)}`,
    );
  }
  return lines;
}

/** Server CPU per request: robust to other load on the machine, unlike throughput. */
function cpuLine(stats: RunStats): string {
  const perRequest = stats.serverCpuMs / Math.max(1, stats.requests);
  const perAnswer = stats.serverCpuMs / Math.max(1, stats.answers);
  return (
    `    server CPU ${(stats.serverCpuMs / 1000).toFixed(1)} s = ${perRequest.toFixed(2)} ms/request, ${perAnswer.toFixed(2)} ms/answer ` +
    `(one core: ≈ ${(1000 / perAnswer).toFixed(0)} answers/s); load generator CPU ${(stats.clientCpuMs / 1000).toFixed(1)} s`
  );
}

function failureLines(stats: RunStats): string[] {
  if (stats.failures.size === 0) return ["    failures: none"];
  return [...stats.failures].map(([label, n]) => `    failure ×${n}: ${label}`);
}

function integrityLine(report: IntegrityReport) {
  return (
    `lost: ${report.lost}, doubled: ${report.doubled}  (acknowledged ${report.acknowledged}; ` +
    `rating differs: ${report.wrongRating}; applied but unacknowledged: ${report.unacknowledged})`
  );
}

async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url });
  try {
    return await work(db);
  } finally {
    db.$client.close();
  }
}

async function main() {
  const learnerCount = positiveNumber("learners");
  const connections = positiveNumber("connections");
  // Seeded, so two runs make the same choices.
  const random = seededRandom(String(flags.seed));
  const loadAtStart = os.loadavg()[0];
  const scratch = new BenchScratch("cairn-review-load-");
  const { dir, databaseUrl } = scratch;

  try {
    let t = performance.now();
    const appDir = buildAppCopy(join(dir, "app"));
    console.log(`built the app in ${appDir} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    t = performance.now();
    console.log(setUpDatabase(databaseUrl));
    console.log(`database ready (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    t = performance.now();
    const { learners, key } = await withDatabase(databaseUrl, async (db) => ({
      learners: await seedLearners(db, { count: learnerCount, cardsPerLearner: positiveNumber("cards-per-learner"), now: Date.now() }),
      key: await answerKey(db),
    }));
    const cards = learners.map((l) => l.cards);
    console.log(
      `${learners.length} learners with ${Math.min(...cards)}–${Math.max(...cards)} cards each ` +
        `(${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );

    const profileDir = flags.profile ? join(dir, "profile") : undefined;
    const server = await scratch.start({ cwd: appDir, port: await freePort(), cpuProfileDir: profileDir });
    console.log(`server.js pid ${server.pid} on http://127.0.0.1:${server.port}`);
    const serverWorkers = server.workers();

    // ------------------------------------------------------- client JavaScript
    const pageClient = new ReviewClient("127.0.0.1", server.port, 1);
    const page = await pageClient.page("/review", learners[0].cookie);
    if (page.status !== 200) throw new Error(`GET /review as a learner: HTTP ${page.status}`);
    const clientJs: ClientJsReport = await measureClientJs(
      page.html,
      (path) => pageClient.asset(path),
      manifestModules(join(appDir, "public/build"), ["routes/review"]),
    );
    pageClient.close();

    const behaviour: Behaviour = { ...HABITS, random };
    const ledger = new Ledger();
    const learnerIds = new Set(learners.map((l) => l.id));
    const states: LearnerState[] = learners.map((learner: BenchLearner) => ({ learner, card: null, cardAt: 0, done: false }));

    // -------------------------------------------------------- (a) saturation
    const closedLoop = new ReviewClient("127.0.0.1", server.port, connections);
    const pageLoads: number[] = [];
    const noteLoad = (s: Sample) => s.status === 200 && pageLoads.push(s.end - s.start);
    for (let i = 0; i < states.length; i += connections) {
      await Promise.all(states.slice(i, i + connections).map((state) => refresh(closedLoop, state, noteLoad)));
    }
    console.log(`(a) saturation: ${connections} connections, ${flags["warmup-seconds"]} s warm-up + ${flags["saturation-seconds"]} s …`);
    const saturated = await saturation(
      { client: closedLoop, serverCpuMs: server.cpuMs, states, key, behaviour, ledger },
      { connections, warmupSeconds: positiveNumber("warmup-seconds"), seconds: positiveNumber("saturation-seconds") },
    );
    closedLoop.close();
    const afterSaturation = await withDatabase(databaseUrl, (db) => checkIntegrity(db, ledger, learnerIds));
    console.log(`    ${(saturated.answers / saturated.seconds).toFixed(0)} answers/s; ${integrityLine(afterSaturation)}`);

    // ------------------------------------------------------------ (b) cohort
    const openLoop = new ReviewClient("127.0.0.1", server.port, learnerCount);
    const interval = positiveNumber("interval-seconds");
    console.log(`(b) cohort: ${learnerCount} learners, one answer about every ${interval} s, ${flags["cohort-seconds"]} s …`);
    const cohortStats = await cohort(
      { client: openLoop, serverCpuMs: server.cpuMs, states, key, behaviour, ledger },
      { seconds: positiveNumber("cohort-seconds"), intervalSeconds: interval, drainSeconds: positiveNumber("drain-seconds") },
    );
    openLoop.close();
    const afterCohort = await withDatabase(databaseUrl, (db) => checkIntegrity(db, ledger, learnerIds));
    const cohortAnswers = cohortStats.byKind.answer;
    console.log(`    answer p99 ${fmt(percentile(cohortAnswers, 99))}; ${integrityLine(afterCohort)}`);

    await scratch.stop();

    // ------------------------------------------------------------- profiles
    const profileLines: string[] = [];
    if (profileDir) {
      const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
      if (file) {
        const requests = saturated.requests + cohortStats.requests;
        const summary = summarizeCpuProfile(join(profileDir, file), [
          "answerShowing", "rateShowing", "studyNext", "reviewQueue", "dayCounts", "buildReviewQueue", "showCard",
          "requireUser", "getSessionUser", "getLearner", "scheduleReview", "renderToPipeableStream", "encode",
          "compression", "helmet", "handleDataRequest", "singleFetchAction", "execute", "transaction",
        ]);
        const perRequest = (ms: number) => `${((ms * 1000) / Math.max(1, requests)).toFixed(0)} µs/request`;
        profileLines.push(
          `server CPU profile (${file}; busy ${(summary.busyMs / 1000).toFixed(1)} s over ≈ ${requests} measured requests, ${perRequest(summary.busyMs)}):`,
          "  self time by package:",
          ...summary.selfByPackage.slice(0, 12).map((e) => `    ${e.ms.toFixed(0).padStart(7)} ms  ${perRequest(e.ms).padStart(16)}  ${e.name}`),
          "  self time by function:",
          ...summary.selfByFunction.slice(0, 20).map((e) => `    ${e.ms.toFixed(0).padStart(7)} ms  ${perRequest(e.ms).padStart(16)}  ${e.name}`),
          "  inclusive (synchronous part per resumption for async functions):",
          ...summary.inclusive.filter((e) => e.ms > 0).map((e) => `    ${e.ms.toFixed(0).padStart(7)} ms  ${perRequest(e.ms).padStart(16)}  ${e.name}`),
        );
      }
      const queries = await withDatabase(databaseUrl, (db) =>
        profileAnswerQueries(db, learners.slice(0, 40), key, 10),
      );
      profileLines.push(
        `SQL behind one answer request, in-process (${queries.answers} answers on the benchmarked database): ` +
          `${queries.msPerAnswer.toFixed(2)} ms per answer (CPU ${queries.cpuMsPerAnswer.toFixed(2)} ms), ` +
          `${queries.statementsPerAnswer.toFixed(1)} statements, ${queries.sqlMsPerAnswer.toFixed(2)} ms of it waiting on execute()`,
        ...queries.statements.slice(0, 25).map(
          (s) =>
            `  ${(s.ms / queries.answers).toFixed(3).padStart(7)} ms  ×${(s.count / queries.answers).toFixed(2).padStart(5)}  ${s.sql.slice(0, 150)}`,
        ),
      );
    }

    // -------------------------------------------------------------- summary
    const answersPerSecond = saturated.answers / saturated.seconds;
    const cohortP99 = percentile(cohortAnswers, 99);
    const allCohort = Object.values(cohortStats.byKind).flat();
    const lostOrDoubled = afterCohort.lost + afterCohort.doubled + afterSaturation.lost + afterSaturation.doubled;
    const cpu = os.cpus();
    const check = (ok: boolean) => (ok ? "ok" : "MISSED");
    console.log(
      [
        "",
        "==================== review load ====================",
        `load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}` +
          (loadAtStart > 0.5 ? "  (other work on the machine: throughput and latency are pessimistic)" : ""),
        `machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`,
        `server: production build, ${serverWorkers} HTTP process${serverWorkers === 1 ? "" : "es"} (WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY ?? "unset: the production default, one per core"})`,
        `learners: ${learners.length}, cards each ${Math.min(...cards)}–${Math.max(...cards)}; habits: right ${HABITS.rightRate * 100}%, ` +
          `re-rate ${HABITS.rerateRate * 100}%, repeat ${HABITS.repeatRate * 100}%; achieved right ${((100 * ledger.right) / Math.max(1, ledger.right + ledger.wrong)).toFixed(0)}%`,
        `page data loads before (a): n=${pageLoads.length}, p50 ${fmt(percentile(pageLoads, 50))}, p99 ${fmt(percentile(pageLoads, 99))}`,
        "",
        `(a) saturation, ${connections} connections, ${saturated.seconds} s after ${flags["warmup-seconds"]} s warm-up:`,
        `    ${answersPerSecond.toFixed(0)} answers/s  (target ≥ ${TARGETS.answersPerSecond}: ${check(answersPerSecond >= TARGETS.answersPerSecond)}); ` +
          `${(saturated.requests / saturated.seconds).toFixed(0)} requests/s`,
        ...latencyLines(saturated),
        cpuLine(saturated),
        ...failureLines(saturated),
        `    integrity: ${integrityLine(afterSaturation)}`,
        "",
        `(b) cohort, ${learners.length} learners × one answer per ≈ ${interval} s, ${cohortStats.seconds} s, latency from the scheduled send:`,
        `    answers: ${cohortStats.answers} (${(cohortStats.answers / cohortStats.seconds).toFixed(0)}/s); ` +
          `answer p50 ${fmt(percentile(cohortAnswers, 50))}, p95 ${fmt(percentile(cohortAnswers, 95))}, p99 ${fmt(cohortP99)} ` +
          `(target ≤ ${TARGETS.p99Ms} ms: ${check(cohortP99 <= TARGETS.p99Ms)}); all requests p99 ${fmt(percentile(allCohort, 99))}`,
        ...latencyLines(cohortStats),
        cpuLine(cohortStats),
        ...failureLines(cohortStats),
        `    integrity: ${integrityLine(afterCohort)}`,
        ...(cohortStats.unsent
          ? [`    ${cohortStats.unsent} answers due were never sent by the deadline (${flags["drain-seconds"]} s after the end): counted at their wait so far, a lower bound`]
          : []),
        `    learners whose queue ran dry: ${cohortStats.learnersDone}; answers shown again after acknowledgement: ${ledger.unexpectedReplays}; ` +
          `first acknowledgements that were replays of an unanswered request: ${ledger.replayedAfterFailure}; repeats applied twice: ${ledger.badRepeats}`,
        "",
        `reviews: lost + doubled over both runs = ${lostOrDoubled} (target 0: ${check(lostOrDoubled === 0 && ledger.badRepeats === 0 && ledger.unexpectedReplays === 0)})`,
        "",
        `JavaScript for /review (gzip -9): ${kb(clientJs.totalGzipBytes)} in ${clientJs.files.length} files ` +
          `(target ≤ ${TARGETS.clientJsKb} KB: ${check(clientJs.totalGzipBytes / 1024 <= TARGETS.clientJsKb)}); inline scripts in the HTML ${kb(clientJs.inlineScriptGzipBytes)}`,
        ...clientJs.files.map((f) => `    ${kb(f.gzipBytes).padStart(9)}  (${kb(f.bytes).padStart(9)} raw)  ${f.path}`),
        clientJs.missingFromHtml.length ? `    manifest modules the HTML does not load: ${clientJs.missingFromHtml.join(", ")}` : "    (matches the build manifest's entry, root and routes/review imports)",
        ...(profileLines.length ? ["", ...profileLines] : []),
        "=====================================================",
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
