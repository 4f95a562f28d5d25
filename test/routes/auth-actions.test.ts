/**
 * The sign-up, sign-in and sign-out actions, called directly with Request
 * objects against a real temp database (through the app's own getDb()).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { loginAttempts, sessions, users } from "../../db/schema";
import { createUser } from "../../app/models/user.server";
import { SIGN_IN_LIMITS } from "../../app/models/login-attempt.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";

const PASSWORD = "a-good-long-password";
let t: AppTestDatabase;
let signup: typeof import("../../app/routes/signup");
let signin: typeof import("../../app/routes/signin");
let signout: typeof import("../../app/routes/signout");
let auth: typeof import("../../app/auth.server");

beforeEach(async () => {
  t = await useAppDatabase();
  signup = await import("../../app/routes/signup");
  signin = await import("../../app/routes/signin");
  signout = await import("../../app/routes/signout");
  auth = await import("../../app/auth.server");
});
afterEach(() => t.close());

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://cairn.test${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

function args(request: Request, context: Record<string, unknown> = { clientAddress: "192.0.2.10" }): ActionFunctionArgs {
  return { request, context, params: {} };
}

interface Outcome {
  status: number;
  location: string | null;
  setCookie: string | null;
  data: { fieldErrors?: Record<string, string>; formError?: string } | undefined;
}

/** Actions return either a Response (redirects) or Remix's data() wrapper; read both the same way. */
function outcome(result: unknown): Outcome {
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), setCookie: result.headers.get("Set-Cookie"), data: undefined };
  }
  const wrapped = result as { data: Outcome["data"]; init: { status?: number } | null };
  return { status: wrapped.init?.status ?? 200, location: null, setCookie: null, data: wrapped.data };
}

const cookieHeader = (setCookie: string | null) => (setCookie ?? "").split(";")[0];

describe("sign-up", () => {
  it("creates a learner, signs them in with an HttpOnly SameSite=Lax cookie and goes where they were headed", async () => {
    const result = outcome(
      await signup.action(args(post("/signup", { name: "Noor", email: "Noor@Example.org", password: PASSWORD, redirectTo: "/courses" }))),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/courses");
    expect(result.setCookie).toMatch(/^cairn_session=[^;]+;/);
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Lax/);
    expect(result.setCookie).not.toMatch(/Secure/); // tests run with NODE_ENV=test
    const [row] = await t.db.select().from(users);
    expect(row).toMatchObject({ email: "noor@example.org", name: "Noor", role: "learner" });
    const me = await auth.getUser(new Request("http://cairn.test/", { headers: { Cookie: cookieHeader(result.setCookie) } }));
    expect(me?.id).toBe(row.id);
  });

  it("records the device's time zone, a no-JS choice when there is none, and UTC for a zone this server does not know", async () => {
    const signUp = async (email: string, fields: Record<string, string>) => {
      await signup.action(args(post("/signup", { name: "Zed", email, password: PASSWORD, ...fields }), { clientAddress: email }));
      const [row] = await t.db.select().from(users).where(eq(users.email, email));
      return row?.timeZone;
    };
    expect(await signUp("ny@example.org", { timeZone: "America/New_York" })).toBe("America/New_York");
    expect(await signUp("js-wins@example.org", { timeZone: "Europe/Paris", timeZoneChoice: "UTC" })).toBe("Europe/Paris");
    expect(await signUp("tokyo@example.org", { timeZone: "", timeZoneChoice: "Asia/Tokyo" })).toBe("Asia/Tokyo");
    expect(await signUp("bogus@example.org", { timeZone: "Mars/Olympus_Mons" })).toBe("UTC");
    expect(await signUp("none@example.org", {})).toBe("UTC");
  });

  it("never grants a role from a forged form field", async () => {
    await signup.action(args(post("/signup", { name: "Eve", email: "eve@example.org", password: PASSWORD, role: "admin" })));
    const [row] = await t.db.select().from(users).where(eq(users.email, "eve@example.org"));
    expect(row.role).toBe("learner");
  });

  it("returns field errors with status 400 for bad input and creates nothing", async () => {
    const result = outcome(await signup.action(args(post("/signup", { name: "  ", email: "not-an-email", password: "short" }))));
    expect(result.status).toBe(400);
    expect(Object.keys(result.data?.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect(await t.db.select().from(users)).toEqual([]);
  });

  it("refuses a password longer than 200 characters and a missing field without a 500", async () => {
    const long = outcome(await signup.action(args(post("/signup", { name: "Long", email: "long@example.org", password: "x".repeat(201) }))));
    expect(long.status).toBe(400);
    expect(long.data?.fieldErrors?.password).toMatch(/200/);
    const missing = outcome(await signup.action(args(post("/signup", { email: "gap@example.org" }))));
    expect(missing.status).toBe(400);
    expect(missing.data?.fieldErrors).toHaveProperty("name");
    expect(missing.data?.fieldErrors).toHaveProperty("password");
  });

  it("gives a clear error for an email that already has an account and leaves that account alone", async () => {
    await createUser(t.db, { email: "taken@example.org", name: "First", password: PASSWORD, role: "instructor" }, Date.now());
    const result = outcome(await signup.action(args(post("/signup", { name: "Second", email: "TAKEN@example.org", password: "another-password" }))));
    expect(result.status).toBe(400);
    expect(result.data?.fieldErrors?.email).toBe(signup.DUPLICATE_EMAIL);
    const rows = await t.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "First", role: "instructor" });
  });

  it("lets one address create only so many accounts an hour, and says so; other addresses are not affected", async () => {
    const { SIGN_UP_LIMITS } = await import("../../app/models/login-attempt.server");
    const from = (address: string, i: number) =>
      signup.action(args(post("/signup", { name: `Bot ${i}`, email: `bot${i}@example.org`, password: PASSWORD }), { clientAddress: address }));
    for (let i = 0; i < SIGN_UP_LIMITS.maxPerAddress; i++) expect(outcome(await from("198.51.100.7", i)).status).toBe(302);
    const refused = outcome(await from("198.51.100.7", 99));
    expect(refused.status).toBe(429);
    expect(refused.data?.formError).toMatch(/try again/i);
    expect(await t.db.select().from(users).where(eq(users.email, "bot99@example.org"))).toHaveLength(0);
    expect(outcome(await from("203.0.113.5", 100)).status).toBe(302);
  });
});

describe("sign-in", () => {
  beforeEach(async () => {
    await createUser(t.db, { email: "uma@example.org", name: "Uma", password: PASSWORD, role: "learner" }, Date.now());
  });

  it("gives the same message and status for a wrong password and an unknown email", async () => {
    const wrong = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: "wrong-password" }))));
    const unknown = outcome(await signin.action(args(post("/signin", { email: "who@example.org", password: PASSWORD }))));
    expect(wrong.status).toBe(400);
    expect(wrong.data?.formError).toBe("That email and password do not match an account.");
    expect({ status: unknown.status, formError: unknown.data?.formError }).toEqual({ status: wrong.status, formError: wrong.data?.formError });
    expect(wrong.setCookie).toBeNull();
  });

  it("starts a session and redirects to a safe redirectTo", async () => {
    const result = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: PASSWORD, redirectTo: "/review?deck=2" }))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/review?deck=2");
    expect(await t.db.select().from(sessions)).toHaveLength(1);
  });

  it("signs in and redirects, encoded, when redirectTo has characters above U+00FF (not a 500)", async () => {
    const result = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: PASSWORD, redirectTo: "/courses/ĉambro?x=ŝ" }))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/courses/%C4%89ambro?x=%C5%9D");
    const loaded = await signin.loader({ request: new Request("http://cairn.test/signin?redirectTo=%2F%C4%89"), context: {}, params: {} });
    expect(loaded.redirectTo).toBe("/%C4%89");
  });

  it("ignores a redirectTo that leaves the site", async () => {
    for (const redirectTo of ["//evil.com", "https://evil.com/steal", "/\\evil.com"]) {
      const result = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: PASSWORD, redirectTo }))));
      expect(result.location).toBe("/");
    }
  });

  it("answers 429 with a clear message once the account has failed too often, without checking the password", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.maxPerAccount; i++) {
      await signin.action(args(post("/signin", { email: "uma@example.org", password: `wrong-${i}-password` }), { clientAddress: `198.51.100.${i}` }));
    }
    const result = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: PASSWORD }))));
    expect(result.status).toBe(429);
    expect(result.data?.formError).toMatch(/too many/i);
    expect(result.setCookie).toBeNull();
  });

  it("limits by the address from the load context, not a forged X-Forwarded-For", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.maxPerAddress; i++) {
      const forged = { "X-Forwarded-For": `203.0.113.${i}` };
      await signin.action(args(post("/signin", { email: `guess${i}@example.org`, password: "wrong-password" }, forged), { clientAddress: "192.0.2.99" }));
    }
    const keys = new Set((await t.db.select().from(loginAttempts)).map((r) => r.key));
    expect(keys.has("ip:192.0.2.99")).toBe(true);
    expect([...keys].some((k) => k.startsWith("ip:203.0.113."))).toBe(false);
    const blocked = outcome(await signin.action(args(post("/signin", { email: "uma@example.org", password: PASSWORD }), { clientAddress: "192.0.2.99" })));
    expect(blocked.status).toBe(429);
  });

  it("returns field errors with status 400 for a malformed form", async () => {
    const result = outcome(await signin.action(args(post("/signin", { email: "nope" }))));
    expect(result.status).toBe(400);
    expect(result.data?.fieldErrors).toHaveProperty("email");
    expect(result.data?.fieldErrors).toHaveProperty("password");
    expect(await t.db.select().from(loginAttempts)).toEqual([]);
  });
});

describe("a request that is not an HTML form post", () => {
  async function refusal(request: Request): Promise<{ status: number; text: string }> {
    const result = await signin.action(args(request)).then(
      () => null,
      (error: unknown) => error,
    );
    if (!(result instanceof Response)) throw new Error(`expected a thrown Response, got ${String(result)}`);
    return { status: result.status, text: await result.text() };
  }
  const url = "http://cairn.test/signin";
  const credentials = { email: "uma@example.org", password: PASSWORD };

  it("is refused with 415 and a plain message for a JSON or text/plain body", async () => {
    const json = await refusal(new Request(url, { method: "POST", body: JSON.stringify(credentials), headers: { "Content-Type": "application/json" } }));
    expect(json).toMatchObject({ status: 415 });
    expect(json.text).toMatch(/accepts HTML form posts.*not application\/json/);
    const text = await refusal(new Request(url, { method: "POST", body: "email=uma@example.org", headers: { "Content-Type": "text/plain" } }));
    expect(text.status).toBe(415);
    expect(await t.db.select().from(loginAttempts)).toEqual([]);
  });

  it("is refused with 405 for DELETE and PUT, whatever the body", async () => {
    for (const method of ["DELETE", "PUT"]) {
      const result = await refusal(new Request(url, { method, body: new URLSearchParams(credentials) }));
      expect(result.status).toBe(405);
      expect(result.text).toMatch(/POST/);
    }
  });

  it("is refused with 413 when the body is over the limit, declared or streamed", async () => {
    const { FORM_BODY_LIMIT } = await import("../../app/forms/parse-form.server");
    const big = new URLSearchParams({ ...credentials, padding: "x".repeat(FORM_BODY_LIMIT) });
    expect((await refusal(post("/signin", Object.fromEntries(big)))).status).toBe(413);
    // No Content-Length: a stream of chunks, counted as it is read.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new TextEncoder().encode("a".repeat(16 * 1024)));
        if (sent > 100 * FORM_BODY_LIMIT) controller.close();
      },
    });
    const chunked = new Request(url, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect((await refusal(chunked)).status).toBe(413);
    expect(sent).toBeLessThan(4 * FORM_BODY_LIMIT);
  });
});

describe("sign-out", () => {
  it("revokes the session server-side so the old cookie no longer works", async () => {
    await createUser(t.db, { email: "vic@example.org", name: "Vic", password: PASSWORD, role: "learner" }, Date.now());
    const signedIn = outcome(await signin.action(args(post("/signin", { email: "vic@example.org", password: PASSWORD }))));
    const cookie = cookieHeader(signedIn.setCookie);
    const asking = () => new Request("http://cairn.test/", { headers: { Cookie: cookie } });
    expect(await auth.getUser(asking())).not.toBeNull();

    const result = outcome(await signout.action(args(post("/signout", {}, { Cookie: cookie }))));
    expect(result.status).toBe(302);
    expect(result.setCookie).toMatch(/Max-Age=0/);
    expect(await auth.getUser(asking())).toBeNull();
    const [row] = await t.db.select().from(sessions);
    expect(row.revokedAt).not.toBeNull();
  });

  it("shows a confirmation on GET rather than signing out", async () => {
    await createUser(t.db, { email: "wen@example.org", name: "Wen", password: PASSWORD, role: "learner" }, Date.now());
    const signedIn = outcome(await signin.action(args(post("/signin", { email: "wen@example.org", password: PASSWORD }))));
    const cookie = cookieHeader(signedIn.setCookie);
    const request = new Request("http://cairn.test/signout", { headers: { Cookie: cookie } });
    expect(await signout.loader({ request, context: {}, params: {} })).toBeNull();
    expect(await auth.getUser(request)).not.toBeNull();
  });
});
