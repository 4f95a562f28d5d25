/**
 * Bringing material in, in a real browser against the production server:
 * the demo instructor uploads a Markdown file, waits while the draft is
 * prepared in the background (the progress bar), sees its lessons and
 * questions, and publishes it; the module appears in the course. On a
 * phone into the demo course; on a desktop into a new course, then a second
 * upload as that module's next version, after seeing what it would change.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE } from "./support/browser";
import { signIn } from "./support/flows";
import { DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();
const INSTRUCTOR = "instructor@demo.cairn.test";

const NILE = "## The Nile\n\nThe Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long and crosses eleven countries, among them Egypt and Sudan.\n";
const AMAZON = "## The Amazon\n\nThe Amazon carries more water than any other river. Its basin covers about 7 million square kilometres of South America, mostly in Brazil.\n";
const CONGO = "## The Congo\n\nThe Congo is the deepest river in the world, more than 220 metres deep in places. Henry Morton Stanley followed it to the Atlantic in 1877.\n";

async function uploadMarkdown(page: Page, url: string, name: string, text: string) {
  await page.goto(`${url}/instructor/upload`);
  const main = page.getByRole("main");
  await main.getByLabel("Files").setInputFiles({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
  await main.getByRole("button", { name: "Upload and prepare a draft" }).click();
  await page.waitForURL(/\/instructor\/drafts\/[^/]+$/);
  // The page polls while the draft is prepared; the lessons appear when it is ready.
  await main.getByRole("heading", { name: "Lessons and questions" }).waitFor({ timeout: 60_000 });
  return main;
}

describe("an instructor brings material in", () => {
  it("on a phone: uploads Markdown, sees the draft's lessons and questions, publishes into the demo course", async () => {
    const { url } = server();
    await inBrowser(PHONE, {}, async ({ page }) => {
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);
      const main = await uploadMarkdown(page, url, "world-rivers.md", `# World rivers\n\n${NILE}\n${AMAZON}`);
      await main.getByRole("heading", { name: "World rivers", level: 1 }).waitFor();
      await main.getByRole("heading", { name: "The Nile", level: 3 }).waitFor();
      await main.getByRole("heading", { name: "The Amazon", level: 3 }).waitFor();
      expect(await main.getByText(/\d+ questions? in the bank/).first().textContent()).toMatch(/[1-9]\d* questions? in the bank/);
      expect(await horizontalOverflow(page)).toBe(0);

      const course = main.getByLabel("Course", { exact: true });
      const courseTitle = (await course.locator("option:checked").textContent())!;
      expect(courseTitle).not.toBe("A new course…");
      await main.getByLabel("Module title").fill("World rivers");
      await main.getByRole("button", { name: "Publish as a new module" }).tap();
      await page.waitForURL(/\/courses\/[^/]+\/world-rivers$/);
      await page.getByRole("main").getByRole("heading", { name: "World rivers" }).waitFor();

      await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: courseTitle }).tap();
      await page.getByRole("main").getByRole("link", { name: /World rivers/ }).waitFor();
    });
  });

  it("on a desktop: publishes into a new course, then a second upload as its next version, seeing first what changes", async () => {
    const { url } = server();
    await inBrowser(DESKTOP, {}, async ({ page }) => {
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);
      let main = await uploadMarkdown(page, url, "rivers.md", `# Rivers\n\n${NILE}\n${AMAZON}`);
      await main.getByLabel("Course", { exact: true }).selectOption({ label: "A new course…" });
      await main.getByLabel("New course title").fill("Desktop geography");
      await main.getByLabel("Module title").fill("Rivers");
      await main.getByRole("button", { name: "Publish as a new module" }).click();
      await page.waitForURL(`${url}/courses/desktop-geography/rivers`);

      main = await uploadMarkdown(page, url, "rivers.md", `# Rivers\n\n${NILE}\n${CONGO}`);
      await main.getByLabel("Module", { exact: true }).selectOption({ label: "Desktop geography: Rivers (version 1)" });
      await main.getByRole("button", { name: "Show what would change" }).click();
      const changes = main.getByRole("region", { name: "What this version changes" });
      await changes.waitFor();
      expect(await changes.textContent()).toMatch(/New lessons: The Congo\..*Lessons retired: The Amazon\./s);
      expect(await changes.textContent()).toMatch(/[1-9]\d* questions? unchanged/);
      await main.getByRole("button", { name: "Publish as version 2 of Rivers" }).click();
      await page.waitForURL(`${url}/courses/desktop-geography/rivers`);
      const lessons = page.getByRole("main");
      await lessons.getByRole("link", { name: /The Congo/ }).waitFor();
      expect(await lessons.getByRole("link", { name: /The Amazon/ }).count()).toBe(0);
    });
  });

  it("without JavaScript: the upload posts as a plain form and the draft page refreshes itself until the draft is ready", async () => {
    const { url } = server();
    await inBrowser(PHONE, { javaScriptEnabled: false }, async ({ page }) => {
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);
      await page.goto(`${url}/instructor/upload`);
      const main = page.getByRole("main");
      await main.getByLabel("Or paste text").fill(`# Pasted rivers\n\n${NILE}\n${AMAZON}`);
      await main.getByRole("button", { name: "Upload and prepare a draft" }).tap();
      await page.waitForURL(/\/instructor\/drafts\/[^/]+$/);
      // The worker alone takes most of a second to start: the first page shows the draft being prepared.
      await main.getByRole("progressbar").waitFor();
      // Only the page's own refresh (a meta refresh inside <noscript>) can bring the lessons now.
      await main.getByRole("heading", { name: "Lessons and questions" }).waitFor({ timeout: 60_000 });
      await main.getByRole("heading", { name: "The Amazon", level: 3 }).waitFor();
    });
  });
});
