import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users, sessions } from "../../db/schema";
import {
  createSession,
  createSessionCookie,
  getSessionUser,
  hashSessionToken,
  revokeAllSessions,
  revokeSession,
  SESSION_TTL_MS,
} from "../../app/models/session.server";
import { createUser, type PublicUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const NOW = Date.UTC(2026, 0, 15, 12);
let t: TestDatabase;
let user: PublicUser;
beforeEach(async () => {
  t = await createTestDatabase();
  user = await createUser(t.db, { email: "sam@example.org", name: "Sam", password: "password-sam", role: "learner" }, NOW);
});
afterEach(() => t.close());

describe("sessions", () => {
  it("stores only the SHA-256 of a 32-byte random token", async () => {
    const { token, expiresAt } = await createSession(t.db, user.id, NOW);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(expiresAt).toBe(NOW + SESSION_TTL_MS);
    const rows = await t.db.select().from(sessions);
    expect(rows.map((r) => r.id)).toEqual([hashSessionToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("finds the user for a live session and nobody for an unknown token", async () => {
    const { token } = await createSession(t.db, user.id, NOW);
    expect(await getSessionUser(t.db, token, NOW + 1000)).toEqual(user);
    expect(await getSessionUser(t.db, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), NOW)).toBeNull();
  });

  it("rejects a session once it has expired", async () => {
    const { token, expiresAt } = await createSession(t.db, user.id, NOW);
    expect(await getSessionUser(t.db, token, expiresAt - 1)).toEqual(user);
    expect(await getSessionUser(t.db, token, expiresAt)).toBeNull();
  });

  it("rejects a revoked session while the user's other sessions stay open", async () => {
    const phone = await createSession(t.db, user.id, NOW);
    const laptop = await createSession(t.db, user.id, NOW);
    await revokeSession(t.db, phone.token, NOW + 1);
    expect(await getSessionUser(t.db, phone.token, NOW + 2)).toBeNull();
    expect(await getSessionUser(t.db, laptop.token, NOW + 2)).toEqual(user);
  });

  it("revokes every session of one user and no one else's", async () => {
    const other = await createUser(t.db, { email: "ola@example.org", name: "Ola", password: "password-ola", role: "learner" }, NOW);
    const a = await createSession(t.db, user.id, NOW);
    const b = await createSession(t.db, user.id, NOW);
    const c = await createSession(t.db, other.id, NOW);
    await revokeAllSessions(t.db, user.id, NOW + 1);
    expect(await getSessionUser(t.db, a.token, NOW + 2)).toBeNull();
    expect(await getSessionUser(t.db, b.token, NOW + 2)).toBeNull();
    expect(await getSessionUser(t.db, c.token, NOW + 2)).toEqual(other);
  });

  it("ends sessions with the user they belong to", async () => {
    const { token } = await createSession(t.db, user.id, NOW);
    await t.db.delete(users);
    expect(await getSessionUser(t.db, token, NOW + 1)).toBeNull();
    expect(await t.db.select().from(sessions)).toEqual([]);
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, on every path, and not Secure outside production", async () => {
    const header = await createSessionCookie({ secure: false }).serialize("token-value");
    expect(header).toMatch(/^cairn_session=/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; Max-Age=2592000/);
    expect(header).not.toMatch(/Secure/);
  });

  it("is Secure in production", async () => {
    const header = await createSessionCookie({ secure: true }).serialize("token-value");
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
  });

  it("reads back the token it wrote", async () => {
    const cookie = createSessionCookie({ secure: false });
    const header = await cookie.serialize("abc_DEF-123");
    expect(await cookie.parse(header.split(";")[0])).toBe("abc_DEF-123");
  });
});
