import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { fromLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { getPreparationList, getShopFigures } from "./daily-summary";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: Awaited<ReturnType<typeof createShop>>;
let staff: Actor;
let stranger: Actor;
const DAY = "2026-11-24"; // a Tuesday
const now = fromLocal(DAY, 8 * 60) ?? new Date();

async function order(minute: number, status: OrderStatus, lines: [string, number, number][]) {
  const startsAt = fromLocal(DAY, minute) ?? new Date();
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const product = await db.product.create({ data: { shopId: shop.shop.id, name: "placeholder", priceCents: 1 } });
  const total = lines.reduce((sum, [, quantity, price]) => sum + quantity * price, 0);
  await db.order.create({
    data: {
      reference: `D-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "Client", status,
      pickupPointId: shop.door.id, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 1_800_000), pickupCode: "AAA222", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: total, vatCents: 0, totalCents: total, accessToken: randomUUID(),
      lines: { create: lines.map(([name, quantity, price]) => ({ productId: product.id, productName: name, unit: "pièce", unitPriceCents: price, vatRateBp: 0, quantity, lineTotalCents: quantity * price })) },
    },
  });
}

beforeAll(async () => {
  place = await createTerritory(db);
  shop = await createShop(db, place);
  const other = await createShop(db, place);
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId: shop.shop.id, userId: user.id, role: "STAFF" } });
  staff = await loadActor(db, user.id);
  const outsider = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId: other.shop.id, userId: outsider.id, role: "OWNER" } });
  stranger = await loadActor(db, outsider.id);
  await order(600, "CONFIRMED", [["Baguette", 3, 130], ["Croissant", 2, 120]]);
  await order(600, "PREPARING", [["Baguette", 1, 130]]);
  await order(630, "CONFIRMED", [["Croissant", 4, 120]]);
  await order(660, "READY", [["Baguette", 9, 130]]); // already prepared
  await order(690, "CANCELLED", [["Brioche", 1, 650]]);
});

describe("daily summary", () => {
  it("adds up the items to prepare per slot and for the day", async () => {
    const list = await getPreparationList(db, { actor: staff, shopId: shop.shop.id, day: DAY, now });
    expect(list.slots.map((s) => s.items.map((i) => `${i.quantity} ${i.name}`))).toEqual([["4 Baguette", "2 Croissant"], ["4 Croissant"]]);
    expect(list.totals.map((i) => `${i.quantity} ${i.name}`)).toEqual(["4 Baguette", "6 Croissant"]);
  });

  it("counts orders and revenue, leaving cancelled orders out", async () => {
    const figures = await getShopFigures(db, { actor: staff, shopId: shop.shop.id, now });
    expect(figures).toMatchObject({ ordersToday: 4, ordersThisWeek: 4, revenueThisWeekCents: 390 + 240 + 130 + 480 + 1170 });
    expect(figures.topProducts[0]).toMatchObject({ name: "Baguette", quantity: 13 });
    expect(figures.perDay).toHaveLength(14);
    expect(figures.perDay.at(-1)).toEqual({ day: DAY, orders: 4 });
  });

  it("is for the shop's members only", async () => {
    await expect(getPreparationList(db, { actor: stranger, shopId: shop.shop.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getShopFigures(db, { actor: stranger, shopId: shop.shop.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
