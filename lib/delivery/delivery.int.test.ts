import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { NotFoundError } from "@/lib/errors";
import { CheckoutError } from "@/lib/orders/checkout-error";
import { placeOrders } from "@/lib/orders/place-orders";
import { weighOrderLines } from "@/lib/orders/weigh-lines";
import { transitionOrderByShop } from "@/lib/orders/shop-transitions";
import { markNoShowAutomatically } from "@/lib/orders/automatic-no-show";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { toLocal } from "@/lib/time/zoned";
import { getDeliveryRounds, startDeliveryRound } from "./round";
import { saveDeliverySettings } from "./settings";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let rural: { id: string };
let unserved: { id: string };

const contact = { name: "Lucienne Moreau", email: "lucienne@example.fr", phone: "05 49 12 34 56" };

async function member(shopId: string, role: "OWNER" | "STAFF"): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role } });
  return loadActor(db, user.id);
}

beforeAll(async () => {
  place = await createTerritory(db);
  rural = await db.commune.create({ data: { territoryId: place.territory.id, name: "Gençay", postalCode: "86160" } });
  unserved = await db.commune.create({ data: { territoryId: place.territory.id, name: "Civray", postalCode: "86400" } });
});

/** A shop delivering to Poitiers (free) and Gençay (4,50 €, free from 40 €), 10 € minimum, slots every hour. */
async function deliveringShop(options: { capacityPerSlot?: number } = {}) {
  const { shop, door } = await createShop(db, place);
  const owner = await member(shop.id, "OWNER");
  const { pointId } = await saveDeliverySettings(db, {
    actor: owner,
    shopId: shop.id,
    input: { enabled: true, minimum: "10", freeFrom: "40", zones: [{ communeId: place.commune.id, fee: "0" }, { communeId: rural.id, fee: "4,50" }] },
  });
  await openEveryDay(db, shop.id, pointId, options);
  await openEveryDay(db, shop.id, door.id);
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: pointId });
  const [, doorSlot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  if (!slot || !doorSlot) throw new Error("fixture has no slot");
  return { shop, door, pointId, slot, doorSlot, owner };
}

async function basket(lines: { productId: string; quantity: number }[]) {
  const owner = guestOwner();
  for (const line of lines) await addToCart(db, owner, place.territory.id, line);
  return owner;
}

function deliver(shop: { shop: { id: string }; pointId: string; slot: { startsAt: Date } }, address?: { communeId: string; addressLine: string; instructions?: string }) {
  return { shopId: shop.shop.id, pickupPointId: shop.pointId, slotStartsAt: shop.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP", address };
}

async function place_(owner: ReturnType<typeof guestOwner>, shops: ReturnType<typeof deliver>[], address?: { communeId: string; addressLine: string; instructions?: string }, key = randomUUID()) {
  return placeOrders(db, {
    actor: anonymous,
    owner,
    territoryId: place.territory.id,
    input: { idempotencyKey: key, contact, delivery: address, shops: shops.map(({ address: _, ...s }) => s) },
  });
}

describe("a shop's delivery settings", () => {
  it("are the owner's, with communes of the shop's own town and at least one commune to turn delivery on", async () => {
    const { shop } = await createShop(db, place);
    const owner = await member(shop.id, "OWNER");
    const staff = await member(shop.id, "STAFF");
    const elsewhere = await createTerritory(db);
    await expect(saveDeliverySettings(db, { actor: staff, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee: "3" }] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: elsewhere.commune.id, fee: "3" }] } })).rejects.toMatchObject({ details: { reason: "communeNotInTerritory" } });
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [] } })).rejects.toThrow(/deliveryZoneRequired/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee: "deux" }] } })).rejects.toThrow(/priceInvalid/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee: "150" }] } })).rejects.toThrow(/deliveryFeeTooHigh/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee: "3" }, { communeId: rural.id, fee: "4" }] } })).rejects.toThrow(/zoneDuplicate/);
    expect(await db.pickupPoint.count({ where: { deliveryShopId: shop.id } })).toBe(0);

    const saved = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, minimum: "15", freeFrom: "", zones: [{ communeId: rural.id, fee: "3,20" }] } });
    expect(saved.enabled).toBe(true);
    expect(await db.deliveryZone.findMany({ where: { shopId: shop.id }, select: { communeId: true, feeCents: true } })).toEqual([{ communeId: rural.id, feeCents: 320 }]);
    expect(await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { deliveryMinimumCents: true, deliveryFreeFromCents: true } })).toEqual({ deliveryMinimumCents: 1500, deliveryFreeFromCents: null });
    // Off again: the same point, hidden; on again: still the same point (its schedule is kept).
    const off = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: false, zones: [{ communeId: rural.id, fee: "3,20" }] } });
    expect(off).toEqual({ pointId: saved.pointId, enabled: false });
    expect((await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee: "3" }] } })).pointId).toBe(saved.pointId);
  });
});

describe("saving the delivery settings twice at once", () => {
  it("applies both in turn, the last one's zones kept, one delivery point", async () => {
    const { shop } = await createShop(db, place);
    const owner = await member(shop.id, "OWNER");
    const saves = await Promise.allSettled(
      ["2", "3", "4", "5", "6"].map((fee) => saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: rural.id, fee }, { communeId: place.commune.id, fee }] } })),
    );
    expect(saves.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const zones = await db.deliveryZone.findMany({ where: { shopId: shop.id }, select: { feeCents: true } });
    expect(zones).toHaveLength(2);
    expect(new Set(zones.map((z) => z.feeCents)).size).toBe(1);
    expect(await db.pickupPoint.count({ where: { deliveryShopId: shop.id } })).toBe(1);
  });
});

describe("checkout with delivery", () => {
  it("charges the commune's fee as part of the order, with the goods' VAT, and mixes delivery and pickup in one basket", async () => {
    const grocer = await deliveringShop();
    const baker = await deliveringShop();
    const cheese = await db.product.create({ data: { shopId: grocer.shop.id, name: "Chabichou", priceCents: 650, vatRateBp: 550, stock: 10 } });
    const bread = await db.product.create({ data: { shopId: baker.shop.id, name: "Pain de campagne", priceCents: 420, vatRateBp: 550, stock: 10 } });
    const owner = await basket([{ productId: cheese.id, quantity: 2 }, { productId: bread.id, quantity: 1 }]);
    const result = await place_(owner, [deliver(grocer), { shopId: baker.shop.id, pickupPointId: baker.door.id, slotStartsAt: baker.doorSlot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP", address: undefined }], { communeId: rural.id, addressLine: "12 route de Civray", instructions: "Portail vert" });
    const orders = await db.order.findMany({ where: { checkoutId: result.checkoutId }, include: { pickupPoint: { select: { kind: true } } } });
    const delivered = orders.find((o) => o.shopId === grocer.shop.id);
    const collected = orders.find((o) => o.shopId === baker.shop.id);
    // 13,00 € of cheese + 4,50 € to Gençay; 0,68 € of VAT on the goods + 0,23 € on the fee (5.5 %).
    expect(delivered).toMatchObject({ subtotalCents: 1750, totalCents: 1750, maxTotalCents: 1750, deliveryFeeCents: 450, vatCents: 68 + 23, deliveryCommuneId: rural.id, deliveryAddress: "12 route de Civray", deliveryInstructions: "Portail vert", pickupPointId: grocer.pointId });
    expect(collected).toMatchObject({ totalCents: 420, deliveryFeeCents: 0, deliveryCommuneId: null, deliveryAddress: null, pickupPointId: baker.door.id });
    // The delivery slot's place is taken on the delivery point's own counter.
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: grocer.shop.id, pickupPointId: grocer.pointId } })).booked).toBe(1);
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: delivered?.id, kind: "order-confirmed" } });
    expect(email.text).toContain("- Livraison : 4,50");
    expect(email.text).toContain("Adresse : 12 route de Civray, 86160 Gençay");
    expect(email.text).toContain(`Code à donner au livreur : ${delivered?.pickupCode}`);
  });

  it("lets the town's top-up pay for goods, not for the delivery", async () => {
    const town = await createTerritory(db);
    const village = await db.commune.create({ data: { territoryId: town.territory.id, name: "Smarves", postalCode: "86240" } });
    const { shop } = await createShop(db, town);
    const owner = await member(shop.id, "OWNER");
    const { pointId } = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: village.id, fee: "5" }] } });
    await openEveryDay(db, shop.id, pointId);
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: pointId });
    await db.voucherCampaign.create({ data: { territoryId: town.territory.id, name: "Coup de pouce", kind: "TOP_UP", budgetCents: 100_000, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), topUpBp: 5000, topUpCapCents: 2000 } });
    const soap = await db.product.create({ data: { shopId: shop.id, name: "Savon", priceCents: 800, vatRateBp: 2000, stock: 10 } });
    const buyer = guestOwner();
    await addToCart(db, buyer, town.territory.id, { productId: soap.id, quantity: 2 });
    const placed = await placeOrders(db, {
      actor: anonymous,
      owner: buyer,
      territoryId: town.territory.id,
      input: { idempotencyKey: randomUUID(), contact, delivery: { communeId: village.id, addressLine: "1 rue de l'Église" }, shops: [{ shopId: shop.id, pickupPointId: pointId, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
    });
    // 16 € of soap + 5 € of delivery: the town adds 50 % of the 16 €, and the customer pays the rest with the fee.
    expect(await db.order.findUniqueOrThrow({ where: { id: placed.orders[0]?.id }, select: { totalCents: true, deliveryFeeCents: true, voucherCents: true } })).toEqual({ totalCents: 2100, deliveryFeeCents: 500, voucherCents: 800 });
  });

  it("keeps the top-up on the goods when weighed goods come to less: delivered, the town pays half the cheese, not the fee", async () => {
    const town = await createTerritory(db);
    const village = await db.commune.create({ data: { territoryId: town.territory.id, name: "Smarves", postalCode: "86240" } });
    const { shop } = await createShop(db, town);
    const owner = await member(shop.id, "OWNER");
    const { pointId } = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: village.id, fee: "5" }] } });
    await openEveryDay(db, shop.id, pointId);
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: pointId });
    await db.voucherCampaign.create({ data: { territoryId: town.territory.id, name: "Coup de pouce", kind: "TOP_UP", budgetCents: 100_000, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), topUpBp: 5000, topUpCapCents: 2000 } });
    // About 1 kg of Comté at 20 €/kg, weighed at 700 g: 14 €.
    const comte = await db.product.create({ data: { shopId: shop.id, name: "Comté", priceCents: 2000, vatRateBp: 550, stock: 10, soldByWeight: true, pieceGrams: 1000, weightToleranceBp: 1000 } });
    const buyer = guestOwner();
    await addToCart(db, buyer, town.territory.id, { productId: comte.id, quantity: 1 });
    const placed = await placeOrders(db, {
      actor: anonymous,
      owner: buyer,
      territoryId: town.territory.id,
      input: { idempotencyKey: randomUUID(), contact, delivery: { communeId: village.id, addressLine: "1 rue de l'Église" }, shops: [{ shopId: shop.id, pickupPointId: pointId, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
    });
    const orderId = placed.orders[0]?.id ?? "";
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { voucherCents: true, totalCents: true } })).toEqual({ voucherCents: 1000, totalCents: 2500 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    await transitionOrderByShop(db, { actor: owner, input: { orderId, action: "startPreparing" } });
    await weighOrderLines(db, { actor: owner, input: { orderId, weights: [{ lineId: line.id, grams: 700 }] } });
    for (const action of ["markReady", "startDelivery"]) await transitionOrderByShop(db, { actor: owner, input: { orderId, action } });
    await transitionOrderByShop(db, { actor: owner, input: { orderId, action: "markDelivered", pickupCode: placed.orders[0]?.pickupCode } });
    // 14 € of cheese + 5 € of delivery = 19 €; the town pays 7 € (half the cheese), the customer 12 €.
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, deliveryFeeCents: true, voucherCents: true } })).toEqual({ totalCents: 1900, deliveryFeeCents: 500, voucherCents: 700 });
    expect(await db.voucherUse.findFirstOrThrow({ where: { orderId }, select: { status: true, amountCents: true } })).toEqual({ status: "SPENT", amountCents: 700 });
  });

  it("delivers free in a free commune and from the shop's threshold", async () => {
    const shop = await deliveringShop();
    const wine = await db.product.create({ data: { shopId: shop.shop.id, name: "Haut-Poitou", priceCents: 2100, vatRateBp: 2000, stock: 10 } });
    const inTown = await place_(await basket([{ productId: wine.id, quantity: 1 }]), [deliver(shop)], { communeId: place.commune.id, addressLine: "3 rue Carnot" });
    const twoBottles = await place_(await basket([{ productId: wine.id, quantity: 2 }]), [deliver(shop)], { communeId: rural.id, addressLine: "1 place du Marché" });
    const fees = await db.order.findMany({ where: { id: { in: [inTown.orders[0]?.id ?? "", twoBottles.orders[0]?.id ?? ""] } }, select: { totalCents: true, deliveryFeeCents: true } });
    expect(fees.sort((a, b) => a.totalCents - b.totalCents)).toEqual([{ totalCents: 2100, deliveryFeeCents: 0 }, { totalCents: 4200, deliveryFeeCents: 0 }]);
  });

  it("refuses an address outside the zone, a commune of another town, a missing address and a basket below the minimum — and takes nothing", async () => {
    const shop = await deliveringShop();
    const jam = await db.product.create({ data: { shopId: shop.shop.id, name: "Confiture", priceCents: 500, stock: 10 } });
    const elsewhere = await createTerritory(db);
    const cases: [string, { communeId: string; addressLine: string } | undefined, number, string][] = [
      ["outside the zone", { communeId: unserved.id, addressLine: "2 rue Neuve" }, 3, "deliveryOutsideZone"],
      ["another town", { communeId: elsewhere.commune.id, addressLine: "2 rue Neuve" }, 3, "deliveryOutsideZone"],
      ["no address", undefined, 3, "deliveryAddressMissing"],
      ["below the minimum", { communeId: rural.id, addressLine: "2 rue Neuve" }, 1, "deliveryBelowMinimum"],
    ];
    for (const [label, address, quantity, problem] of cases) {
      const attempt = place_(await basket([{ productId: jam.id, quantity }]), [deliver(shop)], address);
      await expect(attempt, label).rejects.toBeInstanceOf(CheckoutError);
      await expect(attempt, label).rejects.toMatchObject({ problems: [expect.objectContaining({ kind: problem, shopId: shop.shop.id })] });
    }
    expect((await db.product.findUniqueOrThrow({ where: { id: jam.id } })).stock).toBe(10);
    expect(await db.order.count({ where: { shopId: shop.shop.id } })).toBe(0);
    expect(await db.slotCounter.count({ where: { shopId: shop.shop.id, booked: { gt: 0 } } })).toBe(0);
    // A malformed address never reaches the database.
    await expect(place_(await basket([{ productId: jam.id, quantity: 3 }]), [deliver(shop)], { communeId: rural.id, addressLine: "x" })).rejects.toThrow(/deliveryAddressRequired/);
  });

  it("never books a delivery slot above its capacity: 30 customers for 3 places", async () => {
    const shop = await deliveringShop({ capacityPerSlot: 3 });
    const soup = await db.product.create({ data: { shopId: shop.shop.id, name: "Soupe", priceCents: 1200, stock: 100 } });
    const owners = await Promise.all(Array.from({ length: 30 }, () => basket([{ productId: soup.id, quantity: 1 }])));
    const results = await Promise.allSettled(owners.map((owner) => place_(owner, [deliver(shop)], { communeId: rural.id, addressLine: "5 chemin des Vignes" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const failure of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(failure.reason).toMatchObject({ problems: [expect.objectContaining({ kind: "slotFull" })] });
    }
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.shop.id, pickupPointId: shop.pointId, startsAt: shop.slot.startsAt } })).booked).toBe(3);
    expect((await db.product.findUniqueOrThrow({ where: { id: soup.id } })).stock).toBe(97);
  });
});

describe("the delivery round", () => {
  async function readyDelivery() {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const honey = await db.product.create({ data: { shopId: shop.shop.id, name: "Miel", priceCents: 1100, stock: 10 } });
    const placed = await place_(await basket([{ productId: honey.id, quantity: 1 }]), [deliver(shop)], { communeId: rural.id, addressLine: "8 rue des Écoles" });
    const orderId = placed.orders[0]?.id ?? "";
    for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { actor: staff, input: { orderId, action } });
    return { shop, staff, honey, orderId, code: placed.orders[0]?.pickupCode ?? "" };
  }

  it("goes out for delivery and is handed over against the customer's code, emailing each step", async () => {
    const { staff, orderId, code } = await readyDelivery();
    // Not at the counter: a delivery is handed over at the address.
    await expect(transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markCollected", pickupCode: code } })).rejects.toMatchObject({ details: { reason: "useDelivered" } });
    await expect(transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markDelivered", pickupCode: code } })).rejects.toMatchObject({ details: { reason: "notOutForDelivery" } });
    await transitionOrderByShop(db, { actor: staff, input: { orderId, action: "startDelivery" } });
    await expect(transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markDelivered", pickupCode: "ZZZ999" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await expect(transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markDelivered", pickupCode: code.toLowerCase() } })).resolves.toMatchObject({ from: "OUT_FOR_DELIVERY", to: "COLLECTED" });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: { orderBy: { createdAt: "asc" } }, emails: true } });
    expect(order.events.map((e) => e.toStatus)).toEqual(["CONFIRMED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "COLLECTED"]);
    const subjects = order.emails.map((e) => e.subject);
    expect(subjects.some((s) => s.includes("en cours de livraison"))).toBe(true);
    expect(subjects.some((s) => s.includes(" livrée "))).toBe(true);
    // "Ready" is the shop's step before the round, not the customer's news.
    expect(subjects.some((s) => s.includes("prête à retirer"))).toBe(false);
  });

  it("records an absent customer with the driver's note under the shop's no-show rule; the clock never does", async () => {
    const { shop, staff, honey, orderId } = await readyDelivery();
    // Past the slot and its grace, a delivery is not closed automatically.
    expect(await markNoShowAutomatically(db, { orderId, now: new Date(Date.now() + 30 * 86_400_000) })).toEqual({ outcome: "not-applicable" });
    await transitionOrderByShop(db, { actor: staff, input: { orderId, action: "startDelivery" } });
    await expect(transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markAbsent" } })).rejects.toMatchObject({ details: { reason: "reasonRequired" } });
    await transitionOrderByShop(db, { actor: staff, input: { orderId, action: "markAbsent", reason: "Personne, avis laissé dans la boîte" } });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: { orderBy: { createdAt: "desc" }, take: 1 }, emails: { where: { kind: "order-no-show" } } } });
    expect(order.status).toBe("NO_SHOW");
    expect(order.events[0]).toMatchObject({ fromStatus: "OUT_FOR_DELIVERY", toStatus: "NO_SHOW", note: "Personne, avis laissé dans la boîte" });
    expect(order.emails[0]?.subject).toContain("non livrée");
    expect(order.emails[0]?.text).toContain("Note du livreur : Personne, avis laissé dans la boîte");
    // The slot place is given back, and the goods go back on the shelf (the shop's default rule).
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.shop.id, pickupPointId: shop.pointId, startsAt: shop.slot.startsAt } })).booked).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: honey.id } })).stock).toBe(10);
  });

  it("lays the day's round out by commune with what to collect, and sends out only what is ready", async () => {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const outsider = await member((await createShop(db, place)).shop.id, "OWNER");
    const eggs = await db.product.create({ data: { shopId: shop.shop.id, name: "Œufs", priceCents: 1500, stock: 20 } });
    const placed = [];
    for (const [communeId, addressLine] of [[rural.id, "2 rue du Château"], [place.commune.id, "40 Grand Rue"], [rural.id, "9 impasse des Lilas"]] as const) {
      placed.push(await place_(await basket([{ productId: eggs.id, quantity: 1 }]), [deliver(shop)], { communeId, addressLine, instructions: addressLine.startsWith("9") ? "Sonner fort" : undefined }));
    }
    const [first = "", second = "", third = ""] = placed.map((p) => p.orders[0]?.id ?? "");
    for (const orderId of [first, second]) for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { actor: staff, input: { orderId, action } });

    const day = toLocal(shop.slot.startsAt).date;
    await expect(getDeliveryRounds(db, { actor: outsider, shopId: shop.shop.id, day })).rejects.toBeInstanceOf(NotFoundError);
    const { rounds } = await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id, day });
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round).toMatchObject({ ready: 2, toPrepare: 1 });
    expect(round.communes.map((c) => [c.name, c.orders.map((o) => o.address)])).toEqual([
      ["Gençay", ["2 rue du Château", "9 impasse des Lilas"]],
      ["Poitiers", ["40 Grand Rue"]],
    ]);
    // Gençay: 15 € + 4,50 € to collect at the door; Poitiers delivers free.
    expect(round.communes[0]?.orders.map((o) => [o.toCollectCents, o.instructions, o.contactPhone])).toEqual([[1950, "", contact.phone], [1950, "Sonner fort", contact.phone]]);
    expect(round.communes[1]?.orders[0]?.toCollectCents).toBe(1500);

    await expect(startDeliveryRound(db, { actor: staff, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).resolves.toEqual({ started: 2, leftBehind: 1 });
    const statuses = await db.order.findMany({ where: { id: { in: [first, second, third] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({ [first]: "OUT_FOR_DELIVERY", [second]: "OUT_FOR_DELIVERY", [third]: "CONFIRMED" });
    // Nothing left ready: a second departure is refused, and says why.
    await expect(startDeliveryRound(db, { actor: staff, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).rejects.toMatchObject({ details: { reason: "roundNothingReady" } });
    await expect(startDeliveryRound(db, { actor: outsider, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the past rounds' deliveries left open, for the shop to close them", async () => {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
    const yesterday = new Date(Date.now() - 86_400_000 - 3_600_000);
    const forgotten = await db.order.create({
      data: {
        reference: `T-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "Oublié", status: "OUT_FOR_DELIVERY",
        pickupPointId: shop.pointId, slotStartsAt: yesterday, slotEndsAt: new Date(yesterday.getTime() + 3_600_000), pickupCode: "ABC234", paymentMethod: "PAY_AT_PICKUP",
        subtotalCents: 1000, vatCents: 0, totalCents: 1000, accessToken: randomUUID(), deliveryCommuneId: rural.id, deliveryAddress: "1 rue Oubliée",
      },
    });
    const { unsettled } = await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id });
    expect(unsettled.map((o) => [o.reference, o.status])).toEqual([[forgotten.reference, "OUT_FOR_DELIVERY"]]);
    await transitionOrderByShop(db, { actor: staff, input: { orderId: forgotten.id, action: "markAbsent", reason: "Tournée d'hier : personne" } });
    expect((await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id })).unsettled).toEqual([]);
  });
});
