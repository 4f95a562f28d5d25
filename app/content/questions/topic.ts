/**
 * The subject a document is about, shown before a prompt whose statement names nothing ("Kariba Dam: Around _____
 * workers died during construction."). Blind raters failed each such statement without it as ambiguous (whose
 * workers? whose construction?), and the generator capped its estimate (anchors.ts), so a lesson's deck lost facts
 * it states plainly. With the document's subject before it, the statement says what it is about. Pure.
 */
import { BLANK } from "./rules";
import { namesNothing } from "./anchors";
import { normaliseOnce } from "./text";
import { lexiconTag, logFrequency } from "./nlp";

/** A title short enough to stand before a statement as its subject: "Kariba Dam", "The 1918 Influenza Epidemic in Western Samoa". */
const MAX_TOPIC_WORDS = 7;
const MAX_TOPIC_CHARS = 60;

/**
 * An essay's title rather than a subject's name: "The Role of ...", "Strengthening International Cooperation ...",
 * "How ...", "An Introduction to ...". Such a title says what the essay argues, not what a statement is about.
 */
const ESSAY_TITLE =
  /^(?:(?:the|a|an)\s+)?(?:role|roles|importance|impact|impacts|effect|effects|introduction|overview|notes|summary|lesson|lessons|chapter|unit|part|module|week|section|guide|primer|basics|history|story|case|why|how|what|when|where|who|which|towards?|on|about|understanding|reading)\b/i;
/** A title that opens on a gerund ("Fighting Terrorism", "Enhancing Global Security") argues; it names no subject. */
const GERUND_FIRST = /^\p{L}{3,}ing\b/u;

/** The words a statement needs besides its blank: "Work began in _____." has three. */
const MIN_WORDS = 3;
const POINTS_BACK = /\b(?:it|its|they|them|their|theirs|he|him|his|she|her|hers|this|these|those|such|former|latter)\b/i;
const POINTS_BACK_BUT_IT = /\b(?:they|them|their|theirs|he|him|his|she|her|hers|this|these|those|such|former|latter)\b/i;
const LABEL_FIRST = /^[^.!?:]{1,40}:\s/;
const MONTH_ALONE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/i;

/** The subject of a document: the label shown, and how a statement speaks of it by its head noun alone. */
export interface Topic {
  /** The title as written: "The Royal African Company". */
  label: string;
  /** The label's words, folded: an answer sharing one is given away by the label. */
  words: ReadonlySet<string>;
  /** The title's name without its article, lower case ("royal african company"): a statement holding it names it. */
  name: string;
  /** "the company", "the Company's": the head noun after "the" (see byHeadAlone); null where the head is a name. */
  head: RegExp | null;
  /** One thing, which "it" may stand for: not "Monotremes", "The Champagne Fairs", "Tanzimat Reforms". */
  singular: boolean;
}

/**
 * The document's subject, or null where its title is no subject's name: too long, a question, a heading with a
 * colon, an essay's title (see above). Read once per document. Pure.
 */
export function topicOf(title: string | undefined): Topic | null {
  const label = title?.replace(/\s+/g, " ").trim() ?? "";
  if (label === "" || label.length > MAX_TOPIC_CHARS || label.split(" ").length > MAX_TOPIC_WORDS) return null;
  if (/[:;?!"“”]|[.…]$/.test(label)) return null;
  if (!/\p{Lu}/u.test(label) || ESSAY_TITLE.test(label) || GERUND_FIRST.test(label)) return null;
  const name = label.split(TITLE_PREPOSITION)[0].replace(/^(?:the|a|an)\s+/i, "").replace(/[,\s]+$/, "");
  const last = name.slice(name.lastIndexOf(" ") + 1);
  // A one-word title is its own name ("Bakelite"), and a head the word list lacks is a name ("The Airship Norge").
  const common = name.includes(" ") && /^\p{Lu}?\p{Ll}+$/u.test(last) && logFrequency(last.toLowerCase()) >= KNOWN_WORD;
  const lower = last.toLowerCase();
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
  return {
    label,
    words: new Set(normaliseOnce(label).split(" ")),
    name: name.toLowerCase(),
    // "the company", "the Company's"; not "the Post Office Department" (another name that opens on the head). The
    // head is letters only (tested above): nothing in it is read as a pattern.
    singular: !/[^s]s$/i.test(last),
    head: common ? new RegExp(`\\b[Tt]he\\s+(?:${lower}|${capital}(?!\\s+\\p{Lu}))(?:['’]s)?\\b`, "u") : null,
  };
}

/**
 * Whether a statement (its blank in place, the context shown before it included) needs its document's subject
 * before it: it names nothing (anchors.ts), or speaks of the subject by its head noun alone ("The company's ships
 * carried..." in "The Royal African Company", "the epidemic" in "The 1918 Influenza Epidemic in Western Samoa":
 * raters failed such prompts as leaning on a name they never show). And the label holds no word of the answer (a
 * topic "Bakelite" before "_____ was patented in 1909." would give it away).
 */
export function needsTopic(statement: string, answer: string, topic: Topic | null, subjectWords: ReadonlySet<string>): boolean {
  if (topic === null || !statement.includes(BLANK)) return false;
  const standsFor = itStandsForSubject(statement, topic);
  if (!standsFor && !namesNothing(statement, subjectWords) && !byHeadAlone(statement, topic)) return false;
  // "_____ passed." says nothing a subject could pin down; "Below the _____ they fan out" points at what the subject
  // is not ("they", the channels); "Raid: an attack..." is a label's line, which a second label before it garbles.
  if ((statement.replace(BLANK, " ").match(/\p{L}+/gu) ?? []).length < MIN_WORDS) return false;
  if ((standsFor ? POINTS_BACK_BUT_IT : POINTS_BACK).test(statement) || LABEL_FIRST.test(statement)) return false;
  // "In _____ crowds crushing..." (July): a month with no year is no date a subject pins down.
  if (MONTH_ALONE.test(answer.trim())) return false;
  // Any word of the answer in the label gives part of it away ("Dam" under "Kariba Dam").
  return !normaliseOnce(answer)
    .split(" ")
    .some((word) => word.length >= 3 && topic.words.has(word));
}

/** Prepositions that end a title's first noun phrase: "The Decipherment | of Linear B", "The Hanseatic Kontor | at Bryggen". */
const TITLE_PREPOSITION = /\s(?:of|in|at|on|for|from|to|and|v|vs)\s/i;

/** A word the word list knows (log frequency 0 is a word it lacks): "company", "fairs"; not "Norge", "Kontor". */
const KNOWN_WORD = 0.5;

/** The statement speaks of the subject as "the <head>" and never by its name. */
function byHeadAlone(statement: string, topic: Topic): boolean {
  return topic.head !== null && topic.head.test(statement) && !statement.toLowerCase().includes(topic.name);
}

/**
 * Whether the prompt's first sentence says "it" or "its" with nothing before it that the pronoun could stand for
 * ("For decades chemists searched mineral ores for it without success.", "Despite its rarity, ...") in a document
 * about one thing: the pronoun is the subject, which the prompt never names. A name, the blank, or a singular noun
 * after an article before the pronoun ("Paris opened its first line", "Below the _____ it widens") may be what it
 * stands for: left alone.
 */
function itStandsForSubject(statement: string, topic: Topic): boolean {
  if (!topic.singular) return false;
  const first = FIRST_SENTENCE.exec(statement)?.[0] ?? statement;
  const pronoun = /\b(?:[Ii]ts?)\b/.exec(first);
  if (pronoun === null) return false;
  const before = first.slice(0, pronoun.index);
  if (before.includes(BLANK) || /\S\s+["“(]?\p{Lu}/u.test(before)) return false;
  const firstWord = /^\p{Lu}\p{Ll}+/u.exec(before)?.[0];
  if (firstWord !== undefined && (lexiconTag(firstWord) !== undefined || logFrequency(firstWord.toLowerCase()) < NAME_FIRST_WORD)) return false;
  // "Because of its short half-life, technetium-99m cannot be stored": an opening phrase's pronoun stands for the
  // subject after its comma, a name or a noun after an article ("Despite its rarity, one of its isotopes" names none).
  const opening = /^[Ii]ts(?:\s+[\p{L}-]+){1,3},\s+(\S+)/u.exec(first.slice(pronoun.index));
  if (!before.includes(",") && opening !== null && /^(?:\p{Lu}|\S*\d|the$|a$|an$)/u.test(opening[1])) return false;
  // "the ore", "a metal", "the company's": a singular noun the pronoun may stand for ("ores", "chemists" may not).
  return !/\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Oo]ne)\s+(?:\p{Ll}+\s+){0,2}\p{Ll}+(?<![^s]s)(?:['’]s)?\b/u.test(before);
}
const FIRST_SENTENCE = /^.*?[.!?](?=\s|$)/;
/** Below this log frequency a capitalised first word is a name ("Technetium opened..."), as namesNothing reads it. */
const NAME_FIRST_WORD = 1.5;

/** The statement with its subject before it: "Kariba Dam: Work began in _____." */
export function withTopic(label: string, statement: string): string {
  return `${label}: ${statement}`;
}
