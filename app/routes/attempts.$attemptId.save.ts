/**
 * The save endpoint of an attempt: one answer per request.
 *
 * POST application/json {attemptId, questionId, seq, response} (the page's
 * script; seq is the attempt's sequence number, one counter for all its
 * questions, from the page's lastSeq + 1, raised at every change; response
 * at most 500 characters; any other field is ignored):
 *   200 {ok: true, status, seq, savedAt, secondsLeft}: status "counted" (a
 *       new answer), "unchanged" (the answer it already held: the number is
 *       raised), "duplicate" (this save arrived before: its result again) or
 *       "superseded" (a newer save of the question arrived first; seq is that
 *       one's). Every 200 is final: take the save off the queue.
 *   4xx {ok: false, error, message}: final too, retrying will not change it.
 *       400 "invalid" (a field missing or out of range, attemptId not the
 *       address's), 401 "signed_out" (keep the save queued; send it after
 *       signing in), 403 "forbidden", 404 "not_found" (no such attempt among
 *       the learner's), 409 "late" with kept: true (after the deadline and its
 *       60 s grace, or after the attempt finished: kept, shown to the
 *       instructor as late, never counted), 409 "seq_conflict" (this number
 *       was used for another answer to the question: nothing changed), 413,
 *       415, 422 "not_on_form".
 *   5xx or no answer: the network or the server failed; send it again.
 * POST a form (questionId, response; a page without JavaScript): the server
 * numbers it, and the answer goes back to the attempt page (303).
 * GET: {ok: true, status, secondsLeft}, for the page to re-sync its countdown.
 * An attempt found past its deadline and grace is finished first.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission, type Permission } from "~/auth.server";
import { PRIVATE_CACHE_CONTROL } from "~/entry.server";
import { saveFormSchema, saveJsonSchema } from "~/forms/assessment-form.server";
import { readForm, readJson } from "~/forms/parse-form.server";
import { attemptClockOnAppDb, saveAnswerOnAppDb, saveFormAnswerOnAppDb, type SaveResult } from "~/models/assessment-saving.server";

/** A save is a few hundred bytes; this leaves room and no more. */
const SAVE_BODY_LIMIT = 8 * 1024;

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } });
}

const refused = (status: number, error: string, message: string, extra: Record<string, unknown> = {}) =>
  reply(status, { ok: false, error, message, ...extra });

/** Whether the request is the page's script's (JSON in or out), not a browser's navigation. */
function fromScript(request: Request): boolean {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  return type.startsWith("application/json") || (request.headers.get("Accept") ?? "").includes("application/json");
}

/** The learner; for the page's script, refusals as JSON it can act on (never a redirect to an HTML page). */
async function learnerFor(request: Request, permission: Permission) {
  try {
    return await requireUserWithPermission(request, permission);
  } catch (error) {
    if (!(error instanceof Response) || !fromScript(request)) throw error;
    if (error.status >= 300 && error.status < 400) {
      throw refused(401, "signed_out", "Your session has ended. Sign in again: answers not yet sent wait on this page until then.");
    }
    throw refused(error.status, "forbidden", await error.text());
  }
}

/** The JSON reply to a save. */
export function saveReply(result: SaveResult): Response {
  switch (result.kind) {
    case "saved":
      return reply(200, { ok: true, status: result.status, seq: result.seq, savedAt: result.savedAt, secondsLeft: result.secondsLeft });
    case "late":
      return refused(409, "late", "This answer arrived after the time was up, so it is kept but not counted.", {
        kept: true,
        seq: result.seq,
        savedAt: result.savedAt,
      });
    case "conflict":
      return refused(409, "seq_conflict", `Save number ${result.seq} of this question was already used for another answer; nothing was changed.`, {
        seq: result.seq,
      });
    case "not_on_form":
      return refused(422, "not_on_form", "That question is not on this attempt's form.");
    case "not_found":
      return refused(404, "not_found", "There is no such attempt among yours.");
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const learner = await learnerFor(request, "read:attempt:own");
  const clock = await attemptClockOnAppDb(learner.id, params.attemptId ?? "", Date.now());
  if (!clock) return refused(404, "not_found", "There is no such attempt among yours.");
  return reply(200, { ok: true, ...clock });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const attemptId = params.attemptId ?? "";
  const isJson = (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json");
  if (!isJson) return saveFromForm(request, attemptId);
  const learner = await learnerFor(request, "update:attempt:own");
  let body: unknown;
  try {
    body = await readJson(request, SAVE_BODY_LIMIT);
  } catch (error) {
    if (error instanceof Response) return refused(error.status, error.status === 413 ? "too_large" : "invalid", await error.text());
    throw error;
  }
  const parsed = saveJsonSchema.safeParse(body);
  if (!parsed.success) return refused(400, "invalid", parsed.error.issues[0]?.message ?? "This save could not be read.");
  if (parsed.data.attemptId !== attemptId) return refused(400, "invalid", "attemptId does not match the attempt in the address.");
  return saveReply(await saveAnswerOnAppDb(learner.id, parsed.data, Date.now()));
}

/** A page without JavaScript: one answer from a plain form, then back to the page, at the question, saying what became of it. */
async function saveFromForm(request: Request, attemptId: string) {
  const learner = await requireUserWithPermission(request, "update:attempt:own");
  const parsed = saveFormSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    throw new Response(parsed.error.issues[0]?.message ?? "This answer could not be read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { result, position } = await saveFormAnswerOnAppDb(learner.id, { attemptId, ...parsed.data }, Date.now());
  if (result.kind === "not_found" || result.kind === "not_on_form" || position === null) {
    const response = saveReply(result);
    throw new Response((await response.json()).message, { status: response.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const outcome = result.kind === "saved" ? "saved" : result.kind;
  return redirect(`/attempts/${encodeURIComponent(attemptId)}?q=${position + 1}&answer=${outcome}`, 303);
}
