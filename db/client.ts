/**
 * The one way Cairn reaches its database.
 *
 * `DATABASE_URL` picks the database: a file (`file:data/cairn.db`, the
 * embedded default) or a libSQL server (`libsql://…`, `http(s)://…`) with
 * `DATABASE_AUTH_TOKEN`. App servers keep no state of their own, so several of
 * them can share one libSQL server.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export const DEFAULT_DATABASE_URL = "file:data/cairn.db";

const BUSY_TIMEOUT_MS = 5000;

export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** Opens a database. File databases get WAL, foreign keys and a busy timeout. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const file = isFileUrl(config.url);
  if (file) {
    const path = config.url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({
    url: config.url,
    authToken: config.authToken,
    timeout: BUSY_TIMEOUT_MS,
    // One connection per process for a file database: per-connection pragmas
    // (synchronous) then hold everywhere, and writers queue in-process instead
    // of meeting SQLITE_BUSY. SQLite admits one writer at a time regardless.
    concurrency: file ? 1 : undefined,
  });
  if (file) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  return drizzle(client, { schema }) as Database;
}

export const MIGRATIONS_FOLDER = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "migrations",
);

/** Applies every committed drizzle-kit migration that has not run yet. */
export async function migrateDatabase(db: Database, migrationsFolder = MIGRATIONS_FOLDER) {
  await migrate(db, { migrationsFolder });
}
