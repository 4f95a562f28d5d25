/**
 * Which of a lesson's questions enter a learner's deck when they start it.
 * The bank holds every form of every fact; a deck holds the best few, so one
 * lesson is not hundreds of cards. Pure: the same ranked bank gives the same deck.
 */
import { acronymSpelledOut } from "../content/questions/rules";
import { questionFlags } from "../questions/flags";
import { foldAnswer } from "../questions/fold";

/** A lesson brings at most this many cards into a deck... */
export const CARDS_PER_LESSON = 24;
/**
 * ...one question per sentence (its siblings stay in the bank: a second form of the same
 * sentence in one deck is answered by the first)...
 */
export const FORMS_PER_SENTENCE = 1;
/**
 * ...and only questions a teacher is estimated more likely than not to accept (quality is that
 * estimate: app/content/questions/quality.ts). Vague prose gets fewer questions, not worse ones.
 */
export const DECK_QUALITY_BAR = 0.5;

/**
 * The best-ranked questions at or above the quality bar, at most FORMS_PER_SENTENCE per
 * sentence and CARDS_PER_LESSON in all, none a true/false statement, none an automatic check
 * flags (app/questions/flags.ts), none whose prompt spells out its acronym key, and none that gives
 * another's key away. `ranked` is best first.
 *
 * True/false stays in the bank (an instructor may pick one) but not in decks: blind raters
 * accepted 18 % of false statements and 51 % of true ones (109 rated), and a deck of them can be
 * passed by answering "True" every time.
 */
export function chooseDeckQuestions<Q extends DeckCandidate>(ranked: readonly Q[]): Q[] {
  const perSentence = new Map<string, number>();
  const chosen: Q[] = [];
  for (const q of ranked) {
    if (chosen.length >= CARDS_PER_LESSON) break;
    if (
      q.type === "true_false" ||
      q.quality < DECK_QUALITY_BAR ||
      (perSentence.get(q.siblingKey) ?? 0) >= FORMS_PER_SENTENCE ||
      questionFlags(q).length > 0 ||
      acronymSpelledOut(q.prompt, q.answer) !== null ||
      givesAwayOrIsGivenAway(q, chosen)
    )
      continue;
    perSentence.set(q.siblingKey, (perSentence.get(q.siblingKey) ?? 0) + 1);
    chosen.push(q);
  }
  return chosen;
}

export interface DeckCandidate {
  siblingKey: string;
  quality: number;
  type: string;
  prompt: string;
  answer: string;
}

/**
 * Whether a question asks what a chosen one already asks (the same key from another sentence, or a
 * key holding the other: "September 11" and "September 11, 2001"), shows a chosen one's key in its
 * prompt, or has its own key shown in a chosen one's prompt: in one deck, the first answers the
 * other.
 */
function givesAwayOrIsGivenAway(q: DeckCandidate, chosen: readonly DeckCandidate[]): boolean {
  const prompt = ` ${foldAnswer(q.prompt)} `;
  const key = foldAnswer(q.answer);
  return chosen.some((c) => {
    const other = foldAnswer(c.answer);
    return (
      ` ${other} `.includes(` ${key} `) ||
      ` ${key} `.includes(` ${other} `) ||
      prompt.includes(` ${other} `) ||
      ` ${foldAnswer(c.prompt)} `.includes(` ${key} `)
    );
  });
}

/**
 * The order practice shows a lesson's deck in: best first, but never two siblings (questions
 * made from one sentence) back to back, since the first one's feedback answers the next. A
 * question whose only place would follow its sibling waits for the next; one that can find no
 * such place is left out.
 */
export function practiceOrder<Q extends { siblingKey: string }>(deck: readonly Q[]): Q[] {
  const waiting = deck.slice();
  const order: Q[] = [];
  while (waiting.length > 0) {
    const last = order[order.length - 1]?.siblingKey;
    const next = waiting.findIndex((q) => q.siblingKey !== last);
    if (next < 0) break;
    order.push(waiting.splice(next, 1)[0]);
  }
  return order;
}
