/**
 * One document's structure: SourceDocument -> parse (by format) -> clean ->
 * segment -> a module draft (title, lessons without questions). Kept apart
 * from question generation so structure alone loads no language models.
 */
import { HtmlStructureError, parseHtml } from "./parse-html";
import { parseMarkdown } from "./parse-markdown";
import { parseText, type ParsedDocument } from "./parse-txt";
import { cleanBlocks } from "./clean";
import { OVERVIEW_TITLE, segmentLessons } from "./segment";
import { collapseWhitespace } from "./text";
import { IngestError, type LessonDraft, type SourceDocument } from "./types";

export interface ModuleDraft {
  key: string;
  title: string;
  source: string;
  lessons: LessonDraft[];
}

export function parseSource(doc: SourceDocument): ParsedDocument {
  switch (doc.format) {
    case "md":
      return parseMarkdown(doc.text);
    case "html":
      return parseHtml(doc.text);
    default:
      return parseText(doc.text);
  }
}

/** Parses, turning a structure too deep to read into an IngestError against the file. */
function parseOrExplain(doc: SourceDocument): ParsedDocument {
  try {
    return parseSource(doc);
  } catch (error) {
    if (error instanceof HtmlStructureError) throw new IngestError(doc.name, error.message);
    if (error instanceof RangeError) throw new IngestError(doc.name, "document is nested too deeply to read");
    throw error;
  }
}

/** The stages of drafting after reading, in order: told to `onStage` as each begins. */
export type DraftStage = "clean" | "segment";

/** One document -> its module without questions. Throws IngestError when nothing teachable is left. */
export function draftModule(doc: SourceDocument, key: string = moduleKey(doc.name), onStage?: (stage: DraftStage) => void): ModuleDraft {
  const parsed = parseOrExplain(doc);
  onStage?.("clean");
  const blocks = cleanBlocks(parsed.blocks);
  onStage?.("segment");
  const lessons = segmentLessons(blocks, { inferSubsections: parsed.headingLevels === "inferred", title: parsed.title });
  if (lessons.length === 0) {
    const onlyHeadings = parsed.blocks.length > 0 && parsed.blocks.every((b) => b.kind === "heading");
    throw new IngestError(
      doc.name,
      onlyHeadings || (parsed.title !== null && parsed.blocks.length === 0)
        ? "no article text: the file has only headings"
        : "no article text left after removing page furniture",
    );
  }
  const firstSection = lessons.find((lesson) => lesson.title !== OVERVIEW_TITLE)?.title ?? null;
  const title = parsed.title ?? titleFromFileName(doc.name) ?? firstSection ?? OVERVIEW_TITLE;
  return { key, title, source: doc.name, lessons };
}

/** "content/000_intro.txt" -> "000_intro". */
export function moduleKey(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]+$/, "") || base;
}

/**
 * A title from a file name when the document has none: "counter-terrorism_basics.md"
 * -> "Counter terrorism basics". Numbers and hash-like parts say nothing, so a
 * name made only of them ("000_d731a5bd8541e82c.txt") gives no title.
 */
export function titleFromFileName(name: string): string | null {
  const words = moduleKey(name)
    .split(/[\s_.\-]+/)
    .filter((w) => w !== "" && !/^\d+$/.test(w) && !(/^[0-9a-f]{6,}$/i.test(w) && /\d/.test(w)));
  if (words.length === 0 || !words.some((w) => /\p{L}{2,}/u.test(w))) return null;
  const text = collapseWhitespace(words.join(" "));
  return text[0].toUpperCase() + text.slice(1);
}
