/**
 * Automatic checks on a question as it reads, from its prompt and key alone: the flags a question
 * carries to an instructor's curation, and what keeps it out of a learner's deck whatever its
 * estimated quality. The generator keeps such questions in the bank (an instructor may mend one);
 * no learner is shown one unmended. Pure.
 */
import { BLANK, NAME_ONE, asksForAnyOf, statementOf } from "../content/questions/rules";
import { CONTEXT_OPENERS, MONTH_NAMES } from "../content/questions/text";
import { foldAnswer } from "./fold";
import { rangeEnds, readNumber, unitCode } from "./numbers";

export type QuestionFlag =
  | "dangling-reference"
  | "piece-of-a-name"
  | "part-of-a-number"
  | "list-slot"
  | "fragment"
  | "aside"
  | "key-echoed"
  | "modifier"
  | "two-in-one"
  | "one-of-many";

const PERSONAL_PRONOUN = /\b(?:he|she|they|them|their|his|her)\b/i;
/** A name after the first word: a capital followed by a small letter (not "BCE", "AD"). */
const NAME_AFTER_FIRST_WORD = /^\s*\S+.*?\s\p{Lu}\p{Ll}/u;
/** A word of two capitals or more (not an era's letters). */
const ACRONYM_WORD = /\b(?!(?:BCE|BC|CE|AD)\b)\p{Lu}{2,}s?\b/u;
/**
 * A capitalised word right after or before the blank: the name goes on past it ("Jama'at Nusrat _____ wal
 * Muslimin", "the US _____" of the US Federal Aviation Administration).
 */
const NAME_WORD_AFTER =
  /^\s\p{Lu}\p{Ll}+(?:\s|$|[,.;:])|^\s(?:of|on|for|against)\s(?:the\s)?\p{Lu}|^\s\p{Ll}{1,3}[-‘’']\p{Lu}\p{Ll}|^\s(?:al|el|wal|bin|ibn|de|del|della|da|di|do|du|dos|das|des|la|le|van|von|der|zu|y)(?:\s(?:la|las|los|le|les|den|der))?\s\p{Lu}|^\s(?:upon|am|sur|an\sder)\s\p{Lu}/u;
/** " in the Judaean Desert (DJD)": the rest of a name and the acronym of the whole, which must start with the key's initial. */
const NAME_THEN_ACRONYM_AFTER = /^\s(?:in|of|on|for|and)\s(?:the\s)?(?:\p{Lu}[\p{L}'’-]*\s){1,4}\((\p{Lu})\p{Lu}+\)/u;
const NAME_WORD_BEFORE = /(?:^|\s)\p{Lu}\p{Ll}+(?:'s|’s)?\s$|\s(?!(?:What|Why|How|Where|When|Which|Who)\s)\p{Lu}\p{Ll}+\s(?:de|del|della|da|di|do|du|dos|das|des|van|von|der|zu)\s$|(?:^|\s)the\s\p{Lu}{2,}\s$|\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s(?:of|on|for|in)\s(?:the\s)?$|\p{Lu}\p{Ll}+\s\(\p{Lu}[\p{Lu}\d&-]+\)\s$|\p{Lu}\p{Ll}+-?,?\s(?:et|und|y|e|och|og)\s$|\p{Lu}\p{Ll}+\s(?:upon|am|sur|an\sder)\s$|(?:^|\s)\p{Lu}\p{Ll}*['’]\p{Ll}+\s$/u;
/**
 * Initials right before the blank: two ("A. W. "), or one after a word that leads a name ("by J. ", "the chemist E. ").
 * Not a letter that ends the sentence before ("Group C. _____ finished", "vitamin C. _____ proved", "World War I.").
 */
const INITIAL_BEFORE = /(?:^|[\s(])\p{Lu}\.\s?\p{Lu}\.\s$|(?:^|[(,]\s?|\b(?:by|and|of|with|from|to|as|named|called|including|under|for|chemist|physicist|engineer|inventor|botanist|zoologist|mathematician|astronomer|geologist|architect|writer|poet|painter|composer)\s)\p{Lu}\.\s$/u;
/** "September 11", "11 September": a day of a month without its year. */
const DAY_AND_MONTH =
  /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?$/;
/** "in ", "On ", "until ", "late ": a word a date follows. */
const DATING_WORD_BEFORE = /\b(?:in|on|by|since|until|till|from|during|before|after|early|late|mid|of)\s$/i;
/** A date a key may be: "14 June", "October", "March 1689", "6 August 1588", "July 4, 1776". */
const DATE_KEY =
  /^(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+\d{3,4})?)$/;
/**
 * "the events of _____" (September 11, 2001), "the attacks of _____" (7 July 2005): a date that names an event, a stock
 * phrase any learner fills.
 */
const EVENT_CUE_BEFORE = /\bthe\s+(?:events|attacks?|bombings?|massacre|disaster|riots?)\s+of\s+$/i;
/** "the events of September 11, ", "the attacks of 7 July ": a date that names an event, its year blanked. */
const EVENT_NAMED_BY_DATE =
  /\bthe\s+(?:events|attacks?|bombings?|massacre|disaster|riots?)\s+of\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?,?\s$/;
/**
 * The word before the blank opens the sentence (its capital says nothing); not after an initial or a title ("John A.
 * Roebling's", "Dr. Marn"), unless it is a word sentences open on ("Charles I. In _____", "the U.S. In _____").
 */
const OPENING_WORD =
  /(?:^|(?<![\s.]\p{Lu}|\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Capt|Gen|Col|Lt|Sgt|Rev|Prof))[.!?]\s+|(?<=[\s.]\p{Lu}\.\s+)(?=(?:In|On|At|By|The|A|An|After|Before|During|When|From|Since|Until|It|He|She|They|This|These|Its|His|Her|Their|There|Then)\s))\S+\s$/u;

/** The second blank of a range or a pair asked whole, right after the first: " and _____", "–_____". */
const PAIRED_BLANK = /^\s*(?:and|to|or|[–—-])\s*_____/;
/** ", 1995", ", in 1890", ", 12 May": another date or number right after the blank's comma, as in a list of dates. */
const DATE_AFTER_COMMA = new RegExp(String.raw`^\s*,\s*(?:(?:in|on|by|and|or)\s+)?(?:\d|(?:${MONTH_NAMES})\b)`);
/** "United Nations", "UN Security Council", "Council of Europe": a name of two capitalised words or more. */
const MULTIWORD_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+|the\s+)*\p{Lu}[\p{L}.'’-]*)+$/u;
/** "of ", "such as ", "the ": where a noun phrase begins, so a name after it may describe the noun that follows. */
const MODIFIER_CONTEXT_BEFORE = /(?:\bof|\bsuch as|\bthe|\bunder|\bwith|\bby|\bthrough)\s$/i;
/** " resolutions related to", " mandates,": a plural noun closing the phrase the name describes. */
const PLURAL_HEAD_AFTER = /^\s+\p{Ll}{3,}s(?:[,.;:]|\s+(?:related|notably|such|adopted|passed|issued)\b)/u;
/** "9 metres high and ", "12 m long and ": a measure and the dimension it is, then "and", before the blank. */
const DIMENSION_THEN_AND = /\d[\d.,]*\s*\p{L}*\.?\s+(?:high|tall|long|wide|deep|thick|across)\s+and\s+$/u;
/** " in diameter", " wide": the dimension the blank's measure is, right after it. */
const DIMENSION_AFTER = /^\s+(?:in\s+(?:diameter|width|length|height|depth|circumference)|wide|long|high|tall|deep|thick|across)\b/;
/**
 * "On ", "In ", ", on ", "On 3 March ": a preposition opening a sentence or a clause right before the blank, a day and
 * a month between them or none; or "died on 1 September " within a clause, a day and a month always between.
 */
const OPENING_DATE_BEFORE = new RegExp(
  String.raw`(?:(?:^|[.;:!?]\s+|,\s+)(?:On|on|In|in|By|by)\s+(?:(?:\d{1,2}\s+)?(?:${MONTH_NAMES})(?:\s+\d{1,2},?)?\s+)?|\b\p{Ll}+\s+(?:on|in|by)\s+(?:\d{1,2}\s+)?(?:${MONTH_NAMES})(?:\s+\d{1,2},?)?\s+)$`,
  "u",
);
/** "When the first specimen reached Britain in ": a sentence opening on a subordinate clause, no comma yet, a preposition of time last. */
const SUBORDINATE_CLAUSE_BEFORE = new RegExp(
  String.raw`(?:^|[.!?]\s+)(?:When|After|Before|Although|Though|While|Once|Until|Since|As|Because|If)\s[^,;:.!?]{1,120}\s(?:in|on|by|during|until|from|of)\s+(?:(?:\d{1,2}\s+)?(?:${MONTH_NAMES})(?:\s+\d{1,2},?)?\s+)?$`,
);
/** ", again in 1850 and...": a year soon after the blank's comma, as in a list of dates. */
const YEAR_SOON_AFTER_COMMA = /^\s*,[^.;]{0,40}?\b(?:1\d{3}|20\d{2})\b/;
/**
 * One item of a list whose other items stand beside it ("INTERPOL, Europol and the _____", "such as
 * _____, X and Y"): any other item of the kind fills it as well.
 */
const LIST_SLOT =
  /,[^,.;]{0,60}\s(?:and|or)\s+(?:the\s+)?_____|,[^,.;]{0,59}[^,.;\s]\s(?:and|or)\s+(?:in|on|at|to|from|across|throughout)\s+(?:(?:parts|much|some|most|all)\s+of\s+)?(?:the\s+)?_____|_____\s*,(?!\s*(?:[a-z]{4,}ed|known|written|given|taken|seen|made|built|held|led|won|begun|began|formed|chosen|set|sent|kept|brought|bought|found|sold|told|grown|drawn|shown|born|struck|spent|lost|paid|laid|left|became|ran|rose|fell|went|came|stood)\s)(?:\s*[^,.;\s]+(?:\s+[^,.;\s]+){0,2}\s*,)*\s*[^,.;\s]+(?:\s+[^,.;\s]+){0,2},?\s+(?:and|or)\s|\b(?:such as|including|like(?!\s+to\b))\s+(?:the\s+)?[^,.;_]{1,40}\s(?:and|or)\s+(?:the\s+)?_____|\b(?:such as|including|like)\s+(?:the\s+)?_____\s*(?:,|and\b|or\b)|\b(?:such as|including|like)\s(?:[^,.;]{1,60},\s+){2,6}(?:and\s+|or\s+)?(?:the\s+)?_____|\b(?:such as|including|like)\s[^,.;]{1,60},\s+(?:and|or)\s+(?:the\s+)?_____|_____\s*,(?!\s*(?:[a-z]{4,}ed|known|written|given|taken|seen|made|built|held|led|won|begun|began|formed|chosen|set|sent|kept|brought|bought|found|sold|told|grown|drawn|shown|born|struck|spent|lost|paid|laid|left|became|ran|rose|fell|went|came|stood)\s)(?:[^,.;]{1,60},){2,}|(?:,[^,.;]{1,60}){2,},\s*(?:the\s+)?_____|,[^,.;]{1,60},\s*(?:the\s+)?_____\s*,[^,.;]{1,60},|,\s*(?:the\s+)?_____\s*,\s*(?:and|or)\s|,\s*(?:the\s+)?_____\s+(?:and|or)\b/;
/** "such as the ", "including ", ", like ": a cue to an example, right before the blank (not "would like", "looks like"). */
const EXAMPLE_CUE_BEFORE = /\b(?:such as|including|e\.g\.,?)\s+(?:the\s+)?$|,\s+like\s+(?:the\s+)?$|\b(?!(?:look|seem|sound|feel|taste|smell|act|appear|work|read|behave|function|write|sing|play|move|run|walk|talk|think|live|dress|grow|operate|perform|serve|spread|burn|shine|flow|fly|swim)s\s)\p{Ll}{3,}s\s+like\s+(?:the\s+)?$/u;
/** A number written in words, next to the blank with "to", "and" or "or" between ("and" only after "between": not "in _____ and ten years later"). */
const NUMBER_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\\s+hundred|thousand|a\\s+thousand)";
const NUMBER_WORD_AFTER = new RegExp(`^\\s+(?:to|and|or)\\s+${NUMBER_WORDS}\\b`, "i");
const NUMBER_WORD_BEFORE = new RegExp(`\\b${NUMBER_WORDS}\\s+(?:to|and|or)\\s+$`, "i");
/** "nine in ", "1 in ": a proportion's first term, the blank its second. */
const PROPORTION_BEFORE = new RegExp(`(?:\\b${NUMBER_WORDS}|(?<![\\d.,\\p{L}-]\\s?)(?<![\\d.,])\\d{1,3})\\s+(?:in|out\\s+of)\\s+$`, "iu");
/** " in ten", " out of five": a proportion's second term in words, the blank its first (not " in 1920"). */
const PROPORTION_AFTER = new RegExp(`^\\s+(?:in|out\\s+of)\\s+${NUMBER_WORDS}\\b(?!\\s+(?:years?|months?|weeks?|days?|decades?|centuries|hours?|minutes?))`, "i");
/** "41 seconds", "38 minutes": a part of a time given in several units. */
const TIME_PART_KEY = /^\d+\s+(?:seconds?|minutes?|hours?|days?)$/;
/** "3 hours 38 minutes and ", "7 hours ": the larger units of the same time, right before the blank. */
const TIME_PART_BEFORE = /\d+\s+(?:hours?|minutes?|days?)\s+(?:and\s+)?$/;
/** A number and a unit: "1,000 feet", "20 miles", "3.5 km". */
const UNIT_WORD =
  "(?:(?:square|cubic)\\s+)?(?:kilo|centi|milli)?(?:met(?:re|er)s?|grams?)|km|cm|mm|m|kg|g|feet|foot|ft|inch(?:es)?|in|yards?|miles?|mi|" +
  "nautical\\s+miles?|knots?|mph|km\\/h|tonnes?|tons?|t|pounds?|lb|lbs|ounces?|oz|(?:kilo|milli)?litres?|(?:kilo|milli)?liters?|l|gallons?|" +
  "pints?|acres?|hectares?|ha|degrees?|°[CF]?|celsius|fahrenheit|kelvin|K|horsepower|hp|watts?|kW|MW|calories?|kcal";
const MULTIPLIER = "(?:(?:thousand|million|billion)\\s+)?";
const MEASURE = new RegExp(`^[\\d.,]+\\s*${MULTIPLIER}(?:${UNIT_WORD})\\b`, "u");
/** The blank's number restated in another unit right after it: " (about 305 metres)", ", or about 32 kilometres". */
const CONVERSION_AFTER = new RegExp(
  `^\\s*(?:\\(|,\\s*or\\s+)(?:(?:about|roughly|some|nearly|approximately|around|almost|over|c\\.)\\s+)?[\\d.,]*\\d\\s*${MULTIPLIER}(?:${UNIT_WORD})(?![\\p{L}])`,
  "u",
);
/**
 * A range's unit, then the range again in brackets in another unit: " feet (2.4 to 3.7 metres)", " degrees Celsius
 * (1,650 to 1,830 degrees Fahrenheit)", " million cubic metres (2 to 3 billion gallons)", " feet (3 metres to 4 metres)".
 * The units are read (groups `unit`, `other`) so that a bracket in the same unit ("12 to 15 m in the outer harbour") is none.
 */
const QUALIFIER = "(?:(?:about|roughly|some|nearly|approximately|around|almost|over|c\\.)\\s+)?";
const RANGE_CONVERSION_AFTER = new RegExp(
  `^\\s*${MULTIPLIER}(?<unit>(?:cubic\\s+|square\\s+)?(?:${UNIT_WORD}))(?<scale>\\s+(?:Celsius|Fahrenheit|centigrade))?\\.?\\s*\\(\\s*${QUALIFIER}[\\d.,]*\\d\\s*(?:${MULTIPLIER}(?:${UNIT_WORD})\\s*)?(?:to|and|–|—|-)\\s*${QUALIFIER}[\\d.,]*\\d\\s*${MULTIPLIER}(?<other>(?:cubic\\s+|square\\s+)?(?:${UNIT_WORD}))(?<otherScale>\\s+(?:Celsius|Fahrenheit|centigrade))?(?![\\p{L}])`,
  "iu",
);
/** Whether what follows a range's second blank restates the range in brackets in another unit (RANGE_CONVERSION_AFTER). */
function rangeConversionAfter(following: string): boolean {
  const m = RANGE_CONVERSION_AFTER.exec(following);
  if (m === null) return false;
  const { unit, scale, other, otherScale } = m.groups!;
  const said = (word: string, onScale: string | undefined) => `${unitCode(word) ?? word.toLowerCase().replace(/\s+/g, " ")}${(onScale ?? "").trim().toLowerCase()}`;
  return said(unit, scale) !== said(other, otherScale);
}
/** A capitalised word right before the blank that does not open a sentence and is no month ("the Reef _____", not "In _____" or "On 1 May _____"). */
const NAME_WORD_MID_SENTENCE_BEFORE =
  /[^\s.!?:;]\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s$)\p{Lu}[\p{L}'’.-]*\s$/u;
/** "3rd", "twelfth": an ordinal. */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/i;
/** A title a number of holders bear in turn: "Earl Stanhope", "Duke of Wellington". */
const NOBLE_TITLE_AFTER = /^\s+(?:Earl|Duke|Baron|Baroness|Marquess|Marquis|Viscount|Count|Countess|Baronet|Prince|Princess|Lord|Lady|Emperor|Shah|Sultan|Khan|Dalai)\b/;
/** A name and a comma before the blank: the list's item before ("Syria, _____"; not "In 1848, _____"). */
const NAME_THEN_COMMA = /\p{Lu}[\p{L}'’.-]*,\s*(?:the\s+)?$/u;
/** "In Paris, _____": a sentence's opening phrase, closed by its comma. */
const OPENING_PHRASE_THEN_COMMA = /^(?:In|At|On|From|By|During|After|Before|Since|For|Across|Throughout|Under|Within)\s[^,]*,\s*(?:the\s+)?$/;
/** Two names joined: "Britain and France", "Palestine and the Levant". */
const TWO_NAMES = /^\p{Lu}[^,]*\s(?:and|or)\s+(?:the\s+)?\p{Lu}/u;
/**
 * Two bodies, peoples or places joined by "and the" in one key: "al-Qaeda and the Taliban", "Ferghana and the
 * Karluks". The first is a short name of its own (one to three capitalised words, or "al-Qaeda"), not the start of
 * one name ("Economic Commission for Asia and the Far East").
 */
const TWO_BODIES = /^(?!The\s)(?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}\sand\sthe\s\p{Lu}/u;
/**
 * Where one body or two fit a blank alike: after "against", "with", "from", "into", "by", "including", "like",
 * "especially", "particularly". Not after a verb that names ("published _____", "renamed _____") or "of" ("the
 * capital of _____", Saint Vincent and the Grenadines), where one name holding "and the" is as likely.
 */
const ONE_OR_TWO_BEFORE = /\b(?:against|with|from|into|by|including|like|especially|particularly)\s+$/;
/**
 * What says the blank takes two: "between _____", "both _____", a plural noun ("the battleships _____", "the cities
 * of _____"), or a title's cue ("his book _____", "the novel _____"), where the two are one title.
 */
const TWO_WANTED_BEFORE =
  /\b(?:between|both|book|novel|film|play|poem|song|album|paper|article|essay|treatise|opera|painting|series|titled|entitled|called|named)\s+$|\b(?!(?:across|towards|this|thus|perhaps|always|whereas)\s)\p{Ll}{3,}s\s+(?:of\s+)?$/u;
/** " project", " railway": a lower-case noun right after the blank, not a verb or a word that opens a clause. */
const NOUN_AFTER_KEY = /^\s+(?!(?:\p{Ll}+ed|was|were|is|are|had|has|that|which|who|while|held|won|led|ruled|became)\b)\p{Ll}{3,}\b/u;
/** "the Elder", "the Great": an epithet after a name. */
const EPITHET_END = /\sthe\s+(?:Elder|Younger|Great|Conqueror|Bold|Good|Fair|Wise|Pious|Magnificent|Lionheart|Terrible|Just|Fat|Bald|Red|Old|Young|Unready|Confessor|Lawgiver|Navigator|Liberator|Apostate|Blessed|Saint)$/;
/** " of sovereignty gave", " of the canal began": "of", a few words, then a verb in the past. */
const ABSTRACT_THEN_PAST = /^\s+of\s+(?:\S+\s+){1,3}?(?:\p{Ll}+ed|gave|began|took|made|came|went|led|brought|became|left|saw|won|lost|held|ran|fell|rose|grew|drew)\b/u;
/** "Acquisition", "Establishment", "Recognition": one capitalised word with an abstract noun's ending. */
const ABSTRACT_NOUN = /^\p{Lu}\p{Ll}{3,}(?:tion|sion|ment|ance|ence|ity)$/u;
/** "collaborates with the ", "agreements with ", "works closely with ": the partner of working together. */
const PARTNER_BEFORE =
  /\b(?:collaborat\w*|cooperat\w*|co-operat\w*|partnerships?|agreements?)\s+(?:closely\s+)?with\s+(?:the\s+)?$/i;
/** "Francis Crick": two or three capitalised words none of which names a body or a place (a person, not a partner body). */
const PERSON_LIKE = /^(?!.*\b(?:Union|Nations|Council|Committee|Organi[sz]ation|Agency|Department|Ministry|Office|Bank|Force|Forces|Service|Republic|Kingdom|States|Community|Commission|Court|Alliance|League|Federation|Association|Institute|University|Company|Group|Party|Government|Guild|Society|Network|Initiative|Programme|Program|Centre|Center|Fund|Board|Authority|Corporation|Ltd)\b)(?!.*['’]s?\s)\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/** "the 9/11 attacks in the ", "the 7/7 bombings on ": an event named by its date, then where it happened. */
const EVENT_BY_DATE_BEFORE = /\b\d{1,2}\/\d{1,2}\s+(?:attacks?|bombings?|shootings?|riots?|floods?|massacres?|explosions?)\s+(?:in|on|against)\s+(?:the\s+)?$/u;
/** "Stella Point or _____'s Point" (Gilman): a possessive that names a place with the word after it. */
const POSSESSIVE_PLACE_AFTER =
  /^['’]s\s+(?:Point|Peak|Bay|Island|Isle|Cathedral|Abbey|Castle|Bridge|Lake|Falls|Sound|Strait|Gate|Square|Cross|Head|Rock|Hill|Cove|Creek|Harbour|Harbor|Landing|Pass|Gap|Well|Hut|Valley|Glacier|Crater|Bank|Banking|Company|Brewery|Works|Mill|Mills|Hospital|Inn)\b/;
/** "at _____ bis rue Franklin", "_____ Downing Street": a street after a house number (three digits at most: not a year). */
const STREET_AFTER =
  /^\s+(?:(?:bis|ter)\s+)?(?:(?:rue|avenue|boulevard|calle|rua|strasse|straße)\s|\p{Lu}\p{Ll}+\s+(?:Street|Road|Avenue|Lane|Square|Place|Terrace|Crescent|Row|Gardens)\b)/u;
/** A relative clause right after the blank: ", which focus on...", ", where police from...". */
const RELATIVE_AFTER = /^\s*,\s*(?:which|who|whom|whose|where|when)\b/;
/** "The Law of Suspects (_____), which allowed...": a list item's name and a relative clause, no main verb. */
const NAME_THEN_WHICH = /^[^,;]{1,80}\([^()]*\),\s+which\b[^,;]*[.!?]$|^(?:_____|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*),\s+(?:whose|who|which)\b[^,;]*[.!?]$/u;
/** A sentence that ends on a preposition, an article or a conjunction: cut where a list or a clause should follow. */
const ENDS_ON_FUNCTION_WORD = /\s(?:to|of|the|a|an|and|or|for|with|by|from|into|include|includes|including)\s*[.!]$/;
/** "Myelin sheath – a fatty layer...": a glossary line, not a sentence. */
const GLOSSARY_LINE = /^[^.!?]{1,60}\s[–—-]\s\p{Ll}/u;

const FIRST_WORD = /^\s*(\S+)/;

/**
 * Words anywhere in a sentence that point back to what an earlier one named: "these mechanisms",
 * "such a declaration", "both countries", "the former", and "the two countries" near the start (later in a
 * sentence, the two are mostly named before it), and "the opposite situation" (of what the sentence before said; not "the
 * opposite of inflation"). Not "such as", and not "both X and Y", which name what they mean. (A time pointed back at: THAT_TIME.)
 * Exported for the test that holds leansOnEarlierText's search for its words to it.
 */
export const POINTS_BACK =
  /\b(?:this|these|those)\s+[\p{L}\d]|\bsuch\s+(?!as\b)[\p{L}]|\bboth\s+(?![\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,4}\s+and\b)(?!\p{L}+\s+of\b)[\p{L}]|\bthe\s+(?:aforementioned|above-mentioned|same)\b|\bthe\s+(?:former|latter)\b(?!\s+(?!(?:was|were|had|has|have|did|does|would|could|can|may|might|will|became|remained|being|and|but|who|which|that|with|went|made|took|gave|won|lost|led|left|saw|fell|rose|ran|came|got|wrote|built|began|held|kept|sent|told|said|also|then|still|later|soon|never|often|only|alone|himself|herself|itself|themselves)\b)\p{L}{3,}(?<!ed)\b(?!['’]))|\bthe\s+(?:opposite|reverse|converse)\s+(?!of\b)\p{L}|^(?:\S+\s+){0,3}?the\s+(?:two|three|four|five)\s+\p{L}/iu;

/**
 * Openings that point back: "Most never cause illness", "Many were executed" (a quantifier standing for what
 * was named before), "The name was coined by..." (the name of what the sentence before named), "The result,
 * the _____ vaccine" (of what the sentence before did; not "The result of the vote"), "In return,
 * Panama received..." and "Instead, ..." (what was given, or done instead, is in the sentence before; not "In
 * return for the lease", which says it).
 * Anchored, so tried at the start only.
 */
/** "...are equally important", "is just as vital": compared with what an earlier sentence named. */
const EQUALLY_AS = /\b(?:equally|just as|no less)\s+(?:important|significant|vital|crucial|essential|necessary|valuable|relevant|critical|effective)\b(?!\s+(?:as|to)\b)/i;
const OPENS_BACK =
  /^(?:(?:In\s+(?:return|response|exchange)(?!\s+(?:for|to)\b)|In\s+turn|Instead(?!\s+of\b)|Otherwise|By\s+then|After\s+that|Until\s+then|Since\s+then|Nearby|Close\s+by)\b|The\s+(?:name|term|word|technique|method|idea|concept)\s+(?!of\b)(?!(?!(?:\p{L}+ly|then|later|itself|first|also|still|now|once|soon)\b)[\p{L}"“'‘-]+["”'’]?\s+(?:comes|came|derives|derived|means|meant|originates|originated)\b)|The\s+(?:result|outcome|consequence)(?:,|\s+(?!of\b))|The\s+(?:nearest|closest)\s+(?!(?:year|month|day|week|decade|century|time)\b)(?:(?!to\b|from\b)\p{Ll}+\s+){1,5}?(?:was|were|is|are|lay|lies|stood|stands)\b|Other\s+(?!than\b|things\s+being\b)(?:\p{Ll}+\s+)?\p{Ll}{3,}s\s+(?!than\b)\p{Ll}|(?:Most|Many|Some|Few|Several|Others|None|Neither|Each|All)\s+(?:never|always|are|were|is|was|have|has|had|can|could|will|would|may|might|must|also|still|now|later|then|did|do|does)\b|(?:A|The)\s+(?:second|third|fourth|fifth|sixth|further|final|last)\s+(?:was|is|were|are|came|comes|followed|involved|concerned)\b|The\s+(?:second|third|fourth|fifth|sixth|last)\s+(?:contains|contained|consists|consisted)\b|The\s+(?:first|second|third|fourth|fifth|sixth|last|latter|former)\s*,(?!\s*(?:second|third|fourth|fifth|sixth|and)\b)|(?:In|By|From|After|Before|During|Until|Within)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\s+)?\d{3,4}s?,?\s+(?:it|they)\s+(?!(?:is|was|has|had)\s+(?:been\s+)?\p{Ll}+ed\b))/u;

/** Whether a sentence opens on a word that points back ("It", "This", "They"...), or does after one word and a comma ("Second, it..."). */
export function opensOnPointer(sentence: string, afterOpeningWord = true): boolean {
  if (isPointer(FIRST_WORD.exec(sentence)?.[1])) return true;
  return afterOpeningWord && isPointer(AFTER_ONE_WORD.exec(sentence)?.[1]);
}
const isPointer = (word: string | undefined) => word !== undefined && CONTEXT_OPENERS.has(word.toLowerCase().replace(/[^a-z]/g, ""));
/**
 * "First, it redistributes...", "Empty, it holds...": the word after a one-word opening and its comma. ("Newton, it
 * is said, built..." is read so too: shown with the sentence before, it loses nothing.)
 */
const AFTER_ONE_WORD = /^\s*\p{L}+,\s+(\S+)/u;

/**
 * Words one of which POINTS_BACK needs, lower-case: each of its branches holds one (a test checks that
 * every branch names one of them: a new branch needs its word here). Most sentences hold none, and
 * searching for them costs a small part of running POINTS_BACK itself.
 */
export const POINTS_BACK_WORDS = ["this", "thes", "thos", "such", "both", "former", "latter", "aforementioned", "above-mentioned", "same", "two", "thre", "four", "five", "opposite", "reverse", "converse"];
/**
 * The characters past ASCII that POINTS_BACK's case-insensitive matching reads as ASCII letters: the long s
 * and the Kelvin sign. A sentence holding either is left to POINTS_BACK whatever its words.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/**
 * Whether the text holds one of POINTS_BACK_WORDS in any case of its ASCII letters: what looking for
 * them in the lower-cased text finds (a character past ASCII never matches an ASCII letter here, and
 * none that lower-cases to one is in them, the Kelvin sign aside, which FOLDS_TO_ASCII leaves out),
 * in one search and without the lower-cased copy.
 */
const ANY_POINTS_BACK_WORD = new RegExp(POINTS_BACK_WORDS.join("|"), "i");

/**
 * "that December", "that year", "that same month": the time of an earlier sentence's event (not "reported that
 * December storms...").
 * Apart from POINTS_BACK: "that" is in most sentences, and would make the search for its words find nearly all.
 */
const THAT_TIME =
  /\b[Tt]hat\s+(?:(?:same|very)\s+)?(?:year|month|week|day|decade|century|season|summer|autumn|winter|morning|afternoon|evening|night|January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?!was\b|is\b|has\b)\p{Ll}+s\b)/u;

/** "the following day", "the next year", "the previous month": a time counted from an earlier sentence's. */
const TIME_AFTER =
  /\bthe\s+(?:following|next|previous|preceding)\s+(?:day|week|month|year|decade|century|spring|summer|autumn|winter|morning|evening|night)\b(?!\s+(?:of|after|before)\b)/i;

/**
 * "Wordsworth wrote more than 500, and Keats...": a count with no noun after a verb counts what an earlier sentence
 * named. A year ("in about 1850,") counts nothing, and a number after "was" or "to" is a size ("the population was
 * about 5,000.", "grew to over 20,000"). Nor is a day before another and its month ("executed over 8 and 9 November").
 */
const COUNT_WITHOUT_NOUN =
  /\b(?:\p{Ll}{2,}ed|wrote|built|made|had|won|lost|sold|took|gave|held|drew|sent|kept|left|found|bought|brought|composed|painted)\s+(?:more than|over|about|some|nearly|almost|at least|fewer than|up to|only)\s+(?!(?:1\d{3}|20\d{2})\b)\d[\d,.]*?(?=[,;]\s|\.\s*$|\s+(?:and|but)\s(?!\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))/u;

/** "_____ and October", "September and _____": a month beside another. */
const MONTH_PAIR_AFTER = new RegExp(String.raw`^\s+(?:and|or|to|till|until)\s+(?:${MONTH_NAMES})\b`);
const MONTH_PAIR_BEFORE = new RegExp(String.raw`\b(?:${MONTH_NAMES})\s+(?:and|or|to|till|until)\s+$`);
/**
 * One capitalised word with an ending only adjectives have: "Notable", "Regional", "Innovative", "Jurisdictional",
 * "Multilateral"; or a common comparative ("Shorter, microwave wavelengths promised..."). Not "-al", "-ent" or "-ary"
 * alone: "Portugal", "Parliament", "Hungary" open sentences too.
 */
const ADJECTIVE =
  /^(?:\p{Lu}\p{Ll}+(?:able|ible|ive|ous|ful|ional|ical|ental|eral|etal)|Shorter|Longer|Larger|Smaller|Higher|Lower|Greater|Earlier|Older|Younger|Stronger|Weaker|Faster|Slower|Cheaper|Richer|Poorer|Wider|Narrower|Deeper|Heavier|Lighter|Bigger|Better|Worse|Newer)$/u;
/** "trans-Pacific", "Hellenistic-era", "long-distance": one token of two words joined, either in lower case. */
const HYPHENED_MODIFIER = /^(?:\p{Ll}+-\p{L}+|\p{L}+-\p{Ll}+)$/u;
/** "Certified", "Licensed": a participle opening the sentence before its noun ("_____ workshops are inspected..."). */
const PARTICIPLE_ADJECTIVE = /^\p{Lu}\p{Ll}{3,}ed$|^(?:Chosen|Written|Broken|Hidden|Forbidden|Frozen|Proven|Sworn|Stolen|Fallen|Beaten)$/u;
/** " emperors,", " kings and", " monks were": a plural noun closing its phrase (a verb in "-s" is told apart by what precedes the blank). */
const PLURAL_NOUN_CLOSING = /^\s+\p{Ll}{3,}s(?:,|\s+and\b|\s+(?:were|are|had|have)\b)/u;
/** " brothers", " sisters": a family a person's name is asked for. */
const FAMILY_AFTER = /^\s+(?:brothers|sisters|family|families|twins|dynasty|cousins|sons|daughters)\b/;
/** "Mach ", "Category ", "Stage ": a scale's word before its number, a measure and no name. */
const SCALE_BEFORE = /\b(?:Mach|Category|Stage|Grade|Level|Force|Class|Type|Phase|Magnitude|Size|Tier|Step|Degree)\s$/;
/** "AD ", "BCE ": an era's letters before a year, no name. */
const ERA_BEFORE = /\b(?:AD|A\.D\.|BC|BCE|CE|B\.C\.)\s$/;
/** "Structural", "Feral", "Marine": a word with an adjective's ending, read as one only before a noun and its verb (not "Portugal joined"). */
const ADJECTIVE_ENDING = /^\p{Lu}\p{Ll}{2,}(?:al|ine|ary|ory|ar)$/u;
/** " iron was", " cats were": a noun and its verb (not "also had", "himself was": a name's adverb or pronoun). */
const NOUN_THEN_VERB = /^\s+(?!(?:also|too|alone|itself|himself|herself|themselves|then|now|still|once|later|soon|never|\p{Ll}+ly)\b)\p{Ll}{3,}\s+(?:are|were|is|was|have|had|has)\b/u;
/** " workshops are", " families had": a plural noun and its verb, after an opening participle (not "Ahmed founded the"). */
const PLURAL_NOUN_THEN_VERB = /^\s+\p{Ll}{3,}s\s+(?:are|were|is|was|have|had|must|may|can|could|will|would|\p{Ll}+ed)\b/u;
/**
 * A people's or a faith's adjective: "Ethiopian", "Japanese", "Turkish", "Islamic", "European", "Mexican", and those
 * no ending gives. Read only where a clause opens on it before a noun ("; _____ tradition knows him as..."), where
 * its capital says nothing and a person's name ("Julian", "Brian") would be followed by a verb.
 */
const PEOPLES_ADJECTIVE = /^(?:\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ic)|French|Dutch|Greek|Swiss|Thai|Welsh|Celtic|Norse)$/u;
/**
 * A word after a clause's opening word that is no noun: a verb (a past tense, a present in "-s", an auxiliary) or an
 * adverb. The opening word was then the clause's subject ("Arabic is the official language", "Julian also wrote"),
 * not an adjective. A plural noun ("Turkish sources") reads as a verb in "-s" and is let go.
 */
const VERB_AFTER =
  /^\s+(?:\p{Ll}+(?:ed|s|ly)|is|are|be|been|also|then|later|first|once|still|never|always|often|soon|himself|herself|itself|was|were|had|wrote|began|became|took|made|led|won|gave|saw|left|went|came|found|built|held|fought|sent|kept|brought|thought|told|met|ran|rose|fell|chose|drew|grew|knew|sold|spent|stood|taught|bought|said|set|put|can|could|will|would|may|might|must|should)\b/u;
/** An adjective made of a name and a participle: "U.S.-led", "WMD-related", "state-funded". */
const COMPOUND_MODIFIER = /-(?:led|related|based|backed|funded|sponsored|owned|run|made|speaking|controlled|dominated|style)$/i;

/**
 * "Contemporaries did not use the term, and...", "Historians later coined the name": a term or name the sentence
 * never gives, so it is an earlier sentence's (not "the term 'Gothic'", "the name of the river").
 */
const TERM_NOT_GIVEN =
  /\b(?:use|used|uses|using|coin|coined|adopt|adopted|apply|applied|prefer|preferred|avoid|avoided)\s+the\s+(?:term|name|word|phrase|label)(?=\s*[,;.]|\s+(?:and|but|when|until|because|as|to|in|for)\b)/u;

/** Whether POINTS_BACK finds the sentence pointing back (the search for its words first, then the expression), or THAT_TIME, TIME_AFTER, COUNT_WITHOUT_NOUN or TERM_NOT_GIVEN does. */
export function pointsBack(sentence: string): boolean {
  if (searchPointsBack(sentence) && !pointerOnlyInNames(sentence)) return true;
  if (THAT_TIME.test(sentence)) return true;
  if (COUNT_WITHOUT_NOUN.test(sentence)) return true;
  if (TERM_NOT_GIVEN.test(sentence)) return true;
  // "The canal opened in 1914 and the next year...": counted from a time the sentence gives itself.
  const after = TIME_AFTER.exec(sentence);
  return after !== null && !/\b\d{3,4}s?\b/.test(sentence.slice(0, after.index));
}
/** POINTS_BACK, its words searched for first (most sentences hold none), unless "the same year" points at its own sentence's. */
export function searchPointsBack(sentence: string): boolean {
  return (FOLDS_TO_ASCII.test(sentence) || ANY_POINTS_BACK_WORD.test(sentence)) && POINTS_BACK.test(sentence) && !sameTimeGiven(sentence);
}

/** A pointer's word capitalised after a capitalised word: a name's ("the engineer Edward Both designed..."). */
const POINTER_IN_NAME = /(\p{Lu}\p{Ll}+\s+)(?:Both|Such|This|These|Those|Same)\b/gu;

/** Whether the sentence points back only through words of names (read only once POINTS_BACK has matched). */
function pointerOnlyInNames(sentence: string): boolean {
  POINTER_IN_NAME.lastIndex = 0;
  return POINTER_IN_NAME.test(sentence) && !POINTS_BACK.test(sentence.replace(POINTER_IN_NAME, "$1Name"));
}
/**
 * The checks beyond leansOnEarlierText and pronounBeforeAnyName that find a sentence leaning back: "they" with nothing
 * plural before it, a bare generic noun, a variant of nothing, a share of nobody, a time then "it". `filled` is the
 * sentence with its key in its blank (the sentence itself where it has none).
 */
function leansWithoutPointing(sentence: string, filled: string): boolean {
  return pluralPronounAlone(sentence) || bareGenericAlone(sentence) || RELATIVE_NOUN_ALONE.test(filled) || SHARE_OF_NOBODY.test(filled) || TIME_THEN_IT.test(filled);
}

/**
 * Whether a sentence can open a prompt as the context shown before the asked one: it leans on nothing before it. The
 * generator looks for such a sentence (content/questions/index.ts resolveContext); the checks flag a prompt opening on
 * one that does not.
 */
export function contextStandsAlone(sentence: string): boolean {
  return !leansOnEarlierText(sentence) && !contextLeansOtherwise(sentence);
}

/** contextStandsAlone's checks beyond leansOnEarlierText, for a caller that has read that already (and memoised it). */
export function contextLeansOtherwise(sentence: string): boolean {
  return pronounBeforeAnyName(sentence) || leansWithoutPointing(sentence, sentence);
}

/**
 * "Justice _____ dissented.": a title, the blank and one verb say nothing of which case, which year, which place (not
 * "_____ discovered penicillin.", which names what).
 */
const TOO_SHORT_TO_NAME =
  /^(?:Justice|Judge|Senator|Bishop|President|Governor|General|Admiral|Minister|Chancellor|Lord|Lady|Sir|Professor|Dr\.?|Captain|King|Queen|Pope|Emperor)\s+_____\s+\p{Ll}+\.$/u;

/** "both parks", "these reforms", "the two countries": a pointer and the plural noun it points with. */
const POINTER_AND_PLURAL = /^(?:[Bb]oth|[Tt]hese|[Tt]hose|[Tt]he\s+(?:two|three|four))\s+(\p{Ll}{3,}?)(?:ies|es|s)\b(?!\s+of\b)/u;

/**
 * "The falls lie on a border. Both parks were listed in _____.": a sentence shown after its context still points
 * back where the context never names the kind of thing it points at (no "park" before "both parks"), so the
 * context resolves nothing.
 */
function pointsPastItsContext(statement: string, context: string): boolean {
  if (!ANY_PLURAL_POINTER.test(statement)) return false;
  // The sentence the context is shown for, opening on the pointer: its subject ("in both kingdoms", "They are both
  // members" point at nothing a reader must find).
  const m = POINTER_AND_PLURAL.exec(statement.slice(context.length).trimStart());
  if (m === null) return false;
  // "both parks" is resolved by "park" or "parks"; "these countries" by "country" or "countries" (its stem: "countr"),
  // as a word's opening ("leadership" resolves no "ships").
  if (new RegExp(`(?<![\\p{L}])${m[1]}`, "iu").test(context)) return false;
  // "France declared war on Germany. The two countries...": two names in the context name them.
  if (!NAMED_KINDS.test(m[0])) return true;
  const names = new Set((context.match(/\p{Lu}\p{Ll}{2,}/gu) ?? []).filter((w) => !CONTEXT_OPENING_WORDS.has(w)));
  return names.size < 2;
}
/** Kinds two names name ("Argentina and Brazil": the two countries; "Banting and Best": both men). */
const NAMED_KINDS =
  /\s(?:countries|nations|states|cities|towns|kingdoms|empires|peoples|men|women|brothers|sisters|companies|firms|governments|leaders|rulers|kings|queens|teams|clubs|universities|rivers|islands|powers|allies|partners|scientists|artists|writers|ports|provinces|regions|colonies|republics|parties|explorers|players|athletes|composers|painters|poets|generals|armies|navies|ships|banks|tribes|dynasties)$/;
/** Capitalised words that open sentences and name nothing. */
const CONTEXT_OPENING_WORDS = new Set("The This These Those That There Then When After Before During Since Until While Although Because However In On At By For From With Its Their His Her It They He She We Both Each Many Most Some Such".split(" "));
const ANY_PLURAL_POINTER = /\b(?:[Bb]oth|[Tt]hese|[Tt]hose|two|three|four)\s/;

/** A year ("1858", "1850s"): what "the same year" may point at in its own sentence. */
const YEAR_KEY = /^(?:1\d{3}|20\d{2})s?$/;
const YEAR_WRITTEN = /\b(?:1\d{3}|20\d{2})s?\b/;
/** A century's ordinal as a key: "19th", "fifth". */
const CENTURY_KEY = /^(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)$/i;
/**
 * The centuries of the years a text dates by ("began in 1891 ... until 1916": the 19th and the 20th), a year being a
 * number after a word that dates ("1200 workers" counts), not a person's years in brackets after the name ("Ohara (1861-1916)").
 */
function centuriesOf(text: string): Set<number> {
  const dated = text.replace(/(\p{Lu}[\p{L}'’-]*)\s*\([^()]*\)/gu, "$1").matchAll(DATED_YEAR);
  return new Set([...dated].map((m) => Math.floor((Number(m[1]) - 1) / 100) + 1));
}
const DATED_YEAR = /\b(?:in|from|until|till|to|by|since|between|and|of|after|before|around|about|c\.|circa)\s+(1\d{3}|20\d{2})(?![\d,.]\d|\d)(?!\s+\p{Ll}+s\b)/gu;
/** "the same year", "the same day": a time, once pointing back is read for it. */
const SAME_TIME = /\bthe\s+same\s+(?:year|month|day|week|decade|season)\b/gi;

/**
 * "...production in Sweden in 1858, and the same year Bessemer opened his steelworks": the same time as one the
 * sentence gives before it, and nothing else in the sentence points back.
 */
function sameTimeGiven(sentence: string): boolean {
  let last = -1;
  for (const m of sentence.matchAll(SAME_TIME)) {
    if (!YEAR_WRITTEN.test(sentence.slice(0, m.index)) && !MONTH_WORD.test(sentence.slice(0, m.index))) return false;
    last = m.index ?? 0;
  }
  if (last < 0) return false;
  return !POINTS_BACK.test(sentence.replace(SAME_TIME, "then"));
}
const MONTH_WORD = new RegExp(String.raw`\b(?:${MONTH_NAMES})\b`);

/** Whether a sentence leans on the one before: it opens on a pointer or points back anywhere. */
export function leansOnEarlierText(sentence: string): boolean {
  return opensOnPointer(sentence) || OPENS_BACK.test(sentence) || pointsBack(sentence) || PARTICIPLE_THEN_PRONOUN.test(sentence) || EQUALLY_AS.test(sentence);
}

/**
 * "...became the anchor of the system", "Who had analysed the problem?", "proposed extending the terms": "the" and a
 * noun that names nothing by itself, with nothing after it that says which, is the one an earlier sentence named.
 */
const BARE_GENERIC =
  /\b[Tt]he\s+(?:(?:problem|system|idea|terms|process|method|scheme|project|proposal|device|design|approach|technique|theory|experiment|machine|plan|question|issue|mechanism|arrangement|survey|figure|event|ceremony|announcement|reading|claim|measurement|estimate|decision|judgment|judgement|verdict|invention|species)(?![-‐\p{L}])(?:'s|’s)?\b(?!\s+(?:of|that|which|who|whereby|where|for|to|in|on|at|by|with|from|known|called|named|used)\b)|(?:Act|Bill|Treaty|Agreement|Convention|Charter|Company|Society)\b(?!\s+(?:of|for|on)\b))(?!\s+\p{Lu})/gu;

/**
 * "A significant variant was developed...", "The successor was built...": a noun that is one of a pair, with nothing
 * saying of what, is of something an earlier sentence named.
 */
const RELATIVE_NOUN_ALONE =
  /^(?:[Aa]n?|[Tt]he)\s+(?:\p{Ll}+\s+)?(?:variant|version|successor|predecessor|rival|modification|refinement|counterpart|equivalent|sequel|forerunner|companion\s+\p{Ll}+)\s+(?:was|were|is|are|had|has|appeared|emerged|followed|came|went)\b/u;
/**
 * "By the 1850s it was often called...", "In 1866 they were...": a time opening the sentence, then "it" or "they" with no
 * noun before it. Not an "it" that stands for nothing ("In 1850 it was decided that...").
 */
const TIME_THEN_IT =
  /^(?:In|By|From|After|Before|During|Until|Since|Over|Within|For)\s+(?:the\s+)?(?:(?:early|mid|late|following|next|same)\s+)?(?:\d{3,4}s?|years?|decades?|centuries|century|months?|time)\b,?\s+(?:it|they)\s+(?!(?:was|is)\s+(?:decided|agreed|said|thought|believed|estimated|found|announced|reported|revealed|discovered|hoped|feared|clear|possible|necessary|likely|common|usual)\b)(?!(?:\S+\s+){0,2}(?:that|to)\b)(?!(?:rained|snowed|froze|poured)\b)(?:was|were|is|are|had|has|became|remained|\p{Ll}+ed)\b/u;
/** "about 30 per cent develop cardiac disorders": a share with nothing saying of whom. */
const SHARE_OF_NOBODY =
  /(?<!\b(?:of|to|at|above|below|by|from|than|over|under|with|in|on)\s+(?:(?:about|around|some|nearly|roughly|approximately|almost|only)\s+)?)(?<![\d.,])\d[\d.,]*\s*(?:per\s?cent|percent|%)\s+(?:develop|developed|die|died|survive|survived|recover|recovered|suffer|suffered|remain|remained|become|became|live|lived|progress|progressed|need|needed|require|required|are|were|have|had)\b/u;

/**
 * Whether BARE_GENERIC finds "the" and a noun that names nothing by itself, whose noun the sentence has not named
 * before it ("The Varna Convention was signed in 1901, and the Convention..." names it; "The species was described by
 * Linnaeus" does not).
 */
function bareGenericAlone(sentence: string): boolean {
  BARE_GENERIC.lastIndex = 0;
  for (let m = BARE_GENERIC.exec(sentence); m !== null; m = BARE_GENERIC.exec(sentence)) {
    const noun = /\p{L}+(?=['’]s?$|$)/u.exec(m[0].trimEnd())?.[0].toLowerCase();
    if (noun === undefined || !new RegExp(`(?<![\\p{L}])${noun}s?(?![\\p{L}])`, "iu").test(sentence.slice(0, m.index))) return true;
  }
  return false;
}

/**
 * "Rising on the Tibetan Plateau in China, it flows southward...", "Built in 1850, it...": the subject an opening
 * participle describes is a pronoun, whose noun is in an earlier sentence.
 */
const PARTICIPLE_THEN_PRONOUN =
  /^(?!(?:According|During|Including|Regarding|Concerning|Following|Considering|Excluding|Nothing|Something|Everything|Notwithstanding|Pending|Barring)\b)(?:\p{Lu}\p{Ll}+(?:ing|ed)|Built|Made|Born|Known|Written|Found|Held|Set|Begun|Led|Seen|Given|Taken|Won|Grown|Laid|Shown|Sold|Run)\b[^,.;]{0,120},\s+(?:it|he|she|they)\s(?!(?:is|was|has been|had been|would be|will be)\s+(?:possible|clear|likely|unlikely|necessary|customary|common|difficult|easy|hard|impossible|important|known|said|thought|believed|estimated|usual|rare)\b)/u;

const PLURAL_PRONOUN = /\b(?:they|them|their|themselves)\b/i;
/** A sentence opening on a plural noun, an article or a word before it at most: "Calls for...", "The surrealists regarded...". */
const PLURAL_SUBJECT_OPENING = /^(?:(?:The|These|Those|Many|Most|Some|Such)\s+)?(?:\p{Ll}+\s+)?\p{L}{3,}(?<![su]s|is)s\s+(?:for|of|in|from|had|have|were|are|\p{Ll}+ed)\b/u;
/**
 * What "they" can point at inside the sentence: a plural noun ("cells", "Americans"), two names joined ("Banting and
 * Best"), someone and a relative ("Mark Erdmann and his wife"), or anyone at all ("encloses a patient and helps them
 * breathe": the singular "they").
 */
const PLURAL_BEFORE = /\band\s+(?:his|her)\s+\p{Ll}{3,}\b|\b\p{Ll}{3,}(?<![su]s|is)s\b|\b\p{Lu}\p{Ll}+(?<![su]s|is)s\b(?!\s+\p{Lu})|\b(?:people|children|men|women|police|data|media|staff|crew|cattle)\b|(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+)\s+(?:and|&)\s+(?:the\s+)?\p{Lu}/u;

/** Anyone at all, whom the singular "they" points at: "a patient", "each player", "someone". */
const ANYONE_BEFORE =
  /\b(?:(?:a|an|each|every|any)\s+(?:patient|person|user|learner|student|child|player|individual|worker|reader|customer|member|visitor|owner)|someone|somebody|anyone|everyone)\b/i;

/** A plural noun after an article, a number or a quantifier, and its verb: "3,000 pulsars are", "the envoys signed". */
const PLURAL_SUBJECT_BEFORE =
  /\b(?:the|these|those|some|many|most|all|several|both|\d[\d,]*)\s+(?!(?:always|perhaps|sometimes|across|towards|thus|whereas)\s)\p{Ll}{3,}(?<![su]s|is)s\s+(?:are|were|have|had|\p{Ll}{2,}ed)\b/u;

/**
 * "In December 1921 Macleod brought in Collip, a biochemist from the University of Alberta, to help purify
 * them.": "they", "them" or "their" with nothing plural before it in the sentence points at an earlier one.
 */
function pluralPronounAlone(sentence: string): boolean {
  const pronoun = PLURAL_PRONOUN.exec(sentence);
  return pronoun !== null && !PLURAL_BEFORE.test(sentence.slice(0, pronoun.index)) && !ANYONE_BEFORE.test(sentence.slice(0, pronoun.index));
}

/** "In 1885, he tested...": a person pointed at before the sentence names anyone. */
export function pronounBeforeAnyName(sentence: string): boolean {
  const pronoun = PERSONAL_PRONOUN.exec(sentence);
  if (!pronoun) return false;
  const before = sentence.slice(0, pronoun.index);
  // "Calls for reform had been made..., but they gained...", "The surrealists regarded their work...": "they" points at
  // the plural noun its sentence opens on.
  if (PLURAL_PRONOUN.test(pronoun[0]) && PLURAL_SUBJECT_OPENING.test(sentence)) return false;
  // "Well over 3,000 pulsars are now known, and they have...": "they" after a plural subject of its own sentence (not
  // a verb in "-s": "The envoy agrees, and they sign...").
  if (PLURAL_PRONOUN.test(pronoun[0]) && PLURAL_SUBJECT_BEFORE.test(before)) return false;
  // "encloses the body of a patient and helps them breathe": the singular "they" of anyone at all.
  if (PLURAL_PRONOUN.test(pronoun[0]) && ANYONE_BEFORE.test(before)) return false;
  // An acronym names a body as well, first word or not ("NATO and the EU ... their collaboration").
  // "Diesel filed his patent...": a name opening the sentence is its subject when a verb follows it at once.
  return !NAME_AFTER_FIRST_WORD.test(before) && !ACRONYM_WORD.test(before) && !NAME_OPENING_THEN_VERB.test(before);
}

/**
 * "Diesel filed his...", "Chappe's brother ran his...", "Morgan, then aged 70, coordinated... his": a capitalised first
 * word, then a verb in the past at once or after a phrase set off by commas. Not
 * a word that points, counts, links or opens a phrase ("This showed...", "The exiled king...", "Newly elected, he..."),
 * nor a plural ("Critics praised his...": someone else's), whose capital is the sentence's.
 */
const NAME_OPENING_THEN_VERB =
  /^(?!(?:It|Its|This|That|These|Those|He|She|They|We|You|There|Here|Such|Then|Later|Soon|Also|Both|Each|Many|Most|Some|Several|All|His|Her|Their|Our|One|Another|Other|Every|No|Once|When|After|Before|While|Although|Though|Because|Since|If|As|Thus|Hence|Yet|So|Still|However|Eventually|Finally|Meanwhile|Instead|Nevertheless|Subsequently|Previously|Initially|Originally|Afterwards|Nobody|Everyone|Everybody|Anyone|Anybody|Someone|Somebody|Nothing|Everything|Who|What|Which|The|A|An|Now|Today|Having|Being|Moreover|Furthermore|Additionally|Consequently|Accordingly|Indeed|Likewise|Similarly|Therefore|Otherwise|Together|Overall|Ultimately|Nonetheless|Besides|Alternatively|Specifically|Notably|Earlier)\b)(?!\p{L}+(?:s|ly)\b(?!['’]s))\p{Lu}\p{Ll}+(?:['’]s\s+\p{Ll}+)?(?:,\s[^,]{1,60},)?\s+(?:\p{Ll}{2,}ed|was|had|became|made|took|won|wrote|built|began|led|left|met|saw|gave|found|held|sent|set|ran|fought|spent|taught|brought|bought|kept|lost|told|grew|knew|drew|chose|rose|fell|went|came|got|paid|sold|said|read|heard|felt|stood|understood|became)\b/u;

/** The other meaning in lower case: "Remain" or "Leave", "Whigs" or "Tories" are choices or names, not glosses. */
const QUOTED_ALTERNATIVE_BEFORE = /["“]\p{Ll}[^"“”]{0,39}["”],?\s+or\s+["“]$/u;
const QUOTED_ALTERNATIVE_AFTER = /^["”],?\s+or\s+["“]\p{Ll}[^"“”]{0,39}["”]/u;

/** The prize a field names: "the _____ in Physics". */
const PRIZE_KEY = /^(?:the\s+)?Nobel\s+Prizes?$/i;
const PRIZE_FIELD_AFTER = /^\s+(?:in|for)\s+(?:physics|chemistry|physiology|medicine|literature|economics?|economic sciences|peace)\b/i;

/** "March 1895": a month and its year, nothing else. */
const MONTH_AND_YEAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$/;
/** A length's unit, after a size's last side. */
const LENGTH_UNIT = String.raw`(?:(?:centi|milli|kilo)?met(?:re|er)s?|cm|mm|km|m|feet|foot|ft|inches|yards?)\b`;
/** "_____ by 18 by 9 centimetres", "60 by _____ cm": the sides after the blank, to a unit. */
const SIZE_AFTER = new RegExp(String.raw`^\s+by\s+\d[\d.,]*(?:\s+by\s+\d[\d.,]*)?\s*${LENGTH_UNIT}`);
/** "60 by 40 by _____ cm": the sides before the blank (a year before "by" is a date: "launched in 2009 by _____ countries"). */
const SIZE_BEFORE = /(?<!\d)(?!1\d{3}\b|20\d{2}\b)\d[\d.,]*\s+by\s+(?:\d[\d.,]*\s+by\s+)?$/;
const SIZE_UNIT_AFTER = new RegExp(String.raw`^\s*(?:by\s+\d[\d.,]*\s*)?${LENGTH_UNIT}`);

export function questionFlags(q: { prompt: string; answer: string; accepted?: readonly string[] }): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  // "The lesson names guilds that... Name one.": the claim is what the checks read.
  const asked = statementOf(q.prompt);
  const statement = asksForAnyOf(asked) ? asked.slice(0, -NAME_ONE.length).trimEnd() : asked;
  // The first sentence of the statement: earlier sentences shown as context come first and resolve what follows.
  const firstSentence = statement.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? statement;
  // A statement shown alone that points back (earlier sentences shown before it resolve what it points at).
  // Read with a date key in place: "in _____, but it faded in the following decade" counts from the year it asks for.
  const trimmedKey = q.answer.trim();
  const dated = YEAR_KEY.test(trimmedKey) || DATE_KEY.test(trimmedKey) ? statement.replace(BLANK, () => trimmedKey) : statement;
  // With sentences shown before it, the first of them must not lean back itself ("In 1909 ... he investigated...",
  // "By the 1850s it was often called..."): the context the prompt opens on resolves nothing before it.
  const opening = firstSentence === statement ? dated : firstSentence.includes(BLANK) && dated !== statement ? firstSentence.replace(BLANK, () => trimmedKey) : firstSentence;
  // The first sentence with any key in its blank, for the checks that read what fills it ("about 30 per cent develop...").
  const filled = firstSentence.includes(BLANK) ? firstSentence.replace(BLANK, () => trimmedKey) : firstSentence;
  if (
    leansOnEarlierText(opening) ||
    pronounBeforeAnyName(firstSentence) ||
    (firstSentence === statement && TOO_SHORT_TO_NAME.test(statement)) ||
    leansWithoutPointing(firstSentence, filled) ||
    (firstSentence !== statement && pointsPastItsContext(statement, firstSentence))
  )
    flags.push("dangling-reference");
  const at = statement.indexOf(BLANK);
  if (at >= 0) {
    const before = statement.slice(Math.max(0, at - 40), at);
    const after = statement.slice(at + BLANK.length, at + BLANK.length + 40);
    // "the _____ Integrated Stabilization Mission", "TU _____", "the _____ on Combating Terrorism in Southeast
    // Asia", "the Agreement on Combating Terrorism in _____": the blank is a piece of a longer name.
    // "Fermentation regenerates _____+" (NAD of NAD+): the blank is the term's first part.
    // "On _____ Richard II met the rebels" (14 June), "sank off County Antrim in _____ with..." (October): a date is no
    // piece of the name beside it, unless "the" opens the name it is in ("the _____ Revolution").
    // A month alone only after a word that dates it: "Theresa _____ resigned" (May), "the singer _____ Carter" (June).
    const dateBesideName =
      DATE_KEY.test(q.answer.trim()) && !/\bthe\s$/i.test(before) && (/\d/.test(q.answer) || DATING_WORD_BEFORE.test(before));
    const nameGoesOn =
      (/\p{Lu}/u.test(q.answer.trim().split(/\s+/).at(-1) ?? "") && (NAME_WORD_AFTER.test(after) || POSSESSIVE_PLACE_AFTER.test(after)) && !dateBesideName) ||
      NAME_THEN_ACRONYM_AFTER.exec(after)?.[1] === q.answer.trim().charAt(0) ||
      /^\+/.test(after);
    const nameBegan = /^\p{Lu}/u.test(q.answer.trim()) && NAME_WORD_BEFORE.test(before) && !OPENING_WORD.test(statement.slice(0, at)) && !dateBesideName;
    // "After the _____ attacks" (September 11): a day that names an event is a piece of its name.
    // "the events of September 11, _____" (2001): the date is the event's name, its year the rest of it.
    const namesEvent =
      (DAY_AND_MONTH.test(q.answer.trim()) && /\bthe\s$/i.test(before) && /^\s\p{Ll}/u.test(after)) ||
      EVENT_NAMED_BY_DATE.test(before) ||
      (DATE_KEY.test(q.answer.trim()) && /\d/.test(q.answer) && EVENT_CUE_BEFORE.test(before));
    // "Charles Stanhope, _____ Earl Stanhope" (3rd): the ordinal of a title is part of its holder's name.
    const titleOrdinal = ORDINAL.test(q.answer.trim()) && NOBLE_TITLE_AFTER.test(after);
    // "the Reef _____ Long-Term Sustainability Plan" (2050): a number between a name's words is part of the name.
    // "his building at _____ bis rue Franklin" (25): a house number is part of its address.
    // "explored Cave _____." (1): a small number after a capitalised noun, closing the clause, numbers the name.
    const numberInName =
      /^\d+$/.test(q.answer.trim()) &&
      ((NAME_WORD_MID_SENTENCE_BEFORE.test(before) && /^\s\p{Lu}/u.test(after)) ||
        (/^\d{1,3}$/.test(q.answer.trim()) && (STREET_AFTER.test(after) || (NAME_WORD_MID_SENTENCE_BEFORE.test(before) && !ERA_BEFORE.test(before) && !SCALE_BEFORE.test(before) && /^\s*(?:[.,;:)]|$)/.test(after)))));
    // "a Whittle W._____ engine" (1), "The _____28/39" (Gloster E.): no space between the blank and the text beside
    // it, so the key is a piece of one written token, a model's number or a name split at its full stop.
    // "as the 1,_____ site" (000th): a number's thousands after its separator.
    const gluedToToken =
      /[\p{L}\p{N}]\.?$/u.test(before) || /\d[,.]$/.test(before) || /^\p{N}/u.test(after) || /^[,.]\d/.test(after) || (/\p{L}$/u.test(q.answer.trim()) && /^\p{L}/u.test(after));
    // "ISO _____" (1161), "ABI PRISM _____" (3700): a number after an acronym is the rest of a standard's or a
    // model's name, not a year (but "AD _____" dates one).
    // A year before a noun is the noun's ("the UK _____ referendum", 2016).
    const numberAfterAcronym = /^\d+$/.test(q.answer.trim()) && /(?:^|\s)(?!(?:AD|BC|BCE|CE)\s)\p{Lu}{2,}\s$/u.test(before) && !/^\s+\p{Ll}/u.test(after);
    // "A. W. _____" (Faber), "led by J. _____", "E. _____" (coli): a word after an initial is the rest of a person's
    // or a species' name, which the initial half gives (a lower-case key after any initial: a species after its genus).
    const afterInitial = /\p{L}/u.test(q.answer) && (INITIAL_BEFORE.test(before) || (/^\p{Ll}/u.test(q.answer.trim()) && /(?:^|[\s(])\p{Lu}\.\s$/u.test(before)));
    // "Christian _____'s coronation" (II): a regnal number is the rest of its holder's name, wherever the name stands.
    const regnalNumber = /^[IVXL]+$/.test(q.answer.trim()) && /\p{Lu}\p{Ll}+\s$/u.test(before);
    if (nameGoesOn || nameBegan || namesEvent || titleOrdinal || numberInName || gluedToToken || numberAfterAcronym || afterInitial || regnalNumber)
      flags.push("piece-of-a-name");
    // "_____–84", "2^_____", "10−_____", "_____/cm3", "50 to _____", "_____ and a half": half a range, a power or a unit, or one
    // of two values side by side; the other half gives it away or any number fits.
    // "0, _____, 2, 3 and 4": one of a run of numbers.
    // "between _____ and twelve", "only _____ or five": the other value in words.
    const otherInWords =
      readNumber(q.answer) !== null && ((NUMBER_WORD_AFTER.test(after) && (!/^\s+and\s/.test(after) || /\bbetween\s+$/i.test(before))) || NUMBER_WORD_BEFORE.test(before));
    const halfOfNumber =
      /^\s?[–—−^/×]|^-\d|^\s+(?:to|and|or)\s+[\d−-]|^\s+\d|^\s+and\s+a\s+(?:half|quarter)\b/.test(after) ||
      /[–—−^/×]\s?$/.test(before) ||
      /\d(?:['’]?s)?\s+(?:to|and|or)\s+$/.test(before) ||
      (/\d,\s*$/.test(before) && /^,\s*\d/.test(after)) ||
      // "about 160 _____" (GHz): the unit alone, after its number; not a person or a place after a year ("In 1887
      // _____ demonstrated..." Hertz, "In 1191 _____ fell" Acre).
      (/\d\s*$/.test(before) && !YEAR_BEFORE.test(before) && !/\d/.test(q.answer) && !/^\p{Lu}\p{Ll}{3,}$/u.test(q.answer.trim()) && unitCode(q.answer) !== null) ||
      // "a box of _____ by 18 by 9 centimetres": one side of a size given as its sides (not "to 300,000 by _____", 1851).
      (readNumber(q.answer) !== null && !YEAR_KEY.test(q.answer.trim()) && (SIZE_AFTER.test(after) || (SIZE_BEFORE.test(before) && SIZE_UNIT_AFTER.test(after)))) ||
      otherInWords ||
      // "nine in _____ patients" (ten), "one in _____": the other term of a proportion, the stock "in ten" or "in five".
      (readNumber(q.answer) !== null && !YEAR_KEY.test(q.answer.trim()) && (PROPORTION_BEFORE.test(before) || PROPORTION_AFTER.test(after))) ||
      // "3 hours 38 minutes and _____" (41 seconds): the last unit of a time given in several.
    // (A duration "over the next _____" counted from a time the prompt never gives: see NEXT_SPAN_BEFORE below.)
      (TIME_PART_KEY.test(q.answer.trim()) && TIME_PART_BEFORE.test(before));
    // "In _____ and October 1835" (September): one month of two side by side; the other says when.
    const monthOfPair =
      MONTH.test(q.answer.trim()) && (MONTH_PAIR_AFTER.test(after) || MONTH_PAIR_BEFORE.test(before));
    // "the _____ invasion of Afghanistan" (U.S.-led), "the movement of _____ materials" (WMD-related): a compound
    // adjective describes the noun after it; "American", "2001" or "nuclear" fill it as well (raters: 0 of 13).
    // "_____ instances include..." (Notable), "_____ organizations play..." (Regional): an adjective capitalised only
    // because it opens the sentence (raters: 0 of 18).
    // "; _____ tradition knows him as Abba Salama" (Ethiopian): a people's adjective opening a clause (raters: 0 of 2).
    const opensClause = /(?:^|[;:])\s*$/.test(statement.slice(0, at));
    // "_____ iron was mostly wrought iron" (Structural), "_____ cats were killing them" (Feral): an adjective's ending
    // and a noun and its verb after it.
    const describesNoun =
      (PARTICIPLE_ADJECTIVE.test(q.answer.trim()) && PLURAL_NOUN_THEN_VERB.test(after)) || (ADJECTIVE_ENDING.test(q.answer.trim()) && NOUN_THEN_VERB.test(after));
    const openingAdjective =
      ((ADJECTIVE.test(q.answer.trim()) ? /^,?\s+\p{Ll}/u.test(after) : describesNoun) &&
        /(?:^|\p{Ll}{2}[.!?]["”’)]?\s+)$/u.test(statement.slice(0, at))) ||
      (PEOPLES_ADJECTIVE.test(q.answer.trim()) && opensClause && /^\s+\p{Ll}/u.test(after) && !VERB_AFTER.test(after));
    // "the implementation of _____ resolutions related to..." (Security Council), "such as _____ mandates," (United Nations):
    // a body's name standing before a plural noun describes it; another body ("UN", "General Assembly") fits as well.
    const nameAsModifier = MULTIWORD_NAME.test(q.answer.trim()) && MODIFIER_CONTEXT_BEFORE.test(before) && PLURAL_HEAD_AFTER.test(after);
    // "the United States, Spain and other _____ countries" (European): the kind the names before it share.
    const kindOfOthers = PEOPLES_ADJECTIVE.test(q.answer.trim()) && /\bother\s$/i.test(before) && /^\s+\p{Ll}/u.test(after);
    // "the famous _____ flights" (trans-Pacific), "a _____ scholar" (Hellenistic-era): a compound adjective of one
    // token before its noun, which "non-stop" or "Babylonian" fill as well.
    const compoundBeforeNoun = HYPHENED_MODIFIER.test(q.answer.trim()) && /\b(?:the|a|an|its|their|his|her)\s+(?:\p{Ll}+\s+)?$/u.test(before) && NOUN_AFTER_KEY.test(after);
    // "_____ cities of Lübeck, Hamburg and Bremen" (Mecklenburg and the Hanseatic): a key whose second name only
    // describes the noun after the blank, a cut across two phrases that "The Hanseatic" fills as well.
    const cutAcrossPhrases = /\sand\s+the\s+\p{Lu}\p{Ll}+(?:ic|ian|an|ese|ish|ern|ine)$/u.test(q.answer.trim()) && /^\s+\p{Ll}{3,}s\b/u.test(after);
    // "Which person fills the blank? ... biblical heroes, _____ emperors, mermaids" (Roman): a word describing the plural
    // noun after it, which no person's name does.
    // Only where the blank follows a list's comma or a lower-case word ("biblical heroes, _____"), and not a family's name ("the _____ brothers").
    const personAsModifier =
      q.prompt.startsWith("Which person fills the blank?") && /(?:,|\b\p{Ll}+)\s$/u.test(before) && PLURAL_NOUN_CLOSING.test(after) && !FAMILY_AFTER.test(after);
    if (
      (COMPOUND_MODIFIER.test(q.answer.trim()) && /^\s+\p{Ll}/u.test(after)) ||
      openingAdjective ||
      nameAsModifier ||
      kindOfOthers ||
      compoundBeforeNoun ||
      cutAcrossPhrases ||
      personAsModifier
    )
      flags.push("modifier");
    // A range asked whole ("_____–_____", "_____ to _____"): the other blank is no half given away.
    if ((halfOfNumber && !(rangeEnds(q.answer) && statement.indexOf(BLANK, at + BLANK.length) >= 0)) || monthOfPair) flags.push("part-of-a-number");
    // "(c. _____)", "(_____)", "as of _____": a side detail in brackets, or the date a figure was true on.
    // "The Tanzimat (_____ for "reorganisation")" (Ottoman Turkish), "known in the _____ language as kuaka" (Maori): the
    // language a gloss or a name is given in, not the word itself.
    const glossLanguage = (/\(\s*$/.test(before) && /^\s+for\s+["“‘']/.test(after)) || (/\bthe\s$/.test(before) && /^\s+(?:language|tongue)\s+as\b/.test(after));
    // "(_____ in the Julian calendar then used in Russia)": a blank that opens a bracket is the bracket's, however long.
    const opensBracket = /\(\s*$/.test(before) && /^[^()]{0,80}\)/.test(statement.slice(at + BLANK.length));
    if ((((/\([^()]{0,12}$/.test(before) && /^[^()]{0,12}\)/.test(after)) || opensBracket) && !datesATitle(statement, q.answer)) || glossLanguage) flags.push("aside");
    else if (/\bas of\s+$/i.test(before)) flags.push("aside");
    // A number is one of a list of numbers ("in 1990, 1995 and _____"): a year before a clause that lists
    // places ("in _____, where agencies from Kenya, the United States, and Interpol") is the only year there.
    // So a number counts as a list's slot only with another number beside it.
    const near = `${statement.slice(Math.max(0, at - 30), at)} ${statement.slice(at + BLANK.length, at + BLANK.length + 30)}`;
    const numberAmongNumbers = !/^\d+$/.test(q.answer.trim()) || /\d/.test(near);
    // "NATO's _____, which focus on awareness, capabilities, and engagement": a list inside the relative clause
    // that follows the blank is that clause's, not one the blank is an item of.
    // A range or a pair asked whole ("fires in _____ and _____") is one item: what follows is read after its second blank.
    const pair = rangeEnds(q.answer) ? PAIRED_BLANK.exec(statement.slice(at + BLANK.length)) : null;
    const end = at + BLANK.length + (pair?.[0].length ?? 0);
    const following = statement.slice(end, end + 80);
    // "On _____, the queen, Mary of Modena, gave birth..." (10 June 1688): a date opening its clause ends at the comma
    // after it; what follows is the clause, not a list the date is one item of.
    // Not where another date follows the comma: "In _____, 1995 and 2000, floods...", "in 1862, in _____, in 1890 and...".
    // "When the first specimen reached Britain in _____, the naturalist George Shaw..." (1798–1799): a date closing the
    // clause its sentence opens with (When, After, Before, Although, Though, While, Once, Until, Since, As, Because, If)
    // ends at its comma as well.
    const openingDate =
      (/\d/.test(q.answer) || MONTH.test(q.answer.trim())) &&
      (OPENING_DATE_BEFORE.test(statement.slice(0, at)) || SUBORDINATE_CLAUSE_BEFORE.test(statement.slice(0, at))) &&
      !DATE_AFTER_COMMA.test(following) &&
      !YEAR_SOON_AFTER_COMMA.test(following);
    const ownList = RELATIVE_AFTER.test(following) || openingDate ? "" : following;
    // "built _____ (about 305 metres) long", "_____, or about 32 kilometres, wide": the same length in another unit;
    // "_____ to _____ feet (2.4 to 3.7 metres)": a range's, after its second blank and its unit.
    if ((MEASURE.test(q.answer.trim()) && CONVERSION_AFTER.test(after)) || (pair !== null && rangeConversionAfter(following))) flags.push("key-echoed");
    // "visited _____ times: in 1993, 1997 and 1999" (three), "The _____ governments signed..." (two): a count the learner
    // can read off the list that follows, or the pair the sentence before just named.
    if (countGivenAway(q.answer, before, statement.slice(at + BLANK.length)) || durationGivenAway(q.answer, statement.slice(at + BLANK.length)))
      flags.push("key-echoed");
    // "Syria, _____ in the seventh century" (Palestine and Egypt), "such as the United States, _____ raised tariffs"
    // (Britain and France): a key of two names joined is the rest of a list that began before the blank.
    const restOfList = TWO_NAMES.test(q.answer.trim()) && NAME_THEN_COMMA.test(before) && !OPENING_PHRASE_THEN_COMMA.test(statement.slice(0, at));
    // "...initiatives, such as the _____.": one example of a class, which any other example fits as well.
    // "Organizations such as the _____ provide...": the only example before the clause goes on, any other fits it too.
    const oneExample = EXAMPLE_CUE_BEFORE.test(before) && /^\s*(?:[.!?;]|\(|$)|^\s+(?!and\b|or\b)\p{Ll}/u.test(after);
    // 'Portuguese for "fate" or "_____"' (destiny): one of two glosses of a word, which any synonym fills as well.
    const quotedAlternative = QUOTED_ALTERNATIVE_BEFORE.test(before) || QUOTED_ALTERNATIVE_AFTER.test(after);
    // "about 9 metres high and _____ in diameter": the second of two dimensions, each named by its own word.
    const dimensionPair = MEASURE.test(q.answer.trim()) && DIMENSION_THEN_AND.test(before) && DIMENSION_AFTER.test(after);
    if (restOfList || oneExample || quotedAlternative || (numberAmongNumbers && !dimensionPair && LIST_SLOT.test(`${statement.slice(Math.max(0, at - 80), at)}${BLANK}${ownList}`)))
      flags.push("list-slot");
    // "particularly against _____" (al-Qaeda and the Taliban), "contingents from _____, a Turkic people" (Ferghana and
    // the Karluks): one blank for two names, where nothing says two are wanted; either alone fills it as well
    // (raters: 3 of 16).
    // "known as the Cubango in _____ in Namibia" (Angola and the Kavango): a key across two parallel phrases, each
    // name with its own preposition, is no one thing.
    const acrossPhrases = TWO_BODIES.test(q.answer.trim()) && /\b(?:in|at|on|of)\s$/.test(before) && /^\s+(?:in|at|on|of)\s+\p{Lu}/u.test(after);
    if ((TWO_BODIES.test(q.answer.trim()) && ONE_OR_TWO_BEFORE.test(before) && !TWO_WANTED_BEFORE.test(before)) || acrossPhrases) flags.push("two-in-one");
    // "collaborated with the _____ to enhance information exchange" (European Union), "has agreements with _____ to
    // protect borders" (Canada): a partner in an undated claim of working together, which any other partner fits as
    // well (raters failed such questions in every content/ rating that drew one).
    if (/^\p{Lu}/u.test(q.answer.trim()) && PARTNER_BEFORE.test(before) && !YEAR_WRITTEN.test(statement) && !PERSON_LIKE.test(q.answer.trim()))
      flags.push("one-of-many");
    // "_____ of sovereignty gave the Crown..." (Acquisition): an abstract noun opening its sentence, which "Assertion" or
    // "Establishment" fill as well.
    // A term a definition in the present explains is no such noun ("_____ of powers splits government...", Separation).
    if (ABSTRACT_NOUN.test(q.answer.trim()) && ABSTRACT_THEN_PAST.test(after) && /(?:^|[.!?]["”’)]?\s+)$/u.test(statement.slice(0, at))) flags.push("one-of-many");
    // "began in 1891 and continued until 1916 ... one of the largest undertakings of the _____ century" (19th): the
    // prompt's own years fall in two centuries, and the other fills the blank as well.
    if (CENTURY_KEY.test(q.answer.trim()) && /^\s+century\b/.test(after) && centuriesOf(statement).size > 1) flags.push("one-of-many");
    // "the 9/11 attacks in the _____" (United States): an event its date names, whose place everyone knows.
    if (EVENT_BY_DATE_BEFORE.test(before)) flags.push("key-echoed");
  }
  // "In _____ project" (South Korea the Saemangeum): a key across two names that only "the" joins, its last word
  // describing the noun after the blank, is no one name. Not a name and its epithet or a title before its verb
  // ("Attila the Hun invaded...", "Sten Sture the Elder").
  if (
    at >= 0 &&
    /\p{Lu}\p{L}*\s+the\s+\p{Lu}/u.test(q.answer) &&
    !/\b(?:of|and|for|on|in|to|at|by|from|with|&)\s+the\s/i.test(q.answer) &&
    !EPITHET_END.test(q.answer) &&
    NOUN_AFTER_KEY.test(statement.slice(at + BLANK.length))
  )
    flags.push("two-in-one");
  // A list item or glossary line shown as if it were a sentence.
  // ", answering: ..." : a sentence cut at the wrong place opens on punctuation.
  const cut = /^[^\p{L}\p{N}"“'‘(¿¡_]/u.test(firstSentence);
  // "... and the largest shares went to.": a sentence cut before the list it introduced ends on a word that needs one after it.
  const unfinished = ENDS_ON_FUNCTION_WORD.test(firstSentence);
  if (/^\p{Ll}/u.test(firstSentence) || cut || unfinished || GLOSSARY_LINE.test(firstSentence) || NAME_THEN_WHICH.test(firstSentence)) flags.push("fragment");
  // "Over the next _____ Law's company absorbed its rivals" (two years): a span counted from a time the prompt never
  // gives, before the blank, points at the sentence that gave it.
  if (at >= 0 && DURATION_KEY.test(q.answer.trim()) && NEXT_SPAN_BEFORE.test(statement.slice(Math.max(0, at - 30), at)) && !TIME_GIVEN.test(statement.slice(0, at)))
    flags.push("dangling-reference");
  // "In Europe, the _____ promotes..." (EU): an acronym's expansion, which the question accepts, echoed as well.
  const key = q.answer.trim();
  if (echoesKey(statement, q.answer) || (SHORT_ACRONYM.test(key) && q.accepted?.some((v) => v !== key && v.includes(" ") && echoesKey(statement, v))))
    flags.push("key-echoed");
  // "Millikan received the _____ in Physics in 1923" (Nobel Prize): the field after it names the prize (raters: 0 of 4,
  // "a stock phrase; the year would be the fact worth asking").
  const blankAt = statement.indexOf(BLANK);
  if (PRIZE_KEY.test(key) && blankAt >= 0 && PRIZE_FIELD_AFTER.test(statement.slice(blankAt + BLANK.length))) flags.push("key-echoed");
  // "In 1895 Ramsay... He sent samples in _____." (March 1895): the year is shown, so only the month is asked.
  const monthYear = MONTH_AND_YEAR.exec(key);
  if (monthYear && new RegExp(`(?<!\\d)${monthYear[1]}(?!\\d)`).test(statement)) flags.push("key-echoed");
  return flags;
}

/**
 * A year in brackets right after a title: "In Marbury v. Madison (_____), ...", "Dalí's The Persistence of Memory
 * (_____)", "the Treaty of Utrecht (_____)", "in Capitalism and Slavery (_____)". What the brackets date is the work,
 * the case or the treaty the sentence names, not a side detail of it. Not a person's year ("the philosopher Immanuel
 * Kant (_____)", a citation), a place's ("in Vienna (_____)", "Catherine of Aragon", "the Cape of Good Hope"), a
 * book the lesson cites ("in his book Lost Moon (_____)"), nor a year beside other bracketed years ("(1513) and
 * Melencolia I (_____)"), one of a list the others narrow.
 */
export function datesATitle(statement: string, answer: string): boolean {
  if (!/^(?:1\d{3}|20\d{2})$/.test(answer.trim())) return false;
  const at = statement.indexOf(`(${BLANK})`);
  if (at < 0 || /\((?:c\.\s*)?\d{3,4}\b/.test(statement)) return false;
  const before = statement.slice(Math.max(0, at - 120), at);
  if (PERSON_CUE_THEN_NAME.test(before) || BOOK_CUE_THEN_NAME.test(before)) return false;
  return ARTICLE_TITLE_BEFORE.test(before) || NAMED_WORK_BEFORE.test(before) || WORK_CUE_THEN_NAME.test(before);
}
/** Words of a title after its first: capitalised words and the small words between them. */
const TITLE_WORDS = String.raw`(?:\s+(?:(?:of|and|on|in|the|for|to|at|v\.|vs\.|de|la|du|des|a|an|with|without|as)\s+)*[\p{Lu}\d][\p{L}\d'’.!?-]*)*`;
/**
 * "such as The Night Watch", "In A New System of Chemical Philosophy": a title opened by an article whose capital is
 * not the sentence's ("The Cape of Good Hope (_____) was rounded" is a place).
 */
const ARTICLE_TITLE_BEFORE = new RegExp(String.raw`[\p{L}\d,;:]\s+(?:The|A|An|Le|La|Les|L['’]|Il|Un|Une|Der|Die|Das|El)\s*[\p{Lu}\d][\p{L}\d'’.!?-]*${TITLE_WORDS}\s$`, "u");
/**
 * "the Treaty of Utrecht", "Marbury v. Madison", "Principles of Philosophy", "Considerations on Representative
 * Government": a name whose first word says it is an agreement, a case or a written work, or two names a case joins.
 */
const NAMED_WORK_BEFORE = new RegExp(
  String.raw`(?:\b(?:Treaty|Peace|Edict|Act|Declaration|Report|Principles|Portrait|Treatise|Essay|Letters|Considerations|Oration|Discourse|Statute|Convention|Charter|Concordat|Bull|Battle|Siege|Congress|Compromise|Manifesto|Ordinance|Proclamation|Agreement|Accord|Pact)\s+(?:of|on|for|to|at|between|in)\s+(?:the\s+)?[\p{Lu}][\p{L}'’.-]*${TITLE_WORDS}|\p{Lu}[\p{L}'’.-]*\s+v(?:s)?\.?\s+\p{Lu}[\p{L}'’.-]*${TITLE_WORDS})\s$`,
  "u",
);
/** "in Capitalism and Slavery", "Dürer's Rhinoceros", "the opera Dido and Aeneas": a work after a word that says so. */
const WORK_CUE_THEN_NAME =
  /(?:\p{L}['’]s\s+|\b(?:painting|picture|film|opera|treaty|report|essay|poem|play|symphony|portrait|study|paper|pamphlet|manifesto|album|song|statue|sculpture|fresco|mural|treatise|speech|ballet|print|engraving|woodcut|agreement|act|case|ruling|decision|wrote|published|painted|composed)\s+(?:the\s+)?|\bin\s+(?=\p{Lu}[\p{L}'’.-]*\s+(?:and|of|on)\s+\p{Lu}))(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:and|of|on|the)\s+)?){0,4}\p{Lu}[\p{L}'’.!?-]*\s$/u;
/** "the philosopher Immanuel Kant", "The economists Finn Kydland and Edward Prescott": people after what they were. */
const PERSON_CUE_THEN_NAME =
  /\b(?:philosopher|historian|scientist|mathematician|physicist|chemist|economist|writer|author|poet|painter|artist|composer|king|queen|emperor|president|minister|general|engineer|inventor|architect|explorer|critic|journalist|astronomer|biologist|physician|surgeon|theologian|sociologist|psychologist)s?\s+(?:(?:\p{Lu}[\p{L}'’.-]*|and)\s+){0,7}\p{Lu}[\p{L}'’.-]*\s$/u;
/**
 * "in his book Into Thin Air", "Khushwant Singh's novel Train to Pakistan": a book the lesson cites. Raters failed the
 * year of every one of 8 in a pool of such years (a later account or a study, not the subject), and passed treaties,
 * cases and the works a lesson is about.
 */
const BOOK_CUE_THEN_NAME = /\b(?:book|novel|bestseller|best-seller)\s+(?:["“]?(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4})\s+){0,9}["“]?\p{Lu}[\p{L}'’.!?-]*["”]?\s$/u;

/** "_____ main ways: ...", "_____ layers, namely ...", "_____ ports (A, B and C)": a few words of what is counted, then its list (400 characters at most). */
const COUNTED_LIST = /^\s+(?:(?!(?:and|or|for|its|their|his|her)\s)[\p{L}'’"“”-]+\s+){0,8}?[\p{L}'’"“”-]+\s*(?::|,\s+namely\b|\()\s*([^.!?()]{1,400})/u;
/** ", alongside A, B and C": the others of a set one of them is counted in, to the end of the sentence. */
const ALONGSIDE = /^[^.;]{0,80}?,?\s+(?:alongside|along\s+with|together\s+with|besides)\s+([^.;()]{1,300}?)(?=,\s+(?:who|which|where|that|whose)\b|[.;()]|$)/;
/** "_____ of his engineers, Ivo Marn and Petar Varna": a few words of what is counted, a comma, then names joined by "and" or "or". */
const NAMES_COUNTED =
  /^\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+,\s+(\p{Lu}[^,;.!?]{0,60}?(?:,\s+\p{Lu}[^,;.!?]{0,60}?)*\s+(?:and|or)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u;
/** "the _____ years that followed": a span of time, not a pair named before. */
const TIME_UNITS_AFTER = /^\s(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?|minutes?|seasons?|terms?)\b/;
/** Where a list's items part: semicolons when its items hold commas, else commas and a last "and" / "or". */
const BETWEEN_ITEMS = /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/;
const BETWEEN_LONG_ITEMS = /\s*;\s*(?:and\s+|or\s+)?/;

/**
 * Whether a count's key is given away: the list after the blank has as many items as the key says, or the key
 * is the "two" of "the two ..." (the sentence before named the pair). Counts beyond twelve are not lists a
 * sentence spells out.
 */
function countGivenAway(answer: string, before: string, after: string): boolean {
  const read = readNumber(answer);
  if (!read || read.unit !== null || read.otherWord !== null || !/^(?:\d{1,2}|\p{L}+)$/u.test(answer.trim())) return false;
  const count = read.value;
  if (!Number.isInteger(count) || count < 2 || count > 12) return false;
  if (count === 2 && /\bthe\s$/i.test(before) && /^\s\p{Ll}/u.test(after) && !TIME_UNITS_AFTER.test(after)) return true;
  // "one of the _____ principal offices, alongside the Steelyard in London, the office in Bruges and the Peterhof" (four):
  // the others listed after it, and this one.
  const others = /\bone\s+of\s+the\s$/i.test(before) ? ALONGSIDE.exec(after)?.[1] : undefined;
  if (others && others.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter((item) => item.trim() !== "").length === count - 1) return true;
  // "formed of _____ parts, West Pakistan and East Pakistan" (two): the names counted, in apposition.
  const named = NAMES_COUNTED.exec(after)?.[1];
  if (named && named.split(/,\s*|\s+(?:and|or)\s+/).length === count) return true;
  // "formed from _____ consecutive amino acids, serine 65, tyrosine 66 and glycine 67, which...": three or more things
  // of a few words each, in apposition.
  const things = THINGS_COUNTED.exec(after)?.[1];
  if (count >= 3 && things && things.split(/,\s*|\s+(?:and|or)\s+/).length === count) return true;
  let counted = COUNTED_LIST.exec(after);
  const itemsOf = (list: string) => list.split(list.includes(";") ? BETWEEN_LONG_ITEMS : BETWEEN_ITEMS).filter((item) => item.trim() !== "");
  if (counted && itemsOf(counted[1]).length === count) return true;
  // "_____ plates are pulling apart: the Nubian (African) Plate, ...": a bracketed aside inside an item is no item's end.
  if (after.includes("(")) {
    const unbracketed = COUNTED_LIST.exec(after.replace(/(?<!\s)\s*\([^()]{0,40}\)/g, ""));
    if (unbracketed && itemsOf(unbracketed[1]).length === count) return true;
    counted ??= unbracketed;
  }
  const list = counted?.[1];
  if (!counted || !list) return false;

  // "_____ seasons: a warm, wet season from December... and a cooler, misty season": items whose describing words
  // hold commas are counted by the counted word after "a" or "one", each item naming it once.
  const noun = /([\p{L}'’-]+)\s*(?::|,\s+namely\b|\()/u.exec(counted[0].slice(0, counted[0].length - list.length))?.[1].toLowerCase();
  const one = noun?.endsWith("ies") ? `${noun.slice(0, -3)}y` : noun?.replace(/e?s$/, "");
  if (!one || one === noun || one.length < 3 || one.length > 30) return false;
  const item = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:a|an|one|another)\s+(?:[\p{L}'’-]+,?\s+){0,3}?${one.replace(/[^\p{L}]/gu, ".")}(?![\p{L}\p{N}])`, "gu");
  const mentions = list.toLowerCase().match(item)?.length ?? 0;
  return mentions === count;
}

/**
 * A few words of what is counted, a comma, then three or more items of one shape: each a word and its number ("serine
 * 65, tyrosine 66 and glycine 67") or each one lower-case word; the last after "and" or "or", then a stop. Items of
 * mixed shapes are other things ("_____ bridges, two museums, a cathedral and a castle"; "toured Europe, Japan...").
 */
const THINGS_COUNTED =
  /^\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+,\s+((?:\p{L}[\p{L}'’-]*\s\d+,\s)+\p{L}[\p{L}'’-]*\s\d+\s(?:and|or)\s\p{L}[\p{L}'’-]*\s\d+|(?:\p{Ll}[\p{L}'’-]*,\s)+\p{Ll}[\p{L}'’-]*\s(?:and|or)\s\p{Ll}[\p{L}'’-]*)(?=\s*(?:[,;.!?]|$))/u;

/** "over the next ", "For the following ": a span counted from a time given before. */
const NEXT_SPAN_BEFORE = /\b(?:the\s+)?(?:next|following|subsequent|previous|preceding)\s+$/i;
/** A year, a decade or a month before the blank: the time a span is counted from. */
const TIME_GIVEN = new RegExp(String.raw`\b(?:1\d{3}|20\d{2})s?\b|\b(?:${MONTH_NAMES})\b`);
/** "for about _____ from 15 September to 20 October 1835" (five weeks): a duration the dates around it work out. */
const DURATION_KEY = /^(?:about\s+)?(?:\d+|[a-z]+)(?:\s+and\s+a\s+half)?\s+(?:days?|weeks?|months?|years?|decades?|centuries)$/i;
const DATES_AROUND = new RegExp(
  String.raw`^\s*,?\s*(?:from|between)\s+(?:\d{1,2}\s+)?(?:${MONTH_NAMES}|\d{3,4})\b[^.;]{0,30}?\s+(?:to|until|and|till)\s+(?:\d{1,2}\s+)?(?:${MONTH_NAMES}|\d{3,4})\b`,
);

/** Whether a duration's key is worked out from the dates its prompt gives it: "for _____ from 1845 to 1849". */
export function durationGivenAway(answer: string, after: string): boolean {
  const key = answer.trim();
  if (!DURATION_KEY.test(key)) return false;
  if (DATES_AROUND.test(after.slice(0, 120))) return true;
  // "collapsed within _____: after peaking on 14 October, ... on 16 October" (two days): two days of one month after it,
  // as many days apart.
  const days = readNumber(key);
  if (!days || !/\bdays?$/i.test(key)) return false;
  // Within the sentence, and in one year (or none said).
  const sentence = after.slice(0, 200).split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0];
  const dates = [...sentence.matchAll(DAY_OF_MONTH)];
  return dates.some((a, i) =>
    dates.slice(i + 1).some((b) => a[2] === b[2] && a[3] === b[3] && Math.abs(Number(b[1]) - Number(a[1])) === days.value),
  );
}
const DAY_OF_MONTH = new RegExp(String.raw`\b(\d{1,2})\s+(${MONTH_NAMES})\b(?:\s+(\d{3,4})\b)?`, "g");
const YEAR_BEFORE = /(?<!\d)(?:1\d{3}|20\d{2})\s*$/;

/**
 * Whether the prompt names what its key's name is made from: "...devised by _____" after "The Richter scale"
 * (Charles F. Richter), "the German Fokker Eindecker" (Anthony Fokker), "the Cuban physician" (Cuba), "the
 * Selimiye Mosque ... for Suleiman's son _____" (Selim II). The key's last name-word (four letters or more,
 * not a month, a regnal number or a shared head) is looked for as the opening of a capitalised word of the
 * prompt: whole, or its first five letters for a longer one. Both raters failed each such question they met.
 */
const NON_ASCII = /[^\x00-\x7f]/;

function echoesKey(statement: string, answer: string): boolean {
  const key = answer.trim();
  if (key === "True" || key === "False") return false;
  const rest = statement.replace(BLANK, " ");
  // "In the _____ ... halted in 1882" (1880s): a year of the decade gives the decade away.
  const decade = DECADE.exec(key);
  if (decade && new RegExp(`(?<!\\d)${decade[1]}\\d(?!\\d)`).test(rest)) return true;
  // "reduces the coenzyme _____ to NADH" (NAD): an acronym that opens a longer one in the prompt.
  if (SHORT_ACRONYM.test(key)) for (const word of rest.match(CAPITALISED_WORD) ?? []) if (word.length > key.length && word.startsWith(key)) return true;
  // "the Yagi–Uda antenna, described by _____" (Hidetsugu Yagi and Shintaro Uda): each of two people's last names shown.
  const pair = PEOPLE_PAIR.exec(key);
  if (pair) {
    const shown = new Set((rest.match(CAPITALISED_WORD) ?? []).flatMap((word) => [word, ...word.split("-")]));
    if (shown.has(pair[1]) && shown.has(pair[2])) return true;
  }
  // "Adwa Victory Day ... a large _____ museum" (Adwa Victory Memorial): a name of three words or more whose words
  // but the last stand in the prompt, in a name of their own; only its last word is left to recall.
  const keyWords = key.split(/\s+/);
  if (keyWords.length >= 3 && keyWords.every((w) => /^\p{Lu}/u.test(w))) {
    const prefix = `${keyWords.slice(0, -1).join(" ")} `;
    for (let at = rest.indexOf(prefix); at >= 0; at = rest.indexOf(prefix, at + 1)) {
      const next = rest.slice(at + prefix.length).match(/^\p{Lu}[\p{L}'’-]*/u)?.[0];
      if (next !== undefined && next !== keyWords[keyWords.length - 1] && (at === 0 || /\s/.test(rest[at - 1]))) return true;
    }
  }
  // The last name-word that names this one thing: not a month, a regnal number or a head any name of its kind has
  // ("Soviet Union" is looked for as "Soviet": "the European Union" gives nothing away).
  const names = (key.match(NAME_WORD) ?? []).filter((w) => !MONTH.test(w) && !ROMAN.test(w) && !GENERIC_HEAD.has(w));
  const last = names[names.length - 1];
  if (!last) return false;
  // "In _____, the plan... for British Railways" (Britain), "the Italian navy" (Italy): a place's adjective gives it away.
  // Most prompts hold no word opening as the key does: looked for first, before the adjectives are made.
  if (names.length === 1 && (rest.includes(last.slice(0, 3)) || (IRREGULAR_ADJECTIVES[last] !== undefined && rest.includes(IRREGULAR_ADJECTIVES[last])))) {
    const adjectives = placeAdjectives(last);
    for (const word of rest.match(CAPITALISED_WORD) ?? []) if (adjectives.has(word)) return true;
  }
  // "the National Nature Reserve (_____ naturelle...)" (Réserve): read without accents, a key with any.
  const plain = NON_ASCII.test(last) ? foldAnswer : (text: string) => text;
  const stem = plain((last.length >= 6 ? last.slice(0, 5) : last).toLowerCase());
  // Most prompts hold no word opening on the stem: one search of the lower-cased text rules them out.
  const shown = plain(rest.toLowerCase());
  if (!shown.includes(stem)) return false;
  for (const word of rest.match(CAPITALISED_WORD) ?? []) if (plain(word.toLowerCase()).startsWith(stem)) return true;
  return false;
}

const ROMAN = /^[IVXLCDM]+$/;
/** Two people, each a first name and a last: "Hidetsugu Yagi and Shintaro Uda" (the last names captured). */
const PEOPLE_PAIR = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*)*?\s+(\p{Lu}[\p{L}'’-]+)\s+and\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*)*?\s+(\p{Lu}[\p{L}'’-]+)$/u;
/** Places whose adjective is not made by an ending (placeAdjectives). */
const IRREGULAR_ADJECTIVES: Record<string, string> = {
  Britain: "British", Spain: "Spanish", France: "French", Greece: "Greek", Netherlands: "Dutch", Holland: "Dutch", Wales: "Welsh",
  Switzerland: "Swiss", Denmark: "Danish", Sweden: "Swedish", Norway: "Norwegian", Finland: "Finnish", Poland: "Polish",
  Turkey: "Turkish", Ireland: "Irish", Scotland: "Scottish", England: "English", Portugal: "Portuguese", Peru: "Peruvian",
};

/** A place's adjectives: "Italy" Italian, "Russia" Russian, "Japan" Japanese, "Iceland" Icelandic, "Israel" Israeli. */
function placeAdjectives(place: string): Set<string> {
  const base = place.replace(/[aeyo]$/, "");
  const out = new Set([`${place}n`, `${place}an`, `${place}ian`, `${place}ese`, `${place}i`, `${place}ic`, `${base}an`, `${base}ian`, `${base}ese`, `${base}ish`]);
  if (IRREGULAR_ADJECTIVES[place]) out.add(IRREGULAR_ADJECTIVES[place]);
  return out;
}
/** "1880s": the decade's first three digits. */
const DECADE = /^(\d{3})0s$/;
const SHORT_ACRONYM = /^\p{Lu}{2,5}$/u;
/** Heads that many names share ("Union", "War", "Church", "Bank"): a prompt holding one echoes no particular key. */
const GENERIC_HEAD = new Set(
  "Union War Wars Bank Brothers Sons Church Nations National Council Committee Company Corporation Party Republic Kingdom Empire Treaty Act Agreement Convention Conference Organisation Organization Association Society University College Institute Museum River Lake Ocean Mountain Mountains Island Islands Canal Street Square Palace Cathedral Prize Award Guard Army Navy Force Forces Department Ministry Office Agency Commission Court House Senate Congress Parliament Assembly Revolution Dynasty Period Movement Plan Programme Program Policy Strategy Initiative System Project Mission Centre Center Service Services States State City County Province Region Valley Desert Gulf Strait Basin Coast North South East West Northern Southern Eastern Western Great Saint United New Old Royal General Federal Central".split(
    " ",
  ),
);

/** A word opening on a capital, four letters or more ("Richter"; not the "Injected" of "__cairnInjected"). */
const NAME_WORD = /(?<![\p{L}\p{N}_])\p{Lu}[\p{L}'’-]{3,}/gu;
const CAPITALISED_WORD = /(?<![\p{L}\p{N}_])\p{Lu}[\p{L}'’-]*/gu;

const MONTH = new RegExp(String.raw`^(?:${MONTH_NAMES})$`);
