import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { parseCsv } from "@/lib/catalog/csv-format";
import { NotFoundError } from "@/lib/errors";
import { addDays, fromLocal, toLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { figuresCsv, getPlatformFigures } from "./figures";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let admin: Actor;
let stranger: Actor;
const now = fromLocal("2026-11-24", 18 * 60) ?? new Date();

type Shop = Awaited<ReturnType<typeof createShop>>;
/** A delivery: the shop's delivery point, the commune delivered to and the fee (in the total). */
type Delivery = { pointId: string; communeId: string; feeCents: number };

async function order(shop: Shop, day: string, minute: number, status: OrderStatus, totalCents: number, delivery?: Delivery) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const startsAt = fromLocal(day, minute) ?? new Date();
  await db.order.create({
    data: {
      reference: `F-${randomUUID().slice(0, 8)}`, territoryId: shop.shop.territoryId, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "C", status,
      pickupPointId: delivery?.pointId ?? shop.door.id, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 1_800_000), pickupCode: "FIG234", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: totalCents, vatCents: 0, totalCents, accessToken: randomUUID(),
      ...(delivery ? { deliveryCommuneId: delivery.communeId, deliveryAddress: "12 rue des Lilas", deliveryFeeCents: delivery.feeCents } : {}),
    },
  });
}

/** The shop's delivery point (kind DELIVERY), which carries its delivery slots. */
async function deliveryPoint(shop: Shop) {
  const point = await db.pickupPoint.create({
    data: { territoryId: shop.shop.territoryId, kind: "DELIVERY", deliveryShopId: shop.shop.id, name: "Livraison à domicile", addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 },
  });
  return (communeId: string, feeCents: number): Delivery => ({ pointId: point.id, communeId, feeCents });
}

async function adminOf(territoryId: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId } });
  return loadActor(db, user.id);
}

beforeAll(async () => {
  place = await createTerritory(db);
  const bakery = await createShop(db, place, "Boulangerie Figures");
  const florist = await createShop(db, place, "Fleuriste Figures");
  await db.product.createMany({ data: [{ shopId: bakery.shop.id, name: "Pain", priceCents: 100 }, { shopId: bakery.shop.id, name: "Brioche", priceCents: 500 }] });
  await order(bakery, "2026-11-24", 600, "COLLECTED", 1000);
  await order(bakery, "2026-11-24", 630, "COLLECTED", 500);
  await order(bakery, "2026-11-23", 600, "NO_SHOW", 700);
  await order(florist, "2026-11-20", 900, "CANCELLED", 3000);
  await order(florist, "2026-11-22", 600, "CONFIRMED", 2500);
  await order(bakery, "2026-09-01", 600, "COLLECTED", 9999); // older than 30 days
  admin = await adminOf(place.territory.id);
  stranger = await loadActor(db, (await db.user.create({ data: { email: `${randomUUID()}@example.fr` } })).id);
});

describe("platform figures", () => {
  it("adds up shops, products, orders, revenue, outcomes and busiest slots over 30 days", async () => {
    const figures = await getPlatformFigures(db, { actor: admin, territoryId: place.territory.id, now });
    expect(figures.shopsByCategory).toEqual([{ name: "Alimentation", value: 2 }]);
    expect(figures.productsPerShop[0]).toEqual({ name: "Boulangerie Figures", value: 2 });
    expect(figures.perShop).toEqual([
      { name: "Fleuriste Figures", orders: 1, revenueCents: 2500 },
      { name: "Boulangerie Figures", orders: 3, revenueCents: 2200 },
    ]);
    expect(figures.outcomes).toEqual({ collected: 2, cancelled: 1, noShow: 1 });
    expect(figures.perDay.at(-1)).toEqual({ day: "2026-11-24", orders: 2, revenueCents: 1500 });
    expect(figures.busiestSlots[0]).toEqual({ name: "2|10h", value: 2 });
    const csv = parseCsv(figuresCsv(figures));
    expect(csv).toContainEqual(["commandes_par_commerce", "Fleuriste Figures", "", "1", "25.00", "", "", "", "", ""]);
    expect(csv.every((row) => row.length === csv[0]?.length)).toBe(true);
    // No delivery in this town: the page shows its empty state, the CSV no delivery row.
    expect(figures.deliveriesPerCommune).toEqual([]);
    expect(figures.deliveriesPerShop).toEqual([]);
    expect(csv.some((row) => row[0]?.startsWith("livraisons"))).toBe(false);
  });

  it("writes a shop named like a formula as text in the CSV", async () => {
    const evil = await createShop(db, place, "@SUM(1+1)*cmd");
    await db.product.create({ data: { shopId: evil.shop.id, name: "X", priceCents: 100 } });
    const csv = figuresCsv(await getPlatformFigures(db, { actor: admin, territoryId: place.territory.id, now }));
    expect(csv).toContain("produits_par_commerce;'@SUM(1+1)*cmd;1;;");
  });

  it("counts deliveries per commune delivered to and per shop, cancelled ones left out, in this town and period only", async () => {
    const town = await createTerritory(db);
    const elsewhere = await createTerritory(db);
    const townAdmin = await adminOf(town.territory.id);
    const buxerolles = await db.commune.create({ data: { territoryId: town.territory.id, name: "Buxerolles", postalCode: "86180" } });
    const migne = await db.commune.create({ data: { territoryId: town.territory.id, name: "Migné-Auxances", postalCode: "86440" } });
    const bakery = await createShop(db, town, "Boulangerie Livraison");
    const florist = await createShop(db, town, "Fleuriste Livraison");
    const bakeryDelivers = await deliveryPoint(bakery);
    const floristDelivers = await deliveryPoint(florist);
    // The bakery: 5 deliveries placed and not cancelled (3 delivered, 1 not, 1 to come) and 1 collected at its door.
    await order(bakery, "2026-11-24", 600, "COLLECTED", 2300, bakeryDelivers(town.commune.id, 300));
    await order(bakery, "2026-11-23", 600, "COLLECTED", 1300, bakeryDelivers(town.commune.id, 300));
    await order(bakery, "2026-11-22", 600, "NO_SHOW", 1800, bakeryDelivers(town.commune.id, 300));
    await order(bakery, "2026-11-26", 600, "CONFIRMED", 1500, bakeryDelivers(town.commune.id, 300));
    await order(bakery, "2026-11-21", 600, "COLLECTED", 2500, bakeryDelivers(buxerolles.id, 500));
    await order(bakery, "2026-11-21", 660, "CANCELLED", 4000, bakeryDelivers(town.commune.id, 300));
    await order(bakery, "2026-09-01", 600, "COLLECTED", 2000, bakeryDelivers(buxerolles.id, 500)); // older than 30 days
    await order(bakery, "2026-11-24", 660, "COLLECTED", 1000);
    await order(bakery, "2026-11-24", 690, "CANCELLED", 1000);
    // The florist: 1 delivered to Buxerolles, 1 not delivered in a commune deleted since, 1 order at its door.
    await order(florist, "2026-11-20", 900, "COLLECTED", 3400, floristDelivers(buxerolles.id, 400));
    await order(florist, "2026-11-19", 900, "NO_SHOW", 2250, floristDelivers(migne.id, 250));
    await order(florist, "2026-11-19", 960, "CONFIRMED", 2000);
    await db.commune.delete({ where: { id: migne.id } });
    // Another town's deliveries count in its own figures only.
    const away = await createShop(db, elsewhere, "Boulangerie Ailleurs");
    await order(away, "2026-11-24", 600, "COLLECTED", 9000, (await deliveryPoint(away))(elsewhere.commune.id, 700));

    const figures = await getPlatformFigures(db, { actor: townAdmin, territoryId: town.territory.id, now });
    expect(figures.deliveriesPerCommune).toEqual([
      { key: town.commune.id, name: "Poitiers", postalCode: "86000", orders: 4, delivered: 2, notDelivered: 1, feesCents: 1200 },
      { key: buxerolles.id, name: "Buxerolles", postalCode: "86180", orders: 2, delivered: 2, notDelivered: 0, feesCents: 900 },
      { key: "", name: null, postalCode: null, orders: 1, delivered: 0, notDelivered: 1, feesCents: 250 },
    ]);
    expect(figures.deliveriesPerShop).toEqual([
      // 5 deliveries of its 6 orders not cancelled; 2 of 3 for the florist (rounded, not cut).
      { key: bakery.shop.id, name: "Boulangerie Livraison", orders: 5, delivered: 3, notDelivered: 1, sharePercent: 83, feesCents: 1700 },
      { key: florist.shop.id, name: "Fleuriste Livraison", orders: 2, delivered: 1, notDelivered: 1, sharePercent: 67, feesCents: 650 },
    ]);
    const csv = parseCsv(figuresCsv(figures));
    expect(csv[0]?.slice(5)).toEqual(["code_postal", "livrees", "non_livrees", "part_des_commandes_pourcent", "frais_livraison_euros"]);
    expect(csv).toContainEqual(["livraisons_par_commune", "Poitiers", "", "4", "", "86000", "2", "1", "", "12.00"]);
    expect(csv).toContainEqual(["livraisons_par_commune", "commune supprimée", "", "1", "", "", "0", "1", "", "2.50"]);
    expect(csv).toContainEqual(["livraisons_par_commerce", "Boulangerie Livraison", "", "5", "", "", "3", "1", "83", "17.00"]);
    expect(csv.every((row) => row.length === 10)).toBe(true);

    const awayFigures = await getPlatformFigures(db, { actor: await adminOf(elsewhere.territory.id), territoryId: elsewhere.territory.id, now });
    expect(awayFigures.deliveriesPerCommune).toEqual([{ key: elsewhere.commune.id, name: "Poitiers", postalCode: "86000", orders: 1, delivered: 1, notDelivered: 0, feesCents: 700 }]);
    expect(awayFigures.deliveriesPerShop.map((s) => s.name)).toEqual(["Boulangerie Ailleurs"]);
  });

  it("shows each shop's missing and short lines and rescheduled orders (issue #24), cancelled orders left out", async () => {
    const town = await createTerritory(db);
    const townAdmin = await adminOf(town.territory.id);
    const cheese = await createShop(db, town, "Fromagerie Fiable");
    const bread = await createShop(db, town, "Boulangerie Juste");
    const product = await db.product.create({ data: { shopId: cheese.shop.id, name: "Tomme", priceCents: 500, stock: null } });
    const loaf = await db.product.create({ data: { shopId: bread.shop.id, name: "Pain", priceCents: 200, stock: null } });
    // Lines as handed over: null = as ordered, 0 = missing, fewer = short.
    async function orderWith(shop: Shop, productId: string, price: number, lines: (number | null)[], status: OrderStatus = "COLLECTED", rescheduleCount = 0) {
      await order(shop, addDays(toLocal(now).date, -4), 600, status, 0); // four days before the fixed now
      const placed = await db.order.findFirstOrThrow({ where: { shopId: shop.shop.id }, orderBy: { createdAt: "desc" } });
      await db.order.update({ where: { id: placed.id }, data: { rescheduleCount, calendarSequence: rescheduleCount } });
      for (const delivered of lines) {
        await db.orderLine.create({ data: { orderId: placed.id, productId, productName: "x", unit: "pièce", unitPriceCents: price, vatRateBp: 550, quantity: 2, deliveredQuantity: delivered, lineTotalCents: price * (delivered ?? 2) } });
      }
    }
    await orderWith(cheese, product.id, 500, [null, 0, 1, null], "COLLECTED", 1);
    await orderWith(cheese, product.id, 500, [0, 0], "CANCELLED");
    await orderWith(bread, loaf.id, 200, [null, null]);
    const figures = await getPlatformFigures(db, { actor: townAdmin, territoryId: town.territory.id, now });
    expect(figures.changesPerShop).toEqual([
      { key: cheese.shop.id, name: "Fromagerie Fiable", lines: 4, missingLines: 1, shortLines: 1, missingPercent: 25, shortPercent: 25, substitutedLines: 0, substitutedPercent: 0, orders: 1, rescheduledOrders: 1 },
      { key: bread.shop.id, name: "Boulangerie Juste", lines: 2, missingLines: 0, shortLines: 0, missingPercent: 0, shortPercent: 0, substitutedLines: 0, substitutedPercent: 0, orders: 1, rescheduledOrders: 0 },
    ]);
    const csv = parseCsv(figuresCsv(figures));
    expect(csv.filter((row) => row[0] === "lignes_manquantes_pourcent").map((row) => row.slice(1, 4))).toEqual([["Fromagerie Fiable", "25", "4"], ["Boulangerie Juste", "0", "2"]]);
    expect(csv.find((row) => row[0] === "commandes_reprogrammees" && row[1] === "Fromagerie Fiable")?.slice(2, 4)).toEqual(["1", "1"]);
  });

  it("is for the territory's admins only", async () => {
    await expect(getPlatformFigures(db, { actor: stranger, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
