/**
 * The practice route's action, called directly with Request objects against
 * a real temp database: an answer with nothing in it is a form error, not a
 * wrong answer, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { questions, reviewLogs, showings } from "../../db/schema";
import { useAppDatabase, type AppTestDatabase } from "../support/app-database";
import { seedGeography } from "../support/fixtures";

let t: AppTestDatabase;
let practice: typeof import("../../app/routes/courses.$courseSlug.$moduleSlug.$lessonSlug.practice");

beforeEach(async () => {
  t = await useAppDatabase();
  practice = await import("../../app/routes/courses.$courseSlug.$moduleSlug.$lessonSlug.practice");
  await seedGeography(t.db);
});
afterEach(() => t.close());

const params = { courseSlug: "geography", moduleSlug: "rivers", lessonSlug: "africa" };
const url = "http://cairn.test/courses/geography/rivers/africa/practice";

async function shown(n: number) {
  const data = await practice.loader({ request: new Request(`${url}?n=${n}`), context: {}, params } as LoaderFunctionArgs);
  return data.question!;
}

async function act(fields: Record<string, string>) {
  const request = new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const result = await practice.action({ request, context: {}, params } as ActionFunctionArgs);
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Record<string, unknown> };
  return { status: 200, body: result as Record<string, unknown> };
}

describe("the practice action", () => {
  it("refuses an empty or spaces-only answer with 400 and a message for the form, recording nothing", async () => {
    const question = await shown(0);
    for (const response of ["", "  \t "]) {
      const refused = await act({ questionId: question.id, response });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ field: "response", questionId: question.id });
      expect(String(refused.body.error)).toMatch(/type an answer/i);
    }
    const unanswered = await act({ questionId: question.id });
    expect(unanswered).toMatchObject({ status: 400, body: { field: "response" } });
    expect(await t.db.select().from(reviewLogs)).toHaveLength(0);
    expect(await t.db.select().from(showings)).toHaveLength(0);
  });

  it("grades an answer with something in it", async () => {
    const asked = [await shown(0), await shown(1)];
    const question = asked.find((q) => q.type === "cloze")!;
    const answered = await act({ questionId: question.id, response: "Nile" });
    expect(answered).toMatchObject({ status: 200, body: { correct: true, message: null, expected: "Nile" } });
  });

  it("shows no true/false statement: decks hold none, the bank keeps them", async () => {
    // A false statement of its own sentence, on another river: high in the bank, out of the deck.
    await t.db
      .update(questions)
      .set({ prompt: "True or false: The Congo flows south into the Indian Ocean.", answer: "False", acceptedJson: '["False"]', siblingKey: "congo-south" })
      .where(eq(questions.id, "q-nile-tf"));
    const asked = [await shown(0), await shown(1), await shown(2)];
    expect(asked.some((q) => q.type === "true_false")).toBe(false);
    expect(await t.db.select().from(questions).where(eq(questions.id, "q-nile-tf"))).toHaveLength(1);
  });
});
