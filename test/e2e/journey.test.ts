/**
 * An instructor's whole journey with a learner, in a real browser, on a phone
 * and on a desktop (one server, each size with its own module, cohort and
 * learner): the demo instructor uploads Markdown, publishes the draft as a new
 * module, curates its first lesson (accepts two questions at once, edits one,
 * retires one that was reaching learners), lets only accepted questions reach
 * learners, creates a cohort and assigns the module with a start and a due
 * date. A learner who signs up in a second browser joins by the code, starts
 * the lesson (a POST: reading it alone adds nothing), and reviews exactly the
 * accepted and edited questions, the edited one in its new words; the retired
 * one never reaches them. The cohort dashboard and its CSV export show the
 * learner's progress on the module.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { formatDay } from "../../app/components/charts/format";
import { DESKTOP, horizontalOverflow, inBrowser, PHONE, waitForHydration } from "./support/browser";
import { currentCard, normalise, signIn, verdict, waitForNextCard } from "./support/flows";
import { DEMO_PASSWORD, serverForThisFile, type RunningServer } from "./support/server";

const server = serverForThisFile();
const INSTRUCTOR = "instructor@demo.cairn.test";
const EDIT_MARK = "(Checked in class.)";

const FIRST_LESSON = "How glaciers form";
const GLACIERS = `# Glaciers

## ${FIRST_LESSON}

Glaciers form where more snow falls in winter than melts in summer. Buried under later snowfalls, the old snow is squeezed into firn, a granular material halfway between snow and ice. Over many years the firn is pressed into dense glacial ice. Glacial ice often looks blue because it absorbs red light. A glacier begins to flow under its own weight once its ice is roughly 50 metres thick. The Lambert Glacier in Antarctica is the largest glacier in the world, about 400 kilometres long.

## How glaciers move

Glaciers move by the slow deformation of their ice and by sliding over the rock beneath them. Meltwater at the base lets a glacier slide faster. Most glaciers move less than a metre a day. The Jakobshavn Glacier in Greenland is one of the fastest, at times flowing more than 40 metres a day. Deep cracks called crevasses open where the ice is stretched.

## What glaciers leave behind

As a glacier retreats it leaves ridges of rock and soil called moraines. Boulders carried far from where they broke off are called erratics. Valleys carved by glaciers have a U shape, while rivers cut valleys shaped like a V. The fjords of Norway are glacial valleys that the sea flooded after the last ice age.
`;

/** One question as the curation page shows it. */
interface Listed {
  id: string;
  prompt: string;
  key: string;
  type: string;
  sentence: string;
  status: string;
  reachesLearners: string;
}

/** The questions on the curation page, read from each card's prompt, marked sentence and facts. */
async function listedQuestions(page: Page): Promise<Listed[]> {
  await page.getByRole("main").getByRole("article").first().waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main article[aria-labelledby^="question-"]')].map((card) => {
      const promptId = card.getAttribute("aria-labelledby")!;
      const facts = new Map(
        [...card.querySelectorAll("dl > div")].map((row) => [row.querySelector("dt")?.textContent ?? "", row.querySelector("dd")?.textContent ?? ""]),
      );
      return {
        id: promptId.replace(/^question-/, ""),
        prompt: document.getElementById(promptId)?.textContent ?? "",
        key: facts.get("Key") ?? "",
        type: facts.get("Type") ?? "",
        sentence: card.querySelector("mark")?.textContent ?? "",
        status: facts.get("Status") ?? "",
        reachesLearners: facts.get("Reaches learners") ?? "",
      };
    }),
  );
}

/** Lower-case words, for telling whether one question's key stands in another's prompt. */
const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;

/**
 * Three questions a deck can hold together: from different sentences, none showing another's sentence
 * as its context (siblings, never on one day), with different keys, none whose key another's prompt
 * shows (a deck leaves such a pair out, whoever vouched for them), and no true/false statement (a deck
 * holds no more true ones than false ones).
 */
function compatibleTrio(candidates: Listed[]): Listed[] {
  const chosen: Listed[] = [];
  for (const q of candidates) {
    if (chosen.length === 3) break;
    if (q.type === "True or false") continue;
    const clashes = chosen.some(
      (c) =>
        c.sentence === q.sentence ||
        words(c.prompt).includes(words(q.sentence)) ||
        words(q.prompt).includes(words(c.sentence)) ||
        words(c.key) === words(q.key) ||
        words(c.prompt).includes(words(q.key)) ||
        words(q.prompt).includes(words(c.key)),
    );
    if (!clashes) chosen.push(q);
  }
  if (chosen.length < 3) throw new Error(`The first lesson has no three questions a deck can hold together: ${JSON.stringify(candidates, null, 1)}`);
  return chosen;
}

const questionCard = (page: Page, questionId: string): Locator => page.locator(`main article[aria-labelledby="question-${questionId}"]`);

async function learnerId(db: RunningServer["db"], email: string): Promise<string> {
  const { rows } = await db.$client.execute({ sql: "SELECT id FROM users WHERE email = ?", args: [email] });
  return String(rows[0]!.id);
}

describe.each([
  { device: PHONE, size: "phone" },
  { device: DESKTOP, size: "desktop" },
])("an instructor's module reaches a cohort's learner, on a $size", ({ device, size }) => {
  it("upload, publish, curate, accepted only, cohort, assignment; a learner joins, starts the lesson, reviews; dashboard and CSV show them", async () => {
    const { url, db } = server();
    const moduleTitle = `Glaciers on a ${size}`;
    const learnerEmail = `journey-${size}@example.test`;
    const learnerName = `Journey learner (${size})`;
    // A finger taps where a mouse clicks.
    const press = (target: Locator) => (device === PHONE ? target.tap() : target.click());

    await inBrowser(device, {}, async ({ page }) => {
      const main = page.getByRole("main");
      await signIn(page, url, INSTRUCTOR, DEMO_PASSWORD);

      // Material in: the draft is prepared in the background, then published as a new module.
      await page.goto(`${url}/instructor/upload`);
      await main.getByLabel("Files").setInputFiles({ name: `glaciers-${size}.md`, mimeType: "text/markdown", buffer: Buffer.from(GLACIERS) });
      await press(main.getByRole("button", { name: "Upload and prepare a draft" }));
      await page.waitForURL(/\/instructor\/drafts\/[^/]+$/);
      await main.getByRole("heading", { name: "Lessons and questions" }).waitFor({ timeout: 60_000 });
      await main.getByRole("heading", { name: FIRST_LESSON, level: 3 }).waitFor();
      const courseTitle = (await main.getByLabel("Course", { exact: true }).locator("option:checked").textContent())!;
      await main.getByLabel("Module title").fill(moduleTitle);
      await press(main.getByRole("button", { name: "Publish as a new module" }));
      await page.waitForURL(/\/courses\/[^/]+\/glaciers-on-a-[a-z]+$/);
      await main.getByRole("heading", { name: moduleTitle, level: 1 }).waitFor();

      // Curation: the new module among the instructor's, its first lesson's questions best first.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).click();
      await page.waitForURL(`${url}/instructor`);
      await press(main.getByRole("link", { name: `Curate ${moduleTitle}` }));
      await page.waitForURL(/\/instructor\/modules\/[^/?]+$/);
      const curationUrl = page.url();
      const moduleId = curationUrl.split("/").at(-1)!;
      await waitForHydration(page);
      await main.getByLabel("Lesson").selectOption({ label: FIRST_LESSON });
      await press(main.getByRole("button", { name: "Filter" }));
      await page.waitForURL(/\?lesson=/);
      const lessonUrl = page.url();
      const generated = await listedQuestions(page);
      expect(generated.length).toBeGreaterThanOrEqual(4);
      expect(new Set(generated.map((q) => q.status))).toEqual(new Set(["Generated"]));

      // The one to retire reaches learners as things stand (the module lets good generated questions through).
      const retired = generated.find((q) => q.reachesLearners === "Yes");
      if (!retired) throw new Error(`No generated question of "${FIRST_LESSON}" reaches learners: ${JSON.stringify(generated, null, 1)}`);
      const [first, second, toEdit] = compatibleTrio(generated.filter((q) => q.id !== retired.id));

      // Accept two at once: tick them, then apply Accept to the ticked questions.
      for (const q of [first, second]) await questionCard(page, q.id).getByRole("checkbox").check();
      await main.getByLabel("With the ticked questions").selectOption("accept");
      await press(main.getByRole("button", { name: "Apply to ticked questions" }));
      await main.getByText("Accepted 2 questions.").waitFor();

      await press(questionCard(page, retired.id).getByRole("button", { name: "Retire" }));
      await main.getByText("Retired 1 question.").waitFor();

      await press(questionCard(page, toEdit.id).getByRole("link", { name: "Edit" }));
      await page.waitForURL(new RegExp(`/questions/${toEdit.id}$`));
      const editedPrompt = `${normalise(toEdit.prompt)} ${EDIT_MARK}`;
      await main.getByLabel("Prompt").fill(editedPrompt);
      await press(main.getByRole("button", { name: "Save changes" }));
      await main.getByText("Saved as revision 2.").waitFor();

      // Only accepted questions (accepted, edited, hand-written) reach learners from now on.
      await page.goto(lessonUrl);
      await waitForHydration(page);
      await press(main.getByText("Reaching learners:"));
      await main.getByRole("radio", { name: /^Only accepted questions/ }).check();
      await press(main.getByRole("button", { name: "Save setting" }));
      await main.getByText("Setting saved.").waitFor();
      await main.getByText("Reaching learners:").filter({ hasText: "only accepted questions" }).waitFor();
      if (device === PHONE) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.goto(lessonUrl);
      const curated = new Map((await listedQuestions(page)).map((q) => [q.id, q]));
      expect(curated.get(first.id)?.status).toBe("Accepted");
      expect(curated.get(second.id)?.status).toBe("Accepted");
      expect(curated.get(toEdit.id)?.status).toBe("Edited");
      expect(normalise(curated.get(toEdit.id)?.prompt ?? "")).toBe(editedPrompt);
      expect(curated.get(retired.id)?.status).toBe("Retired");
      const reaching = [...curated.values()].filter((q) => q.reachesLearners === "Yes").map((q) => q.id);
      expect(reaching.sort()).toEqual([first.id, second.id, toEdit.id].sort());
      // The module's other lessons: nothing vouched for, so nothing reaches learners.
      await page.goto(curationUrl);
      expect((await listedQuestions(page)).filter((q) => q.reachesLearners === "Yes").map((q) => q.id).sort()).toEqual(reaching.sort());

      // A cohort, and the module assigned to it with a start and a due date.
      await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" }));
      await page.waitForURL(`${url}/cohorts`);
      const cohortName = `Glacier class on a ${size}`;
      await main.getByLabel("Name").fill(cohortName);
      await press(main.getByRole("button", { name: "Create cohort" }));
      await page.waitForURL(/\/cohorts\/[^/]+$/);
      const cohortUrl = page.url();
      await main.getByRole("heading", { name: cohortName, level: 1 }).waitFor();
      const code = (await main.getByText(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/).textContent())!;

      const moduleOption = `${courseTitle}: ${moduleTitle}`;
      await main.getByLabel("Module").selectOption({ label: moduleOption });
      const startsOn = await main.getByLabel("Starts on").inputValue();
      const dueOn = new Date(Date.parse(`${startsOn}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
      await main.getByLabel("Due on (end of the day)").fill(dueOn);
      await press(main.getByRole("button", { name: "Assign" }));
      await main.getByText("Module assigned.").waitFor();
      await main
        .getByRole("listitem")
        .filter({ hasText: moduleTitle })
        .filter({ hasText: `${formatDay(startsOn, "long")} to ${formatDay(dueOn, "long")}` })
        .waitFor();

      await inBrowser(device, {}, async (learner) => {
        const lp = learner.page;
        const lmain = lp.getByRole("main");
        await lp.goto(`${url}/signup`);
        await lmain.getByLabel("Name").fill(learnerName);
        await lmain.getByLabel("Email").fill(learnerEmail);
        await lmain.getByLabel("Password").fill("a long enough password");
        await press(lmain.getByRole("button", { name: "Create account" }));
        await lp.waitForURL(`${url}/`);

        await lp.goto(`${url}/join`);
        await lmain.getByLabel("Join code").fill(code);
        await press(lmain.getByRole("button", { name: "Join" }));
        await lp.waitForURL(`${url}/`);
        const assignments = lmain.getByRole("region", { name: "Your assignments" });
        const assigned = assignments.getByRole("listitem").filter({ hasText: moduleTitle });
        expect(normalise((await assigned.textContent()) ?? "")).toContain(`${cohortName} · due ${formatDay(dueOn, "long")} · not started`);

        await press(assigned.getByRole("link", { name: moduleTitle }));
        await lp.waitForURL(/\/courses\/[^/]+\/glaciers-on-a-[a-z]+$/);
        // The URL changes before the new page renders: wait for the outline itself (a loaded machine showed the old page's list).
        await lmain.getByRole("link", { name: FIRST_LESSON }).waitFor();
        // The module's outline counts what reaches learners: the three vouched for, in the first lesson only.
        const lessonItems = (await lmain.getByRole("list").last().getByRole("listitem").allTextContents()).map(normalise);
        expect(lessonItems).toEqual([
          expect.stringMatching(new RegExp(`^${FIRST_LESSON} · \\d+ min · 3 questions$`)),
          expect.stringMatching(/ · 0 questions$/),
          expect.stringMatching(/ · 0 questions$/),
        ]);
        await press(lmain.getByRole("link", { name: FIRST_LESSON }));
        await lp.waitForURL(/\/how-glaciers-form$/);
        await lmain.getByRole("heading", { name: FIRST_LESSON, level: 1 }).waitFor();
        // Reading the lesson (a GET) added nothing: starting it is the POST below.
        const id = await learnerId(db, learnerEmail);
        const cardCount = async () =>
          Number((await db.$client.execute({ sql: "SELECT count(*) AS n FROM cards WHERE user_id = ?", args: [id] })).rows[0]!.n);
        expect(await cardCount()).toBe(0);

        const started = lp.waitForResponse((r) => r.request().method() === "POST");
        await waitForHydration(lp);
        await press(lmain.getByRole("button", { name: "Mark as read and add its cards" }));
        expect((await started).status()).toBe(200);
        await lmain.getByRole("status").filter({ hasText: "3 new cards from this lesson joined your daily review." }).waitFor();

        // The daily review: exactly the accepted and edited questions, each answered right and rated Easy.
        await press(lmain.getByRole("link", { name: "Go to daily review" }));
        await lp.waitForURL(`${url}/review`);
        await waitForHydration(lp);
        const reviewed: string[] = [];
        const prompts: string[] = [];
        for (;;) {
          const card = await currentCard(lp);
          const { rows } = await db.$client.execute({
            sql: "SELECT q.id, q.answer FROM showings s JOIN cards c ON c.id = s.card_id JOIN questions q ON q.id = c.question_id WHERE s.id = ?",
            args: [card.showingId],
          });
          const { id: questionId, answer } = rows[0]! as unknown as { id: string; answer: string };
          reviewed.push(questionId);
          prompts.push(normalise(card.prompt));
          const options = card.form.getByRole("radio");
          if ((await options.count()) > 0) await card.form.getByRole("radio", { name: answer, exact: true }).check();
          else await card.form.getByRole("textbox").fill(answer);
          await press(card.form.getByRole("button", { name: "Check" }));
          await verdict(lp).waitFor();
          expect(await verdict(lp).textContent()).toBe("Right.");
          await press(lmain.getByRole("button", { name: "Easy", exact: true }));
          await lmain.getByRole("button", { name: "Easy", pressed: true }).waitFor();
          await press(lmain.getByRole("link", { name: /^Continue/ }));
          if ((await waitForNextCard(lp, card.showingId, "pressing Continue")) === "done") break;
          if (reviewed.length > 10) throw new Error(`The review did not end: ${reviewed.join(", ")}`);
        }
        expect([...reviewed].sort()).toEqual([first.id, second.id, toEdit.id].sort());
        expect(reviewed).not.toContain(retired.id);
        // The learner sees the edited question in its new words.
        expect(prompts.filter((p) => p.includes(EDIT_MARK))).toHaveLength(1);
        if (device === PHONE) expect(await horizontalOverflow(lp)).toBeLessThanOrEqual(0);

        // The learner's own home says what the dashboard will say.
        await lp.goto(`${url}/`);
        const progress = lmain.getByRole("region", { name: "Your assignments" }).getByRole("listitem").filter({ hasText: moduleTitle });
        expect(normalise((await progress.textContent()) ?? "")).toMatch(/on track.*Lessons read ?1 of 3.*Cards learned ?3 of 3/);
      });

      // The dashboard: the learner's row for the module.
      await page.goto(cohortUrl);
      const row = main.getByRole("table").getByRole("row").filter({ hasText: learnerName });
      const cells = (await row.getByRole("cell").allTextContents()).map(normalise);
      expect(cells).toEqual([moduleTitle, "on track", "1 / 3", "3 / 3", expect.stringMatching(/^\d+%$/), "3", formatDay(dueOn, "long")]);
      if (device === PHONE) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // The CSV export: a GET answered with text/csv, holding the learner's row.
      const csv = await page.request.get(`${cohortUrl}/export.csv`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toMatch(/^Learner,Email,Module,Status,Lessons read,Lessons,Cards learned,Cards,/);
      expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${learnerName.replace(/[()]/g, "\\$&")},${learnerEmail},${moduleTitle},on track,1,3,3,3,\\d+,3,`))]);
    });
  });
});
