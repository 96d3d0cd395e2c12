import { describe, expect, it } from "vitest";
import { readScheduleDefaults, scheduleDefaultsInput, suggestedRows } from "./schedule-defaults";

const tuesdayToSaturday = { weekdays: ["6", "2", "3", "4", "5", "2"], opens: "09:30", closes: "18:30", slotMinutes: "30", capacityPerSlot: "4", leadTimeMinutes: "120", horizonDays: "14" };

describe("a town's suggested pickup hours", () => {
  it("reads form input into one row per weekday, sorted and without duplicates", () => {
    const defaults = scheduleDefaultsInput.parse(tuesdayToSaturday);
    expect(defaults.weekdays).toEqual([2, 3, 4, 5, 6]);
    const rows = suggestedRows(defaults);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ weekday: 2, opens: "09:30", closes: "18:30", slotMinutes: 30, capacityPerSlot: 4, leadTimeMinutes: 120, sameDayCutoff: "", horizonDays: 14 });
  });

  it("follows a shop schedule's own rules", () => {
    const issues = (input: object) => scheduleDefaultsInput.safeParse({ ...tuesdayToSaturday, ...input }).error?.issues.map((i) => i.message);
    expect(issues({ weekdays: [] })).toContain("weekdaysRequired");
    expect(issues({ opens: "18:30", closes: "09:30" })).toContain("hoursOrder");
    expect(issues({ opens: "9h" })).toContain("timeInvalid");
    expect(issues({ slotMinutes: "600" })).toContain("slotLength");
    expect(issues({ horizonDays: "365" })).toContain("horizonInvalid");
    expect(issues({ weekdays: ["8"] })).toContain("weekdayInvalid");
  });

  it("treats missing or damaged stored defaults as none", () => {
    expect(readScheduleDefaults(null)).toBeNull();
    expect(readScheduleDefaults({ weekdays: "tous" })).toBeNull();
    expect(suggestedRows(null)).toEqual([]);
  });
});
