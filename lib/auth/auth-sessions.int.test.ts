import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { openAuthSession, revokeAllAuthSessions, revokeAuthSession, STAFF_SESSION_HOURS } from "./auth-sessions";
import { loadActor } from "./load-actor";

const db = testDb();
const HOUR = 3_600_000;

async function user(staff: boolean) {
  const created = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  if (staff) await db.roleGrant.create({ data: { userId: created.id, role: "SUPER_ADMIN", territoryId: null } });
  return created.id;
}

describe("sessions", () => {
  it("a signed-out session opens nothing, even with a copy of its cookie", async () => {
    const userId = await user(false);
    const session = await openAuthSession(db, userId);
    expect(await loadActor(db, userId, { id: session.id })).toMatchObject({ kind: "user", userId });
    await revokeAuthSession(db, session.id);
    expect(await loadActor(db, userId, { id: session.id })).toEqual({ kind: "anonymous" });
  });

  it("a cookie without a session, or naming another user's session, opens nothing", async () => {
    const alice = await user(false);
    const bob = await user(false);
    const bobs = await openAuthSession(db, bob);
    expect(await loadActor(db, alice, { id: undefined })).toEqual({ kind: "anonymous" });
    expect(await loadActor(db, alice, { id: bobs.id })).toEqual({ kind: "anonymous" });
    expect(await loadActor(db, alice, { id: "forged" })).toEqual({ kind: "anonymous" });
  });

  it("staff sessions end after 12 hours, customers' after 30 days", async () => {
    const now = new Date("2026-11-25T08:00:00Z");
    const staff = await user(true);
    const customer = await user(false);
    const staffSession = await openAuthSession(db, staff, now);
    const customerSession = await openAuthSession(db, customer, now);
    expect(staffSession.expiresAt.getTime() - now.getTime()).toBe(STAFF_SESSION_HOURS * HOUR);
    const afterShift = new Date(now.getTime() + 13 * HOUR);
    expect(await loadActor(db, staff, { id: staffSession.id, now: afterShift })).toEqual({ kind: "anonymous" });
    expect(await loadActor(db, customer, { id: customerSession.id, now: afterShift })).toMatchObject({ kind: "user" });
    expect(await loadActor(db, customer, { id: customerSession.id, now: new Date(now.getTime() + 31 * 24 * HOUR) })).toEqual({ kind: "anonymous" });
  });

  it("signing out everywhere ends every session of the user, and only theirs", async () => {
    const userId = await user(false);
    const other = await user(false);
    const phone = await openAuthSession(db, userId);
    const laptop = await openAuthSession(db, userId);
    const others = await openAuthSession(db, other);
    const actor = await loadActor(db, userId, { id: phone.id });
    expect(await revokeAllAuthSessions(db, { actor })).toBe(2);
    expect(await loadActor(db, userId, { id: laptop.id })).toEqual({ kind: "anonymous" });
    expect(await loadActor(db, other, { id: others.id })).toMatchObject({ kind: "user" });
  });

  it("removal from a shop takes effect on the very next request", async () => {
    const place = await db.territory.create({ data: { slug: `t-${randomUUID().slice(0, 8)}`, name: "T" } });
    const category = await db.category.create({ data: { territoryId: place.id, slug: "c", nameFr: "C", nameEn: "C" } });
    const commune = await db.commune.create({ data: { territoryId: place.id, name: "X", postalCode: "86000" } });
    const shop = await db.shop.create({ data: { territoryId: place.id, categoryId: category.id, communeId: commune.id, slug: "s", name: "S", addressLine: "a", postalCode: "86000", city: "X", latitude: 0, longitude: 0 } });
    const userId = await user(false);
    const member = await db.shopMember.create({ data: { shopId: shop.id, userId, role: "STAFF" } });
    const session = await openAuthSession(db, userId);
    expect(await loadActor(db, userId, { id: session.id })).toMatchObject({ memberships: [{ shopId: shop.id }] });
    await db.shopMember.delete({ where: { id: member.id } });
    expect(await loadActor(db, userId, { id: session.id })).toMatchObject({ memberships: [] });
  });
});
