/**
 * Questions to rate blind, for fitting the quality estimate (app/content/questions/quality.ts).
 *
 *   npx tsx bench/quality-pool.ts --seed S --count N --out DIR [--min-quality Q] [--exclude POOL.json]... FILE...
 *
 * Draws N questions from the whole bank of the given material (not only the
 * decks: the estimate must learn what is bad too), spread over the forms and
 * answer kinds: each (type, kind) gets an equal share, the rest at random. Writes
 * DIR/pool.json, the rubric's fields only, for the rater, and DIR/signals.json,
 * the signals each item's quality is estimated from, for bench/quality-fit.ts.
 * --min-quality draws only from questions estimated at least that good (to learn
 * where the deck's bar lies); --exclude leaves out prompts an earlier pool holds.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { draftModule, moduleKey, readSource } from "../app/content/pipeline";
import { generateQuestions } from "../app/content/questions";
import type { QualitySignals } from "../app/content/questions/quality";
import type { Question } from "../app/content/types";
import { presentedOptions } from "../app/questions/options";
import { seededRandom, shuffled } from "../app/learning/random";

const args = process.argv.slice(2);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seed = value("--seed");
const count = Number(value("--count") ?? "60");
const out = value("--out");
const OPTIONS = ["--seed", "--count", "--out", "--min-quality", "--exclude"];
const files = args.filter((a, i) => !a.startsWith("--") && !OPTIONS.includes(args[i - 1] ?? ""));
const minQuality = Number(value("--min-quality") ?? "0");
const excluded = new Set(
  args.flatMap((a, i) => (args[i - 1] === "--exclude" ? (JSON.parse(readFileSync(a, "utf8")) as Array<{ prompt: string }>).map((x) => x.prompt) : [])),
);
if (!seed || !out || !(count > 0) || files.length === 0) {
  process.stderr.write("usage: npx tsx bench/quality-pool.ts --seed S --count N --out DIR [--min-quality Q] [--exclude POOL.json]... FILE...\n");
  process.exit(2);
}

const drafts = files.map((name) => draftModule(readSource(name, readFileSync(name)), moduleKey(name)));
const seen: Array<{ question: Question; signals: QualitySignals }> = [];
const titles = new Map<Question, string>();
const banks = generateQuestions(drafts.map((d) => ({ key: d.key, lessons: d.lessons, title: d.title })), (question, signals) => {
  if (question.quality >= minQuality && !excluded.has(question.prompt)) seen.push({ question, signals });
});
banks.forEach((module, m) => module.forEach((bank, l) => bank.questions.forEach((q) => titles.set(q, drafts[m].lessons[l].title))));

const random = seededRandom(seed);
const strata = new Map<string, typeof seen>();
for (const entry of shuffled(seen, random)) {
  const key = `${entry.question.type}|${entry.signals.kind}`;
  const list = strata.get(key);
  if (list) list.push(entry);
  else strata.set(key, [entry]);
}
const share = Math.max(1, Math.floor(count / strata.size));
const drawn = new Set<(typeof seen)[number]>();
for (const list of strata.values()) for (const entry of list.slice(0, share)) if (drawn.size < count) drawn.add(entry);
for (const entry of shuffled(seen, random)) if (drawn.size < count) drawn.add(entry);
const items = shuffled([...drawn], random);

mkdirSync(out, { recursive: true });
const pool = items.map(({ question }, i) => ({
  item: i + 1,
  lesson: titles.get(question) ?? "",
  type: question.type,
  prompt: question.prompt,
  options: presentedOptions(question, `${seed}:${question.id}`),
  answer: question.answer,
  source_sentence: question.source.sentence,
}));
writeFileSync(join(out, "pool.json"), `${JSON.stringify(pool, null, 2)}\n`);
writeFileSync(join(out, "signals.json"), `${JSON.stringify(items.map(({ signals }, i) => ({ item: i + 1, signals })), null, 1)}\n`);
process.stderr.write(`${seen.length} questions in the bank (estimate >= ${minQuality}), ${strata.size} (type, kind) strata; wrote ${pool.length} items to ${out}\n`);
