/**
 * A random sample of what learners are shown, for blind rating with the rubric.
 *
 *   npx tsx bench/question-sample.ts --seed S --count N [--signals OUT.json] FILE...
 *
 * Ingests the files as one course, takes each lesson's deck (the questions a
 * learner who starts the lesson gets: app/learning/deck.ts), pools them and
 * draws N at random with the seed. Prints a JSON array of
 * {item, lesson, type, prompt, options, answer, source_sentence}: the fields
 * the rubric gives a rater and nothing else (no score, no module name).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { draftModule, moduleKey, readSource } from "../app/content/pipeline";
import { generateQuestions } from "../app/content/questions";
import type { QualitySignals } from "../app/content/questions/quality";
import { CARDS_PER_LESSON, chooseModuleDecks } from "../app/learning/deck";
import { seededRandom, shuffled } from "../app/learning/random";
import { foldAnswer } from "../app/questions/fold";
import { questionFlags } from "../app/questions/flags";
import { rangeEnds, readNumber } from "../app/questions/numbers";
import { presentedOptions } from "../app/questions/options";
import { asksForAnyOf } from "../app/content/questions/rules";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const args = process.argv.slice(2);
const seed = option(args, "--seed");
const count = Number(option(args, "--count") ?? "50");
const files = args.filter((a, i) => !a.startsWith("--") && !["--seed", "--count", "--signals"].includes(args[i - 1] ?? ""));
if (!seed || !Number.isInteger(count) || count < 1 || files.length === 0) {
  process.stderr.write("usage: npx tsx bench/question-sample.ts --seed S --count N FILE...\n");
  process.exit(2);
}

const drafts = files.map((name) => draftModule(readSource(name, readFileSync(name)), moduleKey(name)));
const kindOf = new Map<string, string>();
const signalsOf = new Map<string, QualitySignals>();
const banks = generateQuestions(
  drafts.map((d) => ({ key: d.key, lessons: d.lessons, title: d.title })),
  (question, signals) => {
    kindOf.set(question.id, signals.kind);
    signalsOf.set(question.id, signals);
  },
);
const lessons = drafts.flatMap((d, m) => d.lessons.map((lesson, l) => ({ title: lesson.title, bank: banks[m][l].questions })));
const moduleDecks = banks.map((lessonBanks) => chooseModuleDecks(lessonBanks.map((l) => l.questions)));
// Each lesson's deck, and the facts (sibling group and key) its module's earlier lessons' decks ask.
const decks = banks.flatMap((lessonBanks, m) => {
  const before = new Set<string>();
  return lessonBanks.map((lessonBank, l) => {
    const earlier = new Set(before);
    for (const q of moduleDecks[m][l]) if (q.type !== "true_false") before.add(`${q.siblingKey}\u0000${foldAnswer(q.answer)}`);
    return { title: drafts[m].lessons[l].title, bank: lessonBank.questions, deck: moduleDecks[m][l], earlier };
  });
});
const shown = decks.flatMap(({ title, deck }) => deck.map((question) => ({ lesson: title, question })));
const drawn = shuffled(shown, seededRandom(seed)).slice(0, count);
const sample = drawn.map(({ lesson, question }, i) => ({
  item: i + 1,
  lesson,
  type: question.type,
  prompt: question.prompt,
  options: presentedOptions(question, `${seed}:${question.id}`),
  answer: question.answer,
  source_sentence: question.source.sentence,
}));
// How much of the bank reaches decks, and whether each lesson's key facts still do (up to the deck's limit).
const sizes = decks.map((d) => d.deck.length).sort((a, b) => a - b);
const bankSize = lessons.reduce((n, l) => n + l.bank.length, 0);
const KEY_KINDS = new Set(["year", "date", "quantity", "organisation", "acronym", "expansion", "term", "treaty"]);
let keyFacts = 0;
let keyFactsInDecks = 0;
let keyFactsListed = 0;
/** Whether the sentence writes `value` in brackets just after another number ("221 m (726 feet)"). */
function inBracketsAfterNumber(sentence: string, value: string): boolean {
  const at = sentence.indexOf(value);
  if (at < 0) return false;
  return /\d[^()\d]{0,25}\(\s*(?:about\s+|around\s+|c\.\s*|approximately\s+)?$/.test(sentence.slice(0, at));
}
const askedEarlier = new Set<string>();
const missed: (typeof lessons)[number]["bank"] = [];
for (const { bank, deck, earlier } of decks) {
  // A fact is a key a question of the bank asks (a true/false key is "True" or "False", not a fact). The
  // deck asks it when one of its questions has that key or one its bank question accepts for it (an
  // acronym for its expansion), or a date holding the year.
  const askedQuestions = deck.filter((q) => q.type !== "true_false" && !asksForAnyOf(q.prompt));
  const asked = askedQuestions.map((q) => foldAnswer(q.answer));
  // A question of the same sentence whose key holds the fact or is held by it asks that fact at another grain:
  // "In January _____" (1896) the date January 1896, "the _____" (principle of mutual recognition) mutual recognition.
  const within = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);
  // A range asked whole asks each end: "14 days" by "_____ to _____ days" (10 to 14), its number compared, not its unit.
  // "110 million years" by "about _____–_____ million years ago" (100–110): the number as the key writes it counts too.
  const endOfRange = (q: { answer: string }, fact: string) => {
    const ends = rangeEnds(q.answer);
    const value = readNumber(fact)?.value;
    const written = /^\d[\d,]*(?:\.\d+)?/.exec(writtenAs.get(fact) ?? "")?.[0];
    return ends !== null && ((value !== undefined && ends.includes(value)) || (written !== undefined && ends.includes(Number(written.replace(/,/g, "")))));
  };
  /** Each fact's key as written ("1,100 million years"), where the folded fact reads "1 100 million years". */
  const writtenAs = new Map<string, string>();
  const askedBySibling = (fact: string, siblings: Set<string>) =>
    askedQuestions.some((q, i) => siblings.has(q.siblingKey) && (within(asked[i], fact) || within(fact, asked[i]) || endOfRange(q, fact)));
  const siblingsOf = new Map<string, Set<string>>();
  // "Royal Air Force (_____)" is not asked (an aside), but "What does RAF stand for?" asks the same fact.
  const standsFor = new Map<string, string>();
  for (const q of bank) {
    const acronym = /^What does (.+) stand for\?$/.exec(q.prompt)?.[1];
    if (acronym) standsFor.set(foldAnswer(acronym), foldAnswer(q.answer));
  }
  const facts = new Map<string, string[]>();
  for (const q of bank) {
    if (q.type === "true_false" || !KEY_KINDS.has(kindOf.get(q.id) ?? "")) continue;
    // "379 m (1,244 feet)": a measure restated in other units in brackets is the fact before it, counted there.
    if (kindOf.get(q.id) === "quantity" && inBracketsAfterNumber(q.source.sentence, q.answer)) continue;
    // "1874 and 1886" (a range asked whole) is two facts, its ends, counted as asked by it (askedBySibling).
    if (rangeEnds(q.answer)) continue;
    const fact = foldAnswer(q.answer);
    // A fact an earlier lesson of the module states and its deck asks is asked there (chooseModuleDecks).
    if (earlier.has(`${q.siblingKey}\u0000${fact}`)) {
      askedEarlier.add(`${q.siblingKey}\u0000${fact}`);
      continue;
    }
    facts.set(fact, [...(facts.get(fact) ?? []), ...q.accepted.map(foldAnswer), ...(standsFor.has(fact) ? [standsFor.get(fact)!] : [])]);
    if (!writtenAs.has(fact)) writtenAs.set(fact, q.answer.trim());
    siblingsOf.set(fact, (siblingsOf.get(fact) ?? new Set()).add(q.siblingKey));
  }
  keyFacts += facts.size;
  // Names a deck's "The lesson names... Name one." question takes as its answer, reported apart: such a question
  // asks for one of them, not each.
  const listed = new Set(deck.filter((q) => asksForAnyOf(q.prompt)).flatMap((q) => q.accepted.map(foldAnswer)));
  // A full deck cannot hold more: facts past its limit are not counted as hidden.
  if (deck.length >= CARDS_PER_LESSON) keyFactsInDecks += facts.size;
  else
    for (const [fact, variants] of facts)
      if (asked.some((a) => variants.includes(a)) || askedBySibling(fact, siblingsOf.get(fact)!)) keyFactsInDecks++;
      else if (variants.some((v) => listed.has(v))) keyFactsListed++;
      else if (process.env.CAIRN_MISSES) missed.push(bank.find((q) => q.type !== "true_false" && foldAnswer(q.answer) === fact)!);
}
process.stderr.write(
  `${shown.length} questions in ${lessons.length} lessons' decks (${((shown.length / bankSize) * 100).toFixed(1)} % of a bank of ${bankSize}); ` +
    `deck size min ${sizes[0]}, median ${sizes[Math.floor(sizes.length / 2)]}, max ${sizes[sizes.length - 1]}; ` +
    `lessons' key facts (years, dates, quantities, organisations, acronyms, terms, agreements) asked in their deck: ${keyFactsInDecks} of ${keyFacts}` +
    ` (and ${keyFactsListed} more are among the answers of a deck's "Name one" list question;` +
    ` ${askedEarlier.size} facts stated again in a later lesson are asked in an earlier one's deck); drew ${sample.length}\n`,
);
// CAIRN_MISSES=1: each key fact no deck asks, with its bank's first question's estimate and checks (for development).
for (const q of missed) {
  const flags = questionFlags(q);
  process.stderr.write(`miss ${q.quality.toFixed(2)} ${kindOf.get(q.id)} ${flags.join(",") || "-"} | ${q.prompt.slice(0, Number(process.env.CAIRN_MISS_WIDTH ?? 140))} => ${q.answer}\n`);
}
process.stdout.write(`${JSON.stringify(sample, null, 2)}\n`);
// For refitting the quality estimate on this sample's ratings (bench/quality-fit.ts); never shown to a rater.
const signalsPath = option(args, "--signals");
if (signalsPath) {
  const rows = drawn.map(({ question }, i) => ({ item: i + 1, signals: signalsOf.get(question.id) }));
  writeFileSync(signalsPath, `${JSON.stringify(rows, null, 1)}\n`);
}
