/**
 * parseForm: the one way an action reads its form. Field errors come back in
 * the one payload shape with status 400; anything that is not an HTML form
 * post is a 4xx Response with a plain message, never a 500.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM_BODY_LIMIT, parseForm } from "../../app/forms/parse-form.server";

const schema = z
  .object({ name: z.string().min(1, "Enter a name."), password: z.string().min(8, "Too short."), age: z.coerce.number().int() })
  .refine((v) => v.name !== v.password, { message: "Your name is not a password." });

const post = (body: BodyInit, headers: Record<string, string> = {}, method = "POST") =>
  new Request("http://cairn.test/form", { method, body, headers });

async function refused(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Response)) throw new Error("expected a thrown Response");
  return { status: error.status, text: await error.text() };
}

describe("parseForm", () => {
  it("reads a field named in `lists` as all its values (ticked checkboxes), any other field as its last", async () => {
    const ticked = z.object({ id: z.array(z.string()).min(1, "Tick one."), action: z.string() });
    const body = new URLSearchParams([["id", "a"], ["id", "b"], ["action", "x"], ["action", "y"]]);
    expect(await parseForm(post(body), ticked, { lists: ["id"] })).toMatchObject({ ok: true, data: { id: ["a", "b"], action: "y" } });
    const none = await parseForm(post(new URLSearchParams({ action: "x" })), ticked, { lists: ["id"] });
    expect(none.ok ? null : none.response.data.fieldErrors).toEqual({ id: "Tick one." });
  });

  it("gives the parsed data for a valid urlencoded or multipart form", async () => {
    const fields = { name: "Ada", password: "long enough", age: "36" };
    const urlencoded = await parseForm(post(new URLSearchParams(fields)), schema);
    expect(urlencoded).toMatchObject({ ok: true, data: { name: "Ada", age: 36 } });
    const multipart = new FormData();
    for (const [k, v] of Object.entries(fields)) multipart.set(k, v);
    expect(await parseForm(post(multipart), schema)).toMatchObject({ ok: true, data: { password: "long enough" } });
  });

  it("returns field errors, the form's own error and what was typed (never a password) with status 400", async () => {
    const result = await parseForm(post(new URLSearchParams({ name: "", password: "short", age: "x" })), schema);
    if (result.ok) throw new Error("expected a refusal");
    expect(result.response.init?.status).toBe(400);
    expect(result.response.data).toEqual({
      status: "error",
      fieldErrors: { name: "Enter a name.", password: "Too short.", age: expect.any(String) },
      formError: null,
      values: { name: "", age: "x" },
    });
    const same = await parseForm(post(new URLSearchParams({ name: "hunter2hunter2", password: "hunter2hunter2", age: "1" })), schema);
    if (same.ok) throw new Error("expected a refusal");
    expect(same.response.data.formError).toBe("Your name is not a password.");
  });

  it("refuses JSON, text/plain and untyped bodies with 415", async () => {
    for (const [body, type] of [['{"name":"Ada"}', "application/json"], ["name=Ada", "text/plain"]] as const) {
      const result = await refused(parseForm(post(body, { "Content-Type": type }), schema));
      expect(result.status).toBe(415);
      expect(result.text).toContain(type);
    }
    expect((await refused(parseForm(post(new Blob(["name=Ada"])), schema))).status).toBe(415);
  });

  it("refuses DELETE, PUT and PATCH with 405", async () => {
    for (const method of ["DELETE", "PUT", "PATCH"]) {
      expect((await refused(parseForm(post(new URLSearchParams({ name: "Ada" }), {}, method), schema))).status).toBe(405);
    }
  });

  it("refuses a body over the limit with 413, by its declared length or as it streams", async () => {
    const big = new URLSearchParams({ name: "a".repeat(FORM_BODY_LIMIT) });
    expect((await refused(parseForm(post(big), schema))).status).toBe(413);
    const justUnder = new URLSearchParams({ name: "a".repeat(FORM_BODY_LIMIT - 100), password: "long enough", age: "1" });
    expect((await parseForm(post(justUnder), schema)).ok).toBe(true);
  });

  it("refuses a multipart body that does not match its boundary with 400", async () => {
    const result = await refused(parseForm(post("garbage", { "Content-Type": "multipart/form-data; boundary=xyz" }), schema));
    expect(result.status).toBe(400);
  });
});
