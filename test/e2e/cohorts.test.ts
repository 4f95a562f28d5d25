/**
 * Cohorts in a real browser at phone size: the demo instructor creates a
 * cohort and assigns a module, a demo learner joins with the code and sees
 * the assignment first on their home page, the instructor's dashboard lists
 * them, and the CSV export downloads with its header row.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDay } from "../../app/components/charts/format";
import { horizontalOverflow, inBrowser, PHONE } from "./support/browser";
import { signIn } from "./support/flows";
import { DEMO_LEARNERS, DEMO_PASSWORD, serverForThisFile } from "./support/server";

const server = serverForThisFile();
const INSTRUCTOR = "instructor@demo.cairn.test";

describe("an instructor's cohort, end to end", () => {
  it("creates a cohort, assigns a module, a learner joins by code, the dashboard lists them and the CSV downloads", async () => {
    const { url } = server();
    await inBrowser(PHONE, {}, async ({ page }) => {
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" }).tap();
      await page.waitForURL(`${url}/cohorts`);
      const main = page.getByRole("main");
      await main.getByLabel("Name").fill("Phone cohort");
      await main.getByRole("button", { name: "Create cohort" }).click();
      await page.waitForURL(/\/cohorts\/[^/]+$/);
      await main.getByRole("heading", { name: "Phone cohort", level: 1 }).waitFor();
      const code = (await main.getByText(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/).textContent())!;

      const module = main.getByLabel("Module");
      await module.selectOption({ index: 1 });
      const moduleTitle = (await module.locator("option:checked").textContent())!.split(": ").at(-1)!;
      const dueOn = await main.getByLabel("Due on (end of the day)").inputValue();
      await main.getByRole("button", { name: "Assign" }).click();
      await main.getByText("Module assigned.").waitFor();
      // Due at the due day's end, and shown as that day, not the next morning's date.
      await main.getByRole("listitem").filter({ hasText: moduleTitle }).filter({ hasText: `to ${formatDay(dueOn, "long")}` }).waitFor();

      await inBrowser(PHONE, {}, async (learner) => {
        await signIn(learner.page, url, DEMO_LEARNERS[0], DEMO_PASSWORD);
        await learner.page.goto(`${url}/join`);
        await learner.page.getByRole("main").getByLabel("Join code").fill(code.toLowerCase());
        await learner.page.getByRole("main").getByRole("button", { name: "Join" }).click();
        await learner.page.waitForURL(`${url}/`);
        const assignments = learner.page.getByRole("region", { name: "Your assignments" });
        await assignments.getByRole("link", { name: moduleTitle }).waitFor();
        expect(await assignments.textContent()).toContain("Phone cohort");
        // First on the page: above the day's review panel.
        const today = learner.page.getByRole("region", { name: /^Today/ });
        expect((await assignments.boundingBox())!.y).toBeLessThan((await today.boundingBox())!.y);
      });

      await page.reload();
      const table = main.getByRole("table");
      await table.getByRole("rowheader").filter({ hasText: "Ada Learner" }).waitFor();
      expect(await table.getByRole("row").filter({ hasText: moduleTitle }).count()).toBe(1);
      expect(await horizontalOverflow(page)).toBe(0);

      const [download] = await Promise.all([page.waitForEvent("download"), main.getByRole("link", { name: "Download as CSV" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^cohort-progress-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toMatch(/^Learner,Email,Module,Status,Lessons read,/);
      expect(lines.slice(1)).toEqual([expect.stringContaining("ada@demo.cairn.test")]);
    });
  });
});
