/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
 * for browser tests, at phone or desktop size, with a fresh profile per
 * browser and every page error and console error collected: a flow that
 * logs one fails its test.
 *
 * A missing Chromium fails the tests with a message saying how to install
 * it; the browser tests never skip silently.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors so far, one line each. */
  errors: string[];
  close(): Promise<void>;
}

export function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; the browser tests (test/e2e) need it. ` +
        "Install it with `apt-get install -y --no-install-recommends chromium fonts-liberation`.",
    );
  }
}

/**
 * A browser with a fresh profile directory of its own. Playwright refuses
 * `--user-data-dir` in `launch()` args, so the profile is given to
 * `launchPersistentContext`, which also takes the page settings.
 */
export async function openBrowser(
  device: typeof PHONE | typeof DESKTOP,
  options: { javaScriptEnabled?: boolean; timezoneId?: string } = {},
): Promise<OpenBrowser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "cairn-e2e-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      ...device,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      locale: "en-GB",
      timezoneId: options.timezoneId ?? "UTC",
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("pageerror", (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console error on ${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How far the page is wider than the window (0 when there is no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Resolves once React has hydrated the page and run its effects (key
 * handlers are attached in effects). Before that, links and forms still work
 * natively, but keyboard shortcuts do not exist yet.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
}

/**
 * Runs a flow in a fresh browser and closes it whatever happens; a flow
 * that passed still fails if any page logged an error or threw.
 */
export async function inBrowser(
  device: typeof PHONE | typeof DESKTOP,
  options: { javaScriptEnabled?: boolean; timezoneId?: string },
  flow: (browser: OpenBrowser) => Promise<void>,
): Promise<void> {
  const browser = await openBrowser(device, options);
  try {
    await flow(browser);
  } catch (error) {
    // Errors the pages logged before the flow failed are often its cause.
    if (error instanceof Error && browser.errors.length > 0) {
      error.message += `\n\nThe pages also logged:\n${summarise(browser.errors)}`;
    }
    throw error;
  } finally {
    await browser.close();
  }
  if (browser.errors.length > 0) throw new Error(`The pages logged errors:\n${summarise(browser.errors)}`);
}

/** One line per distinct error, with how often it came. */
function summarise(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts].map(([e, n]) => (n > 1 ? `${e} (${n} times)` : e)).join("\n");
}
