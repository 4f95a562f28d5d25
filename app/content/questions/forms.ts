/**
 * The question forms built from one fact (an answer span in a sentence):
 * cloze, numeric, multiple choice, true/false (a true statement and a
 * falsified twin) and short answer. Builders return drafts; ids, quality and
 * the rules are applied by the orchestrator.
 */
import type { Question } from "../types";
import type { Candidate, CandidateKind } from "./candidates";
import { orderKeysAfter } from "./ids";
import { dictionaryDenies, pastClauseInBaseForm, withFullStop } from "./nlp";
import { BLANK } from "./rules";
import { withTopic, withoutTopic } from "./topic";
import { isAcronym } from "./candidates";
import type { GlossaryEntry } from "./list-items";
import { askedAs, readsAsPersonName, whichPrompt, type NamedPredicate } from "./which";

export interface Fact {
  candidate: Candidate;
  /** Ranker's score in (0, 1). */
  score: number;
  answer: string;
  accepted: string[];
  /** Earlier sentences that resolve an opening "It"/"This"; "" when none is needed. */
  context: string;
  /** Whether the sentence opens on, or points back with, what only the context resolves (else it only helps). */
  contextNeeded: boolean;
  /** The document's subject, shown before a statement that names nothing (topic.ts); absent for none. */
  topic?: string;
  /** Its sentence is a list item's label, not a statement (list-items.ts), or its key a quoted remark: capped. */
  fragment: boolean;
  /** What its sentence says of a name it makes its subject or describes (which.ts); null for none. */
  predicate: NamedPredicate | null;
}

/** A question before ids, source and scoring: the fields of Question that a form decides. */
export interface QuestionDraft extends Pick<Question, "type" | "prompt" | "answer" | "accepted" | "options" | "numeric"> {
  /** Multiplies the fact's score: the forms of one fact are listed in this order. */
  weight: number;
}

const ORGANISATION_HEAD =
  /\b(?:organi[sz]ation|council|committee|commission|union|agency|bank|office|nations|association|court|department|ministry|bureau|institute|foundation|fund|alliance|party|company|corporation|society|league|federation|board|service|services|force|forces|centre|center|network|group|assembly|parliament|congress|senate|university|college|school|academy|authority|administration|cooperation|community|secretariat|police|army|navy)$/i;

/** An office held in a body: "President of the European Commission", "Secretary-General of the United Nations". */
const OFFICE_FIRST =
  /^(?:the\s+)?(?:(?:Vice|Deputy)[- ])?(?:President|Secretary(?:-General)?|Minister|Chancellor|Governor(?:-General)?|Director(?:-General)?|Chair(?:man|woman|person)?|Commissioner|Mayor|Premier|Prime Minister|Ambassador|Speaker|Chief|Head|Leader|Registrar|Rector|Dean|Provost|Treasurer|President-elect)\b/;

/** What the typed form says it asks for; "" where the kind is too loose to name ("name" holds periods, groups, adjectives). */
const KIND_NOUN: Partial<Record<CandidateKind, string>> = {
  organisation: "organisation",
  acronym: "",
  treaty: "",
  person: "person",
  place: "",
  name: "",
  term: "term",
  date: "date",
};

/**
 * A connective that opens a sentence ("Additionally,", "For example,") and points at text the
 * prompt does not show: dropped when the sentence stands alone.
 */
const OPENING_CONNECTIVE =
  /^(?:additionally|moreover|furthermore|however|consequently|therefore|thus|hence|similarly|likewise|nevertheless|nonetheless|meanwhile|also|finally|ultimately|overall|indeed|notably|importantly|in addition|in contrast|in particular|in turn|in a similar vein|as a result|for example|for instance|in conclusion|in summary|to this end),\s+/i;

function withContext(fact: Fact, statement: string): string {
  const shown = fact.context ? `${fact.context} ${statement}` : withoutConnective(statement);
  return withTopic(fact.topic, shown);
}

function withoutConnective(statement: string): string {
  const connective = OPENING_CONNECTIVE.exec(statement);
  if (!connective) return statement;
  const rest = statement.slice(connective[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Single spaces, and a full stop when the sentence had none (a paragraph's last line, a closing quote). */
function tidy(text: string): string {
  // Most sentences are tidy already: test before copying.
  const spaced = /[^\S ]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, " ").trim() : text;
  return withFullStop(spaced);
}

/** The source sentence with the answer span replaced by the blank. */
export function blanked(fact: Fact): string {
  // Cloze, multiple choice and short answer all show it: built once per fact.
  const known = blankedStatements.get(fact);
  if (known !== undefined) return known;
  const { sentence, start, end } = fact.candidate;
  const statement = tidy(withContext(fact, `${sentence.text.slice(0, start)}${BLANK}${sentence.text.slice(end)}`));
  blankedStatements.set(fact, statement);
  return statement;
}
const blankedStatements = new WeakMap<Fact, string>();

export function clozeOrNumeric(fact: Fact): QuestionDraft {
  const { numeric, kind } = fact.candidate;
  // A blank a year fills says so: "in _____" alone reads as a place as well.
  const prompt = kind === "year" ? `Which year fills the blank? ${blanked(fact)}` : blanked(fact);
  return numeric
    ? { type: "numeric", prompt, answer: fact.answer, accepted: fact.accepted, numeric, weight: 1 }
    : { type: "cloze", prompt, answer: fact.answer, accepted: fact.accepted, weight: 1 };
}

export function multipleChoice(fact: Fact, distractors: string[]): QuestionDraft | null {
  if (distractors.length < 3) return null;
  const keyOf = orderKeysAfter([fact.answer, fact.candidate.sentence.text]);
  // A blank that opens the statement takes a capital whatever fills it: every option is shown so.
  const opensStatement = withoutTopic(blanked(fact), fact.topic).startsWith(BLANK);
  const wrong = distractors.slice(0, 3).map((d) => (opensStatement ? d.charAt(0).toUpperCase() + d.slice(1) : d));
  const options = [fact.answer, ...wrong]
    .map((o) => ({ o, k: keyOf(o) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ o }) => o);
  return {
    type: "multiple_choice",
    prompt: blanked(fact),
    answer: fact.answer,
    accepted: fact.accepted,
    options,
    weight: 0.97,
  };
}

/**
 * A true statement (the sentence) and its false twin: the answer swapped for
 * the first same-kind value whose sentence appears nowhere in the material;
 * none when there is no such value. `withTruth` false leaves out the true
 * statement: another fact of the sentence already made it, word for word.
 */
export function trueFalsePair(
  fact: Fact,
  distractors: string[],
  appearsInMaterial: (statement: string, value: string) => boolean,
  withTruth = true,
): QuestionDraft[] {
  const { sentence, start, end } = fact.candidate;
  // "Department of Homeland Security (WMD)": a swap inside parentheses contradicts the words before it, not the facts.
  if (sentence.text[start - 1] === "(" || sentence.text.slice(end, end + 2) === " (") return [];
  const falseValue = distractors.find(
    (d) => !appearsInMaterial(`${sentence.text.slice(0, start)}${d}${sentence.text.slice(end)}`, d),
  );
  if (falseValue === undefined) return [];
  const falsehood = tidy(withContext(fact, `${sentence.text.slice(0, start)}${falseValue}${sentence.text.slice(end)}`));
  const options = ["True", "False"];
  const falseDraft: QuestionDraft = {
    type: "true_false",
    prompt: `True or false: ${falsehood}`,
    answer: "False",
    accepted: ["False"],
    options,
    weight: 0.89,
  };
  if (!withTruth) return [falseDraft];
  const truth = tidy(withContext(fact, sentence.text));
  return [{ type: "true_false", prompt: `True or false: ${truth}`, answer: "True", accepted: ["True"], options, weight: 0.9 }, falseDraft];
}

/** A plural noun: "peoples", "fishermen", "children". */
const PLURAL_NOUN = "(?:\\p{Ll}+s|\\p{Ll}*(?:men|people|children))\\b";
const NAME_AND_BEFORE = /\b\p{Lu}[\p{L}'’-]+\s+(?:and|or)\s+$/u;
const BEFORE_PLURAL = new RegExp(`^\\s+${PLURAL_NOUN}`, "u");
const AND_NAME_THEN_PLURAL = new RegExp(`^\\s+(?:and|or)\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*\\s+${PLURAL_NOUN}`, "u");

/** "Aboriginal and _____ peoples", "_____ and Kven fishermen": a name joined to another before a plural noun describes the noun. */
function describesNoun(before: string, after: string): boolean {
  return (NAME_AND_BEFORE.test(before) && BEFORE_PLURAL.test(after)) || AND_NAME_THEN_PLURAL.test(after);
}

/** Typed answer for names and terms, where the accepted variants matter (acronym and full name). */
export function shortAnswer(fact: Fact): QuestionDraft | null {
  let noun = KIND_NOUN[fact.candidate.kind];
  if (noun === undefined || fact.candidate.numeric) return null;
  // "Which organisation" only for a key that names one by its head word: not a resolution or a programme.
  if (noun === "organisation" && !ORGANISATION_HEAD.test(fact.answer)) noun = "";
  // "the new _____, Jacques Delors" (President of the European Commission): an office, not the body it is of.
  if (noun === "organisation" && OFFICE_FIRST.test(fact.answer)) noun = "";
  // 'he imagined an "_____" through which people could reach programs' (Intergalactic Computer Network): a name in
  // quotation marks is what something was called, an idea or a nickname, not a body of people.
  if (noun === "organisation" && /["“‘']\s*$/.test(fact.candidate.sentence.text.slice(0, fact.candidate.start))) noun = "";
  // "war with the _____" (Soviet Union): "Union" heads a state as well, and a dictionary knows it as one.
  if (noun === "organisation" && dictionaryDenies(fact.answer, "organisation")) noun = "";
  // "created 93 _____" (Anti-Terrorism Task Forces): a count before the blank makes it many bodies, not one organisation.
  if (noun === "organisation" && /(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of|hundreds of))\s+$/i.test(fact.candidate.sentence.text.slice(0, fact.candidate.start))) noun = "";
  // "Which person" only for a key that reads as a person's name: "Douglas DC-8" was taken for one.
  if (noun === "person" && !readsAsPersonName(fact.answer)) noun = "";
  // "The _____ towns of Pompeii and Herculaneum" (Roman): a name after "the" describes what follows; no person.
  if (noun === "person" && /\bthe\s+$/i.test(fact.candidate.sentence.text.slice(0, fact.candidate.start))) noun = "";
  // "Aboriginal and _____ peoples" (Torres Strait Islander): a name joined to an adjective before a noun describes the
  // noun; it is no person or organisation.
  if (noun && describesNoun(fact.candidate.sentence.text.slice(0, fact.candidate.start), fact.candidate.sentence.text.slice(fact.candidate.end))) noun = "";
  // "By the _____" (1840s): a decade is no date; "the 1800s" may be a century, so it is asked for plainly.
  if (noun === "date" && /^\d{2,3}0s$/.test(fact.answer)) noun = /^\d*[1-9]0s$/.test(fact.answer) ? "decade" : "";
  return {
    type: "short_answer",
    prompt: noun ? `Which ${noun} fills the blank? ${blanked(fact)}` : `What fills the blank? ${blanked(fact)}`,
    answer: fact.answer,
    accepted: fact.accepted,
    weight: 0.94,
  };
}

/**
 * "What does ICAO stand for?": asked wherever a lesson uses an acronym the course spells out. Typed,
 * never multiple choice: among other expansions, the one whose initials spell the acronym gives itself away.
 */
export function acronymQuestions(acronym: string, expansion: string): QuestionDraft[] {
  return [{ type: "short_answer", prompt: `What does ${acronym} stand for?`, answer: expansion, accepted: [expansion], weight: 1 }];
}

/** Participles that date an event when a sentence says "X was <participle> in 1957". */
const DATING_PARTICIPLES =
  "founded|established|signed|adopted|approved|launched|created|formed|built|completed|introduced|passed|enacted|ratified|published|born|elected|appointed|opened|discovered|invented|released|held|set up|issued|announced|declared|abolished|dissolved|formalised|formalized|proposed|named|first used|first described|first published|first performed|composed|patented|awarded|killed|founded jointly".split(
    "|",
  );
const PARTICIPLE = `(?:${DATING_PARTICIPLES.map((p) => p.replace(/ /g, "\\s+")).join("|")})`;
/** "<subject> was/were [adverb] <participle> [in/on]" right before the answer. */
const PASSIVE_BEFORE = new RegExp(`^(.{3,120}?)\\s+(was|were)\\s+(?:(?:first|formally|officially|originally|finally|later|eventually|jointly)\\s+)?(${PARTICIPLE})\\s+(?:in|on)\\s+$`, "i");
/** "<subject>, <participle> in" right before the answer, and a comma after it. */
const APPOSITIVE_BEFORE = new RegExp(`^(.{3,120}?),\\s+(${PARTICIPLE})\\s+(?:in|on)\\s+$`, "i");
const SUBORDINATE_OPENING =
  /^(?:when|after|before|while|although|though|if|since|because|as|in|on|at|by|during|until|once|whereas|where|with|from|for|following|despite|under)\b/i;
const SUBJECT_POINTS_BACK = /\b(?:it|its|this|these|those|they|their|such|he|she|his|her)\b/i;
/**
 * A past tense with what follows it ("built the", "launched the", "fell to", "sat on", "became the"): the words before
 * an appositive participle are a clause, not its subject. An "-ed" word before a noun is an adjective ("the combined
 * fleet"), and before "by" or "in" a participle ("the bridge designed by Eiffel", "located in Cologne").
 */
const FINITE_VERB_IN_SUBJECT =
  /\s(?:(?:\p{Ll}{3,}ed|built|made|won|led|sent|held|bought|brought|sold|left|lost|met|paid|struck|taught|told|kept|found)\s+(?:the|a|an|his|her|its|their)|(?:sat|became|fell|took|gave|began|rose|wrote|went|came|saw|ran|stood|drew|grew|chose|spoke|broke|flew|threw|knew)\s+(?:the|a|an|his|her|its|their|to|on|in|into|from|with|at|by|for|up|over|out))\s/u;

/**
 * A question that says what it asks, for a year or date that dates an event: "NATO's policy, approved in
 * October 2020, ..." asks "When was NATO's policy approved?". Only where the sentence opens on the subject
 * (at most twelve words, pointing back at nothing) and the participle and "in" or "on" stand right before the answer.
 */
export function whenQuestion(fact: Fact): QuestionDraft | null {
  const { kind, sentence, start, end, numeric } = fact.candidate;
  if ((kind !== "year" && kind !== "date") || fact.context) return null;
  const before = sentence.text.slice(0, start);
  const passive = PASSIVE_BEFORE.exec(before);
  const appositive = passive ? null : APPOSITIVE_BEFORE.exec(before);
  if (appositive && !/^\s*,/.test(sentence.text.slice(end))) return null;
  const subject = (passive?.[1] ?? appositive?.[1])?.trim();
  if (!subject || subject.split(/\s+/).length > 12 || SUBJECT_POINTS_BACK.test(subject) || /[,;:()]/.test(subject)) return null;
  // "The Pact was dissolved": one noun after "the" is what an earlier sentence named ("the Warsaw Pact").
  if (/^the\s+\S+$/i.test(subject)) return null;
  // A clause ("When the album was...", "the building is the library", "tradition held that the city") is not a subject.
  if (SUBORDINATE_OPENING.test(subject) || /\s(?:is|are|was|were|has|have|had|held|said|says|that|which|who|whom|whose)\s/i.test(subject)) return null;
  // "American investors built the Panama Railroad, completed in 1855": the participle describes the clause's object,
  // and a clause before it is no subject to ask about.
  if (appositive && FINITE_VERB_IN_SUBJECT.test(` ${subject} `)) return null;
  const verb = passive ? passive[2].toLowerCase() : "was";
  const participle = (passive?.[3] ?? appositive?.[2] ?? "").toLowerCase().replace(/\s+/g, " ");
  // "The treaty" inside a question reads "the treaty"; a name keeps its capital.
  const shownSubject = /^(?:The|A|An)\s/.test(subject) ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
  const asksYear = kind === "year" && numeric !== undefined;
  // A subject that names the document's only by its head noun ("the company's headquarters") keeps the label.
  const asked = `${asksYear ? "In what year" : "When"} ${verb} ${shownSubject} ${participle}?`;
  const prompt = withTopic(fact.topic, asked);
  return asksYear
    ? { type: "numeric", prompt, answer: fact.answer, accepted: fact.accepted, numeric, weight: 1.01 }
    : { type: "short_answer", prompt, answer: fact.answer, accepted: fact.accepted, weight: 1.01 };
}

/**
 * The measures a fact box's label may open on ("Number of lighthouses in Scotland", "Year the canal opened",
 * "Length of the canal"): a label that names its measure reads as the question itself, "What is the ...?".
 */
const MEASURE_LABEL =
  /^(?:Number|Year|Date|Length|Height|Depth|Width|Area|Population|Percentage|Proportion|Share|Cost|Price|Budget|Size|Weight|Mass|Speed|Distance|Duration|Age|Amount|Total|Capacity|Volume|Temperature|Diameter|Count|Value|Output|Membership)\b(?!-)/;
/** "Length of the first race about": a label that runs into its value's hedge, or stops on a word that needs one. */
const LABEL_CUT_SHORT = /\s(?:about|around|approximately|approx\.|c\.|ca\.|some|over|under|nearly|almost|roughly|than|of|the|a|an|in|on|at|by|to|for|and|or)$/i;
/**
 * "Number of participants in the 2021 and 2023 courses": a count of two years' together, which reads as each one's as
 * well as their total (raters failed it 12 times of 14). Not where the label says which.
 */
const COUNT_OF_TWO = /^(?:Number|Count|Total|Amount)\b(?!.*\b(?:each|per|total|combined|together|in all|altogether|apiece)\b).*\b\d{4}\s+and\s+\d{4}\b/u;
/** A name, an acronym or a number after the label's first word: "Number of COEs accredited by NATO", "Year of Darwin's book". */
const NAMED_AFTER_FIRST_WORD = /^\S+\s.*(?:\b\p{Lu}|\d)/u;
/** "Year the canal was opened to ships", "Date the treaty was signed": a measure, a subject, "was", a participle. */
const PASSIVE_LABEL = /^(Year|Date)\s+((?:(?!\b(?:was|were|is|are)\b)[^,])+?)\s+(was|were)\s+(\p{Ll}[\p{L}'’-]*(?:ed|en|t|n)\b.*)$/u;
/** Value kinds a measure label asks for: a count, a quantity, a year or a date. */
const MEASURE_KINDS = new Set<CandidateKind>(["year", "date", "quantity"]);

/**
 * "of NATO Battlefield Evidence Policy": a name whose head is a kind of instrument or body (a policy, an act, a
 * centre) takes "the" in a sentence, which a fact box's label leaves out (not "The Hague Convention", nor after
 * a possessive: "Varna's Pilotage Policy").
 */
const BARE_INSTITUTION =
  /\b(of|by|for|under)\s+(?![Tt]he\b)((?:\p{Lu}[\p{L}-]*\s+){1,6}(?:Policy|Act|Treaty|Agreement|Convention|Programme|Program|Plan|Strategy|Centre|Center|Council|Committee|Commission|Agency|Office|Initiative|Task Force|Fund|Bank|Organisation|Organization)\b)/u;

function withArticle(label: string): string {
  return label.replace(BARE_INSTITUTION, "$1 the $2");
}

/**
 * A fact box's row asked as the question its label already is: "Number of COEs accredited by NATO: 30."
 * asks "What is the number of COEs accredited by NATO?". Only where the label opens on a measure, holds at
 * least three words and a name or number (it says what it measures: not "Number of locks"), and the key is
 * the row's whole value. Its blank forms
 * ("Number of COEs accredited by NATO: _____.") read as fragments and stay out of decks.
 */
export function rowQuestion(fact: Fact): QuestionDraft | null {
  const { kind, sentence, start, end, numeric } = fact.candidate;
  const from = sentence.answerFrom;
  if (sentence.origin !== "row" || from === undefined || start < from || !MEASURE_KINDS.has(kind)) return null;
  // The whole value, its closing full stop aside; but a label that asks for the year asks for the
  // year of a date ("Year of approval of the policy: October 2020" is answered 2020).
  const value = sentence.text.slice(from).trim().replace(/\.$/, "");
  const label = sentence.text.slice(0, from).replace(/\s+/g, " ").replace(/[\s:]+$/, "");
  const text = sentence.text.slice(start, end);
  if (/^Year\b/.test(label) ? kind !== "year" || !value.endsWith(text) : text !== value) return null;
  if (!MEASURE_LABEL.test(label) || label.split(/\s+/).length < 3 || /[?:;,]/.test(label) || LABEL_CUT_SHORT.test(label) || COUNT_OF_TWO.test(label)) return null;
  // "Number of locks", "Year the canal opened": what is measured is named only by the box's place in the text.
  if (!NAMED_AFTER_FIRST_WORD.test(label)) return null;
  // "Year the canal was opened to ships" reads "In what year was the canal opened to ships?".
  // "Year Dunlop patented the pneumatic tyre" reads "In what year did Dunlop patent the pneumatic tyre?".
  const passive = PASSIVE_LABEL.exec(label);
  const active = passive ? null : /^(Year|Date)\s+(.+)$/.exec(label);
  const clause = active ? pastClauseInBaseForm(active[2]) : null;
  const when = (measure: string) => (measure === "Year" ? "In what year" : "When");
  const prompt = passive
    ? `${when(passive[1])} ${passive[3]} ${passive[2]} ${passive[4]}?`
    : active && clause
      ? `${when(active[1])} did ${clause}?`
      : `What is the ${withArticle(label.charAt(0).toLowerCase() + label.slice(1))}?`;
  return numeric && kind !== "date"
    ? { type: "numeric", prompt, answer: fact.answer, accepted: fact.accepted, numeric, weight: 1.02 }
    : { type: "short_answer", prompt, answer: fact.answer, accepted: fact.accepted, weight: 1.02 };
}

/** An apposition that names a person's role: "the third Earl of Rosse", "the court astronomer", "the king's son". */
const PERSON_ROLE =
  /^the\s+(?:[\p{L}'’-]+\s+){0,3}?(?:earl|duke|count|baron|lord|lady|king|queen|emperor|empress|pope|president|chancellor|minister|secretary|founder|inventor|engineer|architect|scientist|physicist|chemist|biologist|astronomer|mathematician|painter|sculptor|composer|writer|poet|author|philosopher|historian|general|admiral|captain|commander|leader|director|son|daughter|wife|husband|brother|sister|father|mother|sultan|caliph|tsar|shah|prince|princess|bishop|archbishop|abbot|saint)s?\b/iu;

/** A plural's last letter: "cells", not "glass", "virus", "crisis". */
const PLURAL_WORD = /\p{L}{2,}(?<![su]s|is)s$/iu;
/** Where a noun phrase's head ends: the words before a preposition or a relative ("cells [in the blood]"). */
const AFTER_HEAD = /\s+(?:of|in|on|at|for|with|that|which|who|to|from|by|among|across|within)\s.*$/i;

/**
 * "Neutrophils, the most numerous white blood cells": a plural term whose apposition's head is plural too is
 * asked "What are...?" ("Ceres, the largest object in the belt": "What is...?").
 */
function pluralApposition(term: string, definition: string): boolean {
  const head = definition.replace(AFTER_HEAD, "").split(/\s+/).at(-1) ?? "";
  return PLURAL_WORD.test(term) && PLURAL_WORD.test(head);
}

/**
 * "What is the term for an organism that makes its own organic molecules from inorganic
 * sources?": a glossary line asked the other way round, its term typed. "What is the largest
 * object in the asteroid belt?" where a name's apposition describes one thing ("Ceres, the...").
 * A name ("The First Estate", "WMO") is asked for as a name, a lower-case term as a term.
 */
export function definitionQuestion(entry: GlossaryEntry): QuestionDraft {
  const { term, alternatives, definition, shape } = entry;
  // "The spleen": a common noun's article is not part of the answer; "The First Estate" keeps it.
  const answer = /^(?:The|A|An)\s+\p{Ll}/u.test(term) ? term.replace(/^\S+\s+/, "") : term;
  const named = isAcronym(term) || /^(?:(?:The|the|of|and)\s+)?\p{Lu}\S*(?:\s+(?:of|and|the|\p{Lu}\S*))+$/u.test(term);
  const prompt =
    shape === "apposition" && /^the\s/i.test(definition)
      ? // "William Parsons, the third Earl of Rosse": a person, by a name and a role, is asked for as one.
        `${readsAsPersonName(term) && PERSON_ROLE.test(definition) ? "Who was" : pluralApposition(term, definition) ? "What are" : "What is"} ${definition}?`
      : `What is the ${named ? "name" : "term"} for ${definition}?`;
  const accepted = [answer];
  for (const v of [term, ...alternatives]) if (!accepted.includes(v)) accepted.push(v);
  return { type: "short_answer", prompt, answer, accepted, weight: 1 };
}

/**
 * "Which organisation has developed...?", "Who founded...?": a name asked for by what its sentence says of it
 * (which.ts), typed, its variants accepted. An acronym is asked as what its expansion names.
 */
export function whichQuestion(fact: Fact, expansion: string | undefined): QuestionDraft | null {
  if (!fact.predicate || fact.context || fact.fragment) return null;
  const { kind } = fact.candidate;
  const asked = askedAs(kind, kind === "acronym" ? (expansion ?? "") : fact.answer, kind === "acronym" || fact.accepted.some(isAcronym));
  if (asked === null) return null;
  // "For example, the EU...": a connective points at what the question does not show; "In Europe," stays.
  const opening = OPENING_CONNECTIVE.test(fact.predicate.opening) ? "" : fact.predicate.opening;
  const prompt = whichPrompt(asked, { ...fact.predicate, opening });
  return {
    type: "short_answer",
    prompt: withTopic(fact.topic, prompt),
    answer: fact.answer,
    accepted: fact.accepted,
    weight: 1.02,
  };
}
