import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { placeOrders } from "./place-orders";

// The references are random; this file decides them, to make two checkouts draw the same one.
const drawn: string[] = [];
vi.mock("./codes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./codes")>();
  return { ...actual, newOrderReference: () => drawn.shift() ?? actual.newOrderReference() };
});

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;

beforeAll(async () => {
  place = await createTerritory(db);
});

async function checkoutOf(productId: string, shopId: string, pickupPointId: string, slotStartsAt: Date) {
  const owner = guestOwner();
  await addToCart(db, owner, place.territory.id, { productId, quantity: 1 });
  return placeOrders(db, { now: new Date(),
    actor: anonymous,
    owner,
    territoryId: place.territory.id,
    input: {
      idempotencyKey: randomUUID(),
      contact: { name: "Camille Martin", email: "camille@example.fr", phone: "06 12 34 56 78" },
      shops: [{ shopId, pickupPointId, slotStartsAt: slotStartsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }],
    },
  });
}

describe("order references", () => {
  it("draws again when a new order's reference is already taken, and the checkout goes through whole", async () => {
    const { shop, door } = await createShop(db, place);
    await openEveryDay(db, shop.id, door.id);
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    if (!slot) throw new Error("fixture has no slot");
    const product = await db.product.create({ data: { shopId: shop.id, name: "Brioche", priceCents: 450, stock: 10 } });
    const taken = `CMD-${randomUUID().slice(0, 6).toUpperCase()}`;
    drawn.push(taken);
    const first = await checkoutOf(product.id, shop.id, door.id, slot.startsAt);
    expect(first.orders[0]?.reference).toBe(taken);

    // The second checkout draws the same reference twice, then a free one.
    drawn.push(taken, taken);
    const second = await checkoutOf(product.id, shop.id, door.id, slot.startsAt);
    expect(second.orders[0]?.reference).not.toBe(taken);
    expect(second.orders[0]?.reference).toMatch(/^CMD-[2-9A-Z]{6}$/);
    expect(drawn).toEqual([]);
    // Stock and the slot were taken once per checkout: the rolled-back attempts left nothing behind.
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.id } })).booked).toBe(2);
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(2);
  });
});
