/**
 * Issue "Foundation", in a real browser: reading a lesson and practising it
 * on a phone, with and without JavaScript.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { horizontalOverflow, inBrowser, PHONE } from "./support/browser";
import { answerQuestion, normalise, openFirstLessonWithQuestions, questionForm, verdict } from "./support/flows";
import { serverForThisFile } from "./support/server";

const server = serverForThisFile();
const tap = (link: Locator) => link.tap();

describe.each([
  { javaScript: true, name: "a learner opens a lesson on a phone and answers a practice question" },
  { javaScript: false, name: "a learner opens a lesson on a phone and answers a practice question with JavaScript off" },
])("$name", ({ javaScript }) => {
  it("shows the lesson without sideways scrolling, then grades the answer and quotes the lesson", async () => {
    await inBrowser(PHONE, { javaScriptEnabled: javaScript }, async (browser) => {
      const { page } = browser;
      await openFirstLessonWithQuestions(page, server().url, { go: tap });

      const lesson = page.getByRole("article");
      await lesson.getByRole("heading", { level: 1 }).waitFor();
      // A paragraph of the lesson's body, not the one-line reading time.
      const firstParagraph = lesson.getByRole("paragraph").filter({ hasText: /\S.{79,}/ }).first();
      await firstParagraph.waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const lessonText = normalise((await lesson.textContent()) ?? "");

      await lesson.getByRole("link", { name: /^Practise/ }).tap();
      await page.waitForURL(/\/practice(\?|$)/);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      const response = await answerQuestion(page, questionForm(page), "touch");
      // The body is read only to explain a failure: a document POST's body is gone once the page has navigated.
      if (response.status() !== 200) throw new Error(`POST ${response.url()}: ${response.status()} ${await response.text().catch(() => "")}`);

      await verdict(page).waitFor();
      const quote = page.getByRole("main").getByText(/^From the lesson:/);
      await quote.waitFor();
      const sentence = normalise((await quote.textContent()) ?? "")
        .replace(/^From the lesson:\s*/, "")
        .replace(/^"|"$/g, "");
      expect(sentence.length).toBeGreaterThan(10);
      expect(lessonText).toContain(sentence);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  });
});

describe("the content the setup imports", () => {
  it("belongs, course and modules, to the demo instructor", async () => {
    const { rows } = await server().db.$client.execute(
      `SELECT DISTINCT u.email, u.role FROM (SELECT owner_id FROM courses UNION ALL SELECT owner_id FROM modules) o
       LEFT JOIN users u ON u.id = o.owner_id`,
    );
    expect(rows.map((r) => ({ email: r.email, role: r.role }))).toEqual([{ email: "instructor@demo.cairn.test", role: "instructor" }]);
  });
});
