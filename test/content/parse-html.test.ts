import { parseHtml } from "~/content/parse-html";
import type { Block } from "~/content/types";

const words = (blocks: Block[]) => JSON.stringify(blocks);
const filler = "This sentence adds enough ordinary article text for extraction to treat the block as content.";

const page = `<!doctype html><html><head><title>Tide Pools | Coastline Weekly</title>
<script>window.track = 1</script><style>.x{}</style></head>
<body onload="evil()">
<header><nav><a href="/">Home</a> <a href="/topics">Topics</a></nav></header>
<div id="cookie-consent">We use cookies. <button onclick="ok()">Accept</button></div>
<article>
<h1>Tide Pools</h1>
<div class="social-share"><a>Share on Facebook</a></div>
<p>A tide pool is a rocky basin the sea fills at <strong>high tide</strong>. ${filler}</p>
<h2>Who Lives There</h2>
<p onmouseover="steal()">Anemones, crabs and limpets cope with heat and waves. ${filler}</p>
<h3>Anemones</h3>
<p>They close up when the water drains away. ${filler}</p>
<h2>Visiting Safely</h2>
<ol><li>Check the tide table</li><li>Step on bare rock <img src="x" onerror="alert(1)"></li></ol>
<table><thead><tr><th>Characteristics</th><th>Values</th></tr></thead><tbody><tr><td>Lowest tides of the year</td><td>March</td></tr></tbody></table>
</article>
<aside class="related"><h3>More like this</h3><p>Sea glass hunting</p></aside>
<footer>© Coastline Weekly</footer>
</body></html>`;

describe("parseHtml", () => {
  const doc = parseHtml(page);

  it("takes the title from the page's h1 and does not repeat it as a heading", () => {
    expect(doc.title).toBe("Tide Pools");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual([
      "Who Lives There",
      "Anemones",
      "Visiting Safely",
    ]);
  });

  it("maps h2 to sections and h3 to sub-headings", () => {
    const levels = doc.blocks.flatMap((b) => (b.kind === "heading" ? [b.level] : []));
    expect(levels).toEqual([2, 3, 2]);
  });

  it("drops navigation, cookie banners, share bars, related boxes, footers and scripts", () => {
    const all = words(doc.blocks);
    for (const furniture of ["Topics", "cookies", "Share on Facebook", "Sea glass", "Coastline Weekly", "window.track", "Accept"]) {
      expect(all).not.toContain(furniture);
    }
  });

  it("outputs text only: no tags and no event handlers", () => {
    const all = words(doc.blocks);
    expect(all).not.toMatch(/<[a-z]/i);
    expect(all).not.toMatch(/onerror|onmouseover|onload|alert|steal/);
  });

  it("keeps paragraphs with their bold terms, lists and tables", () => {
    expect(doc.blocks[0]).toMatchObject({ kind: "paragraph", emphasis: ["high tide"] });
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: "list", ordered: true, items: ["Check the tide table", "Step on bare rock"] }));
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({ kind: "table", header: ["Characteristics", "Values"], rows: [["Lowest tides of the year", "March"]] }),
    );
  });

  it("estimates each block's source line", () => {
    const heading = doc.blocks.find((b) => b.kind === "heading" && b.text === "Visiting Safely");
    const lineOf = page.split("\n").findIndex((l) => l.includes("<h2>Visiting Safely")) + 1;
    expect(heading?.line).toBe(lineOf);
  });

  it("reads a fragment without html/head/body and a page with no article at all", () => {
    expect(parseHtml("<p>Just one paragraph here.</p>").blocks).toEqual([
      expect.objectContaining({ kind: "paragraph", text: "Just one paragraph here." }),
    ]);
    expect(parseHtml("<html><body><script>x()</script></body></html>").blocks).toEqual([]);
  });
});

describe("parseHtml on hostile structure", () => {
  it("refuses a page nested thousands of levels deep quickly, with a clear message", () => {
    const deep = `<html><body>${"<div>".repeat(5000)}<p>Deep.</p>${"</div>".repeat(5000)}</body></html>`;
    expect(() => parseHtml(deep)).toThrow(/nested too deeply/);
    expect(() => parseHtml(`<p>${"<b>".repeat(5000)}never closed`)).toThrow(/nested too deeply/);
  });

  it("reads sloppy but ordinary HTML with many unclosed paragraphs and list items", () => {
    const sloppy = `<html><body>${"<p>A paragraph left open.".repeat(2000)}<ul>${"<li>item".repeat(500)}</ul></body></html>`;
    const blocks = parseHtml(sloppy).blocks;
    expect(blocks.filter((b) => b.kind === "paragraph").length).toBe(2000);
    expect(blocks.find((b) => b.kind === "list")).toMatchObject({ items: expect.arrayContaining(["item"]) });
  });

  it("ignores tag-like text inside scripts when judging depth", () => {
    const page = `<html><body><script>${'s += "<div>";'.repeat(1000)}</script><p>Fine text.</p></body></html>`;
    expect(parseHtml(page).blocks).toEqual([expect.objectContaining({ kind: "paragraph", text: "Fine text." })]);
  });
});
