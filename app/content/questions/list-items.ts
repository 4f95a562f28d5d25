/**
 * What a list item says. Lists hold the lesson's entries ("Shaanxi, China, 23 January 1556
 * (magnitude about 8)."), its glossaries ("Autotroph: an organism that makes its own organic
 * molecules...") and its statements ("Mast cells release histamine."). Blind raters accepted
 * none of 18 questions made from an item's first sentence that has no verb of its own (a
 * label, a name and its dates), but two in three of those from one that reads as a statement;
 * a glossary line asks well the other way round: the term, given what it means.
 */
import { isAcronym } from "./candidates";
import { inDictionary, type Token } from "./nlp";

/** Words that open a clause inside the sentence: a verb after them is not the sentence's own. */
const SUBORDINATORS = new Set(
  "which who whom whose that where when how why what while if because although though whereas unless since after before until once".split(" "),
);
/** The tags a verb's subject ends on. */
const SUBJECT_END = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
const CLAUSE_BREAK = new Set([",", ";", ":", "—", "–"]);

/**
 * Whether the sentence has a verb of its own: an auxiliary, or a verb right after its subject
 * (or opening the sentence), outside brackets and subordinate clauses. "Ceres, the largest object
 * in the asteroid belt, discovered by Giuseppe Piazzi" and "The Law of Suspects (1793), which
 * allowed arrests" have none. wink tags some verbs as nouns ("Mast cells release histamine"):
 * such a statement is missed, which costs its questions a deck place, never a wrong one.
 */
export function readsAsStatement(tokens: readonly Token[]): boolean {
  let depth = 0;
  let subordinate = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === "(" || t.text === "[") depth++;
    else if (t.text === ")" || t.text === "]") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (CLAUSE_BREAK.has(t.text)) subordinate = false;
    // "that" after a noun opens a relative clause whatever its tag ("a post on a quay that ropes are tied to").
    else if (i > 0 && SUBORDINATORS.has(t.lower) && (t.pos !== "DET" || tokens[i - 1].pos === "NOUN")) subordinate = true;
    else if (subordinate) continue;
    else if (t.pos === "AUX") return true;
    // A capitalised "verb" inside a name is wink's mistake ("The Harbour Act").
    else if (t.pos === "VERB" && !t.lower.endsWith("ing") && (i === 0 || !/^\p{Lu}/u.test(t.text))) {
      let p = i - 1;
      // "Domenico Scarlatti (1685-1757) wrote...": the subject is before the brackets.
      for (;;) {
        while (p >= 0 && tokens[p].pos === "ADV") p--;
        if (p < 0 || (tokens[p].text !== ")" && tokens[p].text !== "]")) break;
        let open = 1;
        while (--p >= 0 && open > 0) open += tokens[p].text === ")" || tokens[p].text === "]" ? 1 : tokens[p].text === "(" || tokens[p].text === "[" ? -1 : 0;
      }
      // "9 ATP and 6 NADPH for each G3P exported.": a participle closing the item after a preposition's
      // noun describes that noun ("The old lighthouse collapsed." has none).
      const closing =
        t.lower.endsWith("ed") &&
        /^[.;!]?$/.test(tokens[i + 1]?.text ?? "") &&
        tokens[p]?.pos !== "PRON" &&
        tokens.slice(0, i).some((x) => x.pos === "ADP");
      if ((p < 0 || SUBJECT_END.has(tokens[p].pos)) && !closing) return true;
    }
  }
  return false;
}

export interface GlossaryEntry {
  /** The term as the line writes it, without what its brackets add ("Depression" of "Depression (low)"). */
  term: string;
  /** Other names the line gives it in brackets ("low", "int"). */
  alternatives: string[];
  /** What the term means, brackets removed: a noun phrase ("an organism that makes..."). */
  definition: string;
  /** "glossary" for "Term: definition" and "Term – definition"; "apposition" for "Term, a definition". */
  shape: "glossary" | "apposition";
}

/** "Term: definition", "Term – definition", "Term, a definition": the term, its brackets, the separator, the rest. */
const GLOSSARY_LINE = /^((?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)(?:\s+\(([^()\d]{1,40})\))?\s*(:|\s[–—]|,)\s+(.+?)[.!]?$/u;
/** "the most common species", "the largest type in use": a kind whose head says of what by no "of" after it. */
const KIND_WITHOUT_DOMAIN = /^(?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:species|type|types|kind|kinds|variety|varieties|strain|strains|form|forms|genus|breed|breeds)\b(?!\s+of\b)/u;

/** A definition opens as a noun phrase does: an article, "one of", or a word tagged as an adjective or noun. */
const ARTICLE_OPENING = /^(?:a|an|the|one of)\s/i;
/** "Article IV", "Section 8", "Chapter 2", "Amendment 14": a part of a text by its number. */
const NUMBERED_PART = /^(?:Article|Section|Chapter|Amendment|Part|Title|Clause|Book|Volume|Schedule|Annex|Appendix)\s+(?:[IVXLC]+|\d+[A-Za-z]?)$/;
/** Openings that measure, compare or list rather than define ("about 96.5 percent", "higher rates lower...", "such as copper"). */
const NOT_A_DEFINITION =
  /^(?:about|around|roughly|approximately|only|over|under|up to|more|less|fewer|higher|lower|greater|between|from|since|in|on|at|by|for|with|both|each|either|such as|including|e\.g\.|i\.e\.)\b/i;

/**
 * The term a glossary line defines and what it means, or null when the line is not one: a term of
 * one to five words with no digits and no verb, and a definition in lower case that opens as a noun
 * phrase, of three words or more, without digits (a figure's clause after the first comma is left
 * out), not a list of examples and not naming the term itself.
 */
export function glossaryEntry(text: string, tokens: readonly Token[]): GlossaryEntry | null {
  const m = GLOSSARY_LINE.exec(text.trim());
  if (!m) return null;
  const [, term, bracketed, separator, rest] = m;
  const shape = separator === "," ? "apposition" : "glossary";
  if (!/^\p{Lu}/u.test(term)) return null;
  // "Article IV: relations among the states": a numbered part of a text, asked "What is the name for...?", is
  // answered as well by what the part is called ("the Supremacy Clause") as by its number.
  if (NUMBERED_PART.test(term)) return null;
  const termEnd = text.indexOf(term) + term.length;
  const termTokens = tokens.filter((t) => t.end <= termEnd);
  // A term is a noun phrase: "At its opening" and "Meiosis II separates sister chromatids" are not.
  if (termTokens.length === 0 || !TERM_OPENING.has(termTokens[0].pos)) return null;
  if (termTokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
  // "USGS, the United States Geological Survey": an acronym's expansion, asked as one (acronymQuestions).
  if (shape === "apposition" && isAcronym(term)) return null;
  let definition = rest.split(/;\s/)[0].replace(/\s*\([^()]*\)/g, "").trim();
  // "the largest object in the asteroid belt, discovered by Giuseppe Piazzi on 1 January 1801": the figures are another fact.
  if (/\d/.test(definition)) definition = definition.split(/,\s/)[0];
  definition = definition.replace(/[,:]$/, "");
  const words = definition.split(/\s+/).length;
  if (/\d/.test(definition) || NOT_A_DEFINITION.test(definition) || /\b(?:for example|for instance)\b/i.test(definition)) return null;
  if (!/^\p{Ll}/u.test(definition) || words < 3 || words > MAX_DEFINITION_WORDS) return null;
  const at = text.indexOf(rest);
  const definitionTokens = tokens.filter((t) => t.start >= at && t.start < at + definition.length);
  if (!ARTICLE_OPENING.test(definition)) {
    // "Gaius Marius, a novus homo", "Agriculture, livestock and landfill": an apposition defines only with an article.
    if (shape === "apposition") return null;
    const first = definitionTokens[0];
    if (!first || (first.pos !== "ADJ" && first.pos !== "NOUN") || /ed$/.test(first.lower)) return null;
    // "Parietal lobe – touch, temperature and body position": a list of what it does, not what it is.
    if (/^[\p{L}'’-]+,/u.test(definition)) return null;
  }
  // "a novus homo": one of a class, not what the name means.
  if (shape === "apposition" && words < 5) return null;
  // "P. vivax, the most widespread species outside Africa": a kind with nothing saying of what ("species of
  // parasite") is pinned down only by the lesson around it.
  if (shape === "apposition" && KIND_WITHOUT_DOMAIN.test(definition)) return null;
  // "Prophase: chromatin condenses into visible chromosomes": a statement of what happens, not a definition.
  if (opensAsClause(definitionTokens) || definitionTokens.some((t, i) => verbTaggedAsNoun(definitionTokens, i))) return null;
  // "Second law: the total entropy of an isolated system never decreases", "Economy: the cost of collecting a tax
  // should be small": a law or a maxim stated, its verb before any relative word; "the term for" it is no sentence.
  if (finiteVerbBeforeRelative(definitionTokens)) return null;
  // The term's own words in its definition give it away.
  const definitionWords = new Set(definition.toLowerCase().split(/[^\p{L}'’-]+/u));
  if (term.toLowerCase().split(/\s+/).some((w) => w.length > 3 && definitionWords.has(w))) return null;
  const alternatives = bracketed ? bracketed.split(/\s*(?:,|\bor\b)\s*/).filter((a) => a.length > 0) : [];
  return { term, alternatives, definition, shape };
}

/**
 * "Bilateral approaches in counter-terrorism refer to collaborative efforts between two nations...": a sentence of
 * prose that says what a term means. The term opens the sentence (one to five words, a qualifier "in ..." left out);
 * the verb is one that defines, not one that describes ("involve", "include"); the definition runs to the first
 * clause of its own (", which", ", while", ";").
 */
const PROSE_DEFINITION =
  /^((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)(?:\s+(?:in|within)\s+[^,;]{1,60}?)?\s+(?:refers?\s+to|(?:is|are)\s+defined\s+as|(?:is|are)\s+known\s+as|means)\s+(.+?)[.!]?$/u;

/**
 * "Photosynthesis is the process by which green plants...", "Enzymes are proteins that speed up...": the textbook's
 * own definition, a term and what class of thing it is, pinned down by what follows the class (by which, in which,
 * of, that, used to...). Present tense only ("Napoleon was a general who..." describes, it does not define), an
 * article after "is" ("Prontosil is converted in the body..." is no definition), a noun of a class that terms
 * are defined by, and something after it: "Resistance is a natural phenomenon" names no one thing.
 */
const COPULAR_DEFINITION = new RegExp(
  "^((?:[\\p{L}'’-]+\\s+){0,4}?[\\p{L}'’-]+)\\s+(?:is\\s+(?=an?\\s|the\\s)|are\\s+(?!\\p{L}+ed\\s))((?:(?:an?|the)\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?" +
    "(?:process|type|kind|form|method|study|branch|measure|unit|condition|state|substance|molecule|organ|" +
    "cell|compound|layer|region|technique|practice|theory|principle|phenomenon|disease|mechanism|sequence|" +
    "tissue|protein|enzyme|hormone|pigment|organelle|reaction|instrument|device|machine|system|network|collection|response|" +
    "force|property|quantity|ratio|rate|structure|body|group|science|art|policy|doctrine|agreement)(?:e?s)?" +
    "\\s+(?:by\\s+which|in\\s+which|through\\s+which|of|that|which|for|used|caused|where|whereby|consisting|carried|made|between|to|from|in|on|with|produced|found|formed|responsible)\\b.+?)[.!]?$",
  "u",
);

/**
 * Subjects of a copula that are no terms: an order or a rank ("The first step", "The most common cause", "The
 * main aim") or a word that stands for something the text goes on to say ("problem", "result", "example"),
 * or people.
 */
const COPULAR_NOT_TERM = new RegExp(
  "\\b(?:first|second|third|fourth|last|final|next|main|major|primary|principal|chief|key|only|most|least|best|worst|" +
    "biggest|largest|smallest|greatest|highest|lowest|other|same)\\b|\\b(?:problem|result|answer|cause|step|example|reason|difference|" +
    "aim|goal|purpose|effect|outcome|solution|question|issue|idea|point|challenge|advantage|disadvantage|benefit|consequence|" +
    "factor|feature|role|task|change|trend|thing|way|part|area|stage|phase|people|children|men|women|person|group|one)s?$",
  "iu",
);

export function proseDefinition(text: string, tokens: readonly Token[]): GlossaryEntry | null {
  const whole = definitionIn(text.trim(), 0, tokens);
  if (whole) return whole;
  // "Counter-tides involve..., while slack water refers to the still period between tides.": a definition in a
  // second clause of its own.
  const second = SECOND_CLAUSE.exec(text);
  return second ? definitionIn(text.slice(second.index + second[0].length).trim(), second.index + second[0].length, tokens) : null;
}

/** ", while", ", whereas", "; ": where a sentence's second clause opens. */
const SECOND_CLAUSE = /,\s+(?:while|whereas)\s+|;\s+/;

/** proseDefinition on a clause of the sentence, which starts at character `offset` of it. */
function definitionIn(text: string, offset: number, sentenceTokens: readonly Token[]): GlossaryEntry | null {
  const tokens = offset === 0 ? sentenceTokens : sentenceTokens.filter((t) => t.start >= offset).map((t) => ({ ...t, start: t.start - offset, end: t.end - offset }));
  const named = PROSE_DEFINITION.exec(text);
  const m = named ?? COPULAR_DEFINITION.exec(text);
  if (!m) return null;
  let [, term] = m;
  // A copular definition runs to its first clause of another kind: "..., although many can also take up ammonium".
  const clauseEnd = named ? /,\s+(?:which|while|whereas|and\s+(?:it|they|this))\b|;\s/ : /,\s+(?:which|while|whereas|although|though|but|so|and\s+(?:it|they|this))\b|[;:]\s/;
  let definition = m[2].split(clauseEnd)[0].trim();
  // The term opens the sentence on a capital; a second clause's on its own word, not a determiner ("while the company
  // is known as a leader in batteries" names no term).
  if ((offset === 0 ? !/^\p{Lu}/u.test(term) : /^(?:the|a|an|its|their|his|her)\s/i.test(term)) || /\b(?:this|these|those|such|it|they|its|their)\b/i.test(term))
    return null;
  const termTokens = tokens.filter((t) => t.end <= term.length);
  if (termTokens.length === 0 || !TERM_OPENING.has(termTokens[0].pos) || termTokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
  definition = definition.replace(/[,:]$/, "");
  const words = definition.split(/\s+/).length;
  // A copular definition shorter than six words names a class, not one thing ("a basic property of matter").
  if (!/^\p{Ll}/u.test(definition) || words < (named ? 4 : 6) || words > MAX_DEFINITION_WORDS || /\d/.test(definition)) return null;
  if (/\b(?:this|these|those|such|it|they)\b/i.test(definition)) return null;
  // "Terrorism is known as terrorism in ...": the term's own words in its definition give it away.
  const definitionWords = new Set(definition.toLowerCase().split(/[^\p{L}'’-]+/u));
  if (term.toLowerCase().split(/[\s-]+/).some((w) => w.length > 3 && definitionWords.has(w))) return null;
  // "The first step is the process by which...", "The problem is a system in which...", "Children are the group
  // that...": what a copula says of a step, a problem or a group of people is no term's definition; nor is what it
  // says of a name a dictionary lists ("Congress is the body that...", "Siberia is a region of Russia that...").
  if (!named && (COPULAR_NOT_TERM.test(term) || inDictionary(term))) return null;
  // The term is asked in lower case unless it is a name: "bilateral approaches"; "The electric telegraph" without its article.
  if (/^(?:The|An?)\s+\p{Ll}/u.test(term)) term = term.replace(/^\S+\s+/, "");
  const shown = isAcronym(term) || /^\p{Lu}\S*\s+\p{Lu}/u.test(term) ? term : term.charAt(0).toLowerCase() + term.slice(1);
  return { term: shown, alternatives: [], definition, shape: "glossary" };
}

/** Words that follow a verb, never a plural noun ("the envelope breaks down", "the plate descends beneath"). */
const PARTICLES = new Set(["down", "up", "off", "away", "beneath"]);

/**
 * "controls voluntary movement", "sulphur dioxide forms aerosols", "warm air rises over": a verb
 * in the third person that wink tags as a plural noun, told by what stands around it.
 */
function verbTaggedAsNoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos !== "NOUN" || !/[^s]s$/.test(t.lower) || t.lower.length < 4) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  // "bubbles that carry cargo": a relative pronoun follows a noun, not a verb.
  if (!after || SUBORDINATORS.has(after.lower)) return false;
  if (before === undefined) return ["DET", "ADJ", "NOUN", "PRON"].includes(after.pos);
  if (before.pos !== "NOUN") return false;
  return ["DET", "ADJ", "NOUN", "PRON", "PART", "ADV"].includes(after.pos) || PARTICLES.has(after.lower);
}

/** Past participles that do not end in -ed or -en: after a noun, they open a reduced relative clause ("a wall built out into the sea"). */
const PARTICIPLES = new Set(
  "built made held known shown given taken written set led kept sent found brought bought taught thought sold told spent cut put run won done seen drawn grown worn born borne laid paid said struck hung spun dug fed bred".split(" "),
);

const NOUN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);

const RELATIVE_WORDS = new Set(["that", "which", "who", "whom", "whose", "where", "when", "whereby", "while", "because", "if", "as", "so"]);

/**
 * Whether a verb that makes a clause ("decreases", "should", "is") comes before any relative word: "a process that
 * converts light" defines; "the total entropy ... never decreases" states. Participles ("used", "collecting") and
 * base forms (after "how": "how organisms interact") make no clause alone.
 */
function finiteVerbBeforeRelative(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (RELATIVE_WORDS.has(t.lower)) return false;
    // "the depth of water a ship needs": a noun phrase of its own (an article after neither a preposition nor a
    // gerund, or a pronoun) opens a relative clause without its "that".
    const before = tokens[i - 1];
    if (i > 0 && t.pos === "DET" && before.pos !== "ADP" && !(before.pos === "VERB" && /ing$/.test(before.lower))) return false;
    // "the money someone earns": a pronoun opens one as well.
    if (i > 0 && t.pos === "PRON") return false;
    if (t.pos === "AUX") return true;
    if (t.pos === "VERB" && /[^s]s$/.test(t.lower)) return true;
  }
  return false;
}

/**
 * Whether a definition reads as a clause: a verb in a tense right after its first noun phrase
 * ("the denser oceanic plate descends beneath the continent", "members promise not to...").
 * A participle there describes the noun ("a fatty layer wrapped around axons"), and a verb after a
 * later noun belongs to a relative clause ("the depth of water a ship needs to float").
 */
function opensAsClause(tokens: readonly Token[]): boolean {
  let i = 0;
  while (i < tokens.length && (tokens[i].pos === "DET" || tokens[i].pos === "ADJ" || tokens[i].pos === "ADV" || tokens[i].pos === "NUM")) i++;
  const nounStart = i;
  while (i < tokens.length && NOUN_PHRASE.has(tokens[i].pos)) i++;
  if (i === nounStart) return false;
  // "wealthy members of the bourgeoisie were...": the noun phrase goes on through "of", whatever
  // wink makes of the word after it ("an alloy of lead").
  while (tokens[i]?.lower === "of") {
    i += 2;
    while (i < tokens.length && (tokens[i].pos === "NOUN" || tokens[i].pos === "PROPN")) i++;
  }
  while (tokens[i]?.pos === "ADV") i++;
  const t = tokens[i];
  if (t === undefined) return false;
  if (t.pos === "AUX") return true;
  return t.pos === "VERB" && !/(?:ed|en|wn)$/.test(t.lower) && !PARTICIPLES.has(t.lower) && !t.lower.endsWith("ing");
}


/** The tags a term opens on: a noun, a name, an adjective, or an article before them. */
const TERM_OPENING = new Set(["NOUN", "PROPN", "ADJ", "DET", "X"]);
/** A longer definition is an explanation: asked back, it reads as a paragraph. */
const MAX_DEFINITION_WORDS = 30;
