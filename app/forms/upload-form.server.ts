/**
 * The upload form: files and/or pasted text, read through the one form
 * reader (readForm) with the upload's own body bound, then held to explicit
 * bounds: each file within ingestion's size limit, ten files, 20 MB in all.
 * A file the request can already tell is bad (type, size, empty, binary, not
 * UTF-8, a .docx or PDF that does not begin as one) is refused here with its
 * reason, before anything is stored; the rest is found by the preparation.
 */
import { z } from "zod";
import { MAX_SOURCE_BYTES, describeSize } from "../content/read";
import { checkUpload, pastedFileName } from "../content/read-upload";
import { IngestError } from "../content/types";
import type { UploadedFile } from "../content/upload";
import { readForm } from "./parse-form.server";

export const UPLOAD_PATH = "/instructor/upload";
export const MAX_UPLOAD_FILES = 10;
/** Each file may be as large as ingestion allows; together, twice that. */
export const MAX_UPLOAD_FILE_BYTES = MAX_SOURCE_BYTES;
export const MAX_UPLOAD_TOTAL_BYTES = 2 * MAX_SOURCE_BYTES;
/** The files, plus room for multipart's part headers and the form's other fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_TOTAL_BYTES + 256 * 1024;
export const TITLE_MAX = 200;

const fieldsSchema = z.object({
  text: z.string().max(MAX_SOURCE_BYTES, `Pasted text may be at most ${describeSize(MAX_SOURCE_BYTES)}.`),
});

export type UploadFormResult =
  | { ok: true; files: UploadedFile[] }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null; values: Record<string, string> };

/** A file's name as the browser sent it, reduced to a plain base name (no folders, no control characters). */
export function uploadedName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
}

export async function readUploadForm(request: Request): Promise<UploadFormResult> {
  const formData = await readForm(request, UPLOAD_BODY_LIMIT);
  const rawText = formData.get("text");
  const parsed = fieldsSchema.safeParse({ text: typeof rawText === "string" ? rawText : "" });
  const values = { text: typeof rawText === "string" ? rawText.slice(0, 2000) : "" };
  if (!parsed.success) return { ok: false, fieldErrors: { text: parsed.error.issues[0].message }, formError: null, values };

  const files: UploadedFile[] = [];
  for (const entry of formData.getAll("files")) {
    // An empty file input still sends a part with no name and no bytes.
    if (typeof entry === "string" || (entry.name === "" && entry.size === 0)) continue;
    files.push({ name: uploadedName(entry.name) || "upload", bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const fileError = checkUploadedFiles(files);
  if (fileError) return { ok: false, fieldErrors: { files: fileError }, formError: null, values };

  const text = parsed.data.text;
  if (text.trim() !== "") {
    const pasted = { name: pastedFileName(text), bytes: new TextEncoder().encode(text) };
    const pastedError = refusalOf(pasted);
    if (pastedError) return { ok: false, fieldErrors: { text: pastedError.replace(/^Pasted text\.(md|txt)/, "Pasted text") }, formError: null, values };
    files.push(pasted);
  }
  if (files.length === 0) return { ok: false, fieldErrors: {}, formError: "Choose a file to upload or paste some text.", values };
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_UPLOAD_TOTAL_BYTES) {
    return {
      ok: false,
      fieldErrors: {},
      formError: `Together these are ${describeSize(total)}; one upload may bring at most ${describeSize(MAX_UPLOAD_TOTAL_BYTES)}.`,
      values,
    };
  }
  return { ok: true, files };
}

/** The reason the uploaded files are refused (the first bad one's, by name), or null. */
export function checkUploadedFiles(files: UploadedFile[]): string | null {
  if (files.length > MAX_UPLOAD_FILES) return `Choose at most ${MAX_UPLOAD_FILES} files at a time (you chose ${files.length}).`;
  for (const file of files) {
    const refusal = refusalOf(file);
    if (refusal) return refusal;
  }
  return null;
}

function refusalOf(file: UploadedFile): string | null {
  try {
    checkUpload(file.name, file.bytes);
    return null;
  } catch (error) {
    if (error instanceof IngestError) return `${error.message}.`;
    throw error;
  }
}
