import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { clearLimit, consumeLimits, peekLimits, type Limit } from "./rate-limit";

const db = testDb();
const limit: Limit = { name: "test-limit", max: 3, windowSeconds: 600 };

describe("rate limits in PostgreSQL", () => {
  it("allows the maximum, then refuses with the time left in the window, then opens a new window", async () => {
    const subject = `someone-${Math.random()}`;
    const t0 = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < 3; i++) expect(await consumeLimits(db, [{ limit, subject }], t0)).toEqual({ allowed: true });
    expect(await consumeLimits(db, [{ limit, subject }], new Date(t0.getTime() + 60_000))).toEqual({ allowed: false, retryAfterSeconds: 540 });
    expect(await consumeLimits(db, [{ limit, subject }], new Date(t0.getTime() + 601_000))).toEqual({ allowed: true });
  });

  it("counts exactly under concurrency: 40 simultaneous attempts, 3 allowed", async () => {
    const subject = `burst-${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 40 }, () => consumeLimits(db, [{ limit, subject }])));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("peeks without counting, clears on demand, and stores no raw subject", async () => {
    const subject = `camille-${Math.random()}@example.fr`;
    for (let i = 0; i < 3; i++) expect((await peekLimits(db, [{ limit, subject }])).allowed).toBe(true);
    for (let i = 0; i < 3; i++) await consumeLimits(db, [{ limit, subject }]);
    expect((await peekLimits(db, [{ limit, subject }])).allowed).toBe(false);
    expect(await db.rateLimitBucket.count({ where: { key: { contains: "example.fr" } } })).toBe(0);
    await clearLimit(db, { limit, subject });
    expect((await peekLimits(db, [{ limit, subject }])).allowed).toBe(true);
  });
});
