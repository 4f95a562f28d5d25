import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";

let handle: TestDatabase | undefined;
afterEach(() => handle?.close());

describe("database client", () => {
  it("opens a migrated file database in WAL mode with foreign keys enforced", async () => {
    handle = await createTestDatabase();
    const { $client } = handle.db;
    const journal = await $client.execute("PRAGMA journal_mode");
    expect(String(journal.rows[0][0]).toLowerCase()).toBe("wal");
    const tables = await $client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    const names = tables.rows.map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(["courses", "modules", "lessons", "questions", "users", "cards", "review_logs"]));
    await expect(
      $client.execute({
        sql: "INSERT INTO lessons (id, module_id, slug, title, position, line, blocks_json, text, reading_minutes) VALUES ('l', 'missing', 's', 't', 0, 1, '[]', '', 1)",
        args: [],
      }),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });
});

describe("one queued connection per file database", () => {
  it("runs concurrent transactions and plain writes one after another without busy errors", async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await db.$client.execute("CREATE TABLE counter (n INTEGER NOT NULL)");
    await db.$client.execute("INSERT INTO counter VALUES (0)");
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      work.push(
        db.transaction(async (tx) => {
          const [row] = await tx.all<{ n: number }>(sql`SELECT n FROM counter`);
          await new Promise((r) => setTimeout(r, 1));
          await tx.run(sql`UPDATE counter SET n = ${row.n + 1}`);
        }),
      );
      work.push(db.$client.execute("UPDATE counter SET n = n + 1"));
    }
    await Promise.all(work);
    const { rows } = await db.$client.execute("SELECT n FROM counter");
    expect(Number(rows[0][0])).toBe(100);
  });
});

describe("environment", () => {
  it("is validated with a message naming each bad setting", async () => {
    const { parseEnv } = await import("../../app/env.server");
    expect(() => parseEnv({ PORT: "abc", DATABASE_URL: "postgres://db" })).toThrow(/PORT[\s\S]*DATABASE_URL: must start with file:/);
    expect(parseEnv({}).DATABASE_URL).toBe("file:data/cairn.db");
  });
});
