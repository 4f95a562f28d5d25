/**
 * A random sample of what learners are shown, for blind rating with the rubric.
 *
 *   npx tsx bench/question-sample.ts --seed S --count N FILE...
 *
 * Ingests the files as one course, takes each lesson's deck (the questions a
 * learner who starts the lesson gets: app/learning/deck.ts), pools them and
 * draws N at random with the seed. Prints a JSON array of
 * {item, lesson, type, prompt, options, answer, source_sentence}: the fields
 * the rubric gives a rater and nothing else (no score, no module name).
 */
import { readFileSync } from "node:fs";
import { buildModules } from "../app/content/pipeline";
import { chooseDeckQuestions } from "../app/learning/deck";
import { seededRandom, shuffled } from "../app/learning/random";
import { shuffleOptions } from "../app/learning/grade";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const args = process.argv.slice(2);
const seed = option(args, "--seed");
const count = Number(option(args, "--count") ?? "50");
const files = args.filter((a, i) => !a.startsWith("--") && !["--seed", "--count"].includes(args[i - 1] ?? ""));
if (!seed || !Number.isInteger(count) || count < 1 || files.length === 0) {
  process.stderr.write("usage: npx tsx bench/question-sample.ts --seed S --count N FILE...\n");
  process.exit(2);
}

const modules = buildModules(files.map((name) => ({ name, bytes: readFileSync(name) })));
const shown = modules.flatMap((m) =>
  m.lessons.flatMap((lesson) => chooseDeckQuestions(lesson.questions).map((question) => ({ lesson: lesson.title, question }))),
);
const drawn = shuffled(shown, seededRandom(seed)).slice(0, count);
const sample = drawn.map(({ lesson, question }, i) => ({
  item: i + 1,
  lesson,
  type: question.type,
  prompt: question.prompt,
  options: question.options ? (question.type === "multiple_choice" ? shuffleOptions(question.options, `${seed}:${question.id}`) : question.options) : null,
  answer: question.answer,
  source_sentence: question.source.sentence,
}));
process.stderr.write(`${shown.length} questions in ${modules.reduce((n, m) => n + m.lessons.length, 0)} lessons' decks; drew ${sample.length}\n`);
process.stdout.write(`${JSON.stringify(sample, null, 2)}\n`);
