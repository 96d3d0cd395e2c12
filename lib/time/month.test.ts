import { describe, expect, it } from "vitest";
import { addMonths, formatMonth, isMonth, monthOf, monthRange, recentMonths } from "./month";

describe("local months (Europe/Paris)", () => {
  it("puts an instant in its Paris month, not its UTC one", () => {
    expect(monthOf(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12");
    expect(monthOf(new Date("2026-11-30T22:59:59Z"))).toBe("2026-11");
    expect(monthOf(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07");
  });

  it("runs a month from its first midnight to the next month's, across the clock changes", () => {
    expect(monthRange("2026-03")).toEqual({ from: new Date("2026-02-28T23:00:00Z"), to: new Date("2026-03-31T22:00:00Z") });
    expect(monthRange("2026-10")).toEqual({ from: new Date("2026-09-30T22:00:00Z"), to: new Date("2026-10-31T23:00:00Z") });
    expect(monthRange("2026-12")).toEqual({ from: new Date("2026-11-30T23:00:00Z"), to: new Date("2026-12-31T23:00:00Z") });
  });

  it("adds months over year ends and lists recent months", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-05", -17)).toBe("2024-12");
    expect(recentMonths("2026-02", 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  it("reads only YYYY-MM and names months in both languages", () => {
    expect(isMonth("2026-11")).toBe(true);
    for (const bad of ["2026-13", "2026-1", "26-11", "2026-11-01", "", null, 202611]) expect(isMonth(bad)).toBe(false);
    expect(formatMonth("2026-11", "fr")).toBe("novembre 2026");
    expect(formatMonth("2026-11", "en")).toBe("November 2026");
  });
});
