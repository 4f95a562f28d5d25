/**
 * "Which organisation has developed counter-terrorism legislation that harmonises the laws of its
 * member states?": a named body, instrument or person asked for by what its sentence says of it.
 *
 * Blind raters rejected most blanks a name fills ("The _____ has developed...": any organisation
 * fits the blank) and most multiple choice on names (distractors of another kind, or as fitting as
 * the key). A question that says what it asks for, and what the named thing did, has one answer a
 * reader of the lesson can give. Asked only where the sentence makes the name the subject of its
 * verb, or describes it with a relative clause ("Resolution 1373, which mandated..."), so the
 * question is the sentence itself, reworded no further than its opening.
 */
import type { Candidate } from "./candidates";
import { dictionaryDenies, type Token } from "./nlp";

/** What the sentence says of the name, and how the question opens. */
export interface NamedPredicate {
  /** Words before the name kept in the question ("In Europe, "); "" for none. */
  opening: string;
  /** From the verb to the sentence's end, without its full stop ("has developed ... member states"). */
  predicate: string;
}

/** The head words of an instrument, as the question names it ("Which resolution...?"). */
const INSTRUMENT_HEADS = new Set(
  "resolution convention treaty agreement accord act strategy programme program initiative protocol charter declaration directive framework policy plan pact doctrine statute compact mission operation partnership".split(
    " ",
  ),
);
/** The head words of a body: asked as "Which organisation...?". */
const BODY_HEADS = new Set(
  "organisation organization council committee commission union agency office nations association court department ministry bureau institute foundation fund alliance federation league board assembly parliament congress senate secretariat centre center forum authority administration service bank company corporation society party".split(
    " ",
  ),
);
/** Words that point at what an earlier sentence named: a predicate holding one leans on text the question lacks. */
const POINTER = /\b(?:this|these|those|such|they|them|he|she|him|her|the former|the latter|the same|both)\b/i;
/** A connective opening the sentence ("Moreover,"): pointing at text the question does not show, it is dropped. */
const CONNECTIVE = new Set(
  "additionally moreover furthermore however consequently therefore thus hence similarly likewise nevertheless nonetheless meanwhile also finally ultimately overall indeed notably importantly".split(" "),
);
/** Last words of a place or a building's name, which the finder may take for a person's ("Eldon Square"). */
const PLACE_WORDS = new Set(
  "road street square avenue lane library center centre hall park bridge college school university museum church cathedral station island river lake mountain house tower building gardens".split(" "),
);
/** "was founded in 1856", "was established in March 1901": a verb of coming into being and its date, nothing else. */
export const BARE_DATED_PREDICATE =
  /^(?:was|were|had been)\s+(?:first\s+)?(?:founded|established|created|formed|set up|built|opened|launched|inaugurated|organi[sz]ed|introduced|completed|begun|started)\s+(?:in|on|around|about|by)\s+(?:(?:\d{1,2}\s+)?\p{Lu}\p{Ll}+\s+)?\d{3,4}s?$/u;
const MIN_PREDICATE_WORDS = 3;
const MAX_PREDICATE_WORDS = 30;

/**
 * The predicate of a name that is its sentence's subject ("[In Europe,] [the] EU promotes...") or that a
 * relative clause closing the sentence describes ("..., the Resolution 1373, which mandated..."). Reads the
 * sentence's tags: null where neither shape holds, or where the predicate points back at earlier text.
 */
export function namedPredicate(c: Candidate): NamedPredicate | null {
  const { tokens, text } = c.sentence;
  if (tokens.length === 0 || /[?"“”]/.test(text)) return null;
  // "The Department also...": one word of a longer name, standing for what the sentence before named. A
  // person by one name alone is often a place or a building taken for one ("Victoria is..."), as is one whose
  // last word names a place.
  if (c.tokenEnd - c.tokenStart === 1 && c.kind !== "acronym") return null;
  if (c.kind === "person" && PLACE_WORDS.has(tokens[c.tokenEnd - 1].lower)) return null;
  const next = tokens[c.tokenEnd];
  if (!next) return null;
  let predicateStart: number;
  let opening = "";
  if (next.text === "," && /^(?:which|who)$/i.test(tokens[c.tokenEnd + 1]?.text ?? "") && (isVerb(tokens[c.tokenEnd + 2]) || pastParticipleAsAdjective(tokens[c.tokenEnd + 2]))) {
    // "..., which mandated ...": the clause must close the sentence, not hand back to it ("X, which ..., has ...").
    predicateStart = c.tokenEnd + 2;
    for (let k = predicateStart; k < tokens.length - 1; k++) if (tokens[k].text === "," && isVerb(tokens[k + 1])) return null;
  } else {
    const verb = verbAfterSubject(tokens, c.tokenEnd);
    if (verb === null) return null;
    const lead = subjectLead(tokens, c.tokenStart);
    if (lead === null) return null;
    // An opening that anchors the claim ("In Europe,", "In 1855,") stays; one that only links it to what came before
    // ("By contrast,", "Within a short time,") goes: the question cannot show what it links to.
    const anchored = lead > 0 && tokens.slice(0, lead - 1).some((t, k) => t.type === "number" || (k > 0 && t.pos === "PROPN"));
    const raw = lead > 0 ? text.slice(0, tokens[lead - 1].end + 1).trim() + " " : "";
    // "Despite its achievements,": the claim leans on the sentence before whether or not the opening is shown.
    if (OPENING_POINTER.test(raw)) return null;
    opening = anchored ? raw : "";
    predicateStart = verb;
  }
  const end = clauseEnd(tokens, predicateStart);
  if (end < 0) return null;
  // "...the following:" or "including:": what the predicate names comes after it.
  if (end === tokens.length && /:\s*$/.test(text)) return null;
  // "NATO also works...": the "also" leans on a body named before; the question asks for this one alone.
  if (tokens[predicateStart].lower === "also" && predicateStart + 1 < end) predicateStart++;
  const predicate = text
    .slice(tokens[predicateStart].start, end < tokens.length ? tokens[end].start : text.length)
    .replace(/[\s.!;:,]+$/, "")
    .trim();
  const words = predicate.split(/\s+/).length;
  if (words < MIN_PREDICATE_WORDS || words > MAX_PREDICATE_WORDS || POINTER.test(predicate)) return null;
  // An unclosed bracket or a trailing fragment ("such as") is a sentence cut short.
  if ((predicate.match(/\(/g)?.length ?? 0) !== (predicate.match(/\)/g)?.length ?? 0)) return null;
  if (/\b(?:such as|including|like|and|or|of|the)$/i.test(predicate)) return null;
  // "Which organisation was founded in 1856?": a date and a verb every body has say nothing of which one.
  if (!opening && BARE_DATED_PREDICATE.test(predicate)) return null;
  return { opening, predicate };
}

/** Pronouns in an opening phrase ("Despite its achievements, ..."): they point at what only the sentence before names. */
const OPENING_POINTER = /\b(?:it|its|this|these|those|such|they|their|them|he|his|she|her)\b/i;

/**
 * The verb the subject's predicate opens on, right after the name: the name's own verb ("NATO has..."), after
 * adverbs ("NATO later adopted...") or after an apposition set off by commas ("Jenner, an English physician,
 * tested..."). Null where none follows.
 */
function verbAfterSubject(tokens: readonly Token[], nameEnd: number): number | null {
  let k = nameEnd;
  if (tokens[k]?.text === ",") {
    // An apposition: a few words without a verb, closed by a second comma.
    let close = k + 1;
    while (close < tokens.length && close - k <= 10 && tokens[close].text !== ",") {
      if (tokens[close].pos === "VERB" || tokens[close].pos === "AUX" || /^(?:which|who|that)$/i.test(tokens[close].text)) return null;
      close++;
    }
    if (tokens[close]?.text !== "," || close === k + 1) return null;
    k = close + 1;
  }
  while (tokens[k]?.pos === "ADV" && /^\p{Ll}/u.test(tokens[k].text)) k++;
  const verb = isVerb(tokens[k]) || presentTenseAsNoun(tokens[k], tokens[k + 1]);
  return verb ? (tokens[k - 1]?.pos === "ADV" && tokens[k - 1].text !== "," ? firstAdverb(tokens, k) : k) : null;
}

/** The first of the adverbs right before the verb: "later adopted" keeps its adverb. */
function firstAdverb(tokens: readonly Token[], verb: number): number {
  let k = verb;
  while (tokens[k - 1]?.pos === "ADV" && /^\p{Ll}/u.test(tokens[k - 1].text)) k--;
  return k;
}

/**
 * Where the predicate's clause ends: at a semicolon, or at ", and"/", but"/", while" that opens a clause of its
 * own with another subject ("..., and the Soviet Union ceased to exist"); else the sentence's end. -1 where
 * such a clause may be a list's last item.
 */
function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k].text === ";") return k;
    if (tokens[k].text === "," && /^(?:and|but|while|whereas|yet)$/i.test(tokens[k + 1]?.text ?? "")) {
      const after = tokens[k + 2];
      if (!after || isVerb(after) || after.pos === "ADV") continue;
      // A clause of its own: a verb of its own before its next comma ("..., and the Union ceased to exist"), or a
      // subject of its own ("..., and the Authority dredges...": the tagger reads some verbs as nouns). After an
      // earlier comma it may as well be a list's last item ("trade, security, and the rule of law"): not asked.
      let clause = after.pos === "DET" || after.pos === "PROPN" || after.pos === "PRON";
      for (let v = k + 3; !clause && v < tokens.length && tokens[v].text !== ","; v++) if (isVerb(tokens[v])) clause = true;
      if (!clause) continue;
      for (let c = from; c < k; c++) if (tokens[c].text === ",") return -1;
      return k;
    }
  }
  return tokens.length;
}

/**
 * "The Authority trains the pilots", "The Board fines operators who...": the tagger reads some verbs in -s as
 * plural nouns. Right after a name, with an article or an adjective after it, such a word is the name's verb.
 */
function presentTenseAsNoun(t: Token | undefined, after: Token | undefined): boolean {
  return t !== undefined && t.pos === "NOUN" && /^\p{Ll}+[^s]s$/u.test(t.text) && (after?.pos === "DET" || after?.pos === "ADJ");
}

/** "which limited...": the tagger reads some past tenses after "which" as adjectives. */
function pastParticipleAsAdjective(t: Token | undefined): boolean {
  return t !== undefined && t.pos === "ADJ" && /^\p{Ll}+ed$/u.test(t.text);
}

/** A finite verb (or an auxiliary) opening a predicate: not a participle or a gerund ("working with..."). */
function isVerb(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.pos === "AUX") return true;
  return t.pos === "VERB" && !t.lower.endsWith("ing") && /^\p{Ll}/u.test(t.text);
}

/**
 * Where the subject's lead ends: the token index the name (or its "the") may start at, given what comes
 * before it — nothing; "The"; or a short opening phrase closed by a comma ("In Europe,", "Moreover,", "Since
 * 2001,"). Null for any other words before the name: then it is not the subject.
 */
function subjectLead(tokens: readonly Token[], nameStart: number): number | null {
  let at = nameStart;
  if (at > 0 && tokens[at - 1].lower === "the") at--;
  if (at === 0) return 0;
  // A short opening phrase closed by a comma right before the name: at most six tokens, no verb in it.
  if (tokens[at - 1].text !== "," || at - 1 > 6) return null;
  for (let k = 0; k < at - 1; k++) if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX" || tokens[k].text === ",") return null;
  return at;
}

/**
 * What the question calls the answer: "organisation" for a body, the instrument's own head word ("resolution",
 * "strategy") for an instrument, "Who" for a person; null where the name says neither (a place, a loose name).
 * `named` is the key, or an acronym's expansion; `acronymKnown`, whether the course gives its acronym.
 */
export function askedAs(kind: Candidate["kind"], named: string, acronymKnown: boolean): string | null {
  if (kind === "person") return readsAsPersonName(named) ? "who" : null;
  if (kind !== "organisation" && kind !== "treaty" && kind !== "acronym") return null;
  // The head is the last word before "of", "for" or "on" ("Center" of "NATO Center of Excellence for..."), past a number ("Resolution 1373").
  const words = named.toLowerCase().split(/\s+(?:of|for|on)\s+/)[0].split(/[\s-]+/).filter((w) => !/^\d+$/.test(w));
  const head = words.at(-1) ?? "";
  if (INSTRUMENT_HEADS.has(head)) return head === "program" ? "programme" : head;
  // "Union" heads a state as well as a body (the Soviet Union): a body only where the course gives its acronym.
  if (head === "union" && !acronymKnown) return null;
  return BODY_HEADS.has(head) && !dictionaryDenies(named, "organisation") ? "organisation" : null;
}

/**
 * A person's name has no digits and no word in capitals only ("DC-8", "HMS"), as the finder's guesses sometimes
 * do, and is not what a dictionary knows only as something else ("James Bay").
 */
export function readsAsPersonName(name: string): boolean {
  return !/\d/.test(name) && !/\b\p{Lu}{2,}\b/u.test(name) && !PLACE_HEAD.test(name) && !dictionaryDenies(name, "person");
}

/**
 * "Sydney Harbour", "Bennelong Point", "Hudson Street": a last word that names a place or a building, whatever
 * the first word is (raters failed "Which person" for Sydney Harbour).
 */
const PLACE_HEAD =
  /\s(?:Harbour|Harbor|Bay|Point|River|Lake|Island|Islands|Strait|Sea|Ocean|Gulf|Canal|Bridge|Street|Road|Avenue|Square|Park|Hill|Hills|Valley|Mountain|Mountains|Peninsula|Cape|Coast|Beach|Port|Castle|Palace|Cathedral|Abbey|Tower|Hall|House|Station|Airport|College|University|School|Hospital|Museum|Observatory|Laboratory|Institute|Field|Forest|Desert|Plain|Plains|Falls|Dam|Reef|Channel|Sound|Creek|County|Province|District)$/;

/** The question: "In Europe, which organisation promotes...?", "Who founded...?". */
export function whichPrompt(asked: string, { opening, predicate }: NamedPredicate): string {
  const wh = asked === "who" ? "who" : `which ${asked}`;
  const head = opening ? `${opening}${wh}` : wh.charAt(0).toUpperCase() + wh.slice(1);
  return `${head} ${predicate}?`;
}
