import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loginAttempts } from "../../db/schema";
import { attemptSignIn, SIGN_IN_LIMITS } from "../../app/models/login-attempt.server";
import { createUser } from "../../app/models/user.server";
import { createSession, SESSION_TTL_MS } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";

const NOW = Date.UTC(2026, 0, 15, 12);
const PASSWORD = "password-for-kai";
let t: AppTestDatabase;
let auth: typeof import("../../app/auth.server");
beforeEach(async () => {
  t = await useAppDatabase();
  auth = await import("../../app/auth.server");
  await createUser(t.db, { email: "kai@example.org", name: "Kai", password: PASSWORD, role: "learner" }, NOW);
});
afterEach(() => t.close());

const attempt = (email: string, password: string, address: string, now = NOW) =>
  attemptSignIn(t.db, { email, password, address }, now);

async function failTimes(n: number, email: string, address: (i: number) => string, now = NOW) {
  for (let i = 0; i < n; i++) expect(await attempt(email, "not-the-password", address(i), now)).toEqual({ ok: false, reason: "invalid" });
}

describe("signing in", () => {
  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrongPassword = await attempt("kai@example.org", "password-for-kay", "10.0.0.1");
    const unknownEmail = await attempt("kay@example.org", PASSWORD, "10.0.0.1");
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("signs in with the right password whatever the email's case", async () => {
    const result = await attempt(" KAI@example.org", PASSWORD, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email: "kai@example.org", role: "learner" } });
  });

  it("slows one address guessing at an account without locking the owner out on another address", async () => {
    await failTimes(SIGN_IN_LIMITS.maxPerAccountAddress, "kai@example.org", () => "10.6.6.6");
    expect(await attempt("kai@example.org", "yet-another-guess", "10.6.6.6")).toEqual({ ok: false, reason: "rate-limited" });
    expect(await attempt("kai@example.org", PASSWORD, "10.6.6.6")).toEqual({ ok: false, reason: "rate-limited" });
    expect(await attempt("kai@example.org", PASSWORD, "10.7.7.7")).toMatchObject({ ok: true });
  });

  it("lets a classroom behind one address mistype many times over without locking the room out", async () => {
    for (let i = 0; i < 30; i++) {
      await createUser(t.db, { email: `pupil${i}@example.org`, name: `Pupil ${i}`, password: PASSWORD, role: "learner" }, NOW);
      expect(await attempt(`pupil${i}@example.org`, "typo-password", "10.5.5.5")).toEqual({ ok: false, reason: "invalid" });
      expect(await attempt(`pupil${i}@example.org`, "typo-password-2", "10.5.5.5")).toEqual({ ok: false, reason: "invalid" });
      expect(await attempt(`pupil${i}@example.org`, PASSWORD, "10.5.5.5")).toMatchObject({ ok: true });
    }
  });

  it("refuses an account after too many failures, even from new addresses and with the right password", async () => {
    await failTimes(SIGN_IN_LIMITS.maxPerAccount, "kai@example.org", (i) => `10.0.1.${i}`);
    const before = await t.db.select().from(loginAttempts);
    expect(await attempt("kai@example.org", PASSWORD, "10.0.2.1")).toEqual({ ok: false, reason: "rate-limited" });
    // Refused before any password check: nothing new is recorded.
    expect(await t.db.select().from(loginAttempts)).toHaveLength(before.length);
  });

  it("lets the account in again once its failures are older than the window", async () => {
    await failTimes(SIGN_IN_LIMITS.maxPerAccountAddress, "kai@example.org", () => "10.0.1.1");
    expect(await attempt("kai@example.org", PASSWORD, "10.0.1.1")).toEqual({ ok: false, reason: "rate-limited" });
    const later = NOW + SIGN_IN_LIMITS.windowMs + 1;
    expect(await attempt("kai@example.org", PASSWORD, "10.0.1.1", later)).toMatchObject({ ok: true });
  });

  it("refuses an address that fails across many accounts, but not other addresses", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.maxPerAddress; i++) {
      expect(await attempt(`guess${i}@example.org`, "not-the-password", "10.9.9.9")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("kai@example.org", PASSWORD, "10.9.9.9")).toEqual({ ok: false, reason: "rate-limited" });
    expect(await attempt("kai@example.org", PASSWORD, "10.8.8.8")).toMatchObject({ ok: true });
  });

  it("resets the account's failure count after a successful sign-in", async () => {
    const n = SIGN_IN_LIMITS.maxPerAccountAddress - 1;
    await failTimes(n, "kai@example.org", () => "10.0.3.1");
    expect(await attempt("kai@example.org", PASSWORD, "10.0.3.1")).toMatchObject({ ok: true });
    await failTimes(n, "kai@example.org", () => "10.0.3.1");
    // 2n failures in the window would be over the limit without the reset.
    expect(await attempt("kai@example.org", PASSWORD, "10.0.3.1")).toMatchObject({ ok: true });
  });
});

async function cookieFor(email: string, role: "learner" | "instructor" | "admin", now = Date.now()) {
  const user = await createUser(t.db, { email, name: email, password: PASSWORD, role }, now);
  const { token } = await createSession(t.db, user.id, now);
  const setCookie = await auth.sessionCookie().serialize(token);
  return { user, cookie: setCookie.split(";")[0] };
}

function thrown(promise: Promise<unknown>): Promise<Response> {
  return promise.then(
    () => {
      throw new Error("expected the guard to throw a Response");
    },
    (error: unknown) => {
      if (!(error instanceof Response)) throw error;
      return error;
    },
  );
}

describe("guards", () => {
  it("requireUser returns the signed-in user", async () => {
    const { user, cookie } = await cookieFor("lin@example.org", "learner");
    const request = new Request("http://cairn.test/review", { headers: { Cookie: cookie } });
    expect(await auth.requireUser(request)).toMatchObject(user);
    expect(await auth.getUser(request)).toMatchObject(user);
  });

  it("requireUser sends a visitor without a session to sign in, remembering the page", async () => {
    const response = await thrown(auth.requireUser(new Request("http://cairn.test/review?deck=3")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/signin?redirectTo=${encodeURIComponent("/review?deck=3")}`);
  });

  it("requireUser tells a user whose session ended mid-review so, and clears the dead cookie", async () => {
    const { cookie } = await cookieFor("lin@example.org", "learner", Date.now() - SESSION_TTL_MS - 1);
    const request = new Request("http://cairn.test/review", { method: "POST", headers: { Cookie: cookie } });
    const response = await thrown(auth.requireUser(request));
    expect(response.headers.get("Location")).toBe("/signin?redirectTo=%2Freview&reason=expired");
    expect(response.headers.get("Set-Cookie")).toMatch(/^cairn_session=;.*Max-Age=0/);
    expect(await auth.getUser(request)).toBeNull();
  });

  it("treats a forged or garbled cookie as no session rather than failing", async () => {
    for (const value of ["garbage!!", "%%%", "e30=", "WzFd", Buffer.from(JSON.stringify("made-up-token")).toString("base64")]) {
      const request = new Request("http://cairn.test/review", { headers: { Cookie: `cairn_session=${value}` } });
      expect(await auth.getUser(request)).toBeNull();
      const response = await thrown(auth.requireUser(request));
      expect(response.headers.get("Location")).toMatch(/^\/signin\?redirectTo=%2Freview/);
    }
  });

  it("requireUserWithPermission lets a role through only with a permission the table gives it, and gives others 403", async () => {
    const learner = await cookieFor("l@example.org", "learner");
    const instructor = await cookieFor("i@example.org", "instructor");
    const admin = await cookieFor("a@example.org", "admin");
    const asking = (cookie: string) => new Request("http://cairn.test/instructor", { headers: { Cookie: cookie } });
    expect(await auth.requireUserWithPermission(asking(instructor.cookie), "update:course:own")).toMatchObject(instructor.user);
    expect(await auth.requireUserWithPermission(asking(admin.cookie), "update:course:own")).toMatchObject(admin.user);
    expect(await auth.requireUserWithPermission(asking(learner.cookie), "update:card:own")).toMatchObject(learner.user);
    expect((await thrown(auth.requireUserWithPermission(asking(learner.cookie), "update:course:own"))).status).toBe(403);
    expect((await thrown(auth.requireUserWithPermission(asking(instructor.cookie), "update:course:any"))).status).toBe(403);
    const visitor = await thrown(auth.requireUserWithPermission(new Request("http://cairn.test/instructor"), "read:card:own"));
    expect(visitor.status).toBe(302);
  });

  it("reads any as covering own, never own as covering any", () => {
    expect(auth.userHasPermission({ role: "admin" }, "read:progress:own")).toBe(true);
    expect(auth.userHasPermission({ role: "admin" }, "read:progress:any")).toBe(true);
    expect(auth.userHasPermission({ role: "learner" }, "read:progress:any")).toBe(false);
    expect(auth.userHasPermission(null, "read:progress:own")).toBe(false);
  });

  it("lets instructors run their own cohorts, admins any, and learners only join one", () => {
    for (const p of ["create:cohort:own", "read:cohort:own", "update:cohort:own", "create:assignment:own", "read:cohort-progress:own"] as const) {
      expect([p, auth.userHasPermission({ role: "instructor" }, p)]).toEqual([p, true]);
      expect([p, auth.userHasPermission({ role: "learner" }, p)]).toEqual([p, false]);
    }
    expect(auth.userHasPermission({ role: "instructor" }, "read:cohort-progress:any")).toBe(false);
    expect(auth.userHasPermission({ role: "admin" }, "read:cohort-progress:any")).toBe(true);
    expect(auth.userHasPermission({ role: "learner" }, "join:cohort:own")).toBe(true);
  });

  it("requireAnonymous sends a signed-in user on and lets a visitor stay", async () => {
    const { cookie } = await cookieFor("m@example.org", "learner");
    const response = await thrown(auth.requireAnonymous(new Request("http://cairn.test/signin", { headers: { Cookie: cookie } }), "/review"));
    expect(response.headers.get("Location")).toBe("/review");
    await expect(auth.requireAnonymous(new Request("http://cairn.test/signin"))).resolves.toBeUndefined();
  });
});

describe("where to go after signing in", () => {
  it("keeps relative paths on this site", () => {
    expect(auth.safeRedirect("/courses/intro?x=1#top")).toBe("/courses/intro?x=1#top");
    expect(auth.safeRedirect("/")).toBe("/");
  });

  it("refuses protocol-relative, absolute and odd targets", () => {
    for (const target of ["//evil.com", "///evil.com", "/\\evil.com", "https://evil.com/", "javascript:alert(1)", "evil.com", "/\t/evil.com", "", null, undefined]) {
      expect(auth.safeRedirect(target)).toBe("/");
    }
  });

  it("percent-encodes characters a Location header cannot carry, and refuses paths that normalise off the site", () => {
    expect(auth.safeRedirect("/courses/café?q=ĉ#ŝ")).toBe("/courses/caf%C3%A9?q=%C4%89#%C5%9D");
    expect(auth.safeRedirect("/review?deck=%C3%A9")).toBe("/review?deck=%C3%A9");
    for (const target of ["/..//evil.com", "/a/\\evil.com", "/" + "a".repeat(3000)]) expect(auth.safeRedirect(target)).toBe("/");
    // Every result can be a header value.
    for (const target of ["/ĉ", "/\u{1F600}", "/a b", "/%"]) expect(() => new Headers({ Location: auth.safeRedirect(target) })).not.toThrow();
  });
});

describe("the client's address", () => {
  const request = new Request("http://cairn.test/signin", { headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.7" } });

  it("ignores X-Forwarded-For unless a trusted proxy sets it", () => {
    expect(auth.clientAddress(request, { clientAddress: "192.0.2.1" }, false)).toBe("192.0.2.1");
  });

  it("takes the address our proxy appended when TRUST_PROXY is on", () => {
    expect(auth.clientAddress(request, { clientAddress: "10.0.0.2" }, true)).toBe("198.51.100.7");
  });

  it("falls back to one shared constant when nothing tells the address", () => {
    expect(auth.clientAddress(new Request("http://cairn.test/"), {}, false)).toBe(auth.UNKNOWN_ADDRESS);
  });
});

describe("signing in under concurrent guessing", () => {
  it("checks at most the pair's ceiling of 100 simultaneous guesses from one address, over two connections to one file", async () => {
    const { openDatabase } = await import("../../db/client");
    const second = await openDatabase({ url: t.url });
    try {
      const guesses = Array.from({ length: 100 }, (_, i) =>
        attemptSignIn(i % 2 ? t.db : second, { email: "kai@example.org", password: `guess-${i}-password`, address: "10.4.4.4" }, NOW),
      );
      const results = await Promise.all(guesses);
      // "invalid" is said only after a password was checked.
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.maxPerAccountAddress);
      expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(100 - SIGN_IN_LIMITS.maxPerAccountAddress);
    } finally {
      second.$client.close();
    }
  });

  it("checks at most the account's ceiling of 100 simultaneous guesses from 100 addresses", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt("kai@example.org", `guess-${i}-password`, `10.3.${i}.1`)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.maxPerAccount);
  });

  it("checks at most the address's ceiling of simultaneous guesses at many accounts from one address", async () => {
    const n = SIGN_IN_LIMITS.maxPerAddress + 50;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => attempt(`someone${i}@example.org`, "guess-password", "10.2.2.2")));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.maxPerAddress);
  });
});
