/**
 * A timed assessment in a real browser at phone size (360 px wide): a
 * learner finds it on their home page, starts it, answers every question
 * (each answer shows when it was saved), moves between questions, submits
 * and sees their score; the page's HTML never holds a key. Then: answers
 * given offline wait on the device, survive a reload while still offline
 * (the service worker serves the page) and reach the server once the
 * connection is back, and signing out deletes the kept page; a page whose time runs out submits itself; and without
 * JavaScript, an answer is saved by its button and the attempt submitted by a
 * plain form.
 */
import { describe, expect, it } from "vitest";
import type { Page, Route } from "playwright-core";
import { createCohort } from "../../app/models/cohort.server";
import { bankQuestions } from "../../app/models/assessment-bank.server";
import { createAssessment } from "../../app/models/assessment-setup.server";
import { horizontalOverflow, inBrowser, PHONE, waitForHydration } from "./support/browser";
import { signIn } from "./support/flows";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const MINUTE = 60_000;
let assessmentTitle = "";

const server = serverForThisFile(async ({ db }) => {
  const ids = await db.$client.execute("SELECT id, email FROM users");
  const idOf = (email: string) => ids.rows.find((r) => r.email === email)!.id as string;
  const instructorId = idOf("instructor@demo.cairn.test");
  const cohort = await createCohort(db, instructorId, "Phone exam", Date.now());
  for (const email of DEMO_LEARNERS) {
    await db.$client.execute({ sql: "INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)", args: [cohort.id, idOf(email), Date.now()] });
  }
  // One question from each of the first four lessons that have questions for learners.
  const lessonIds = (await db.$client.execute("SELECT id FROM lessons WHERE status = 'active'")).rows.map((r) => r.id as string);
  const bank = await bankQuestions(db, lessonIds);
  const lessons = [...new Set(bank.map((q) => q.lessonId))].slice(0, 4);
  if (lessons.length < 2) throw new Error(`content/ has too few lessons with questions for learners: ${lessons.length}`);
  assessmentTitle = "Phone exam: content check";
  const now = Date.now();
  const created = await createAssessment(
    db,
    { userId: instructorId, all: false },
    cohort.id,
    {
      title: assessmentTitle,
      blueprint: lessons.map((lessonId) => ({ lessonId, count: 1 })),
      allowedTypes: ["cloze", "multiple_choice", "true_false", "short_answer", "numeric"],
      shuffleOptions: true,
      opensAt: now - MINUTE,
      closesAt: now + 3 * 60 * MINUTE,
      timeLimitMinutes: 30,
      attemptsAllowed: 3,
      reviewAfterSubmit: "answers",
      reviewAfterClose: "keys",
      passMarkPercent: 50,
    },
    now - 2 * MINUTE,
  );
  if (!created?.ok) throw new Error(`assessment not created: ${JSON.stringify(created)}`);
});

const SMALL_PHONE = { width: 360, height: 740 };

/** From home: the assessment's link, then Start; resolves on the attempt page. */
async function startFromHome(page: Page, url: string) {
  await page.goto(`${url}/`);
  const panel = page.getByRole("region", { name: "Your assessments" });
  await panel.getByRole("link", { name: assessmentTitle }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  await page.getByRole("main").getByText("30 min").first().waitFor();
  await page.getByRole("button", { name: "Start" }).click();
  await page.waitForURL(/\/attempts\/[^/?]+(\?.*)?$/);
  return page.url().match(/\/attempts\/([^/?]+)/)![1]!;
}

/** The frozen keys, sources and explanations of an attempt's form, for checking none reached the page. */
async function secretsOf(attemptId: string) {
  const rows = await server().db.$client.execute({
    sql: `SELECT q.type, q.answer, q.source_sentence AS source, q.explanation, q.prompt, aq.options_json AS options
          FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
          JOIN assessment_questions q ON q.assessment_id = a.assessment_id AND q.question_id = aq.question_id
          WHERE aq.attempt_id = ? ORDER BY aq.position`,
    args: [attemptId],
  });
  return rows.rows.map((r) => ({
    type: r.type as string,
    answer: r.answer as string,
    source: r.source as string,
    explanation: r.explanation as string,
    prompt: r.prompt as string,
    options: r.options ? (JSON.parse(r.options as string) as string[]) : null,
  }));
}

describe("a timed assessment on a phone", () => {
  it("found on home, started, every question answered and saved, submitted, the score shown; no key in the page", async () => {
    const { url, db } = server();
    await inBrowser(PHONE, {}, async ({ page }) => {
      await page.setViewportSize(SMALL_PHONE);
      await signIn(page, url, DEMO_LEARNERS[0], DEMO_PASSWORD);
      const attemptId = await startFromHome(page, url);
      await waitForHydration(page);
      const secrets = await secretsOf(attemptId);
      expect(secrets.length).toBeGreaterThanOrEqual(2);

      // The served page (and the loader data in it) holds no key, source or explanation.
      const html = await (await page.request.get(page.url())).text();
      for (const s of secrets) {
        expect(html).not.toContain(s.source);
        if (s.explanation !== s.source) expect(html).not.toContain(s.explanation);
        const shownElsewhere = secrets.some((o) => o.prompt.includes(s.answer) || (o.options ?? []).includes(s.answer));
        // A number of one to three digits also stands in the page's own figures (the countdown's
        // "29:39", counts, sizes): it cannot be looked for as a word. Its question's source
        // sentence, checked above, is where it would have come with.
        const tooShortToFind = /^\d{1,3}$/.test(s.answer.trim());
        if (!shownElsewhere && !tooShortToFind) expect(html).not.toMatch(new RegExp(`\\b${s.answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`));
      }

      const main = page.getByRole("main");
      await main.getByRole("timer").waitFor();
      expect(await main.getByRole("timer").textContent()).toMatch(/^(30:00|29:[0-5]\d)$/);
      for (const [i, s] of secrets.entries()) {
        const card = main.getByRole("article");
        await card.getByText(`Question ${i + 1} of ${secrets.length}`).waitFor();
        const radios = card.getByRole("radio");
        if ((await radios.count()) > 0) {
          // Answer right: the key among the options.
          await card.getByRole("listitem").filter({ hasText: s.answer }).first().tap();
        } else {
          await card.getByRole("textbox").fill(i === 0 ? "not the answer" : s.answer);
          await card.getByRole("textbox").blur();
        }
        await card.getByText(/^Saved at \d\d:\d\d:\d\d$/).waitFor();
        if (i === 0) {
          await card.getByRole("button", { name: "Flag for review" }).tap();
          await card.getByRole("button", { name: "Flagged for review" }).waitFor();
        }
        if (i < secrets.length - 1) await main.getByRole("link", { name: "Next question →" }).tap();
      }
      // Free navigation: back to the first from the question grid, its answer still there.
      await main.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /^Question 1, answered, flagged$/ }).tap();
      await main.getByText(`Question 1 of ${secrets.length}`).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await main.getByRole("link", { name: "Show all questions on one page" }).tap();
      expect(await main.getByRole("article").count()).toBe(secrets.length);
      expect(await horizontalOverflow(page)).toBe(0);

      await main.getByText(`${secrets.length} of ${secrets.length} answered, 1 flagged for review.`).waitFor();
      await main.getByRole("button", { name: "Submit your answers" }).tap();
      await page.waitForURL(/\/results$/);
      const right = secrets.filter((s, i) => !(i === 0 && s.options === null)).length;
      await main.getByText(new RegExp(`^${right} of ${secrets.length} right`)).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);

      const [attempt] = (await db.$client.execute({ sql: "SELECT status, finished_by, score_right FROM attempts WHERE id = ?", args: [attemptId] })).rows;
      expect([attempt!.status, attempt!.finished_by, Number(attempt!.score_right)]).toEqual(["finished", "submit", right]);
      const reviews = await db.$client.execute({ sql: "SELECT count(*) AS n FROM review_logs WHERE showing_id LIKE ?", args: [`attempt:${attemptId}:%`] });
      expect(Number(reviews.rows[0]!.n)).toBe(secrets.length);
    });
  });

  it("offline: three answers wait on the device, a reload while offline keeps them, and back online all three are saved once", async () => {
    const { url, db } = server();
    await inBrowser(PHONE, {}, async ({ page, context, errors }) => {
      await signIn(page, url, DEMO_LEARNERS[0], DEMO_PASSWORD);
      const attemptId = await startFromHome(page, url);
      await waitForHydration(page);
      const secrets = await secretsOf(attemptId);
      expect(secrets.length).toBeGreaterThanOrEqual(3);
      // The service worker has kept this page and every script it loaded.
      const allKept = () =>
        page.evaluate(async () => {
          const cache = await caches.open("cairn-attempt-pages-v1");
          const scripts = performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/build/"));
          const kept = await Promise.all([location.origin + location.pathname, ...scripts].map((u) => cache.match(u)));
          return scripts.length > 0 && kept.every(Boolean);
        });
      await expect.poll(allKept, { timeout: 10_000 }).toBe(true);

      // No connection: the browser's offline mode, and every request refused at the context too, service worker's
      // included (Chromium's offline mode does not always reach requests a service worker controls).
      await context.setOffline(true);
      const refuse = (route: Route) => route.abort("internetdisconnected");
      await context.route("**/*", refuse);
      const main = page.getByRole("main");
      const given: Record<string, string> = {};
      for (let i = 0; i < 3; i++) {
        const card = main.getByRole("article");
        await card.getByText(`Question ${i + 1} of ${secrets.length}`).waitFor();
        const radios = card.getByRole("radio");
        if ((await radios.count()) > 0) {
          await card.getByRole("listitem").nth(i % 2).tap();
          given[i] = secrets[i]!.options![i % 2]!;
        } else {
          given[i] = `offline answer ${i + 1}`;
          await card.getByRole("textbox").fill(given[i]!);
          await card.getByRole("textbox").blur();
        }
        await card.getByText(/^Waiting to be sent: kept on this device/).waitFor();
        await main.getByRole("link", { name: "Next question →" }).tap();
      }
      await main.getByText(/3 answers waiting to be sent: kept on this device/).waitFor();
      const counted = async () =>
        (await db.$client.execute({ sql: "SELECT question_id, response FROM attempt_answers WHERE attempt_id = ? AND counted = 1", args: [attemptId] })).rows;
      expect(await counted()).toEqual([]);

      // A reload with no connection: the page comes from the service worker, the answers from IndexedDB.
      await page.reload();
      await waitForHydration(page);
      await main.getByRole("link", { name: "Show all questions on one page" }).tap();
      await main.getByText(/3 answers waiting to be sent: kept on this device/).waitFor();
      expect(await main.getByText(/^Waiting to be sent: kept on this device/).count()).toBe(3);
      expect(await counted()).toEqual([]);

      await context.unroute("**/*", refuse);
      await context.setOffline(false);
      await main.getByText("3 answers saved on the server.").waitFor({ timeout: 20_000 });
      expect(await main.getByText(/^Saved at \d\d:\d\d:\d\d$/).count()).toBe(3);
      const rows = await db.$client.execute({ sql: "SELECT question_id, response, counted FROM attempt_answers WHERE attempt_id = ? ORDER BY seq", args: [attemptId] });
      const order = (await db.$client.execute({ sql: "SELECT question_id FROM attempt_questions WHERE attempt_id = ? ORDER BY position", args: [attemptId] })).rows.map((r) => r.question_id);
      // Each answer once, counted, as given: nothing lost, nothing doubled.
      expect(rows.rows.map((r) => [r.question_id, r.response, Number(r.counted)])).toEqual([0, 1, 2].map((i) => [order[i], given[i], 1]));

      // Signing out deletes the kept attempt pages: the next person on this device never gets them.
      await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).tap();
      await page.waitForURL(`${url}/`);
      // (Scripts of the pages after it may be kept again: they are the same for everyone.)
      const keptPages = () =>
        page.evaluate(async () => {
          if (!(await caches.has("cairn-attempt-pages-v1"))) return 0;
          const keys = await (await caches.open("cairn-attempt-pages-v1")).keys();
          return keys.filter((r) => new URL(r.url).pathname.startsWith("/attempts/")).length;
        });
      await expect.poll(keptPages).toBe(0);

      // What the browser logged about requests refused while offline is expected; nothing else is.
      const offlineNoise = /ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_FAILED/;
      for (let i = errors.length - 1; i >= 0; i--) if (offlineNoise.test(errors[i]!)) errors.splice(i, 1);
    });
  });

  it("a page whose time runs out submits itself, and the attempt is finished with its answers", async () => {
    const { url, db } = server();
    await inBrowser(PHONE, {}, async ({ page }) => {
      await signIn(page, url, DEMO_LEARNERS[1], DEMO_PASSWORD);
      const attemptId = await startFromHome(page, url);
      await waitForHydration(page);
      const card = page.getByRole("main").getByRole("article");
      if ((await card.getByRole("radio").count()) > 0) await card.getByRole("listitem").first().tap();
      else await card.getByRole("textbox").fill("an answer");
      await card.getByRole("button", { name: "Save answer" }).tap();
      await card.getByText(/^Saved at /).waitFor();
      // Time passes: the server's deadline is a few seconds away; the page re-syncs on its next save.
      await db.$client.execute({ sql: "UPDATE attempts SET deadline = ? WHERE id = ?", args: [Date.now() + 4_000, attemptId] });
      await page.reload();
      await page.getByRole("main").getByRole("timer").waitFor();
      await page.waitForURL(/\/results$/, { timeout: 20_000 });
      await page.getByRole("main").getByText(/finished when the time ran out/).waitFor();
      const [attempt] = (await db.$client.execute({ sql: "SELECT status, finished_by FROM attempts WHERE id = ?", args: [attemptId] })).rows;
      expect([attempt!.status, attempt!.finished_by]).toEqual(["finished", "deadline"]);
      const saved = await db.$client.execute({ sql: "SELECT count(*) AS n FROM attempt_answers WHERE attempt_id = ? AND counted = 1", args: [attemptId] });
      expect(Number(saved.rows[0]!.n)).toBe(1);
    });
  });

  it("works without JavaScript: an answer saved by its button, the attempt submitted by the form", async () => {
    const { url, db } = server();
    await inBrowser(PHONE, { javaScriptEnabled: false }, async ({ page }) => {
      await signIn(page, url, DEMO_LEARNERS[2], DEMO_PASSWORD);
      const attemptId = await startFromHome(page, url);
      const card = page.getByRole("main").getByRole("article");
      if ((await card.getByRole("radio").count()) > 0) await card.getByRole("listitem").first().tap();
      else await card.getByRole("textbox").fill("an answer");
      await card.getByRole("button", { name: "Save answer" }).tap();
      await page.waitForURL(/answer=saved/);
      await page.getByRole("main").getByText("Answer saved.").waitFor();
      await page.getByRole("main").getByRole("article").getByText(/^Saved at \d\d:\d\d:\d\d$/).waitFor();
      await page.getByRole("button", { name: "Submit your answers" }).tap();
      await page.waitForURL(/\/results$/);
      const [attempt] = (await db.$client.execute({ sql: "SELECT status, finished_by FROM attempts WHERE id = ?", args: [attemptId] })).rows;
      expect([attempt!.status, attempt!.finished_by]).toEqual(["finished", "submit"]);
    });
  });
});
