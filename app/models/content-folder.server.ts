import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "../../db/client";
import { parseCourseManifest } from "../content/manifest";
import { buildModules } from "../content/pipeline";
import { claimCourse, courseIdFor, saveCourse, sha256, storedCourseHash, type ImportSummary } from "./content.server";

/**
 * Imports a content folder (course.json + the files it names) when its hash
 * differs from the stored one; does nothing (not even parsing) when it doesn't.
 */
export async function importContentFolder(db: Database, dir: string, now: number, ownerId: string | null = null): Promise<ImportSummary> {
  const manifestText = readFileSync(join(dir, "course.json"), "utf8");
  const manifest = parseCourseManifest(manifestText);
  const files = manifest.modules.map((m) => ({
    name: m.file,
    key: m.slug,
    bytes: new Uint8Array(readFileSync(join(dir, m.file))),
  }));
  const contentHash = sha256(manifestText, ...files.flatMap((f) => [f.name, f.bytes]));
  if ((await storedCourseHash(db, manifest.slug)) === contentHash) {
    await claimCourse(db, courseIdFor(manifest.slug), ownerId);
    return { courseId: courseIdFor(manifest.slug), changed: false, modulesChanged: 0, questionsAdded: 0, questionsUpdated: 0, questionsRetired: 0, questionsCurated: 0, lessons: 0, questions: 0 };
  }
  const built = buildModules(files);
  return saveCourse(
    db,
    { manifest, modules: built, moduleHashes: files.map((f) => sha256(f.bytes)), contentHash, ownerId },
    now,
  );
}
