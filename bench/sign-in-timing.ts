/**
 * Prints how long a failed sign-in takes for a known email with a wrong
 * password and for an unknown email. They should be close: the unknown email
 * runs a dummy argon2 verify so that timing does not reveal which accounts exist.
 *
 *   npx tsx bench/sign-in-timing.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { migrateDatabase, openDatabase } from "../db/client";
import { createUser, verifyCredentials } from "../app/models/user.server";

const ROUNDS = 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-"));
  const db = await openDatabase({ url: `file:${join(dir, "bench.db")}` });
  try {
    await migrateDatabase(db);
    await createUser(db, { email: "known@example.org", name: "Known", password: "the-right-password", role: "learner" }, Date.now());
    await verifyCredentials(db, "warm@example.org", "warm-up"); // builds the dummy hash once
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let start = performance.now();
      await verifyCredentials(db, "known@example.org", `wrong-password-${i}`);
      known.push(performance.now() - start);
      start = performance.now();
      await verifyCredentials(db, `nobody${i}@example.org`, `wrong-password-${i}`);
      unknown.push(performance.now() - start);
    }
    console.log(`failed sign-in, median of ${ROUNDS}: known email ${median(known).toFixed(1)} ms, unknown email ${median(unknown).toFixed(1)} ms`);
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
