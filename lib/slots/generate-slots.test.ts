import { describe, expect, it } from "vitest";
import { generateSlots, type ScheduleRule } from "./generate-slots";

const rule = (overrides: Partial<ScheduleRule> = {}): ScheduleRule => ({
  weekday: 2,
  opensAtMinute: 9 * 60,
  closesAtMinute: 12 * 60,
  slotMinutes: 30,
  capacityPerSlot: 4,
  leadTimeMinutes: 60,
  sameDayCutoffMinute: null,
  horizonDays: 14,
  ...overrides,
});

const iso = (slots: { startsAt: Date }[]) => slots.map((s) => s.startsAt.toISOString());

// Tuesday 24 November 2026, 07:00 in Paris (06:00 UTC).
const tuesdayMorning = new Date("2026-11-24T06:00:00Z");

describe("generateSlots", () => {
  it("cuts the opening hours into slots with their capacity, in local time", () => {
    const slots = generateSlots({ rules: [rule()], now: tuesdayMorning, toDate: "2026-11-24" });
    expect(slots).toHaveLength(6);
    expect(slots[0]).toMatchObject({ date: "2026-11-24", startMinute: 540, endMinute: 570, capacity: 4 });
    expect(slots[0]?.startsAt.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    expect(slots[5]?.endsAt.toISOString()).toBe("2026-11-24T11:00:00.000Z");
  });

  it("leaves out slots inside the preparation lead time", () => {
    const nineTen = new Date("2026-11-24T08:10:00Z"); // 09:10 local
    const slots = generateSlots({ rules: [rule({ leadTimeMinutes: 60 })], now: nineTen, toDate: "2026-11-24" });
    expect(slots[0]?.startMinute).toBe(10 * 60 + 30); // 10:30 is the first start ≥ 10:10
  });

  it("offers no same-day slot after the cut-off, but still the next days", () => {
    const afternoon = new Date("2026-11-24T06:31:00Z"); // 07:31 local
    const slots = generateSlots({ rules: [rule({ sameDayCutoffMinute: 7 * 60 + 30, weekday: 2 }), rule({ weekday: 3 })], now: afternoon, toDate: "2026-11-25" });
    expect(new Set(slots.map((s) => s.date))).toEqual(new Set(["2026-11-25"]));
    const beforeCutoff = generateSlots({ rules: [rule({ sameDayCutoffMinute: 7 * 60 + 30 })], now: new Date("2026-11-24T06:29:00Z"), toDate: "2026-11-24" });
    expect(beforeCutoff).toHaveLength(6);
  });

  it("stops at the booking horizon", () => {
    const slots = generateSlots({ rules: [rule({ horizonDays: 7 })], now: tuesdayMorning });
    expect(new Set(slots.map((s) => s.date))).toEqual(new Set(["2026-11-24", "2026-12-01"]));
  });

  it("skips closures and applies special hours", () => {
    const closed = generateSlots({
      rules: [rule()],
      now: tuesdayMorning,
      toDate: "2026-12-08",
      closures: [{ startsOn: "2026-11-30", endsOn: "2026-12-02", kind: "CLOSED" }],
    });
    expect(new Set(closed.map((s) => s.date))).toEqual(new Set(["2026-11-24", "2026-12-08"]));
    const special = generateSlots({
      rules: [rule()],
      now: tuesdayMorning,
      toDate: "2026-11-24",
      closures: [{ startsOn: "2026-11-24", endsOn: "2026-11-24", kind: "SPECIAL_HOURS", opensAtMinute: 600, closesAtMinute: 660 }],
    });
    expect(special.map((s) => s.startMinute)).toEqual([600, 630]);
  });

  it("keeps 10:00 at 10:00 local on the last Sunday of March (clocks go forward)", () => {
    const saturday = new Date("2026-03-28T05:00:00Z");
    const slots = generateSlots({ rules: [rule({ weekday: 6, opensAtMinute: 600, closesAtMinute: 630 }), rule({ weekday: 7, opensAtMinute: 600, closesAtMinute: 630 })], now: saturday, toDate: "2026-03-29" });
    expect(iso(slots)).toEqual(["2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z"]);
  });

  it("keeps 10:00 at 10:00 local on the last Sunday of October (clocks go back)", () => {
    const saturday = new Date("2026-10-24T04:00:00Z");
    const slots = generateSlots({ rules: [rule({ weekday: 6, opensAtMinute: 600, closesAtMinute: 630 }), rule({ weekday: 7, opensAtMinute: 600, closesAtMinute: 630 })], now: saturday, toDate: "2026-10-25" });
    expect(iso(slots)).toEqual(["2026-10-24T08:00:00.000Z", "2026-10-25T09:00:00.000Z"]);
  });

  it("drops night slots in the hour that does not exist and keeps slots across the repeated hour distinct", () => {
    const night = (weekday: number) => rule({ weekday, opensAtMinute: 60, closesAtMinute: 240, slotMinutes: 60, leadTimeMinutes: 0 });
    const march = generateSlots({ rules: [night(7)], now: new Date("2026-03-28T12:00:00Z"), toDate: "2026-03-29" });
    expect(march.map((s) => s.startMinute)).toEqual([180]); // 01:00 ends in the gap, 02:00 starts in it
    const october = generateSlots({ rules: [night(7)], now: new Date("2026-10-24T12:00:00Z"), toDate: "2026-10-25" });
    expect(october.map((s) => s.startMinute)).toEqual([60, 120, 180]);
    expect(october[1]?.endsAt.getTime()).toBeGreaterThan(october[1]?.startsAt.getTime() ?? 0);
  });

  it("gives a relay point its own hours and capacity", () => {
    const door = rule({ opensAtMinute: 540, closesAtMinute: 600, capacityPerSlot: 4 });
    const relay = rule({ opensAtMinute: 600, closesAtMinute: 720, slotMinutes: 60, capacityPerSlot: 3, leadTimeMinutes: 180 });
    const doorSlots = generateSlots({ rules: [door], now: tuesdayMorning, toDate: "2026-11-24" });
    const relaySlots = generateSlots({ rules: [relay], now: tuesdayMorning, toDate: "2026-11-24" });
    expect(doorSlots.map((s) => [s.startMinute, s.capacity])).toEqual([[540, 4], [570, 4]]);
    // 07:00 + 3 h lead time = 10:00: both relay slots remain.
    expect(relaySlots.map((s) => [s.startMinute, s.endMinute, s.capacity])).toEqual([[600, 660, 3], [660, 720, 3]]);
  });

  it("never returns a slot twice when rules overlap", () => {
    const slots = generateSlots({ rules: [rule(), rule({ opensAtMinute: 600 })], now: tuesdayMorning, toDate: "2026-11-24" });
    expect(new Set(iso(slots)).size).toBe(slots.length);
  });
});
