/**
 * Bounds on a zip archive (a .docx is one) before anything unpacks it: a few
 * kilobytes of deflated zeros can unpack to gigabytes (a "zip bomb"). Reads
 * the archive's central directory, refuses too many entries or too many
 * declared bytes, then inflates each entry with its declared size as a hard
 * ceiling, so an entry that lies about its size is caught without ever
 * holding more than it declared.
 */
import { inflateRawSync } from "node:zlib";
import { describeSize } from "./read";
import { IngestError } from "./types";

export interface ZipLimits {
  /** Word writes a few dozen parts; thousands are not a document. */
  entries: number;
  /** The most bytes all entries may unpack to, together. */
  unpackedBytes: number;
}

/**
 * A .docx's XML is verbose (ten times its text, or more with heavy formatting)
 * and its text is held to the 10 MB ingestion limit once extracted: 200 MB of
 * parts is room for that, and not for a bomb.
 */
export const DOCX_ZIP_LIMITS: ZipLimits = { entries: 5_000, unpackedBytes: 200 * 1024 * 1024 };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_RECORD_SEARCH = 22 + 0xffff;

const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Whether the bytes begin as a zip archive does. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The archive's entries as its central directory lists them; throws IngestError when it cannot be read. */
export function zipEntries(name: string, bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new IngestError(name, `this file is not a readable zip archive (${why})`);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_RECORD_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged("no end of central directory");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // Zip64 marks these fields as 0xFFFF…; no Word document needs it.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw damaged("a zip64 archive, larger than any document");
  if (count > limits.entries) {
    throw new IngestError(name, `this archive holds ${count} parts; a document has at most ${limits.entries}`);
  }
  if (directoryOffset + directorySize > end) throw damaged("its directory points outside the file");
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) throw damaged("a broken directory entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses an archive that holds too many entries, declares too many unpacked
 * bytes, or has an entry that unpacks to more than it declares. Memory stays
 * within the largest declared entry, itself within the limit.
 */
export function assertZipWithinBounds(name: string, bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const entries = zipEntries(name, bytes, limits);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.unpackedBytes) {
    throw new IngestError(
      name,
      `this file unpacks to ${describeSize(declared)}; a document may unpack to at most ${describeSize(limits.unpackedBytes)}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw new IngestError(name, `this file is not a readable zip archive (part ${entry.name} is missing)`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) {
      throw new IngestError(name, `this file is not a readable zip archive (part ${entry.name} is cut short)`);
    }
    if (entry.method === STORED) continue;
    if (entry.method !== DEFLATED) {
      throw new IngestError(name, `part ${entry.name} is packed in a way documents never are (method ${entry.method})`);
    }
    try {
      // maxOutputLength stops inflating past the declared size: a lying entry costs no more than an honest one.
      inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      throw new IngestError(
        name,
        tooLarge
          ? `part ${entry.name} unpacks to more than it declares (a file built to exhaust memory?)`
          : `this file is not a readable zip archive (part ${entry.name} is damaged)`,
      );
    }
  }
  return entries;
}
