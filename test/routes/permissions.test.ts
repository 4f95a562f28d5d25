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
import { modules } from "../../db/schema";
import { renewInvite } from "../../app/models/cohort-invite.server";
import { assignModule, createCohort, joinCohort } from "../../app/models/cohort.server";
import { issuePasswordTokens } from "../../app/models/password-token.server";
import { createSession } from "../../app/models/session.server";
import { createUser, type Role } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { seedGeography } from "../support/fixtures";

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
};

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
        expect({ file, who, status: got.status }).toEqual({ file, who, status: 415 });
      }
    }
  });
});
