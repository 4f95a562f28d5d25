import { describe, expect, it } from "vitest";
import { presentedOptions } from "~/questions/options";

describe("presenting options", () => {
  it("true/false always reads True then False, whatever order the question stores", () => {
    expect(presentedOptions({ type: "true_false", options: ["False", "True"] }, "showing-1")).toEqual(["True", "False"]);
    expect(presentedOptions({ type: "true_false", options: ["True", "False"] }, "showing-2")).toEqual(["True", "False"]);
  });

  const options = ["Arvel", "Bosk", "Corran", "Dulmere", "Estiva"];
  it("multiple choice keeps one order for one showing, and it is a permutation", () => {
    const once = presentedOptions({ type: "multiple_choice", options }, "showing-1");
    expect(presentedOptions({ type: "multiple_choice", options }, "showing-1")).toEqual(once);
    expect([...once!].sort()).toEqual(options);
  });

  it("multiple choice is shuffled afresh for each showing", () => {
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => presentedOptions({ type: "multiple_choice", options }, `s${i}`)!.join()),
    );
    expect(orders.size).toBeGreaterThan(5);
  });

  it("a typed question has no options", () => {
    expect(presentedOptions({ type: "cloze", options: null }, "s")).toBeNull();
    expect(presentedOptions({ type: "short_answer" }, "s")).toBeNull();
  });
});
