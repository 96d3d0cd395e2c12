import { describe, expect, it } from "vitest";
import { addDays, formatClock, fromLocal, isoWeekday, offsetMinutes, parseClock, toLocal } from "./zoned";

describe("Europe/Paris wall-clock arithmetic", () => {
  it("knows winter and summer offsets", () => {
    expect(offsetMinutes(new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(offsetMinutes(new Date("2026-07-15T12:00:00Z"))).toBe(120);
  });

  it("converts local times to instants on both sides of a change", () => {
    expect(fromLocal("2026-03-28", 600)?.toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(fromLocal("2026-03-29", 600)?.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(fromLocal("2026-10-24", 600)?.toISOString()).toBe("2026-10-24T08:00:00.000Z");
    expect(fromLocal("2026-10-25", 600)?.toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("has no 02:30 on the last Sunday of March and the first 02:30 on the last Sunday of October", () => {
    expect(fromLocal("2026-03-29", 150)).toBeNull();
    expect(fromLocal("2026-10-25", 150)?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("rolls midnight over to the next day", () => {
    expect(fromLocal("2026-11-24", 1440)?.toISOString()).toBe("2026-11-24T23:00:00.000Z");
  });

  it("reads an instant back as local day, minute and weekday", () => {
    expect(toLocal(new Date("2026-11-24T23:30:00Z"))).toEqual({ date: "2026-11-25", minute: 30, weekday: 3 });
  });

  it("does calendar and clock helpers", () => {
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(parseClock("09:30")).toBe(570);
    expect(formatClock(570)).toBe("09:30");
    expect(() => parseClock("9h30")).toThrow();
  });
});

describe("toLocal, remembered per quarter hour, agrees with Intl at every instant", () => {
  const intl = (instant: Date, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  };
  // Around both Paris changes of 2026, and zones whose offsets or changes are not whole hours.
  const cases: [string, string][] = [
    ["Europe/Paris", "2026-03-29T00:00:00Z"],
    ["Europe/Paris", "2026-10-25T00:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"],
    ["Asia/Kathmandu", "2026-06-01T00:00:00Z"],
  ];
  it.each(cases)("%s around %s, minute by minute over 4 hours (twice: cold and remembered)", (timeZone, from) => {
    for (let pass = 0; pass < 2; pass++) {
      for (let minute = 0; minute < 240; minute += 1) {
        const instant = new Date(Date.parse(from) + minute * 60_000 + 17_000);
        const local = toLocal(instant, timeZone);
        expect({ date: local.date, minute: local.minute }).toEqual(intl(instant, timeZone));
      }
    }
  });
});
