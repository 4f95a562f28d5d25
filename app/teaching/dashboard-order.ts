/**
 * The cohort dashboard's order and pages: which learners come first for each
 * column an instructor can sort by, and which of them one page shows. Pure:
 * learners' cells in, an ordered page out.
 *
 * A learner has a cell per assigned module; a column sorts learners by one
 * figure of theirs across those cells, the one that says who needs help:
 * - status: the riskiest cell (progress.ts compareByRisk), the default;
 * - lessons read, cards learned: the smallest share over their modules;
 * - predicted retention: the lowest over modules that have cards;
 * - reviews in the last 7 days: their total;
 * - due: the soonest due date of a module not yet done.
 * Ascending puts the learner who needs help first in every column but the
 * learner's name (A to Z). A learner without a figure (nothing assigned, no
 * cards, everything done) comes last either way; ties go by name, then email.
 */
import { compareByRisk, riskiestCell, type ProgressCell } from "./progress";

export const DASHBOARD_SORTS = ["status", "learner", "lessons", "cards", "retention", "reviews", "due"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Learners per page: a page an instructor can scan, and a page the server renders quickly. */
export const LEARNERS_PER_PAGE = 50;

export interface DashboardOrder {
  sort: DashboardSort;
  dir: SortDirection;
  /** 1-based. */
  page: number;
}

export const DEFAULT_ORDER: DashboardOrder = { sort: "status", dir: "asc", page: 1 };

/** The order a page's query asks for; anything unknown falls back to the default (a GET never fails on it). */
export function readDashboardOrder(params: URLSearchParams): DashboardOrder {
  const sort = params.get("sort");
  const dir = params.get("dir");
  const page = Number(params.get("page"));
  return {
    sort: DASHBOARD_SORTS.includes(sort as DashboardSort) ? (sort as DashboardSort) : DEFAULT_ORDER.sort,
    dir: dir === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export interface LearnerCells {
  learner: { name: string; email: string };
  cells: readonly ProgressCell[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function minimum(values: number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

/** The learner's figure for a numeric column; null when they have none. */
function figure(cells: readonly ProgressCell[], sort: Exclude<DashboardSort, "status" | "learner">): number | null {
  if (cells.length === 0) return null;
  switch (sort) {
    case "lessons":
      return minimum(cells.map((c) => share(c.lessonsRead, c.lessonCount)));
    case "cards":
      return minimum(cells.map((c) => share(c.cardsLearned, c.deckSize)));
    case "retention":
      return minimum(cells.flatMap((c) => (c.predictedRetention === null ? [] : [c.predictedRetention])));
    case "reviews":
      return cells.reduce((sum, c) => sum + c.reviewsLast7Days, 0);
    case "due":
      return minimum(cells.flatMap((c) => (c.status === "done" ? [] : [c.dueAt])));
  }
}

const byName = (a: LearnerCells, b: LearnerCells) =>
  a.learner.name.localeCompare(b.learner.name, "en") || a.learner.email.localeCompare(b.learner.email, "en");

/** The rows in the order asked for (a new array; the rows are not copied). */
export function orderLearners<T extends LearnerCells>(rows: readonly T[], sort: DashboardSort, dir: SortDirection): T[] {
  const sign = dir === "asc" ? 1 : -1;
  if (sort === "learner") return [...rows].sort((a, b) => sign * byName(a, b));
  // Each learner's figure is worked out once, not at every comparison.
  const keyed = rows.map((row) => {
    if (sort === "status") return { row, riskiest: riskiestCell(row.cells), value: 0 };
    return { row, riskiest: null, value: figure(row.cells, sort) };
  });
  const missing = (k: (typeof keyed)[number]) => (sort === "status" ? k.riskiest === null : k.value === null);
  keyed.sort((a, b) => {
    const gone = Number(missing(a)) - Number(missing(b));
    if (gone !== 0 || missing(a)) return gone || byName(a.row, b.row);
    const order = sort === "status" ? compareByRisk(a.riskiest!, b.riskiest!) : a.value! - b.value!;
    return sign * order || byName(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

export interface DashboardPage<T> {
  rows: T[];
  /** The page shown (the one asked for, brought within range). */
  page: number;
  pageCount: number;
  total: number;
}

/** One page of the ordered rows. */
export function pageOf<T>(rows: readonly T[], page: number, perPage = LEARNERS_PER_PAGE): DashboardPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / perPage));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  return { rows: rows.slice((shown - 1) * perPage, shown * perPage), page: shown, pageCount, total: rows.length };
}
