/**
 * Whose data each assessment route reaches, beyond the permission matrix's
 * roles: a learner of the cohort on instructor pages (403), another
 * instructor on this cohort's pages and a learner on another learner's
 * attempt or outside the cohort (404, as for ids that do not exist), and
 * the instructor of the cohort on a learner's attempt pages (404: they read
 * results on their own page). Nothing is saved by a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentOverrides, assessments, attemptAnswers, attemptQuestions, cohortAccommodations } from "../../db/schema";
import { eq } from "drizzle-orm";
import { settingsFormValues } from "../../app/forms/assessment-fields";
import { createAssessment } from "../../app/models/assessment-setup.server";
import { startAttempt } from "../../app/models/assessment-taking.server";
import { createSession } from "../../app/models/session.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { classroom, examSettings, HOUR, MINUTE, seedEarth } from "../support/assessment-fixtures";

let t: AppTestDatabase;
let auth: typeof import("../../app/auth.server");
const ids = { cohortId: "", otherCohortId: "", assessmentId: "", attemptId: "", questionId: "", learnerId: "" };
const cookies: Record<"learnerOfCohort" | "otherLearnerOfCohort" | "outsider" | "instructorOfCohort" | "otherInstructor", string> = {
  learnerOfCohort: "",
  otherLearnerOfCohort: "",
  outsider: "",
  instructorOfCohort: "",
  otherInstructor: "",
};
let settingsForm: Record<string, string> = {};

async function cookieOf(userId: string) {
  const { token } = await createSession(t.db, userId, Date.now());
  return (await auth.sessionCookie().serialize(token)).split(";")[0]!;
}

beforeAll(async () => {
  t = await useAppDatabase();
  auth = await import("../../app/auth.server");
  const { riversId } = await seedEarth(t.db);
  const room = await classroom(t.db);
  const other = await classroom(t.db);
  const now = Date.now();
  const settings = examSettings(riversId, { opensAt: now - MINUTE, closesAt: now + HOUR });
  const created = await createAssessment(t.db, room.scope, room.cohort.id, settings, now - 2 * MINUTE);
  if (!created?.ok) throw new Error(JSON.stringify(created));
  const started = await startAttempt(t.db, room.ada.id, created.assessmentId, now, String);
  if (started?.kind !== "started") throw new Error(JSON.stringify(started));
  const [q] = await t.db.select().from(attemptQuestions).where(eq(attemptQuestions.attemptId, started.attemptId));
  Object.assign(ids, { cohortId: room.cohort.id, otherCohortId: other.cohort.id, assessmentId: created.assessmentId, attemptId: started.attemptId, questionId: q!.questionId, learnerId: room.ada.id });
  cookies.learnerOfCohort = await cookieOf(room.ada.id);
  cookies.otherLearnerOfCohort = await cookieOf(room.ben.id);
  cookies.outsider = await cookieOf(room.outsider.id);
  cookies.instructorOfCohort = await cookieOf(room.instructor.id);
  cookies.otherInstructor = await cookieOf(other.instructor.id);
  settingsForm = settingsFormValues({ ...settings, title: "Changed by someone else" }, "UTC");
});
afterAll(() => t.close());

type Who = keyof typeof cookies;
interface Case {
  route: string;
  kind: "loader" | "action";
  path: () => string;
  params: () => Record<string, string>;
  form?: () => Record<string, string>;
  json?: () => unknown;
  refused: Partial<Record<Who, number>>;
}

const instructorPage = (route: string, tail: string, form?: () => Record<string, string>): Case[] => {
  const base = { route, path: () => `/cohorts/${ids.cohortId}${tail.replace(":a", ids.assessmentId)}`, params: () => ({ cohortId: ids.cohortId, assessmentId: ids.assessmentId }) };
  const refused = { learnerOfCohort: 403, otherInstructor: 404 };
  return [{ ...base, kind: "loader", refused }, ...(form ? [{ ...base, kind: "action" as const, form, refused }] : [])];
};

const CASES: Case[] = [
  ...instructorPage("cohorts.$cohortId.assessments._index", "/assessments"),
  ...instructorPage("cohorts.$cohortId.assessments.new", "/assessments/new", () => settingsForm),
  ...instructorPage("cohorts.$cohortId.assessments.$assessmentId", "/assessments/:a", () => ({ intent: "update", ...settingsForm })),
  ...instructorPage("cohorts.$cohortId.accommodations", "/accommodations", () => ({ learnerId: ids.learnerId, extraKind: "minutes", extraValue: "30", laterClose: "" })),
  {
    route: "cohorts.$cohortId.assessments.$assessmentId",
    kind: "action",
    path: () => `/cohorts/${ids.cohortId}/assessments/${ids.assessmentId}`,
    params: () => ({ cohortId: ids.cohortId, assessmentId: ids.assessmentId }),
    form: () => ({ intent: "override", learnerId: ids.learnerId, extraKind: "minutes", extraValue: "30", laterClose: "" }),
    refused: { learnerOfCohort: 403, otherInstructor: 404 },
  },
  {
    // An assessment id under a cohort it does not belong to.
    route: "cohorts.$cohortId.assessments.$assessmentId",
    kind: "loader",
    path: () => `/cohorts/${ids.otherCohortId}/assessments/${ids.assessmentId}`,
    params: () => ({ cohortId: ids.otherCohortId, assessmentId: ids.assessmentId }),
    refused: { otherInstructor: 404 },
  },
  ...(["loader", "action"] as const).map((kind) => ({
    route: "assessments.$assessmentId",
    kind,
    path: () => `/assessments/${ids.assessmentId}`,
    params: () => ({ assessmentId: ids.assessmentId }),
    form: () => ({ intent: "start" }),
    refused: { outsider: 404, otherInstructor: 404, instructorOfCohort: 404 },
  })),
  ...(["loader", "action"] as const).map((kind) => ({
    route: "attempts.$attemptId._index",
    kind,
    path: () => `/attempts/${ids.attemptId}`,
    params: () => ({ attemptId: ids.attemptId }),
    form: () => ({ intent: "flag", questionId: ids.questionId, flagged: "1" }),
    refused: { otherLearnerOfCohort: kind === "loader" ? 404 : 409, outsider: kind === "loader" ? 404 : 409, instructorOfCohort: kind === "loader" ? 404 : 409 },
  })),
  {
    route: "attempts.$attemptId.save",
    kind: "action",
    path: () => `/attempts/${ids.attemptId}/save`,
    params: () => ({ attemptId: ids.attemptId }),
    json: () => ({ attemptId: ids.attemptId, questionId: ids.questionId, seq: 1, response: "someone else's" }),
    refused: { otherLearnerOfCohort: 404, outsider: 404, instructorOfCohort: 404, otherInstructor: 404 },
  },
  {
    route: "attempts.$attemptId.save",
    kind: "loader",
    path: () => `/attempts/${ids.attemptId}/save`,
    params: () => ({ attemptId: ids.attemptId }),
    refused: { otherLearnerOfCohort: 404, instructorOfCohort: 404 },
  },
  {
    route: "attempts.$attemptId.results",
    kind: "loader",
    path: () => `/attempts/${ids.attemptId}/results`,
    params: () => ({ attemptId: ids.attemptId }),
    refused: { otherLearnerOfCohort: 404, instructorOfCohort: 404 },
  },
];

async function statusOf(c: Case, cookie: string): Promise<number> {
  const mod = (await import(`../../app/routes/${c.route}.tsx`).catch(() => import(`../../app/routes/${c.route}.ts`))) as {
    loader: (args: unknown) => Promise<unknown>;
    action: (args: unknown) => Promise<unknown>;
  };
  const headers: Record<string, string> = { Cookie: cookie };
  let init: RequestInit = { headers };
  if (c.kind === "action" && c.json) init = { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(c.json()) };
  else if (c.kind === "action") init = { method: "POST", headers, body: new URLSearchParams(c.form?.() ?? {}) };
  const request = new Request(`http://cairn.test${c.path()}`, init);
  try {
    const result = await mod[c.kind]({ request, params: c.params(), context: {} });
    if (result instanceof Response) return result.status;
    return (result as { init?: { status?: number } | null })?.init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("who reaches whose assessment data", () => {
  for (const c of CASES) {
    it(`${c.route} ${c.kind} ${c.path.toString().includes("otherCohortId") ? "(under another cohort) " : ""}refuses ${Object.entries(c.refused)
      .map(([who, status]) => `${who} ${status}`)
      .join(", ")}`, async () => {
      for (const [who, status] of Object.entries(c.refused) as [Who, number][]) {
        expect({ who, status: await statusOf(c, cookies[who]) }).toEqual({ who, status });
      }
    });
  }

  it("saved nothing for anyone refused", async () => {
    expect(await t.db.select().from(attemptAnswers)).toEqual([]);
    expect(await t.db.select().from(cohortAccommodations)).toEqual([]);
    expect(await t.db.select().from(assessmentOverrides)).toEqual([]);
    expect((await t.db.select().from(assessments)).map((a) => a.title)).toEqual(["Rivers test"]);
    const flags = await t.db.select().from(attemptQuestions).where(eq(attemptQuestions.flagged, true));
    expect(flags).toEqual([]);
  });

  it("and the owners are let through the same requests", async () => {
    const learnerRoutes = CASES.filter((c) => c.route.startsWith("attempts.") || c.route.startsWith("assessments."));
    for (const c of learnerRoutes) {
      const status = await statusOf(c, cookies.learnerOfCohort);
      expect({ route: c.route, kind: c.kind, letThrough: status < 400 }).toEqual({ route: c.route, kind: c.kind, letThrough: true });
    }
    const page = CASES.find((c) => c.route === "cohorts.$cohortId.assessments.$assessmentId" && c.kind === "loader")!;
    expect(await statusOf(page, cookies.instructorOfCohort)).toBe(200);
  });
});
