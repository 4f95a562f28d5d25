/**
 * The course's sentences, folded, each once, and which of them hold each
 * answer: what a false statement is checked against (is "Lima" put where the
 * material says "Paris" perhaps true elsewhere in the material?). A sentence
 * is a number here, so the index by answer hashes and compares numbers where
 * it would hash and compare whole sentences.
 */

/** An answer held by at most this many sentences is checked against each of them. */
const DIRECT_SCAN = 64;
/**
 * The most sentences one statement is compared with. An answer held by thousands of
 * sentences ("Paris" in a long gazetteer) made every statement about it read all of
 * them: 1.7 of 6 CPU-seconds for 1 MB of one-line paragraphs, growing with the square
 * of the size. Past this, a statement that cannot be ruled out is taken as stated.
 */
export const MAX_SCANNED_SENTENCES = 2_000;

export class MaterialIndex {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly withAnswer = new Map<string, Set<number>>();
  /** Sentences by word, built the first time an answer is held by many sentences (never, for most courses). */
  private byWord: Map<string, number[]> | null = null;
  private indexedTexts = 0;
  /** Sentences compared with a statement so far: the work containsStatement did. */
  scanned = 0;

  /** The number of a folded sentence, which is added if new. */
  sentence(folded: string): number {
    let number = this.numbers.get(folded);
    if (number === undefined) {
      number = this.texts.push(folded) - 1;
      this.numbers.set(folded, number);
    }
    return number;
  }

  /** Records that sentence `number` holds the (folded) answer. */
  addAnswer(answer: string, number: number): void {
    const where = this.withAnswer.get(answer);
    if (!where) this.withAnswer.set(answer, new Set([number]));
    else where.add(number);
  }

  /**
   * Whether the folded statement is a sentence of the material, or is found in one of
   * those holding the (folded) answer. When many hold the answer, only those also
   * holding the statement's rarest inner word are compared (a sentence containing the
   * statement contains its inner words whole: folding leaves one space between words);
   * past MAX_SCANNED_SENTENCES, the statement is taken as found.
   */
  containsStatement(statement: string, answer: string): boolean {
    if (this.numbers.has(statement)) return true;
    const holders = this.withAnswer.get(answer);
    if (!holders) return false;
    if (holders.size <= DIRECT_SCAN) return this.anyContains(holders, statement, null);
    const rarest = this.rarestInnerWord(statement);
    if (rarest !== null && rarest.length < holders.size) {
      return rarest.length > MAX_SCANNED_SENTENCES || this.anyContains(rarest, statement, holders);
    }
    return holders.size > MAX_SCANNED_SENTENCES || this.anyContains(holders, statement, null);
  }

  private anyContains(numbers: Iterable<number>, statement: string, holders: Set<number> | null): boolean {
    for (const number of numbers) {
      if (holders !== null && !holders.has(number)) continue;
      this.scanned++;
      const s = this.texts[number];
      if (s.length >= statement.length && s.includes(statement)) return true;
    }
    return false;
  }

  /** The sentences holding the statement's least common inner word (null when it has none). */
  private rarestInnerWord(statement: string): number[] | null {
    const words = statement.split(" ");
    if (words.length < 3) return null;
    const byWord = this.wordIndex();
    let rarest: number[] | null = null;
    for (let k = 1; k < words.length - 1; k++) {
      const list = byWord.get(words[k]) ?? [];
      if (rarest === null || list.length < rarest.length) rarest = list;
    }
    return rarest;
  }

  private wordIndex(): Map<string, number[]> {
    const byWord = (this.byWord ??= new Map());
    for (; this.indexedTexts < this.texts.length; this.indexedTexts++) {
      const number = this.indexedTexts;
      for (const word of this.texts[number].split(" ")) {
        const list = byWord.get(word);
        if (!list) byWord.set(word, [number]);
        // A word twice in one sentence is listed once.
        else if (list[list.length - 1] !== number) list.push(number);
      }
    }
    return byWord;
  }
}
