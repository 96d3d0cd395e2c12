import { describe, expect, it } from "vitest";
import { formatSlot } from "./format";

describe("formatSlot", () => {
  it("writes slots the French way and the English way, in Paris time", () => {
    const start = new Date("2026-11-24T09:00:00Z");
    const end = new Date("2026-11-24T09:30:00Z");
    expect(formatSlot(start, end, "fr")).toBe("mardi 24 novembre, 10 h 00 – 10 h 30");
    expect(formatSlot(start, end, "en")).toBe("Tuesday 24 November, 10:00 – 10:30");
  });
});
