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
import { installStatementCache } from "./statement-cache";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export const DEFAULT_DATABASE_URL = "file:data/cairn.db";

/** How long a file database's busy work is retried, and a libSQL server client's timeout. */
const BUSY_TIMEOUT_MS = 5000;

export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** Opens a database. File databases get WAL, foreign keys, kept statements and a JavaScript-side busy wait. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const file = isFileUrl(config.url);
  if (file) {
    installStatementCache();
    const path = config.url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({
    url: config.url,
    authToken: config.authToken,
    // A file database waits for another process's lock in JavaScript (see withBusyRetry).
    timeout: file ? 0 : BUSY_TIMEOUT_MS,
    concurrency: file ? 1 : undefined,
  });
  if (file) {
    serializeOnOneConnection(client);
    // WAL persists in the file; the others hold for this (only) connection.
    // NORMAL in WAL: a commit survives a crash of the process; only a power
    // cut or OS crash can roll back the last moments (see README, Decisions).
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute("PRAGMA busy_timeout = 0");
  }
  return drizzle(client, { schema }) as Database;
}

/**
 * A file database is used through one connection, and every operation on it
 * queues here: a statement waits while a transaction is open, and the next
 * transaction begins when the last one commits or rolls back.
 *
 * Why: SQLite admits one writer at a time. With several connections in one
 * process, a write issued while another request's transaction is open would
 * wait on a lock that only this same process can release. One queued
 * connection has no such state; statements take microseconds, so the queue
 * costs little. Another process's lock is waited for in withBusyRetry.
 */
function serializeOnOneConnection(client: Client) {
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>, retryWhenBusy = true): Promise<T> => {
    const result = tail.then(() => (retryWhenBusy ? withBusyRetry(work) : work()));
    tail = result.catch(() => undefined);
    return result;
  };
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const migrate = client.migrate.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const executeMultiple = client.executeMultiple.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    execute: (...args: unknown[]) => enqueue(() => execute(...args)),
    batch: (...args: unknown[]) => enqueue(() => batch(...args)),
    // A migration is one transaction, rolled back when refused: safe to retry.
    migrate: (...args: unknown[]) => enqueue(() => migrate(...args)),
    // Its statements commit one by one, so a retry could apply some twice: never retried.
    executeMultiple: (sql: string) => enqueue(() => executeMultiple(sql), false),
    // The queue moves on only when the transaction settles, not when it begins.
    transaction: (mode?: "write" | "read" | "deferred") =>
      new Promise((resolveTx, rejectTx) => {
        const held = tail.then(async () => {
          let tx: Awaited<ReturnType<typeof transaction>>;
          try {
            tx = await withBusyRetry(() => transaction(mode));
          } catch (error) {
            rejectTx(error);
            return;
          }
          let settle!: () => void;
          const settled = new Promise<void>((resolve) => (settle = resolve));
          for (const method of ["commit", "rollback"] as const) {
            const original = tx[method].bind(tx);
            tx[method] = async () => {
              try {
                return await original();
              } finally {
                settle();
              }
            };
          }
          const close = tx.close.bind(tx);
          tx.close = () => {
            close();
            settle();
          };
          resolveTx(tx);
          await settled;
        });
        tail = held.catch(() => undefined);
      }),
  });
}

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_BUSY";
}

/**
 * Runs `work`, retrying while another process holds the database's write
 * lock (several app servers on one file, or a script beside the server).
 *
 * Why not SQLite's busy timeout: its handler sleeps inside the native call,
 * blocking this process's event loop for a millisecond or more at every
 * collision, while the other process holds the lock for a fraction of that.
 * Here the wait is a timer, and the process meanwhile serves whatever does not
 * need the database (this connection's queue waits behind the busy work).
 * Retrying is safe: a statement, batch, migration or BEGIN refused as busy
 * applied nothing (executeMultiple is not retried).
 */
async function withBusyRetry<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      // Next turn of the event loop first, then 1, 2, 4, 8, 8… ms.
      await new Promise((resolve) =>
        attempt === 0 ? setImmediate(resolve) : setTimeout(resolve, Math.min(8, 2 ** (attempt - 1))),
      );
    }
  }
}

export const MIGRATIONS_FOLDER = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "migrations",
);

/** Applies every committed drizzle-kit migration that has not run yet. */
export async function migrateDatabase(db: Database, migrationsFolder = MIGRATIONS_FOLDER) {
  await migrate(db, { migrationsFolder });
}
