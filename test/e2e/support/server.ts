/**
 * The real production server for browser tests: `node server.js` on
 * 127.0.0.1, a free port, and a database of its own, serving a copy of the
 * production build taken when the test file starts.
 *
 * Each test file gets a fresh copy of one template database that the real
 * setup (`scripts/setup.ts`: migrate, import content/, seed demo learners with
 * review history) wrote once per vitest run. The setup takes tens of seconds,
 * so the first test file to ask for it runs it under a directory lock and the
 * others wait for it; a failure is recorded, so the others fail at once with
 * the same message rather than timing out.
 *
 * "Once per run" is keyed by the vitest process, which is the parent of every
 * forked test worker (pool: forks). Templates of runs that have ended are
 * removed by the next run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "../../../db/client";
import { requireChromium } from "./browser";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/$/, "");
const RUN_PREFIX = "cairn-e2e-run-";
const SETUP_TIMEOUT_MS = 110_000;
const START_TIMEOUT_MS = 20_000;
/** A template older than this belongs to some other run, whatever its key says. */
const TEMPLATE_MAX_AGE_MS = 60 * 60 * 1000;

/** Demo accounts created by the setup outside production (app/models/demo.server.ts). */
export const DEMO_PASSWORD = "cairn-demo-password";
export const DEMO_LEARNERS = ["ada@demo.cairn.test", "ben@demo.cairn.test", "chloe@demo.cairn.test"] as const;

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  databaseUrl: string;
  /** A connection of the test's own to the server's database, for checks a page cannot show. */
  db: Database;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs a command to completion, with its output kept for the error message. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, "SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function removeEndedRuns() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    const pid = Number(name.slice(RUN_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.ppid && !processAlive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** Path of this run's template database, running the real setup if no one has yet. */
async function templateDatabase(): Promise<string> {
  const runDir = join(tmpdir(), `${RUN_PREFIX}${process.ppid}`);
  const template = join(runDir, "template.db");
  const ready = join(runDir, "ready");
  const failed = join(runDir, "failed");
  const lock = join(runDir, "lock");
  mkdirSync(runDir, { recursive: true });

  if (existsSync(ready) && Date.now() - statSync(ready).mtimeMs > TEMPLATE_MAX_AGE_MS) {
    rmSync(ready);
    rmSync(lock, { recursive: true, force: true });
  }
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Someone else is writing (or wrote) the template.
  }
  if (owner) {
    removeEndedRuns();
    rmSync(failed, { force: true });
    try {
      await run(
        join(ROOT, "node_modules/.bin/tsx"),
        ["scripts/setup.ts"],
        { ...process.env, NODE_ENV: "test", DATABASE_URL: `file:${template}` },
        SETUP_TIMEOUT_MS,
      );
      writeFileSync(ready, String(Date.now()));
    } catch (error) {
      writeFileSync(failed, (error as Error).message);
      rmSync(lock, { recursive: true, force: true });
      throw error;
    }
    return template;
  }
  const deadline = Date.now() + SETUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(ready)) return template;
    if (existsSync(failed)) throw new Error(`The database setup failed in another test file:\n${readFileSync(failed, "utf8")}`);
    await sleep(200);
  }
  throw new Error(`Timed out waiting for the database setup (lock ${lock}).`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePromise(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`node server.js exited before serving (${child.signalCode ?? `exit ${child.exitCode}`}):\n${log()}`);
    }
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`node server.js did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

/** Asset paths the server build links to that the client build lacks (a build in progress). */
function missingAssets(appDir: string): string[] {
  const serverBuild = readFileSync(join(appDir, "build/index.js"), "utf8");
  const assets = new Set(serverBuild.match(/"\/build\/[^"]+\.(?:js|css)"/g)?.map((a) => a.slice(1, -1)) ?? []);
  return [...assets].filter((asset) => !existsSync(join(appDir, "public", asset)));
}

/**
 * A private copy of the built app (server.js, build/, public/, with
 * node_modules and app/ linked), so that someone running `remix build` in the
 * checkout during the tests cannot swap the assets under a running server.
 */
async function snapshotApp(dir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (!existsSync(join(ROOT, "build/index.js")) || !existsSync(join(ROOT, "public/build"))) {
      throw new Error("No production build: run `npx remix build` (npm test does) before the browser tests.");
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of ["server.js", "package.json"]) copyFileSync(join(ROOT, file), join(dir, file));
    cpSync(join(ROOT, "build"), join(dir, "build"), { recursive: true });
    cpSync(join(ROOT, "public"), join(dir, "public"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    // Uploads are prepared by a worker that runs app/models/draft-worker.server.ts through tsx (see
    // app/models/draft-job.server.ts): the server finds the source beside build/, as `npm start` has it.
    symlinkSync(join(ROOT, "app"), join(dir, "app"), "dir");
    const missing = missingAssets(dir);
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`The build is incomplete: build/index.js links to ${missing.join(", ")}, missing from public/.`);
    }
    await sleep(500);
  }
}

/**
 * Starts `node server.js` on a copy of this run's template database.
 * NODE_ENV=test: cookies without Secure and no upgrade-insecure-requests, as
 * the browser talks plain HTTP to 127.0.0.1.
 */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-server-"));
  const appDir = join(dir, "app");
  await snapshotApp(appDir);
  const template = await templateDatabase();
  const file = join(dir, "cairn.db");
  copyFileSync(template, file);
  const databaseUrl = `file:${file}`;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: "test", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const log = () => output;

  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, "SIGTERM");
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, "SIGKILL");
    }
  };
  try {
    await waitUntilServing(url, child, log);
  } catch (error) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const db = await openDatabase({ url: databaseUrl });
  return {
    url,
    databaseUrl,
    db,
    log,
    async stop() {
      db.$client.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One server for the calling test file: started before its tests (after
 * checking Chromium is there), stopped after them. Call at the top level.
 */
export function serverForThisFile(prepare?: (server: RunningServer) => Promise<void>): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    requireChromium();
    server = await startServer();
    await prepare?.(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("The server did not start (see the error in beforeAll).");
    return server;
  };
}
