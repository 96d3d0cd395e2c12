import { describe, expect, it } from "vitest";
import { fromLocal } from "@/lib/time/zoned";
import { noShowDeadline, reminderTime } from "./follow-up-times";

const paris = (date: string, clock: string) => {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return fromLocal(date, h * 60 + m) as Date;
};

describe("reminderTime", () => {
  const placedEarly = paris("2026-11-20", "10:00");

  it("reminds of a morning slot the evening before at 18:00, of a later slot 2 hours before", () => {
    expect(reminderTime(paris("2026-11-25", "09:30"), placedEarly)).toEqual(paris("2026-11-24", "18:00"));
    expect(reminderTime(paris("2026-11-25", "15:00"), placedEarly)).toEqual(paris("2026-11-25", "13:00"));
  });

  it("keeps to Paris wall time across the daylight-saving change", () => {
    // Clocks go forward on Sunday 29 March 2026: the evening before is still 18:00 local.
    const january = paris("2026-01-05", "10:00");
    expect(reminderTime(paris("2026-03-30", "09:00"), january)).toEqual(paris("2026-03-29", "18:00"));
    expect(paris("2026-03-29", "18:00").toISOString()).toBe("2026-03-29T16:00:00.000Z");
    expect(reminderTime(paris("2026-10-25", "16:00"), january)).toEqual(paris("2026-10-25", "14:00"));
    expect(paris("2026-10-25", "14:00").toISOString()).toBe("2026-10-25T13:00:00.000Z");
  });

  it("sends none when the moment is less than 30 minutes away", () => {
    expect(reminderTime(paris("2026-11-25", "15:00"), paris("2026-11-25", "12:45"))).toBeNull();
    expect(reminderTime(paris("2026-11-25", "09:00"), paris("2026-11-24", "19:00"))).toBeNull();
  });
});

describe("noShowDeadline", () => {
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "12:30" })).concat([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "14:00", closes: "19:00" })));

  it("defaults to the end of the shop's next opening day", () => {
    // Slot on Friday 27 Nov: the shop is closed Saturday and Sunday, so Monday 19:00.
    expect(noShowDeadline(paris("2026-11-27", "18:00"), { openingHours: weekdays, noShowGraceHours: null })).toEqual(paris("2026-11-30", "19:00"));
    expect(noShowDeadline(paris("2026-11-24", "11:00"), { openingHours: weekdays, noShowGraceHours: null })).toEqual(paris("2026-11-25", "19:00"));
  });

  it("uses the shop's own grace in hours when set, and 24 hours for a shop without hours", () => {
    expect(noShowDeadline(paris("2026-11-24", "11:00"), { openingHours: weekdays, noShowGraceHours: 3 })).toEqual(paris("2026-11-24", "14:00"));
    expect(noShowDeadline(paris("2026-11-24", "11:00"), { openingHours: [], noShowGraceHours: null })).toEqual(paris("2026-11-25", "11:00"));
  });
});
