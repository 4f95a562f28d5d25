import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import {
  createUser,
  DuplicateEmailError,
  getUserById,
  verifyCredentials,
  verifyPassword,
} from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const NOW = Date.UTC(2026, 0, 15, 12);
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe("accounts", () => {
  it("stores the password as an argon2id hash that verifies only the right password", async () => {
    const user = await createUser(t.db, { email: "kim@example.org", name: "Kim", password: "correct horse", role: "learner" }, NOW);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(row.passwordHash, "correct horse")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "correct horsE")).toBe(false);
  });

  it("treats emails case-insensitively and refuses a second account for the same address", async () => {
    await createUser(t.db, { email: "  Kim@Example.ORG ", name: "Kim", password: "password-one", role: "learner" }, NOW);
    await expect(
      createUser(t.db, { email: "kim@example.org", name: "Other", password: "password-two", role: "learner" }, NOW),
    ).rejects.toBeInstanceOf(DuplicateEmailError);
    expect(await verifyCredentials(t.db, "KIM@example.org", "password-one")).toMatchObject({ email: "kim@example.org" });
  });

  it("checks credentials: the right pair gives the user without its hash, anything else gives null", async () => {
    const created = await createUser(t.db, { email: "lee@example.org", name: "Lee", password: "password-lee", role: "instructor" }, NOW);
    const found = await verifyCredentials(t.db, "lee@example.org", "password-lee");
    expect(found).toEqual({ id: created.id, email: "lee@example.org", name: "Lee", role: "instructor" });
    expect(await verifyCredentials(t.db, "lee@example.org", "password-lex")).toBeNull();
    expect(await verifyCredentials(t.db, "nobody@example.org", "password-lee")).toBeNull();
  });

  it("looks a user up by id and finds nothing for a guessed id", async () => {
    const created = await createUser(t.db, { email: "mo@example.org", name: "Mo", password: "password-mo", role: "learner" }, NOW);
    expect(await getUserById(t.db, created.id)).toEqual(created);
    expect(await getUserById(t.db, "00000000-0000-0000-0000-000000000000")).toBeUndefined();
  });
});
