/**
 * Fits the ranker's weights (app/content/questions/weights.json) on SQuAD's
 * held-out training articles — never on the half the benchmark measures.
 * Every candidate of every paragraph is a sample; its target is its best
 * token F1 against the crowd's answers. Logistic regression, full-batch Adam.
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

const xs: number[][] = [];
const ys: number[] = [];
for (const p of loadSquad(path)) {
  const lesson = paragraphLesson(p);
  const sentences = lessonSentences(lesson);
  const candidates = sentences.map(sentenceCandidates);
  const context = lessonContext(lesson.title, candidates.flat());
  const golds = p.questions.flat();
  for (const list of candidates) {
    for (const c of list) {
      const ws = words(c.text);
      if (ws.length === 0 || ws.length > 6 || ws.every((w) => STOPWORDS.has(w))) continue;
      xs.push(candidateFeatures(c, list, context));
      const f1 = bestF1(c.text, golds);
      // Exact answers count fully, half-right ones partly: R-precision is reported both ways.
      ys.push(f1 >= 0.999 ? 1 : f1 >= 0.5 ? 0.6 : f1 * 0.3);
    }
  }
}
console.log(`${xs.length} candidates, mean target ${(ys.reduce((a, b) => a + b, 0) / ys.length).toFixed(3)}`);

const d = FEATURE_NAMES.length;
const w = new Array<number>(d).fill(0);
const m = new Array<number>(d).fill(0);
const v = new Array<number>(d).fill(0);
const l2 = 1e-4;
const rate = 0.05;
for (let step = 1; step <= 600; step++) {
  const grad = new Array<number>(d).fill(0);
  let loss = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    let z = 0;
    for (let j = 0; j < d; j++) z += x[j] * w[j];
    const p = 1 / (1 + Math.exp(-z));
    loss -= ys[i] * Math.log(p + 1e-12) + (1 - ys[i]) * Math.log(1 - p + 1e-12);
    const e = p - ys[i];
    for (let j = 0; j < d; j++) grad[j] += e * x[j];
  }
  for (let j = 0; j < d; j++) {
    const g = grad[j] / xs.length + (j === 0 ? 0 : l2 * w[j]);
    m[j] = 0.9 * m[j] + 0.1 * g;
    v[j] = 0.999 * v[j] + 0.001 * g * g;
    const mh = m[j] / (1 - 0.9 ** step);
    const vh = v[j] / (1 - 0.999 ** step);
    w[j] -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
  }
  if (step % 100 === 0) console.log(`step ${step}: loss ${(loss / xs.length).toFixed(4)}`);
}
const weights: Record<string, number> = {};
FEATURE_NAMES.forEach((name, j) => (weights[name] = Math.round(w[j] * 1e4) / 1e4));
writeFileSync(out, `${JSON.stringify({ fittedOn: "SQuAD v1.1 train-du2017 (bench/squad-fit.ts)", weights }, null, 2)}\n`);
console.log(`wrote ${out}`);
