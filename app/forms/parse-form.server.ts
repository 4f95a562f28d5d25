/**
 * Reading a form: the one way an action takes its input.
 *
 * `parseForm(request, schema)` reads an HTML form post and validates it with
 * a zod schema; invalid input comes back as the FormErrorPayload with status
 * 400 for the page to show, never a thrown 500. A request that is not an HTML
 * form post at all (another method, a JSON or text body, a body over the
 * limit, a body that cannot be read) is refused with a 4xx Response and a
 * plain message: there is no form to show errors beside.
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FormErrorPayload } from "./form-error";

/**
 * The largest form body read. Cairn's forms are a few fields of at most a
 * few hundred characters; server.js refuses larger bodies before the app
 * reads them, and this bound holds where server.js is not in front (tests).
 */
export const FORM_BODY_LIMIT = 64 * 1024;

/** server.js marks a body it cut off at the limit with this error code. */
export const BODY_TOO_LARGE = "CAIRN_BODY_TOO_LARGE";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refusal(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

const tooLarge = (limit: number) =>
  refusal(413, `This request is too large: at most ${limit >= 1024 * 1024 ? `${(limit / (1024 * 1024)).toFixed(1)} MB` : `${limit / 1024} KB`} is accepted.`);

/** The body's bytes, at most `limit` of them; a longer body is refused with 413. */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    if ((error as { code?: unknown } | null)?.code === BODY_TOO_LARGE) throw tooLarge(limit);
    throw refusal(400, "The form could not be read: the request ended before it was all sent.");
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The request's form fields, or a thrown 4xx Response when it is not an HTML form post. */
export async function readForm(request: Request, limit = FORM_BODY_LIMIT): Promise<FormData> {
  if (request.method !== "POST") {
    throw refusal(405, `This page accepts forms sent with POST, not ${request.method}.`, { Allow: "GET, POST" });
  }
  const type = request.headers.get("Content-Type") ?? "";
  const mediaType = type.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) {
    throw refusal(415, `This page accepts HTML form posts (${FORM_TYPES.join(" or ")}), not ${mediaType || "a body without a type"}.`);
  }
  const body = await readBody(request, limit);
  try {
    return await new Response(body.buffer as ArrayBuffer, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw refusal(400, "The form could not be read: its body does not match its Content-Type.");
  }
}

/**
 * A JSON body, for the one endpoint that takes one (an attempt's answer
 * saves, sent by the page's script): POST with Content-Type
 * application/json, at most `limit` bytes, valid JSON. Anything else is the
 * same 4xx Response readForm gives.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  if (request.method !== "POST") {
    throw refusal(405, `This address accepts POST, not ${request.method}.`, { Allow: "GET, POST" });
  }
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") throw refusal(415, `This address accepts application/json, not ${mediaType || "a body without a type"}.`);
  const body = await readBody(request, limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as unknown;
  } catch {
    throw refusal(400, "The body is not valid JSON.");
  }
}

function echoedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === "string" && !/password/i.test(name)) values[name] = value.slice(0, 500);
  }
  return values;
}

/** The FormErrorPayload as an action's result, with its status. */
export function formErrors(
  errors: { fieldErrors?: Record<string, string>; formError?: string | null; values?: Record<string, string> },
  status = 400,
) {
  const payload: FormErrorPayload = {
    status: "error",
    fieldErrors: errors.fieldErrors ?? {},
    formError: errors.formError ?? null,
    values: errors.values ?? {},
  };
  return data(payload, { status });
}

/**
 * A schema option for forms with an intent or hidden fields only (a forged or
 * stale page sends something else): one message for the form as a whole.
 */
export const unreadableForm = { errorMap: () => ({ message: "This form could not be read; reload the page and try again." }) };

export type ParsedForm<Output> =
  | { ok: true; data: Output; values: Record<string, string> }
  | { ok: false; response: ReturnType<typeof formErrors> };

/**
 * Reads and validates a form. Invalid input gives the first message per
 * field (an issue without a field is the form's), with status 400. A field
 * named in `lists` (checkboxes sharing a name) is read as the array of all
 * its values; any other field as its last value. A form
 * that carries a file passes its own `limit` (and server.js lets such a
 * route's body through: entry.server.tsx requestBodyLimit).
 */
export async function parseForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  options: { lists?: readonly string[]; limit?: number } = {},
): Promise<ParsedForm<z.output<Schema>>> {
  const formData = await readForm(request, options.limit);
  const values = echoedValues(formData);
  const fields: Record<string, unknown> = Object.fromEntries(formData);
  for (const name of options.lists ?? []) fields[name] = formData.getAll(name);
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data, values };
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === undefined) formError ??= issue.message;
    else fieldErrors[String(field)] ??= issue.message;
  }
  return { ok: false, response: formErrors({ fieldErrors, formError, values }) };
}
