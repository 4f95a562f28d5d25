import { sentenceCandidates } from "~/content/questions/candidates";
import { lessonSentences, logFrequency } from "~/content/questions/nlp";
import fitted from "~/content/questions/ranker.json" with { type: "json" };
import {
  FEATURE_NAMES,
  type RankModel,
  candidateFeatures,
  candidateScore,
  candidateScores,
  lessonContext,
  rawScore,
  resolveModel,
} from "~/content/questions/rank";
import { STOPWORDS } from "~/content/questions/text";
import type { LessonDraft } from "~/content/types";

function draft(title: string, text: string): LessonDraft {
  return { title, slug: "l", position: 0, line: 1, blocks: [{ kind: "paragraph", text, line: 1 }], text, readingMinutes: 1 };
}

function scoredCandidates(title: string, text: string): Array<{ text: string; features: number[]; score: number }> {
  const candidates = lessonSentences(draft(title, text)).map(sentenceCandidates);
  const context = lessonContext(title, candidates.flat());
  return candidates.flatMap((same) =>
    same.map((c) => {
      const features = candidateFeatures(c, same, context);
      return { text: c.text, features, score: candidateScore(features) };
    }),
  );
}

/** A one-feature model: one tree of depth 1 splitting `feature` at `threshold`. */
function stump(feature: string, threshold: number, left: number, right: number): RankModel {
  return { fittedOn: "test", features: [feature], depth: 1, base: 0.5, trees: [{ split: [0], threshold: [threshold], leaf: [left, right] }] };
}

describe("the answer ranker", () => {
  it("computes every feature the committed model splits on", () => {
    const model = fitted as RankModel;
    const used = new Set(model.trees.flatMap((t) => t.split.map((j) => model.features[j])));
    for (const name of used) expect(FEATURE_NAMES).toContain(name);
    expect(model.trees.length).toBeGreaterThan(0);
  });

  it("fills the whole feature vector, the same way every time", () => {
    const text = "The Danube Commission, based in Budapest, was set up in 1921. Barges may travel for 14 hours a day.";
    const first = scoredCandidates("River commissions", text);
    const again = scoredCandidates("River commissions", text);
    expect(first.length).toBeGreaterThan(3);
    for (const [i, c] of first.entries()) {
      expect(c.features).toHaveLength(FEATURE_NAMES.length);
      expect(c.features.every(Number.isFinite)).toBe(true);
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThan(1);
      expect(c.score).toBe(again[i].score);
    }
  });

  it("reads a candidate's word frequencies from the lesson's context as it would read them itself", () => {
    const text =
      "The Danube Commission, based in Budapest, was set up in 1921 by the riparian states. " +
      "Barges of the commission may travel for 14 hours a day on the lower Danube. " +
      "Its secretariat publishes the sailing directions and the hydrological yearbook. " +
      "The Security Council adopted Resolution 1373 on a proposal of the US in 2001.";
    const candidates = lessonSentences(draft("River commissions", text)).map(sentenceCandidates);
    const context = lessonContext("River commissions", candidates.flat());
    let compared = 0;
    for (const same of candidates) {
      for (const c of same) {
        // The same context without the frequencies it read of this candidate: its features look them up afresh.
        const unread = { ...context, frequencies: new Map([...context.frequencies].filter(([other]) => other !== c)) };
        const features = candidateFeatures(c, same, context);
        expect(features, c.text).toEqual(candidateFeatures(c, same, unread));
        // And as the features define them: over the content words (no stopword, no number), the head word whatever it is.
        const scaled = c.words.filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w)).map((w) => logFrequency(w) / 7);
        const feature = (name: string) => features[FEATURE_NAMES.indexOf(name)];
        expect(feature("rarity:min"), c.text).toBe(scaled.length ? Math.min(...scaled) : 0);
        expect(feature("rarity:max"), c.text).toBe(scaled.length ? Math.max(...scaled) : 0);
        expect(feature("rarity:mean"), c.text).toBe(scaled.length ? scaled.reduce((a, b) => a + b, 0) / scaled.length : 0);
        expect(feature("rarity:head"), c.text).toBe(c.words.length ? logFrequency(c.words[c.words.length - 1]) / 7 : 0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it("scores a batch of vectors exactly as one at a time, whatever the batch's length", () => {
    const text =
      "The Danube Commission, based in Budapest, was set up in 1921. Barges may travel for 14 hours a day. " +
      "The Rhine Commission in Strasbourg is older, and Switzerland joined it in 1868.";
    const vectors = scoredCandidates("River commissions", text).map((c) => Float64Array.from(c.features));
    expect(vectors.length).toBeGreaterThan(9);
    // Batches of 4 are walked together, the rest alone: cover every remainder.
    for (const count of [1, 2, 3, 4, 5, 6, 7, 8, vectors.length]) {
      const scores = new Float64Array(count);
      candidateScores(vectors, count, scores);
      expect([...scores]).toEqual(vectors.slice(0, count).map((v) => candidateScore(v)));
    }
  });

  it("sends a value at most the threshold left and a larger one right", () => {
    const model = resolveModel(stump("count:words", 2, -1, 3));
    const vector = (words: number) => FEATURE_NAMES.map((name) => (name === "count:words" ? words : 0));
    expect(rawScore(vector(2), model)).toBeCloseTo(-0.5);
    expect(rawScore(vector(3), model)).toBeCloseTo(3.5);
    expect(candidateScore(vector(3), model)).toBeGreaterThan(candidateScore(vector(1), model));
  });

  it("reads a feature it does not compute as zero", () => {
    const model = resolveModel(stump("no-such-feature", 0.5, 2, -2));
    expect(rawScore(FEATURE_NAMES.map(() => 1), model)).toBeCloseTo(2.5);
  });

  it("tells what governs a candidate and whether other sentences use its words", () => {
    const text =
      "Farmers in the valley gather ripe apples each autumn. The ripe apples are sold at a market in the town. " +
      "Traders from the coast bring salted fish. Apples grow on the hills.";
    const scored = scoredCandidates("Valley trade", text);
    const features = (candidate: string, name: string) =>
      scored.filter((c) => c.text === candidate).map((c) => c.features[FEATURE_NAMES.indexOf(name)]);
    // "gather ripe apples": the object of a verb; "at a market" after a verb, "in the town" after a noun.
    expect(features("ripe apples", "clause:object-of-verb")).toEqual([1, 0]);
    expect(features("salted fish", "clause:object-of-verb")).toEqual([1]);
    expect(features("market", "clause:preposition-after-verb")).toEqual([1]);
    expect(features("town", "clause:preposition-after-noun")).toEqual([1]);
    // The second sentence repeats "ripe apples", and "apples" comes back in the last; "salted fish" is said once.
    expect(features("ripe apples", "lesson:words-given")).toEqual([0, 1]);
    expect(features("ripe apples", "lesson:words-return")).toEqual([1, 0.5]);
    expect(features("salted fish", "lesson:words-given")).toEqual([0]);
    expect(features("salted fish", "lesson:words-return")).toEqual([0]);
  });

  it("ranks a year or a named body above a common word of the same sentence", () => {
    const scored = scoredCandidates("River commissions", "The Danube Commission was set up in 1921 by several states.");
    const score = (text: string) => {
      const found = scored.find((c) => c.text === text);
      expect(found, text).toBeDefined();
      return found?.score ?? Number.NaN;
    };
    expect(score("1921")).toBeGreaterThan(score("several states"));
    expect(score("Danube Commission")).toBeGreaterThan(score("several states"));
  });
});
