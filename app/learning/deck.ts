/**
 * Which of a lesson's questions enter a learner's deck when they start it.
 * The bank holds every form of every fact; a deck holds the best few, so one
 * lesson is not hundreds of cards, and a module asks a fact once however many
 * of its lessons state it. Pure: the same ranked bank gives the same deck.
 */
import { vouchedFor, type Curation } from "../questions/curation";
import { acronymSpelledOut } from "../content/questions/rules";
import { questionFlags } from "../questions/flags";
import { foldAnswer } from "../questions/fold";

/** A lesson brings at most this many cards into a deck... */
export const CARDS_PER_LESSON = 24;
/**
 * ...questions on at most six facts of one sentence (its sibling group) while other sentences wait, one each (a second form of the
 * same fact is answered by the first). They are siblings: review buries the others while one is shown that
 * day (learning/queue.ts), practice never shows two back to back (practiceOrder), and an assessment's form
 * takes one (assessment/form.ts). A sentence with a year, a count and a place asks each, as the cloze cards
 * of one note do in Anki, rather than hiding all but one: a lesson's deck asks each fact it states (up to
 * CARDS_PER_LESSON); six keeps one dense sentence from filling it. Four left out 88 facts of nine held-out sets
 * (2,696 key facts) that six asks ("a mausoleum whose tomb was finished by about 1643 and whose whole complex was
 * completed around 1653", after its 1631 and its builder): a learner meets one of them a day either way...
 */
export const FACTS_PER_SENTENCE = 6;
/**
 * ...and only questions a teacher is estimated more likely than not to accept (quality is that
 * estimate: app/content/questions/quality.ts). Vague prose gets fewer questions, not worse ones.
 */
export const DECK_QUALITY_BAR = 0.5;

/**
 * A module's setting of which questions reach learners: "quality", those at or above its bar
 * (DECK_QUALITY_BAR when it sets none) that no automatic check flags; "accepted", none of those.
 * Under either, a question an instructor vouched for (accepted, edited or wrote) is eligible
 * whatever the estimate and the checks say: an instructor's judgement beats them.
 *
 * A generated true/false statement never enters a deck (an instructor may vouch for one):
 * blind raters accepted 18 % of false statements and 51 % of true ones (109 rated), and a deck
 * of them can be passed by answering "True" every time. Nor does a question whose prompt spells
 * out its acronym key.
 */
export interface DeckPolicy {
  learnerQuestions: "quality" | "accepted";
  qualityBar: number | null;
}

export const DEFAULT_DECK_POLICY: DeckPolicy = { learnerQuestions: "quality", qualityBar: null };

/** Whether a question may enter a deck under the policy, before the deck's own limits. */
export function eligibleForDeck(q: DeckCandidate, policy: DeckPolicy = DEFAULT_DECK_POLICY): boolean {
  if (q.curation && vouchedFor(q.curation)) return true;
  if (policy.learnerQuestions === "accepted") return false;
  return (
    q.type !== "true_false" &&
    q.quality >= (policy.qualityBar ?? DECK_QUALITY_BAR) &&
    questionFlags(q).length === 0 &&
    acronymSpelledOut(q.prompt, q.answer) === null
  );
}

/**
 * The best-ranked eligible questions (eligibleForDeck), on at most FACTS_PER_SENTENCE facts per
 * sentence until every sentence has had its turn (then more while there is room), CARDS_PER_LESSON
 * in all, with no more true statements than false ones and none that gives another's key away. Questions an instructor vouched for are chosen first,
 * so the deck's limits never leave one out for a generated question. `ranked` is best first.
 */
export function chooseDeckQuestions<Q extends DeckCandidate>(ranked: readonly Q[], policy: DeckPolicy = DEFAULT_DECK_POLICY): Q[] {
  const perSentence = new Map<string, number>();
  const chosen: Q[] = [];
  let falseStatements = 0;
  let trueStatements = 0;
  const take = (q: Q) => {
    perSentence.set(q.siblingKey, (perSentence.get(q.siblingKey) ?? 0) + 1);
    chosen.push(q);
  };
  // Checked once each: the automatic checks read every prompt with a few dozen patterns.
  const eligible = ranked.filter((q) => eligibleForDeck(q, policy));
  const folded = foldingOnce<Q>();
  const fits = (q: Q) => (perSentence.get(q.siblingKey) ?? 0) < FACTS_PER_SENTENCE && !givesAwayOrIsGivenAway(q, chosen, folded);
  const isVouched = (q: Q) => q.curation !== undefined && vouchedFor(q.curation);
  // True statements wait: a deck holds no more of them than of false ones, or "True" every time would score.
  const heldTrue: Q[] = [];
  const generated = eligible.filter((r) => !isVouched(r));
  // Read among the best-ranked few only: a deck takes 24, and a module's low bar may let thousands through.
  const shownOften = keysShownOften(generated.slice(0, SHOWN_OFTEN_WINDOW), folded);
  const candidates = [...eligible.filter(isVouched), ...generated.filter((q) => !shownOften.has(q)), ...generated.filter((q) => shownOften.has(q))];
  for (const q of candidates) {
    if (chosen.length >= CARDS_PER_LESSON) break;
    if (!fits(q)) continue;
    if (q.type === "true_false" && q.answer === "True") {
      heldTrue.push(q);
      continue;
    }
    if (q.type === "true_false") falseStatements++;
    take(q);
  }
  for (const q of heldTrue) {
    if (chosen.length >= CARDS_PER_LESSON || trueStatements >= falseStatements) break;
    if (!fits(q)) continue;
    trueStatements++;
    take(q);
  }
  // Then, while the deck has room, a dense sentence's facts past FACTS_PER_SENTENCE: every other sentence has had
  // its turn, and a fact no deck asks is never asked. Its siblings still meet one a day (heldout32-35: 38 more of
  // 964 key facts asked this way and by GROUP_STEPS_BACK).
  const taken = new Set(chosen);
  for (const q of candidates) {
    if (chosen.length >= CARDS_PER_LESSON) break;
    if (q.type === "true_false" || taken.has(q) || givesAwayOrIsGivenAway(q, chosen, folded)) continue;
    take(q);
  }
  // Back in the bank's order (best first).
  const order = new Map(ranked.map((q, i) => [q, i]));
  return chosen.sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * The decks of a module's lessons, in lesson order (chooseDeckQuestions each), where a later lesson does not ask
 * again a fact an earlier lesson's deck asks: "93 Anti-Terrorism Task Forces", stated again in three lessons of
 * one module, was asked in each. A fact stated again is in the first statement's sibling group
 * (content/questions/restated.ts), so "the same fact" is the same sibling group and the same key; the other
 * facts of the later sentence are still asked. A question an instructor vouched for stays whatever was asked before.
 */
export function chooseModuleDecks<Q extends DeckCandidate>(lessons: readonly (readonly Q[])[], policy: DeckPolicy = DEFAULT_DECK_POLICY): Q[][] {
  const askedBefore = new Set<string>();
  return lessons.map((ranked) => {
    const deck = chooseDeckQuestions(
      ranked.filter((q) => (q.curation !== undefined && vouchedFor(q.curation)) || !askedBefore.has(factOf(q))),
      policy,
    );
    for (const q of deck) if (q.type !== "true_false") askedBefore.add(factOf(q));
    return deck;
  });
}

/** A fact: its sibling group (a fact stated again is in its first statement's) and its key. */
function factOf(q: DeckCandidate): string {
  return `${q.siblingKey}\u0000${foldAnswer(q.answer)}`;
}

/**
 * The questions of earlier lessons' decks (`earlierDecks`, chooseModuleDecks's) on facts a lesson states again: its
 * `eligible` questions (those its policy's bar or an instructor lets through, before the checks) include one on the same fact, which chooseModuleDecks left
 * to the earlier deck. Starting the lesson adds them too, so a learner who starts it first is still asked them.
 */
export function restatedEarlier<Q extends DeckCandidate>(eligible: readonly Q[], earlierDecks: readonly (readonly Q[])[]): Q[] {
  const stated = new Set(eligible.filter((q) => q.type !== "true_false").map(factOf));
  const found = new Set<Q>();
  for (const deck of earlierDecks) for (const q of deck) if (q.type !== "true_false" && stated.has(factOf(q))) found.add(q);
  return [...found];
}

/**
 * The questions whose key at least SHOWN_OFTEN other eligible questions (of other sentences) show in their
 * prompts: "Panama" in a lesson on the Panama Canal. Chosen first, such a question would keep all of those
 * out (each gives its key away); it waits until they are chosen, and enters if it still fits. Its key is
 * learnt from them anyway.
 */
const SHOWN_OFTEN = 2;
/** How many of the best-ranked eligible questions keysShownOften reads (it compares each with each). */
const SHOWN_OFTEN_WINDOW = 4 * CARDS_PER_LESSON;

function keysShownOften<Q extends DeckCandidate>(eligible: readonly Q[], folded: (q: Q) => Folded): Set<Q> {
  const often = new Set<Q>();
  eligible.forEach((q, i) => {
    const { key, number } = folded(q);
    // Another sentence showing a number keeps out no question asking it (givesAwayOrIsGivenAway).
    if (number) return;
    let showing = 0;
    for (let j = 0; j < eligible.length && showing < SHOWN_OFTEN; j++) {
      if (j !== i && eligible[j].siblingKey !== q.siblingKey && folded(eligible[j]).prompt.includes(key)) showing++;
    }
    if (showing >= SHOWN_OFTEN) often.add(q);
  });
  return often;
}

export interface DeckCandidate {
  siblingKey: string;
  quality: number;
  type: string;
  prompt: string;
  answer: string;
  /** The other answers it takes (an acronym's expansion): the automatic checks read them too. */
  accepted?: readonly string[];
  /** What an instructor did to it (absent: nothing, as for a bank straight from the generator). */
  curation?: Curation;
}

/**
 * Whether a question asks what a chosen one already asks (the same key, or a key holding the other:
 * "September 11" and "September 11, 2001"), or, from another sentence, shows a chosen one's key in its
 * prompt or has its own key shown in a chosen one's prompt: the first answers the other. A sibling (the
 * same sentence) shows the other's key too, but is never shown on the same day or back to back.
 */
function givesAwayOrIsGivenAway<Q extends DeckCandidate>(q: Q, chosen: readonly Q[], folded: (q: Q) => Folded): boolean {
  const { prompt, key, number } = folded(q);
  return chosen.some((c) => {
    const other = folded(c);
    if (other.key.includes(key) || key.includes(other.key)) {
      // A number (a year, a count) of another sentence asks another fact unless the words around both blanks say the
      // same thing: "from January _____ he received subsidies" (1631) and "crushed Tilly at Breitenfeld on _____"
      // (17 September 1631).
      const numeric = key.length <= other.key.length ? number : other.number;
      if (c.siblingKey === q.siblingKey || !numeric || blanksShareSetting(q, c)) return true;
    }
    if (c.siblingKey === q.siblingKey) return false;
    // A number shown in another sentence's prompt is another fact's when the words around it say something else:
    // "the treaty of 20 November _____" (1815) is not answered by "between September 1814 and June 1815", but
    // "The congress opened in _____" (1814) is by "which had opened in 1814" (a restatement restated.ts missed).
    return (
      (prompt.includes(other.key) && (!other.number || sameSetting(q, c))) || (other.prompt.includes(key) && (!number || sameSetting(c, q)))
    );
  });
}

/** Words that say nothing of what a number is about: a lead-in's, and the commonest short ones. */
const SETTING_STOPWORDS = new Set("which what when where year date number fills blank with from that this have were been into their there they about than after before during".split(" "));
/** How many words either side of a number or a blank say what it is about. */
const SETTING_WORDS = 4;

function settingWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !SETTING_STOPWORDS.has(w));
}

function wordsAround(text: string, from: number, to: number): string[] {
  return [...settingWords(text.slice(0, from)).slice(-SETTING_WORDS), ...settingWords(text.slice(to)).slice(0, SETTING_WORDS)];
}

/**
 * Whether `shower`'s prompt shows `asker`'s numeric key among words `asker`'s prompt has around its blank (or, with no
 * blank, anywhere): the same fact, so the first answers the other. A key not found as written counts as shown.
 */
function sameSetting(shower: DeckCandidate, asker: DeckCandidate): boolean {
  const key = asker.answer.trim();
  const at = shower.prompt.indexOf(key);
  if (at < 0) return true;
  const shown = new Set(wordsAround(shower.prompt, at, at + key.length));
  const blank = asker.prompt.indexOf("_____");
  const asked = blank >= 0 ? wordsAround(asker.prompt, blank, blank + 5) : settingWords(asker.prompt);
  return asked.some((w) => shown.has(w));
}

/** Whether the words around two questions' blanks (or, with no blank, their prompts' words) have one in common. */
function blanksShareSetting(a: DeckCandidate, b: DeckCandidate): boolean {
  const around = (prompt: string) => {
    const blank = prompt.indexOf("_____");
    return blank >= 0 ? wordsAround(prompt, blank, blank + 5) : settingWords(prompt);
  };
  const words = new Set(around(a.prompt));
  return around(b.prompt).some((w) => words.has(w));
}

/** A question's prompt and key folded (foldAnswer), each with a space either side for whole-word search. */
interface Folded {
  prompt: string;
  key: string;
  /** Whether the key is a number: digits ("1815", "5,600"), or any key of a numeric question ("three"). */
  number: boolean;
}

/** Folds each question once: the deck's checks compare every candidate with every chosen question. */
function foldingOnce<Q extends DeckCandidate>(): (q: Q) => Folded {
  const memo = new Map<Q, Folded>();
  return (q) => {
    let f = memo.get(q);
    if (!f) {
      const number = q.type === "numeric" || /^\s*\d[\d,. ]*\s*$/.test(q.answer);
      memo.set(q, (f = { prompt: ` ${foldAnswer(q.prompt)} `, key: ` ${foldAnswer(q.answer)} `, number }));
    }
    return f;
  };
}

/**
 * The order practice shows a lesson's deck in: best first, but never two siblings (questions
 * made from one sentence) back to back, since the first one's feedback answers the next. A group
 * holding more than the rest of the deck can separate goes next, or its last questions would find
 * no place; one that can find no place is left out.
 */
export function practiceOrder<Q extends { siblingKey: string }>(deck: readonly Q[]): Q[] {
  const waiting = deck.slice();
  const left = new Map<string, number>();
  for (const q of waiting) left.set(q.siblingKey, (left.get(q.siblingKey) ?? 0) + 1);
  const order: Q[] = [];
  while (waiting.length > 0) {
    const last = order[order.length - 1]?.siblingKey;
    let crowded: string | undefined;
    for (const [group, count] of left) if (group !== last && count > waiting.length - count) crowded = group;
    const next = waiting.findIndex((q) => q.siblingKey !== last && (crowded === undefined || q.siblingKey === crowded));
    if (next < 0) break;
    const [q] = waiting.splice(next, 1);
    left.set(q.siblingKey, left.get(q.siblingKey)! - 1);
    order.push(q);
  }
  return order;
}
