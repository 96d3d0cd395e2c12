import { describe, expect, it } from "vitest";
import { formatClockLabel, formatClockRange, formatSlot, formatTime } from "./format";

describe("formatSlot", () => {
  it("writes slots the French way and the English way, in Paris time", () => {
    const start = new Date("2026-11-24T09:00:00Z");
    const end = new Date("2026-11-24T09:30:00Z");
    expect(formatSlot(start, end, "fr")).toBe("mardi 24 novembre, 10\u00a0h\u00a000 – 10\u00a0h\u00a030");
    expect(formatSlot(start, end, "en")).toBe("Tuesday 24 November, 10:00 – 10:30");
  });
});

describe("times of day", () => {
  it("read '9 h 00' in French, without a leading zero and with no-break spaces, and '09:00' in English", () => {
    expect(formatClockLabel("09:00", "fr")).toBe("9\u00a0h\u00a000");
    expect(formatClockLabel("18:30", "fr")).toBe("18\u00a0h\u00a030");
    expect(formatClockLabel("09:00", "en")).toBe("09:00");
    expect(formatClockRange("09:00", "12:30", "fr")).toBe("9\u00a0h\u00a000\u00a0– 12\u00a0h\u00a030");
    expect(formatClockRange("09:00", "12:30", "en")).toBe("09:00–12:30");
  });

  it("is the same for an instant, in Paris time across the change to winter time", () => {
    expect(formatTime(new Date("2026-10-25T00:30:00Z"), "fr")).toBe("2\u00a0h\u00a030");
    expect(formatTime(new Date("2026-10-25T01:30:00Z"), "fr")).toBe("2\u00a0h\u00a030");
    expect(formatTime(new Date("2026-11-24T23:15:00Z"), "fr")).toBe("0\u00a0h\u00a015");
    expect(formatTime(new Date("2026-11-24T23:15:00Z"), "en")).toBe("00:15");
  });
});
