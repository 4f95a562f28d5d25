/**
 * Cleaning: parsed Block[] -> Block[] without web boilerplate.
 * Boilerplate is recognised by its shape (length, case, position, repetition,
 * punctuation) and by a short list of phrases any web page may carry (bylines,
 * share/print/comment/feedback footers, related-article markers, AI-content
 * disclaimers, cookie and newsletter prompts) - never by one site's sentences.
 * Facts in tables stay; generic column names ("Characteristics / Values") go.
 */
import type { Block } from "./types";
import {
  collapseWhitespace,
  endsLikeSentence,
  endsWithQuestionMark,
  normaliseForComparison,
  startsCapitalised,
  wordCount,
} from "./text";

/** A line this short that does not end like a sentence is a label, a title or furniture, never prose. */
const SHORT_LINE_WORDS = 16;

// Phrases are matched whole (or as a prefix only where the phrase cannot open a real title),
// so "Share prices", "Search and rescue" or "Related legal frameworks" stay.
const BYLINE =
  /^((written|reviewed|edited|fact[- ]?checked|medically reviewed|authored|compiled|contributed|illustrated|curated)( and [a-z-]+)? by\b|(last )?(updated|published|posted|modified)(\s*(:|on\b|at\b|by\b|\d|$)))/i;
const BY_AUTHOR = /^[Bb]y\s+\p{Lu}/u;
const AUTHOR_LABEL = /^(authors?|editors?|reviewers?|contributors?|sources?|credits?)\s*:?$/i;
const SHARE_OR_PRINT =
  /^((share|print|email|e-mail|save|bookmark)( (this|the))?( (post|article|page|story|guide|link|recipe))?( (on|via|with) [\w ]+)?|tweet( this)?|pin( it)?|copy( the)? link|follow us( on [\w ]+)?|facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|telegram|flipboard|messenger)[\s:!.]*$/i;
const FEEDBACK =
  /^((did|was|is|has) (this|the|our) ((article|page|post|guide|answer|content|information|story|blog)\s+)?(help|helpful|useful)|did you find (this|it)|rate this|how (useful|helpful) (was|is) this|thanks for (your )?feedback)\b|^(yes|no)([\s/|]+(yes|no))?[\s.!]*$/i;
const COMMENTS =
  /^((leave|post|add|write|submit|join) (a |your |the )?(comment|reply|review|response|discussion)s?\b|((\d+|no|view|show|load)\s+)?(comments?|replies|responses)[\s:]*$|cancel reply$|reply$)/i;
const RELATED_MARKER =
  /^(you (may|might|could) (also )?(like|enjoy|want to (see|read)( also)?|be interested in)|related (articles|posts|stories|reading|content|links|topics)|recommended( for you| articles| reading| posts| stories)?|more (from|like this|articles|stories|posts)( [\w ]{0,24})?|read (next|also|more)|also read|see also|further reading|popular (posts|articles|stories)|up next|trending( now)?)\s*[:…]?$/i;
/** "See also  <title of another article>": the link text travels with the marker. */
const RELATED_LINK = /^((see also|read also|also read|read more|read next|up next)\b\s*:?|(related|recommended)\s*:)\s*\S/i;
const SITE_FURNITURE =
  /^((advertisement|advertising|sponsored( content)?|ad|skip to (main )?content|back to top|table of contents|contents|in this article|jump to( section)?|home|menu|search|sign (in|up)|log ?in|register|subscribe|newsletter|privacy( policy)?|cookie (policy|settings)|accept( all)?( cookies)?|terms (of (use|service)|and conditions)|all rights reserved)[\s:!.]*$|(we use cookies|this (site|website) uses cookies|subscribe to (our|the)|sign up for (our|the)|copyright\b|©|tags?\s*:|categories?\s*:|filed under\b)|\d+\s*min(ute)?s?( read)?$)/i;
export const FAQ_HEADER = /^(frequently asked questions|faqs?|common questions|questions and answers|q\s*&\s*a|people also ask)$/i;

/** An AI-content disclaimer speaks about itself ("this content"), names AI, and asks the reader to verify. */
const SELF_REFERENCE = /\b(this|the following|the above) (content|article|page|post|text|summary|answer|guide|information|material)\b/i;
const NAMES_AI = /\b(AI|A\.I\.|artificial intelligence|generative|language model|LLM|ChatGPT|automated|machine[- ]generated)\b/i;
const ASKS_TO_VERIFY = /\b(check|verify|double-check|independent|trusted|consult|accuracy|accurate|errors?|mistakes?|reviewed|fact-check)\b/i;

/** Column names that only say "this is a table of facts". */
const GENERIC_COLUMN = /^(characteristics?|values?|features?|attributes?|propert(y|ies)|facts?|details?|key|keys|data|items?|descriptions?|information|info|specifications?|specs?|stats?|statistics?|figures?|numbers?|name|field|metric)$/i;

export function cleanBlocks(input: Block[]): Block[] {
  shortLines = new WeakMap();
  let blocks = input.map(stripGenericTableHeader);
  blocks = dropRepeatedShortLines(blocks);
  blocks = blocks.filter((block) => !isStrayLine(block));
  // Before phrase matching removes the marker that identifies the titles around it.
  blocks = dropRelatedArticleBoxes(blocks);
  blocks = blocks.filter((block) => !isBoilerplateBlock(block) && !isAiDisclaimer(block));
  blocks = dropTableOfContentsLists(blocks);
  blocks = dropEmptyFaqHeaders(blocks);
  blocks = dropTrailingFooter(blocks);
  return blocks;
}

/** The text a short block shows on one line, or null for blocks that are never furniture. */
function shortLineText(block: Block): string | null {
  if (block.kind === "heading") return block.text;
  if (block.kind === "paragraph" && isShortLine(block)) return block.text;
  return null;
}

/** Whether a paragraph's or heading's text is at most SHORT_LINE_WORDS words long. */
function isShortLine(block: Block & { text: string }): boolean {
  let short = shortLines.get(block);
  if (short === undefined) {
    short = wordCount(block.text, SHORT_LINE_WORDS) <= SHORT_LINE_WORDS;
    shortLines.set(block, short);
  }
  return short;
}

/**
 * isShortLine's answers during one cleanBlocks call: every pass asks it of every
 * block, and the words are counted once. Emptied per call, so that no answer
 * outlives the blocks' text as cleanBlocks received it.
 */
let shortLines = new WeakMap<Block, boolean>();

/** A byline, share/print/comment/feedback prompt, related-article link or site chrome. */
export function isBoilerplateLine(text: string): boolean {
  const line = collapseWhitespace(text).replace(/^[\s|•·:\-–—>»]+/, "");
  if (line === "") return true;
  const words = wordCount(line);
  if (words <= 10 && (BYLINE.test(line) || (BY_AUTHOR.test(line) && words <= 6) || AUTHOR_LABEL.test(line))) return true;
  if (words <= 8 && (SHARE_OR_PRINT.test(line) || COMMENTS.test(line))) return true;
  if (words <= 12 && (FEEDBACK.test(line) || SITE_FURNITURE.test(line) || RELATED_MARKER.test(line))) return true;
  if (words <= 25 && RELATED_LINK.test(line)) return true;
  return isDateLine(line);
}

function isBoilerplateBlock(block: Block): boolean {
  if (block.kind === "list") return block.items.every((item) => wordCount(item) <= 4 && isBoilerplateLine(item));
  const text = shortLineText(block);
  if (text === null) return false;
  // A sentence that merely starts like a phrase ("Share prices fell sharply.") is prose.
  if (block.kind === "paragraph" && endsLikeSentence(text) && wordCount(text) > 6) return false;
  return isBoilerplateLine(text);
}

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const DATE_WORDS = new RegExp(`\\b(${MONTHS}|published|updated|posted|on|at|am|pm|utc|gmt|ago|hours?|days?|minutes?|today|yesterday)\\b`, "gi");

/** "March 3, 2024", "Updated 12/03/2024 10:15", "3 days ago": a timestamp standing alone. */
function isDateLine(line: string): boolean {
  if (wordCount(line) > 8 || !/\d/.test(line)) return false;
  return line.replace(DATE_WORDS, "").replace(/[\d\s,./:\-–|]+/g, "") === "";
}

/** Search queries, tags and site names: short lines that begin in lower case and do not end like a sentence. */
function isStrayLine(block: Block): boolean {
  if (block.kind !== "paragraph" && block.kind !== "heading") return false;
  const text = block.text;
  if (/^(https?:\/\/|www\.)\S+$/i.test(text)) return true;
  if (!/\p{L}/u.test(text)) return true; // numbers or symbols alone: page numbers, separators
  return isShortLine(block) && !endsLikeSentence(text) && !endsWithQuestionMark(text) && !startsCapitalised(text);
}

export function isAiDisclaimer(block: Block): boolean {
  // Cheapest and rarest first: asking to verify is rare and quick to scan for, quicker than
  // counting words; the self-reference, with its many alternatives, is the slowest.
  if (block.kind !== "paragraph" || !ASKS_TO_VERIFY.test(block.text) || wordCount(block.text, 60) > 60) return false;
  return NAMES_AI.test(block.text) && SELF_REFERENCE.test(block.text);
}

/**
 * A short line repeated three times or more is a site name between sections,
 * and furniture wherever it appears - unless every occurrence introduces prose,
 * which makes it a repeated section (merged later, in segment.ts).
 */
function dropRepeatedShortLines(blocks: Block[]): Block[] {
  const seen = new Map<string, { count: number; alwaysIntroducesProse: boolean }>();
  const keys = blocks.map((block, index) => {
    const text = shortLineText(block);
    if (text === null || wordCount(text, 4) > 4) return null;
    const key = normaliseForComparison(text);
    const next = blocks[index + 1];
    const introducesProse = next !== undefined && next.kind !== "heading" && shortLineText(next) === null;
    const entry = seen.get(key) ?? { count: 0, alwaysIntroducesProse: true };
    entry.count++;
    entry.alwaysIntroducesProse &&= introducesProse;
    seen.set(key, entry);
    return key;
  });
  return blocks.filter((_, index) => {
    const entry = keys[index] === null ? undefined : seen.get(keys[index]!);
    return !entry || entry.count < 3 || entry.alwaysIntroducesProse;
  });
}

function isTitleLike(block: Block | undefined): boolean {
  if (!block) return false;
  const text = shortLineText(block);
  return text !== null && !endsLikeSentence(text);
}

/**
 * "You may want to see also" (or "Related articles") marks a box of links to
 * other articles: the titles next to the marker go with it. A title right
 * before the marker is dropped; titles after it are dropped while another
 * short title follows (the last line before the article resumes is a real
 * heading when prose follows it).
 */
function dropRelatedArticleBoxes(blocks: Block[]): Block[] {
  const drop = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const text = shortLineText(blocks[i]);
    if (text === null || !RELATED_MARKER.test(collapseWhitespace(text))) continue;
    drop.add(i);
    for (let j = i - 1; j >= 0 && j >= i - 3 && isTitleLike(blocks[j]); j--) drop.add(j);
    for (let j = i + 1; j < blocks.length && isTitleLike(blocks[j]) && isTitleLike(blocks[j + 1]); j++) drop.add(j);
  }
  return drop.size === 0 ? blocks : blocks.filter((_, index) => !drop.has(index));
}

/** A list whose items are the article's own later headings is a table of contents. */
function dropTableOfContentsLists(blocks: Block[]): Block[] {
  // Many documents have no list at all: then their headings need no normalising.
  if (!blocks.some((b) => b.kind === "list")) return blocks;
  const headings = new Set(blocks.filter((b) => b.kind === "heading").map((b) => normaliseForComparison(b.text)));
  if (headings.size === 0) return blocks;
  return blocks.filter((block) => {
    if (block.kind !== "list") return true;
    const matches = block.items.filter((item) => headings.has(normaliseForComparison(item))).length;
    return matches < Math.max(2, block.items.length * 0.6);
  });
}

/** An FAQ heading whose questions were lost in copying introduces nothing: its answers stay, it goes. */
function dropEmptyFaqHeaders(blocks: Block[]): Block[] {
  return blocks.filter((block, index) => {
    if (block.kind !== "heading" || !FAQ_HEADER.test(collapseWhitespace(block.text))) return true;
    const next = blocks[index + 1];
    const nextText = next && (next.kind === "heading" || next.kind === "paragraph") ? next.text : "";
    return endsWithQuestionMark(nextText);
  });
}

/** Author names, "Print", "Yes / No" and the like at the very end: short lines after the last prose. */
function dropTrailingFooter(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0) {
    const block = blocks[end - 1];
    const text = shortLineText(block);
    const footerLike = isBoilerplateBlock(block) || (text !== null && wordCount(text) <= 6 && !endsLikeSentence(text));
    if (!footerLike) break;
    end--;
  }
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

function stripGenericTableHeader(block: Block): Block {
  if (block.kind !== "table" || !block.header) return block;
  const generic = block.header.every((cell) => cell === "" || GENERIC_COLUMN.test(cell.trim()));
  return generic ? { ...block, header: null } : block;
}
