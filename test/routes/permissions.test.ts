/// <reference types="vite/client" />
/**
 * The permission matrix: every route's loader and action, asked by each kind
 * of visitor (anonymous, a learner, a learner of the matrix's cohort, the
 * cohort's instructor, another instructor, an admin), against a real temp
 * database. Each cell says what must happen: "allowed" (the guard lets the
 * request through; whatever the page then says, it is not a refusal or a
 * 500), "signin" (sent to sign in), "forbidden" (403), "notfound" (404: a
 * cohort or learner the asker does not teach answers as a missing one) or
 * "away" (a page for signed-out visitors sends a signed-in one on). A route file the matrix does
 * not list fails the test, and so does a listed loader or action the module
 * does not export (or one it exports that the matrix leaves out).
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { lessons, modules } from "../../db/schema";
import { settingsFormValues } from "../../app/forms/assessment-fields";
import { createAssessment, findAssessment, settingsOf } from "../../app/models/assessment-setup.server";
import { startAttempt, submitAttempt } from "../../app/models/assessment-taking.server";
import { claimCourse, courseIdFor } from "../../app/models/content.server";
import { renewInvite } from "../../app/models/cohort-invite.server";
import { assignModule, createCohort, joinCohort } from "../../app/models/cohort.server";
import { issuePasswordTokens } from "../../app/models/password-token.server";
import { createSession } from "../../app/models/session.server";
import { createUser, type Role } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { builtModules, seedGeography } from "../support/fixtures";
import { encodeDraftModule, summariseDraft } from "../../app/content/draft-format";
import { completeDraft, createDraft } from "../../app/models/draft.server";

/** "instructor" teaches the matrix's cohort, "cohort-learner" belongs to it; "learner" and "other-instructor" do neither. */
type Who = "anonymous" | "learner" | "cohort-learner" | "instructor" | "other-instructor" | "admin";
type Expect = "allowed" | "signin" | "forbidden" | "notfound" | "away";
const WHO: readonly Who[] = ["anonymous", "learner", "cohort-learner", "instructor", "other-instructor", "admin"];
const ROLE_OF: Record<Exclude<Who, "anonymous">, Role> = {
  learner: "learner",
  "cohort-learner": "learner",
  instructor: "instructor",
  "other-instructor": "instructor",
  admin: "admin",
};

/** Every signed-in role alike, a visitor otherwise. */
const signedIn = (anonymous: Expect, others: Expect): Record<Who, Expect> => ({
  anonymous,
  learner: others,
  "cohort-learner": others,
  instructor: others,
  "other-instructor": others,
  admin: others,
});
const everyone = signedIn("allowed", "allowed");
const members = signedIn("signin", "allowed");
const visitorsOnly = signedIn("allowed", "away");

interface Cell {
  url: string;
  params?: Record<string, string>;
  expect: Record<Who, Expect>;
  /** The action's form fields (valid ones, so that "allowed" is tested past validation where it can be). */
  form?: Record<string, string>;
}
interface RouteEntry {
  loader?: Cell;
  action?: Cell;
}

const lessonParams = { courseSlug: "geography", moduleSlug: "rivers", lessonSlug: "africa" };

/** Instructors and admins: pages of their own cohorts (the list, creating one). */
const teachers = { ...signedIn("signin", "allowed"), learner: "forbidden", "cohort-learner": "forbidden" } as const satisfies Record<Who, Expect>;
/** Pages for admins alone. */
const admins = { ...signedIn("signin", "forbidden"), admin: "allowed" } as const satisfies Record<Who, Expect>;
/** One cohort's pages: its instructors and admins; another instructor finds no such cohort. */
const cohortTeachers = { ...teachers, "other-instructor": "notfound" } as const satisfies Record<Who, Expect>;
const cohortParams = { cohortId: "" };
const cohortForms = { assign: {} as Record<string, string>, join: {} as Record<string, string>, ownDueDate: {} as Record<string, string> };
const cohortUrl = (tail = "") => ({
  get url() {
    return `/cohorts/${cohortParams.cohortId}${tail}`;
  },
  params: cohortParams,
});

/** An invite link to another cohort than the matrix's (whose link the invite row renews). */
const inviteParams = { token: "" };
const inviteUrl = {
  get url() {
    return `/join/${inviteParams.token}`;
  },
  params: inviteParams,
};

/** The matrix cohort's learner's page. */
const learnerParams = { cohortId: "", learnerId: "" };
const learnerUrl = {
  get url() {
    return `/cohorts/${learnerParams.cohortId}/learners/${learnerParams.learnerId}`;
  },
  params: learnerParams,
};

/** A welcome link for the learner (set in beforeAll); the matrix posts a too-short password, so nothing spends it. */
const linkParams = { token: "" };
const linkUrl = {
  get url() {
    return `/set-password/${linkParams.token}`;
  },
  params: linkParams,
};

/** A draft the matrix's instructor uploaded (set in beforeAll); the admin's "any" reaches it too. */
const draftParams = { draftId: "" };
const draftUrl = {
  get url() {
    return `/instructor/drafts/${draftParams.draftId}`;
  },
  params: draftParams,
};
/**
 * Timed assessments: one in the matrix cohort, which the matrix's learner
 * joined; their first attempt finished (results) and their second open (the
 * attempt page, its saves). Other learners' and instructors' ids answering
 * 404 are test/routes/assessment-access.test.ts's.
 */
const assessmentParams = { cohortId: "", assessmentId: "", attemptId: "", finishedAttemptId: "" };
const assessmentForms = { settings: {} as Record<string, string>, update: {} as Record<string, string>, accommodation: {} as Record<string, string>, flag: {} as Record<string, string>, save: {} as Record<string, string> };
const lazily = (url: () => string, params: () => Record<string, string>, expect: Record<Who, Expect>, form?: () => Record<string, string>): Cell => ({
  get url() {
    return url();
  },
  get params() {
    return params();
  },
  expect,
  ...(form
    ? {
        get form() {
          return form();
        },
      }
    : {}),
});
const p = assessmentParams;
/** The curation pages: a module of the matrix's instructor (the geography course is claimed for them in beforeAll). */
const curation = { moduleId: "", lessonId: "" };
const curationParams = { moduleId: "", questionId: "q-nile" };
const curationUrl = (tail = "") => ({
  get url() {
    return `/instructor/modules/${curation.moduleId}${tail}`;
  },
  params: curationParams,
});
const questionEdit = { revision: "1", type: "cloze", prompt: "The _____ flows north.", answer: "Nile", accepted: "", options: "", unit: "", tolerance: "", explanation: "" };

/** Pages of an instructor's own module or draft: another instructor finds no such thing. */
/** A learner's own assessment and attempt pages: anyone else, staff included, finds no such thing. */
const learnerOwn = { anonymous: "signin", learner: "notfound", "cohort-learner": "allowed", instructor: "notfound", "other-instructor": "notfound", admin: "notfound" } as const satisfies Record<Who, Expect>;
const ownersOnly = { ...teachers, "other-instructor": "notfound" } as const satisfies Record<Who, Expect>;

const MATRIX: Record<string, RouteEntry> = {
  "cohorts._index.tsx": {
    loader: { url: "/cohorts", expect: teachers },
    action: { url: "/cohorts", expect: teachers, form: { name: "Matrix cohort" } },
  },
  "cohorts.$cohortId._index.tsx": {
    loader: { ...cohortUrl(), expect: cohortTeachers },
    action: {
      ...cohortUrl(),
      expect: cohortTeachers,
      get form() {
        return cohortForms.assign;
      },
    },
  },
  "cohorts.$cohortId.roster.tsx": {
    loader: { ...cohortUrl("/roster"), expect: cohortTeachers },
    action: { ...cohortUrl("/roster"), expect: cohortTeachers, form: { roster: "matrix-roster@example.org" } },
  },
  "cohorts.$cohortId.learners.$learnerId.tsx": {
    loader: { ...learnerUrl, expect: cohortTeachers },
    action: {
      ...learnerUrl,
      expect: cohortTeachers,
      get form() {
        return cohortForms.ownDueDate;
      },
    },
  },
  "cohorts.$cohortId.invite.tsx": {
    loader: { ...cohortUrl("/invite"), expect: cohortTeachers },
    action: { ...cohortUrl("/invite"), expect: cohortTeachers, form: { intent: "new" } },
  },
  "cohorts.$cohortId.instructors.tsx": {
    loader: { ...cohortUrl("/instructors"), expect: cohortTeachers },
    action: {
      ...cohortUrl("/instructors"),
      expect: cohortTeachers,
      // A colleague outside the matrix: adding "other-instructor" would let them reach the cohort in the rows after.
      form: { intent: "add", email: "colleague@example.org" },
    },
  },
  "cohorts.$cohortId.export[.]csv.ts": { loader: { ...cohortUrl("/export.csv"), expect: cohortTeachers } },
  "join.$token.tsx": {
    loader: { ...inviteUrl, expect: everyone },
    action: { ...inviteUrl, expect: members, form: {} },
  },
  // Before join.tsx's row, whose action makes every learner who posts it a member.
  "assessments.$assessmentId.tsx": {
    loader: lazily(() => `/assessments/${p.assessmentId}`, () => ({ assessmentId: p.assessmentId }), learnerOwn),
    action: lazily(() => `/assessments/${p.assessmentId}`, () => ({ assessmentId: p.assessmentId }), learnerOwn, () => ({ intent: "start" })),
  },
  "join.tsx": {
    loader: { url: "/join", expect: members },
    action: {
      url: "/join",
      expect: members,
      get form() {
        return cohortForms.join;
      },
    },
  },
  "admin.users.tsx": {
    loader: { url: "/admin/users?q=example", expect: admins },
    action: {
      url: "/admin/users",
      expect: admins,
      get form() {
        // Not the learner whose welcome link the set-password row opens: a new link replaces the old.
        return { intent: "recovery-link", userId: userIds.get("cohort-learner")! };
      },
    },
  },
  "set-password.$token.tsx": {
    loader: { ...linkUrl, expect: everyone },
    action: { ...linkUrl, expect: everyone, form: { password: "short" } },
  },
  "_index.tsx": { loader: { url: "/", expect: everyone } },
  "courses.$courseSlug._index.tsx": { loader: { url: "/courses/geography", params: { courseSlug: "geography" }, expect: everyone } },
  "courses.$courseSlug.$moduleSlug._index.tsx": {
    loader: { url: "/courses/geography/rivers", params: { courseSlug: "geography", moduleSlug: "rivers" }, expect: everyone },
    action: { url: "/courses/geography/rivers", params: { courseSlug: "geography", moduleSlug: "rivers" }, expect: members, form: {} },
  },
  "courses.$courseSlug.$moduleSlug.$lessonSlug._index.tsx": {
    loader: { url: "/courses/geography/rivers/africa", params: lessonParams, expect: everyone },
    action: { url: "/courses/geography/rivers/africa", params: lessonParams, expect: members, form: {} },
  },
  "courses.$courseSlug.$moduleSlug.$lessonSlug.practice.tsx": {
    loader: { url: "/courses/geography/rivers/africa/practice", params: lessonParams, expect: everyone },
    action: { url: "/courses/geography/rivers/africa/practice", params: lessonParams, expect: everyone, form: { questionId: "q-nile", response: "Nile" } },
  },
  "review.tsx": {
    loader: { url: "/review", expect: members },
    action: { url: "/review", expect: members, form: { intent: "undo" } },
  },
  "settings.tsx": {
    loader: { url: "/settings", expect: members },
    action: { url: "/settings", expect: members, form: { desiredRetention: "90", newPerDay: "20", maxReviewsPerDay: "200", timeZone: "UTC" } },
  },
  "stats.tsx": { loader: { url: "/stats", expect: members } },
  "signin.tsx": {
    loader: { url: "/signin", expect: visitorsOnly },
    action: { url: "/signin", expect: everyone, form: { email: "nobody@example.org", password: "not-a-password" } },
  },
  "signup.tsx": {
    loader: { url: "/signup", expect: visitorsOnly },
    action: { url: "/signup", expect: everyone, form: { name: "New", email: "", password: "x" } },
  },
  "signout.tsx": {
    loader: { url: "/signout", expect: signedIn("away", "allowed") },
    action: { url: "/signout", expect: everyone, form: {} },
  },
  "instructor.upload.tsx": {
    loader: { url: "/instructor/upload", expect: teachers },
    // Nothing to upload: refused by the form (400) past the guard, and no preparation is queued.
    action: { url: "/instructor/upload", expect: teachers, form: { text: "" } },
  },
  "instructor.drafts.$draftId.tsx": {
    loader: { ...draftUrl, expect: ownersOnly },
    // A ready draft cannot be tried again: the form's refusal (400), past the guard, changing nothing.
    action: { ...draftUrl, expect: ownersOnly, form: { intent: "retry" } },
  },
  "instructor._index.tsx": { loader: { url: "/instructor", expect: teachers } },
  "instructor.modules.$moduleId._index.tsx": {
    loader: { ...curationUrl(), expect: ownersOnly },
    action: { ...curationUrl(), expect: ownersOnly, form: { intent: "curate", action: "accept", questionId: "q-amazon" } },
  },
  "instructor.modules.$moduleId.questions.$questionId.tsx": {
    loader: { ...curationUrl("/questions/q-nile"), expect: ownersOnly },
    action: { ...curationUrl("/questions/q-nile"), expect: ownersOnly, form: questionEdit },
  },
  "instructor.modules.$moduleId.questions.new.tsx": {
    loader: { ...curationUrl("/questions/new"), expect: ownersOnly },
    action: {
      ...curationUrl("/questions/new"),
      expect: ownersOnly,
      get form() {
        return { ...questionEdit, type: "short_answer", prompt: "Which river flows north?", lessonId: curation.lessonId };
      },
    },
  },
  "cohorts.$cohortId.assessments._index.tsx": { loader: lazily(() => `/cohorts/${p.cohortId}/assessments`, () => ({ cohortId: p.cohortId }), cohortTeachers) },
  "cohorts.$cohortId.assessments.new.tsx": {
    loader: lazily(() => `/cohorts/${p.cohortId}/assessments/new`, () => ({ cohortId: p.cohortId }), cohortTeachers),
    action: lazily(() => `/cohorts/${p.cohortId}/assessments/new`, () => ({ cohortId: p.cohortId }), cohortTeachers, () => assessmentForms.settings),
  },
  "cohorts.$cohortId.assessments.$assessmentId.tsx": {
    loader: lazily(() => `/cohorts/${p.cohortId}/assessments/${p.assessmentId}`, () => ({ cohortId: p.cohortId, assessmentId: p.assessmentId }), cohortTeachers),
    action: lazily(
      () => `/cohorts/${p.cohortId}/assessments/${p.assessmentId}`,
      () => ({ cohortId: p.cohortId, assessmentId: p.assessmentId }),
      cohortTeachers,
      () => assessmentForms.update,
    ),
  },
  "cohorts.$cohortId.accommodations.tsx": {
    loader: lazily(() => `/cohorts/${p.cohortId}/accommodations`, () => ({ cohortId: p.cohortId }), cohortTeachers),
    action: lazily(() => `/cohorts/${p.cohortId}/accommodations`, () => ({ cohortId: p.cohortId }), cohortTeachers, () => assessmentForms.accommodation),
  },
  "attempts.$attemptId._index.tsx": {
    loader: lazily(() => `/attempts/${p.attemptId}`, () => ({ attemptId: p.attemptId }), learnerOwn),
    action: lazily(() => `/attempts/${p.attemptId}`, () => ({ attemptId: p.attemptId }), members, () => assessmentForms.flag),
  },
  "attempts.$attemptId.save.ts": {
    loader: lazily(() => `/attempts/${p.attemptId}/save`, () => ({ attemptId: p.attemptId }), learnerOwn),
    action: lazily(() => `/attempts/${p.attemptId}/save`, () => ({ attemptId: p.attemptId }), members, () => assessmentForms.save),
  },
  "attempts.$attemptId.results.tsx": {
    loader: lazily(() => `/attempts/${p.finishedAttemptId}/results`, () => ({ attemptId: p.finishedAttemptId }), learnerOwn),
  },
};

const JSON_BODY_ROUTES: Record<string, number> = { "attempts.$attemptId.save.ts": 400 };

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes", import.meta.url));

let t: AppTestDatabase;
let auth: typeof import("../../app/auth.server");
const userIds = new Map<Who, string>();

beforeAll(async () => {
  t = await useAppDatabase();
  await seedGeography(t.db);
  auth = await import("../../app/auth.server");
  for (const [who, role] of Object.entries(ROLE_OF) as [Exclude<Who, "anonymous">, Role][]) {
    const user = await createUser(t.db, { email: `${who}@example.org`, name: who, password: "a-good-long-password", role }, Date.now());
    userIds.set(who, user.id);
  }
  await createUser(t.db, { email: "colleague@example.org", name: "Colleague", password: "a-good-long-password", role: "instructor" }, Date.now());
  const cohort = await createCohort(t.db, userIds.get("instructor")!, "Matrix", Date.now());
  cohortParams.cohortId = cohort.id;
  const another = await createCohort(t.db, userIds.get("other-instructor")!, "Another", Date.now());
  inviteParams.token = (await renewInvite(t.db, { userId: userIds.get("other-instructor")!, all: false }, another.id, Date.now()))!.token;
  await joinCohort(t.db, { learnerId: userIds.get("cohort-learner")!, address: "192.0.2.99" }, cohort.joinCode, Date.now());
  linkParams.token = (await issuePasswordTokens(t.db, [userIds.get("learner")!], "welcome", null, Date.now())).get(userIds.get("learner")!)!.token;
  const [rivers] = await t.db.select({ id: modules.id }).from(modules).where(eq(modules.slug, "rivers"));
  const today = new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  cohortForms.assign = { intent: "assign", moduleId: rivers!.id, startsOn: today, dueOn: inAWeek };
  cohortForms.join = { code: cohort.joinCode };
  Object.assign(learnerParams, { cohortId: cohort.id, learnerId: userIds.get("cohort-learner")! });
  const assigned = await assignModule(t.db, { userId: userIds.get("instructor")!, all: false }, cohort.id, { moduleId: rivers!.id, startsAt: Date.now(), dueAt: Date.now() + 7 * 86_400_000 }, Date.now());
  cohortForms.ownDueDate = { intent: "own-due-date", assignmentId: assigned?.ok ? assigned.assignmentId : "", dueOn: inAWeek };
  const draft = await createDraft(t.db, { ownerId: userIds.get("instructor")!, title: "notes.md", files: [{ name: "notes.md", bytes: new TextEncoder().encode("# Notes") }] }, Date.now());
  await completeDraft(t.db, draft.id, { module: encodeDraftModule(builtModules()[0]), summaryJson: JSON.stringify(summariseDraft(builtModules()[0])), title: "Notes" }, Date.now());
  draftParams.draftId = draft.id;

  const [africa] = await t.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, "africa"));
  const learnerId = userIds.get("cohort-learner")!;
  const settings = {
    title: "Matrix test",
    blueprint: [{ lessonId: africa!.id, count: 1 }],
    allowedTypes: ["cloze" as const, "true_false" as const],
    shuffleOptions: true,
    opensAt: Date.now() - 60_000,
    closesAt: Date.now() + 86_400_000,
    timeLimitMinutes: 60,
    attemptsAllowed: 2,
    reviewAfterSubmit: "score" as const,
    reviewAfterClose: "keys" as const,
    passMarkPercent: 50,
  };
  const scope = { userId: userIds.get("instructor")!, all: false };
  const created = await createAssessment(t.db, scope, cohort.id, settings, Date.now());
  if (!created?.ok) throw new Error(`matrix assessment not created: ${JSON.stringify(created)}`);
  const start = async () => {
    const started = await startAttempt(t.db, learnerId, created.assessmentId, Date.now(), String);
    if (started?.kind !== "started") throw new Error(`matrix attempt not started: ${JSON.stringify(started)}`);
    return started.attemptId;
  };
  Object.assign(assessmentParams, { cohortId: cohort.id, assessmentId: created.assessmentId, finishedAttemptId: await start() });
  await submitAttempt(t.db, learnerId, assessmentParams.finishedAttemptId, Date.now());
  assessmentParams.attemptId = await start();
  const opened = (await findAssessment(t.db, scope, cohort.id, created.assessmentId))!;
  const formQuestion = (await t.db.$client.execute({ sql: "SELECT question_id FROM attempt_questions WHERE attempt_id = ?", args: [assessmentParams.attemptId] })).rows[0]!.question_id as string;
  assessmentForms.settings = settingsFormValues({ ...settings, opensAt: Date.now() + 3_600_000 }, "UTC");
  assessmentForms.update = { intent: "update", ...settingsFormValues(settingsOf(opened), "UTC") };
  assessmentForms.accommodation = { learnerId, extraKind: "minutes", extraValue: "10", laterClose: "" };
  assessmentForms.flag = { intent: "flag", questionId: formQuestion, flagged: "1" };
  assessmentForms.save = { questionId: formQuestion, response: "Nile" };

  await claimCourse(t.db, courseIdFor("geography"), userIds.get("instructor")!);
  curation.moduleId = curationParams.moduleId = rivers!.id;
  curation.lessonId = (await t.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, rivers!.id)))[0]!.id;
});
afterAll(() => t.close());

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};

const ROUTE_MODULES = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");

function routeModule(file: string): Promise<RouteModule> {
  const load = ROUTE_MODULES[`../../app/routes/${file}`];
  if (!load) throw new Error(`no route module ${file}`);
  return load();
}

/** A request as `who`, with a session of its own (signing out ends only that one). */
async function request(cell: Cell, who: Who, kind: "loader" | "action", body?: { type: string; text: string }): Promise<Request> {
  const headers: Record<string, string> = {};
  const userId = userIds.get(who);
  if (userId) {
    const { token } = await createSession(t.db, userId, Date.now());
    headers.Cookie = (await auth.sessionCookie().serialize(token)).split(";")[0]!;
  }
  if (kind === "loader") return new Request(`http://cairn.test${cell.url}`, { headers });
  if (body) return new Request(`http://cairn.test${cell.url}`, { method: "POST", body: body.text, headers: { ...headers, "Content-Type": body.type } });
  return new Request(`http://cairn.test${cell.url}`, { method: "POST", body: new URLSearchParams(cell.form ?? {}), headers });
}

/**
 * What became of a request: refused (and how) or let through, with its
 * status. A loader's redirect elsewhere than sign-in sends the visitor away;
 * an action's is where a done action goes next (Start -> /review).
 */
async function outcome(kind: "loader" | "action", run: () => Promise<unknown>): Promise<{ kind: Expect; status: number }> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof Response)) return { kind: "allowed", status: 500 };
    result = error;
  }
  const status =
    result instanceof Response
      ? result.status
      : ((result as { init?: { status?: number } | null } | null)?.init?.status ?? 200);
  if (result instanceof Response && status >= 300 && status < 400) {
    const location = result.headers.get("Location") ?? "";
    if (location.startsWith("/signin")) return { kind: "signin", status };
    return { kind: kind === "loader" ? "away" : "allowed", status };
  }
  if (status === 403) return { kind: "forbidden", status };
  if (status === 404) return { kind: "notfound", status };
  return { kind: "allowed", status };
}

describe("the permission matrix", () => {
  it("lists every route file, and exactly the loaders and actions each exports", async () => {
    const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
    expect(files.sort()).toEqual(Object.keys(MATRIX).sort());
    for (const file of files) {
      const mod = await routeModule(file);
      expect([file, "loader", Boolean(mod.loader)]).toEqual([file, "loader", Boolean(MATRIX[file]!.loader)]);
      expect([file, "action", Boolean(mod.action)]).toEqual([file, "action", Boolean(MATRIX[file]!.action)]);
    }
  });

  for (const [file, entry] of Object.entries(MATRIX)) {
    for (const kind of ["loader", "action"] as const) {
      const cell = entry[kind];
      if (!cell) continue;
      it(`${file} ${kind}: ${WHO.map((w) => `${w} ${cell.expect[w]}`).join(", ")}`, async () => {
        const mod = await routeModule(file);
        for (const who of WHO) {
          const asked = await request(cell, who, kind);
          const context = { clientAddress: `192.0.2.${WHO.indexOf(who)}` };
          const got = await outcome(kind, () =>
            kind === "loader" ? mod.loader!({ request: asked, params: cell.params ?? {}, context }) : mod.action!({ request: asked, params: cell.params ?? {}, context }),
          );
          expect({ who, kind: got.kind }).toEqual({ who, kind: cell.expect[who] });
          expect({ who, status: got.status < 500 }).toEqual({ who, status: true });
        }
      });
    }
  }

  it("refuses a JSON body on every action with a 4xx, never a 500, for everyone the guard lets through", async () => {
    for (const [file, entry] of Object.entries(MATRIX)) {
      const cell = entry.action;
      if (!cell) continue;
      const mod = await routeModule(file);
      for (const who of WHO) {
        if (cell.expect[who] !== "allowed") continue;
        const asked = await request(cell, who, "action", { type: "application/json", text: "{}" });
        const got = await outcome("action", () => mod.action!({ request: asked, params: cell.params ?? {}, context: {} }));
        // signout has no form to read: it signs out whatever the body.
        if (file === "signout.tsx") continue;
        // The save endpoint takes JSON (the attempt page's script): "{}" lacks its fields.
        const expected = JSON_BODY_ROUTES[file] ?? 415;
        expect({ file, who, status: got.status }).toEqual({ file, who, status: expected });
      }
    }
  });
});
