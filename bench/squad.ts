/**
 * Does the generator pick the facts a person would ask about? Each SQuAD
 * paragraph is a one-lesson document; the generator's answers, best first,
 * are compared with the crowd's answers.
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
  const [[lesson]] = generateQuestions([{ key: `squad-${i}`, lessons: [paragraphLesson(p)] }]);
  const answers = distinctAnswers(lesson.questions.filter((q) => q.type !== "true_false").map((q) => q.answer));
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
