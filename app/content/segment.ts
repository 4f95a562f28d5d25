/**
 * Segmenting: cleaned Block[] -> LessonDraft[], one lesson per section.
 * Owns what counts as a section: level-1/2 headings open lessons, level-3
 * headings are sub-headings inside them; the text before the first heading is
 * the "Overview"; sections without a body (a table of contents) disappear and
 * a repeated section yields one lesson. For plain text, where every heading
 * arrives at level 2, it also decides which headings are sub-sections. And it
 * bounds a lesson's size: a section longer than MAX_LESSON_CHARS is read as
 * several lessons ("Title", "Title (part 2)", ...), and a block longer than
 * MAX_BLOCK_CHARS as several blocks, so that no later stage (the language model,
 * the question generator's per-lesson comparisons) sees an unbounded piece.
 */
import type { Block, LessonDraft } from "./types";
import { FAQ_HEADER } from "./clean";
import {
  collapseWhitespace,
  contentWords,
  endsWithQuestionMark,
  MINOR_WORDS,
  normaliseForComparison,
  readingMinutes,
  slugify,
  stem,
  stemSearch,
  type StemSearch,
  uniqueSlug,
  wordCount,
} from "./text";

export const OVERVIEW_TITLE = "Overview";

/** Sub-sections announced by their parent are short labels; longer headings are sections of their own. */
const MAX_SUBSECTION_WORDS = 6;

/**
 * The most text one lesson holds, in characters of its blocks. A lesson is read in
 * one sitting (content/'s longest is 4,500 characters, about 4 minutes); and the
 * generator compares a lesson's questions with each other, so its cost grows with
 * the square of a lesson's size: a 6 MB section of one-line paragraphs took 320 s.
 */
export const MAX_LESSON_CHARS = 20_000;
/**
 * The most text one block (a paragraph, a list, a table) holds; a longer one is cut
 * into several of the same kind: a paragraph at sentence ends, a list between items,
 * a table between rows. content/'s longest paragraph has 810 characters; a 3 MB
 * paragraph (a whole book on one line) was read by the language model in one piece.
 */
export const MAX_BLOCK_CHARS = 5_000;

export function segmentLessons(blocks: Block[], options: { inferSubsections: boolean; title?: string | null }): LessonDraft[] {
  const leveled = options.inferSubsections ? inferSubsections(blocks, options.title ?? null) : blocks;
  const sections = groupSections(leveled);
  const merged = mergeRepeatedSections(sections.map(dropEmptySubheadings).filter(hasBody)).flatMap(boundedParts);
  const slugs = new Set<string>();
  return merged.map((section, position) => {
    const text = lessonText(section.blocks);
    return {
      title: section.title,
      slug: uniqueSlug(slugify(section.title), slugs),
      position,
      line: section.line,
      blocks: section.blocks,
      text,
      readingMinutes: readingMinutes(text),
    };
  });
}

interface Section {
  title: string;
  line: number;
  blocks: Block[];
}

function groupSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section = { title: OVERVIEW_TITLE, line: blocks[0]?.line ?? 1, blocks: [] };
  for (const block of blocks) {
    if (block.kind === "heading" && block.level <= 2) {
      sections.push(current);
      current = { title: block.text, line: block.line, blocks: [] };
    } else {
      current.blocks.push(block.kind === "heading" ? { ...block, level: 3 } : block);
    }
  }
  sections.push(current);
  return sections;
}

/**
 * The section as lessons of at most MAX_LESSON_CHARS each, cut between blocks (its
 * long blocks cut first, its repeated blocks dropped): the section itself when it
 * fits, as every section of an ordinary article does.
 */
function boundedParts(section: Section): Section[] {
  let size = 0;
  for (const block of section.blocks) size += blockChars(block);
  if (size <= MAX_LESSON_CHARS) return [section];
  const parts: Section[] = [];
  let current: Block[] = [];
  let currentSize = 0;
  // A block the section has already shown is not shown again (as mergeRepeatedSections does for a
  // repeated section): a long text that repeats itself would otherwise be lessons of the same words.
  const seen = new Set<string>();
  for (const block of section.blocks.flatMap(boundedBlocks)) {
    const key = blockKey(block);
    if (seen.has(key)) continue;
    seen.add(key);
    const chars = blockChars(block);
    if (current.length > 0 && currentSize + chars > MAX_LESSON_CHARS) {
      parts.push({ title: "", line: current[0].line, blocks: current });
      current = [];
      currentSize = 0;
    }
    current.push(block);
    currentSize += chars;
  }
  parts.push({ title: "", line: current[0].line, blocks: current });
  return parts.map((part, k) =>
    k === 0 ? { ...part, title: section.title, line: section.line } : { ...part, title: `${section.title} (part ${k + 1})` },
  );
}

/** A block's text length: what its lesson's size is counted in. */
function blockChars(block: Block): number {
  switch (block.kind) {
    case "list":
      return block.items.reduce((n, item) => n + item.length + 1, 0);
    case "table":
      return block.rows.reduce((n, row) => row.reduce((m, cell) => m + cell.length + 1, n), 0);
    default:
      return block.text.length;
  }
}

/** The block as blocks of at most MAX_BLOCK_CHARS (one of them longer only when a single item, row or word is). */
function boundedBlocks(block: Block): Block[] {
  if (blockChars(block) <= MAX_BLOCK_CHARS) return [block];
  switch (block.kind) {
    case "heading":
      return [block];
    case "paragraph":
      // Emphasis stays with every piece: it names terms, and a piece without the term never matches it.
      return paragraphPieces(block.text).map((text) => ({ ...block, text }));
    case "list":
      return runs(block.items, (item) => item.length + 1).map((items) => ({ ...block, items }));
    case "table":
      return runs(block.rows, (row) => row.reduce((m, cell) => m + cell.length + 1, 0)).map((rows) => ({ ...block, rows }));
  }
}

/** Consecutive runs of items whose sizes sum to at most MAX_BLOCK_CHARS (an item larger than that alone). */
function runs<T>(items: T[], size: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let currentSize = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && currentSize + n > MAX_BLOCK_CHARS) {
      out.push(current);
      current = [];
      currentSize = 0;
    }
    current.push(item);
    currentSize += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A sentence's end: terminal punctuation, closing quotes or brackets, then white space. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+/g;

/**
 * A long paragraph's text in pieces of at most MAX_BLOCK_CHARS, each cut after the last
 * sentence end that fits (else at the last space, else at the limit itself). Each search
 * reads only the next piece's window, so the whole is linear in the text.
 */
function paragraphPieces(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > MAX_BLOCK_CHARS) {
    const window = text.slice(from, from + MAX_BLOCK_CHARS);
    let cut = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(window); m !== null; m = SENTENCE_END.exec(window)) cut = m.index + m[0].length;
    if (cut === 0) cut = window.lastIndexOf(" ") + 1;
    if (cut === 0) cut = window.length;
    const piece = window.slice(0, cut).trim();
    if (piece) pieces.push(piece);
    from += cut;
  }
  const last = text.slice(from).trim();
  if (last) pieces.push(last);
  return pieces;
}

/** A sub-heading directly followed by another heading (or nothing) introduces no text. */
function dropEmptySubheadings(section: Section): Section {
  const blocks = section.blocks.filter((block, index) => {
    if (block.kind !== "heading") return true;
    const next = section.blocks[index + 1];
    return next !== undefined && next.kind !== "heading";
  });
  return blocks.length === section.blocks.length ? section : { ...section, blocks };
}

function hasBody(section: Section): boolean {
  return section.blocks.some((block) => block.kind !== "heading");
}

/** Identity of a block's content for spotting repeats (case and spacing aside). */
function blockKey(block: Block): string {
  return `${block.kind}:${collapseWhitespace(blockWords(block)).toLowerCase()}`;
}

/**
 * Sections with the same title are one section: the repeat adds only the
 * blocks the first did not already have (nothing, for an exact repeat).
 */
function mergeRepeatedSections(sections: Section[]): Section[] {
  // The keys of a section's blocks are worked out when its title first repeats: most titles never do.
  const byTitle = new Map<string, { section: Section; keys: Set<string> | null }>();
  const result: Section[] = [];
  for (const section of sections) {
    const titleKey = normaliseForComparison(section.title);
    const seen = byTitle.get(titleKey);
    if (!seen) {
      const copy = { ...section, blocks: [...section.blocks] };
      byTitle.set(titleKey, { section: copy, keys: null });
      result.push(copy);
      continue;
    }
    seen.keys ??= new Set(seen.section.blocks.map(blockKey));
    for (const block of section.blocks) {
      const key = blockKey(block);
      if (seen.keys.has(key)) continue;
      seen.keys.add(key);
      seen.section.blocks.push(block);
    }
  }
  return result;
}

/** The lesson body as plain text: paragraphs apart, sub-headings and list items on their own lines. */
export function lessonText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        parts.push(block.text);
        break;
      case "list":
        parts.push(block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join("\n"));
        break;
      case "table": {
        const rows = block.rows.map((row) =>
          !block.header && row.length === 2 ? `${row[0]}: ${row[1]}` : row.join(" | "),
        );
        if (block.header) rows.unshift(block.header.join(" | "));
        parts.push(rows.join("\n"));
        break;
      }
    }
  }
  return parts.join("\n\n");
}

type HeadingStyle = "title" | "sentence" | "neutral";

/** Title Case ("Regional Collaborations") vs sentence case ("Joint task forces and raids"). */
export function headingStyle(text: string): HeadingStyle {
  const words = collapseWhitespace(text)
    .split(" ")
    .slice(1)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((w) => w.length > 3 && !MINOR_WORDS.has(w.toLowerCase()) && w !== w.toUpperCase());
  if (words.length < 2) return "neutral";
  const capitalised = words.filter((w) => w[0] !== w[0].toLowerCase()).length / words.length;
  if (capitalised >= 0.75) return "title";
  if (capitalised <= 0.34) return "sentence";
  return "neutral";
}

interface HeadingInfo {
  index: number;
  text: string;
  style: HeadingStyle;
  /** The heading's body is the blocks from index + 1 up to here (the next heading, or the end). */
  bodyEnd: number;
}

/** What isSubsection reads of the whole document. */
interface DocumentShape {
  mixed: boolean;
  mainStyle: HeadingStyle;
  isCommon: (stem: string) => boolean;
}

/** The blocks of each section (the text before the first heading, then each heading's body), as index ranges. */
function sectionBounds(blocks: Block[], headings: HeadingInfo[]): { start: number; end: number }[] {
  return [{ start: 0, end: headings[0]?.index ?? blocks.length }, ...headings.map((h) => ({ start: h.index + 1, end: h.bodyEnd }))];
}

function blockWords(block: Block): string {
  switch (block.kind) {
    case "list":
      return block.items.join(" ");
    case "table":
      return block.rows.map((row) => row.join(" ")).join(" ");
    default:
      return block.text;
  }
}

function stemsOf(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}

/**
 * Plain text marks every heading alike, so sub-sections are recognised by how
 * articles write them:
 *  - when headings come in two styles (Title Case and sentence case), the
 *    less common style under a heading of the common style is a sub-section;
 *  - otherwise a short heading is a sub-section when the parent section's
 *    opening text already named it ("... bilateral approaches ... regional
 *    collaborations ..." above "Bilateral Approaches", "Regional
 *    Collaborations"); words shared by most sections do not count;
 *  - questions under an FAQ heading are its sub-headings.
 * The Overview is never a parent, and sub-sections do not nest.
 */
export function inferSubsections(blocks: Block[], title: string | null): Block[] {
  const headings = collectHeadings(blocks);
  if (headings.length < 2) return blocks;

  const styleCounts = { title: 0, sentence: 0 };
  for (const h of headings) if (h.style !== "neutral") styleCounts[h.style]++;
  const mixed = styleCounts.title >= 2 && styleCounts.sentence >= 2;
  // An article opens with a main section, so the first heading's style is the main style.
  const mainStyle: HeadingStyle = headings.find((h) => h.style !== "neutral")?.style ?? "title";
  // Most headings are decided by their style and length alone, and many documents never
  // compare words: a section's text is made searchable (stemSearch) when a heading first asks.
  const bounds = sectionBounds(blocks, headings);
  const searches: (StemSearch | undefined)[] = [];
  // A section's blocks are one text to search: words never run across the line breaks between them.
  const sectionWords = (k: number): StemSearch =>
    (searches[k] ??= stemSearch(blocks.slice(bounds[k].start, bounds[k].end).map(blockWords).join("\n")));
  const doc: DocumentShape = { mixed, mainStyle, isCommon: commonStemTest(bounds.length, sectionWords, title) };

  const result = [...blocks];
  let parent = -1;
  headings.forEach((heading, h) => {
    // Heading h's body is section h + 1 (section 0 is the text before the first heading).
    if (parent >= 0 && isSubsection(heading, headings[parent], () => sectionWords(parent + 1), doc)) {
      result[heading.index] = { ...(blocks[heading.index] as Block & { kind: "heading" }), level: 3 };
    } else parent = h;
  });
  return result;
}

function collectHeadings(blocks: Block[]): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== "heading") continue;
    const previous = headings[headings.length - 1];
    if (previous) previous.bodyEnd = i;
    headings.push({ index: i, text: block.text, style: headingStyle(block.text), bodyEnd: blocks.length });
  }
  return headings;
}

/**
 * Whether a stem is the article's subject rather than a section's: one of the
 * title's, or found in at least half the sections (and at least three). Only the
 * stems of headings that reach the comparison are asked, a few per document, so
 * each is searched for in the sections' text, once, rather than every word of the
 * text stemmed and counted.
 */
function commonStemTest(sectionCount: number, sectionWords: (k: number) => StemSearch, title: string | null): (stem: string) => boolean {
  const titleStems = title ? stemsOf(title) : new Set<string>();
  const threshold = Math.max(3, sectionCount * 0.5);
  const known = new Map<string, boolean>();
  // A long document with many headings asks about many stems, each a search of about half the
  // document: past a few dozen, every stem's sections are counted at once (one stemming of the
  // text), which bounds the cost to about twice the stemming the searches save.
  let searchesLeft = SEARCHED_COMMON_STEMS;
  let counts: Map<string, number> | null = null;
  return (s) => {
    let common = known.get(s);
    if (common === undefined) {
      if (titleStems.has(s)) common = true;
      else if (counts !== null || --searchesLeft < 0) {
        counts ??= sectionCounts(sectionCount, sectionWords);
        common = (counts.get(s) ?? 0) >= threshold;
      } else common = foundInAtLeast(sectionCount, sectionWords, s, threshold);
      known.set(s, common);
    }
    return common;
  };
}

/** Stems searched for one by one before commonStemTest counts every stem's sections instead. */
const SEARCHED_COMMON_STEMS = 48;

/** For each stem, the number of sections with a word of that stem. */
function sectionCounts(sectionCount: number, sectionWords: (k: number) => StemSearch): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < sectionCount; k++) for (const s of sectionWords(k).stems()) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** Whether at least `threshold` sections have the stem; stops as soon as the answer is certain. */
function foundInAtLeast(sectionCount: number, sectionWords: (k: number) => StemSearch, s: string, threshold: number): boolean {
  let found = 0;
  for (let k = 0; k < sectionCount; k++) {
    if (sectionWords(k).has(s) && ++found >= threshold) return true;
    if (found + (sectionCount - k - 1) < threshold) return false;
  }
  return false;
}

function isSubsection(heading: HeadingInfo, parent: HeadingInfo, parentIntro: () => StemSearch, doc: DocumentShape): boolean {
  if (FAQ_HEADER.test(collapseWhitespace(parent.text))) return endsWithQuestionMark(heading.text);
  if (parent.bodyEnd === parent.index + 1) return false;
  if (doc.mixed && heading.style === doc.mainStyle) return false;
  if (doc.mixed && heading.style !== "neutral" && parent.style === doc.mainStyle) return true;
  const words = wordCount(heading.text);
  // A sub-section's heading is a short label, never much longer than its parent's.
  if (words > MAX_SUBSECTION_WORDS || words > wordCount(parent.text) + 1) return false;
  const stems = contentWords(heading.text).map(stem);
  if (new Set(stems).size < 2 || GENERIC_SECTION.test(collapseWhitespace(heading.text))) return false;
  const intro = parentIntro();
  if (intro.hasPhrase(stems)) return true;
  const distinctive = [...new Set(stems)].filter((s) => !doc.isCommon(s));
  if (distinctive.length === 0) return false;
  const announced = distinctive.filter((s) => intro.has(s)).length;
  return announced >= Math.max(1, Math.ceil(distinctive.length * 0.6));
}

/** Sections every article may have; they stand on their own whatever came before. */
const GENERIC_SECTION =
  /^(introduction|overview|background|summary|conclusions?|in conclusion|final thoughts|key takeaways|takeaways|references|sources|further reading|glossary|appendix|(frequently asked questions|faqs?))$/i;
