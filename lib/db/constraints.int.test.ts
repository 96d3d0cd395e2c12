import { beforeAll, describe, expect, it } from "vitest";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { testDb } from "@/tests/helpers/db";

/**
 * The database itself refuses broken invariants, whatever the application code
 * does: these statements bypass lib/ on purpose.
 */
const db = testDb();
let shopId: string;
let doorId: string;

beforeAll(async () => {
  const place = await createTerritory(db);
  const { shop, door } = await createShop(db, place);
  shopId = shop.id;
  doorId = door.id;
});

describe("database constraints", () => {
  it("never lets stock go negative", async () => {
    const product = await db.product.create({ data: { shopId, name: "Baguette", priceCents: 130, stock: 2 } });
    await expect(db.product.update({ where: { id: product.id }, data: { stock: { decrement: 3 } } })).rejects.toThrow(/Product_stock_not_negative/);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2);
  });

  it("lets unlimited products (null stock) be, and refuses negative prices", async () => {
    await expect(db.product.create({ data: { shopId, name: "Réparation", priceCents: 1200, stock: null } })).resolves.toBeTruthy();
    await expect(db.product.create({ data: { shopId, name: "Gratuit ?", priceCents: -1 } })).rejects.toThrow(/Product_price_not_negative/);
  });

  it("never books a slot beyond its capacity, even when 10 transactions race for the last 3 places", async () => {
    const startsAt = new Date("2030-03-05T09:00:00Z");
    const counter = await db.slotCounter.create({
      data: { shopId, pickupPointId: doorId, startsAt, endsAt: new Date("2030-03-05T09:30:00Z"), capacity: 3 },
    });
    await expect(db.slotCounter.update({ where: { id: counter.id }, data: { booked: 4 } })).rejects.toThrow(/SlotCounter_booked_within_capacity/);
    // Unconditional increments: only the CHECK constraint stands between them and overbooking.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => db.slotCounter.update({ where: { id: counter.id }, data: { booked: { increment: 1 } } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect((await db.slotCounter.findUniqueOrThrow({ where: { id: counter.id } })).booked).toBe(3);
  });

  it("applies the same rule to a relay point's shared capacity", async () => {
    await expect(
      db.relayPointSlotCounter.create({
        data: { pickupPointId: doorId, startsAt: new Date("2030-03-05T10:00:00Z"), endsAt: new Date("2030-03-05T11:00:00Z"), capacity: 2, booked: 3 },
      }),
    ).rejects.toThrow(/RelayPointSlotCounter_booked_within_capacity/);
  });

  it("keeps schedule rules and pickup points coherent", async () => {
    await expect(
      db.pickupScheduleRule.create({ data: { shopId, pickupPointId: doorId, weekday: 8, opensAtMinute: 540, closesAtMinute: 600 } }),
    ).rejects.toThrow(/PickupScheduleRule_weekday_range/);
    await expect(
      db.pickupScheduleRule.create({ data: { shopId, pickupPointId: doorId, weekday: 2, opensAtMinute: 700, closesAtMinute: 600 } }),
    ).rejects.toThrow(/PickupScheduleRule_hours_order/);
    await expect(
      db.pickupPoint.create({
        data: { territoryId: (await db.shop.findUniqueOrThrow({ where: { id: shopId } })).territoryId, kind: "RELAY_POINT", shopId, name: "x", addressLine: "x", postalCode: "x", city: "x", latitude: 0, longitude: 0 },
      }),
    ).rejects.toThrow();
  });

  it("keeps one door per shop and unique SKUs per shop", async () => {
    await db.product.create({ data: { shopId, sku: "PAIN-001", name: "Pain", priceCents: 200 } });
    await expect(db.product.create({ data: { shopId, sku: "PAIN-001", name: "Autre pain", priceCents: 210 } })).rejects.toThrow(/Unique constraint/);
  });
});
