import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { NotFoundError } from "@/lib/errors";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { placeOrders } from "../checkout/place-orders";
import { getRelayDesk, handOverBasketAtRelay } from "./relay-handover";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let relayId: string;
let operator: Actor;
let outsider: Actor;
const contact = { name: "Paulette Relais", email: "paulette@example.fr", phone: "06 12 34 56 78" };

async function staff(role: "OPERATOR" | "ADMIN", territoryId: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: user.id, role, territoryId } });
  return loadActor(db, user.id);
}

/** A shop that drops its orders at the relay point, with a product in stock. */
async function relayShop() {
  const { shop, door } = await createShop(db, place);
  await db.shopRelayPoint.create({ data: { shopId: shop.id, pickupPointId: relayId } });
  await openEveryDay(db, shop.id, relayId);
  await openEveryDay(db, shop.id, door.id);
  const product = await db.product.create({ data: { shopId: shop.id, name: `Produit ${randomUUID().slice(0, 4)}`, priceCents: 500, stock: 50 } });
  return { shop, door, product };
}

async function secondSlot(shopId: string, pickupPointId: string) {
  const [, slot] = await listAvailableSlots(db, { shopId, pickupPointId });
  if (!slot) throw new Error("no slot");
  return slot.startsAt.toISOString();
}

/** A guest checkout: each entry a shop and where its order is collected. */
async function order(choices: { shop: Awaited<ReturnType<typeof relayShop>>; at: "relay" | "door" }[]) {
  const owner = guestOwner();
  for (const { shop } of choices) await addToCart(db, owner, place.territory.id, { productId: shop.product.id, quantity: 1 });
  const shops = await Promise.all(
    choices.map(async ({ shop, at }) => {
      const pickupPointId = at === "relay" ? relayId : shop.door.id;
      return { shopId: shop.shop.id, pickupPointId, slotStartsAt: await secondSlot(shop.shop.id, pickupPointId), paymentMethod: "PAY_AT_PICKUP" };
    }),
  );
  return placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input: { idempotencyKey: randomUUID(), contact, shops } });
}

const drop = (orderId: string) => db.order.update({ where: { id: orderId }, data: { status: "AT_RELAY_POINT" } });

beforeAll(async () => {
  place = await createTerritory(db);
  relayId = (await db.pickupPoint.create({ data: { territoryId: place.territory.id, kind: "RELAY_POINT", name: "Mairie", addressLine: "Place du Marché", postalCode: "86000", city: "Poitiers", latitude: 46.5, longitude: 0.3 } })).id;
  operator = await staff("OPERATOR", place.territory.id);
  outsider = await staff("ADMIN", (await createTerritory(db)).territory.id);
});

describe("one code for a relay-point basket", () => {
  it("groups a checkout's orders from several shops at the same relay point under one code; a door order and a lone relay order keep their own", async () => {
    const [a, b, c] = [await relayShop(), await relayShop(), await relayShop()];
    const placed = await order([{ shop: a, at: "relay" }, { shop: b, at: "relay" }, { shop: c, at: "door" }]);
    const orders = await db.order.findMany({ where: { checkoutId: placed.checkoutId }, select: { id: true, shopId: true, relayBasketId: true, pickupCode: true } });
    const baskets = await db.relayBasket.findMany({ where: { checkoutId: placed.checkoutId } });
    expect(baskets).toHaveLength(1);
    expect(baskets[0]?.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(orders.filter((o) => o.relayBasketId === baskets[0]?.id).map((o) => o.shopId).sort()).toEqual([a.shop.id, b.shop.id].sort());
    expect(orders.find((o) => o.shopId === c.shop.id)?.relayBasketId).toBeNull();
    // Every relay order's confirmation gives the basket's code, besides the order's own.
    const emails = await db.outgoingEmail.findMany({ where: { orderId: { in: orders.map((o) => o.id) }, kind: "order-confirmed" } });
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      const inBasket = orders.find((o) => o.id === email.orderId)?.relayBasketId;
      if (inBasket) expect(email.text).toContain(`Code du point relais pour vos 2 commandes : ${baskets[0]?.code}`);
      else expect(email.text).not.toContain("Code du point relais");
    }

    const lone = await order([{ shop: a, at: "relay" }, { shop: c, at: "door" }]);
    expect(await db.relayBasket.count({ where: { checkoutId: lone.checkoutId } })).toBe(0);

    // The database keeps a basket to its own checkout and relay point.
    const stranger = orders.find((o) => o.shopId === c.shop.id)?.id ?? "";
    await expect(db.order.update({ where: { id: stranger }, data: { relayBasketId: baskets[0]?.id } })).rejects.toThrow();
  });

  it("shows the basket as one group at the desk, hands over what was dropped with its code, then the rest with the same code", async () => {
    const [a, b] = [await relayShop(), await relayShop()];
    const placed = await order([{ shop: a, at: "relay" }, { shop: b, at: "relay" }]);
    const basket = await db.relayBasket.findFirstOrThrow({ where: { checkoutId: placed.checkoutId } });
    const [first, second] = placed.orders;
    if (!first || !second) throw new Error("two orders expected");

    let desk = await getRelayDesk(db, { actor: operator, pickupPointId: relayId });
    expect(desk.incoming.find((g) => g.basketId === basket.id)?.orders).toHaveLength(2);
    await drop(first.id);
    desk = await getRelayDesk(db, { actor: operator, pickupPointId: relayId });
    const group = desk.waiting.find((g) => g.basketId === basket.id);
    expect(group?.orders.map((o) => [o.id, o.status]).sort()).toEqual([[first.id, "AT_RELAY_POINT"], [second.id, "CONFIRMED"]].sort());

    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: "ZZZZZZ" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: outsider, pickupPointId: relayId, input: { basketId: basket.id, code: basket.code } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("AT_RELAY_POINT");

    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: basket.code.toLowerCase() } })).resolves.toEqual({ handedOver: [first.id], stillExpected: 1 });
    const collected = await db.order.findUniqueOrThrow({ where: { id: first.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(collected.status).toBe("COLLECTED");
    expect(collected.events.at(-1)?.note).toContain("code du panier");
    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: basket.code } })).rejects.toMatchObject({ details: { reason: "nothingAtRelay" } });

    await drop(second.id);
    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: basket.code } })).resolves.toEqual({ handedOver: [second.id], stillExpected: 0 });
  });

  it("also takes one order's own code for that order only, and hands each order over once when two desks press at once", async () => {
    const [a, b] = [await relayShop(), await relayShop()];
    const placed = await order([{ shop: a, at: "relay" }, { shop: b, at: "relay" }]);
    const basket = await db.relayBasket.findFirstOrThrow({ where: { checkoutId: placed.checkoutId } });
    const [first, second] = placed.orders;
    if (!first || !second) throw new Error("two orders expected");
    await drop(first.id);
    await drop(second.id);
    await expect(handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: second.pickupCode } })).resolves.toEqual({ handedOver: [second.id], stillExpected: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("AT_RELAY_POINT");

    const results = await Promise.allSettled([0, 1, 2].map(() => handOverBasketAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { basketId: basket.id, code: basket.code } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.orderEvent.count({ where: { orderId: first.id, toStatus: "COLLECTED" } })).toBe(1);
  });
});
