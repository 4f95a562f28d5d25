/**
 * Points the app's own `getDb()` at a fresh temp database, for tests that call
 * route loaders and actions directly. `env()` and `getDb()` cache what they
 * read, so the modules are re-imported after DATABASE_URL is set; import the
 * route modules with `await import(...)` after calling this.
 */
import { vi } from "vitest";
import type { Database } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "./db";

const globalForDb = globalThis as unknown as { __cairnDb?: Promise<Database> };

export interface AppTestDatabase extends Omit<TestDatabase, "close"> {
  close(): Promise<void>;
}

export async function useAppDatabase(): Promise<AppTestDatabase> {
  const test = await createTestDatabase();
  process.env.DATABASE_URL = test.url;
  delete globalForDb.__cairnDb;
  vi.resetModules();
  return {
    ...test,
    async close() {
      const appDb = globalForDb.__cairnDb;
      delete globalForDb.__cairnDb;
      (await appDb)?.$client.close();
      test.close();
    },
  };
}
