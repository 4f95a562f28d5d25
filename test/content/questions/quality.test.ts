import { acceptance, hasStem, readSentence, readStatement, type QualitySignals, type StatementTraits } from "~/content/questions/quality";
import { forgetFoldings } from "~/content/questions/text";

/** Seeded text over pieces that reach every path of the word reading: ASCII and not, capitals, digits, joiners, blanks. */
function seededTexts(seed: number, count: number): string[] {
  // A 32-bit linear congruential generator, its high bits read (the low ones cycle fast).
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const pieces = [
    "The", "they", "THEIR", "Its", "such", "Former", "latter", "these", "both", "it", "he", "hers", "this-", "theirs",
    "organisation", "Reform", "reformed", "1848", "x2", "0", "Bx10", "pivotal", "Framework", "ROLE", "fostering", "Æthelred", "É", "é", "ß", "Ølse", "½", "²", "×", "-", "'", "’s",
    "O'Neill", "well-known", "e.g.,", "to", "and", "or", ",", ".", ":", "(", ")", "_____", " ", "  ", "\u00a0", "–", "—",
    "“", "”", "\u2009", "Σοφία", "İstanbul", "ſuch", "中", "😀", "\t",
  ];
  const texts: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = "";
    for (let i = next(16); i > 0; i--) text += pieces[next(pieces.length)] + (next(3) === 0 ? "" : " ");
    texts.push(text);
  }
  return texts;
}

/** The statement's stems as a set, whichever way they are kept. */
function stemSet(traits: StatementTraits): Set<string> {
  if (traits.stems !== null) return traits.stems;
  return new Set([...traits.longWordStarts!].map((at) => traits.text.slice(at, at + 5).toLowerCase()));
}

describe("the quality estimate's reading of words", () => {
  it("reads a statement's words by scanning as the regular expression reads them", () => {
    const texts = seededTexts(7, 5000);
    let scanned = 0;
    for (const text of texts) {
      const byScan = readStatement(text, true);
      const byExpression = readStatement(text, false);
      const { stems, longWordStarts, ...rest } = byScan;
      const { stems: _stems, longWordStarts: _starts, ...expected } = byExpression;
      expect(rest, JSON.stringify(text)).toEqual(expected);
      const expectedStems = stemSet(byExpression);
      expect(stemSet(byScan), JSON.stringify(text)).toEqual(expectedStems);
      // hasStem agrees on every stem and on near misses (a stem of four letters, one with a capital).
      for (const stem of [...expectedStems, "refor", "refo", "Refor", "organ", "æthel", "ølse ", "i̇stan"]) {
        expect(hasStem(byScan, stem), `${JSON.stringify(text)} ${stem}`).toBe(expectedStems.has(stem));
      }
      if (stems === null && longWordStarts !== null) scanned++;
    }
    // Most of the texts take the scan; the rest (Greek, a dotted capital I, an emoji...) the expression.
    expect(scanned).toBeGreaterThan(1000);
    expect(scanned).toBeLessThan(texts.length);
  });

  it("reads what stands around a blank at the blank as the expressions read the whole statement", () => {
    // Seeded statements over the pieces those expressions look for around a blank, and near misses.
    let seed = 29;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const pieces = ["_____", "______", "e.g.", "e.g.,", "and", "or", "to", "toll", "band", "–", "—", "-", ",", " ", "  ", "\t", "x", "Spain"];
    const seen = { inList: 0, notInList: 0, rangeEnd: 0, notRangeEnd: 0 };
    for (let k = 0; k < 20000; k++) {
      let text = "";
      for (let i = 1 + next(8); i > 0; i--) text += pieces[next(pieces.length)];
      const byScan = readStatement(text, true);
      const byExpression = readStatement(text, false);
      expect([byScan.blankInList, byScan.rangeEnd], JSON.stringify(text)).toEqual([byExpression.blankInList, byExpression.rangeEnd]);
      seen[byExpression.blankInList ? "inList" : "notInList"]++;
      seen[byExpression.rangeEnd ? "rangeEnd" : "notRangeEnd"]++;
    }
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(1000);
  });

  it("reads a sentence's words and plainness by scanning as the regular expression reads them", () => {
    for (const text of seededTexts(13, 5000)) {
      expect(readSentence(text, true), JSON.stringify(text)).toEqual(readSentence(text, false));
    }
  });

  it("estimates a question the same from its remembered traits as from new ones", () => {
    const sentence = "The Treaty of Westphalia, signed in 1648, ended the Thirty Years’ War.";
    const signals: QualitySignals[] = [
      { type: "cloze", kind: "year", rankScore: 0.7, prompt: "The Treaty of Westphalia, signed in _____, ended the Thirty Years’ War.", answer: "1648", sentence, withContext: false, answerOpensSentence: false, lessonTitle: "Westphalia" },
      { type: "multiple_choice", kind: "treaty", rankScore: 0.6, prompt: "The _____, signed in 1648, ended the Thirty Years’ War.", answer: "Treaty of Westphalia", sentence, withContext: false, answerOpensSentence: false, options: ["Treaty of Westphalia", "Peace of Augsburg", "Westphalia", "Edict of Nantes"], lessonTitle: "Westphalia" },
      { type: "short_answer", kind: "treaty", rankScore: 0.6, prompt: "What fills the blank? The _____, signed in 1648, ended the Thirty Years’ War.", answer: "Treaty of Westphalia", sentence, withContext: false, answerOpensSentence: false, lessonTitle: "Westphalia" },
      { type: "true_false", truth: false, kind: "year", rankScore: 0.7, prompt: "True or false: The Treaty of Westphalia, signed in 1555, ended the Thirty Years’ War.", answer: "False", sentence, withContext: false, answerOpensSentence: false, options: ["True", "False"], lessonTitle: "Westphalia" },
    ];
    const fresh = signals.map((s) => {
      forgetFoldings();
      return acceptance(s);
    });
    forgetFoldings();
    // Each in turn, then all again: the second round reads every trait from the memos.
    const remembered = [...signals, ...signals].map((s) => acceptance(s));
    expect(remembered).toEqual([...fresh, ...fresh]);
    for (const p of fresh) expect(p).toBeGreaterThan(0);
  });
});
