/**
 * The upload and draft routes, called with real requests (multipart and
 * plain form posts) against a real temp database: bounds, bad files refused
 * with their reason and nothing stored, the draft prepared in the background
 * and published, and another instructor's draft, course or module answered
 * as missing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { courses, draftFiles, drafts, modules } from "../../db/schema";
import { createSession } from "../../app/models/session.server";
import { createUser, type Role } from "../../app/models/user.server";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { makeDocx } from "../support/material-files";

let t: AppTestDatabase;
let uploadRoute: typeof import("../../app/routes/instructor.upload");
let draftRoute: typeof import("../../app/routes/instructor.drafts.$draftId");
let jobs: typeof import("../../app/models/draft-job.server");
let auth: typeof import("../../app/auth.server");

beforeEach(async () => {
  t = await useAppDatabase();
  uploadRoute = await import("../../app/routes/instructor.upload");
  draftRoute = await import("../../app/routes/instructor.drafts.$draftId");
  jobs = await import("../../app/models/draft-job.server");
  auth = await import("../../app/auth.server");
});
afterEach(async () => {
  await jobs.draftsSettled();
  await t.close();
});

let counter = 0;
async function person(role: Role) {
  counter++;
  const user = await createUser(t.db, { email: `${role}${counter}@example.org`, name: role, password: "a-good-long-password", role }, Date.now());
  const { token } = await createSession(t.db, user.id, Date.now());
  return { id: user.id, cookie: (await auth.sessionCookie().serialize(token)).split(";")[0]! };
}

const URL_UPLOAD = "http://cairn.test/instructor/upload";
const multipart = (files: File[], cookie: string, fields: Record<string, string> = {}) => {
  const body = new FormData();
  for (const f of files) body.append("files", f);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(URL_UPLOAD, { method: "POST", body, headers: { Cookie: cookie } });
};
const posted = (url: string, fields: Record<string, string>, cookie: string) =>
  new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
const get = (url: string, cookie: string) => new Request(url, { headers: { Cookie: cookie } });

async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: result, location: result.headers.get("Location") };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const wrapped = result as { data: unknown; init: { status?: number } | null };
      return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
    }
    return { status: 200, body: result, location: null };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: error, location: error.headers.get("Location") };
    throw error;
  }
}

const upload = (request: Request) => settle(() => uploadRoute.action({ request, params: {}, context: {} }));
const draftsNow = () => t.db.select().from(drafts);

const RIVERS = "# Rivers\n\n## The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long and crosses eleven countries.\n";

describe("uploading", () => {
  it("takes pasted text, stores a processing draft, answers at once with its page, and prepares it in the background", async () => {
    const me = await person("instructor");
    const result = await upload(posted(URL_UPLOAD, { text: RIVERS }, me.cookie));
    expect(result.status).toBe(302);
    const id = result.location!.replace("/instructor/drafts/", "");
    expect(await draftsNow()).toMatchObject([{ id, ownerId: me.id, sourceNamesJson: '["Pasted text"]' }]);
    await jobs.draftsSettled();
    const page = (await draftRoute.loader({ request: get(`http://cairn.test/instructor/drafts/${id}`, me.cookie), params: { draftId: id }, context: {} })) as Awaited<
      ReturnType<typeof draftRoute.loader>
    >;
    expect(page.draft).toMatchObject({ status: "ready", title: "Rivers" });
    expect(page.summary!.lessons.map((l) => l.title)).toEqual(["The Nile"]);
  });

  it("takes files as multipart, in the order chosen, with the pasted text after them", async () => {
    const me = await person("instructor");
    const docx = await makeDocx([{ style: "Heading1", text: "The Congo" }, { text: "The Congo is the deepest river in the world." }]);
    const result = await upload(multipart([new File([RIVERS], "rivers.md"), new File([docx as Uint8Array<ArrayBuffer>], "congo.docx")], me.cookie, { text: "Lakes\n\nLake Victoria is in Africa." }));
    expect(result.status).toBe(302);
    const [draft] = await draftsNow();
    expect(JSON.parse(draft!.sourceNamesJson)).toEqual(["rivers.md", "congo.docx", "Pasted text"]);
  });

  it.each([
    ["an empty file", new File([], "empty.md"), "empty.md: file is empty."],
    ["a binary file", new File([new Uint8Array([1, 2, 0, 3, 9, 9])], "data.txt"), "data.txt: file looks binary, not text (it contains NUL bytes)."],
    ["an unknown type", new File(["hello"], "slides.pptx"), "slides.pptx: unsupported file type (expected .txt, .md, .html, .docx, .pdf)."],
    ["a .docx that is not one", new File(["plain words"], "essay.docx"), "essay.docx: this is not a Word document (.docx files are zip archives; this one is not)."],
    ["a file over the limit", new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(97)], "big.txt"), "big.txt: file is too large (10.0 MB; the limit is 10.0 MB)."],
  ])("refuses %s with its reason, storing nothing", async (_, file, message) => {
    const me = await person("instructor");
    const result = await upload(multipart([new File([RIVERS], "good.md"), file], me.cookie));
    expect(result).toMatchObject({ status: 400, body: { status: "error", fieldErrors: { files: message } } });
    expect(await draftsNow()).toEqual([]);
    expect(await t.db.select().from(draftFiles)).toEqual([]);
  });

  it("bounds the number of files, their total and the body", async () => {
    const me = await person("instructor");
    const eleven = Array.from({ length: 11 }, (_, i) => new File([RIVERS], `part${i}.md`));
    expect(await upload(multipart(eleven, me.cookie))).toMatchObject({ status: 400, body: { fieldErrors: { files: "Choose at most 10 files at a time (you chose 11)." } } });
    const three = [1, 2, 3].map((i) => new File([new Uint8Array(7_000_000).fill(97)], `long${i}.txt`));
    expect(await upload(multipart(three, me.cookie))).toMatchObject({ status: 400, body: { formError: "Together these are 20.0 MB; one upload may bring at most 20.0 MB." } });
    const huge = new Request(URL_UPLOAD, {
      method: "POST",
      body: "x",
      headers: { Cookie: me.cookie, "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(30 * 1024 * 1024) },
    });
    const refused = await upload(huge);
    expect(refused.status).toBe(413);
    expect(await (refused.body as Response).text()).toBe("This request is too large: at most 20.3 MB is accepted.");
    expect(await upload(posted(URL_UPLOAD, { text: "   " }, me.cookie))).toMatchObject({ status: 400, body: { formError: "Choose a file to upload or paste some text." } });
    expect(await draftsNow()).toEqual([]);
  });

  it("refuses learners (403) and a JSON body (415)", async () => {
    const learner = await person("learner");
    expect((await upload(posted(URL_UPLOAD, { text: RIVERS }, learner.cookie))).status).toBe(403);
    const me = await person("instructor");
    const json = new Request(URL_UPLOAD, { method: "POST", body: "{}", headers: { Cookie: me.cookie, "Content-Type": "application/json" } });
    expect((await upload(json)).status).toBe(415);
    expect(await draftsNow()).toEqual([]);
  });
});

describe("a draft's page", () => {
  async function readyDraftOf(cookie: string) {
    const result = await upload(posted(URL_UPLOAD, { text: RIVERS }, cookie));
    await jobs.draftsSettled();
    return result.location!.replace("/instructor/drafts/", "");
  }
  const draftUrl = (id: string) => `http://cairn.test/instructor/drafts/${id}`;
  const act = (id: string, fields: Record<string, string>, cookie: string) =>
    settle(() => draftRoute.action({ request: posted(draftUrl(id), fields, cookie), params: { draftId: id }, context: {} }));

  it("publishes into a new course and sends the instructor to the module", async () => {
    const me = await person("instructor");
    const id = await readyDraftOf(me.cookie);
    const result = await act(id, { intent: "publish", courseId: "new", courseTitle: "Geography", title: "Rivers" }, me.cookie);
    expect(result).toMatchObject({ status: 302, location: "/courses/geography/rivers" });
    expect(await t.db.select({ slug: modules.slug, ownerId: modules.ownerId }).from(modules)).toEqual([{ slug: "rivers", ownerId: me.id }]);
    const again = await act(id, { intent: "publish", courseId: "new", courseTitle: "Geography", title: "Rivers" }, me.cookie);
    expect(again).toMatchObject({ status: 409 });
    expect(await t.db.select().from(modules)).toHaveLength(1);
  });

  it("discards a draft not yet published, and keeps a published one as the record", async () => {
    const me = await person("instructor");
    const discarded = await readyDraftOf(me.cookie);
    expect(await act(discarded, { intent: "discard" }, me.cookie)).toMatchObject({ status: 302, location: "/instructor/upload" });
    expect(await t.db.select().from(drafts).where(eq(drafts.id, discarded))).toEqual([]);
    const published = await readyDraftOf(me.cookie);
    await act(published, { intent: "publish", courseId: "new", courseTitle: "Kept", title: "Rivers" }, me.cookie);
    expect(await act(published, { intent: "discard" }, me.cookie)).toMatchObject({ status: 400, body: { formError: "A published draft stays as the record of what was published." } });
    expect(await t.db.select().from(drafts).where(eq(drafts.id, published))).toHaveLength(1);
  });

  it("asks for a new course's title", async () => {
    const me = await person("instructor");
    const id = await readyDraftOf(me.cookie);
    expect(await act(id, { intent: "publish", courseId: "new", courseTitle: " ", title: "Rivers" }, me.cookie)).toMatchObject({
      status: 400,
      body: { fieldErrors: { courseTitle: "Give the new course a title." } },
    });
    expect(await t.db.select().from(courses)).toEqual([]);
  });

  it("answers another instructor's draft, course and module as missing, and changes nothing", async () => {
    const owner = await person("instructor");
    const other = await person("instructor");
    const id = await readyDraftOf(owner.cookie);
    expect((await settle(() => draftRoute.loader({ request: get(draftUrl(id), other.cookie), params: { draftId: id }, context: {} }))).status).toBe(404);
    expect((await act(id, { intent: "discard" }, other.cookie)).status).toBe(404);
    expect((await act(id, { intent: "publish", courseId: "new", courseTitle: "Theirs", title: "Rivers" }, other.cookie)).status).toBe(404);
    // The owner publishes; the other instructor's own draft cannot reach that course or module.
    await act(id, { intent: "publish", courseId: "new", courseTitle: "Geography", title: "Rivers" }, owner.cookie);
    const [course] = await t.db.select().from(courses);
    const [module] = await t.db.select().from(modules);
    const theirs = await readyDraftOf(other.cookie);
    expect((await act(theirs, { intent: "publish", courseId: course!.id, title: "Intruder" }, other.cookie)).status).toBe(404);
    expect((await act(theirs, { intent: "version", moduleId: module!.id }, other.cookie)).status).toBe(404);
    const preview = (await draftRoute.loader({ request: get(`${draftUrl(theirs)}?versionOf=${module!.id}`, other.cookie), params: { draftId: theirs }, context: {} })) as Awaited<
      ReturnType<typeof draftRoute.loader>
    >;
    expect(preview.diff).toBeNull();
    expect(preview.targets!.modules).toEqual([]);
    expect(await t.db.select().from(modules)).toHaveLength(1);
    expect((await t.db.select().from(drafts).where(eq(drafts.id, id)))[0]!.status).toBe("published");
  });
});
