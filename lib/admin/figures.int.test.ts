import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { parseCsv } from "@/lib/catalog/csv-format";
import { NotFoundError } from "@/lib/errors";
import { fromLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { figuresCsv, getPlatformFigures } from "./figures";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let admin: Actor;
let stranger: Actor;
const now = fromLocal("2026-11-24", 18 * 60) ?? new Date();

async function order(shop: Awaited<ReturnType<typeof createShop>>, day: string, minute: number, status: OrderStatus, totalCents: number) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const startsAt = fromLocal(day, minute) ?? new Date();
  await db.order.create({
    data: {
      reference: `F-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "C", status,
      pickupPointId: shop.door.id, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 1_800_000), pickupCode: "FIG234", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: totalCents, vatCents: 0, totalCents, accessToken: randomUUID(),
    },
  });
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
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: place.territory.id } });
  admin = await loadActor(db, user.id);
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
    expect(csv).toContainEqual(["commandes_par_commerce", "Fleuriste Figures", "", "1", "25.00"]);
  });

  it("writes a shop named like a formula as text in the CSV", async () => {
    const evil = await createShop(db, place, "@SUM(1+1)*cmd");
    await db.product.create({ data: { shopId: evil.shop.id, name: "X", priceCents: 100 } });
    const csv = figuresCsv(await getPlatformFigures(db, { actor: admin, territoryId: place.territory.id, now }));
    expect(csv).toContain("produits_par_commerce;'@SUM(1+1)*cmd;1;;");
  });

  it("is for the territory's admins only", async () => {
    await expect(getPlatformFigures(db, { actor: stranger, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
