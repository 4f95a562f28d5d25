/**
 * `npm start` runs this before serving: migrate the database, outside
 * production create the demo accounts, import `content/` when it changed (by
 * content hash) as the demo instructor's course (in production as a course no
 * instructor owns, which admins manage), then give the demo learners some
 * review history and print their sign-ins.
 */
import { resolve } from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";
import { parseEnv } from "../app/env.server";
import { importContentFolder } from "../app/models/content-folder.server";
import { describeDemoSignIns, seedDemoAccounts } from "../app/models/demo.server";
import { simulateDemoHistory } from "../app/models/demo-history.server";
import { boundHeapGrowth } from "./ingestion-heap";

async function main() {
  // This process imports content/; the server that follows keeps V8's default heap policy.
  boundHeapGrowth();
  const env = parseEnv(process.env);
  const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  await migrateDatabase(db);
  console.log(`Database ready at ${env.DATABASE_URL}`);

  const now = Date.now();
  const signIns = env.NODE_ENV !== "production" ? await seedDemoAccounts(db, now, env.NODE_ENV) : [];
  const contentOwner = signIns.find((s) => s.user.role === "instructor")?.user.id ?? null;

  const contentDir = resolve(process.env.CONTENT_DIR ?? "content");
  const started = performance.now();
  const summary = await importContentFolder(db, contentDir, Date.now(), contentOwner);
  if (summary.changed) {
    console.log(
      `Imported ${contentDir}: ${summary.lessons} lessons, ${summary.questions} questions ` +
        `(${summary.questionsAdded} new, ${summary.questionsUpdated} kept, ${summary.questionsCurated} as instructors curated them, ${summary.questionsRetired} retired) ` +
        `in ${Math.round(performance.now() - started)} ms`,
    );
  } else {
    console.log(`Content in ${contentDir} is unchanged; nothing to import.`);
  }

  if (env.NODE_ENV !== "production") {
    let seed = 0;
    for (const s of signIns) {
      seed++;
      if (!s.created || s.user.role !== "learner") continue;
      await simulateDemoHistory(db, s.user.id, {
        now,
        days: 21,
        cardsPerDay: 12 + seed * 3,
        accuracy: 0.7 + seed * 0.05,
        seed: s.user.email,
      });
    }
    console.log("Demo sign-ins (development only):");
    for (const line of describeDemoSignIns(signIns)) console.log(line);
  }
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
