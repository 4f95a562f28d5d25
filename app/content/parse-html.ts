/**
 * HTML parsing: decoded text -> title + Block[], through a real DOM (linkedom)
 * and article extraction (@mozilla/readability). Page furniture (scripts,
 * styles, forms, navigation, asides, footers, cookie banners, share bars,
 * related-article boxes, ads) is removed before extraction; only text leaves
 * this module, never markup.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import type { Block } from "./types";
import type { ParsedDocument } from "./parse-txt";
import { collapseWhitespace, normaliseForComparison, removeHiddenElements, stripMarkup } from "./text";

/** Elements that never hold article text. */
const NEVER_TEXT =
  "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, canvas, math, video, audio, map, form, button, input, select, textarea, label, nav, aside, footer, dialog, menu, link, meta, base";

const FURNITURE_ROLES = "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], [role=dialog], [role=alertdialog], [aria-hidden=true], [hidden]";

/** class/id words used for page furniture by virtually every CMS and theme. */
const FURNITURE_NAME =
  /(^|[-_\s])(cookies?|consent|gdpr|banner|advert\w*|ads?|adsense|sponsor\w*|promo\w*|share|sharing|social|newsletter|subscribe|signup|related|recommend\w*|read-?more|breadcrumbs?|comments?|respond|popup|modal|overlay|sidebar|widget|footer|byline|author-?bio|print|toolbar|disclaimer)($|[-_\s])/i;

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE",
  "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);

/** Pages nest a few dozen elements deep; thousands of levels are a malformed or hostile page. */
export const MAX_HTML_DEPTH = 400;

/** A page whose structure cannot be read; the pipeline reports it against the file. */
export class HtmlStructureError extends Error {}

/** Elements with no end tag, or whose end tag browsers infer: they do not deepen the tree. */
const NON_NESTING = new Set(
  "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp !doctype".split(" "),
);

/** Open minus closed tags, ignoring the ones above: a linear, conservative guess at the tree's depth. */
function estimatedDepth(source: string): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    if (match[3] === "/" || NON_NESTING.has(match[2].toLowerCase())) continue;
    depth = match[1] === "/" ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

function maxDepth(root: Element | null): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_HTML_DEPTH) break;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function parseHtml(source: string): ParsedDocument {
  // linkedom builds no <body> for a bare fragment; give it one.
  const page = /<(html|body)[\s>]/i.test(source) ? source : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const estimate = estimatedDepth(removeHiddenElements(source));
  if (estimate > MAX_HTML_DEPTH) {
    // Checked before parsing: building a tree thousands of levels deep is itself slow.
    throw new HtmlStructureError(`HTML is nested too deeply (about ${estimate} levels; the limit is ${MAX_HTML_DEPTH})`);
  }
  const { document } = parseHTML(page);
  const depth = maxDepth(document.documentElement);
  if (depth > MAX_HTML_DEPTH) {
    // Article extraction walks the tree recursively; real pages stay far below this.
    throw new HtmlStructureError(`HTML is nested too deeply (${depth} levels; the limit is ${MAX_HTML_DEPTH})`);
  }
  const pageTitle = collapseWhitespace(document.querySelector("title")?.textContent ?? "");
  const firstH1 = collapseWhitespace(document.querySelector("h1")?.textContent ?? "");
  removeFurniture(document);

  const bodyText = collapseWhitespace(document.body?.textContent ?? "");
  let root: Element | null = null;
  if (bodyText.length > 0) {
    try {
      const article = new Readability<Element>(document.cloneNode(true) as Document, {
        charThreshold: 0,
        serializer: (node) => node as Element,
      }).parse();
      root = article?.content ?? null;
    } catch {
      root = null; // extraction is an improvement, not a requirement: fall back to the cleaned body
    }
    // Readability can settle on one block of a short page; never lose more than half the text.
    if (!root || collapseWhitespace(root.textContent ?? "").length < bodyText.length * 0.5) root = document.body;
  }

  const title = firstH1 || pageTitle || null;
  const blocks: Block[] = [];
  if (root) new BlockCollector(source, blocks).collect(root);
  // The page's own title often repeats as the article's first heading.
  const titleKey = title ? normaliseForComparison(title) : "";
  const withoutTitle = blocks.filter(
    (block, index) => !(index < 3 && block.kind === "heading" && normaliseForComparison(block.text) === titleKey),
  );
  return { title, blocks: withoutTitle, headingLevels: "explicit" };
}

function removeFurniture(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(`${NEVER_TEXT}, ${FURNITURE_ROLES}`))) element.remove();
  const bodyLength = (document.body?.textContent ?? "").length;
  for (const element of Array.from(document.querySelectorAll("[class], [id]"))) {
    if (!element.isConnected || ["HTML", "BODY", "MAIN", "ARTICLE"].includes(element.tagName)) continue;
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (!FURNITURE_NAME.test(names)) continue;
    // A wrapper holding most of the page is the article itself, whatever its class says.
    if ((element.textContent ?? "").length > bodyLength * 0.5) continue;
    element.remove();
  }
  // The header of the page (not of the article) carries the site name and menus.
  for (const header of Array.from(document.querySelectorAll("header"))) {
    if (!header.closest("article, main")) header.remove();
  }
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
    }
  }
}

const LOCATE_WINDOW = 64 * 1024;

/** Walks the extracted article in reading order, emitting paragraphs, lists, tables and headings. */
class BlockCollector {
  private inline: string[] = [];
  private emphasis: string[] = [];
  private cursor: number;
  private line = 1;

  constructor(
    private readonly source: string,
    private readonly blocks: Block[],
  ) {
    const body = source.search(/<body[\s>]/i);
    this.cursor = 0;
    if (body > 0) this.advanceTo(body);
  }

  collect(root: Element): void {
    this.walk(root);
    this.flush();
  }

  private walk(element: Element): void {
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType === 3) {
        this.inline.push(node.textContent ?? "");
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (!BLOCK_TAGS.has(tag)) {
        if (tag === "BR") this.inline.push(" ");
        else if (tag === "STRONG" || tag === "B" || tag === "DFN") {
          const term = collapseWhitespace(child.textContent ?? "");
          if (term) this.emphasis.push(term);
          this.inline.push(child.textContent ?? "");
        } else if (tag !== "IMG") this.walk(child);
        continue;
      }
      this.flush();
      if (/^H[1-6]$/.test(tag)) {
        const text = clean(child.textContent);
        if (text) this.blocks.push({ kind: "heading", level: tag <= "H2" ? 2 : 3, text, line: this.locate(text) });
      } else if (tag === "UL" || tag === "OL") {
        const items = listItems(child);
        if (items.length > 0) this.blocks.push({ kind: "list", ordered: tag === "OL", items, line: this.locate(items[0]) });
      } else if (tag === "TABLE") {
        this.table(child);
      } else if (tag === "HR") {
        // no text
      } else {
        this.walk(child);
        this.flush();
      }
    }
  }

  private flush(): void {
    const text = clean(this.inline.join(""));
    this.inline = [];
    const emphasis = this.emphasis;
    this.emphasis = [];
    if (!text) return;
    const line = this.locate(text);
    this.blocks.push(emphasis.length > 0 ? { kind: "paragraph", text, line, emphasis } : { kind: "paragraph", text, line });
  }

  private table(table: Element): void {
    const rows: string[][] = [];
    let header: string[] | null = null;
    for (const row of Array.from(table.querySelectorAll("tr"))) {
      const cells = Array.from(row.children).filter((cell) => cell.tagName === "TD" || cell.tagName === "TH");
      const texts = cells.map((cell) => clean(cell.textContent));
      if (texts.every((t) => t === "")) continue;
      const allHeaderCells = cells.every((cell) => cell.tagName === "TH");
      if (header === null && rows.length === 0 && allHeaderCells) header = texts;
      else rows.push(texts);
    }
    if (rows.length > 0 || header) {
      this.blocks.push({ kind: "table", header, rows, line: this.locate((header ?? rows[0])[0] ?? "") });
    }
  }

  /**
   * Line of the block in the source: where its first words (else its first
   * word) next occur after the previous block. An estimate that never goes backwards.
   */
  private locate(text: string): number {
    const words: string[] = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return this.line;
    // Search a window ahead, not the rest of the file: a block whose text was
    // encoded differently in the source must not cost a scan of the whole page.
    const ahead = this.source.slice(this.cursor, this.cursor + LOCATE_WINDOW);
    let at = new RegExp(words.slice(0, 4).join("[^\\p{L}\\p{N}<]+"), "u").exec(ahead)?.index ?? -1;
    if (at < 0) at = ahead.indexOf(words[0]);
    if (at >= 0) this.advanceTo(this.cursor + at);
    return this.line;
  }

  private advanceTo(offset: number): void {
    for (let i = this.cursor; i < offset; i++) if (this.source.charCodeAt(i) === 10) this.line++;
    this.cursor = offset;
  }
}

function listItems(list: Element): string[] {
  const items: string[] = [];
  for (const item of Array.from(list.children)) {
    if (item.tagName !== "LI") continue;
    const nested = Array.from(item.querySelectorAll("ul, ol"));
    const clone = item.cloneNode(true) as Element;
    for (const inner of Array.from(clone.querySelectorAll("ul, ol"))) inner.remove();
    const text = clean(clone.textContent);
    if (text) items.push(text);
    for (const inner of nested) if (inner.parentElement?.closest("li") === item) items.push(...listItems(inner));
  }
  return items;
}

function clean(text: string | null | undefined): string {
  return collapseWhitespace(stripMarkup(text ?? ""));
}
