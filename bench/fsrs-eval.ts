/**
 * Replays a review log and reports how well FSRS-6 predicts it, with the
 * default parameters and with parameters optimised (fsrs-rs) on earlier
 * reviews, as open-spaced-repetition/srs-benchmark measures it: log loss and
 * RMSE(bins) over the test folds of a 5-fold time-series split.
 *
 *   npx tsx bench/fsrs-eval.ts FILE.csv [--timezone UTC] [--next-day-hour 4] [--splits 5]
 *
 * FILE.csv: header card_id,review_time,review_rating (ms since the epoch,
 * ratings 1–4); other columns are ignored.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isValidTimeZone } from "../app/learning/day";
import { evaluableReviews, evaluateWithSplits, type DayClock, type SplitEvaluation } from "../app/learning/memory-model";
import { fitWeights } from "../app/learning/optimize";
import type { LoggedReview } from "../app/learning/memory-model";
import { readReviewLogCsv, ReviewLogCsvError } from "./review-log-csv";

export interface EvalReport extends SplitEvaluation {
  reviews: number;
  cards: number;
  evaluable: number;
  clock: DayClock;
}

/** Evaluates default and fold-optimised FSRS-6 weights on a log. */
export async function evaluateReviewLog(
  log: readonly LoggedReview[],
  clock: DayClock,
  splits = 5,
): Promise<EvalReport> {
  const reviews = evaluableReviews(log, clock);
  const result = await evaluateWithSplits(reviews, (train) => fitWeights(train), splits);
  return { ...result, reviews: log.length, cards: new Set(log.map((r) => r.cardId)).size, evaluable: reviews.length, clock };
}

export function formatReport(report: EvalReport, seconds: number): string {
  const row = (name: string, m: { logLoss: number; rmseBins: number }) =>
    `| ${name.padEnd(22)} | ${m.logLoss.toFixed(4)}  | ${m.rmseBins.toFixed(4)}     |`;
  return [
    `${report.reviews} reviews of ${report.cards} cards; ${report.evaluable} long-term reviews evaluated`,
    `days start at ${report.clock.nextDayHour}:00 ${report.clock.timeZone}; same-day reviews kept in histories, not predicted`,
    `(srs-benchmark rules); ${report.foldWeights.length}-fold time-series split, metrics over all ${report.defaults.reviews} test reviews`,
    "",
    "| parameters             | LogLoss | RMSE(bins) |",
    "| ---------------------- | ------- | ---------- |",
    row("FSRS-6 default", report.defaults),
    row("FSRS-6 optimised/fold", report.optimised),
    "",
    `optimised weights (last fold): ${report.foldWeights.at(-1)!.map((w) => w.toFixed(4)).join(", ")}`,
    `(${seconds.toFixed(1)} s)`,
  ].join("\n");
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      timezone: { type: "string", default: "UTC" },
      "next-day-hour": { type: "string", default: "4" },
      splits: { type: "string", default: "5" },
    },
  });
  const file = positionals[0];
  const nextDayHour = Number(values["next-day-hour"]);
  const splits = Number(values.splits);
  if (!file) return fail("Usage: npx tsx bench/fsrs-eval.ts FILE.csv [--timezone UTC] [--next-day-hour 4] [--splits 5]");
  if (!isValidTimeZone(values.timezone!)) return fail(`--timezone: not an IANA time zone: ${values.timezone}`);
  if (!Number.isInteger(nextDayHour) || nextDayHour < 0 || nextDayHour > 23) return fail("--next-day-hour must be 0–23.");
  if (!Number.isInteger(splits) || splits < 2) return fail("--splits must be a whole number ≥ 2.");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const started = performance.now();
  try {
    const report = await evaluateReviewLog(readReviewLogCsv(text), { timeZone: values.timezone!, nextDayHour }, splits);
    console.log(formatReport(report, (performance.now() - started) / 1000));
  } catch (error) {
    if (error instanceof ReviewLogCsvError || error instanceof RangeError) return fail(`${file}: ${error.message}`);
    throw error;
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
