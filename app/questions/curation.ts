/**
 * A question's curation: what an instructor has done to it, and what that
 * lets a re-import and a learner's deck do with it. Pure; the models load a
 * row, ask here, and save what is said.
 *
 * Three columns hold it: `curation` (generated = untouched, accepted,
 * edited, hand_written), `status` (active or retired: whether it is taught)
 * and `retiredBy` (an instructor, or an import because the question vanished
 * from the material). An instructor's judgement beats the generator's: a
 * question an instructor touched keeps its text and state through every
 * re-import, and one they vouched for reaches learners whatever its
 * estimated quality.
 */
/** As db/schema.ts stores them (questions.curation, questions.retired_by); the models' rows are checked against these. */
export type Curation = "generated" | "accepted" | "edited" | "hand_written";
export type Retirer = "import" | "instructor";

/** One state per question, as an instructor reads it. */
export type CurationStatus = Curation | "retired_by_instructor" | "retired_by_import";

export const CURATION_STATUS_LABELS: Readonly<Record<CurationStatus, string>> = {
  generated: "Generated",
  accepted: "Accepted",
  edited: "Edited",
  hand_written: "Hand-written",
  retired_by_instructor: "Retired",
  retired_by_import: "Retired by import",
};

export interface CurationRow {
  curation: Curation;
  status: "active" | "retired";
  /** Null on a retired row from before retirers were recorded: only imports retired then. */
  retiredBy: Retirer | null;
}

export function curationStatus(row: CurationRow): CurationStatus {
  if (row.status === "retired") return row.retiredBy === "instructor" ? "retired_by_instructor" : "retired_by_import";
  return row.curation;
}

/** An instructor vouched for the question's text: accepted it as generated, edited it or wrote it. */
export function vouchedFor(curation: Curation): boolean {
  return curation !== "generated";
}

/** No instructor has touched it, so a re-import may rewrite or retire it. */
export function untouched(row: CurationRow): boolean {
  return row.curation === "generated" && row.retiredBy !== "instructor";
}

/**
 * What a re-import does with a question already stored for the module: `content` says what
 * becomes of its text ("rewrite": the generator's new text; "place": only its lesson, rank and
 * source line follow the material; "keep": nothing), `status`/`retiredBy` whether it is taught.
 *  - Untouched and generated again: rewritten and taught. Untouched and no longer generated: retired.
 *  - Touched (accepted, edited, hand-written, or retired by an instructor): its text and curation stay.
 *    It lives as long as its lesson: an import retires it when its lesson is gone and brings it back
 *    when its lesson is (or it is generated again). An instructor's retirement stays.
 */
export interface ImportOutcome extends Pick<CurationRow, "status" | "retiredBy"> {
  content: "rewrite" | "place" | "keep";
}

export function importOutcome(row: CurationRow, found: { regenerated: boolean; lessonActive: boolean }): ImportOutcome {
  const taught = { status: "active", retiredBy: null } as const;
  const retiredByImport = { status: "retired", retiredBy: "import" } as const;
  if (untouched(row)) {
    if (found.regenerated) return { content: "rewrite", ...taught };
    return { content: "keep", ...(row.status === "active" ? retiredByImport : { status: row.status, retiredBy: row.retiredBy }) };
  }
  const content = found.regenerated ? "place" : "keep";
  if (row.status === "retired" && row.retiredBy === "instructor") return { content, status: "retired", retiredBy: "instructor" };
  return { content, ...(found.regenerated || found.lessonActive ? taught : retiredByImport) };
}

export type CurationAction = "accept" | "retire" | "restore";

export const CURATION_ACTION_LABELS: Readonly<Record<CurationAction, string>> = {
  accept: "Accept",
  retire: "Retire",
  restore: "Restore",
};

/**
 * A question's curation after an instructor's action, or null when the action does not apply to it
 * (accepting a retired question or one already vouched for, retiring a retired one, restoring a
 * taught one). Restoring what an import retired vouches for it: left generated, the next import
 * would retire it again.
 */
export function afterAction(row: CurationRow, action: CurationAction): CurationRow | null {
  switch (action) {
    case "accept":
      return row.status === "active" && row.curation === "generated" ? { ...row, curation: "accepted" } : null;
    case "retire":
      return row.status === "active" ? { ...row, status: "retired", retiredBy: "instructor" } : null;
    case "restore": {
      if (row.status !== "retired") return null;
      const byImport = row.retiredBy !== "instructor";
      return { curation: byImport && row.curation === "generated" ? "accepted" : row.curation, status: "active", retiredBy: null };
    }
  }
}

/** An edited question is "edited", unless the instructor wrote it in the first place. */
export function afterEdit(curation: Curation): Curation {
  return curation === "hand_written" ? "hand_written" : "edited";
}
