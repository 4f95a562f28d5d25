/**
 * A real libSQL database for a test: a fresh temp file, migrated with the
 * committed migrations. Never a mock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type Database } from "../../db/client";

export interface TestDatabase {
  db: Database;
  url: string;
  dir: string;
  close(): void;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = await openDatabase({ url });
  await migrateDatabase(db);
  return {
    db,
    url,
    dir,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
