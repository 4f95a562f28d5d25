/**
 * Who is asking, and what they may do: the guards every loader and action
 * starts with, and the one table of what each role may do.
 *
 * Named by contract, as in the Epic Stack: `getUser` may return null,
 * `requireUser` throws a redirect to the sign-in page, `requireAnonymous`
 * throws a redirect away from pages for signed-out visitors, and
 * `requireUserWithPermission` throws a 403. Routes ask for a permission
 * ("update:course:own"), never for a role by name; which roles hold which
 * permissions is said once, in ROLE_PERMISSIONS. The session itself lives in
 * the database (models/session.server.ts); this module only moves its token
 * between the cookie and the models.
 *
 * CSRF: no form tokens. server.js refuses state-changing requests whose
 * Origin/Referer is another site, and the session cookie is SameSite=Lax, so
 * a cross-site POST arrives without it in any case.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { getDb } from "./db.server";
import { env } from "./env.server";
import { createSessionCookie, createSession, getSessionUserRow, revokeSession } from "./models/session.server";
import type { SessionUser } from "./models/session.server";
import type { Role } from "./models/user.server";

export type { SessionUser };

let cookie: ReturnType<typeof createSessionCookie> | undefined;
export function sessionCookie() {
  cookie ??= createSessionCookie({ secure: env().NODE_ENV === "production" });
  return cookie;
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user (with study settings), or null for a visitor. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  return getSessionUserRow(await getDb(), token, Date.now());
}

const REDIRECT_MAX = 2000;

/**
 * Where to go after signing in: only a path on this site, percent-encoded so
 * that it can stand in a Location header (a character above U+00FF there
 * would throw). "//evil.com" and "/\\evil.com" are protocol-relative to
 * browsers and absolute URLs leave the site, so anything but a single leading
 * "/" falls back; so does a path the URL parser reads as another origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > REDIRECT_MAX) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are dropped by URL parsers, turning "/\t/evil.com" into "//evil.com";
  // a backslash anywhere is read as a slash.
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://cairn.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
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

/**
 * The signed-in user's row (study settings, FSRS parameters, never the
 * password hash), in one query with the session check; otherwise a redirect
 * to the sign-in page.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
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

/** For the sign-in and sign-up pages: a signed-in user is sent on to where they were going. */
export async function requireAnonymous(request: Request, redirectTo = "/"): Promise<void> {
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
}

// ---------------------------------------------------------------- permissions

/**
 * A permission is "action:entity:access", as in the Epic Stack. "own" covers
 * rows the user owns (their cards, their settings, an instructor's courses),
 * "any" every row; holding "any" implies "own".
 */
export type PermissionAction = "create" | "read" | "update" | "delete" | "join";
export type PermissionEntity =
  | "enrolment"
  | "card"
  | "progress"
  | "settings"
  | "course"
  | "module"
  | "user"
  | "cohort"
  | "assignment"
  | "cohort-progress"
  | "assessment"
  | "accommodation"
  | "attempt"
  | "password-link";
export type PermissionAccess = "own" | "any";
export type Permission = `${PermissionAction}:${PermissionEntity}:${PermissionAccess}`;

const LEARNER: readonly Permission[] = [
  "create:enrolment:own", // start a module or a lesson: cards join the learner's deck
  "read:card:own", // the review queue
  "update:card:own", // answer, rate, undo
  "read:progress:own", // home dashboard, statistics
  "read:settings:own",
  "update:settings:own",
  "join:cohort:own", // join a cohort with its code
  // Timed assessments of the learner's cohorts: start, answer, submit, see their own results.
  "create:attempt:own",
  "read:attempt:own",
  "update:attempt:own",
];
const INSTRUCTOR: readonly Permission[] = [
  ...LEARNER,
  "create:course:own",
  "update:course:own",
  "delete:course:own",
  "create:module:own",
  "update:module:own",
  "delete:module:own",
  // Cohorts the instructor teaches (owner or co-teacher): the models scope every query by their id.
  "create:cohort:own",
  "read:cohort:own",
  "update:cohort:own",
  "create:assignment:own",
  "update:assignment:own", // a learner's own due date on an assignment
  "read:cohort-progress:own",
  // Assessments and accommodations of the cohorts they teach (scoped through the cohort).
  "create:assessment:own",
  "read:assessment:own",
  "update:assessment:own",
  "update:accommodation:own",
  // One-time set-password links for learners of cohorts they teach: a roster's new accounts, recovery.
  "create:password-link:own",
];
const ADMIN: readonly Permission[] = [
  ...INSTRUCTOR,
  "update:course:any",
  "delete:course:any",
  "update:module:any",
  "delete:module:any",
  "read:progress:any",
  "read:user:any",
  "update:user:any",
  "read:cohort:any",
  "update:cohort:any",
  "create:assignment:any",
  "update:assignment:any",
  "read:cohort-progress:any",
  "create:assessment:any",
  "read:assessment:any",
  "update:assessment:any",
  "update:accommodation:any",
  "create:password-link:any",
];

/** What each role may do: the only place roles are named. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  learner: LEARNER,
  instructor: INSTRUCTOR,
  admin: ADMIN,
};

export function userHasPermission(user: Pick<SessionUser, "role"> | null, permission: Permission): boolean {
  if (!user) return false;
  const granted = ROLE_PERMISSIONS[user.role] ?? [];
  if (granted.includes(permission)) return true;
  const [action, entity, access] = permission.split(":");
  return access === "own" && granted.includes(`${action}:${entity}:any` as Permission);
}

/**
 * Whose rows an "own" permission reaches for this user: their own, or every
 * one when they also hold its "any" (the models' scope, e.g. CohortScope).
 */
export function permissionScope(
  user: Pick<SessionUser, "id" | "role">,
  permission: `${PermissionAction}:${PermissionEntity}`,
): { userId: string; all: boolean } {
  return { userId: user.id, all: userHasPermission(user, `${permission}:any`) };
}

/**
 * The signed-in user, if they hold `permission`: a visitor is sent to sign
 * in, a user without it gets 403. For an "own" permission the caller still
 * scopes the rows by the user's id (or checks the row's owner).
 */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!userHasPermission(user, permission)) {
    throw new Response("You do not have permission to do this.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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
