/**
 * Fits the quality estimate (app/content/questions/quality.ts) on blind ratings.
 *
 *   npx tsx bench/quality-fit.ts [--write] SIGNALS.json RATINGS.json... [SIGNALS.json RATINGS.json...]
 *
 * Questions the automatic checks flag (app/questions/flags.ts) are left out unless --all-rated is given: they
 * never reach a deck unmended, so the estimate that ranks decks is fitted on the questions it ranks.
 *
 * Each SIGNALS.json (from bench/quality-pool.ts) is followed by the ratings of
 * its items: a JSON array of {item, grammatical, unambiguous, one_right_answer,
 * worth_asking}. An item is accepted when all four are yes. Fits an L2-penalised
 * logistic regression on the features, reports 5-fold cross-validated log loss,
 * calibration and precision above a few thresholds (the folds are by pool item,
 * so no item is scored by a model fitted on it), and with --write saves the
 * model fitted on all of them as app/content/questions/quality.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { QUALITY_FEATURES, logistic, qualityFeatures, type QualitySignals } from "../app/content/questions/quality";
import { asksForAnyOf } from "../app/content/questions/rules";
import { questionFlags } from "../app/questions/flags";

interface Rating {
  item: number;
  grammatical: boolean;
  unambiguous: boolean;
  one_right_answer: boolean;
  worth_asking: boolean;
}

const args = process.argv.slice(2);
const write = args.includes("--write");
const allRated = args.includes("--all-rated");
let flagged = 0;
const l2At = args.indexOf("--l2");
const L2 = l2At >= 0 ? Number(args[l2At + 1]) : 1;
const paths = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--l2");
if (paths.length < 2 || !paths[0].endsWith("signals.json")) {
  process.stderr.write("usage: npx tsx bench/quality-fit.ts [--write] [--l2 X] SIGNALS.json RATINGS.json... [SIGNALS.json RATINGS.json...]\n");
  process.exit(2);
}

const rows: Array<{ x: number[]; y: number; type: string }> = [];
let signals = new Map<number, QualitySignals>();
for (const path of paths) {
  const data = JSON.parse(readFileSync(path, "utf8"));
  if (path.endsWith("signals.json")) {
    signals = new Map((data as Array<{ item: number; signals: QualitySignals }>).map((d) => [d.item, d.signals]));
    continue;
  }
  for (const r of data as Rating[]) {
    const s = signals.get(r.item);
    if (!s) throw new Error(`${path}: item ${r.item} has no signals`);
    // "The lesson names... Name one.": estimated at its measured rate (EXAMPLE_LIST_ACCEPTANCE), not by the model.
    if (asksForAnyOf(s.prompt)) continue;
    // A question an automatic check flags never reaches a deck unmended (app/learning/deck.ts): the estimate
    // ranks the others, so it is fitted on them (with --all-rated, on every rated question).
    if (!allRated && questionFlags({ prompt: s.prompt, answer: s.answer }).length > 0) {
      flagged++;
      continue;
    }
    const accepted = r.grammatical && r.unambiguous && r.one_right_answer && r.worth_asking;
    rows.push({ x: qualityFeatures(s), y: accepted ? 1 : 0, type: s.type });
  }
}

/** Newton's method on the penalised log likelihood (the bias unpenalised). */
function fit(data: typeof rows, l2: number): number[] {
  const d = QUALITY_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, y } of data) {
      const p = logistic(x, w);
      const r = p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        grad[i] += (p - y) * x[i];
        for (let j = 0; j < d; j++) if (x[j] !== 0) hess[i][j] += r * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] += l2 * w[i];
      hess[i][i] += l2;
    }
    hess[0][0] += 1e-6;
    const step = solve(hess, grad);
    let size = 0;
    for (let i = 0; i < d; i++) {
      w[i] -= step[i];
      size = Math.max(size, Math.abs(step[i]));
    }
    if (size < 1e-7) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

const logLoss = (p: number, y: number) => -(y * Math.log(Math.max(p, 1e-9)) + (1 - y) * Math.log(Math.max(1 - p, 1e-9)));

// 5-fold cross-validation.
const predicted = new Array<number>(rows.length).fill(0);
for (let fold = 0; fold < 5; fold++) {
  const w = fit(rows.filter((_, i) => i % 5 !== fold), L2);
  rows.forEach((row, i) => {
    if (i % 5 === fold) predicted[i] = logistic(row.x, w);
  });
}
const base = rows.reduce((n, r) => n + r.y, 0) / rows.length;
const cvLoss = rows.reduce((n, r, i) => n + logLoss(predicted[i], r.y), 0) / rows.length;
const baseLoss = rows.reduce((n, r) => n + logLoss(base, r.y), 0) / rows.length;
console.log(`${rows.length} rated questions, ${(base * 100).toFixed(1)} % accepted; L2 ${L2}${flagged ? `; ${flagged} flagged by the automatic checks left out` : ""}`);
console.log(`cross-validated log loss ${cvLoss.toFixed(3)} (constant ${baseLoss.toFixed(3)})`);
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  const above = rows.filter((_, i) => predicted[i] >= threshold);
  const accepted = above.filter((r) => r.y === 1).length;
  console.log(
    `estimate >= ${threshold}: ${above.length} questions, ${above.length ? ((accepted / above.length) * 100).toFixed(1) : "-"} % accepted, ` +
      `${accepted} of ${rows.filter((r) => r.y === 1).length} accepted ones kept`,
  );
}
console.log("calibration (cross-validated estimate -> share accepted):");
for (let lo = 0; lo < 1; lo += 0.2) {
  const bin = rows.filter((_, i) => predicted[i] >= lo && predicted[i] < lo + 0.2);
  if (bin.length === 0) continue;
  const mean = bin.reduce((n, r) => n + predicted[rows.indexOf(r)], 0) / bin.length;
  console.log(`  [${lo.toFixed(1)}, ${(lo + 0.2).toFixed(1)}): ${bin.length} questions, mean estimate ${mean.toFixed(2)}, accepted ${(bin.reduce((n, r) => n + r.y, 0) / bin.length).toFixed(2)}`);
}
const types = [...new Set(rows.map((r) => r.type))];
console.log("accepted by type:", types.map((t) => `${t} ${rows.filter((r) => r.type === t && r.y).length}/${rows.filter((r) => r.type === t).length}`).join(", "));

if (write) {
  const w = fit(rows, L2);
  const out = fileURLToPath(new URL("../app/content/questions/quality.json", import.meta.url));
  const model = {
    note: `fitted by bench/quality-fit.ts on ${rows.length} blind ratings (L2 ${L2}); cross-validated log loss ${cvLoss.toFixed(3)} against ${baseLoss.toFixed(3)} for a constant`,
    features: QUALITY_FEATURES,
    weights: w.map((x) => Math.round(x * 1e4) / 1e4),
  };
  writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${out}`);
}
