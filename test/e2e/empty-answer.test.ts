/**
 * An answer with nothing in it (spaces only) is sent back to be corrected:
 * the form says so at its field, and nothing is graded or recorded. Checked
 * on practice without JavaScript and on review with it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inBrowser, PHONE, waitForHydration, type OpenBrowser } from "./support/browser";
import { answerQuestion, currentCard, openFirstLessonWithQuestions, questionForm, signIn, verdict, waitForNextCard } from "./support/flows";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();

/** The browser reports the refused post's 400 as an error; that one is expected here. */
function forgiveRefusedPost(browser: OpenBrowser) {
  const expected = (e: string) => /status of 400/.test(e);
  const kept = browser.errors.filter((e) => !expected(e));
  browser.errors.splice(0, browser.errors.length, ...kept);
}

async function submitSpaces(page: Page) {
  const form = questionForm(page);
  const box = form.getByRole("textbox");
  await box.fill("   ");
  await form.getByRole("button", { name: "Check" }).click();
  await page.waitForLoadState("load");
  const field = questionForm(page).getByRole("textbox");
  await questionForm(page).getByRole("alert").filter({ hasText: /type an answer/i }).waitFor();
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  expect(await verdict(page).count()).toBe(0);
}

describe("an answer with nothing in it", () => {
  it("is refused at the field in practice, without JavaScript", async () => {
    await inBrowser(PHONE, { javaScriptEnabled: false }, async (browser) => {
      const { page } = browser;
      await openFirstLessonWithQuestions(page, server().url);
      const lessonUrl = page.url();
      // The first typed question of the lesson (options cannot be sent empty).
      for (let n = 0; ; n++) {
        await page.goto(`${lessonUrl}/practice?n=${n}`);
        if ((await questionForm(page).getByRole("textbox").count()) > 0) break;
        if (n > 30) throw new Error("The lesson has no typed question to practise.");
      }
      await submitSpaces(page);
      forgiveRefusedPost(browser);
    });
  });

  it("is refused at the field in review, and no review is recorded", async () => {
    await inBrowser(PHONE, {}, async (browser) => {
      const { page } = browser;
      const base = server().url;
      await signIn(page, base, DEMO_LEARNERS[1], DEMO_PASSWORD);
      await page.goto(`${base}/review`);
      await waitForHydration(page);
      let card = await currentCard(page);
      // Cards with options are answered and passed until a typed one comes up.
      for (let i = 0; (await card.form.getByRole("textbox").count()) === 0; i++) {
        if (i > 30) throw new Error("No typed card came up in review.");
        await answerQuestion(page, card.form, "mouse");
        await verdict(page).waitFor();
        await page.getByRole("link", { name: /Continue/ }).click();
        if ((await waitForNextCard(page, card.showingId, "clicking Continue")) === "done") throw new Error("Review ended before a typed card.");
        card = await currentCard(page);
      }
      const count = async () =>
        Number((await server().db.$client.execute({ sql: "SELECT count(*) AS n FROM review_logs WHERE showing_id = ?", args: [card.showingId] })).rows[0]!.n);
      await submitSpaces(page);
      expect(await count()).toBe(0);
      expect((await currentCard(page)).showingId).toBe(card.showingId);
      forgiveRefusedPost(browser);
    });
  });
});
