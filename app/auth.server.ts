/**
 * Who is asking: the guards every loader and action starts with.
 *
 * Named by contract, as in the Epic Stack: `getUser` may return null,
 * `requireUser` throws a redirect to the sign-in page, `requireRole` throws a
 * 403. The session itself lives in the database (models/session.server.ts);
 * this module only moves its token between the cookie and the models.
 *
 * CSRF: no form tokens. server.js refuses state-changing requests whose
 * Origin/Referer is another site, and the session cookie is SameSite=Lax, so
 * a cross-site POST arrives without it in any case.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { getDb } from "./db.server";
import { env } from "./env.server";
import { createSessionCookie, createSession, getSessionUser, getSessionUserRow, revokeSession } from "./models/session.server";
import type { SessionUser } from "./models/session.server";
import { hasRole, type PublicUser } from "./models/user.server";

let cookie: ReturnType<typeof createSessionCookie> | undefined;
export function sessionCookie() {
  cookie ??= createSessionCookie({ secure: env().NODE_ENV === "production" });
  return cookie;
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<PublicUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  return getSessionUser(await getDb(), token, Date.now());
}

/**
 * Where to go after signing in: only a path on this site. "//evil.com" and
 * "/\evil.com" are protocol-relative to browsers and absolute URLs leave the
 * site, so anything but a single leading "/" falls back.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are dropped by URL parsers, turning "/\t/evil.com" into "//evil.com".
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

/** The sign-in page, remembering where the user was headed. */
export function signInUrl(request: Request, reason?: "expired"): string {
  const url = new URL(request.url);
  // A client-side navigation or form post asks for "<page>.data?_routes=…": send the learner back to the page.
  const pathname = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  const search = url.searchParams.size > 0 ? `?${url.searchParams}` : "";
  const params = new URLSearchParams({ redirectTo: `${pathname}${search}` });
  if (reason) params.set("reason", reason);
  return `/signin?${params}`;
}

export async function requireUser(request: Request): Promise<PublicUser> {
  const { id, email, name, role } = await requireUserRow(request);
  return { id, email, name, role };
}

/**
 * The signed-in user's whole row (study settings, FSRS parameters), in one
 * query with the session check; otherwise a redirect to the sign-in page.
 */
export async function requireUserRow(request: Request): Promise<SessionUser> {
  const token = await readToken(request);
  const user = token ? await getSessionUserRow(await getDb(), token, Date.now()) : null;
  if (user) return user;
  // A cookie that no longer opens a session means it expired or was revoked,
  // and a form posted without one means the browser dropped it at its expiry
  // (its max-age is the session's): say so on the sign-in page.
  const ended = token !== null || request.method !== "GET";
  const headers = token ? { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } : undefined;
  throw redirect(signInUrl(request, ended ? "expired" : undefined), { headers });
}

export async function requireRole(request: Request, role: "instructor" | "admin"): Promise<PublicUser> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return user;
}

/** Starts a session for the user and redirects with its cookie. */
export async function signInResponse(userId: string, redirectTo: string): Promise<Response> {
  const { token } = await createSession(await getDb(), userId, Date.now());
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionCookie().serialize(token) },
  });
}

/** Revokes the request's session server-side and clears the cookie. */
export async function signOut(request: Request, redirectTo = "/"): Promise<Response> {
  const token = await readToken(request);
  if (token) await revokeSession(await getDb(), token, Date.now());
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}

/** Used when no address is known (tests, a missing load context): all such clients share one budget. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address, for rate limiting. X-Forwarded-For can be written by
 * anyone, so it counts only when TRUST_PROXY=1 says a proxy of ours sets it;
 * then its last entry is the one that proxy appended. Otherwise the address
 * comes from the load context (server.js: `clientAddress: req.ip`).
 */
export function clientAddress(
  request: Request,
  context: AppLoadContext | undefined,
  trustProxy = process.env.TRUST_PROXY === "1",
): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  const fromContext = context?.clientAddress;
  return typeof fromContext === "string" && fromContext ? fromContext : UNKNOWN_ADDRESS;
}

/**
 * Reads a form with a zod schema. Invalid input gives the first message per
 * field, for the action to return with status 400 (never a thrown 500).
 */
export function parseForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.output<Schema> } | { ok: false; fieldErrors: Record<string, string> } {
  const result = schema.safeParse(Object.fromEntries(formData));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
