/**
 * Curating a module's questions in a real browser, on a phone and on a
 * desktop: the demo instructor opens one of their modules from the
 * Instructor page, accepts a generated question, edits it, and finds it
 * edited in the list; the database holds both revisions of the one question.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE, waitForHydration } from "./support/browser";
import { normalise, signIn } from "./support/flows";
import { DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();
const INSTRUCTOR = "instructor@demo.cairn.test";

/**
 * A question's card on the list: the article its prompt names. Two questions may share a prompt (one
 * sentence repeated in the material), so the card is found by the prompt's element, whose id is data.
 */
const questionCard = (page: Page, questionId: string): Locator => page.locator(`main article[aria-labelledby="question-${questionId}"]`);

/** The first generated question of the list: its id and prompt. */
async function firstGenerated(page: Page): Promise<{ questionId: string; prompt: string }> {
  const card = page.getByRole("main").getByRole("article").filter({ has: page.getByRole("button", { name: "Accept", exact: true }) }).first();
  await card.waitFor();
  const promptId = (await card.getAttribute("aria-labelledby"))!;
  return { questionId: promptId.replace(/^question-/, ""), prompt: normalise((await page.locator(`[id="${promptId}"]`).textContent()) ?? "") };
}

describe.each([
  { device: PHONE, name: "on a phone", module: 0 },
  { device: DESKTOP, name: "on a desktop", module: 1 },
])("curating a question $name", ({ device, module }) => {
  it("accepts a generated question, edits it, and the list shows it edited with its new text", async () => {
    const { url, db } = server();
    await inBrowser(device, {}, async ({ page }) => {
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).click();
      await page.waitForURL(`${url}/instructor`);
      const main = page.getByRole("main");
      await main.getByRole("link", { name: /^Curate / }).nth(module).click();
      await page.waitForURL(/\/instructor\/modules\/[^/?]+$/);
      await waitForHydration(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // Only generated questions, so the one accepted here is easy to tell apart.
      await main.getByLabel("Status").selectOption("generated");
      await main.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/status=generated/);
      const { questionId, prompt } = await firstGenerated(page);
      const card = questionCard(page, questionId);
      expect(normalise((await card.getByRole("paragraph").first().textContent()) ?? "")).toBe(prompt);
      const marked = card.locator("mark");
      expect(normalise((await marked.textContent()) ?? "").length).toBeGreaterThan(10);

      // By keyboard: focus the button and press Enter.
      await card.getByRole("button", { name: "Accept", exact: true }).focus();
      await page.keyboard.press("Enter");
      await main.getByText("Accepted 1 question.").waitFor();

      await page.goto(`${page.url().split("?")[0]}?status=accepted`);
      const accepted = questionCard(page, questionId);
      await accepted.getByText("Accepted", { exact: true }).waitFor();
      await accepted.getByRole("link", { name: "Edit" }).click();
      await page.waitForURL(new RegExp(`/questions/${questionId}$`));

      const edited = `${prompt} (Checked in class.)`;
      await main.getByLabel("Prompt").fill(edited);
      await main.getByLabel("Explanation").fill("Our own words on why this is so.");
      await main.getByRole("button", { name: "Save changes" }).click();
      await main.getByText("Saved as revision 2.").waitFor();
      await main.getByRole("heading", { name: "Revisions" }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await main.getByRole("link", { name: "Back to the questions" }).click();
      await page.waitForURL(/\/instructor\/modules\/[^/]+\?lesson=/);
      const after = questionCard(page, questionId);
      await after.getByText("Edited", { exact: true }).waitFor();
      expect(normalise((await after.getByRole("paragraph").first().textContent()) ?? "")).toBe(edited);

      const { rows } = await db.$client.execute({
        sql: "SELECT q.curation, q.revision, (SELECT count(*) FROM question_revisions r WHERE r.question_id = q.id) AS revisions FROM questions q WHERE q.id = ?",
        args: [questionId],
      });
      expect({ ...rows[0] }).toEqual({ curation: "edited", revision: 2, revisions: 2 });
    });
  });
});
