import { spawn } from "node:child_process";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { positionalParameterCount } from "../../db/statement-cache";
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

describe("another process holding the write lock", () => {
  it("makes a write wait without blocking the event loop, then apply", async () => {
    handle = await createTestDatabase();
    const { db, url } = handle;
    await db.$client.execute("CREATE TABLE counter (n INTEGER NOT NULL)");
    await db.$client.execute("INSERT INTO counter VALUES (0)");
    // A second process takes the write lock and keeps it for 400 ms.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const Database = require("libsql");
         const db = new Database(process.argv[1]);
         db.exec("PRAGMA busy_timeout = 5000");
         db.exec("BEGIN IMMEDIATE");
         db.exec("UPDATE counter SET n = n + 1");
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 400);`,
        url.slice("file:".length),
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = once(holder, "exit");
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once("data", () => resolve());
      holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    await db.$client.execute("UPDATE counter SET n = n + 10");
    const waited = performance.now() - started;
    clearInterval(ticker);
    await exited;
    expect(waited).toBeGreaterThan(200);
    // The event loop kept turning while the write waited (a sleeping busy handler would freeze it).
    // Under load timers lag, so ask for a few ticks, not all 40 of ~400 ms.
    expect(ticks).toBeGreaterThan(5);
    const { rows } = await db.$client.execute("SELECT n FROM counter");
    expect(Number(rows[0][0])).toBe(11);
  });
});

describe("kept prepared statements", () => {
  it("give each call its own arguments' rows, follow schema changes and still report constraint errors", async () => {
    handle = await createTestDatabase();
    const { $client } = handle.db;
    await $client.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)");
    const insert = "INSERT INTO notes (body) VALUES (?) RETURNING id";
    const ids = [];
    for (const body of ["a", "b", "c"]) ids.push(Number((await $client.execute({ sql: insert, args: [body] })).rows[0].id));
    expect(ids).toEqual([1, 2, 3]);
    const select = "SELECT * FROM notes WHERE id >= ? ORDER BY id";
    expect((await $client.execute({ sql: select, args: [2] })).rows.map((r) => r.body)).toEqual(["b", "c"]);
    expect((await $client.execute({ sql: select, args: [3] })).rows.map((r) => r.body)).toEqual(["c"]);
    // A statement that returns no rows, run again: still runs, still counts.
    const update = "UPDATE notes SET body = body || '!' WHERE id = ?";
    expect((await $client.execute({ sql: update, args: [1] })).rowsAffected).toBe(1);
    expect((await $client.execute({ sql: update, args: [9] })).rowsAffected).toBe(0);
    await expect($client.execute({ sql: insert, args: ["b"] })).rejects.toThrow(/UNIQUE/i);
    // The same SQL text after the table grows a column sees the new column.
    await $client.execute("ALTER TABLE notes ADD COLUMN tag TEXT");
    const after = await $client.execute({ sql: select, args: [1] });
    expect(after.columns).toEqual(["id", "body", "tag"]);
    expect(after.rows.map((r) => r.body)).toEqual(["a!", "b", "c"]);
  });

  it("refuse a call that leaves a parameter out, rather than reuse the last call's value", async () => {
    handle = await createTestDatabase();
    const { $client } = handle.db;
    const pair = "SELECT ?1 AS mine, ?2 AS yours";
    expect((await $client.execute({ sql: pair, args: ["a", "b"] })).rows[0]).toMatchObject({ mine: "a", yours: "b" });
    await expect($client.execute({ sql: pair, args: ["c"] })).rejects.toThrow(/takes 2 arguments, not 1/);
    await expect($client.execute(pair)).rejects.toThrow(/takes 2 arguments, not 0/);
    expect((await $client.execute({ sql: pair, args: ["c", null] })).rows[0]).toMatchObject({ mine: "c", yours: null });
  });

  it("count positional parameters as SQLite numbers them, skipping quoted text and comments", () => {
    expect(positionalParameterCount("SELECT 1")).toBe(0);
    expect(positionalParameterCount("SELECT ?, ?, ?")).toBe(3);
    expect(positionalParameterCount("SELECT ?1, ?3, ?1")).toBe(3);
    expect(positionalParameterCount("SELECT ?2, ?")).toBe(3);
    expect(positionalParameterCount("SELECT '?', \"?\", `?`, [?], ? -- ?\n /* ? */")).toBe(1);
    expect(positionalParameterCount("SELECT :name")).toBeNull();
    expect(positionalParameterCount("SELECT ':name', '@x'")).toBe(0);
  });
});

describe("environment", () => {
  it("is validated with a message naming each bad setting", async () => {
    const { parseEnv } = await import("../../app/env.server");
    expect(() => parseEnv({ PORT: "abc", DATABASE_URL: "postgres://db" })).toThrow(/PORT[\s\S]*DATABASE_URL: must start with file:/);
    expect(parseEnv({}).DATABASE_URL).toBe("file:data/cairn.db");
  });
});
