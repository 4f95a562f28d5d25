/**
 * What the attempt page's countdown says aloud: 10, 5 and 1 minutes left,
 * each once as the count crosses it, whatever the size of the step (a tab
 * asleep for a while crosses several at once: the last one is said).
 */
import { describe, expect, it } from "vitest";
import { announcementFor } from "~/components/attempt/countdown";

describe("the countdown's announcements", () => {
  it("says 10, 5 and 1 minutes as the count crosses them, and nothing between", () => {
    expect(announcementFor(600.2, 599.9)).toBe("10 minutes left.");
    expect(announcementFor(599.9, 599.6)).toBeNull();
    expect(announcementFor(300.1, 300)).toBe("5 minutes left.");
    expect(announcementFor(60.05, 59.8)).toBe("1 minute left.");
    expect(announcementFor(59.8, 0)).toBeNull();
  });

  it("a page opened with less time left says nothing for marks already passed", () => {
    expect(announcementFor(240, 239.75)).toBeNull();
  });

  it("a step across several marks (a sleeping tab) says the nearest", () => {
    expect(announcementFor(700, 200)).toBe("5 minutes left.");
  });
});
