/**
 * Reading what an instructor uploads: the text formats content/ reads
 * (read.ts), plus Word documents and PDFs, which are turned into HTML and
 * then read exactly as an uploaded .html file is. Owns the list of types an
 * upload may be and the quick checks a request can make before any of the
 * slow work is queued.
 */
import { docxToHtml } from "./read-docx";
import { looksLikePdf, pdfToHtml } from "./read-pdf";
import { assertReadableSize, formatOf, readExtractedText, readSource } from "./read";
import { looksLikeZip } from "./zip-bounds";
import { IngestError, type SourceDocument } from "./types";

/** Said when reading fails for a reason no refusal names (a bug, not the file's fault: it is logged). */
export const UNREADABLE_MESSAGE = "This material could not be read into lessons; nothing was published.";

export type UploadFormat = "txt" | "md" | "html" | "docx" | "pdf";

/** For the file input's `accept` and for messages. */
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".docx", ".pdf"] as const;

export function uploadFormatOf(name: string): UploadFormat | null {
  const text = formatOf(name);
  if (text) return text;
  const match = /\.(docx|pdf)$/i.exec(name);
  return match ? (match[1].toLowerCase() as UploadFormat) : null;
}

function formatOrRefuse(name: string): UploadFormat {
  const format = uploadFormatOf(name);
  if (!format) throw new IngestError(name, `unsupported file type (expected ${UPLOAD_EXTENSIONS.join(", ")})`);
  return format;
}

/**
 * The refusals a request can make at once, before queueing the file: its
 * type, its size, emptiness, and for text its encoding; a Word document or a
 * PDF must at least begin as one. Throws IngestError.
 */
export function checkUpload(name: string, bytes: Uint8Array): void {
  const format = formatOrRefuse(name);
  assertReadableSize(name, bytes.length);
  if (format === "docx" && !looksLikeZip(bytes)) {
    throw new IngestError(name, "this is not a Word document (.docx files are zip archives; this one is not)");
  }
  if (format === "pdf" && !looksLikePdf(bytes)) throw new IngestError(name, "this is not a PDF (it does not begin as one)");
  if (format !== "docx" && format !== "pdf") readSource(name, bytes);
}

/** One uploaded file -> the document the pipeline parses. Throws IngestError with the reason a file is refused. */
export async function readUpload(name: string, bytes: Uint8Array): Promise<SourceDocument> {
  const format = formatOrRefuse(name);
  assertReadableSize(name, bytes.length);
  if (format === "docx") return readExtractedText(name, "html", await docxToHtml(name, bytes));
  if (format === "pdf") return readExtractedText(name, "html", await pdfToHtml(name, bytes));
  return readSource(name, bytes);
}

/** Pasted text is Markdown when it has Markdown's headings, else plain text (whose headings are found by their shape). */
export function pastedFileName(text: string): string {
  return /^#{1,6}\s+\S/m.test(text) ? "Pasted text.md" : "Pasted text.txt";
}
