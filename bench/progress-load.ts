/**
 * Progress pages benchmark: how long the Home dashboard and the Statistics
 * figures take to compute for a learner with a long review history. A fresh
 * temp database gets content/ imported and one learner whose history is made
 * by the real review code (simulateDemoHistory) over many days; then
 * getDashboard and getStatistics are timed in-process.
 *
 *   npx tsx bench/progress-load.ts                  # 180 days, 60 cards a day
 *   npx tsx bench/progress-load.ts --days 30 --cards-per-day 20 --runs 20
 *   npx tsx bench/progress-load.ts --keep /tmp/progress.db   # build once, then reuse it
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "../db/client";
import { cards, reviewLogs, users } from "../db/schema";
import { importContentFolder } from "../app/models/content-folder.server";
import { simulateDemoHistory } from "../app/models/demo-history.server";
import { getLearner } from "../app/models/learner.server";
import { getDashboard, getStatistics } from "../app/models/progress.server";
import { createUser } from "../app/models/user.server";

const { values: flags } = parseArgs({
  options: {
    days: { type: "string", default: "180" },
    "cards-per-day": { type: "string", default: "60" },
    runs: { type: "string", default: "30" },
    /** Keep the database at this path, and reuse it when it already exists. */
    keep: { type: "string" },
  },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), "cairn-progress-bench-"));
  const path = flags.keep ?? join(dir, "bench.db");
  const reuse = flags.keep !== undefined && existsSync(flags.keep);
  try {
    const db = await openDatabase({ url: `file:${path}` });
    const days = Number(flags.days);
    const started = performance.now();
    if (!reuse) {
      await migrateDatabase(db);
      const now = Date.now();
      await importContentFolder(db, resolve("content"), now);
      const created = await createUser(db, { email: "bench@example.com", name: "Bench", password: "a long bench password", role: "learner" }, now);
      await simulateDemoHistory(db, created.id, { now, days, cardsPerDay: Number(flags["cards-per-day"]), accuracy: 0.85, seed: "bench" });
    }
    const user = (await db.query.users.findFirst({ where: eq(users.email, "bench@example.com") }))!;
    const [{ n: reviews }] = await db.select({ n: sql<number>`count(*)` }).from(reviewLogs).where(eq(reviewLogs.userId, user.id));
    const [{ n: deck }] = await db.select({ n: sql<number>`count(*)` }).from(cards).where(eq(cards.userId, user.id));
    console.log(`history: ${reuse ? "reused" : `${days} days`}, ${reviews} reviews, ${deck} cards (made in ${Math.round((performance.now() - started) / 1000)} s)`);

    const learner = (await getLearner(db, user.id))!;
    const runs = Number(flags.runs);
    for (const [name, fn] of [
      ["getDashboard", () => getDashboard(db, learner, Date.now())],
      ["getStatistics", () => getStatistics(db, learner, Date.now())],
    ] as const) {
      await fn(); // warm up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      console.log(`${name}: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${runs} runs`);
    }
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
