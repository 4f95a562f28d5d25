/**
 * PDFs: bytes -> HTML (pdf-layout.ts) with pdfjs-dist's Node build. Bounded
 * by pages and by the text extracted, and refused with a message a person
 * understands when it is protected, damaged or holds no text (a scan).
 */
import { MAX_SOURCE_BYTES, describeSize } from "./read";
import { pdfRunsToHtml, type PdfTextRun } from "./pdf-layout";
import { IngestError } from "./types";

/** A long textbook has a few hundred pages; ten thousand is not reading material. */
export const MAX_PDF_PAGES = 1_000;

export function looksLikePdf(bytes: Uint8Array): boolean {
  // "%PDF-" must be in the first kilobyte.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

export async function pdfToHtml(name: string, bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<string> {
  if (!looksLikePdf(bytes)) throw new IngestError(name, "this is not a PDF (it does not begin as one)");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given: give it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const kind = (error as { name?: string }).name;
    throw new IngestError(
      name,
      kind === "PasswordException"
        ? "this PDF is protected by a password; save an unprotected copy and upload that"
        : "this PDF could not be read (it is damaged or not really a PDF)",
    );
  }
  try {
    if (document.numPages > maxPages) {
      throw new IngestError(name, `this PDF has ${document.numPages.toLocaleString("en")} pages; the limit is ${maxPages.toLocaleString("en")}`);
    }
    const pages: PdfTextRun[][] = [];
    let size = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [, , c, d, x, y] = item.transform as number[];
        runs.push({ text: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), endOfLine: item.hasEOL });
        size += item.str.length;
      }
      page.cleanup();
      // Checked as pages are read, so a huge PDF stops early rather than at its end.
      if (size > MAX_SOURCE_BYTES) {
        throw new IngestError(name, `the text in this PDF is too large (over ${describeSize(MAX_SOURCE_BYTES)}, the limit)`);
      }
      pages.push(runs);
    }
    if (pages.every((runs) => runs.every((run) => run.text.trim() === ""))) {
      throw new IngestError(name, "this PDF has no text to read (a scanned document holds only pictures of its pages)");
    }
    return pdfRunsToHtml(pages);
  } finally {
    await document.destroy();
  }
}
