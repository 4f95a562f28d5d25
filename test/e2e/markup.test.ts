/**
 * Material is text, never markup: whatever a lesson or question says is
 * shown as characters and nothing in it runs. The ingestion pipeline already
 * drops tags from .txt material, so this test stores a course whose lesson
 * and questions carry markup directly (as a later parser or an edited
 * database could) and checks the pages that show it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Module, Question } from "~/content/types";
import { courseManifestSchema } from "~/content/manifest";
import { saveCourse } from "~/models/content.server";
import { DESKTOP, inBrowser } from "./support/browser";
import { openFirstLessonWithQuestions, questionForm, verdict } from "./support/flows";
import { serverForThisFile } from "./support/server";

const SCRIPT_TAG = `<script>window.__cairnInjected = "script"</script>`;
const IMG_TAG = `<img src="x" onerror="window.__cairnInjected = 'img'">`;
const LINK_TAG = `<a href="javascript:window.__cairnInjected='link'">click</a>`;

function markupQuestion(id: string, type: Question["type"], prompt: string, answer: string, options?: string[]): Question {
  const sentence = `The tag ${SCRIPT_TAG} is quoted in 1998 by the ${IMG_TAG} office.`;
  return {
    id,
    type,
    prompt,
    answer,
    accepted: [answer],
    options,
    source: { sentence, line: 2 },
    explanation: sentence,
    siblingKey: id,
    quality: 0.9,
  };
}

function markupModule(): Module {
  const paragraph = `Some lessons quote HTML: ${SCRIPT_TAG} and ${IMG_TAG} must appear as characters.`;
  const blocks: Module["lessons"][number]["blocks"] = [
    { kind: "paragraph", text: paragraph, line: 2 },
    { kind: "heading", level: 3, text: `Heading with ${LINK_TAG}`, line: 3 },
    { kind: "list", ordered: false, items: [`Item ${IMG_TAG}`, "&lt;b&gt; stays as typed"], line: 4 },
    { kind: "table", header: ["Tag", `<th onclick="x()">`], rows: [[SCRIPT_TAG, "<b>bold</b>"]], line: 6 },
  ];
  return {
    title: "Markup",
    source: "markup.txt",
    lessons: [
      {
        title: `Quoting <em>tags</em>`,
        slug: "quoting-tags",
        position: 0,
        line: 1,
        blocks,
        text: paragraph,
        readingMinutes: 1,
        keyTerms: [`<script>`],
        questions: [
          markupQuestion("q_markup_choice", "multiple_choice", `Which tag is quoted? ${SCRIPT_TAG}`, IMG_TAG, [
            IMG_TAG,
            SCRIPT_TAG,
            LINK_TAG,
            "<b>none</b>",
          ]),
          markupQuestion("q_markup_cloze", "cloze", `The tag ${IMG_TAG} is quoted in _____.`, "1998"),
        ],
      },
    ],
  };
}

const server = serverForThisFile(async ({ db }) => {
  const manifest = courseManifestSchema.parse({
    slug: "markup-check",
    title: "Markup check",
    modules: [{ file: "markup.txt", slug: "markup" }],
  });
  await saveCourse(db, { manifest, modules: [markupModule()], moduleHashes: ["markup"], contentHash: "markup" }, Date.now());
});

/** Scripts on the page that are not Remix's: neither a /build/ bundle nor an inline script carrying the CSP nonce. */
function foreignScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("script")]
      .filter((s) => !(s.src && new URL(s.src).pathname.startsWith("/build/")) && !s.nonce)
      .map((s) => s.outerHTML.slice(0, 120)),
  );
}

/** Elements carrying an event-handler attribute or a javascript: URL. */
function activeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((el) =>
        [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

describe("lesson text with markup is escaped", () => {
  it("shows a lesson's and its questions' markup as characters, and nothing from the material runs", async () => {
    await inBrowser(DESKTOP, {}, async (browser) => {
      const { page } = browser;
      await page.goto(`${server().url}/courses/markup-check/markup/quoting-tags`);
      const lesson = page.getByRole("article");
      await expect(lesson.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Quoting <em>tags</em>");
      await lesson.getByText(SCRIPT_TAG).first().waitFor();
      await expect(lesson.getByRole("listitem").filter({ hasText: IMG_TAG }).count()).resolves.toBe(1);
      await expect(lesson.getByRole("cell", { name: "<b>bold</b>" }).count()).resolves.toBe(1);
      expect(await foreignScripts(page)).toEqual([]);
      expect(await activeMarkup(page)).toEqual([]);
      await page.getByRole("link", { name: /^Practise/ }).click();
      await page.waitForURL(/\/practice(\?|$)/);

      const form = questionForm(page);
      await form.getByText(`Which tag is quoted? ${SCRIPT_TAG}`).waitFor();
      await expect(form.getByRole("radio", { name: IMG_TAG }).count()).resolves.toBe(1);
      expect(await foreignScripts(page)).toEqual([]);
      expect(await activeMarkup(page)).toEqual([]);
      await form.getByRole("radio", { name: IMG_TAG }).check();
      await form.getByRole("button", { name: "Check" }).click();
      await verdict(page).waitFor();
      await page.getByRole("main").getByText(SCRIPT_TAG).first().waitFor();
      expect(await foreignScripts(page)).toEqual([]);
      expect(await activeMarkup(page)).toEqual([]);

      expect(await page.evaluate(() => (window as { __cairnInjected?: unknown }).__cairnInjected)).toBeUndefined();
    });
  });

  it("a lesson of the imported material has no scripts but Remix's and logs no errors", async () => {
    await inBrowser(DESKTOP, {}, async (browser) => {
      const { page } = browser;
      // The real course, not the markup one stored above.
      await openFirstLessonWithQuestions(page, server().url, { exceptCourse: "Markup check" });
      await page.getByRole("article").waitFor();
      expect(await foreignScripts(page)).toEqual([]);
      expect(await activeMarkup(page)).toEqual([]);
      expect(await page.locator("script").count()).toBeGreaterThan(0); // Remix's own are there: the check above looked at something.
    });
  });
});
