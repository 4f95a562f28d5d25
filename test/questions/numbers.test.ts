import { describe, expect, it } from "vitest";
import { UNITS } from "~/content/questions/candidates";
import { answersNumber, readNumber, unitCode, yearsIn } from "~/questions/numbers";

describe("reading numbers", () => {
  it("reads thousands separators, decimals, scales and number words", () => {
    expect(readNumber("1,000")?.value).toBe(1000);
    expect(readNumber("1 000")?.value).toBe(1000);
    expect(readNumber("-12.5 km")).toMatchObject({ value: -12.5, unit: "km" });
    expect(readNumber("2 million")?.value).toBe(2_000_000);
    expect(readNumber("twenty-four")?.value).toBe(24);
    expect(readNumber("one hundred and five")?.value).toBe(105);
    expect(readNumber("no digits")).toBeNull();
  });

  it("names a unit by one code however it is written", () => {
    expect(unitCode("Kilometres")).toBe("km");
    expect(unitCode("kilometers")).toBe(unitCode("km"));
    expect(unitCode("percent")).toBe("%");
    expect(readNumber("12%")?.unit).toBe("%");
    expect(readNumber("12 percent")?.unit).toBe("%");
    expect(readNumber("$7")?.unit).toBe("usd");
    expect(readNumber("7 dollars")?.unit).toBe("usd");
    expect(readNumber("7 euros")?.unit).toBe("eur");
    expect(readNumber("9 gallons")?.unit).toBe("gal");
  });

  it("knows every unit the question generator keeps with a quantity", () => {
    const unknown = [...UNITS].filter((unit) => unitCode(unit) === null);
    expect(unknown).toEqual([]);
  });

  it("finds the years written in a text", () => {
    expect(yearsIn("March 1987")).toEqual([1987]);
    expect(yearsIn("12345 and 42")).toEqual([]);
  });
});

describe("answering a numeric key", () => {
  const litres = { value: 9, unit: "litres", tolerance: 0 };
  it("takes the number with the key's unit, another spelling of it, or no unit", () => {
    expect(answersNumber("9 litres", litres)).toBe(true);
    expect(answersNumber("9 liters", litres)).toBe(true);
    expect(answersNumber("9 l", litres)).toBe(true);
    expect(answersNumber("9", litres)).toBe(true);
    expect(answersNumber("nine", litres)).toBe(true);
  });

  it("refuses the number with a unit other than the key's", () => {
    expect(answersNumber("9 gallons", litres)).toBe(false);
    expect(answersNumber("7 euros", { value: 7, unit: "dollars", tolerance: 0 })).toBe(false);
    expect(answersNumber("€7", { value: 7, unit: "$", tolerance: 0 })).toBe(false);
    expect(answersNumber("7 dollars", { value: 7, unit: "$", tolerance: 0 })).toBe(true);
    expect(answersNumber("9 km", { value: 9, unit: "m", tolerance: 0 })).toBe(false);
  });

  it("reads a rate's unit whole, however its per is written, and tells it from its first part", () => {
    const speed = { value: 126, unit: "km/h", tolerance: 0 };
    for (const ok of ["126 km/h", "126 km / h", "126 kilometres per hour", "126 KM/H", "126"]) expect(answersNumber(ok, speed), ok).toBe(true);
    for (const wrong of ["126 km", "126 km/s", "126 mph"]) expect(answersNumber(wrong, speed), wrong).toBe(false);
    expect(answersNumber("5 km/h", { value: 5, unit: "km", tolerance: 0 })).toBe(false);
    expect(answersNumber("70 km/s/Mpc", { value: 70, unit: "km/s/Mpc", tolerance: 0 })).toBe(true);
    expect(unitCode("km/h")).toBe("km/h");
    expect(unitCode("furlongs/h")).toBeNull();
  });

  it("refuses a unit where the key has none", () => {
    expect(answersNumber("1733 km", { value: 1733, unit: null, tolerance: 0 })).toBe(false);
    expect(answersNumber("1733", { value: 1733, unit: null, tolerance: 0 })).toBe(true);
  });

  it("a tolerance widens what counts as the number", () => {
    const key = { value: 3.14, unit: null, tolerance: 0.01 };
    expect(answersNumber("3.15", key)).toBe(true);
    expect(answersNumber("3.2", key)).toBe(false);
  });
});
