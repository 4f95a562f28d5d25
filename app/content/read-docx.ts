/**
 * Word documents: .docx bytes -> HTML, with mammoth. The HTML then takes the
 * same path as an uploaded .html file (parse-html.ts: a DOM, furniture
 * removed, only text kept), since mammoth does not sanitise (a `javascript:`
 * link passes through it). The archive is bounded before mammoth unpacks it.
 */
import mammoth from "mammoth";
import { DOCX_ZIP_LIMITS, assertZipWithinBounds, looksLikeZip, type ZipLimits } from "./zip-bounds";
import { IngestError } from "./types";

/**
 * Word's "Title" is the document's title (the HTML path's first h1) and its
 * "Heading 1" its sections: one level down from mammoth's defaults, where
 * the first section's heading would be taken for the title.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p.Heading1 => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p.Heading2 => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='heading 3'] => h4:fresh",
  "p.Heading3 => h4:fresh",
];

/** Images say nothing the question generator reads: never unpacked, never inlined as data. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function docxToHtml(name: string, bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): Promise<string> {
  if (!looksLikeZip(bytes)) throw new IngestError(name, "this is not a Word document (.docx files are zip archives; this one is not)");
  const entries = assertZipWithinBounds(name, bytes, limits);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new IngestError(name, "this zip archive is not a Word document (it has no word/document.xml)");
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false },
    );
    return result.value;
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new IngestError(name, `this Word document could not be read (${why.slice(0, 200)})`);
  }
}
