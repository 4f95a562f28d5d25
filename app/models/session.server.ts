/**
 * Sign-in sessions: stored in the database, named by a random token in a cookie.
 *
 * The cookie holds 32 random bytes; the database holds only their SHA-256, so
 * a leaked database yields no usable session. A session expires after
 * SESSION_TTL_MS, the same as the cookie's max-age (no sliding renewal: the
 * browser would drop the cookie at its own max-age anyway); signing out
 * revokes it server-side, so a copied cookie stops working too.
 */
import { createCookie, type Cookie } from "@remix-run/node";
import { and, eq, getTableColumns, gt, isNull, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { sessions, users, type User } from "../../db/schema";
import type { PublicUser } from "./user.server";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE_NAME = "cairn_session";

/**
 * The session cookie. No signing secret: the value is an unguessable random
 * token looked up in the database, so there is nothing a client could forge or
 * alter to its advantage (a signature protects data *in* a cookie; this one
 * carries none). HttpOnly keeps it from scripts; SameSite=Lax keeps it off
 * cross-site POSTs, a second line behind server.js's Origin check against
 * CSRF; Secure in production so it never travels over plain HTTP.
 */
export function createSessionCookie(options: { secure: boolean }): Cookie {
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  expiresAt: number;
}

export async function createSession(db: Database, userId: string, now: number): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = now + SESSION_TTL_MS;
  await db.insert(sessions).values({ id: hashSessionToken(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** What a signed-in request knows of its user: who they are and their study settings (never the password hash). */
export type SessionUser = Omit<User, "passwordHash">;

const { passwordHash: _passwordHash, ...sessionUserColumns } = getTableColumns(users);

/**
 * Every request looks its session up, so the query is built once per
 * database and kept (drizzle's query building cost more than running it).
 */
function prepareSessionLookup(db: Database) {
  return db
    .select({ user: sessionUserColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder("id")), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare();
}
const sessionLookups = new WeakMap<Database, ReturnType<typeof prepareSessionLookup>>();

/** The user (with study settings) a token belongs to, or null when it is unknown, expired or revoked. */
export async function getSessionUserRow(db: Database, token: string, now: number): Promise<SessionUser | null> {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const row = await lookup.get({ id: hashSessionToken(token), now });
  return row?.user ?? null;
}

/** The user a token belongs to, or null when it is unknown, expired or revoked. */
export async function getSessionUser(db: Database, token: string, now: number): Promise<PublicUser | null> {
  const row = await getSessionUserRow(db, token, now);
  if (!row) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function revokeSession(db: Database, token: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, hashSessionToken(token)), isNull(sessions.revokedAt)));
}

/** Signs a user out everywhere (e.g. after a password change). */
export async function revokeAllSessions(db: Database, userId: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
