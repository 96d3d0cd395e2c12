import { describe, expect, it } from "vitest";
import { pickupEventIcs } from "./ics";

describe("pickupEventIcs", () => {
  it("writes a UTC event with escaped text and CRLF lines", () => {
    const ics = pickupEventIcs({
      uid: "order-1@comptoir",
      startsAt: new Date("2026-03-29T08:00:00Z"),
      endsAt: new Date("2026-03-29T08:30:00Z"),
      summary: "Retrait, Boulangerie",
      location: "12 rue du Marché; Poitiers",
      description: "Code : ABC123\nMerci",
      url: "http://localhost:3000/commandes/1",
    });
    expect(ics).toContain("DTSTART:20260329T080000Z\r\n");
    expect(ics).toContain("DTEND:20260329T083000Z\r\n");
    expect(ics).toContain("SUMMARY:Retrait\\, Boulangerie\r\n");
    expect(ics).toContain("LOCATION:12 rue du Marché\\; Poitiers\r\n");
    expect(ics).toContain("DESCRIPTION:Code : ABC123\\nMerci\r\n");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  });

  it("says how many times the event moved, so a calendar replaces it (same UID, higher SEQUENCE)", () => {
    const event = { uid: "order-1@comptoir", startsAt: new Date("2026-03-29T08:00:00Z"), endsAt: new Date("2026-03-29T08:30:00Z"), summary: "Retrait", location: "Ici", description: "", url: "http://localhost:3000/commandes/1" };
    expect(pickupEventIcs(event)).toContain("SEQUENCE:0\r\n");
    expect(pickupEventIcs({ ...event, sequence: 2 })).toContain("SEQUENCE:2\r\n");
  });
});
