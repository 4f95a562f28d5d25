import { describe, expect, it } from "vitest";
import { validateSettings } from "~/learning/settings";

describe("validating learner settings", () => {
  const good = { desiredRetention: "0.85", newPerDay: "15", maxReviewsPerDay: "300", timeZone: "Europe/Paris" };

  it("accepts settings within bounds, from form strings", () => {
    expect(validateSettings(good)).toEqual({
      ok: true,
      settings: { desiredRetention: 0.85, newPerDay: 15, maxReviewsPerDay: 300, timeZone: "Europe/Paris" },
    });
    const percent = validateSettings({ ...good, desiredRetention: "90" });
    expect(percent.ok && percent.settings.desiredRetention).toBeCloseTo(0.9);
  });

  it("a settings value out of bounds gets a clear error per field", () => {
    const result = validateSettings({ desiredRetention: 0.99, newPerDay: -1, maxReviewsPerDay: "1.5", timeZone: "Nowhere/Land" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.desiredRetention).toMatch(/between 70% and 97%/);
    expect(result.errors.newPerDay).toMatch(/0 to 500/);
    expect(result.errors.maxReviewsPerDay).toMatch(/whole number/);
    expect(result.errors.timeZone).toMatch(/IANA/);
  });

  it("only the bad field is reported", () => {
    const result = validateSettings({ ...good, desiredRetention: "0.6" });
    expect(result).toEqual({ ok: false, errors: { desiredRetention: expect.any(String) } });
  });
});
