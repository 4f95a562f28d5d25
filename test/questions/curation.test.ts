import { afterAction, afterEdit, curationStatus, importOutcome, untouched, vouchedFor, type CurationRow } from "~/questions/curation";

const row = (over: Partial<CurationRow> = {}): CurationRow => ({ curation: "generated", status: "active", retiredBy: null, ...over });
const regenerated = { regenerated: true, lessonActive: true };
const vanished = { regenerated: false, lessonActive: true };
const lessonGone = { regenerated: false, lessonActive: false };

describe("a question's curation state", () => {
  it("reads as one state, retirements told apart by who retired", () => {
    expect(curationStatus(row())).toBe("generated");
    expect(curationStatus(row({ curation: "edited" }))).toBe("edited");
    expect(curationStatus(row({ status: "retired", retiredBy: "instructor" }))).toBe("retired_by_instructor");
    expect(curationStatus(row({ status: "retired", retiredBy: "import" }))).toBe("retired_by_import");
    // Rows retired before retirers were recorded were retired by imports.
    expect(curationStatus(row({ status: "retired", retiredBy: null }))).toBe("retired_by_import");
  });

  it("counts accepted, edited and hand-written questions as vouched for, and any instructor's act as a touch", () => {
    expect((["generated", "accepted", "edited", "hand_written"] as const).map(vouchedFor)).toEqual([false, true, true, true]);
    expect(untouched(row())).toBe(true);
    expect(untouched(row({ status: "retired", retiredBy: "import" }))).toBe(true);
    expect(untouched(row({ status: "retired", retiredBy: "instructor" }))).toBe(false);
    expect(untouched(row({ curation: "accepted" }))).toBe(false);
  });
});

describe("what a re-import does with a stored question", () => {
  it("rewrites an untouched question generated again, and retires one that vanished", () => {
    expect(importOutcome(row(), regenerated)).toEqual({ content: "rewrite", status: "active", retiredBy: null });
    expect(importOutcome(row({ status: "retired", retiredBy: "import" }), regenerated)).toEqual({ content: "rewrite", status: "active", retiredBy: null });
    expect(importOutcome(row(), vanished)).toEqual({ content: "keep", status: "retired", retiredBy: "import" });
  });

  it("keeps the text of a touched question, generated again or not, while its lesson stands", () => {
    for (const curation of ["accepted", "edited", "hand_written"] as const) {
      expect(importOutcome(row({ curation }), regenerated)).toEqual({ content: "place", status: "active", retiredBy: null });
      expect(importOutcome(row({ curation }), vanished)).toEqual({ content: "keep", status: "active", retiredBy: null });
    }
  });

  it("retires a touched question with its lesson and brings it back with it", () => {
    expect(importOutcome(row({ curation: "accepted" }), lessonGone)).toEqual({ content: "keep", status: "retired", retiredBy: "import" });
    expect(importOutcome(row({ curation: "accepted", status: "retired", retiredBy: "import" }), vanished)).toEqual({ content: "keep", status: "active", retiredBy: null });
  });

  it("never brings back what an instructor retired", () => {
    const retired = row({ status: "retired", retiredBy: "instructor" });
    for (const found of [regenerated, vanished, lessonGone]) expect(importOutcome(retired, found)).toMatchObject({ status: "retired", retiredBy: "instructor" });
    expect(importOutcome(retired, regenerated).content).toBe("place");
  });
});

describe("an instructor's actions", () => {
  it("accepts only an untouched question that is taught", () => {
    expect(afterAction(row(), "accept")).toEqual(row({ curation: "accepted" }));
    expect(afterAction(row({ curation: "edited" }), "accept")).toBeNull();
    expect(afterAction(row({ status: "retired", retiredBy: "instructor" }), "accept")).toBeNull();
  });

  it("retires what is taught and restores what is retired, keeping the curation an instructor gave", () => {
    expect(afterAction(row({ curation: "edited" }), "retire")).toEqual(row({ curation: "edited", status: "retired", retiredBy: "instructor" }));
    expect(afterAction(row({ status: "retired", retiredBy: "instructor" }), "retire")).toBeNull();
    expect(afterAction(row({ curation: "edited", status: "retired", retiredBy: "instructor" }), "restore")).toEqual(row({ curation: "edited" }));
    expect(afterAction(row({ status: "retired", retiredBy: "instructor" }), "restore")).toEqual(row());
    expect(afterAction(row(), "restore")).toBeNull();
  });

  it("accepts what it restores from an import's retirement, so the next import does not retire it again", () => {
    const restored = afterAction(row({ status: "retired", retiredBy: "import" }), "restore")!;
    expect(restored).toEqual(row({ curation: "accepted" }));
    expect(importOutcome(restored, vanished).status).toBe("active");
  });

  it("marks an edit as edited, unless the instructor wrote the question", () => {
    expect([afterEdit("generated"), afterEdit("accepted"), afterEdit("edited"), afterEdit("hand_written")]).toEqual(["edited", "edited", "edited", "hand_written"]);
  });
});
