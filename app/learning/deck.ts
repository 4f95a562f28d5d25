/**
 * Which of a lesson's questions enter a learner's deck when they start it.
 * The bank holds every form of every fact; a deck holds the best few, so one
 * lesson is not hundreds of cards. Pure: the same ranked bank gives the same deck.
 */

/** A lesson brings at most this many cards into a deck... */
export const CARDS_PER_LESSON = 24;
/** ...and at most this many forms of one fact (siblings; the queue shows one a day). */
export const FORMS_PER_FACT = 2;

/** The best-ranked questions, at most FORMS_PER_FACT per fact and CARDS_PER_LESSON in all. */
export function chooseDeckQuestions<Q extends { siblingKey: string }>(ranked: readonly Q[]): Q[] {
  const perFact = new Map<string, number>();
  const chosen: Q[] = [];
  for (const q of ranked) {
    if (chosen.length >= CARDS_PER_LESSON) break;
    const n = perFact.get(q.siblingKey) ?? 0;
    if (n >= FORMS_PER_FACT) continue;
    perFact.set(q.siblingKey, n + 1);
    chosen.push(q);
  }
  return chosen;
}
