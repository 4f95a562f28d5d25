/**
 * Issue "Learners", phone and desktop: every learner page fits a 360-px
 * phone without sideways scrolling, the dashboard takes two columns on a
 * desktop, dark mode follows the system, and the app can be added to a home
 * screen (a manifest with icons).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE } from "./support/browser";
import { openFirstLessonWithQuestions, signIn } from "./support/flows";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();

function gridColumns(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (s) => getComputedStyle(document.querySelector(s)!).gridTemplateColumns.split(" ").filter(Boolean).length,
    selector,
  );
}

describe("phone and desktop layout", () => {
  it("fits every learner page in 360 px without sideways scrolling", async () => {
    await inBrowser(PHONE, {}, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await signIn(page, server().url, DEMO_LEARNERS[0], DEMO_PASSWORD);
      for (const path of ["/", "/review", "/stats", "/settings"]) {
        await page.goto(`${server().url}${path}`);
        await page.getByRole("main").waitFor();
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      }
      await openFirstLessonWithQuestions(page, server().url);
      expect(await horizontalOverflow(page), page.url()).toBeLessThanOrEqual(0);
    });
  });

  it("lays the dashboard out in one column on a phone and two on a desktop", async () => {
    await inBrowser(PHONE, {}, async ({ page }) => {
      await signIn(page, server().url, DEMO_LEARNERS[1], DEMO_PASSWORD);
      await page.goto(`${server().url}/`);
      expect(await gridColumns(page, ".dashboard")).toBe(1);
    });
    await inBrowser(DESKTOP, {}, async ({ page }) => {
      await signIn(page, server().url, DEMO_LEARNERS[1], DEMO_PASSWORD);
      await page.goto(`${server().url}/`);
      expect(await gridColumns(page, ".dashboard")).toBe(2);
    });
  });

  it("follows the system's dark mode", async () => {
    await inBrowser(PHONE, {}, async ({ page }) => {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${server().url}/`);
      const light = await background();
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await background();
      expect(dark).not.toBe(light);
      // Dark means dark: the sum of the RGB channels is low.
      const channels = (dark.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      expect(channels.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 80);
    });
  });

  it("links a web app manifest whose icons are served", async () => {
    await inBrowser(PHONE, {}, async ({ page }) => {
      await page.goto(`${server().url}/`);
      const href = await page.locator('link[rel="manifest"]').getAttribute("href");
      expect(href).toBeTruthy();
      const manifest = (await (await fetch(new URL(href!, server().url))).json()) as {
        name?: string;
        display?: string;
        icons?: Array<{ src: string; sizes: string }>;
      };
      expect(manifest.name).toBeTruthy();
      expect(manifest.display).toBe("standalone");
      const sizes = (manifest.icons ?? []).map((i) => i.sizes);
      expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
      for (const icon of manifest.icons ?? []) {
        const response = await fetch(new URL(icon.src, server().url));
        expect(response.status, icon.src).toBe(200);
      }
    });
  });
});
