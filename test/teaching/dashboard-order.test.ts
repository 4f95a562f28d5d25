import { describe, expect, it } from "vitest";
import { DEFAULT_ORDER, orderLearners, pageOf, readDashboardOrder, type LearnerCells } from "~/teaching/dashboard-order";
import type { ProgressCell } from "~/teaching/progress";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2);

function cell(over: Partial<ProgressCell>): ProgressCell {
  return {
    status: "on track",
    lessonsRead: 1,
    lessonCount: 2,
    cardsLearned: 5,
    deckSize: 10,
    predictedRetention: 0.5,
    reviewsLast7Days: 3,
    progress: 0.5,
    expectedProgress: 0.4,
    dueAt: NOW + 7 * DAY,
    ...over,
  };
}

const learner = (name: string, cells: ProgressCell[]): LearnerCells => ({ learner: { name, email: `${name.toLowerCase()}@example.org` }, cells });
const names = (rows: LearnerCells[]) => rows.map((r) => r.learner.name);

// Each learner has two modules; the figures differ so that each column orders them differently.
const ada = learner("Ada", [cell({ status: "done", lessonsRead: 2, cardsLearned: 10, predictedRetention: 0.9, reviewsLast7Days: 9 }), cell({ lessonsRead: 0, reviewsLast7Days: 1, dueAt: NOW + 3 * DAY })]);
const ben = learner("Ben", [cell({ status: "overdue", lessonsRead: 1, cardsLearned: 2, predictedRetention: 0.2, reviewsLast7Days: 0, dueAt: NOW - DAY })]);
const cy = learner("Cy", [cell({ status: "behind", lessonsRead: 2, cardsLearned: 8, predictedRetention: null, deckSize: 0, reviewsLast7Days: 4, dueAt: NOW + 10 * DAY })]);
const dee = learner("Dee", []);
const rows = [dee, cy, ben, ada];

describe("ordering a cohort's learners", () => {
  it("by status, most at risk first by default, with a learner who has nothing assigned last", () => {
    expect(names(orderLearners(rows, "status", "asc"))).toEqual(["Ben", "Cy", "Ada", "Dee"]);
    expect(names(orderLearners(rows, "status", "desc"))).toEqual(["Ada", "Cy", "Ben", "Dee"]);
  });

  it("by name, A to Z or Z to A", () => {
    expect(names(orderLearners(rows, "learner", "asc"))).toEqual(["Ada", "Ben", "Cy", "Dee"]);
    expect(names(orderLearners(rows, "learner", "desc"))).toEqual(["Dee", "Cy", "Ben", "Ada"]);
  });

  it("by a learner's smallest share of lessons read and cards learned over their modules", () => {
    // Lessons: Ada 0/2 on her second module, Ben 1/2, Cy 2/2. Cards: Ben 2/10, Ada 5/10, Cy's empty deck counts as all learned.
    expect(names(orderLearners(rows, "lessons", "asc"))).toEqual(["Ada", "Ben", "Cy", "Dee"]);
    expect(names(orderLearners(rows, "cards", "asc"))).toEqual(["Ben", "Ada", "Cy", "Dee"]);
    expect(names(orderLearners(rows, "cards", "desc"))).toEqual(["Cy", "Ada", "Ben", "Dee"]);
  });

  it("by lowest predicted retention over modules with cards; a learner with no cards anywhere comes last", () => {
    expect(names(orderLearners(rows, "retention", "asc"))).toEqual(["Ben", "Ada", "Cy", "Dee"]);
    expect(names(orderLearners(rows, "retention", "desc"))).toEqual(["Ada", "Ben", "Cy", "Dee"]);
  });

  it("by total reviews in the last 7 days, and by the soonest due date of a module not yet done", () => {
    expect(names(orderLearners(rows, "reviews", "asc"))).toEqual(["Ben", "Cy", "Ada", "Dee"]);
    // Ada's done module is due later than nothing: her soonest open one is in 3 days.
    expect(names(orderLearners(rows, "due", "asc"))).toEqual(["Ben", "Ada", "Cy", "Dee"]);
  });

  it("ties go by name", () => {
    const twins = [learner("Zed", [cell({})]), learner("Amy", [cell({})])];
    expect(names(orderLearners(twins, "reviews", "asc"))).toEqual(["Amy", "Zed"]);
    expect(names(orderLearners(twins, "reviews", "desc"))).toEqual(["Amy", "Zed"]);
  });
});

describe("a page of learners", () => {
  const many = Array.from({ length: 120 }, (_, i) => i);

  it("cuts the ordered list into pages and says how many there are", () => {
    expect(pageOf(many, 1, 50)).toEqual({ rows: many.slice(0, 50), page: 1, pageCount: 3, total: 120 });
    expect(pageOf(many, 3, 50)).toEqual({ rows: many.slice(100), page: 3, pageCount: 3, total: 120 });
  });

  it("a page past the end shows the last; an empty cohort has one empty page", () => {
    expect(pageOf(many, 9, 50).page).toBe(3);
    expect(pageOf([], 2, 50)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0 });
  });

  it("reads the order from the page's query, falling back to the default for anything unknown", () => {
    expect(readDashboardOrder(new URLSearchParams("sort=retention&dir=desc&page=3"))).toEqual({ sort: "retention", dir: "desc", page: 3 });
    expect(readDashboardOrder(new URLSearchParams("sort=password&dir=sideways&page=-1"))).toEqual(DEFAULT_ORDER);
    expect(readDashboardOrder(new URLSearchParams("page=2.5"))).toEqual(DEFAULT_ORDER);
  });
});
