import { beforeAll, describe, expect, it } from "vitest";
import { addToCart } from "@/lib/cart/change-cart";
import { getCart } from "@/lib/cart/get-cart";
import { addDays, toLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner } from "@/tests/helpers/fixtures";
import { getCheckoutOptions } from "./checkout-options";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;

/** A shop open 10:00–12:00 every day, bookable `horizonDays` ahead, with one product in a guest's cart. */
async function cartAtShopWithHorizon(horizonDays: number) {
  const { shop, door } = await createShop(db, place);
  await db.pickupScheduleRule.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ shopId: shop.id, pickupPointId: door.id, weekday, opensAtMinute: 600, closesAtMinute: 720, slotMinutes: 60, capacityPerSlot: 5, leadTimeMinutes: 0, sameDayCutoffMinute: null, horizonDays })),
  });
  const product = await db.product.create({ data: { shopId: shop.id, name: "Miel", priceCents: 800, stock: 5 } });
  const owner = guestOwner();
  await addToCart(db, owner, place.territory.id, { productId: product.id, quantity: 1 });
  return getCart(db, owner, place.territory.id);
}

beforeAll(async () => {
  place = await createTerritory(db);
});

describe("checkout options", () => {
  it("offer slots as far ahead as the shop's booking horizon says, not a fixed week", async () => {
    const now = new Date();
    const [options] = await getCheckoutOptions(db, await cartAtShopWithHorizon(14), "fr", now);
    const slots = options?.points[0]?.slots ?? [];
    const lastDay = toLocal(new Date(slots.at(-1)?.value ?? 0)).date;
    expect(lastDay).toEqual(addDays(toLocal(now).date, 14));
  });

  it("and no further than a short horizon", async () => {
    const now = new Date();
    const [options] = await getCheckoutOptions(db, await cartAtShopWithHorizon(3), "fr", now);
    const days = new Set((options?.points[0]?.slots ?? []).map((slot) => toLocal(new Date(slot.value)).date));
    expect([...days].every((day) => day <= addDays(toLocal(now).date, 3))).toBe(true);
    expect(days.has(addDays(toLocal(now).date, 3))).toBe(true);
  });
});
