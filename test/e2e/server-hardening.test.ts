/**
 * The production server (node server.js) holding up against requests a
 * browser would not send: private pages are never cached, bodies are bounded
 * before the app reads them, a request that is not a form post gets a 4xx with
 * a plain message (never a 500 or a stack trace), and a redirectTo with
 * characters a header cannot carry still signs in.
 */
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { ROSTER_BODY_LIMIT } from "../../app/forms/roster-form.server";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();

async function signInCookie(): Promise<string> {
  const response = await fetch(`${server().url}/signin`, {
    method: "POST",
    body: new URLSearchParams({ email: DEMO_LEARNERS[0], password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** Sends a POST body by node:http, as `send` writes it, and resolves with the status and text once the server answers. */
function rawPost(path: string, headers: Record<string, string>, send: (write: (chunk: Buffer) => boolean) => Promise<void>) {
  return new Promise<{ status: number; text: string; sent: number }>((resolve, reject) => {
    const url = new URL(path, server().url);
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, sent }));
    });
    // The server may close the connection once it has answered; that is the point.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    void send((chunk) => {
      if (answered || req.destroyed) return false;
      sent += chunk.length;
      req.write(chunk);
      return true;
    }).then(() => (answered || req.destroyed ? undefined : req.end()));
  });
}

const pause = () => new Promise((r) => setTimeout(r, 1));

describe("private pages are never cached", () => {
  it("sends Cache-Control: private, no-store on signed-in pages, their data requests, and public pages", async () => {
    const cookie = await signInCookie();
    for (const path of ["/", "/stats", "/settings", "/review", "/stats.data", "/_root.data", "/review.data"]) {
      const response = await fetch(`${server().url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect([path, response.status]).toEqual([path, 200]);
      expect([path, response.headers.get("cache-control")]).toEqual([path, "private, no-store"]);
    }
    for (const path of ["/", "/signin", "/no-such-page"]) {
      const response = await fetch(`${server().url}${path}`);
      expect([path, response.headers.get("cache-control")]).toEqual([path, "private, no-store"]);
    }
  });
});

describe("request bodies", () => {
  it("refuses a declared body over the limit with 413 before reading it", async () => {
    const result = await rawPost("/signin", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024 * 1024) }, async (write) => {
      write(Buffer.from("email=a%40b.c&password="));
    });
    expect(result.status).toBe(413);
    expect(result.text).toMatch(/too large/i);
  });

  it("refuses a chunked body with 413 once it passes the limit, having read little more than the limit", async () => {
    const chunk = Buffer.alloc(16 * 1024, "a");
    const result = await rawPost("/signin", { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, async (write) => {
      write(Buffer.from("password="));
      for (let i = 0; i < 12_800 && write(chunk); i++) await pause(); // up to 200 MB
    });
    expect(result.status).toBe(413);
    expect(result.text).toMatch(/too large/i);
    expect(result.sent).toBeLessThan(8 * 1024 * 1024);
    // The server is still serving.
    expect((await fetch(`${server().url}/signin`)).status).toBe(200);
  });

  it("lets the upload page alone take a larger body, still refusing one over its own bound with 413", async () => {
    const declared = (path: string, bytes: number) =>
      rawPost(path, { "Content-Type": "multipart/form-data; boundary=b", "Content-Length": String(bytes) }, async (write) => {
        write(Buffer.from("--b"));
      });
    const over = await declared("/instructor/upload", 25 * 1024 * 1024);
    expect(over).toMatchObject({ status: 413, text: "This request is too large: at most 20.3 MB is accepted." });
    const oneMegabyte = Buffer.alloc(1024 * 1024, "a");
    const send = (path: string) =>
      rawPost(path, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(5 + oneMegabyte.length) }, async (write) => {
        write(Buffer.from("text="));
        write(oneMegabyte);
      });
    // Past server.js's bound to the app, which sends a visitor to sign in; elsewhere the form bound holds.
    expect((await send("/instructor/upload")).status).toBe(302);
    expect(await send("/signin")).toMatchObject({ status: 413, text: "This request is too large: at most 64 KB is accepted." });
  });

  it("lets a roster upload through up to its own larger bound, and refuses one over it with 413", async () => {
    const path = "/cohorts/any-cohort/roster";
    const headers = (length: number) => ({ "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(length) });
    const over = await rawPost(path, headers(ROSTER_BODY_LIMIT + 1), async (write) => void write(Buffer.from("--x")));
    expect(over.status).toBe(413);
    // Over the form limit but within the roster's: the page's own guard answers (a visitor is sent to sign in).
    const within = 200 * 1024;
    const body = Buffer.alloc(within, "a");
    const through = await rawPost(path, headers(within), async (write) => void write(body));
    expect(through.status).toBe(302);
  });

  it("answers a JSON or text/plain body, or a DELETE or PUT, on a form route with a 4xx and a plain message", async () => {
    const cookie = await signInCookie();
    const cases: [string, RequestInit, number][] = [
      ["/signin", { method: "POST", body: JSON.stringify({ email: DEMO_LEARNERS[0], password: DEMO_PASSWORD }), headers: { "Content-Type": "application/json" } }, 415],
      ["/signin", { method: "POST", body: "email=x", headers: { "Content-Type": "text/plain" } }, 415],
      ["/signin.data", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }, 415],
      ["/signin", { method: "DELETE" }, 405],
      ["/settings", { method: "PUT", body: "newPerDay=1", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie } }, 405],
      ["/review", { method: "POST", body: '{"intent":"undo"}', headers: { "Content-Type": "application/json", Cookie: cookie } }, 415],
      [`/set-password/${"a".repeat(43)}`, { method: "POST", body: '{"password":"x"}', headers: { "Content-Type": "application/json" } }, 415],
      [`/set-password/${"a".repeat(43)}`, { method: "DELETE" }, 405],
      [`/join/${"a".repeat(43)}`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: cookie } }, 415],
      // A page without an action.
      ["/stats", { method: "POST", body: "x=1", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie } }, 405],
      ["/stats", { method: "DELETE", headers: { Cookie: cookie } }, 405],
    ];
    const logBefore = server().log().length;
    for (const [path, init, status] of cases) {
      const response = await fetch(`${server().url}${path}`, { ...init, redirect: "manual" });
      const text = await response.text();
      expect([path, init.method, response.status]).toEqual([path, init.method, status]);
      expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    expect(server().log().slice(logBefore)).not.toMatch(/TypeError|Error: /);
  });
});

describe("redirectTo after signing in", () => {
  it("signs in and redirects to the percent-encoded path when redirectTo has a character above U+00FF", async () => {
    const response = await fetch(`${server().url}/signin`, {
      method: "POST",
      body: new URLSearchParams({ email: DEMO_LEARNERS[1], password: DEMO_PASSWORD, redirectTo: "/courses/ĉambro?q=ŝ" }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/courses/%C4%89ambro?q=%C5%9D");
  });
});
