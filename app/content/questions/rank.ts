/**
 * How good an answer a candidate makes: simple features (kind, rarity of its
 * words in spoken English, length, position, repetition in the lesson, cues
 * such as "known as" or bold, the tags either side and the distance to a
 * verb, what governs it, whether earlier or later sentences use its words)
 * scored by boosted regression trees. The trees
 * are fitted on SQuAD's held-out training articles by bench/squad-fit.ts and
 * committed as ranker.json, so ranking is the same on every machine.
 */
import { CANDIDATE_KINDS, type Candidate } from "./candidates";
import { logFrequency, type Token } from "./nlp";
import { STOPWORDS, words } from "./text";
import fitted from "./ranker.json" with { type: "json" };

/** The words around a candidate that say most about the question it answers ("by" whom, "in" when, "called" what). */
const BEFORE_WORDS = ["by", "in", "of", "as", "from", "to", "for", "with", "on", "at", "the", "a", "called", "and", "than", "into", "is", "was"];
const AFTER_WORDS = ["of", ",", ".", "and", "(", "is", "was", "in", "to", "'s", "which", "that"];

/** Universal tags of the tokens either side of a candidate, one feature each. */
const NEIGHBOUR_TAGS = ["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "NUM", "PUNCT", "CCONJ", "PRON", "PART", "SCONJ"];
/** Tags of the words that may stand between a noun phrase and what governs it ("built *the new* bridge"). */
const MODIFIER_TAGS = new Set(["DET", "ADJ", "NUM", "ADV"]);
/** How far the verb-distance features look. */
const VERB_REACH = 12;

export const FEATURE_NAMES: string[] = [
  "bias",
  ...CANDIDATE_KINDS.map((k) => `kind:${k}`),
  "words:1",
  "words:2",
  "words:3",
  "words:4+",
  "rarity:min",
  "rarity:mean",
  "capitalised",
  "has-digit",
  "sentence:relative-position",
  "sentence:first",
  "token:relative-position",
  "sentence:length",
  "lesson:repeats",
  "title:overlap",
  "after:preposition",
  "after:determiner",
  "before:verb",
  "before:of",
  "cue:definition",
  "cue:emphasis",
  "cue:expansion",
  "nested:inside-other",
  "nested:holds-other",
  "in-parentheses",
  "in-list",
  ...CANDIDATE_KINDS.map((k) => `rarity-x-kind:${k}`),
  ...CANDIDATE_KINDS.map((k) => `multiword-x-kind:${k}`),
  "phrase:adjective-led",
  "phrase:plural-head",
  "after:number",
  "sentence:candidates",
  "after:verb",
  "before:punctuation",
  "after:comma",
  "rarity:max",
  "rarity:head",
  "sentence:opens",
  "in-quotes",
  ...CANDIDATE_KINDS.map((k) => `position-x-kind:${k}`),
  // Raw counts and neighbour words: the trees find their own thresholds and crosses.
  "count:words",
  "count:characters",
  "count:sentence-index",
  "count:sentences",
  "count:tokens-before",
  "count:tokens-after",
  "count:commas-before",
  "count:overlapping",
  "count:same-kind-in-sentence",
  "lesson:word-repeats-mean",
  "lesson:word-repeats-max",
  "share:capitalised-words",
  "head:proper-noun",
  "first:number",
  // Against the rest of the lesson and sentence: a rare word is worth asking only if it stands out.
  "lesson:rarity-percentile",
  "lesson:kind-share",
  "sentence:rarer-candidates",
  "sentence:rarity-gap",
  "sentence:ordinal",
  "sentence:named-candidates",
  ...BEFORE_WORDS.map((w) => `before:word:${w}`),
  ...AFTER_WORDS.map((w) => `after:word:${w}`),
  // Where the candidate stands in its clause, read off the tags: subject side or object side of the verb, inside a larger chunk.
  ...NEIGHBOUR_TAGS.map((t) => `before:tag:${t}`),
  ...NEIGHBOUR_TAGS.map((t) => `after:tag:${t}`),
  "clause:before-first-verb",
  "clause:tokens-from-verb-before",
  "clause:tokens-to-verb-after",
  // What else the sentence offers (a date or a name beside a plain phrase), what the candidate hangs on
  // (a verb, a preposition after a verb or after a noun), and given or new: the share of its words an
  // earlier sentence used, and a later one uses again.
  "sentence:other-numbers",
  "sentence:other-names",
  "lesson:head-repeats",
  "lesson:words-given",
  "lesson:words-return",
  "clause:object-of-verb",
  "clause:preposition-after-verb",
  "clause:preposition-after-noun",
];

export interface LessonContext {
  /** Normalised answer -> number of sentences of the lesson that contain it. */
  answerSentenceCounts: Map<string, number>;
  titleWords: Set<string>;
  sentenceCount: number;
  /** Lower-cased word -> how often the lesson uses it, and the first and last sentence that does. */
  wordUses: Map<string, WordUse>;
  /** What the frequencies of each candidate's words say (see wordFrequencies): its rarity and more. */
  frequencies: Map<Candidate, WordFrequencies>;
  /** Every candidate's rarity, ascending. */
  raritiesSorted: Float64Array;
  kindCounts: Map<string, number>;
  candidateCount: number;
}

interface WordUse {
  count: number;
  first: number;
  last: number;
}

/**
 * The scaled frequencies (scaledFrequency) of a candidate's words, read once for the lesson's
 * context and again by the candidate's features: over its content words (see isContentWord)
 * the lowest (its rarity; 0 without content words), the highest, their sum and number, and the
 * frequency of its last word whatever it is (0 without words).
 */
interface WordFrequencies {
  rarity: number;
  commonest: number;
  sum: number;
  contentWords: number;
  last: number;
}

/** A word that says what a candidate is about: not a stopword, not a number (does not start with a digit 0-9). */
function isContentWord(w: string): boolean {
  const first = w.charCodeAt(0);
  return !(first >= 48 && first <= 57) && !STOPWORDS.has(w);
}

function isVerb(t: { pos: string }): boolean {
  return t.pos === "VERB" || t.pos === "AUX";
}

/** Scaled log frequency of a word in spoken English: low is rare. */
function scaledFrequency(w: string): number {
  return logFrequency(w) / 7;
}

/**
 * What the frequencies of a candidate's words say, each word looked up once (a lookup in the
 * table of 74,000 words is most of the cost). The rarity is the scaled log frequency of its
 * rarest content word (numbers and stopwords left out): low is rare; 0 without content words.
 */
function wordFrequencies(c: Candidate): WordFrequencies {
  const ws = c.words;
  let rarity = 0;
  let commonest = 0;
  let sum = 0;
  let contentWords = 0;
  let last = 0;
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k];
    const content = isContentWord(w);
    if (!content && k < ws.length - 1) continue;
    const freq = scaledFrequency(w);
    if (k === ws.length - 1) last = freq;
    if (!content) continue;
    rarity = contentWords === 0 ? freq : Math.min(rarity, freq);
    commonest = contentWords === 0 ? freq : Math.max(commonest, freq);
    sum += freq;
    contentWords++;
  }
  return { rarity, commonest, sum, contentWords, last };
}

/** How many of the ascending `sorted` are below `x`. */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Writes a one-hot group of `size` slots at `at`: `value` in slot `index`, 0
 * in the others (all 0 when index is -1). The groups are most of the vector:
 * looked up once, instead of a comparison per slot.
 */
function oneHot(f: number[] | Float64Array, at: number, size: number, index: number, value: number): number {
  for (let k = 0; k < size; k++) f[at + k] = 0;
  if (index >= 0) f[at + index] = value;
  return at + size;
}

/** The lesson's context of its candidates, given in reading order (sentence by sentence, as the generator lists them). */
export function lessonContext(title: string, candidates: Candidate[]): LessonContext {
  // Candidates come sentence by sentence, so an answer's sentences are counted by
  // noting the last one it was seen in: no set of sentences per answer.
  const answerSentenceCounts = new Map<string, number>();
  const lastSentence = new Map<string, number>();
  for (const c of candidates) {
    const key = c.folded;
    if (lastSentence.get(key) === c.sentence.index) continue;
    lastSentence.set(key, c.sentence.index);
    answerSentenceCounts.set(key, (answerSentenceCounts.get(key) ?? 0) + 1);
  }
  const sentenceCount = candidates.reduce((n, c) => Math.max(n, c.sentence.index + 1), 0);
  // One lookup per token: a word's count and sentences in one record.
  const wordUses = new Map<string, WordUse>();
  let counted: Candidate["sentence"] | null = null;
  for (const c of candidates) {
    if (counted === c.sentence) continue;
    counted = c.sentence;
    const index = c.sentence.index;
    for (const t of c.sentence.tokens) {
      const use = wordUses.get(t.lower);
      if (use === undefined) wordUses.set(t.lower, { count: 1, first: index, last: index });
      else {
        use.count++;
        use.last = index;
      }
    }
  }
  const frequencies = new Map<Candidate, WordFrequencies>();
  const raritiesSorted = new Float64Array(candidates.length);
  const kindCounts = new Map<string, number>();
  candidates.forEach((c, k) => {
    const known = wordFrequencies(c);
    frequencies.set(c, known);
    raritiesSorted[k] = known.rarity;
    kindCounts.set(c.kind, (kindCounts.get(c.kind) ?? 0) + 1);
  });
  return {
    answerSentenceCounts,
    titleWords: new Set(words(title).filter((w) => !STOPWORDS.has(w))),
    sentenceCount,
    wordUses,
    frequencies,
    raritiesSorted: raritiesSorted.sort(),
    kindCounts,
    candidateCount: candidates.length,
  };
}

/**
 * The feature vector of a candidate; written into `f` when given (the scorer reuses one buffer).
 * Indexed loops over the constant word and kind lists: for...of made an iterator object
 * each time, for every candidate.
 */
export function candidateFeatures<F extends number[] | Float64Array = number[]>(
  c: Candidate,
  sameSentence: Candidate[],
  lesson: LessonContext,
  f: F = new Array<number>(FEATURE_NAMES.length).fill(0) as F,
): F {
  let i = 0;
  f[i++] = 1;
  const kinds = CANDIDATE_KINDS.length;
  const kind = CANDIDATE_KINDS.indexOf(c.kind);
  i = oneHot(f, i, kinds, kind, 1);
  const ws = c.words;
  const n = ws.length;
  f[i++] = n === 1 ? 1 : 0;
  f[i++] = n === 2 ? 1 : 0;
  f[i++] = n === 3 ? 1 : 0;
  f[i++] = n >= 4 ? 1 : 0;
  // The words' frequencies, as the lesson's context read them; then everything else the features
  // read of the content words, in one pass and without arrays (this runs for every candidate).
  const frequencies = lesson.frequencies.get(c) ?? wordFrequencies(c);
  const contentCount = frequencies.contentWords;
  const rarity = frequencies.rarity;
  const commonest = frequencies.commonest;
  const frequencySum = frequencies.sum;
  let inTitle = 0;
  let given = 0;
  let returns = 0;
  let repeats = 0;
  let most = 0;
  for (const w of ws) {
    if (!isContentWord(w)) continue;
    if (lesson.titleWords.has(w)) inTitle++;
    const use = lesson.wordUses.get(w);
    if (use !== undefined && use.first < c.sentence.index) given++;
    if (use !== undefined && use.last > c.sentence.index) returns++;
    const r = Math.log(use?.count ?? 1);
    repeats += r;
    most = Math.max(most, r);
  }
  f[i++] = rarity;
  f[i++] = contentCount ? frequencySum / contentCount : 0;
  f[i++] = /^\p{Lu}/u.test(c.text) ? 1 : 0;
  f[i++] = /\d/.test(c.text) ? 1 : 0;
  f[i++] = lesson.sentenceCount > 1 ? c.sentence.index / (lesson.sentenceCount - 1) : 0;
  f[i++] = c.sentence.index === 0 ? 1 : 0;
  const tokens = c.sentence.tokens;
  f[i++] = tokens.length > 1 ? c.tokenStart / (tokens.length - 1) : 0;
  f[i++] = Math.min(tokens.length, 80) / 40;
  f[i++] = Math.log(lesson.answerSentenceCounts.get(c.folded) ?? 1);
  f[i++] = contentCount ? inTitle / contentCount : 0;
  const before = tokens[c.tokenStart - 1];
  const after = tokens[c.tokenEnd];
  f[i++] = before?.pos === "ADP" ? 1 : 0;
  f[i++] = before?.pos === "DET" ? 1 : 0;
  f[i++] = after !== undefined && isVerb(after) ? 1 : 0;
  f[i++] = after?.lower === "of" ? 1 : 0;
  f[i++] = c.cue === "definition" ? 1 : 0;
  f[i++] = c.cue === "emphasis" ? 1 : 0;
  f[i++] = c.cue === "expansion" ? 1 : 0;
  // The other candidates of the sentence, in one pass (several features below read them).
  const own = rarity;
  let insideOther = 0;
  let holdsOther = 0;
  let overlapping = 0;
  let sameKind = 0;
  let rarer = 0;
  let rarest = own;
  let ordinal = 0;
  let named = 0;
  let numbers = 0;
  let names = 0;
  const rarities = sentenceRarities(sameSentence, lesson);
  for (let k = 0; k < sameSentence.length; k++) {
    const o = sameSentence[k];
    if (o === c) continue;
    if (o.start <= c.start && o.end >= c.end) insideOther = 1;
    if (o.start >= c.start && o.end <= c.end) holdsOther = 1;
    if (o.start < c.end && o.end > c.start) overlapping++;
    if (o.kind === c.kind) sameKind++;
    // NaN where the lesson's context has no frequencies of it (see sentenceRarities).
    const known = rarities[k];
    const r = known === known ? known : own;
    if (r < own) rarer++;
    rarest = Math.min(rarest, r);
    if (o.start < c.start) ordinal++;
    if (o.kind !== "phrase") named++;
    if (o.kind === "year" || o.kind === "date" || o.kind === "quantity") numbers++;
    else if (o.kind !== "phrase" && o.kind !== "term") names++;
  }
  f[i++] = insideOther;
  f[i++] = holdsOther;
  f[i++] = before?.text === "(" && after?.text === ")" ? 1 : 0;
  f[i++] = c.sentence.origin === "prose" ? 0 : 1;
  i = oneHot(f, i, kinds, kind, rarity);
  i = oneHot(f, i, kinds, n >= 2 ? kind : -1, 1);
  f[i++] = c.kind === "phrase" && tokens[c.tokenStart]?.pos === "ADJ" ? 1 : 0;
  f[i++] = c.kind === "phrase" && (tokens[c.tokenEnd - 1]?.lower ?? "").endsWith("s") ? 1 : 0;
  f[i++] = before?.pos === "NUM" ? 1 : 0;
  f[i++] = Math.log(1 + sameSentence.length) / 3;
  f[i++] = before !== undefined && isVerb(before) ? 1 : 0;
  f[i++] = after?.pos === "PUNCT" ? 1 : 0;
  f[i++] = before?.text === "," ? 1 : 0;
  f[i++] = commonest;
  f[i++] = frequencies.last;
  f[i++] = c.tokenStart === 0 || (c.tokenStart === 1 && before?.pos === "DET") ? 1 : 0;
  f[i++] = /^["“'‘]$/.test(before?.text ?? "") && /^["”'’]$/.test(after?.text ?? "") ? 1 : 0;
  const position = tokens.length > 1 ? c.tokenStart / (tokens.length - 1) : 0;
  i = oneHot(f, i, kinds, kind, position);
  f[i++] = n;
  f[i++] = c.text.length;
  f[i++] = Math.min(c.sentence.index, 30);
  f[i++] = lesson.sentenceCount;
  f[i++] = c.tokenStart;
  f[i++] = tokens.length - c.tokenEnd;
  // The tokens before the candidate, read once for the sentence: its commas and the first verb (read below).
  const read = readTokens(tokens);
  const commas = read.commasBefore[c.tokenStart];
  const firstVerb = Math.min(read.firstVerb, c.tokenStart);
  f[i++] = commas;
  f[i++] = overlapping;
  f[i++] = sameKind;
  f[i++] = contentCount ? repeats / contentCount : 0;
  f[i++] = most;
  const capitalised = read.capitalisedBefore[c.tokenEnd] - read.capitalisedBefore[c.tokenStart];
  f[i++] = c.tokenEnd > c.tokenStart ? capitalised / (c.tokenEnd - c.tokenStart) : 0;
  f[i++] = tokens[c.tokenEnd - 1]?.pos === "PROPN" ? 1 : 0;
  f[i++] = tokens[c.tokenStart]?.pos === "NUM" ? 1 : 0;
  f[i++] = lesson.raritiesSorted.length ? countBelow(lesson.raritiesSorted, own) / lesson.raritiesSorted.length : 0;
  f[i++] = lesson.candidateCount ? (lesson.kindCounts.get(c.kind) ?? 0) / lesson.candidateCount : 0;
  f[i++] = rarer;
  f[i++] = own - rarest;
  f[i++] = ordinal;
  f[i++] = named;
  i = oneHot(f, i, BEFORE_WORDS.length, before === undefined ? -1 : BEFORE_WORDS.indexOf(before.lower), 1);
  i = oneHot(f, i, AFTER_WORDS.length, after === undefined ? -1 : AFTER_WORDS.indexOf(after.lower), 1);
  i = oneHot(f, i, NEIGHBOUR_TAGS.length, before === undefined ? -1 : NEIGHBOUR_TAGS.indexOf(before.pos), 1);
  i = oneHot(f, i, NEIGHBOUR_TAGS.length, after === undefined ? -1 : NEIGHBOUR_TAGS.indexOf(after.pos), 1);
  f[i++] = firstVerb >= c.tokenStart ? 1 : 0;
  let back = 1;
  while (back <= VERB_REACH && c.tokenStart - back >= 0 && !isVerb(tokens[c.tokenStart - back])) back++;
  f[i++] = c.tokenStart - back >= 0 ? back : VERB_REACH + 1;
  let ahead = 0;
  while (ahead < VERB_REACH && c.tokenEnd + ahead < tokens.length && !isVerb(tokens[c.tokenEnd + ahead])) ahead++;
  f[i++] = c.tokenEnd + ahead < tokens.length ? ahead + 1 : VERB_REACH + 1;
  f[i++] = numbers;
  f[i++] = names;
  f[i++] = n > 0 ? Math.log(lesson.wordUses.get(ws[n - 1])?.count ?? 1) : 0;
  f[i++] = contentCount ? given / contentCount : 0;
  f[i++] = contentCount ? returns / contentCount : 0;
  // Back over the candidate's own modifiers to the word that governs it, and the word before that.
  let head = c.tokenStart - 1;
  while (head >= 0 && MODIFIER_TAGS.has(tokens[head].pos)) head--;
  const governor = head >= 0 ? tokens[head] : undefined;
  const above = head >= 1 ? tokens[head - 1] : undefined;
  f[i++] = governor !== undefined && isVerb(governor) ? 1 : 0;
  f[i++] = governor?.pos === "ADP" && above !== undefined && isVerb(above) ? 1 : 0;
  f[i++] = governor?.pos === "ADP" && (above?.pos === "NOUN" || above?.pos === "PROPN") ? 1 : 0;
  return f;
}

/**
 * What candidateFeatures reads of a sentence's tokens, the same for each of its candidates: read once
 * for the sentence last seen (its candidates are scored one after another), not once per candidate.
 */
interface TokenCounts {
  tokens: readonly Token[] | null;
  /** commasBefore[k]: how many of the first k tokens are ","; capitalisedBefore[k]: open on a capital. */
  commasBefore: Int32Array;
  capitalisedBefore: Int32Array;
  /** The first verb's index (a token other than ","), or the number of tokens when there is none. */
  firstVerb: number;
}
const tokenCounts: TokenCounts = { tokens: null, commasBefore: new Int32Array(128), capitalisedBefore: new Int32Array(128), firstVerb: 0 };
const CAPITAL_FIRST = /^\p{Lu}/u;

function readTokens(tokens: readonly Token[]): TokenCounts {
  const read = tokenCounts;
  if (read.tokens === tokens) return read;
  const n = tokens.length;
  if (read.commasBefore.length <= n) {
    read.commasBefore = new Int32Array(2 * n + 2);
    read.capitalisedBefore = new Int32Array(2 * n + 2);
  }
  let commas = 0;
  let capitals = 0;
  let firstVerb = n;
  for (let k = 0; k < n; k++) {
    read.commasBefore[k] = commas;
    read.capitalisedBefore[k] = capitals;
    const t = tokens[k];
    if (t.text === ",") commas++;
    else if (firstVerb === n && isVerb(t)) firstVerb = k;
    if (CAPITAL_FIRST.test(t.text)) capitals++;
  }
  read.commasBefore[n] = commas;
  read.capitalisedBefore[n] = capitals;
  read.firstVerb = firstVerb;
  read.tokens = tokens;
  return read;
}

/** Scratch: the rarity of each candidate of the list last read (NaN where the lesson's context has none), and for which list and context. */
let rarityList: readonly Candidate[] | null = null;
let rarityLesson: LessonContext | null = null;
let rarityValues = new Float64Array(64);

function sentenceRarities(list: readonly Candidate[], lesson: LessonContext): Float64Array {
  if (list === rarityList && lesson === rarityLesson) return rarityValues;
  if (rarityValues.length < list.length) rarityValues = new Float64Array(2 * list.length);
  for (let k = 0; k < list.length; k++) rarityValues[k] = lesson.frequencies.get(list[k])?.rarity ?? NaN;
  rarityList = list;
  rarityLesson = lesson;
  return rarityValues;
}

/** Lets go of the sentence and lesson last read (the scratch above would keep them alive until the next). */
export function forgetSentenceReadings(): void {
  tokenCounts.tokens = null;
  rarityList = null;
  rarityLesson = null;
}

/**
 * Boosted trees of one depth, complete and flattened: per tree the split
 * features (as indexes into `features`) and thresholds of its internal nodes in
 * breadth-first order, then its leaf values. A value at most the threshold goes left.
 */
export interface RankModel {
  fittedOn: string;
  features: string[];
  depth: number;
  base: number;
  trees: Array<{ split: number[]; threshold: number[]; leaf: number[] }>;
}

/**
 * The model ready to evaluate: all trees in three flat typed arrays (no
 * per-tree objects to chase), feature names resolved to positions in the
 * feature vector. Tree t's internal nodes are split/threshold[t * internalNodes
 * + n], its leaves leaf[t * leaves + n], each in breadth-first order.
 */
interface ResolvedModel {
  depth: number;
  base: number;
  treeCount: number;
  split: Int32Array;
  threshold: Float64Array;
  leaf: Float64Array;
}

export function resolveModel(model: RankModel): ResolvedModel {
  const position = model.features.map((name) => FEATURE_NAMES.indexOf(name));
  const internalNodes = (1 << model.depth) - 1;
  const leaves = internalNodes + 1;
  const treeCount = model.trees.length;
  const split = new Int32Array(treeCount * internalNodes);
  const threshold = new Float64Array(treeCount * internalNodes);
  const leaf = new Float64Array(treeCount * leaves);
  model.trees.forEach((tree, t) => {
    for (let n = 0; n < internalNodes; n++) {
      const feature = position[tree.split[n]] ?? -1;
      if (feature >= 0) {
        split[t * internalNodes + n] = feature;
        threshold[t * internalNodes + n] = tree.threshold[n];
      } else {
        // A feature the vector does not compute reads as 0, so the node always goes the same way: say so with an
        // infinite threshold against feature 0 (any finite value), and the walk needs no check for missing features.
        split[t * internalNodes + n] = 0;
        threshold[t * internalNodes + n] = 0 <= tree.threshold[n] ? Infinity : -Infinity;
      }
    }
    leaf.set(tree.leaf, t * leaves);
  });
  return { depth: model.depth, base: model.base, treeCount, split, threshold, leaf };
}

const fittedModel = resolveModel(fitted as RankModel);

/** The trees' raw score (log-odds) of a feature vector. */
export function rawScore(features: ArrayLike<number>, model: ResolvedModel = fittedModel): number {
  const { depth, treeCount, split, threshold, leaf } = model;
  const internalNodes = (1 << depth) - 1;
  const leaves = internalNodes + 1;
  let z = model.base;
  for (let t = 0; t < treeCount; t++) {
    // Tree t's nodes start at `at`; a value at most the node's threshold goes left (child 2n + 1), else
    // right (2n + 2; so does NaN). Written without a branch: the direction is unpredictable, and
    // mispredicted branches cost more than the comparisons themselves.
    const at = t * internalNodes;
    let node = 0;
    if (depth === 4) {
      // The fitted model's depth, unrolled: V8 does not unroll the loop below, and unrolled the walk takes half the time.
      node = 2 * node + 2 - +(features[split[at + node]] <= threshold[at + node]);
      node = 2 * node + 2 - +(features[split[at + node]] <= threshold[at + node]);
      node = 2 * node + 2 - +(features[split[at + node]] <= threshold[at + node]);
      node = 2 * node + 2 - +(features[split[at + node]] <= threshold[at + node]);
    } else {
      for (let level = 0; level < depth; level++) node = 2 * node + 2 - +(features[split[at + node]] <= threshold[at + node]);
    }
    z += leaf[t * leaves + node - internalNodes];
  }
  return z;
}

/** Probability-like quality in (0, 1): the chance the candidate is an answer a person would ask for. */
export function candidateScore(features: ArrayLike<number>, model: ResolvedModel = fittedModel): number {
  return 1 / (1 + Math.exp(-rawScore(features, model)));
}

/**
 * candidateScore, with the fitted model, of the first `count` feature vectors,
 * written to `scores`. The trees walk four vectors side by side (the last few
 * alone): one vector's walk is a chain of dependent loads and adds that keeps the
 * processor waiting, and the other chains fill those waits (four score ~15% faster
 * than two did). Each vector's trees are still added in order, so every score is
 * the same number candidateScore gives.
 */
export function candidateScores(vectors: Float64Array[], count: number, scores: Float64Array): void {
  if (fittedModel.depth !== 4) {
    for (let k = 0; k < count; k++) scores[k] = candidateScore(vectors[k]);
    return;
  }
  let k = 0;
  for (; k + 3 < count; k += 4) scoreQuadDepth4(vectors[k], vectors[k + 1], vectors[k + 2], vectors[k + 3], scores, k);
  for (; k < count; k++) scores[k] = candidateScore(vectors[k]);
}

// The fitted model's arrays as module constants: the compiler then knows where
// they are and how long, and the walk below runs ~25% faster than with the
// same arrays read from a model object (measured on content/'s feature vectors).
const { split: FITTED_SPLIT, threshold: FITTED_THRESHOLD, leaf: FITTED_LEAF, treeCount: FITTED_TREES, base: FITTED_BASE } = fittedModel;

/** The fitted model's scores of `a`, `b`, `c` and `d` into scores[k..k + 3], its trees of depth 4 walked as in rawScore. */
function scoreQuadDepth4(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, scores: Float64Array, k: number): void {
  let za = FITTED_BASE;
  let zb = FITTED_BASE;
  let zc = FITTED_BASE;
  let zd = FITTED_BASE;
  for (let t = 0; t < FITTED_TREES; t++) {
    // 15 internal nodes and 16 leaves per tree; four levels, unrolled and interleaved
    // level by level: as a loop, or as nested calls of a one-step helper, the walk
    // measured 35-45% slower.
    const at = t * 15;
    let na = 0;
    let nb = 0;
    let nc = 0;
    let nd = 0;
    na = 2 * na + 2 - +(a[FITTED_SPLIT[at + na]] <= FITTED_THRESHOLD[at + na]);
    nb = 2 * nb + 2 - +(b[FITTED_SPLIT[at + nb]] <= FITTED_THRESHOLD[at + nb]);
    nc = 2 * nc + 2 - +(c[FITTED_SPLIT[at + nc]] <= FITTED_THRESHOLD[at + nc]);
    nd = 2 * nd + 2 - +(d[FITTED_SPLIT[at + nd]] <= FITTED_THRESHOLD[at + nd]);
    na = 2 * na + 2 - +(a[FITTED_SPLIT[at + na]] <= FITTED_THRESHOLD[at + na]);
    nb = 2 * nb + 2 - +(b[FITTED_SPLIT[at + nb]] <= FITTED_THRESHOLD[at + nb]);
    nc = 2 * nc + 2 - +(c[FITTED_SPLIT[at + nc]] <= FITTED_THRESHOLD[at + nc]);
    nd = 2 * nd + 2 - +(d[FITTED_SPLIT[at + nd]] <= FITTED_THRESHOLD[at + nd]);
    na = 2 * na + 2 - +(a[FITTED_SPLIT[at + na]] <= FITTED_THRESHOLD[at + na]);
    nb = 2 * nb + 2 - +(b[FITTED_SPLIT[at + nb]] <= FITTED_THRESHOLD[at + nb]);
    nc = 2 * nc + 2 - +(c[FITTED_SPLIT[at + nc]] <= FITTED_THRESHOLD[at + nc]);
    nd = 2 * nd + 2 - +(d[FITTED_SPLIT[at + nd]] <= FITTED_THRESHOLD[at + nd]);
    na = 2 * na + 2 - +(a[FITTED_SPLIT[at + na]] <= FITTED_THRESHOLD[at + na]);
    nb = 2 * nb + 2 - +(b[FITTED_SPLIT[at + nb]] <= FITTED_THRESHOLD[at + nb]);
    nc = 2 * nc + 2 - +(c[FITTED_SPLIT[at + nc]] <= FITTED_THRESHOLD[at + nc]);
    nd = 2 * nd + 2 - +(d[FITTED_SPLIT[at + nd]] <= FITTED_THRESHOLD[at + nd]);
    const leaves = t * 16 - 15;
    za += FITTED_LEAF[leaves + na];
    zb += FITTED_LEAF[leaves + nb];
    zc += FITTED_LEAF[leaves + nc];
    zd += FITTED_LEAF[leaves + nd];
  }
  scores[k] = 1 / (1 + Math.exp(-za));
  scores[k + 1] = 1 / (1 + Math.exp(-zb));
  scores[k + 2] = 1 / (1 + Math.exp(-zc));
  scores[k + 3] = 1 / (1 + Math.exp(-zd));
}

