/**
 * Preparing drafts in the background, for real: a worker thread running the
 * pipeline through tsx, its stages and result written into the draft's row
 * on a real libSQL file; a bad file fails its draft with the reason and
 * leaves every course as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { courses, draftFiles, drafts, modules, questions } from "../../db/schema";
import { decodeDraftModule } from "../../app/content/draft-format";
import { createAndPrepareDraft, draftsSettled, retryAndPrepareDraft } from "../../app/models/draft-job.server";
import { createDraft, findDraft, INTERRUPTED_MESSAGE, listDrafts, STALE_AFTER_MS } from "../../app/models/draft.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedGeography } from "../support/fixtures";
import { makeDocx } from "../support/material-files";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await draftsSettled();
  t.close();
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function teacher() {
  const user = await createUser(t.db, { email: `t${Math.random()}@example.org`, name: "T", password: "a-good-long-password", role: "instructor" }, 1);
  return { id: user.id, scope: { userId: user.id, all: false } };
}

describe("preparing a draft in a worker thread", () => {
  it("reads the files, writes the questions and stores the draft ready, its files let go", async () => {
    const me = await teacher();
    const docx = { name: "congo.docx", bytes: await makeDocx([{ style: "Heading1", text: "The Congo" }, { text: "The Congo is the deepest river in the world. Henry Morton Stanley followed it to the Atlantic in 1877." }]) };
    const md = file("nile.md", "# The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long and crosses eleven countries.\n");
    const { id, prepared } = await createAndPrepareDraft(t.db, { ownerId: me.id, title: "nile.md", files: [md, docx] }, Date.now());
    expect(await findDraft(t.db, me.scope, id, Date.now())).toMatchObject({ status: "processing", sourceNames: ["nile.md", "congo.docx"] });
    await prepared;
    const draft = (await findDraft(t.db, me.scope, id, Date.now()))!;
    expect(draft).toMatchObject({ status: "ready", title: "The Nile", progress: 1, error: null });
    expect(draft.summary!.lessons.map((l) => l.title)).toEqual(["The Nile", "The Congo"]);
    const [row] = await t.db.select().from(drafts).where(eq(drafts.id, id));
    const module = await decodeDraftModule(row!.moduleGzip!);
    expect(module.lessons.flatMap((l) => l.questions).every((q) => q.id.startsWith("q_"))).toBe(true);
    expect(draft.summary!.questionCount).toBe(module.lessons.reduce((n, l) => n + l.questions.length, 0));
    expect(await t.db.select().from(draftFiles)).toEqual([]);
  });

  it("fails a draft whose file is bad, with the reason, and leaves the courses as they were", async () => {
    await seedGeography(t.db);
    const before = { courses: await t.db.select().from(courses), modules: await t.db.select().from(modules), questions: await t.db.select().from(questions) };
    const me = await teacher();
    const fakeDocx = { name: "report.docx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) };
    const { id, prepared } = await createAndPrepareDraft(t.db, { ownerId: me.id, title: "report.docx", files: [fakeDocx] }, Date.now());
    const onlyHeadings = await createAndPrepareDraft(t.db, { ownerId: me.id, title: "h.md", files: [file("h.md", "# One\n\n## Two\n")] }, Date.now());
    await Promise.all([prepared, onlyHeadings.prepared]);
    expect(await findDraft(t.db, me.scope, id, Date.now())).toMatchObject({
      status: "failed",
      error: "report.docx: this file is not a readable zip archive (no end of central directory)",
    });
    expect(await findDraft(t.db, me.scope, onlyHeadings.id, Date.now())).toMatchObject({ status: "failed", error: "h.md: no article text: the file has only headings" });
    expect({ courses: await t.db.select().from(courses), modules: await t.db.select().from(modules), questions: await t.db.select().from(questions) }).toEqual(before);
  });

  it("prepares a draft again after a restart cut it short: the stale draft is failed, its files kept, and Try again makes it ready", async () => {
    const me = await teacher();
    const md = file("nile.md", "# The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long.\n");
    // Created by a process that then died: nothing ever prepares it or renews its heartbeat.
    const { id } = await createDraft(t.db, { ownerId: me.id, title: "nile.md", files: [md] }, Date.now() - STALE_AFTER_MS - 1);
    expect((await listDrafts(t.db, me.scope, Date.now())).map((d) => [d.id, d.status])).toEqual([[id, "failed"]]);
    expect(await findDraft(t.db, me.scope, id, Date.now())).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE });
    expect(await retryAndPrepareDraft(t.db, { userId: "someone-else", all: false }, id, Date.now())).toBe(false);
    expect(await retryAndPrepareDraft(t.db, me.scope, id, Date.now())).toBe(true);
    expect(await findDraft(t.db, me.scope, id, Date.now())).toMatchObject({ status: "processing", error: null });
    await draftsSettled();
    expect(await findDraft(t.db, me.scope, id, Date.now())).toMatchObject({ status: "ready", title: "The Nile" });
    // Ready, its files are let go: there is nothing left to try again with.
    expect(await retryAndPrepareDraft(t.db, me.scope, id, Date.now())).toBe(false);
  });
});
