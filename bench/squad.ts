/**
 * Does the generator pick the facts a person would ask about? Each SQuAD
 * paragraph is a one-lesson document; the generator's answers, best first by
 * the answer ranker's score, are compared with the crowd's answers. (The bank
 * itself is ordered by the estimate that a teacher accepts the question, which
 * also weighs the question's form; this measures the choice of answers.)
 *   npx tsx bench/squad.ts ../shared/benchmarks/squad/dev-half-a.json
 * With `--holdout` (on the training file) it measures the validation articles
 * only, for choosing the ranker's settings after `squad-fit.ts --holdout`;
 * `--fold K` (to both) takes another fifth of the articles, so that a setting
 * can be cross-validated through the whole generator.
 */
import { generateQuestions } from "../app/content/questions/index";
import { distinctAnswers, inHoldout, loadSquad, meanScores, paragraphLesson, scoreParagraph } from "./squad-data";

const path = process.argv[2];
const holdout = process.argv.includes("--holdout");
if (!path) {
  console.error("usage: npx tsx bench/squad.ts <squad.json> [--holdout]");
  process.exit(1);
}
const paragraphs = loadSquad(path).filter((p) => !holdout || inHoldout(p));
const started = performance.now();
let bytes = 0;
const scores = paragraphs.map((p, i) => {
  bytes += Buffer.byteLength(p.context);
  const ranked: Array<{ answer: string; score: number }> = [];
  generateQuestions([{ key: `squad-${i}`, lessons: [paragraphLesson(p)] }], (q, signals) => {
    if (q.type !== "true_false") ranked.push({ answer: q.answer, score: signals.rankScore });
  });
  // Stable: the forms of one fact keep the generator's order.
  ranked.sort((a, b) => b.score - a.score);
  const answers = distinctAnswers(ranked.map((r) => r.answer));
  return scoreParagraph(answers, p.questions);
});
const seconds = (performance.now() - started) / 1000;
const m = meanScores(scores);
const questions = paragraphs.reduce((n, p) => n + p.questions.length, 0);
console.log(`${paragraphs.length} paragraphs, ${questions} questions (${path})`);
console.log(`R-precision (F1 >= 0.5): ${m.rPrecision.toFixed(3)}`);
console.log(`R-precision (exact):     ${m.rPrecisionExact.toFixed(3)}`);
console.log(`P@5:                     ${m.p5.toFixed(3)}`);
console.log(`R@10:                    ${m.r10.toFixed(3)}`);
console.log(`time: ${seconds.toFixed(1)} s (${(bytes / 1e6 / seconds).toFixed(2)} MB/s of paragraph text)`);
