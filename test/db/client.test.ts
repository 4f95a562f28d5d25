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
