/**
 * The subject a document is about, shown before a prompt whose statement names nothing ("Kariba Dam: Around _____
 * workers died during construction."). Blind raters failed each such statement without it as ambiguous (whose
 * workers? whose construction?), and the generator capped its estimate (anchors.ts), so a lesson's deck lost facts
 * it states plainly. With the document's subject before it, the statement says what it is about. Pure.
 */
import { BLANK } from "./rules";
import { namesNothing } from "./anchors";
import { forms } from "./text";
import { lexiconTag, logFrequency } from "./nlp";
import { contextStandsAlone } from "../../questions/flags";

/** A title short enough to stand before a statement as its subject: "Kariba Dam", "The 1918 Influenza Epidemic in Western Samoa". */
const MAX_TOPIC_WORDS = 7;
const MAX_TOPIC_CHARS = 60;

/**
 * An essay's title, or a file's, rather than a subject's name: "The Role of ...", "How ...", "An Introduction to
 * ...", "A Brief History of ...", "Untitled", "Lecture 5", "Final draft". Such a title says what the text argues or
 * what it is, not what a statement is about.
 */
const ESSAY_TITLE =
  /^(?:(?:the|a|an|my|our)\s+)?(?:role|roles|importance|impact|impacts|effect|effects|introduction|overview|notes|summary|lesson|lessons|chapter|unit|part|module|week|session|section|lecture|seminar|handout|worksheet|reading|readings|guide|primer|basics|background|history|story|case|brief|final|draft|untitled|document|why|how|what|when|where|who|which|towards?|on|about|understanding)\b/i;
/** A title that opens on a gerund ("Fighting Terrorism", "Enhancing Global Security") argues; it names no subject. */
const GERUND_FIRST = /^\p{L}{3,}ing\b/u;
/** "Kariba Dam - Wikipedia", "Kariba Dam | History Today", "Document1": a page's or a file's name. */
const FILE_OR_PAGE_TITLE = /\s[-–—|·]\s|\|/u;

/** The words a statement needs besides its blank: "Work began in _____." has three. */
const MIN_WORDS = 3;
const POINTS_BACK = /\b(?:it|its|they|them|their|theirs|he|him|his|she|her|hers|this|these|those|such|former|latter)\b/i;
const POINTS_BACK_BUT_IT = /\b(?:they|them|their|theirs|he|him|his|she|her|hers|this|these|those|such|former|latter)\b/i;
const LABEL_FIRST = /^[^.!?:]{1,40}:\s/;
const MONTH_ALONE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/i;
const FIRST_SENTENCE = /^.*?[.!?](?=\s|$)/;
const IT = /\b(?:[Ii]ts?)\b/;
/** "It was Edison who...", "It is said that...", "it rained": an "it" that stands for nothing at all. */
const EMPTY_IT = /^[Ii]t\s+(?:(?:is|was|has been|had been|would be|will be|seems|seemed)\s+(?:\p{Ll}+\s+)?(?:that|who|which|to|not|said|thought|believed|estimated|clear|possible|likely|unlikely|necessary|true|known|reported)\b|(?:is|was)\s+\p{Lu}|(?:rained|snowed)\b)/u;

/** The subject of a document: the label shown, and how a statement speaks of it by its head noun alone. */
export interface Topic {
  /** The title as written: "The Royal African Company". */
  label: string;
  /** The label's word forms (plurals folded): an answer sharing one is given away by the label. */
  words: ReadonlySet<string>;
  /** The title's name without its article ("Royal African Company"): a statement holding it names it. */
  name: string;
  /** "the company", "the Company's": the head noun after "the" (see byHeadAlone); null where the head is a name. */
  head: RegExp | null;
  /** One thing, which "it" may stand for: not "Monotremes", "The Champagne Fairs", "Tanzimat Reforms". */
  singular: boolean;
}

/**
 * The document's subject, or null where its title is no subject's name: too long, a question, a heading with a
 * colon, a page's or a file's name, an essay's title (see above), or words in lower case after the first
 * ("Counter terrorism basics": a file's name more often than a subject's). Read once per document. Pure.
 */
export function topicOf(title: string | undefined): Topic | null {
  const label = title?.replace(/\s+/g, " ").trim() ?? "";
  if (label === "" || label.length > MAX_TOPIC_CHARS || label.split(" ").length > MAX_TOPIC_WORDS) return null;
  if (/[:;?!"“”_]|[.…]$/.test(label) || FILE_OR_PAGE_TITLE.test(label) || /\p{L}\d/u.test(label)) return null;
  if (!/\p{Lu}/u.test(label) || ESSAY_TITLE.test(label) || GERUND_FIRST.test(label)) return null;
  // Title case: each word of four letters or more after the first capitalised ("The Airship Norge", not "Counter terrorism basics").
  if (label.split(" ").slice(1).some((word) => /^\p{Ll}{4,}/u.test(word) && !/^(?:from|with|into|upon|over|under|near|after|before)$/.test(word)))
    return null;
  const name = label.split(TITLE_PREPOSITION)[0].replace(/^(?:the|a|an)\s+/i, "").replace(/[,\s]+$/, "");
  const last = name.slice(name.lastIndexOf(" ") + 1);
  // A one-word title is its own name ("Bakelite"), and a head the word list lacks is a name ("The Airship Norge").
  const common = name.includes(" ") && /^\p{Lu}?\p{Ll}+$/u.test(last) && logFrequency(last.toLowerCase()) >= KNOWN_WORD;
  const lower = last.toLowerCase();
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
  return {
    label,
    words: new Set(forms(label).filter((word) => word.length >= 3)),
    name,
    // "the company", "the Company's"; not "the Post Office Department" (another name that opens on the head), nor "the
    // dam at Kainji" (another of its kind). The head is letters only (tested above): nothing in it is read as a pattern.
    head: common
      ? new RegExp(`\\b[Tt]he\\s+(?:${lower}|${capital}(?!\\s+\\p{Lu}))(?:['’]s)?\\b(?!\\s+(?:at|of|in|on|near|from|built|called|named|known)\\b)`, "u")
      : null,
    // "Tuberculosis", "Texas", "Christopher Columbus" are one thing; "Monotremes", "Tanzimat Reforms" many.
    singular: !/(?<![siu])s$/i.test(last),
  };
}

/**
 * Whether a statement (its blank in place, the context shown before it included) needs its document's subject
 * before it: it names nothing (anchors.ts), or speaks of the subject by its head noun alone ("The company's ships
 * carried..." in "The Royal African Company", "the epidemic" in "The 1918 Influenza Epidemic in Western Samoa":
 * raters failed such prompts as leaning on a name they never show), or its first sentence's "it" stands for the
 * subject. And the label holds no word of any accepted answer (a topic "Tennessee Valley Authority" before "The _____
 * was sued in 1936." would give TVA away), and the first sentence, read with the subject in place of what the label
 * resolves, leans on nothing else ("A later variant was built in _____." is a variant of what the label does not say).
 */
export function needsTopic(statement: string, accepted: readonly string[], topic: Topic | null, subjectWords: ReadonlySet<string>): boolean {
  if (topic === null || !statement.includes(BLANK)) return false;
  const standsFor = itStandsForSubject(statement, topic);
  const byHead = !standsFor && byHeadAlone(statement, topic);
  if (!standsFor && !byHead && !namesNothing(statement, subjectWords)) return false;
  // "_____ passed." says nothing a subject could pin down; "Below the _____ they fan out" points at what the subject
  // is not ("they", the channels); "Raid: an attack..." is a label's line, which a second label before it garbles.
  if ((statement.replace(BLANK, " ").match(WORD) ?? []).length < MIN_WORDS) return false;
  if ((standsFor ? POINTS_BACK_BUT_IT : POINTS_BACK).test(statement) || LABEL_FIRST.test(statement)) return false;
  // "In _____ crowds crushing..." (July): a month with no year is no date a subject pins down.
  if (accepted.length > 0 && MONTH_ALONE.test(accepted[0].trim())) return false;
  // Any word of any accepted answer in the label gives part of it away ("Dam", "dams" under "Kariba Dam").
  if (accepted.some((variant) => forms(variant).some((word) => topic.words.has(word)))) return false;
  const first = FIRST_SENTENCE.exec(statement)?.[0] ?? statement;
  const resolved = standsFor ? first.replace(IT, (it) => (it.toLowerCase() === "its" ? `${topic.name}'s` : topic.name)) : byHead ? first.replace(topic.head!, `the ${topic.name}`) : first;
  return contextStandsAlone(resolved);
}

/** Prepositions that end a title's first noun phrase: "The Decipherment | of Linear B", "The Hanseatic Kontor | at Bryggen". */
const TITLE_PREPOSITION = /\s(?:of|in|at|on|for|from|to|and|v|vs)\s/i;

/** A word the word list knows (log frequency 0 is a word it lacks): "company", "fairs"; not "Norge", "Kontor". */
const KNOWN_WORD = 0.5;

/** The statement speaks of the subject as "the <head>" and never by its name. */
function byHeadAlone(statement: string, topic: Topic): boolean {
  return topic.head !== null && topic.head.test(statement) && !statement.toLowerCase().includes(topic.name.toLowerCase());
}

/**
 * Whether the prompt's first sentence says "it" or "its" with nothing before it that the pronoun could stand for
 * ("For decades chemists searched mineral ores for it without success.", "Despite its rarity, ...") in a document
 * about one thing: the pronoun is the subject, which the prompt never names. A name, the blank, or a singular noun
 * after an article before the pronoun ("Paris opened its first line", "Below the _____ it widens") may be what it
 * stands for, and an "it" of "It was Edison who..." stands for nothing: left alone.
 */
function itStandsForSubject(statement: string, topic: Topic): boolean {
  if (!topic.singular) return false;
  const first = FIRST_SENTENCE.exec(statement)?.[0] ?? statement;
  const pronoun = IT.exec(first);
  if (pronoun === null || EMPTY_IT.test(first.slice(pronoun.index))) return false;
  const before = first.slice(0, pronoun.index);
  if (before.includes(BLANK) || CAPITAL_PAST_FIRST.test(before)) return false;
  const firstWord = CAPITALISED_FIRST.exec(before)?.[0];
  if (firstWord !== undefined && (lexiconTag(firstWord) !== undefined || logFrequency(firstWord.toLowerCase()) < NAME_FIRST_WORD)) return false;
  // "Because of its short half-life, technetium-99m cannot be stored": an opening phrase's pronoun stands for the
  // subject after its comma, a name or a noun after an article ("Despite its rarity, one of its isotopes" names none).
  const opening = ITS_OPENING_PHRASE.exec(first.slice(pronoun.index));
  if (!before.includes(",") && opening !== null && NAMES_AFTER_COMMA.test(opening[1])) return false;
  // "the ore", "a metal", "the company's", "coal": a noun the pronoun may stand for ("ores", "chemists" may not).
  return !SINGULAR_BEFORE.test(before);
}
const WORD = /\p{L}+/gu;
const CAPITAL_PAST_FIRST = /\S\s+["“(]?\p{Lu}/u;
const CAPITALISED_FIRST = /^\p{Lu}\p{Ll}+/u;
/** "its short half-life, technetium-99m": a phrase of "its" and up to three words, then what follows its comma. */
const ITS_OPENING_PHRASE = /^[Ii]ts(?:\s+[\p{L}-]+){1,3},\s+(\S+)/u;
const NAMES_AFTER_COMMA = /^(?:\p{Lu}|\S*\d|the$|a$|an$)/u;
/** A singular noun after an article, or a mass noun opening the sentence ("Coal was mined ... and it"). */
const SINGULAR_BEFORE = /\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Oo]ne)\s+(?:\p{Ll}+\s+){0,2}\p{Ll}+(?<![^s]s)(?:['’]s)?\b|^\p{Lu}\p{Ll}+(?<![^s]s)\s+(?:was|is|had|has)\b/u;
/** Below this log frequency a capitalised first word is a name ("Technetium opened..."), as namesNothing reads it. */
const NAME_FIRST_WORD = 1.5;

/** The statement with its subject before it, where it has one: "Kariba Dam: Work began in _____." */
export function withTopic(label: string | undefined, statement: string): string {
  return label ? `${label}: ${statement}` : statement;
}

/** The statement without the subject withTopic put before it: what the checks that read a statement's start read. */
export function withoutTopic(statement: string, label: string | undefined): string {
  return label && statement.startsWith(`${label}: `) ? statement.slice(label.length + 2) : statement;
}
