import { describe, expect, it } from "vitest";
import {
  addDays,
  instantOfLocalTime,
  localTimeOf,
  daysBetween,
  endOfStudyDay,
  isValidTimeZone,
  startOfStudyDay,
  studyDay,
  supportedTimeZone,
} from "~/learning/day";

const HOUR = 3_600_000;

describe("study days", () => {
  it("the day rolls over at 4 am local", () => {
    // New York in winter is UTC-5: 4 am local = 09:00 UTC.
    const tz = "America/New_York";
    expect(studyDay(Date.UTC(2026, 0, 15, 8, 59), tz)).toBe("2026-01-14");
    expect(studyDay(Date.UTC(2026, 0, 15, 9, 0), tz)).toBe("2026-01-15");
    // 23:30 local is still the same study day, 03:59 the next morning too.
    expect(studyDay(Date.UTC(2026, 0, 16, 4, 30), tz)).toBe("2026-01-15");
    expect(startOfStudyDay(Date.UTC(2026, 0, 15, 20), tz)).toBe(Date.UTC(2026, 0, 15, 9));
    expect(endOfStudyDay(Date.UTC(2026, 0, 15, 20), tz)).toBe(Date.UTC(2026, 0, 16, 9));
  });

  it("the day rolls over at 4 am local across a DST change", () => {
    // Europe/Berlin springs forward in the night of 2026-03-28 to 29 (02:00 -> 03:00),
    // so the study day of the 28th (4 am to 4 am) lasts 23 hours.
    const tz = "Europe/Berlin";
    const start = startOfStudyDay(Date.UTC(2026, 2, 28, 12), tz);
    const end = endOfStudyDay(Date.UTC(2026, 2, 28, 12), tz);
    expect(start).toBe(Date.UTC(2026, 2, 28, 3)); // 04:00 CET (UTC+1)
    expect(end).toBe(Date.UTC(2026, 2, 29, 2)); // 04:00 CEST (UTC+2)
    expect(end - start).toBe(23 * HOUR);
    expect(studyDay(end - 1, tz)).toBe("2026-03-28");
    expect(studyDay(end, tz)).toBe("2026-03-29");
    // 03:30 local on the change night (01:30 UTC) still belongs to the 28th.
    expect(studyDay(Date.UTC(2026, 2, 29, 1, 30), tz)).toBe("2026-03-28");
    // Falling back in the night of 2026-10-24 to 25: 25 hours.
    const autumn = Date.UTC(2026, 9, 24, 12);
    expect(endOfStudyDay(autumn, tz) - startOfStudyDay(autumn, tz)).toBe(25 * HOUR);
  });

  it("the day rolls over at 4 am in zones east of Greenwich with half-hour offsets", () => {
    // India is UTC+5:30: 4 am local = 22:30 UTC the evening before.
    const tz = "Asia/Kolkata";
    expect(studyDay(Date.UTC(2026, 5, 1, 22, 29), tz)).toBe("2026-06-01");
    expect(studyDay(Date.UTC(2026, 5, 1, 22, 30), tz)).toBe("2026-06-02");
  });

  it("counts days between study days and steps across month ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-30", "2026-02-02")).toBe(3);
  });

  it("recognises IANA time zones and refuses others", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("supportedTimeZone", () => {
  it("keeps a zone of the server's list and UTC", () => {
    expect(supportedTimeZone("America/New_York")).toBe("America/New_York");
    expect(supportedTimeZone("UTC")).toBe("UTC");
  });

  it("takes an alias a browser may report in the list's form", () => {
    const kolkata = supportedTimeZone("Asia/Kolkata");
    expect(kolkata).not.toBeNull();
    expect(Intl.supportedValuesOf("timeZone")).toContain(kolkata);
  });

  it("refuses what is not a zone", () => {
    for (const zone of ["", "Mars/Olympus_Mons", "x".repeat(65), null, 42, "+05:00x"]) expect(supportedTimeZone(zone)).toBeNull();
  });
});

describe("local date and time in a zone (datetime-local inputs)", () => {
  it("reads a wall-clock time in the zone and writes it back", () => {
    const instant = instantOfLocalTime("2026-07-01T09:30", "Europe/Paris");
    expect(new Date(instant).toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(localTimeOf(instant, "Europe/Paris")).toBe("2026-07-01T09:30");
    expect(localTimeOf(instant, "America/New_York")).toBe("2026-07-01T03:30");
    expect(new Date(instantOfLocalTime("2026-01-15T09:30", "Europe/Paris")).toISOString()).toBe("2026-01-15T08:30:00.000Z");
  });

  it("is NaN for what is not a date and time", () => {
    for (const bad of ["", "2026-02-30T09:00", "2026-07-01 09:30", "2026-07-01T24:00", "tomorrow"]) {
      expect(instantOfLocalTime(bad, "UTC")).toBeNaN();
    }
  });
});
