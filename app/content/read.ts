/**
 * Reading: raw bytes of one file -> SourceDocument (format known, text decoded,
 * line endings normalised). Owns every refusal of a file as a whole: too large,
 * empty, binary, not UTF-8, or of a type we do not read.
 */
import { IngestError, type SourceDocument, type SourceFormat } from "./types";

/** Articles are tens of kilobytes; ten megabytes leaves room for long books without risking memory. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  xhtml: "html",
};

export function formatOf(name: string): SourceFormat | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match ? (FORMAT_BY_EXTENSION[match[1].toLowerCase()] ?? null) : null;
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Refuses a file by its size alone, so a caller can check before reading it. */
export function assertReadableSize(name: string, size: number): void {
  if (size > MAX_SOURCE_BYTES) {
    throw new IngestError(
      name,
      `file is too large (${describeSize(size)}; the limit is ${describeSize(MAX_SOURCE_BYTES)})`,
    );
  }
  if (size === 0) throw new IngestError(name, "file is empty");
}

export function readSource(name: string, bytes: Uint8Array): SourceDocument {
  const format = formatOf(name);
  if (!format) {
    throw new IngestError(name, "unsupported file type (expected .txt, .md or .html)");
  }
  assertReadableSize(name, bytes.length);
  return checkedText(name, format, decode(name, bytes));
}

/**
 * Text another reader extracted from a file (a .docx's HTML, a PDF's text as
 * HTML), held to the same rules as a file's own text: the limit applies to
 * what was extracted, so a small compressed file cannot bring more.
 */
export function readExtractedText(name: string, format: SourceFormat, text: string): SourceDocument {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_SOURCE_BYTES) {
    throw new IngestError(
      name,
      `the text in this file is too large (${describeSize(size)} once extracted; the limit is ${describeSize(MAX_SOURCE_BYTES)})`,
    );
  }
  if (text.trim() === "") throw new IngestError(name, "no text found in this file");
  return checkedText(name, format, text);
}

function checkedText(name: string, format: SourceFormat, decoded: string): SourceDocument {
  const text = normaliseLineEndings(decoded);
  if (text.trim() === "") throw new IngestError(name, "file is empty (only whitespace)");
  if (looksBinary(text)) throw new IngestError(name, "file looks binary, not text");
  return { name, format, text };
}

function decode(name: string, bytes: Uint8Array): string {
  // A UTF-16 byte-order mark is the one reliable sign of a non-UTF-8 text file; honour it.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict(name, bytes, "utf-16le");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict(name, bytes, "utf-16be");
  // NUL bytes never occur in UTF-8 text; they are the quickest sign of a binary file.
  if (bytes.indexOf(0) !== -1) throw new IngestError(name, "file looks binary, not text (it contains NUL bytes)");
  return decodeStrict(name, bytes, "utf-8");
}

function decodeStrict(name: string, bytes: Uint8Array, encoding: string): string {
  try {
    // ignoreBOM: false (the default) drops a leading byte-order mark.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const offset = encoding === "utf-8" ? firstInvalidUtf8Offset(bytes) : -1;
    const where = offset >= 0 ? ` (first bad byte at offset ${offset})` : "";
    throw new IngestError(name, `file is not valid ${encoding.toUpperCase()} text${where}`);
  }
}

/** Byte offset of the first malformed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** CRLF, lone CR and the Unicode line/paragraph separators all become \n. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/^\ufeff/, "").replace(/\r\n?|\u2028|\u2029|\u0085/g, "\n");
}

/** More than 1% control characters (other than tab, newline, form feed) means it is not prose. */
function looksBinary(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g);
  return controls !== null && controls.length > Math.max(2, text.length / 100);
}
