/**
 * Review works before (or without) client JavaScript: plain HTML forms for
 * answering, re-rating and moving on, all checked on the server.
 */
import { describe, expect, it } from "vitest";
import { inBrowser, PHONE } from "./support/browser";
import { answerQuestion, currentCard, openFirstLessonWithQuestions, signIn, verdict } from "./support/flows";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();

describe("daily review without JavaScript", () => {
  it("answers a card, changes its rating and continues to the next card with plain form posts", async () => {
    await inBrowser(PHONE, { javaScriptEnabled: false }, async ({ page }) => {
      const base = server().url;
      await signIn(page, base, DEMO_LEARNERS[2], DEMO_PASSWORD);
      await page.goto(`${base}/review`);
      const first = await currentCard(page);
      await answerQuestion(page, first.form, "mouse");
      await page.waitForLoadState("load");
      await verdict(page).waitFor();

      await page.getByRole("button", { name: /Easy/ }).click();
      await page.waitForLoadState("load");
      await page.getByText(/Rated\s+Easy/).waitFor();

      const { rows } = await server().db.$client.execute({
        sql: `SELECT l.rating FROM review_logs l JOIN showings s ON s.id = l.showing_id
              WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_log_id = l.id)`,
        args: [first.showingId],
      });
      expect(rows.map((r) => Number(r.rating))).toEqual([4]);

      await page.getByRole("link", { name: /Continue/ }).click();
      const second = await currentCard(page);
      expect(second.showingId).not.toBe(first.showingId);
    });
  });
});

describe("starting a lesson without JavaScript", () => {
  it("signs up choosing a time zone, opens a lesson (which adds nothing) and adds its cards with the button", async () => {
    await inBrowser(PHONE, { javaScriptEnabled: false }, async ({ page }) => {
      const base = server().url;
      const email = `no-js-${Date.now()}@example.test`;
      await page.goto(`${base}/signup`);
      await page.getByLabel("Name").fill("Nour No-Script");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      const zone = await server().db.$client.execute({ sql: "SELECT time_zone FROM users WHERE email = ?", args: [email] });
      expect(zone.rows[0]?.time_zone).toBe("Asia/Tokyo");
      const count = async () => {
        const { rows } = await server().db.$client.execute({
          sql: "SELECT count(*) AS n FROM cards c JOIN users u ON u.id = c.user_id WHERE u.email = ?",
          args: [email],
        });
        return Number(rows[0]?.n);
      };

      await openFirstLessonWithQuestions(page, base);
      expect(await count()).toBe(0);
      await page.getByRole("button", { name: "Mark as read and add its cards" }).click();
      await page.waitForLoadState("load");
      await page.getByRole("status").filter({ hasText: /[1-9]\d* new cards?\b/ }).waitFor();
      expect(await count()).toBeGreaterThan(0);
    });
  });
});
