/**
 * Markdown parsing: decoded text -> title + Block[], with the `marked` lexer
 * (tokens only; nothing is rendered to HTML). A lone leading `#` is the title;
 * `#` and `##` open lessons; `###` and deeper are sub-headings. Raw HTML in
 * the Markdown is reduced to its text.
 */
import { Lexer, type Token, type Tokens } from "marked";
import type { Block } from "./types";
import type { ParsedDocument } from "./parse-txt";
import { collapseWhitespace, stripMarkup } from "./text";

/**
 * marked's inline lexer slows down quadratically on runs of emphasis markers
 * ("*a *a *a ..."). Prose has a handful per paragraph; a paragraph with more
 * than this many gets the plain reading below instead of marked's.
 */
const MAX_INLINE_MARKERS = 64;

interface InlineJob {
  src: string;
  tokens: Token[];
}

/** marked.lexer, with the inline pass guarded against pathological paragraphs. */
function lex(source: string): Token[] {
  const lexer = new Lexer({ gfm: true });
  const tokens = lexer.blockTokens(limitTableSize(limitNesting(source)), []);
  // The block pass queues each paragraph's inline text; lex() would run them all unguarded.
  const queue = (lexer as unknown as { inlineQueue: InlineJob[] }).inlineQueue;
  for (const job of queue) {
    const markers = job.src.match(/[*_`[~]/g)?.length ?? 0;
    if (markers <= MAX_INLINE_MARKERS) lexer.inlineTokens(job.src, job.tokens);
    else job.tokens.push(...plainInline(job.src));
  }
  queue.length = 0;
  return tokens;
}

/** Deeper than this, nested lists and quotes read as siblings: marked recurses (and allocates) per level. */
const MAX_INDENT = 24;
const MAX_QUOTE_DEPTH = 8;

/** Clamps each line's indentation and blockquote depth; the text itself is untouched. */
function limitNesting(source: string): string {
  return source.replace(/^((?:[ \t]*>){9,})|^([ \t]{25,})/gm, (_whole, quotes: string | undefined, indent: string | undefined) =>
    quotes !== undefined ? "> ".repeat(MAX_QUOTE_DEPTH) : " ".repeat(MAX_INDENT),
  );
}

/**
 * A table is read up to its first MAX_TABLE_COLUMNS columns and MAX_TABLE_ROWS rows.
 * marked makes several objects for every cell: a 10 MB table one row deep (1.5 million
 * columns) took 22 s and 1.4 GB to parse, one two columns wide (500,000 rows) 630 MB,
 * before any question. No reader scrolls past a thousand columns or ten thousand rows.
 */
export const MAX_TABLE_COLUMNS = 1_000;
export const MAX_TABLE_ROWS = 10_000;

/**
 * Cuts each line after its MAX_TABLE_COLUMNS + 1'th "|", so that every row of a wide table
 * keeps the same first columns; and blanks the lines of a run of lines with a "|" (a table)
 * past its header, rule and MAX_TABLE_ROWS rows, so that later lines keep their numbers.
 */
function limitTableSize(source: string): string {
  let pipes = 0;
  for (let at = source.indexOf("|"); at >= 0 && pipes <= MAX_TABLE_COLUMNS; at = source.indexOf("|", at + 1)) pipes++;
  if (pipes <= MAX_TABLE_COLUMNS) return source;
  const lines = source.split("\n");
  let run = 0;
  for (let k = 0; k < lines.length; k++) {
    let at = lines[k].indexOf("|");
    run = at >= 0 ? run + 1 : 0;
    if (run > MAX_TABLE_ROWS + 2) {
      lines[k] = "";
      continue;
    }
    for (let n = 1; n <= MAX_TABLE_COLUMNS && at >= 0; n++) at = lines[k].indexOf("|", at + 1);
    if (at >= 0) lines[k] = lines[k].slice(0, at + 1);
  }
  return lines.join("\n");
}

/** A linear reading of Markdown inline syntax: link text kept, images and markers dropped, bold kept as emphasis. */
function plainInline(src: string): Token[] {
  const tokens: Token[] = [];
  const bold = /\*\*([^*\n]{1,120})\*\*|__([^_\n]{1,120})__/g;
  let last = 0;
  for (let match = bold.exec(src); match; match = bold.exec(src)) {
    if (match.index > last) tokens.push(plainText(src.slice(last, match.index)));
    const term = match[1] ?? match[2];
    tokens.push({ type: "strong", raw: match[0], text: term, tokens: [plainText(term)] });
    last = match.index + match[0].length;
  }
  if (last < src.length) tokens.push(plainText(src.slice(last)));
  return tokens;
}

function plainText(src: string): Tokens.Text {
  const text = src
    .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)/g, " ")
    .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g, "$1")
    .replace(/[*_`~]+/g, "");
  return { type: "text", raw: src, text };
}

export function parseMarkdown(source: string): ParsedDocument {
  const tokens = lex(source);
  const locate = lineLocator(source);
  const topHeadings = tokens.filter((t): t is Tokens.Heading => t.type === "heading");
  const firstHeading = topHeadings[0];
  const titleToken =
    firstHeading && firstHeading.depth === 1 && topHeadings.filter((t) => t.depth === 1).length === 1
      ? firstHeading
      : null;
  const blocks: Block[] = [];
  let title: string | null = null;
  for (const token of tokens) {
    const line = locate(token.raw);
    if (token === titleToken) {
      title = inlineText((token as Tokens.Heading).tokens).text || null;
      continue;
    }
    pushBlocks(token, line, blocks);
  }
  return { title, blocks, headingLevels: "explicit" };
}

function pushBlocks(token: Token, line: number, blocks: Block[]): void {
  switch (token.type) {
    case "heading": {
      const heading = token as Tokens.Heading;
      const text = inlineText(heading.tokens).text;
      if (text) blocks.push({ kind: "heading", level: heading.depth <= 2 ? 2 : 3, text, line });
      return;
    }
    case "paragraph": {
      const { text, emphasis } = inlineText((token as Tokens.Paragraph).tokens);
      if (text) blocks.push(emphasis.length > 0 ? { kind: "paragraph", text, line, emphasis } : { kind: "paragraph", text, line });
      return;
    }
    case "text": {
      const text = collapseWhitespace(decodeEntities(stripMarkup((token as Tokens.Text).text)));
      if (text) blocks.push({ kind: "paragraph", text, line });
      return;
    }
    case "list": {
      const list = token as Tokens.List;
      const items = listItems(list);
      if (items.length > 0) blocks.push({ kind: "list", ordered: list.ordered, items, line });
      return;
    }
    case "table": {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => inlineText(cell.tokens).text);
      const rows = table.rows.map((row) => row.map((cell) => inlineText(cell.tokens).text));
      blocks.push({ kind: "table", header: header.some((h) => h !== "") ? header : null, rows, line });
      return;
    }
    case "blockquote":
      for (const inner of (token as Tokens.Blockquote).tokens) pushBlocks(inner, line, blocks);
      return;
    case "code": {
      const text = collapseWhitespace((token as Tokens.Code).text);
      if (text) blocks.push({ kind: "paragraph", text, line });
      return;
    }
    case "html": {
      const text = collapseWhitespace(decodeEntities(stripMarkup((token as Tokens.HTML).text)));
      if (text) blocks.push({ kind: "paragraph", text, line });
      return;
    }
    default:
      return; // space, hr, def: no text
  }
}

function listItems(list: Tokens.List): string[] {
  const items: string[] = [];
  for (const item of list.items) {
    const own: Token[] = [];
    const nested: Tokens.List[] = [];
    for (const child of item.tokens) {
      if (child.type === "list") nested.push(child as Tokens.List);
      else own.push(child);
    }
    const text = collapseWhitespace(own.map((child) => blockInlineText(child)).join(" "));
    if (text) items.push(text);
    for (const inner of nested) items.push(...listItems(inner));
  }
  return items;
}

function blockInlineText(token: Token): string {
  if ("tokens" in token && Array.isArray(token.tokens)) return inlineText(token.tokens).text;
  return collapseWhitespace(decodeEntities(stripMarkup(String((token as Tokens.Generic).text ?? ""))));
}

/** Plain text of inline tokens, and the terms the author put in bold. */
function inlineText(tokens: Token[] | undefined): { text: string; emphasis: string[] } {
  const parts: string[] = [];
  const emphasis: string[] = [];
  const walk = (list: Token[] | undefined): void => {
    for (const token of list ?? []) {
      switch (token.type) {
        case "strong": {
          const before = parts.length;
          walk((token as Tokens.Strong).tokens);
          const term = collapseWhitespace(parts.slice(before).join(""));
          if (term) emphasis.push(term);
          break;
        }
        case "em":
        case "del":
        case "link":
          walk((token as Tokens.Em).tokens);
          break;
        case "image":
          break; // alt text is not article text
        case "br":
          parts.push(" ");
          break;
        case "html":
          parts.push(" "); // inline tags carry no text of their own
          break;
        case "codespan":
          parts.push((token as Tokens.Codespan).text);
          break;
        default: {
          const generic = token as Tokens.Generic;
          if (Array.isArray(generic.tokens) && generic.tokens.length > 0) walk(generic.tokens);
          else if (typeof generic.text === "string") parts.push(generic.text);
        }
      }
    }
  };
  walk(tokens);
  return {
    text: collapseWhitespace(decodeEntities(stripMarkup(parts.join("")))),
    emphasis: emphasis.map((term) => collapseWhitespace(decodeEntities(term))),
  };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
};

/** marked keeps character references as written; the lesson text wants the characters. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Returns the 1-based line of each successive raw token text, scanning forward once. */
function lineLocator(source: string): (raw: string) => number {
  let cursor = 0;
  let line = 1;
  return (raw: string) => {
    const at = raw ? source.indexOf(raw, cursor) : -1;
    if (at < 0) return line;
    for (let i = cursor; i < at; i++) if (source.charCodeAt(i) === 10) line++;
    cursor = at;
    // The token starts at `at`; leading newlines in raw belong to the gap before it.
    let startLine = line;
    for (let i = at; i < at + raw.length && source.charCodeAt(i) === 10; i++) startLine++;
    return startLine;
  };
}
