import { checkAuthoredQuestion, type AuthoredFields } from "~/questions/authoring";
import { gradeResponse } from "~/questions/grade";
import { QUESTION_JSON_FORMAT, readAnswerData, storeAnswerData } from "~/questions/stored-format";

const fields = (over: Partial<AuthoredFields>): AuthoredFields => ({
  prompt: "",
  answer: "",
  accepted: "",
  options: "",
  unit: "",
  tolerance: "",
  explanation: "",
  ...over,
});
const errorsOf = (result: ReturnType<typeof checkAuthoredQuestion>) => (result.ok ? {} : result.fieldErrors);

describe("a question an instructor writes", () => {
  it("needs a prompt and a key", () => {
    expect(Object.keys(errorsOf(checkAuthoredQuestion("short_answer", fields({ prompt: "  ", answer: "" }))))).toEqual(["prompt", "answer"]);
  });

  it("keeps the key first among the accepted answers, once, and tidies spaces", () => {
    const result = checkAuthoredQuestion("short_answer", fields({ prompt: "Which river  flows through Cairo?", answer: " Nile ", accepted: "nile\nRiver Nile\n\nRiver Nile" }));
    expect(result).toEqual({
      ok: true,
      question: { prompt: "Which river flows through Cairo?", answer: "Nile", accepted: ["Nile", "River Nile"], options: null, numeric: null, explanation: "" },
    });
  });

  it("gives a cloze prompt exactly one blank, written the generator's way", () => {
    expect(errorsOf(checkAuthoredQuestion("cloze", fields({ prompt: "The Nile flows north.", answer: "Nile" })))).toHaveProperty("prompt");
    expect(errorsOf(checkAuthoredQuestion("cloze", fields({ prompt: "The ___ flows ___.", answer: "Nile" }))).prompt).toMatch(/this one has 2/);
    const ok = checkAuthoredQuestion("cloze", fields({ prompt: "The ___ flows north.", answer: "Nile" }));
    expect(ok.ok && ok.question.prompt).toBe("The _____ flows north.");
  });

  it("puts a multiple-choice key among distinct options, and no other option among the accepted answers", () => {
    const mc = (options: string, answer = "Nile", accepted = "") => checkAuthoredQuestion("multiple_choice", fields({ prompt: "Which river flows north?", answer, options, accepted }));
    expect(errorsOf(mc("Congo\nNiger\nVolta"))).toEqual({ answer: "The key must be one of the options." });
    expect(errorsOf(mc("Nile\nnile\nVolta"))).toEqual({ options: "Each option must differ from the others." });
    expect(errorsOf(mc("Nile"))).toHaveProperty("options");
    expect(errorsOf(mc("Nile\nCongo\nNiger", "Nile", "Congo"))).toHaveProperty("accepted");
    const ok = mc("The Nile\nCongo\nNiger\nVolta", "nile");
    expect(ok.ok && [ok.question.answer, ok.question.options]).toEqual(["The Nile", ["The Nile", "Congo", "Niger", "Volta"]]);
  });

  it("reads a true/false key as True or False, with the options True and False only", () => {
    const tf = (answer: string, options = "") => checkAuthoredQuestion("true_false", fields({ prompt: "True or false: The Nile flows north.", answer, options }));
    expect(errorsOf(tf("Yes"))).toEqual({ answer: "A true/false key is True or False." });
    expect(errorsOf(tf("True", "True\nFalse\nMaybe"))).toEqual({ options: "A true/false question's options are True and False." });
    const ok = tf("false");
    expect(ok.ok && [ok.question.answer, ok.question.options, ok.question.accepted]).toEqual(["False", ["True", "False"], ["False"]]);
  });

  it("reads a numeric key as a number in the unit asked for, within a tolerance of zero or more", () => {
    const numeric = (over: Partial<AuthoredFields>) => checkAuthoredQuestion("numeric", fields({ prompt: "How high is Everest, in metres?", ...over }));
    expect(errorsOf(numeric({ answer: "very high" }))).toHaveProperty("answer");
    expect(errorsOf(numeric({ answer: "8849 metres", unit: "feet" }))).toHaveProperty("unit");
    expect(errorsOf(numeric({ answer: "8849", tolerance: "-1" }))).toHaveProperty("tolerance");
    expect(errorsOf(numeric({ answer: "8849", tolerance: "ten" }))).toHaveProperty("tolerance");
    const ok = numeric({ answer: "8,849 m", unit: "metres", tolerance: "5" });
    expect(ok.ok && ok.question.numeric).toEqual({ value: 8849, unit: "metres", tolerance: 5 });
    // The grader reads it: 8,845 is within the tolerance, 8,800 is not.
    if (!ok.ok) throw new Error("refused");
    const question = { type: "numeric" as const, ...ok.question };
    expect([gradeResponse(question, "8845").verdict, gradeResponse(question, "8800").verdict]).toEqual(["correct", "wrong"]);
  });
});

describe("stored question JSON", () => {
  it("carries its format and reads back what was stored", () => {
    const data = { accepted: ["Nile", "River Nile"], options: ["Nile", "Congo"], numeric: null };
    const stored = storeAnswerData(data);
    expect(stored.jsonFormat).toBe(QUESTION_JSON_FORMAT);
    expect(readAnswerData(stored)).toEqual(data);
  });

  it("refuses a format it does not know rather than misreading it", () => {
    expect(() => readAnswerData({ ...storeAnswerData({ accepted: ["Nile"] }), jsonFormat: QUESTION_JSON_FORMAT + 1 })).toThrow(/format 2/);
  });
});
