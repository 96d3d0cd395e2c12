import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";

/** Issue #23, item 2: knowing a product id of a town in preparation is not enough to order there. */
const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: { id: string };
let door: { id: string };
let productId: string;

beforeAll(async () => {
  place = await createTerritory(db);
  ({ shop, door } = await createShop(db, place));
  await openEveryDay(db, shop.id, door.id);
  productId = (await db.product.create({ data: { shopId: shop.id, name: "Pineau", priceCents: 1200, stock: 5 } })).id;
  await db.territory.update({ where: { id: place.territory.id }, data: { status: "PREPARATION" } });
});

describe("attack: baskets and orders in a town in preparation", () => {
  it("refuses a basket line: the town is not open", async () => {
    await expect(addToCart(db, guestOwner(), place.territory.id, { productId, quantity: 1 })).rejects.toMatchObject({ details: { reason: "townNotOpen" } });
    expect(await db.cartLine.count({ where: { productId } })).toBe(0);
  });

  it("refuses an order from a basket that holds the product anyway, taking no stock, no slot and sending nothing", async () => {
    const owner = guestOwner();
    const cart = await db.cart.create({ data: { territoryId: place.territory.id, guestToken: owner.guestToken } });
    await db.cartLine.create({ data: { cartId: cart.id, productId, quantity: 2 } });
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    const attempt = placeOrders(db, { now: new Date(),
      actor: anonymous,
      owner,
      territoryId: place.territory.id,
      input: { idempotencyKey: randomUUID(), contact: { name: "Curieux", email: "curieux@example.fr", phone: "0611223344" }, shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
    });
    await expect(attempt).rejects.toMatchObject({ details: { reason: "townNotOpen" } });
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(5);
    expect(await db.slotCounter.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db.outgoingEmail.count({ where: { toAddress: "curieux@example.fr" } })).toBe(0);
  });

  it("takes the same basket once the town opens", async () => {
    await db.territory.update({ where: { id: place.territory.id }, data: { status: "LIVE" } });
    expect(await addToCart(db, guestOwner(), place.territory.id, { productId, quantity: 1 })).toBe(1);
  });
});
