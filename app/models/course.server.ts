import { asc } from "drizzle-orm";
import type { Database } from "../../db/client";
import { courses } from "../../db/schema";

export async function listCourses(db: Database) {
  return db.select().from(courses).orderBy(asc(courses.title));
}
