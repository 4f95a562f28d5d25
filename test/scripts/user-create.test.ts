/**
 * `npm run -s user:create`, run as a real process against a temp database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { users } from "../../db/schema";
import { verifyCredentials } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const ROOT = resolve(__dirname, "../..");
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

function userCreate(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["scripts/user-create.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "production" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("user:create", () => {
  it("creates an admin from a password on stdin and prints one line without the password", async () => {
    const run = await userCreate(["--role", "admin", "--email", "Root@Example.org", "--name", "Root Admin"], "first-admin-pw\n");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toMatch(/admin root@example\.org/);
    expect(run.stdout + run.stderr).not.toContain("first-admin-pw");
    expect(await verifyCredentials(t.db, "root@example.org", "first-admin-pw")).toMatchObject({ role: "admin", name: "Root Admin" });
  });

  it("refuses an email that already has an account and changes nothing", async () => {
    await userCreate(["--role", "admin", "--email", "root@example.org"], "first-admin-pw\n");
    const again = await userCreate(["--role", "learner", "--email", "ROOT@example.org", "--password-stdin"], "other-password\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const rows = await t.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe("admin");
  });

  it("refuses an unknown role, a malformed email and a short password", async () => {
    const role = await userCreate(["--role", "superuser", "--email", "a@example.org"], "long-enough-pw\n");
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/Role must be one of learner, instructor, admin/);
    const email = await userCreate(["--role", "admin", "--email", "not-an-email"], "long-enough-pw\n");
    expect(email.code).toBe(1);
    expect(email.stderr).toMatch(/Email/);
    const password = await userCreate(["--role", "admin", "--email", "b@example.org"], "short\n");
    expect(password.code).toBe(1);
    expect(password.stderr).toMatch(/Password: Use at least 8 characters/);
    expect(await t.db.select().from(users)).toEqual([]);
  });
});
