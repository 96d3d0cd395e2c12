import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { listMailbox } from "@/lib/notifications/mailbox";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { cancelOrderByCustomer } from "./cancel-order";
import { getOrder } from "../get-order";
import { placeOrders } from "../checkout/place-orders";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;

beforeAll(async () => {
  place = await createTerritory(db);
});

async function placedOrder(email = `client-${randomUUID()}@example.fr`) {
  const { shop, door } = await createShop(db, place);
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: 2 });
  // The second slot: the first may start within the test's run time and fall out of the schedule.
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  const product = await db.product.create({ data: { shopId: shop.id, name: "Chabichou", priceCents: 520, stock: 4 } });
  const owner = guestOwner();
  await addToCart(db, owner, place.territory.id, { productId: product.id, quantity: 3 });
  const result = await placeOrders(db, { now: new Date(),
    actor: anonymous,
    owner,
    territoryId: place.territory.id,
    input: {
      idempotencyKey: randomUUID(),
      contact: { name: "Camille", email, phone: "0612345678" },
      shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }],
    },
  });
  const order = result.orders[0];
  if (!order) throw new Error("no order");
  return { order, product, shop, email };
}

describe("customer cancellation", () => {
  it("returns stock and the slot place in the same transaction, records it and emails the customer", async () => {
    const { order, product, shop, email } = await placedOrder();
    expect((await listMailbox(db, { to: email }))[0]?.text).toContain(`/commandes/${order.id}?t=${order.accessToken}`);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(1);

    await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: order.accessToken } });

    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.id } })).booked).toBe(0);
    const seen = await getOrder(db, { actor: anonymous, orderId: order.id, token: order.accessToken });
    expect(seen.status).toBe("CANCELLED");
    expect(seen.canCancel).toBe(false);
    expect(seen.events.map((e) => e.toStatus)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect((await listMailbox(db, { to: email }))[0]?.subject).toMatch(/annulée/);
  });

  it("cancels once: a second cancel changes nothing more", async () => {
    const { order, product } = await placedOrder();
    await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: order.accessToken } });
    await expect(cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: order.accessToken } })).rejects.toMatchObject({ code: "conflict" });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);
  });

  it("refuses once the shop is preparing, and refuses strangers without revealing the order", async () => {
    const { order } = await placedOrder();
    await expect(cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: "wrong" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrder(db, { actor: anonymous, orderId: order.id })).rejects.toBeInstanceOf(NotFoundError);
    await db.order.update({ where: { id: order.id }, data: { status: "PREPARING" } });
    await expect(cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: order.accessToken } })).rejects.toMatchObject({ code: "conflict" });
  });
});
