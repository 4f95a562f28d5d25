/**
 * Writes a simulated review log (CSV, the shape fsrs-rs reads) for the FSRS
 * evaluation bench:  npx tsx scripts/simulate-review-log.ts OUT.csv [--days N]
 * [--new-per-day N] [--seed S] [--retention R]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { writeReviewLogCsv } from "../bench/review-log-csv";
import { simulateReviewLog } from "../bench/simulate-review-log";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    days: { type: "string", default: "120" },
    "new-per-day": { type: "string", default: "20" },
    seed: { type: "string", default: "1" },
    retention: { type: "string", default: "0.9" },
  },
});
const out = positionals[0];
if (!out) {
  console.error("Usage: npx tsx scripts/simulate-review-log.ts OUT.csv [--days 120] [--new-per-day 20] [--seed 1] [--retention 0.9]");
  process.exit(2);
}
const rows = simulateReviewLog({
  seed: values.seed!,
  days: Number(values.days),
  newPerDay: Number(values["new-per-day"]),
  desiredRetention: Number(values.retention),
});
writeFileSync(out, writeReviewLogCsv(rows));
console.log(`${rows.length} reviews of ${new Set(rows.map((r) => r.cardId)).size} cards over ${values.days} days -> ${out}`);
