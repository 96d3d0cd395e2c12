import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import { parseCsv } from "@/lib/catalog/csv-format";
import { fromLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { deliveriesCsv, publicDeliveries } from "./open-data";

/**
 * Deliveries as open data (issue #15): finished deliveries counted per commune and
 * per published shop, since the first one, with nothing about an order or a person.
 */
const db = testDb();
const now = fromLocal("2026-11-24", 18 * 60) ?? new Date();
let town: Awaited<ReturnType<typeof createTerritory>>;
let elsewhere: Awaited<ReturnType<typeof createTerritory>>;
type Shop = Awaited<ReturnType<typeof createShop>>;

/** A delivery order of the shop, placed directly in the database. */
async function delivery(shop: Shop, pointId: string, communeId: string, day: string, status: OrderStatus) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const startsAt = fromLocal(day, 600) ?? new Date();
  await db.order.create({
    data: {
      reference: `L-${randomUUID().slice(0, 8)}`, territoryId: shop.shop.territoryId, shopId: shop.shop.id, checkoutId: checkout.id, status,
      contactName: "Jeanne Martin", contactEmail: "jeanne.martin@example.fr", contactPhone: "0612345678",
      pickupPointId: pointId, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 3_600_000), pickupCode: "LIV234", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: 2300, vatCents: 0, totalCents: 2300, accessToken: randomUUID(),
      deliveryCommuneId: communeId, deliveryAddress: "12 rue des Lilas", deliveryInstructions: "Sonner deux fois", deliveryFeeCents: 300,
    },
  });
}

async function deliveryPoint(shop: Shop) {
  const point = await db.pickupPoint.create({
    data: { territoryId: shop.shop.territoryId, kind: "DELIVERY", deliveryShopId: shop.shop.id, name: "Livraison à domicile", addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 },
  });
  return point.id;
}

beforeAll(async () => {
  town = await createTerritory(db);
  elsewhere = await createTerritory(db);
  await db.commune.update({ where: { id: town.commune.id }, data: { inseeCode: "86194" } });
  const buxerolles = await db.commune.create({ data: { territoryId: town.territory.id, name: "Buxerolles", postalCode: "86180", inseeCode: "86041" } });
  const migne = await db.commune.create({ data: { territoryId: town.territory.id, name: "Migné-Auxances", postalCode: "86440" } });
  const bakery = await createShop(db, town, "Boulangerie Open");
  const florist = await createShop(db, town, "Fleuriste Open");
  const bakeryPoint = await deliveryPoint(bakery);
  const floristPoint = await deliveryPoint(florist);
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-09-01", "COLLECTED");
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-11-23", "COLLECTED");
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-11-22", "NO_SHOW");
  // Cancelled, or not finished yet: counted nowhere.
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-11-21", "CANCELLED");
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-11-26", "CONFIRMED");
  await delivery(bakery, bakeryPoint, town.commune.id, "2026-11-24", "OUT_FOR_DELIVERY");
  await delivery(bakery, bakeryPoint, buxerolles.id, "2026-11-20", "COLLECTED");
  await delivery(bakery, bakeryPoint, migne.id, "2026-11-19", "NO_SHOW");
  await db.commune.delete({ where: { id: migne.id } });
  // A shop no longer published still counts in its commune, not under its name.
  await delivery(florist, floristPoint, buxerolles.id, "2026-11-18", "COLLECTED");
  await db.shop.update({ where: { id: florist.shop.id }, data: { status: "SUSPENDED" } });
  // Another town's deliveries, and a pickup at the door: not deliveries of this town.
  const away = await createShop(db, elsewhere, "Boulangerie Ailleurs");
  await delivery(away, await deliveryPoint(away), elsewhere.commune.id, "2026-11-23", "COLLECTED");
  await delivery(bakery, bakery.door.id, town.commune.id, "2026-11-23", "COLLECTED");
  await db.order.updateMany({ where: { pickupPointId: bakery.door.id }, data: { deliveryCommuneId: null, deliveryAddress: null, deliveryFeeCents: 0 } });
});

describe("open-data deliveries", () => {
  it("count finished deliveries per commune and per published shop, in JSON and CSV", async () => {
    const deliveries = await publicDeliveries(db, town.territory.slug, now);
    expect(deliveries).toEqual({
      from: "2026-09-01",
      to: "2026-11-24",
      perCommune: [
        { commune: "Buxerolles", postalCode: "86180", inseeCode: "86041", delivered: 2, notDelivered: 0 },
        { commune: "Poitiers", postalCode: "86000", inseeCode: "86194", delivered: 2, notDelivered: 1 },
        { commune: null, postalCode: null, inseeCode: null, delivered: 0, notDelivered: 1 },
      ],
      perShop: [{ shop: "Boulangerie Open", category: "Alimentation", delivered: 3, notDelivered: 2 }],
    });
    const table = parseCsv(deliveriesCsv(deliveries));
    expect(table).toEqual([
      ["section", "nom", "code_postal", "code_insee", "categorie", "livrees", "non_livrees", "du", "au"],
      ["commune", "Buxerolles", "86180", "86041", "", "2", "0", "2026-09-01", "2026-11-24"],
      ["commune", "Poitiers", "86000", "86194", "", "2", "1", "2026-09-01", "2026-11-24"],
      ["commune", "", "", "", "", "0", "1", "2026-09-01", "2026-11-24"],
      ["commerce", "Boulangerie Open", "", "", "Alimentation", "3", "2", "2026-09-01", "2026-11-24"],
    ]);
  });

  it("publish nothing about an order or a person", async () => {
    const deliveries = await publicDeliveries(db, town.territory.slug, now);
    const published = JSON.stringify(deliveries) + deliveriesCsv(deliveries);
    expect(published).not.toMatch(/Jeanne|Martin|@|0612345678|Lilas|Sonner|L-|LIV234|Fleuriste|Ailleurs/);
  });

  it("are empty for a town with no delivery, or none at all", async () => {
    expect(await publicDeliveries(db, "no-such-town", now)).toEqual({ from: null, to: "2026-11-24", perCommune: [], perShop: [] });
    const empty = await createTerritory(db);
    expect(parseCsv(deliveriesCsv(await publicDeliveries(db, empty.territory.slug, now)))).toEqual([["section", "nom", "code_postal", "code_insee", "categorie", "livrees", "non_livrees", "du", "au"]]);
    expect((await publicDeliveries(db, elsewhere.territory.slug, now)).perShop).toEqual([{ shop: "Boulangerie Ailleurs", category: "Alimentation", delivered: 1, notDelivered: 0 }]);
  });
});
