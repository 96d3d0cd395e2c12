import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { comptoirAdapter } from "./adapter";
import { loadActor } from "./load-actor";

const db = testDb();
const adapter = comptoirAdapter(db);

describe("next-auth adapter", () => {
  it("creates users with normalized emails and finds them again", async () => {
    const created = await adapter.createUser?.({ email: "  Camille@Example.FR ", emailVerified: null, name: "Camille" });
    expect(created?.email).toBe("camille@example.fr");
    expect((await adapter.getUserByEmail?.("CAMILLE@example.fr"))?.id).toBe(created?.id);
    const updated = await adapter.updateUser?.({ id: created?.id ?? "", emailVerified: new Date("2026-11-24T10:00:00Z") }); // calendar-safe: a stored value, never compared with the clock
    expect(updated?.emailVerified?.toISOString()).toBe("2026-11-24T10:00:00.000Z"); // calendar-safe: a stored value, never compared with the clock
  });

  it("lets a sign-in token be used exactly once, even by two simultaneous clicks", async () => {
    const expires = new Date(Date.now() + 15 * 60_000);
    await adapter.createVerificationToken?.({ identifier: "once@example.fr", token: "hashed-token-1", expires });
    const [first, second] = await Promise.all([
      adapter.useVerificationToken?.({ identifier: "once@example.fr", token: "hashed-token-1" }),
      adapter.useVerificationToken?.({ identifier: "once@example.fr", token: "hashed-token-1" }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await adapter.useVerificationToken?.({ identifier: "once@example.fr", token: "hashed-token-1" })).toBeNull();
  });

  it("never hands out another person's token", async () => {
    await adapter.createVerificationToken?.({ identifier: "a@example.fr", token: "token-a", expires: new Date(Date.now() + 60_000) });
    expect(await adapter.useVerificationToken?.({ identifier: "b@example.fr", token: "token-a" })).toBeNull();
  });
});

describe("loadActor", () => {
  it("reads roles and memberships fresh from the database", async () => {
    const user = await db.user.create({ data: { email: "staff@example.fr" } });
    const territory = await db.territory.create({ data: { slug: "actor-test", name: "Actor test" } });
    await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: territory.id } });
    const actor = await loadActor(db, user.id);
    expect(actor).toMatchObject({ kind: "user", userId: user.id, roles: [{ role: "ADMIN", territoryId: territory.id }], memberships: [] });
    await db.roleGrant.deleteMany({ where: { userId: user.id } });
    expect(await loadActor(db, user.id)).toMatchObject({ roles: [] });
    expect(await loadActor(db, "no-such-user")).toEqual({ kind: "anonymous" });
    expect(await loadActor(db, null)).toEqual({ kind: "anonymous" });
  });
});
