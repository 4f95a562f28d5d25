/**
 * A roster in a real browser, at phone and desktop size: the demo instructor
 * makes a cohort with an assignment, pastes a roster with one bad line, sees
 * that line reported and copies the new learner's set-password link; the
 * learner opens it, chooses a password and finds the cohort's assignment
 * first on their home page, the account now in their device's time zone.
 * At desktop size the instructor then gives the learner a due date of their
 * own from the learner's page, and the learner sees it is theirs.
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE, waitForHydration } from "./support/browser";
import { signIn } from "./support/flows";
import { DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();
const INSTRUCTOR = "instructor@demo.cairn.test";

/** As the instructor: a new cohort with the first module assigned; returns the module's title. */
async function cohortWithAssignment(page: Page, url: string, name: string): Promise<string> {
  await page.goto(`${url}/cohorts`);
  const main = page.getByRole("main");
  await main.getByLabel("Name").fill(name);
  await main.getByRole("button", { name: "Create cohort" }).click();
  await page.waitForURL(/\/cohorts\/[^/]+$/);
  const module = main.getByLabel("Module");
  await module.selectOption({ index: 1 });
  const title = (await module.locator("option:checked").textContent())!.split(": ").at(-1)!;
  await main.getByRole("button", { name: "Assign" }).click();
  await main.getByText("Module assigned.").waitFor();
  return title;
}

/** As the instructor, on the cohort page: pastes a roster of one new learner and one bad line; returns the copied link. */
async function pasteRoster(page: Page, email: string): Promise<string> {
  const main = page.getByRole("main");
  await waitForHydration(page);
  await main.getByLabel("Learners’ emails").fill(`Name,Email\nNew Learner,${email}\nSomeone,not-an-email\n`);
  await main.getByRole("button", { name: "Add learners" }).click();
  await page.waitForURL(/\/cohorts\/[^/]+\/roster$/);
  await main.getByRole("heading", { name: "New accounts: copy their links now" }).waitFor();
  const problems = main.getByRole("region", { name: "Lines not read" });
  expect((await problems.getByRole("row").filter({ hasText: "not-an-email" }).textContent()) ?? "").toMatch(/^3\s*Someone,not-an-email\s*This is not a valid email address\.$/);
  expect(await horizontalOverflow(page)).toBe(0);

  const box = main.getByLabel(`set-password link for ${email}`, { exact: true });
  const shown = await box.inputValue();
  expect(shown).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await waitForHydration(page);
  await main.getByRole("button", { name: `Copy set-password link for ${email}` }).click();
  await main.getByText("Copied").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  return copied;
}

/** As the new learner, in a browser of their own: chooses a password with the link and lands on home. */
async function choosePassword(page: Page, link: string, email: string) {
  await page.goto(link);
  const main = page.getByRole("main");
  await main.getByRole("heading", { name: "Welcome to Cairn" }).waitFor();
  expect(await main.textContent()).toContain(email);
  await waitForHydration(page);
  await main.getByLabel("New password").fill("my very own password");
  await main.getByRole("button", { name: "Save password and sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/");
}

for (const [label, device] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  describe(`a roster at ${label} size`, () => {
    it("a pasted roster with a bad line adds the good one; the new learner sets a password from the copied link and sees the assignment", async () => {
      const { url } = server();
      const email = `roster-${label}-${Date.now()}@example.org`;
      await inBrowser(device, {}, async (instructor) => {
        await instructor.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
        await signIn(instructor.page, url, INSTRUCTOR, DEMO_PASSWORD);
        const cohortName = `Roster ${label}`;
        const moduleTitle = await cohortWithAssignment(instructor.page, url, cohortName);
        const cohortUrl = instructor.page.url();
        const link = await pasteRoster(instructor.page, email);

        await inBrowser(device, { timezoneId: "America/New_York" }, async (learner) => {
          await choosePassword(learner.page, link, email);
          const assignments = learner.page.getByRole("region", { name: "Your assignments" });
          await assignments.getByRole("link", { name: moduleTitle }).waitFor();
          expect(await assignments.textContent()).toContain(cohortName);
          expect(await horizontalOverflow(learner.page)).toBe(0);
          // The device's zone, taken when the password was chosen (the account was made without one).
          const [row] = await server().db.select({ timeZone: users.timeZone }).from(users).where(eq(users.email, email));
          expect(row?.timeZone).toBe("America/New_York");

          // The link works once. (Fetched rather than opened: Chromium logs a 410 document as a console error.)
          const again = await fetch(link);
          expect(again.status).toBe(410);
          expect(await again.text()).toContain("This link has already been used");

          if (label !== "desktop") return;
          // The instructor gives this learner a later due date of their own, from the learner's page.
          await instructor.page.goto(cohortUrl);
          await instructor.page.getByRole("main").getByRole("link", { name: "New Learner" }).click();
          await instructor.page.waitForURL(/\/learners\/[^/]+$/);
          const main = instructor.page.getByRole("main");
          await main.getByRole("heading", { name: "New Learner", level: 1 }).waitFor();
          const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
          await main.getByLabel("Due date for New Learner (end of the day)").fill(later);
          await main.getByRole("button", { name: "Set due date" }).click();
          await main.getByText("Due date saved.").waitFor();
          await main.getByText(/own date; the cohort’s is/).waitFor();

          // Still signed in from choosing the password.
          await learner.page.goto(`${url}/`);
          await learner.page.getByRole("region", { name: "Your assignments" }).getByText(/\(your own date\)/).waitFor();
        });
      });
    });
  });
}
