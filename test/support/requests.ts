/**
 * Calling route loaders and actions directly, as route tests do: requests
 * with a session cookie, and one way to read what came back (a Response, a
 * thrown Response, Remix's data() wrapper, or plain data) as status + body.
 */
import { createSession } from "../../app/models/session.server";
import { createUser, type Role } from "../../app/models/user.server";
import type { Database } from "../../db/client";

export const get = (path: string, cookie = "") => new Request(`http://cairn.test${path}`, { headers: cookie ? { Cookie: cookie } : {} });

export const post = (path: string, fields: Record<string, string> | FormData, cookie = "") =>
  new Request(`http://cairn.test${path}`, {
    method: "POST",
    body: fields instanceof FormData ? fields : new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });

export async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: result };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const wrapped = result as { data: unknown; init: { status?: number } | null };
      return { status: wrapped.init?.status ?? 200, body: wrapped.data };
    }
    return { status: 200, body: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: error };
    throw error;
  }
}

let counter = 0;

/** A new account of the role, signed in: its id, email and a Cookie header for its session. */
export async function signedInPerson(db: Database, role: Role, name: string = role) {
  counter++;
  const email = `${role}${counter}-${process.pid}@example.org`;
  const user = await createUser(db, { email, name, password: "a-good-long-password", role }, Date.now());
  const { sessionCookie } = await import("../../app/auth.server");
  const { token } = await createSession(db, user.id, Date.now());
  return { id: user.id, email, cookie: (await sessionCookie().serialize(token)).split(";")[0]! };
}
