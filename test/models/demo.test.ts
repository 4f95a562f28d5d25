import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { DemoInProductionError, seedDemoAccounts } from "../../app/models/demo.server";
import { verifyCredentials } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const NOW = Date.UTC(2026, 0, 15, 12);
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe("demo accounts", () => {
  it("creates one instructor and three learners whose printed sign-ins work", async () => {
    const signIns = await seedDemoAccounts(t.db, NOW, "development");
    expect(signIns.map((s) => s.user.role).sort()).toEqual(["instructor", "learner", "learner", "learner"]);
    expect(signIns.every((s) => s.created)).toBe(true);
    for (const s of signIns) {
      expect(await verifyCredentials(t.db, s.user.email, s.password)).toEqual(s.user);
    }
  });

  it("is idempotent: seeding again creates nothing and returns the same accounts", async () => {
    const first = await seedDemoAccounts(t.db, NOW, "development");
    const second = await seedDemoAccounts(t.db, NOW + 1000, "development");
    expect(second.map((s) => s.user)).toEqual(first.map((s) => s.user));
    expect(second.some((s) => s.created)).toBe(false);
    expect(await t.db.select().from(users)).toHaveLength(first.length);
  });

  it("refuses in production and creates nothing", async () => {
    await expect(seedDemoAccounts(t.db, NOW, "production")).rejects.toBeInstanceOf(DemoInProductionError);
    expect(await t.db.select().from(users)).toEqual([]);
  });
});
