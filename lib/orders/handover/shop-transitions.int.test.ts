import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { getOrdersBoard, getShopOrder } from "@/lib/dashboard/orders-board";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, shopMemberActor } from "@/tests/helpers/fixtures";
import { SHOP_ACTIONS, transitionOrderByShop, type ShopAction } from "./shop-transitions";
import { TRANSITIONS } from "../status";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shopA: Awaited<ReturnType<typeof createShop>>;
let shopB: Awaited<ReturnType<typeof createShop>>;
let relay: { id: string };
let deliveryPoint: { id: string };
let ownerA: Actor;
let staffA: Actor;
let ownerB: Actor;

const member = (shopId: string, role: "OWNER" | "STAFF") => shopMemberActor(db, shopId, role);

beforeAll(async () => {
  place = await createTerritory(db);
  shopA = await createShop(db, place);
  shopB = await createShop(db, place);
  relay = await db.pickupPoint.create({
    data: { territoryId: place.territory.id, kind: "RELAY_POINT", name: "Mairie", addressLine: "Place", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34, capacityPerSlot: 5 },
  });
  deliveryPoint = await db.pickupPoint.create({
    data: { territoryId: place.territory.id, kind: "DELIVERY", deliveryShopId: shopA.shop.id, name: "Livraison", addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 },
  });
  ownerA = await member(shopA.shop.id, "OWNER");
  staffA = await member(shopA.shop.id, "STAFF");
  ownerB = await member(shopB.shop.id, "OWNER");
});

/** An order of shop A in a given status, holding 2 units of a product and one slot place. */
async function orderIn(status: OrderStatus, options: { relayPoint?: boolean; delivery?: boolean; slotEnded?: boolean } = {}) {
  const product = await db.product.create({ data: { shopId: shopA.shop.id, name: `Produit ${randomUUID().slice(0, 6)}`, priceCents: 500, stock: 8 } });
  const pickupPointId = options.relayPoint ? relay.id : options.delivery ? deliveryPoint.id : shopA.door.id;
  const startsAt = options.slotEnded ? new Date(Date.now() - 2 * 3_600_000) : new Date(Date.now() + 2 * 3_600_000 + Math.floor(Math.random() * 1e9));
  const endsAt = new Date(startsAt.getTime() + 1_800_000);
  await db.slotCounter.create({ data: { shopId: shopA.shop.id, pickupPointId, startsAt, endsAt, capacity: 4, booked: 1 } });
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  return db.order.create({
    data: {
      reference: `T-${randomUUID().slice(0, 8)}`,
      territoryId: place.territory.id,
      shopId: shopA.shop.id,
      checkoutId: checkout.id,
      contactName: "Camille",
      status,
      pickupPointId,
      slotStartsAt: startsAt,
      slotEndsAt: endsAt,
      pickupCode: "ABC234",
      paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: 1000,
      vatCents: 0,
      totalCents: 1000,
      accessToken: randomUUID(),
      lines: { create: { productId: product.id, productName: product.name, unit: "pièce", unitPriceCents: 500, vatRateBp: 0, quantity: 2, lineTotalCents: 1000 } },
    },
    include: { lines: true },
  });
}

const TARGET: Record<ShopAction, OrderStatus> = {
  startPreparing: "PREPARING",
  markReady: "READY",
  markAtRelayPoint: "AT_RELAY_POINT",
  markCollected: "COLLECTED",
  startDelivery: "OUT_FOR_DELIVERY",
  markDelivered: "COLLECTED",
  markAbsent: "NO_SHOW",
  cancel: "CANCELLED",
  markNoShow: "NO_SHOW",
};

const DELIVERY_ACTIONS: ShopAction[] = ["startDelivery", "markDelivered", "markAbsent"];

describe("order state machine (shop side)", () => {
  const statuses = Object.keys(TRANSITIONS) as OrderStatus[];
  for (const from of statuses) {
    for (const action of SHOP_ACTIONS) {
      const to = TARGET[action];
      // A delivery is handed over (or found absent) only once out on its round.
      const legal = TRANSITIONS[from].includes(to) && (action === "startDelivery" || !DELIVERY_ACTIONS.includes(action) || from === "OUT_FOR_DELIVERY");
      it(`${legal ? "allows" : "refuses"} ${action} from ${from}`, async () => {
        const relayOnly = action === "markAtRelayPoint";
        const order = await orderIn(from, { relayPoint: relayOnly, delivery: DELIVERY_ACTIONS.includes(action), slotEnded: action === "markNoShow" });
        const attempt = transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: order.id, action, pickupCode: "abc234", reason: "Rupture" } });
        if (legal) {
          await expect(attempt).resolves.toMatchObject({ from, to });
          const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
          expect(after.status).toBe(to);
          expect(after.events.at(-1)).toMatchObject({ fromStatus: from, toStatus: to });
        } else {
          await expect(attempt).rejects.toMatchObject({ details: { reason: TRANSITIONS[from].includes(to) ? "notOutForDelivery" : "illegalTransition" } });
          expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(from);
        }
      });
    }
  }
});

describe("shop-side rules", () => {
  it("gives stock and the slot place back on cancel and on no-show", async () => {
    for (const [action, slotEnded] of [["cancel", false], ["markNoShow", true]] as const) {
      const order = await orderIn(action === "cancel" ? "CONFIRMED" : "READY", { slotEnded });
      await transitionOrderByShop(db, { now: new Date(), actor: ownerA, input: { orderId: order.id, action, reason: "Produit abîmé" } });
      const productId = order.lines[0]?.productId ?? "";
      expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(10);
      expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shopA.shop.id, startsAt: order.slotStartsAt } })).booked).toBe(0);
    }
  });

  it("checks the pickup code, asks a reason to cancel, waits for the slot's end before a no-show", async () => {
    const ready = await orderIn("READY");
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: ready.id, action: "markCollected", pickupCode: "ZZZ999" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: ready.id, action: "markNoShow" } })).rejects.toMatchObject({ details: { reason: "slotNotEnded" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: ready.id, action: "cancel" } })).rejects.toMatchObject({ details: { reason: "reasonRequired" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: ready.id, action: "markCollected", pickupCode: " abc234 " } })).resolves.toMatchObject({ to: "COLLECTED" });
  });

  it("routes relay point orders through the drop at the relay point", async () => {
    const relayOrder = await orderIn("PREPARING", { relayPoint: true });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: relayOrder.id, action: "markReady" } })).rejects.toMatchObject({ details: { reason: "useRelayDrop" } });
    const doorOrder = await orderIn("PREPARING");
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: doorOrder.id, action: "markAtRelayPoint" } })).rejects.toMatchObject({ details: { reason: "notRelayOrder" } });
  });

  it("applies one of two simultaneous changes and refuses the other", async () => {
    const order = await orderIn("CONFIRMED");
    const results = await Promise.allSettled([
      transitionOrderByShop(db, { now: new Date(), actor: ownerA, input: { orderId: order.id, action: "startPreparing" } }),
      transitionOrderByShop(db, { now: new Date(), actor: staffA, input: { orderId: order.id, action: "cancel", reason: "Fermeture" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.orderEvent.count({ where: { orderId: order.id } })).toBe(1);
  });
});

describe("authorization across shops", () => {
  it("answers not found to another shop's member for every action, the board and the order, and changes nothing", async () => {
    const order = await orderIn("CONFIRMED");
    for (const action of SHOP_ACTIONS) {
      await expect(transitionOrderByShop(db, { now: new Date(), actor: ownerB, input: { orderId: order.id, action, pickupCode: "ABC234", reason: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getOrdersBoard(db, { actor: ownerB, shopId: shopA.shop.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getShopOrder(db, { actor: ownerB, shopId: shopB.shop.id, orderId: order.id })).toBeNull();
    await expect(transitionOrderByShop(db, { now: new Date(), actor: { kind: "anonymous" }, input: { orderId: order.id, action: "startPreparing" } })).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  });

  it("shows the board grouped by slot with counts to the shop's own members", async () => {
    const board = await getOrdersBoard(db, { actor: staffA, shopId: shopA.shop.id });
    expect(board.slots.length).toBeGreaterThan(0);
    expect(board.slots.every((slot) => slot.orders.every((o) => o.slotStartsAt.getTime() === slot.startsAt.getTime()))).toBe(true);
    expect(Object.values(board.counts).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    const filtered = await getOrdersBoard(db, { actor: staffA, shopId: shopA.shop.id, filters: { status: "CONFIRMED" } });
    expect(filtered.slots.flatMap((s) => s.orders).every((o) => o.status === "CONFIRMED")).toBe(true);
  });

  it("lists the orders of past days never closed, and not those that were", async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const past = { slotStartsAt: twoDaysAgo, slotEndsAt: new Date(twoDaysAgo.getTime() + 1_800_000) };
    const forgotten = await orderIn("PREPARING");
    const closed = await orderIn("COLLECTED");
    await db.order.updateMany({ where: { id: { in: [forgotten.id, closed.id] } }, data: past });
    const board = await getOrdersBoard(db, { actor: staffA, shopId: shopA.shop.id });
    const listed = board.leftOpen.map((o) => o.id);
    expect(listed).toContain(forgotten.id);
    expect(listed).not.toContain(closed.id);
    // The day's board itself starts today.
    expect(board.slots.flatMap((slot) => slot.orders).map((o) => o.id)).not.toContain(forgotten.id);
  });
});
