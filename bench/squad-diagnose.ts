/**
 * Where the benchmark loses its questions (on the training file's validation
 * articles, with a ranker fitted by `squad-fit.ts --holdout`): for each crowd
 * question not matched by the generator's top k, whether no candidate matches
 * it at all, the matching candidates were never scored (context rule, length,
 * stopwords), the score alone ranks one in the top k but the generator's later
 * steps (diversifying, phrase limit, rules) lose it, or it is ranked too low.
 *   npx tsx bench/squad-diagnose.ts ../shared/benchmarks/squad/train-du2017.json [--samples N]
 */
import { askableAnswer, generateQuestions, resolveContext } from "../app/content/questions/index";
import { sentenceCandidates, type Candidate } from "../app/content/questions/candidates";
import { lessonSentences } from "../app/content/questions/nlp";
import { FEATURE_NAMES, candidateFeatures, candidateScore, lessonContext } from "../app/content/questions/rank";
import { bestF1, distinctAnswers, inHoldout, loadSquad, meanScores, paragraphLesson, scoreParagraph } from "./squad-data";

const args = process.argv.slice(2);
const path = args[0];
const at = args.indexOf("--samples");
const SAMPLES = at >= 0 ? Number(args[at + 1]) : 0;
const paragraphs = loadSquad(path).filter(inHoldout);
const buckets = new Map<string, number>();
const samples = new Map<string, string[]>();
const count = (b: string, sample: string) => {
  buckets.set(b, (buckets.get(b) ?? 0) + 1);
  const list = samples.get(b) ?? [];
  list.push(sample);
  samples.set(b, list);
};
const aloneScores: ReturnType<typeof scoreParagraph>[] = [];
const askableScores: ReturnType<typeof scoreParagraph>[] = [];
let total = 0;
paragraphs.forEach((p, index) => {
  const lesson = paragraphLesson(p);
  const sentences = lessonSentences(lesson);
  const candidates = sentences.map(sentenceCandidates);
  const context = lessonContext(lesson.title, candidates.flat());
  const scored: Array<{ c: Candidate; z: number; askable: boolean; why: string }> = [];
  candidates.forEach((list, i) => {
    const leans = resolveContext(sentences[i]) === null;
    for (const c of list) {
      const f = candidateFeatures(c, list, context, new Array<number>(FEATURE_NAMES.length).fill(0));
      const tooLong = !askableAnswer(c);
      scored.push({ c, z: candidateScore(f), askable: !tooLong && !leans, why: tooLong ? "length/stopword" : leans ? "context" : "" });
    }
  });
  scored.sort((a, b) => b.z - a.z);
  const alone = distinctAnswers(scored.map((s) => s.c.text));
  const askable = distinctAnswers(scored.filter((s) => s.askable).map((s) => s.c.text));
  aloneScores.push(scoreParagraph(alone, p.questions));
  askableScores.push(scoreParagraph(askable, p.questions));
  const [[generated]] = generateQuestions([{ key: `squad-${index}`, lessons: [lesson] }]);
  const answers = distinctAnswers(generated.questions.filter((q) => q.type !== "true_false").map((q) => q.answer));
  const k = p.questions.length;
  for (const golds of p.questions) {
    total++;
    if (answers.slice(0, k).some((a) => bestF1(a, golds) >= 0.5)) {
      count("matched", golds[0]);
      continue;
    }
    const matching = scored.filter((s) => bestF1(s.c.text, golds) >= 0.5);
    const sample = `${golds[0]}  <=  ${matching.map((m) => `${m.c.text}[${m.c.kind}]`).join(" | ") || nearest(scored.map((s) => s.c.text), golds)}`;
    if (matching.length === 0) count("no candidate", sample);
    else if (!matching.some((m) => m.askable)) count(`not scored: ${matching[0].why}`, sample);
    else if (askable.slice(0, k).some((a) => bestF1(a, golds) >= 0.5)) {
      const inAnswers = answers.some((a) => bestF1(a, golds) >= 0.5);
      count(inAnswers ? "lost: generator ranks it lower" : "lost: generator drops it", sample);
    } else count("ranked too low", sample);
  }
});

function nearest(texts: string[], golds: string[]): string {
  let best = "";
  let f = 0;
  for (const t of texts) {
    const x = bestF1(t, golds);
    if (x > f) {
      f = x;
      best = t;
    }
  }
  return best ? `~${best} (${f.toFixed(2)})` : "-";
}

const show = (name: string, s: ReturnType<typeof meanScores>) =>
  console.log(`${name}: R-prec ${s.rPrecision.toFixed(3)} exact ${s.rPrecisionExact.toFixed(3)} P@5 ${s.p5.toFixed(3)} R@10 ${s.r10.toFixed(3)}`);
show("score alone, all candidates", meanScores(aloneScores));
show("score alone, askable only  ", meanScores(askableScores));
console.log(`${total} questions`);
for (const [b, n] of [...buckets].sort((a, b) => b[1] - a[1])) console.log(`${b.padEnd(34)} ${n} (${((100 * n) / total).toFixed(1)}%)`);
if (SAMPLES > 0)
  for (const [b, list] of samples) {
    if (b === "matched") continue;
    console.log(`\n== ${b}`);
    for (const s of list.filter((_, i) => i % Math.max(1, Math.floor(list.length / SAMPLES)) === 0).slice(0, SAMPLES)) console.log(`  ${s}`);
  }
