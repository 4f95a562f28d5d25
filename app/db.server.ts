import { openDatabase, type Database } from "../db/client";
import { env } from "./env.server";

// Kept on globalThis so that `remix dev` rebuilds reuse one client instead of
// opening a new connection pool on every change.
const globalForDb = globalThis as unknown as { __cairnDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  globalForDb.__cairnDb ??= openDatabase({
    url: env().DATABASE_URL,
    authToken: env().DATABASE_AUTH_TOKEN,
  });
  return globalForDb.__cairnDb;
}

/** A model function on the app's database, for routes (tests pass their own database). */
export function onAppDb<A extends unknown[], R>(fn: (db: Database, ...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => fn(await getDb(), ...args);
}
