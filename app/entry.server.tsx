import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env, type Env } from "./env.server";
import { NonceContext } from "./components/nonce";
import { FORM_BODY_LIMIT } from "./forms/parse-form.server";
import { UPLOAD_BODY_LIMIT, UPLOAD_PATH } from "./forms/upload-form.server";
import { getDb } from "./db.server";
import { startAttemptSweep } from "./models/assessment-finish.server";
import { ROSTER_BODY_LIMIT } from "./forms/roster-form.server";

const ABORT_DELAY = 5_000;

/** Called once by server.js before it listens: fails fast on a bad environment. */
export function startup(): Env {
  return env();
}

/**
 * Called by server.js in every process that serves requests, once it
 * listens: the sweep that finishes timed attempts whose deadline passed with
 * no one watching, first at once (those that expired while the server was
 * down), then every few seconds. Every worker runs one; finishing is
 * idempotent.
 */
export function startBackgroundWork(): void {
  startAttemptSweep(getDb);
}

/** The largest request body server.js lets through to the app: the form limit, said once. */
export const REQUEST_BODY_LIMIT = FORM_BODY_LIMIT;

/** Form routes that carry a file, with their own bound (their action passes the same to parseForm). */
const FILE_FORM_LIMITS: readonly { path: RegExp; limit: number }[] = [
  // A client-side navigation posts to "<page>.data".
  { path: /^\/cohorts\/[^/]+\/roster(?:\.data)?$/, limit: ROSTER_BODY_LIMIT },
  // The upload page takes material files (app/forms/upload-form.server.ts).
  { path: new RegExp(`^${UPLOAD_PATH}(?:\\.data)?$`), limit: UPLOAD_BODY_LIMIT },
];

/** The bound server.js holds a request body to, by path. */
export function requestBodyLimit(pathname: string): number {
  return FILE_FORM_LIMITS.find((route) => route.path.test(pathname))?.limit ?? REQUEST_BODY_LIMIT;
}

/**
 * Every page shows who is signed in (the header's account menu) and most
 * show their own study data, so no page or data response may be kept by a
 * shared cache or stored by the browser: a signed-out visitor on the same
 * device, or a proxy's next client, would see it. Public course pages are
 * cheap to render, so they get the same rule rather than a second one.
 */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * What the server logs: unexpected errors, with their stack. A request the
 * router refuses by design (a POST or DELETE to a page that takes no form:
 * 405; no such page: 404) is the client's mistake, already answered with its
 * status and a plain message; Remix's default logged it with a stack trace,
 * as if the app had failed.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // A router error carries the underlying Error (with its stack) privately.
  const inner = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(inner ?? error);
};

/** Loader and action data (single fetch's .data requests) and redirects from them. */
export function handleDataRequest(response: Response): Response {
  response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // Crawlers get the whole document at once; browsers get the shell early.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Cache-Control", PRIVATE_CACHE_CONTROL);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
