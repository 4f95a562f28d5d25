import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordTokens, users } from "../../db/schema";
import { hashLinkToken } from "../../app/link-token.server";
import {
  findPasswordLink,
  issuePasswordTokens,
  issueRecoveryLink,
  LINK_ISSUE_LIMITS,
  PASSWORD_LINK_LIFETIME_MS,
  setPasswordWithLink,
} from "../../app/models/password-token.server";
import { createSession, getSessionUser } from "../../app/models/session.server";
import { createUser, NO_PASSWORD, verifyCredentials, type PublicUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const NOW = Date.UTC(2026, 2, 2, 12);
const NEW_PASSWORD = "a brand new password";
let t: TestDatabase;
let learner: PublicUser;
let teacher: PublicUser;

beforeEach(async () => {
  t = await createTestDatabase();
  learner = await createUser(t.db, { email: "sam@example.org", name: "Sam", password: "old password here", role: "learner" }, NOW);
  teacher = await createUser(t.db, { email: "tess@example.org", name: "Tess", password: "teacher password", role: "instructor" }, NOW);
});
afterEach(() => t.close());

async function welcomeLink(userId = learner.id, now = NOW) {
  return (await issuePasswordTokens(t.db, [userId], "welcome", teacher.id, now)).get(userId)!;
}

describe("issuing set-password links", () => {
  it("stores only the token's SHA-256, with its purpose, user, issuer and expiry", async () => {
    const link = await welcomeLink();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.select().from(passwordTokens);
    expect(rows).toEqual([
      {
        id: hashLinkToken(link.token),
        purpose: "welcome",
        userId: learner.id,
        issuedBy: teacher.id,
        createdAt: NOW,
        expiresAt: NOW + PASSWORD_LINK_LIFETIME_MS.welcome,
        usedAt: null,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(link.token);
  });

  it("a new link replaces the user's unused one", async () => {
    const first = await welcomeLink();
    const second = await welcomeLink(learner.id, NOW + 1);
    expect(await findPasswordLink(t.db, first.token, NOW + 2)).toEqual({ ok: false, reason: "unknown" });
    expect(await findPasswordLink(t.db, second.token, NOW + 2)).toMatchObject({ ok: true, purpose: "welcome", user: { id: learner.id } });
  });

  it("recovery links are limited per user and per issuer within the hour", async () => {
    for (let i = 0; i < LINK_ISSUE_LIMITS.maxPerUser; i++) expect((await issueRecoveryLink(t.db, teacher.id, learner.id, NOW + i)).ok).toBe(true);
    expect(await issueRecoveryLink(t.db, teacher.id, learner.id, NOW + 10)).toEqual({ ok: false, reason: "rate-limited" });
    // Another learner is still reachable, until the issuer's own ceiling.
    const other = await createUser(t.db, { email: "ola@example.org", name: "Ola", password: "ola's password", role: "learner" }, NOW);
    expect((await issueRecoveryLink(t.db, teacher.id, other.id, NOW + 11)).ok).toBe(true);
    const tight = { ...LINK_ISSUE_LIMITS, maxPerIssuer: LINK_ISSUE_LIMITS.maxPerUser + 1 };
    expect(await issueRecoveryLink(t.db, teacher.id, other.id, NOW + 12, tight)).toEqual({ ok: false, reason: "rate-limited" });
    // An hour on, the slots are free again.
    expect((await issueRecoveryLink(t.db, teacher.id, learner.id, NOW + LINK_ISSUE_LIMITS.windowMs + 20)).ok).toBe(true);
  });
});

describe("using a set-password link", () => {
  it("sets the password, signs the user out everywhere and works once", async () => {
    const link = await welcomeLink();
    const phone = await createSession(t.db, learner.id, NOW);
    const result = await setPasswordWithLink(t.db, link.token, NEW_PASSWORD, { timeZone: null }, NOW + 1);
    expect(result).toEqual({ ok: true, userId: learner.id });
    expect(await verifyCredentials(t.db, learner.email, NEW_PASSWORD)).toMatchObject({ id: learner.id });
    expect(await verifyCredentials(t.db, learner.email, "old password here")).toBeNull();
    expect(await getSessionUser(t.db, phone.token, NOW + 2)).toBeNull();
    expect(await setPasswordWithLink(t.db, link.token, "yet another password", { timeZone: null }, NOW + 2)).toEqual({ ok: false, reason: "used" });
    expect(await findPasswordLink(t.db, link.token, NOW + 2)).toEqual({ ok: false, reason: "used" });
    expect(await verifyCredentials(t.db, learner.email, NEW_PASSWORD)).toMatchObject({ id: learner.id });
  });

  it("an expired link changes nothing and says it expired", async () => {
    const link = await welcomeLink();
    const expiry = NOW + PASSWORD_LINK_LIFETIME_MS.welcome;
    expect((await findPasswordLink(t.db, link.token, expiry - 1)).ok).toBe(true);
    expect(await setPasswordWithLink(t.db, link.token, NEW_PASSWORD, { timeZone: null }, expiry)).toEqual({ ok: false, reason: "expired" });
    expect(await verifyCredentials(t.db, learner.email, NEW_PASSWORD)).toBeNull();
  });

  it("a forged or malformed token opens nothing", async () => {
    await welcomeLink();
    const forged = Buffer.alloc(32, 7).toString("base64url");
    for (const token of [forged, "short", `${forged}x`, ""]) {
      expect(await setPasswordWithLink(t.db, token, NEW_PASSWORD, { timeZone: null }, NOW)).toEqual({ ok: false, reason: "unknown" });
    }
    expect(await verifyCredentials(t.db, learner.email, NEW_PASSWORD)).toBeNull();
  });

  it("two posts of one link at once set one password", async () => {
    const link = await welcomeLink();
    const results = await Promise.all(
      ["first password choice", "second password choice"].map((p) => setPasswordWithLink(t.db, link.token, p, { timeZone: null }, NOW + 1)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
  });

  it("using a link removes the user's other unused links", async () => {
    const welcome = await welcomeLink();
    await t.db.insert(passwordTokens).values({
      id: hashLinkToken("another"),
      purpose: "recovery",
      userId: learner.id,
      issuedBy: null,
      createdAt: NOW,
      expiresAt: NOW + 1000,
    });
    await setPasswordWithLink(t.db, welcome.token, NEW_PASSWORD, { timeZone: null }, NOW + 1);
    expect((await t.db.select().from(passwordTokens)).map((r) => r.purpose)).toEqual(["welcome"]);
  });

  it("a welcome link records the device's time zone; a recovery link leaves the user's alone", async () => {
    const welcome = await welcomeLink();
    await setPasswordWithLink(t.db, welcome.token, NEW_PASSWORD, { timeZone: "America/New_York" }, NOW + 1);
    const zone = async () => (await t.db.select({ z: users.timeZone }).from(users).where(eq(users.id, learner.id)))[0]!.z;
    expect(await zone()).toBe("America/New_York");
    const recovery = await issueRecoveryLink(t.db, teacher.id, learner.id, NOW + 2);
    if (!recovery.ok) throw new Error("not issued");
    await setPasswordWithLink(t.db, recovery.token, "recovered password", { timeZone: "Asia/Tokyo" }, NOW + 3);
    expect(await zone()).toBe("America/New_York");
  });
});

describe("an account made without a password", () => {
  it("takes the device's zone with its first password, even from a recovery link", async () => {
    await t.db.update(users).set({ passwordHash: NO_PASSWORD }).where(eq(users.id, learner.id));
    const recovery = await issueRecoveryLink(t.db, teacher.id, learner.id, NOW);
    if (!recovery.ok) throw new Error("not issued");
    expect(await findPasswordLink(t.db, recovery.token, NOW)).toMatchObject({ ok: true, purpose: "recovery", firstPassword: true });
    await setPasswordWithLink(t.db, recovery.token, NEW_PASSWORD, { timeZone: "Asia/Tokyo" }, NOW + 1);
    const [row] = await t.db.select({ zone: users.timeZone }).from(users).where(eq(users.id, learner.id));
    expect(row!.zone).toBe("Asia/Tokyo");
  });

  it("cannot be signed into, not even with an empty password", async () => {
    const made = await createUser(t.db, { email: "new@example.org", name: "New", password: "placeholder pass", role: "learner" }, NOW);
    await t.db.update(users).set({ passwordHash: NO_PASSWORD }).where(eq(users.id, made.id));
    expect(await verifyCredentials(t.db, "new@example.org", "")).toBeNull();
    expect(await verifyCredentials(t.db, "new@example.org", "placeholder pass")).toBeNull();
  });
});
