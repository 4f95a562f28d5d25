/**
 * The production server as `npm start` runs it, on a fresh database: build,
 * migrate and import content/ (scripts/setup.ts with NODE_ENV=production, so
 * no demo accounts), then `node server.js` bound to 127.0.0.1. Node is spawned
 * directly (not through npx or npm) so that its PID is the server's.
 *
 * The app is built in a private copy of the project: the shared build/ and
 * public/build/ may be rebuilt by someone else in the middle of a run (which
 * would delete the fingerprinted files the server is handing out), and the
 * benchmark should not replace the build their tests are using either.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project (this file is bench/lib/production-server.ts). */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "node_modules/.bin");
/** What `remix build` and server.js read. */
const APP_FILES = ["app", "db", "remix.config.js", "tsconfig.json", "package.json", "remix.env.d.ts", "server.js"];

function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv, what: string, cwd = ROOT) {
  const result = spawnSync(command, args, { env, cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Copies the app into `dir` and builds it there; returns `dir`, the server's working directory. */
export function buildAppCopy(dir: string): string {
  mkdirSync(join(dir, "public"), { recursive: true });
  for (const name of APP_FILES) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  for (const name of readdirSync(join(ROOT, "public"))) {
    if (name !== "build") cpSync(join(ROOT, "public", name), join(dir, "public", name), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  runOrThrow(join(BIN, "remix"), ["build"], { ...process.env, NODE_ENV: "production" }, "remix build", dir);
  return dir;
}

/**
 * Copies the framework's baseline app (/work/shared/benchmarks/remix-baseline:
 * the smallest Remix app, as its run.sh builds it) into `dir` and builds it
 * there with this project's node_modules; returns `dir`, for startServer.
 */
export function buildBaselineCopy(baselineDir: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ["app", "remix.config.js", "package.json", "server.js"]) cpSync(join(baselineDir, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  runOrThrow(join(BIN, "remix"), ["build"], { ...process.env, NODE_ENV: "production" }, "remix build (baseline)", dir);
  return dir;
}

/** Migrates `databaseUrl` and imports content/ into it; returns setup's own summary line. */
export function setUpDatabase(databaseUrl: string): string {
  const out = runOrThrow(
    join(BIN, "tsx"),
    ["scripts/setup.ts"],
    { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl },
    "scripts/setup.ts",
  );
  return out.trim().split("\n").filter((line) => line.startsWith("Imported") || line.startsWith("Content")).join(" ");
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The process's children, from the parent pid in every process's stat. */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(Number(entry))[1]) === pid) children.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return children;
}

/**
 * CPU time (user + system) in ms used so far by the process and its live
 * descendants (the cluster's workers when WEB_CONCURRENCY > 1); NaN without /proc.
 */
export function processCpuMs(pid: number): number {
  try {
    const fields = statFields(pid);
    let ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    for (const child of childPids(pid)) {
      const childMs = processCpuMs(child);
      if (Number.isFinite(childMs)) ms += childMs;
    }
    return ms;
  } catch {
    return Number.NaN;
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

export interface RunningServer {
  port: number;
  pid: number;
  /** CPU time (user + system) the server and its workers have used so far, in ms; NaN where /proc is missing. */
  cpuMs(): number;
  /** HTTP processes serving: the cluster's workers, or 1 for a single process. */
  workers(): number;
  /** SIGTERM, then waits for the exit (which is when a CPU profile is written). */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The built app's directory (see buildAppCopy). */
  cwd: string;
  databaseUrl: string;
  port: number;
  /** Directory for a V8 CPU profile of the server, written when it stops. */
  cpuProfileDir?: string;
  /** What the server prints once it listens: Cairn's server.js by default. */
  readyText?: string;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const readyText = options.readyText ?? "is serving on";
  const args = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`, "server.js"] : ["server.js"];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.REMIX_DEV_ORIGIN; // set, it would switch server.js to development error messages
  // A profile is of one process: profile a single server, not a cluster of them.
  if (options.cpuProfileDir) env.WEB_CONCURRENCY = "1";
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit");

  const deadline = Date.now() + 20_000;
  while (!output.includes(readyText)) {
    if (child.exitCode !== null) throw new Error(`server.js exited (${child.exitCode}) before listening:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server.js did not start within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    port: options.port,
    pid,
    cpuMs: () => processCpuMs(pid),
    workers: () => childPids(pid).length || 1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, "SIGTERM");
      const timer = setTimeout(() => child.exitCode === null && process.kill(pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A benchmark's scratch folder (the app's build, its database `bench.db`) and
 * the one server it runs at a time, which is stopped on Ctrl-C and by close().
 */
export class BenchScratch {
  readonly dir: string;
  readonly databaseUrl: string;
  private server: RunningServer | undefined;

  constructor(prefix: string) {
    this.dir = mkdtempSync(join(os.tmpdir(), prefix));
    this.databaseUrl = `file:${join(this.dir, "bench.db")}`;
    process.once("SIGINT", () => void this.stop().finally(() => process.exit(130)));
  }

  /** Stops the running server, if any, and starts another (on the scratch database unless told otherwise). */
  async start(options: Omit<ServerOptions, "databaseUrl"> & { databaseUrl?: string }): Promise<RunningServer> {
    await this.stop();
    this.server = await startServer({ databaseUrl: this.databaseUrl, ...options });
    return this.server;
  }

  async stop(): Promise<void> {
    const running = this.server;
    this.server = undefined;
    await running?.stop();
  }

  /** Stops the server and removes the folder, unless `keep` (then says where it is, on stderr). */
  async close(keep: boolean): Promise<void> {
    await this.stop();
    if (keep) console.error(`kept ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}
