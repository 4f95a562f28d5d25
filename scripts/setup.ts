/**
 * `npm start` runs this before serving: migrate the database, import
 * `content/` when it changed, and (outside production) create demo accounts.
 */
import { migrateDatabase, openDatabase } from "../db/client";
import { parseEnv } from "../app/env.server";

async function main() {
  const env = parseEnv(process.env);
  const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  await migrateDatabase(db);
  console.log(`Database ready at ${env.DATABASE_URL}`);
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
