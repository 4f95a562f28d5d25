/**
 * Who teaches a cohort: its owner and the co-instructors the owner adds by
 * email. Every instructor of a cohort (cohort_instructors) sees and manages
 * it, since every query in cohort*.server.ts reaches cohorts through that
 * list; only the owner (or an admin) changes the list, and the owner stays
 * on it.
 *
 * Whether an account may teach is a permission, which the route knows
 * (auth.server.ts); it is passed in, so no role is named here.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cohortInstructors, users, type Cohort } from "../../db/schema";
import { findCohort, onAppDb, type CohortScope } from "./cohort.server";
import { getUserByEmail, type Role } from "./user.server";

export interface CohortTeam {
  cohort: { id: string; name: string };
  /** The owner first, then by name. */
  instructors: { id: string; name: string; email: string; owner: boolean }[];
  /** Whether the asker may add and remove instructors. */
  mayManage: boolean;
}

const mayManage = (scope: CohortScope, cohort: Cohort) => scope.all || cohort.ownerId === scope.userId;

/** The instructors of a cohort the scope reaches; null otherwise. */
export async function cohortTeam(db: Database, scope: CohortScope, cohortId: string): Promise<CohortTeam | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(cohortInstructors)
    .innerJoin(users, eq(users.id, cohortInstructors.userId))
    .where(eq(cohortInstructors.cohortId, cohortId))
    .orderBy(asc(users.name), asc(users.email));
  const instructors = rows.map((r) => ({ ...r, owner: r.id === cohort.ownerId })).sort((a, b) => Number(b.owner) - Number(a.owner));
  return { cohort: { id: cohort.id, name: cohort.name }, instructors, mayManage: mayManage(scope, cohort) };
}

export const NOT_OWNER = "Only the cohort’s owner adds or removes its instructors.";

export type TeamChange = { ok: true; name: string } | { ok: false; reason: "not-owner" } | { ok: false; reason: "refused"; error: string };

/**
 * Adds the account with this email as a co-instructor, if it may teach
 * (`mayTeach`, the route's permission check); null when the cohort is not reached.
 */
export async function addCoInstructor(
  db: Database,
  scope: CohortScope,
  cohortId: string,
  email: string,
  mayTeach: (role: Role) => boolean,
): Promise<TeamChange | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  if (!mayManage(scope, cohort)) return { ok: false, reason: "not-owner" };
  const user = await getUserByEmail(db, email);
  if (!user) return { ok: false, reason: "refused", error: "No account has this email. An admin makes instructor accounts; ask one first." };
  if (!mayTeach(user.role)) {
    return { ok: false, reason: "refused", error: `${user.email} is a learner’s account: only an instructor’s account can teach a cohort.` };
  }
  const added = await db.insert(cohortInstructors).values({ cohortId, userId: user.id }).onConflictDoNothing().returning({ userId: cohortInstructors.userId });
  if (added.length === 0) return { ok: false, reason: "refused", error: `${user.name} already teaches this cohort.` };
  return { ok: true, name: user.name };
}

/** Removes a co-instructor (never the owner); null when the cohort is not reached or they do not teach it. */
export async function removeCoInstructor(db: Database, scope: CohortScope, cohortId: string, userId: string): Promise<TeamChange | null> {
  const cohort = await findCohort(db, scope, cohortId);
  if (!cohort) return null;
  if (!mayManage(scope, cohort)) return { ok: false, reason: "not-owner" };
  if (userId === cohort.ownerId) return { ok: false, reason: "refused", error: "The cohort’s owner always teaches it." };
  const [removed] = await db
    .delete(cohortInstructors)
    .where(and(eq(cohortInstructors.cohortId, cohortId), eq(cohortInstructors.userId, userId)))
    .returning({ userId: cohortInstructors.userId });
  if (!removed) return null;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return { ok: true, name: user?.name ?? "" };
}

export const cohortTeamOnAppDb = onAppDb(cohortTeam);
export const addCoInstructorOnAppDb = onAppDb(addCoInstructor);
export const removeCoInstructorOnAppDb = onAppDb(removeCoInstructor);
