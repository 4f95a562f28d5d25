/**
 * Fits the ranker's weights (app/content/questions/weights.json) on SQuAD's
 * held-out training articles — never on the half the benchmark measures.
 * Every candidate of every paragraph is a sample; its target is its best
 * token F1 against the crowd's answers. The weights are fitted listwise
 * (softmax cross-entropy over each paragraph's candidates, full-batch Adam),
 * then the bias alone pointwise, so the score is still a probability-like value.
 *   npx tsx bench/squad-fit.ts ../shared/benchmarks/squad/train-du2017.json
 */
import { writeFileSync } from "node:fs";
import { sentenceCandidates } from "../app/content/questions/candidates";
import { lessonSentences } from "../app/content/questions/nlp";
import { FEATURE_NAMES, candidateFeatures, lessonContext } from "../app/content/questions/rank";
import { STOPWORDS, words } from "../app/content/questions/text";
import { bestF1, loadSquad, paragraphLesson } from "./squad-data";

const path = process.argv[2];
const out = process.argv[3] ?? new URL("../app/content/questions/weights.json", import.meta.url).pathname;
if (!path || !/train/.test(path)) {
  console.error("usage: npx tsx bench/squad-fit.ts <train-du2017.json> [weights.json]  (fit on the training split only)");
  process.exit(1);
}

/** Per paragraph: its candidates' features and targets (a list to rank). */
const lists: Array<{ xs: number[][]; ys: number[] }> = [];
for (const p of loadSquad(path)) {
  const lesson = paragraphLesson(p);
  const sentences = lessonSentences(lesson);
  const candidates = sentences.map(sentenceCandidates);
  const context = lessonContext(lesson.title, candidates.flat());
  const golds = p.questions.flat();
  const list = { xs: [] as number[][], ys: [] as number[] };
  for (const same of candidates) {
    for (const c of same) {
      const ws = words(c.text);
      if (ws.length === 0 || ws.length > 6 || ws.every((w) => STOPWORDS.has(w))) continue;
      list.xs.push(candidateFeatures(c, same, context));
      const f1 = bestF1(c.text, golds);
      // Exact answers count fully, half-right ones partly: R-precision is reported both ways.
      list.ys.push(f1 >= 0.999 ? 1 : f1 >= 0.5 ? 0.6 : f1 * 0.3);
    }
  }
  if (list.xs.length > 0) lists.push(list);
}
const count = lists.reduce((n, l) => n + l.xs.length, 0);
console.log(`${lists.length} paragraphs, ${count} candidates`);

const d = FEATURE_NAMES.length;
const dot = (x: number[], w: number[]) => {
  let z = 0;
  for (let j = 0; j < d; j++) z += x[j] * w[j];
  return z;
};

/** Full-batch Adam on `loss`, which adds its gradient into `grad` and returns the loss. */
function adam(w: number[], steps: number, rate: number, l2: number, loss: (grad: number[]) => number, free: (j: number) => boolean): void {
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  for (let step = 1; step <= steps; step++) {
    const grad = new Array<number>(d).fill(0);
    const value = loss(grad);
    for (let j = 0; j < d; j++) {
      if (!free(j)) continue;
      const g = grad[j] + (j === 0 ? 0 : l2 * w[j]);
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      const mh = m[j] / (1 - 0.9 ** step);
      const vh = v[j] / (1 - 0.999 ** step);
      w[j] -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
    if (step % 100 === 0) console.log(`step ${step}: loss ${value.toFixed(4)}`);
  }
}

// Listwise (softmax cross-entropy per paragraph): what matters is which
// candidates come first within a paragraph, as R-precision counts.
const w = new Array<number>(d).fill(0);
adam(w, 400, 0.05, 1e-4, (grad) => {
  let loss = 0;
  for (const { xs, ys } of lists) {
    const total = ys.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    const zs = xs.map((x) => dot(x, w));
    const max = Math.max(...zs);
    const es = zs.map((z) => Math.exp(z - max));
    const sum = es.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i++) {
      const target = ys[i] / total;
      const p = es[i] / sum;
      loss -= target * Math.log(p + 1e-12);
      const e = (p - target) / lists.length;
      for (let j = 0; j < d; j++) grad[j] += e * xs[i][j];
    }
  }
  return loss / lists.length;
}, (j) => j !== 0);
// The bias alone, pointwise, so that scores read as the chance of a good answer.
adam(w, 200, 0.05, 0, (grad) => {
  let loss = 0;
  for (const { xs, ys } of lists) {
    for (let i = 0; i < xs.length; i++) {
      const p = 1 / (1 + Math.exp(-dot(xs[i], w)));
      loss -= ys[i] * Math.log(p + 1e-12) + (1 - ys[i]) * Math.log(1 - p + 1e-12);
      grad[0] += (p - ys[i]) / count;
    }
  }
  return loss / count;
}, (j) => j === 0);
const weights: Record<string, number> = {};
FEATURE_NAMES.forEach((name, j) => (weights[name] = Math.round(w[j] * 1e4) / 1e4));
writeFileSync(out, `${JSON.stringify({ fittedOn: "SQuAD v1.1 train-du2017, listwise (bench/squad-fit.ts)", weights }, null, 2)}\n`);
console.log(`wrote ${out}`);
