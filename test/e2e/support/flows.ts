/**
 * Steps that several browser tests take, written the way a person would:
 * by visible links, labels and button names, never by CSS classes.
 */
import type { Locator, Page } from "playwright-core";

/** Collapses runs of white space and typographic quotes, for comparing visible text. */
export function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim();
}

/** The catalogue's course links on the home page (signed in or out). */
export function courseLinks(page: Page): Locator {
  return page.getByRole("main").getByRole("region", { name: "Courses" }).getByRole("heading").getByRole("link");
}

/**
 * From the home page: the first course, its first module, and that module's
 * first lesson that has questions. `go` is how a link is followed (click or tap).
 */
export async function openFirstLessonWithQuestions(
  page: Page,
  baseUrl: string,
  options: { go?: (link: Locator) => Promise<void>; exceptCourse?: string } = {},
): Promise<void> {
  const go = options.go ?? ((link: Locator) => link.click());
  await page.goto(`${baseUrl}/`);
  const main = page.getByRole("main");
  const courses = courseLinks(page);
  await go((options.exceptCourse ? courses.filter({ hasNotText: options.exceptCourse }) : courses).first());
  await page.waitForURL(/\/courses\/[^/]+$/);
  await go(main.getByRole("heading", { level: 3 }).getByRole("link").first());
  await page.waitForURL(/\/courses\/[^/]+\/[^/]+$/);
  const withQuestions = main.getByRole("listitem").filter({ hasText: /\b[1-9]\d* questions/ });
  await go(withQuestions.first().getByRole("link"));
  await page.waitForURL(/\/courses\/[^/]+\/[^/]+\/[^/]+$/);
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  try {
    await page.waitForURL((url) => url.pathname !== "/signin");
  } catch (error) {
    const said = await page.getByRole("main").textContent().catch(() => "");
    throw new Error(`Signing in as ${email} did not leave /signin; the page says: ${said}`, { cause: error });
  }
}

/** The form of the question on screen (named by its prompt). */
export function questionForm(page: Page): Locator {
  return page.getByRole("main").getByRole("form").filter({ has: page.getByRole("button", { name: "Check" }) });
}

/** What the learner is told after answering: "Right.", "Not quite." or "Right — check the spelling: …" */
export function verdict(page: Page): Locator {
  return page.getByRole("main").getByText(/^(Right\.|Not quite\.|Right — check the spelling: .+)$/);
}

/** Something a learner might type for a text question: a word from its own prompt. */
export async function guessFor(form: Locator): Promise<string> {
  const words = (await form.textContent())?.match(/[A-Za-z]{4,}/g) ?? [];
  return words.at(-1) ?? "answer";
}

export const RATINGS = ["Again", "Hard", "Good", "Easy"] as const;

/** The review card on screen: its form and the showing it answers. */
export async function currentCard(page: Page): Promise<{ form: Locator; showingId: string; prompt: string }> {
  const form = questionForm(page);
  await form.waitFor();
  // Hidden inputs have no role; the showing id is data, not something a learner reads.
  const showingId = await form.locator('input[name="showingId"]').inputValue();
  const promptId = await form.getAttribute("aria-labelledby");
  const prompt = promptId ? ((await page.locator(`[id="${promptId}"]`).textContent()) ?? "") : "";
  return { form, showingId, prompt };
}

/** After `how` (e.g. "pressing Space"): waits for a card other than `previousShowingId`, or the end of today's reviews; returns which. */
export async function waitForNextCard(page: Page, previousShowingId: string, how: string): Promise<"card" | "done"> {
  const done = page.getByRole("main").getByRole("heading", { name: /all done/i });
  try {
    await page.waitForFunction(
      (previous) => {
        const input = document.querySelector<HTMLInputElement>('main form input[name="showingId"]');
        const ratings = document.querySelector("main button[aria-pressed]");
        const finished = /all done/i.test(document.querySelector("main h2")?.textContent ?? "");
        return finished || (input !== null && input.value !== previous && ratings === null);
      },
      previousShowingId,
    );
  } catch (error) {
    const feedbackShown = (await verdict(page).count()) > 0;
    throw new Error(
      feedbackShown
        ? `After ${how}, the feedback stayed on screen: the next card did not come.`
        : `No next card and no end of reviews appeared; the page says: ${await page.getByRole("main").textContent()}`,
      { cause: error },
    );
  }
  return (await done.count()) > 0 ? "done" : "card";
}

/** The rating button currently applied (aria-pressed). */
export function chosenRating(page: Page): Locator {
  return page.getByRole("main").getByRole("button", { pressed: true });
}

/**
 * Answers the question in `form` the way a mouse or a finger would: the
 * first option of a choice, or a word of the prompt typed into a text
 * answer; then presses Check. Returns the response to the POST.
 */
export async function answerQuestion(page: Page, form: Locator, pointer: "mouse" | "touch") {
  const options = form.getByRole("radio");
  if ((await options.count()) > 0) {
    // A finger lands on the option's label, which is the whole row.
    if (pointer === "touch") await form.getByRole("listitem").first().tap();
    else await options.first().click();
    if (!(await options.first().isChecked())) throw new Error("Choosing the first option did not select it.");
  } else {
    const answer = form.getByRole("textbox");
    if (pointer === "touch") await answer.tap();
    await answer.fill(await guessFor(form));
  }
  const check = form.getByRole("button", { name: "Check" });
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  if (pointer === "touch") await check.tap();
  else await check.click();
  return posted;
}

/** The sign-in page, telling the learner why they are there: their session ended. */
export async function expectSessionEndedNotice(page: Page) {
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
  const notices = page.getByRole("alert").filter({ hasText: /session/i });
  if ((await notices.count()) !== 1) {
    throw new Error(`The sign-in page does not say the session ended; it says: ${await page.getByRole("main").textContent()}`);
  }
}
