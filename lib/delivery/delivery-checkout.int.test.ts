import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { CheckoutError } from "@/lib/orders/checkout/checkout-error";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { weighOrderLines } from "@/lib/orders/changes/weigh-lines";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { deliveryContact, deliveryTown } from "@/tests/helpers/delivery";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { saveDeliverySettings } from "./settings";

/** Issue #15: a shop's delivery terms, and checkouts that are delivered (zone, fee, VAT, vouchers, capacity). */
const db = testDb();
const { town, setUp, deliveringShop, basket, deliver, checkout, member } = deliveryTown(db);

beforeAll(setUp);

/** A town of its own (a top-up of 50 % up to 20 € running) with a shop delivering to Smarves for 5 €. */
async function townWithTopUp() {
  const own = await createTerritory(db);
  const village = await db.commune.create({ data: { territoryId: own.territory.id, name: "Smarves", postalCode: "86240" } });
  const { shop } = await createShop(db, own);
  const owner = await member(shop.id, "OWNER");
  const { pointId } = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: village.id, fee: "5" }] } });
  await openEveryDay(db, shop.id, pointId);
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: pointId });
  await db.voucherCampaign.create({ data: { territoryId: own.territory.id, name: "Coup de pouce", kind: "TOP_UP", budgetCents: 100_000, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), topUpBp: 5000, topUpCapCents: 2000 } });
  async function orderDelivered(productId: string, quantity: number) {
    const buyer = guestOwner();
    await addToCart(db, buyer, own.territory.id, { productId, quantity });
    return placeOrders(db, { now: new Date(),
      actor: anonymous,
      owner: buyer,
      territoryId: own.territory.id,
      input: { idempotencyKey: randomUUID(), contact: deliveryContact, delivery: { communeId: village.id, addressLine: "1 rue de l'Église" }, shops: [{ shopId: shop.id, pickupPointId: pointId, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
    });
  }
  return { shop, owner, orderDelivered };
}

describe("a shop's delivery settings", () => {
  it("are the owner's, with communes of the shop's own town and at least one commune to turn delivery on", async () => {
    const { shop } = await createShop(db, town.place);
    const owner = await member(shop.id, "OWNER");
    const staff = await member(shop.id, "STAFF");
    const elsewhere = await createTerritory(db);
    await expect(saveDeliverySettings(db, { actor: staff, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee: "3" }] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: elsewhere.commune.id, fee: "3" }] } })).rejects.toMatchObject({ details: { reason: "communeNotInTerritory" } });
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [] } })).rejects.toThrow(/deliveryZoneRequired/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee: "deux" }] } })).rejects.toThrow(/priceInvalid/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee: "150" }] } })).rejects.toThrow(/deliveryFeeTooHigh/);
    await expect(saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee: "3" }, { communeId: town.rural.id, fee: "4" }] } })).rejects.toThrow(/zoneDuplicate/);
    expect(await db.pickupPoint.count({ where: { deliveryShopId: shop.id } })).toBe(0);

    const saved = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, minimum: "15", freeFrom: "", zones: [{ communeId: town.rural.id, fee: "3,20" }] } });
    expect(saved.enabled).toBe(true);
    expect(await db.deliveryZone.findMany({ where: { shopId: shop.id }, select: { communeId: true, feeCents: true } })).toEqual([{ communeId: town.rural.id, feeCents: 320 }]);
    expect(await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { deliveryMinimumCents: true, deliveryFreeFromCents: true } })).toEqual({ deliveryMinimumCents: 1500, deliveryFreeFromCents: null });
    // Off again: the same point, hidden; on again: still the same point (its schedule is kept).
    const off = await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: false, zones: [{ communeId: town.rural.id, fee: "3,20" }] } });
    expect(off).toEqual({ pointId: saved.pointId, enabled: false });
    expect((await saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee: "3" }] } })).pointId).toBe(saved.pointId);
  });
});

describe("saving the delivery settings twice at once", () => {
  it("applies both in turn, the last one's zones kept, one delivery point", async () => {
    const { shop } = await createShop(db, town.place);
    const owner = await member(shop.id, "OWNER");
    const saves = await Promise.allSettled(
      ["2", "3", "4", "5", "6"].map((fee) => saveDeliverySettings(db, { actor: owner, shopId: shop.id, input: { enabled: true, zones: [{ communeId: town.rural.id, fee }, { communeId: town.place.commune.id, fee }] } })),
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
    const result = await checkout(owner, [deliver(grocer), { shopId: baker.shop.id, pickupPointId: baker.door.id, slotStartsAt: baker.doorSlot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }], { communeId: town.rural.id, addressLine: "12 route de Civray", instructions: "Portail vert" });
    const orders = await db.order.findMany({ where: { checkoutId: result.checkoutId }, include: { pickupPoint: { select: { kind: true } } } });
    const delivered = orders.find((o) => o.shopId === grocer.shop.id);
    const collected = orders.find((o) => o.shopId === baker.shop.id);
    // 13,00 € of cheese + 4,50 € to Gençay; 0,68 € of VAT on the goods + 0,23 € on the fee (5.5 %).
    expect(delivered).toMatchObject({ subtotalCents: 1750, totalCents: 1750, maxTotalCents: 1750, deliveryFeeCents: 450, vatCents: 68 + 23, deliveryCommuneId: town.rural.id, deliveryAddress: "12 route de Civray", deliveryInstructions: "Portail vert", pickupPointId: grocer.pointId });
    expect(collected).toMatchObject({ totalCents: 420, deliveryFeeCents: 0, deliveryCommuneId: null, deliveryAddress: null, pickupPointId: baker.door.id });
    // The delivery slot's place is taken on the delivery point's own counter.
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: grocer.shop.id, pickupPointId: grocer.pointId } })).booked).toBe(1);
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: delivered?.id, kind: "order-confirmed" } });
    expect(email.text).toContain("- Livraison : 4,50");
    expect(email.text).toContain("Adresse : 12 route de Civray, 86160 Gençay");
    expect(email.text).toContain(`Code à donner au livreur : ${delivered?.pickupCode}`);
  });

  it("lets the town's top-up pay for goods, not for the delivery", async () => {
    const { shop, orderDelivered } = await townWithTopUp();
    const soap = await db.product.create({ data: { shopId: shop.id, name: "Savon", priceCents: 800, vatRateBp: 2000, stock: 10 } });
    const placed = await orderDelivered(soap.id, 2);
    // 16 € of soap + 5 € of delivery: the town adds 50 % of the 16 €, and the customer pays the rest with the fee.
    expect(await db.order.findUniqueOrThrow({ where: { id: placed.orders[0]?.id }, select: { totalCents: true, deliveryFeeCents: true, voucherCents: true } })).toEqual({ totalCents: 2100, deliveryFeeCents: 500, voucherCents: 800 });
  });

  it("keeps the top-up on the goods when weighed goods come to less: delivered, the town pays half the cheese, not the fee", async () => {
    const { shop, owner, orderDelivered } = await townWithTopUp();
    // About 1 kg of Comté at 20 €/kg, weighed at 700 g: 14 €.
    const comte = await db.product.create({ data: { shopId: shop.id, name: "Comté", priceCents: 2000, vatRateBp: 550, stock: 10, soldByWeight: true, pieceGrams: 1000, weightToleranceBp: 1000 } });
    const placed = await orderDelivered(comte.id, 1);
    const orderId = placed.orders[0]?.id ?? "";
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { voucherCents: true, totalCents: true } })).toEqual({ voucherCents: 1000, totalCents: 2500 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    await transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId, action: "startPreparing" } });
    await weighOrderLines(db, { now: new Date(), actor: owner, input: { orderId, weights: [{ lineId: line.id, grams: 700 }] } });
    for (const action of ["markReady", "startDelivery"]) await transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId, action } });
    await transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId, action: "markDelivered", pickupCode: placed.orders[0]?.pickupCode } });
    // 14 € of cheese + 5 € of delivery = 19 €; the town pays 7 € (half the cheese), the customer 12 €.
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, deliveryFeeCents: true, voucherCents: true } })).toEqual({ totalCents: 1900, deliveryFeeCents: 500, voucherCents: 700 });
    expect(await db.voucherUse.findFirstOrThrow({ where: { orderId }, select: { status: true, amountCents: true } })).toEqual({ status: "SPENT", amountCents: 700 });
  });

  it("delivers free in a free commune and from the shop's threshold", async () => {
    const shop = await deliveringShop();
    const wine = await db.product.create({ data: { shopId: shop.shop.id, name: "Haut-Poitou", priceCents: 2100, vatRateBp: 2000, stock: 10 } });
    const inTown = await checkout(await basket([{ productId: wine.id, quantity: 1 }]), [deliver(shop)], { communeId: town.place.commune.id, addressLine: "3 rue Carnot" });
    const twoBottles = await checkout(await basket([{ productId: wine.id, quantity: 2 }]), [deliver(shop)], { communeId: town.rural.id, addressLine: "1 place du Marché" });
    const fees = await db.order.findMany({ where: { id: { in: [inTown.orders[0]?.id ?? "", twoBottles.orders[0]?.id ?? ""] } }, select: { totalCents: true, deliveryFeeCents: true } });
    expect(fees.sort((a, b) => a.totalCents - b.totalCents)).toEqual([{ totalCents: 2100, deliveryFeeCents: 0 }, { totalCents: 4200, deliveryFeeCents: 0 }]);
  });

  it("refuses an address outside the zone, a commune of another town, a missing address and a basket below the minimum — and takes nothing", async () => {
    const shop = await deliveringShop();
    const jam = await db.product.create({ data: { shopId: shop.shop.id, name: "Confiture", priceCents: 500, stock: 10 } });
    const elsewhere = await createTerritory(db);
    const cases: [string, { communeId: string; addressLine: string } | undefined, number, string][] = [
      ["outside the zone", { communeId: town.unserved.id, addressLine: "2 rue Neuve" }, 3, "deliveryOutsideZone"],
      ["another town", { communeId: elsewhere.commune.id, addressLine: "2 rue Neuve" }, 3, "deliveryOutsideZone"],
      ["no address", undefined, 3, "deliveryAddressMissing"],
      ["below the minimum", { communeId: town.rural.id, addressLine: "2 rue Neuve" }, 1, "deliveryBelowMinimum"],
    ];
    for (const [label, address, quantity, problem] of cases) {
      const attempt = checkout(await basket([{ productId: jam.id, quantity }]), [deliver(shop)], address);
      await expect(attempt, label).rejects.toBeInstanceOf(CheckoutError);
      await expect(attempt, label).rejects.toMatchObject({ problems: [expect.objectContaining({ kind: problem, shopId: shop.shop.id })] });
    }
    expect((await db.product.findUniqueOrThrow({ where: { id: jam.id } })).stock).toBe(10);
    expect(await db.order.count({ where: { shopId: shop.shop.id } })).toBe(0);
    expect(await db.slotCounter.count({ where: { shopId: shop.shop.id, booked: { gt: 0 } } })).toBe(0);
    // A malformed address never reaches the database.
    await expect(checkout(await basket([{ productId: jam.id, quantity: 3 }]), [deliver(shop)], { communeId: town.rural.id, addressLine: "x" })).rejects.toThrow(/deliveryAddressRequired/);
  });

  it("never books a delivery slot above its capacity: 30 customers for 3 places", async () => {
    const shop = await deliveringShop({ capacityPerSlot: 3 });
    const soup = await db.product.create({ data: { shopId: shop.shop.id, name: "Soupe", priceCents: 1200, stock: 100 } });
    const owners = await Promise.all(Array.from({ length: 30 }, () => basket([{ productId: soup.id, quantity: 1 }])));
    const results = await Promise.allSettled(owners.map((owner) => checkout(owner, [deliver(shop)], { communeId: town.rural.id, addressLine: "5 chemin des Vignes" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const failure of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(failure.reason).toMatchObject({ problems: [expect.objectContaining({ kind: "slotFull" })] });
    }
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.shop.id, pickupPointId: shop.pointId, startsAt: shop.slot.startsAt } })).booked).toBe(3);
    expect((await db.product.findUniqueOrThrow({ where: { id: soup.id } })).stock).toBe(97);
  });
});
