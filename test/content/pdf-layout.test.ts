/**
 * A PDF's text runs -> HTML: headings by font height, paragraphs by gaps,
 * running heads and page numbers dropped, words broken at a line's end
 * mended, text always escaped.
 */
import { describe, expect, it } from "vitest";
import { joinLines, pdfRunsToHtml, type PdfTextRun } from "../../app/content/pdf-layout";

/** A page's lines, top-down, each at its size with 1.5 times the body's spacing; "" is a blank line. */
function page(lines: Array<[string, number]>, top = 760): PdfTextRun[] {
  let y = top;
  return lines.flatMap(([text, height]) => {
    y -= 16;
    return text === "" ? [] : [{ text, x: 72, y, width: text.length * height * 0.5, height, endOfLine: true }];
  });
}

const body = (html: string) => html.replace(/^[\s\S]*<body>\n?|\n?<\/body>[\s\S]*$/g, "").split("\n");

describe("a PDF's text as HTML", () => {
  it("gives the largest size h1 only when it is used once, as a title", () => {
    const titled = pdfRunsToHtml([page([["A Title", 24], ["Section", 16], ["Some body text here.", 11], ["Sub part", 13], ["More body text.", 11]])]);
    expect(body(titled)).toEqual(["<h1>A Title</h1>", "<h2>Section</h2>", "<p>Some body text here.</p>", "<h3>Sub part</h3>", "<p>More body text.</p>"]);
    const chapters = pdfRunsToHtml([page([["Chapter one", 20], ["Body text of chapter one.", 11], ["Chapter two", 20], ["Body text of chapter two.", 11]])]);
    expect(body(chapters)).toEqual(["<h2>Chapter one</h2>", "<p>Body text of chapter one.</p>", "<h2>Chapter two</h2>", "<p>Body text of chapter two.</p>"]);
  });

  it("joins a heading set over two lines", () => {
    const html = pdfRunsToHtml([page([["The long history of", 16], ["the river Nile", 16], ["The body of the text is set smaller than", 11], ["its headings, as in any book.", 11]])]);
    // The one heading, on the first page: the document's title.
    expect(body(html)[0]).toBe("<h1>The long history of the river Nile</h1>");
  });

  it("drops page numbers and what repeats on most pages", () => {
    const words = ["one", "two", "three", "four"];
    const pages = words.map((w, n) => page([["Rivers: a course", 9], [`Text of page ${w} goes on here.`, 11], ["", 11], [`Every page has its own text.`, 11], [`And it ends on page ${w}.`, 11], ["", 11], [`Last words of page ${w}.`, 11], [String(n + 1), 9]]));
    const html = pdfRunsToHtml(pages);
    expect(html).not.toContain("Rivers: a course");
    expect(html).not.toMatch(/<p>\d<\/p>/);
    expect(html).toContain("<p>Text of page one goes on here.</p>");
    // Body text that repeats is text: only a page's first and last lines can be running heads and feet.
    expect(html.match(/Every page has its own text\./g)).toHaveLength(4);
  });

  it("reads bullets as a list and mends a word broken at a line's end", () => {
    const html = pdfRunsToHtml([page([["The delta feeds many", 11], ["farms with its wa-", 11], ["ter every year.", 11], ["", 11], ["• Cotton", 11], ["• Wheat", 11]])]);
    expect(body(html)).toEqual(["<p>The delta feeds many farms with its water every year.</p>", "<ul><li>Cotton</li><li>Wheat</li></ul>"]);
    expect(joinLines(["well-", "Known"])).toBe("well- Known");
  });

  it("escapes the text, so nothing in a PDF becomes markup", () => {
    const html = pdfRunsToHtml([page([["<script>alert(1)</script> & more", 11]])]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).not.toContain("<script>");
  });
});
