/**
 * One fact stated again in another sentence of a module, in the same lesson or a later one: "created 93
 * Anti-Terrorism Task Forces" in an overview, again in two later lessons as "the creation of 93 Anti-Terrorism
 * Task Forces". Each sentence is a sibling group of its own, so review could show two of these questions on
 * one day, and the first one's feedback answers the next. The rule is that all forms of one fact are siblings: a later
 * statement's group joins the first statement's. Pure.
 */
import type { Candidate, CandidateKind } from "./candidates";
import { STOPWORDS, normaliseOnce, wordForm } from "./text";

/** Keys that are numbers: the words around them say what they count or date. */
const NUMBER_KINDS: ReadonlySet<CandidateKind> = new Set(["year", "date", "quantity"]);

/** Words either side of the key that say what it is a fact about ("93 [Anti-Terrorism Task Forces]"). */
const NEIGHBOURHOOD = 6;
/**
 * Shared words of the neighbourhoods that make two statements of one number (a year, a date, a quantity) one
 * fact. One ("93 ... forces") is often a coincidence; two ("93 ... task forces") rarely. A false match costs
 * little: two questions that could have been shown on one day are shown on two.
 */
const SHARED_WORDS_NUMBER = 2;
/**
 * A name is stated about many things in one module ("NATO's counter-terrorism efforts", "NATO's
 * counter-terrorism courses"): the same fact only when most of what surrounds it is the same.
 */
const SHARED_WORDS_NAME = 3;
const SHARED_SHARE_NAME = 0.4;

interface Statement {
  /** The sibling group the statement's questions are in (the sentence they show first). */
  group: string;
  /** Where the key stands: its sentence and span. */
  sentence: string;
  start: number;
  end: number;
  /** Word forms near the key, stopwords and the key's own words left out: read when a second statement needs them. */
  near?: Set<string>;
}

/** A text's word forms, without the memos forms() keeps: these slices are read once. */
function wordForms(text: string): string[] {
  const folded = normaliseOnce(text);
  return folded === "" ? [] : folded.split(" ").map(wordForm);
}

/** The word forms within NEIGHBOURHOOD words either side of the key at [start, end) of `sentence`. */
function neighbourhood(sentence: string, start: number, end: number, ignored: ReadonlySet<string>): Set<string> {
  const keyForms = new Set(wordForms(sentence.slice(start, end)));
  const before = wordForms(sentence.slice(0, start));
  const after = wordForms(sentence.slice(end));
  const near = new Set<string>();
  for (const w of [...before.slice(-NEIGHBOURHOOD), ...after.slice(0, NEIGHBOURHOOD)]) {
    if (w.length > 2 && !STOPWORDS.has(w) && !keyForms.has(w) && !ignored.has(w)) near.add(w);
  }
  return near;
}

/** Whether two neighbourhoods of one key say it of the same thing. */
function sameFact(a: ReadonlySet<string>, b: ReadonlySet<string>, number: boolean): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  if (number) return shared >= SHARED_WORDS_NUMBER;
  return shared >= SHARED_WORDS_NAME && shared / (a.size + b.size - shared) >= SHARED_SHARE_NAME;
}

/**
 * The statements of each key in one module, in the order its lessons are made: each new statement of a key
 * already stated about the same thing gets the first statement's sibling group.
 */
export class RestatedFacts {
  private readonly byKey = new Map<string, Statement[]>();
  /** A group that joined another: every later question of that group goes where the first did. */
  private readonly joined = new Map<string, string>();
  /** The groups of lessons whose questions are keyed, and those the current lesson has recorded so far. */
  private readonly keyed = new Set<string>();
  private readonly recorded = new Set<string>();
  /**
   * The words of the module's title: what the whole module is about ("counter-terrorism") surrounds half its
   * keys, and says nothing about which fact one is.
   */
  private readonly subjectWords: ReadonlySet<string>;

  constructor(moduleTitle: string) {
    this.subjectWords = new Set(wordForms(moduleTitle));
  }

  /**
   * Records the fact whose key is the candidate `key`, in sibling group `group`, and returns the group its
   * questions belong to: an earlier statement's, when this restates one.
   */
  groupOf(key: Pick<Candidate, "kind" | "folded" | "sentence" | "start" | "end">, group: string): string {
    const own = this.resolve(group);
    const { folded } = key;
    const statement: Statement = { group: own, sentence: key.sentence.text, start: key.start, end: key.end };
    this.recorded.add(own);
    const statements = this.byKey.get(folded);
    // Most keys are stated once in a module: their neighbourhoods are never read.
    if (statements === undefined) {
      this.byKey.set(folded, [statement]);
      return own;
    }
    const number = NUMBER_KINDS.has(key.kind);
    const near = this.nearOf(statement);
    for (const earlier of statements) {
      const first = this.resolve(earlier.group);
      if (first === own) return own;
      // A group whose questions are keyed already (an earlier lesson's, or one this sentence joined) stays where it
      // is: moving it would leave its questions behind, siblings of nothing that joins it later.
      if (this.keyed.has(own)) break;
      if (!sameFact(near, this.nearOf(earlier), number)) continue;
      // The whole group joins, so every question of this sentence stays with its sentence's others.
      this.joined.set(own, first);
      return first;
    }
    statements.push(statement);
    return own;
  }

  /** After a lesson's facts are recorded, before its questions are keyed: its groups may join no other from now on. */
  sealLesson(): void {
    for (const group of this.recorded) this.keyed.add(group);
    this.recorded.clear();
  }

  private nearOf(statement: Statement): Set<string> {
    statement.near ??= neighbourhood(statement.sentence, statement.start, statement.end, this.subjectWords);
    return statement.near;
  }

  /** The group a group's questions are in now: its own, or the one it joined (which may have joined another since). */
  resolve(group: string): string {
    let at = group;
    for (let next = this.joined.get(at); next !== undefined; next = this.joined.get(at)) at = next;
    return at;
  }
}
