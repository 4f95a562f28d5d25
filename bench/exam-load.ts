/**
 * Exam load benchmark: the production server (`node server.js`, its cluster
 * of workers) on 127.0.0.1 with a fresh database, a cohort of learners sitting
 * a timed assessment through the real HTTP routes, in two runs:
 *
 *   (1) steady: N learners press Start within --start-seconds (60) and each
 *       saves 20 answers over --save-seconds (120: ten minutes compressed into
 *       two), then submits -> p50/p95/p99 of start, save and submit; then
 *       64 connections save as fast as they can for --saturation-seconds, and
 *       the same for the trivial form POST of the remix baseline
 *       (../shared/benchmarks/remix-baseline, as its run.sh drives it with
 *       autocannon) -> the save rate as a ratio to it.
 *   (2) crash: the same learners start a one-minute assessment and save every
 *       2 s; mid-run every server process is killed with SIGKILL, kept down
 *       until every deadline and its 60 s grace have passed, and restarted.
 *       Every acknowledged answer must be in the database exactly once, no
 *       deadline may have moved, and every attempt must be finished (by the
 *       deadline) with the answers saved by then.
 *
 *   npx tsx bench/exam-load.ts [PATH/TO/remix-baseline]           # 1,000 learners (≈ 10 min)
 *   npx tsx bench/exam-load.ts --learners 200
 *
 * Last line:
 *   exam-load: save p99 <ms> ms, start p99 <ms> ms, submit p99 <ms> ms, acknowledged <n>, lost <n>, doubled <n>, save rate <x>× baseline
 * Targets (issue 13): save p99 ≤ 250 ms, zero acknowledged answers lost.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { openDatabase, type Database } from "../db/client";
import { users } from "../db/schema";
import { createCohort } from "../app/models/cohort.server";
import { bankQuestions } from "../app/models/assessment-bank.server";
import { createAssessment } from "../app/models/assessment-setup.server";
import { createSession, createSessionCookie } from "../app/models/session.server";
import { percentile } from "./lib/load-runs";
import { BenchScratch, buildAppCopy, buildBaselineCopy, freePort, setUpDatabase, type RunningServer } from "./lib/production-server";

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    learners: { type: "string", default: "1000" },
    "start-seconds": { type: "string", default: "60" },
    "save-seconds": { type: "string", default: "120" },
    "saturation-seconds": { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
  },
});
const baselineDir = resolve(positionals[0] ?? "../shared/benchmarks/remix-baseline");

function positive(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${String(flags[name])})`);
  return value;
}
const LEARNERS = Math.round(positive("learners"));
const START_SECONDS = positive("start-seconds");
const SAVE_SECONDS = positive("save-seconds");
const SATURATION_SECONDS = positive("saturation-seconds");
const SAVES_PER_LEARNER = 20;
const MINUTE = 60_000;
/** The server counts a save up to this long after the deadline (app/assessment). */
const GRACE_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "n/a");
const stats = (times: number[]) => `p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, p99 ${ms(percentile(times, 99))} ms (${times.length})`;

interface Learner {
  id: string;
  cookie: string;
}

async function seed(db: Database, count: number, now: number) {
  await db.$client.execute("PRAGMA synchronous = OFF");
  const passwordHash = await hash("bench-password-not-used", { algorithm: 2 });
  const instructorId = randomUUID();
  await db.insert(users).values({ id: instructorId, email: "instructor@bench.invalid", name: "Bench instructor", role: "instructor", passwordHash, createdAt: now });
  const rows = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), email: `learner${i}@bench.invalid`, name: `Bench learner ${i}`, role: "learner" as const, passwordHash, createdAt: now }));
  for (let i = 0; i < rows.length; i += 200) await db.insert(users).values(rows.slice(i, i + 200));
  const cohort = await createCohort(db, instructorId, "Exam load", now);
  const cookie = createSessionCookie({ secure: true });
  const learners: Learner[] = [];
  for (const row of rows) {
    await db.$client.execute({ sql: "INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)", args: [cohort.id, row.id, now] });
    const { token } = await createSession(db, row.id, now);
    learners.push({ id: row.id, cookie: (await cookie.serialize(token)).split(";")[0]! });
  }
  const lessonIds = (await db.$client.execute("SELECT id FROM lessons WHERE status = 'active'")).rows.map((r) => r.id as string);
  const bank = await bankQuestions(db, lessonIds);
  const lessons = [...new Set(bank.map((q) => q.lessonId))].slice(0, 10);
  const assessment = async (title: string, timeLimitMinutes: number) => {
    const created = await createAssessment(
      db,
      { userId: instructorId, all: false },
      cohort.id,
      {
        title,
        blueprint: lessons.map((lessonId) => ({ lessonId, count: 1 })),
        allowedTypes: ["cloze", "multiple_choice", "true_false", "short_answer", "numeric"],
        shuffleOptions: true,
        opensAt: now - MINUTE,
        closesAt: now + 24 * 60 * MINUTE,
        timeLimitMinutes,
        attemptsAllowed: 1,
        reviewAfterSubmit: "answers",
        reviewAfterClose: "keys",
        passMarkPercent: 50,
      },
      now - 2 * MINUTE,
    );
    if (!created?.ok) throw new Error(`assessment not created: ${JSON.stringify(created)}`);
    return created.assessmentId;
  };
  return { learners, steadyId: await assessment("Exam load: steady", 30), crashId: await assessment("Exam load: crash", 1) };
}

/** One request; its time in ms, or null when the server did not answer (down, reset). */
async function timed(url: string, init: RequestInit): Promise<{ ms: number; response: Response } | null> {
  const t = performance.now();
  try {
    const response = await fetch(url, { ...init, redirect: "manual" });
    await response.arrayBuffer();
    return { ms: performance.now() - t, response };
  } catch {
    return null;
  }
}

interface Ack {
  attemptId: string;
  questionId: string;
  seq: number;
  response: string;
}

class Exam {
  readonly starts: number[] = [];
  readonly saves: number[] = [];
  readonly submits: number[] = [];
  readonly acks: Ack[] = [];
  readonly attempts: string[] = [];
  failures = 0;
  constructor(
    private readonly base: () => string,
    private readonly db: Database,
  ) {}

  async start(learner: Learner, assessmentId: string): Promise<{ attemptId: string; questions: string[] } | null> {
    const r = await timed(`${this.base()}/assessments/${assessmentId}`, {
      method: "POST",
      headers: { Cookie: learner.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=start",
    });
    const location = r?.response.headers.get("location") ?? "";
    const attemptId = location.match(/\/attempts\/([^/?]+)/)?.[1];
    if (!r || !attemptId) return void this.failures++, null;
    this.starts.push(r.ms);
    this.attempts.push(attemptId);
    // The form's question ids, as the attempt page would give them to its script.
    const rows = await this.db.$client.execute({ sql: "SELECT question_id FROM attempt_questions WHERE attempt_id = ? ORDER BY position", args: [attemptId] });
    return { attemptId, questions: rows.rows.map((q) => q.question_id as string) };
  }

  async save(learner: Learner, attemptId: string, questionId: string, seq: number, response: string, record = true): Promise<boolean> {
    const r = await timed(`${this.base()}/attempts/${attemptId}/save`, {
      method: "POST",
      headers: { Cookie: learner.cookie, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ attemptId, questionId, seq, response }),
    });
    if (!r || r.response.status !== 200) return void this.failures++, false;
    if (record) this.saves.push(r.ms);
    this.acks.push({ attemptId, questionId, seq, response });
    return true;
  }

  async submit(learner: Learner, attemptId: string): Promise<void> {
    const r = await timed(`${this.base()}/attempts/${attemptId}?index`, {
      method: "POST",
      headers: { Cookie: learner.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=submit",
    });
    if (!r || r.response.status !== 302) return void this.failures++;
    this.submits.push(r.ms);
  }
}

/** Acknowledged answers absent from the database, and present more than once. */
async function checkAcks(db: Database, acks: Ack[]): Promise<{ lost: number; doubled: number }> {
  let lost = 0;
  let doubled = 0;
  const byAttempt = new Map<string, Ack[]>();
  for (const a of acks) byAttempt.set(a.attemptId, [...(byAttempt.get(a.attemptId) ?? []), a]);
  for (const [attemptId, list] of byAttempt) {
    const rows = await db.$client.execute({ sql: "SELECT question_id, seq, response FROM attempt_answers WHERE attempt_id = ?", args: [attemptId] });
    const count = new Map<string, number>();
    for (const r of rows.rows) {
      const key = `${r.question_id}\u0000${r.seq}\u0000${r.response}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    for (const a of list) {
      const n = count.get(`${a.questionId}\u0000${a.seq}\u0000${a.response}`) ?? 0;
      if (n === 0) lost++;
      if (n > 1) doubled++;
    }
  }
  return { lost, doubled };
}

/** The server's process and its cluster workers. */
function serverProcesses(pid: number): number[] {
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  return [pid, ...children];
}

/** Form POSTs per second of the remix baseline, driven as its run.sh drives it. */
async function baselinePostRate(scratch: BenchScratch, appDir: string, seconds: number): Promise<number> {
  const server = await scratch.start({ cwd: appDir, port: await freePort(), readyText: "baseline ready" });
  try {
    const autocannon = join(process.cwd(), "node_modules/.bin/autocannon");
    const args = ["-j", "-c", "64", "-d", String(seconds), "-m", "POST", "-H", "content-type=application/x-www-form-urlencoded", "-b", "x=1", `http://127.0.0.1:${server.port}/api`];
    const child = spawn(autocannon, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    await new Promise((r) => child.on("exit", r));
    return (JSON.parse(out) as { requests: { average: number } }).requests.average;
  } finally {
    await scratch.stop();
  }
}

async function main() {
  const scratch = new BenchScratch("cairn-exam-load-");
  try {
    let t = performance.now();
    const app = buildAppCopy(join(scratch.dir, "app"));
    const baselineApp = buildBaselineCopy(baselineDir, join(scratch.dir, "baseline"));
    console.log(`built the app and the baseline (${((performance.now() - t) / 1000).toFixed(0)} s); ${setUpDatabase(scratch.databaseUrl)}`);
    const db = await openDatabase({ url: scratch.databaseUrl });
    t = performance.now();
    const { learners, steadyId, crashId } = await seed(db, LEARNERS, Date.now());
    console.log(`seeded ${learners.length} learners in a cohort and two assessments (${((performance.now() - t) / 1000).toFixed(0)} s)`);

    let server: RunningServer = await scratch.start({ cwd: app, port: await freePort() });
    const base = () => `http://127.0.0.1:${server.port}`;

    // ---------------------------------------------------------------- (1) steady
    const steady = new Exam(base, db);
    const begin = performance.now();
    const gap = (SAVE_SECONDS * 1000) / SAVES_PER_LEARNER;
    const open: { learner: Learner; attemptId: string; questions: string[]; seq: number }[] = [];
    await Promise.all(
      learners.map(async (learner, i) => {
        await sleep(begin + (i / learners.length) * START_SECONDS * 1000 - performance.now());
        const attempt = await steady.start(learner, steadyId);
        if (!attempt) return;
        const first = performance.now() + Math.random() * gap;
        let seq = 0;
        for (let k = 0; k < SAVES_PER_LEARNER; k++) {
          await sleep(first + k * gap - performance.now());
          seq++;
          await steady.save(learner, attempt.attemptId, attempt.questions[k % attempt.questions.length]!, seq, `answer ${seq}`);
        }
        open.push({ learner, ...attempt, seq });
      }),
    );
    console.log(`(1) ${learners.length} learners, starts over ${START_SECONDS} s, ${SAVES_PER_LEARNER} saves each over ${SAVE_SECONDS} s:`);
    console.log(`    start ${stats(steady.starts)}`);
    console.log(`    save  ${stats(steady.saves)}`);

    // Saturation: 64 connections saving into the open attempts as fast as the server answers.
    let saturated = 0;
    const until = performance.now() + SATURATION_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 64 }, async (_, c) => {
        for (let k = c; performance.now() < until; k += 64) {
          const a = open[k % open.length]!;
          a.seq++;
          if (await steady.save(a.learner, a.attemptId, a.questions[a.seq % a.questions.length]!, a.seq, `answer ${a.seq}`, false)) saturated++;
        }
      }),
    );
    const saveRate = saturated / SATURATION_SECONDS;
    await Promise.all(open.map((a, i) => sleep((i / open.length) * 10_000).then(() => steady.submit(a.learner, a.attemptId))));
    console.log(`    submit ${stats(steady.submits)}`);
    console.log(`    saturation (64 connections, ${SATURATION_SECONDS} s): ${saveRate.toFixed(0)} saves/s; requests that failed: ${steady.failures}`);
    const steadyCheck = await checkAcks(db, steady.acks);
    const unfinished = (await db.$client.execute({ sql: "SELECT count(*) AS n FROM attempts WHERE assessment_id = ? AND status != 'finished'", args: [steadyId] })).rows[0]!.n;
    console.log(`    acknowledged ${steady.acks.length}, lost ${steadyCheck.lost}, doubled ${steadyCheck.doubled}, attempts not finished ${unfinished}`);
    await scratch.stop();
    const baselineRate = await baselinePostRate(scratch, baselineApp, SATURATION_SECONDS);
    console.log(`    baseline form POST (${baselineDir}, 64 connections, ${SATURATION_SECONDS} s): ${baselineRate.toFixed(0)} req/s`);

    // ---------------------------------------------------------------- (2) crash
    server = await scratch.start({ cwd: app, port: await freePort() });
    const crash = new Exam(base, db);
    const crashBegin = performance.now();
    const killAt = crashBegin + 20_000;
    let down = false;
    const driving = Promise.all(
      learners.map(async (learner, i) => {
        await sleep(crashBegin + (i / learners.length) * 10_000 - performance.now());
        const attempt = await crash.start(learner, crashId);
        if (!attempt) return;
        for (let seq = 1; !down; seq++) {
          await crash.save(learner, attempt.attemptId, attempt.questions[seq % attempt.questions.length]!, seq, `crash ${seq}`);
          await sleep(1_000 + Math.random() * 2_000);
        }
      }),
    );
    await sleep(killAt - performance.now());
    const deadlinesBefore = new Map(
      (await db.$client.execute({ sql: "SELECT id, deadline FROM attempts WHERE assessment_id = ?", args: [crashId] })).rows.map((r) => [r.id as string, Number(r.deadline)]),
    );
    const killed = serverProcesses(server.pid);
    for (const pid of killed) process.kill(pid, "SIGKILL");
    down = true;
    const killedAt = Date.now();
    await driving;
    // Attempts started before the kill and acknowledged by then: their deadlines are what must hold.
    const latest = Math.max(...[...deadlinesBefore.values()]);
    const downMs = Math.max(0, latest + GRACE_MS + 2_000 - Date.now());
    console.log(`(2) killed ${killed.length} server processes (SIGKILL) after ${crash.acks.length} acknowledged saves; down ${(downMs / 1000 + (Date.now() - killedAt) / 1000).toFixed(0)} s, past every deadline and its grace`);
    await sleep(downMs);
    server = await scratch.start({ cwd: app, port: await freePort() });
    // The sweep finishes, at start-up, the attempts that expired while the server was down.
    let rows: { id: string; deadline: number; status: string; finishedBy: string }[] = [];
    for (let i = 0; i < 60; i++) {
      rows = (await db.$client.execute({ sql: "SELECT id, deadline, status, finished_by FROM attempts WHERE assessment_id = ?", args: [crashId] })).rows.map((r) => ({
        id: r.id as string,
        deadline: Number(r.deadline),
        status: r.status as string,
        finishedBy: String(r.finished_by),
      }));
      if (rows.every((r) => r.status === "finished")) break;
      await sleep(1_000);
    }
    const moved = rows.filter((r) => deadlinesBefore.has(r.id) && deadlinesBefore.get(r.id) !== r.deadline).length;
    const notFinished = rows.filter((r) => r.status !== "finished" || r.finishedBy !== "deadline").length;
    const crashCheck = await checkAcks(db, crash.acks);
    // "With the answers saved by then": every acknowledged answer is among the attempt's counted ones.
    const uncounted = (
      await Promise.all(
        crash.acks.map(async (a) => {
          const r = await db.$client.execute({ sql: "SELECT counted FROM attempt_answers WHERE attempt_id = ? AND question_id = ? AND seq = ?", args: [a.attemptId, a.questionId, a.seq] });
          return r.rows.length === 1 && Number(r.rows[0]!.counted) === 1 ? 0 : 1;
        }),
      )
    ).reduce((x: number, y: number) => x + y, 0);
    console.log(
      `    ${rows.length} attempts: deadlines moved ${moved}, not finished by the deadline ${notFinished}; acknowledged ${crash.acks.length}, lost ${crashCheck.lost}, doubled ${crashCheck.doubled}, not counted ${uncounted}`,
    );

    const acknowledged = steady.acks.length + crash.acks.length;
    const lost = steadyCheck.lost + crashCheck.lost;
    const doubled = steadyCheck.doubled + crashCheck.doubled;
    if (moved > 0 || notFinished > 0 || uncounted > 0 || Number(unfinished) > 0) process.exitCode = 1;
    if (lost > 0 || doubled > 0) process.exitCode = 1;
    console.log(
      `exam-load: save p99 ${ms(percentile(steady.saves, 99))} ms, start p99 ${ms(percentile(steady.starts, 99))} ms, submit p99 ${ms(percentile(steady.submits, 99))} ms, acknowledged ${acknowledged}, lost ${lost}, doubled ${doubled}, save rate ${(saveRate / baselineRate).toFixed(2)}× baseline`,
    );
  } finally {
    await scratch.close(flags.keep ?? false);
  }
}

await main();
