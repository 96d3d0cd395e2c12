import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { getRelayDesk, handOverAtRelay, listMyRelayPoints } from "./relay-handover";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: Awaited<ReturnType<typeof createShop>>;
let relayId: string;
let operator: Actor;
let otherTerritoryAdmin: Actor;
let shopkeeper: Actor;

async function actorWith(role: "ADMIN" | "OPERATOR" | null, territoryId: string | null, shopId?: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  if (role) await db.roleGrant.create({ data: { userId: user.id, role, territoryId } });
  if (shopId) await db.shopMember.create({ data: { shopId, userId: user.id, role: "OWNER" } });
  return loadActor(db, user.id);
}

async function relayOrder(status: OrderStatus) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const startsAt = new Date(Date.now() + 3_600_000);
  return db.order.create({
    data: {
      reference: `R-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "Sam", status,
      pickupPointId: relayId, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 3_600_000), pickupCode: "RELAY2", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: 500, vatCents: 0, totalCents: 500, accessToken: randomUUID(),
    },
  });
}

beforeAll(async () => {
  place = await createTerritory(db);
  shop = await createShop(db, place);
  relayId = (await db.pickupPoint.create({ data: { territoryId: place.territory.id, kind: "RELAY_POINT", name: "Mairie", addressLine: "x", postalCode: "86000", city: "Poitiers", latitude: 46.5, longitude: 0.3 } })).id;
  operator = await actorWith("OPERATOR", place.territory.id);
  const elsewhere = await createTerritory(db);
  otherTerritoryAdmin = await actorWith("ADMIN", elsewhere.territory.id);
  shopkeeper = await actorWith(null, null, shop.shop.id);
});

describe("relay point desk", () => {
  it("lists waiting and incoming orders and hands one over against its code", async () => {
    const waiting = await relayOrder("AT_RELAY_POINT");
    await relayOrder("PREPARING");
    expect((await listMyRelayPoints(db, operator)).map((p) => p.id)).toEqual([relayId]);
    const desk = await getRelayDesk(db, { actor: operator, pickupPointId: relayId });
    expect(desk.waiting.map((group) => group.orders.map((o) => o.id))).toEqual([[waiting.id]]);
    expect(desk.waiting[0]?.basketId).toBeNull();
    expect(desk.incoming).toHaveLength(1);
    await expect(handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: waiting.id, pickupCode: "WRONG1" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: waiting.id, pickupCode: "relay2" } });
    const after = await db.order.findUniqueOrThrow({ where: { id: waiting.id }, include: { events: true } });
    expect(after.status).toBe("COLLECTED");
    expect(after.events.at(-1)).toMatchObject({ fromStatus: "AT_RELAY_POINT", toStatus: "COLLECTED" });
    await expect(handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: waiting.id, pickupCode: "RELAY2" } })).rejects.toMatchObject({ details: { reason: "illegalTransition" } });
  });

  it("is closed to other territories' staff and to shopkeepers", async () => {
    const order = await relayOrder("AT_RELAY_POINT");
    for (const actor of [otherTerritoryAdmin, shopkeeper]) {
      await expect(getRelayDesk(db, { actor, pickupPointId: relayId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(handOverAtRelay(db, { now: new Date(), actor, pickupPointId: relayId, input: { orderId: order.id, pickupCode: "RELAY2" } })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AT_RELAY_POINT");
  });
});
