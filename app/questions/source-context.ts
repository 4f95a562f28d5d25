/**
 * Where a question's source sentence stands in its lesson: the block of the
 * lesson (a paragraph, a list item, a table cell) that holds it, cut into
 * the text before the sentence, the sentence and the text after, so a page
 * can mark the sentence and escape every part. Pure.
 */
import type { Block } from "../content/types";

export interface SourceContext {
  before: string;
  sentence: string;
  after: string;
}

/** The texts of a lesson's blocks, in reading order: each paragraph, heading, list item and table cell. */
function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        return [block.text];
      case "list":
        return block.items;
      case "table":
        return [...(block.header ?? []), ...block.rows.flat()];
    }
  });
}

/**
 * The block holding `sentence`, cut around it; white space may differ between the two. Null
 * when no block holds it (a hand-written question has no sentence, a sentence may join cells).
 */
export function sourceContext(blocks: readonly Block[], sentence: string): SourceContext | null {
  const wanted = sentence.trim();
  if (!wanted) return null;
  const words = wanted.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const loose = new RegExp(words.join("\\s+"));
  for (const text of blockTexts(blocks)) {
    const match = loose.exec(text);
    if (match) return { before: text.slice(0, match.index), sentence: match[0], after: text.slice(match.index + match[0].length) };
  }
  return null;
}
