/**
 * Issue "Learners", in a real browser: signing up and reviewing by keyboard
 * on a desktop, reviewing by touch on a phone, and a session that ends in
 * the middle of a review.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE, waitForHydration } from "./support/browser";
import {
  answerQuestion,
  chosenRating,
  currentCard,
  expectSessionEndedNotice,
  guessFor,
  openFirstLessonWithQuestions,
  RATINGS,
  signIn,
  verdict,
  waitForNextCard,
} from "./support/flows";
import { DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();

async function userId(email: string): Promise<string> {
  const result = await server().db.$client.execute({ sql: "SELECT id FROM users WHERE email = ?", args: [email] });
  const id = result.rows[0]?.id;
  if (typeof id !== "string") throw new Error(`no user ${email}`);
  return id;
}

/** Reviews that stand (appended and not undone), as the server recorded them. */
async function standingReviews(id: string): Promise<number> {
  const result = await server().db.$client.execute({
    sql: "SELECT count(*) AS n FROM review_logs l WHERE l.user_id = ? AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_log_id = l.id)",
    args: [id],
  });
  return Number(result.rows[0]?.n);
}

/** Cards and lessons read the learner has, as the server recorded them. */
async function cardCount(id: string): Promise<number> {
  const result = await server().db.$client.execute({
    sql: "SELECT (SELECT count(*) FROM cards WHERE user_id = ?) + (SELECT count(*) FROM lesson_reads WHERE user_id = ?) AS n",
    args: [id, id],
  });
  return Number(result.rows[0]?.n);
}

async function answeredAt(showingId: string): Promise<unknown> {
  const result = await server().db.$client.execute({ sql: "SELECT answered_at FROM showings WHERE id = ?", args: [showingId] });
  return result.rows[0]?.answered_at;
}

function accountMenu(page: Page) {
  return page.getByRole("navigation", { name: "Account" });
}

describe("a new learner signs up, reads a lesson, reviews by keyboard, sees statistics and signs out", () => {
  it("answers, re-rates and moves through review cards with the keyboard alone", async () => {
    await inBrowser(DESKTOP, { timezoneId: "America/New_York" }, async (browser) => {
      const { page } = browser;
      const email = `new-learner-${Date.now()}@example.test`;
      await page.goto(`${server().url}/signup`);
      await page.getByLabel("Name").fill("Nadia Newcomer");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await accountMenu(page).getByText("Nadia Newcomer").waitFor();
      await accountMenu(page).getByRole("button", { name: "Sign out" }).waitFor();

      await openFirstLessonWithQuestions(page, server().url);
      // The study day follows the device's zone, taken at sign-up.
      const { rows } = await server().db.$client.execute({ sql: "SELECT time_zone FROM users WHERE email = ?", args: [email] });
      expect(rows[0]?.time_zone).toBe("America/New_York");
      // Opening the lesson adds nothing; the button does.
      const learnerBefore = await userId(email);
      expect(await cardCount(learnerBefore)).toBe(0);
      await page.getByRole("button", { name: "Mark as read and add its cards" }).click();
      await page.getByRole("status").filter({ hasText: /[1-9]\d* new cards?\b/ }).waitFor();
      await page.getByRole("link", { name: /daily review/i }).click();
      await page.waitForURL((url) => url.pathname === "/review");
      await waitForHydration(page);

      const learner = await userId(email);
      const before = await standingReviews(learner);
      let answered = 0;
      for (let i = 0; i < 3; i++) {
        const { form, showingId } = await currentCard(page);
        const options = form.getByRole("radio");
        const optionCount = await options.count();
        if (optionCount > 0) {
          const choice = Math.min(optionCount, 2);
          await page.keyboard.press(String(choice));
          await expect(options.nth(choice - 1).isChecked()).resolves.toBe(true);
          await expect(options.nth(choice - 1).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
          await page.keyboard.press("Enter");
        } else {
          const answer = form.getByRole("textbox");
          // The card takes focus when it appears, so typing goes straight into the answer.
          await expect(answer.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
          await page.keyboard.type(await guessFor(form));
          await page.keyboard.press("Enter");
        }
        await verdict(page).waitFor();
        answered++;
        await expect(chosenRating(page).count()).resolves.toBe(1);

        if (i === 0) {
          // Change the suggested rating with a digit key.
          const suggested = (await chosenRating(page).textContent()) ?? "";
          const other = suggested.includes("Easy") ? 3 : 4;
          await page.keyboard.press(String(other));
          await page.getByRole("main").getByRole("button", { name: RATINGS[other - 1], pressed: true }).waitFor();
        }

        await page.keyboard.press(" ");
        const next = await waitForNextCard(page, showingId, "pressing Space");
        if (next === "done") break;
      }
      expect(await standingReviews(learner)).toBe(before + answered);

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics" }).click();
      await page.waitForURL((url) => url.pathname === "/stats");
      const charts = page.getByRole("main").getByRole("img");
      await charts.first().waitFor();
      const svgCharts = await charts.evaluateAll((els) => els.filter((el) => el.tagName.toLowerCase() === "svg").length);
      expect(svgCharts).toBeGreaterThan(0);

      await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
      await accountMenu(page).getByRole("link", { name: "Sign in" }).waitFor();
      await page.goto(`${server().url}/review`);
      const url = new URL(page.url());
      expect(url.pathname).toBe("/signin");
      expect(url.searchParams.get("redirectTo")).toBe("/review");
    });
  });
});

describe("a learner reviews by touch on a phone", () => {
  it("answers three cards with taps on targets at least 44 px tall, without sideways scrolling", async () => {
    await inBrowser(PHONE, {}, async (browser) => {
      const { page } = browser;
      await signIn(page, server().url, "ada@demo.cairn.test", DEMO_PASSWORD);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).tap();
      await page.waitForURL((url) => url.pathname === "/review");
      await waitForHydration(page);
      // What the phone asks of the server while it reviews.
      const dataRequests: string[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith(".data")) dataRequests.push(`${request.method()} ${url.pathname}${url.search}`);
      });

      for (let i = 0; i < 3; i++) {
        const { form, showingId } = await currentCard(page);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        const check = form.getByRole("button", { name: "Check" });
        expect((await check.boundingBox())?.height).toBeGreaterThanOrEqual(44);
        await answerQuestion(page, form, "touch");
        await verdict(page).waitFor();

        const main = page.getByRole("main");
        for (const name of RATINGS) {
          const box = await main.getByRole("button", { name, exact: true }).boundingBox();
          expect(box?.height, `${name} button`).toBeGreaterThanOrEqual(44);
        }
        const continueLink = main.getByRole("link", { name: /^Continue/ });
        expect((await continueLink.boundingBox())?.height).toBeGreaterThanOrEqual(44);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        if (i === 1) {
          await main.getByRole("button", { name: "Hard", exact: true }).tap();
          await main.getByRole("button", { name: "Hard", pressed: true }).waitFor();
        }
        await continueLink.tap();
        expect(await waitForNextCard(page, showingId, "tapping Continue")).toBe("card");
      }
      // One request per answer and one per change of rating: the next card
      // comes with the answer's result, and nothing is fetched again after it.
      expect(dataRequests).toEqual(Array(4).fill("POST /review.data"));
    });
  });
});

describe("an expired session mid-review sends the learner to sign in and loses nothing acknowledged", () => {
  /** Answers the card on screen with the mouse; returns the card. */
  async function answerCard(page: Page) {
    const card = await currentCard(page);
    await answerQuestion(page, card.form, "mouse");
    return card;
  }

  it("when the session expires on the server, the sign-in page says so and the answered card stays answered", async () => {
    await inBrowser(DESKTOP, {}, async (browser) => {
      const { page } = browser;
      const email = "ben@demo.cairn.test";
      const learner = await userId(email);
      await signIn(page, server().url, email, DEMO_PASSWORD);
      await page.goto(`${server().url}/review`);
      await waitForHydration(page);

      const { showingId: acknowledged } = await answerCard(page);
      await verdict(page).waitFor();
      const standing = await standingReviews(learner);
      await page.getByRole("main").getByRole("link", { name: /^Continue/ }).click();
      expect(await waitForNextCard(page, acknowledged, "clicking Continue")).toBe("card");

      await server().db.$client.execute({
        sql: "UPDATE sessions SET expires_at = ? WHERE user_id = ?",
        args: [Date.now() - 1000, learner],
      });
      const unsent = await answerCard(page);
      await page.waitForURL((url) => url.pathname === "/signin");
      const url = new URL(page.url());
      expect(url.searchParams.get("redirectTo")).toBe("/review");
      await expectSessionEndedNotice(page);
      // The header no longer claims the learner is signed in.
      await accountMenu(page).getByRole("link", { name: "Sign in" }).waitFor({ timeout: 5000 });
      expect(await accountMenu(page).getByRole("button", { name: "Sign out" }).count()).toBe(0);

      expect(await answeredAt(acknowledged)).not.toBeNull();
      expect(await answeredAt(unsent.showingId)).toBeNull();
      expect(await standingReviews(learner)).toBe(standing);

      // Signing in again leads back to the review, with the unanswered card still to do.
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => u.pathname === "/review");
      const again = await currentCard(page);
      expect(again.prompt).toBe(unsent.prompt);
    });
  });

  it("when the browser has dropped the session cookie, the sign-in page says the session ended", async () => {
    await inBrowser(DESKTOP, {}, async (browser) => {
      const { page } = browser;
      const email = "chloe@demo.cairn.test";
      const learner = await userId(email);
      await signIn(page, server().url, email, DEMO_PASSWORD);
      await page.goto(`${server().url}/review`);
      await waitForHydration(page);
      const standing = await standingReviews(learner);

      await browser.context.clearCookies();
      const unsent = await answerCard(page);
      await page.waitForURL((url) => url.pathname === "/signin");
      expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/review");
      expect(await answeredAt(unsent.showingId)).toBeNull();
      expect(await standingReviews(learner)).toBe(standing);
      await expectSessionEndedNotice(page);
    });
  });
});
