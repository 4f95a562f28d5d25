/**
 * The review hot path without HTTP: studyNext + answerShowing for one learner
 * on a copy of a database, in process. Prints ms per answer (median of runs)
 * and SQL statements per answer, to see what the model layer costs.
 *   npx tsx bench/review-inproc.ts [DB_FILE] [ANSWERS]
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { users } from "../db/schema";
import { getLearner } from "../app/models/learner.server";
import { answerShowing, studyNext } from "../app/models/review.server";

const source = process.argv[2] ?? "data/cairn.db";
const answers = Number(process.argv[3] ?? 300);
const file = join(mkdtempSync(join(tmpdir(), "cairn-inproc-")), "db.db");
copyFileSync(source, file);
const db = await openDatabase({ url: `file:${file}` });
let statements = 0;
const execute = db.$client.execute.bind(db.$client);
(db.$client as { execute: unknown }).execute = (...args: Parameters<typeof execute>) => {
  statements++;
  return execute(...args);
};
const batch = db.$client.batch.bind(db.$client);
(db.$client as { batch: unknown }).batch = (...args: Parameters<typeof batch>) => {
  statements += args[0].length;
  return batch(...args);
};
const learners = await db.select().from(users).where(eq(users.role, "learner"));
if (learners.length === 0) throw new Error(`${source} has no learners: run npm start (or scripts/setup.ts) first.`);
await db.update(users).set({ newPerDay: 9999, maxReviewsPerDay: 9999 });
const runs: number[] = [];
const cpuRuns: number[] = [];
let now = Date.now();
for (let run = 0; run < 5; run++) {
  const learner = (await getLearner(db, learners[run % learners.length].id))!;
  const before = statements;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let done = 0;
  let next = await studyNext(db, learner, now);
  while (done < answers / 5 && next.card) {
    await answerShowing(db, learner, { showingId: next.card.showingId, response: "x" }, now + 3000);
    next = await studyNext(db, learner, now + 3000);
    now += 4000;
    done++;
  }
  if (done === 0) break;
  runs.push((performance.now() - t0) / done);
  const cpu = process.cpuUsage(cpu0);
  cpuRuns.push((cpu.user + cpu.system) / 1000 / done);
  if (run === 0) console.log(`statements per answer: ${((statements - before) / done).toFixed(1)}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]?.toFixed(2);
console.log(`per answer (answer + next card), median of ${runs.length} runs: ${median(runs)} ms wall, ${median(cpuRuns)} ms CPU`);
