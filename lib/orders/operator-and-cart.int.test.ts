import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart, mergeGuestCart, setCartQuantity } from "@/lib/cart/change-cart";
import { getCart } from "@/lib/cart/get-cart";
import { NotFoundError } from "@/lib/errors";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { describeContact } from "./checkout/checkout-contact";
import { getOrder } from "./get-order";
import { placeOrders } from "./checkout/place-orders";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: { id: string };
let door: { id: string };
let productId: string;

beforeAll(async () => {
  place = await createTerritory(db);
  ({ shop, door } = await createShop(db, place));
  await openEveryDay(db, shop.id, door.id);
  productId = (await db.product.create({ data: { shopId: shop.id, name: "Bouquet", priceCents: 3500, stock: 5 } })).id;
});

async function userActor(email: string, role?: "OPERATOR" | "ADMIN"): Promise<Actor> {
  const user = await db.user.create({ data: { email } });
  if (role) await db.roleGrant.create({ data: { userId: user.id, role, territoryId: place.territory.id } });
  return loadActor(db, user.id);
}

describe("phone operator", () => {
  it("places an order for a caller with a name and phone only, and the order records who placed it", async () => {
    const operator = await userActor(`op-${randomUUID()}@example.fr`, "OPERATOR");
    if (operator.kind !== "user") throw new Error("operator expected");
    const owner = { userId: operator.userId };
    await addToCart(db, owner, place.territory.id, { productId, quantity: 1 });
    // The second slot: the first may start within the test's run time and fall out of the schedule.
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    const result = await placeOrders(db, { now: new Date(),
      actor: operator,
      owner,
      territoryId: place.territory.id,
      onBehalfOfCaller: true,
      input: {
        idempotencyKey: randomUUID(),
        contact: { name: "Mme Dupont (appel)", email: "", phone: "05 49 00 00 00" },
        shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP", priceCents: 1 }],
      },
    });
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orders[0]?.id }, include: { events: true } });
    expect(order).toMatchObject({ placedById: operator.userId, customerId: null, contactEmail: null, contactName: "Mme Dupont (appel)", totalCents: 3500 });
    expect(order.events[0]).toMatchObject({ actorUserId: operator.userId, note: "placed by phone" });
  });

  it("is refused to anyone without the operator role, and a customer must give an email", async () => {
    const customer = await userActor(`c-${randomUUID()}@example.fr`);
    if (customer.kind !== "user") throw new Error("customer expected");
    const input = { idempotencyKey: randomUUID(), contact: { name: "Camille", email: "", phone: "0612345678" }, shops: [] };
    await expect(placeOrders(db, { now: new Date(), actor: customer, owner: { userId: customer.userId }, territoryId: place.territory.id, onBehalfOfCaller: true, input: { ...input, shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: new Date().toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(placeOrders(db, { now: new Date(), actor: customer, owner: { userId: customer.userId }, territoryId: place.territory.id, input: { ...input, shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: new Date().toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } })).rejects.toMatchObject({ details: { reason: "emailRequired" } });
  });
});

describe("attack: a town's phone operator reading every order of the town", () => {
  async function guestOrder(phone: string) {
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId, quantity: 1 });
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    const placed = await placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input: { idempotencyKey: randomUUID(), contact: { name: "Client web", email: `web-${randomUUID()}@example.fr`, phone }, shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } });
    return placed.orders[0]!.id;
  }

  it("reads the orders they placed and their callers', not a stranger's; admins read the town's, and every such read is audited", async () => {
    await db.product.update({ where: { id: productId }, data: { stock: 50 } });
    const operator = await userActor(`op-read-${randomUUID()}@example.fr`, "OPERATOR");
    const admin = await userActor(`admin-read-${randomUUID()}@example.fr`, "ADMIN");
    if (operator.kind !== "user") throw new Error("operator expected");
    const stranger = await guestOrder("05 49 11 11 11");
    const callerEarlier = await guestOrder("05 49 22 22 22");
    await expect(getOrder(db, { actor: operator, orderId: stranger })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrder(db, { actor: operator, orderId: callerEarlier })).rejects.toBeInstanceOf(NotFoundError);

    // The operator takes a call from the second customer and orders for them: that caller's orders open.
    const owner = { userId: operator.userId };
    await addToCart(db, owner, place.territory.id, { productId, quantity: 1 });
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    const byPhone = await placeOrders(db, { now: new Date(), actor: operator, owner, territoryId: place.territory.id, onBehalfOfCaller: true, input: { idempotencyKey: randomUUID(), contact: { name: "Client web", email: "", phone: "05 49 22 22 22" }, shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot?.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } });
    expect((await getOrder(db, { actor: operator, orderId: byPhone.orders[0]!.id })).id).toBe(byPhone.orders[0]!.id);
    expect((await getOrder(db, { actor: operator, orderId: callerEarlier })).id).toBe(callerEarlier);
    await expect(getOrder(db, { actor: operator, orderId: stranger })).rejects.toBeInstanceOf(NotFoundError);

    expect((await getOrder(db, { actor: admin, orderId: stranger })).id).toBe(stranger);
    const reads = await db.auditLog.findMany({ where: { action: "order.read", entityId: { in: [stranger, callerEarlier, byPhone.orders[0]!.id] } }, select: { actorUserId: true, entityId: true } });
    expect(reads).toHaveLength(2);
    expect(reads).toEqual(expect.arrayContaining([{ actorUserId: operator.userId, entityId: callerEarlier }, { actorUserId: admin.kind === "user" ? admin.userId : "", entityId: stranger }]));
  });
});

describe("checkout contact", () => {
  it("is the caller's for an operator, for an admin only with a caller on the line, and the customer's own otherwise", async () => {
    const operator = await userActor(`op-${randomUUID()}@example.fr`, "OPERATOR");
    const admin = await userActor(`admin-${randomUUID()}@example.fr`, "ADMIN");
    const customer = await userActor(`c-${randomUUID()}@example.fr`);
    expect((await describeContact(db, operator, place.territory.id)).forCaller).toBe(true);
    expect((await describeContact(db, admin, place.territory.id)).forCaller).toBe(false);
    expect((await describeContact(db, admin, place.territory.id, { callerOnTheLine: true })).forCaller).toBe(true);
    // Another town's caller does not make an admin order for someone here.
    expect((await describeContact(db, admin, (await createTerritory(db)).territory.id, { callerOnTheLine: true })).forCaller).toBe(false);
    expect(await describeContact(db, customer, place.territory.id, { callerOnTheLine: true })).toMatchObject({ forCaller: false, defaults: { email: customer.kind === "user" ? customer.email : "" } });
  });
});

describe("cart", () => {
  it("limits quantities to the stock and to positive whole numbers", async () => {
    await db.product.update({ where: { id: productId }, data: { stock: 5 } });
    const owner = guestOwner();
    await expect(addToCart(db, owner, place.territory.id, { productId, quantity: 6 })).rejects.toMatchObject({ details: { reason: "notEnoughStock", available: 5 } });
    await expect(addToCart(db, owner, place.territory.id, { productId, quantity: 0 })).rejects.toThrow(/quantityPositive/);
    await expect(addToCart(db, owner, place.territory.id, { productId, quantity: 1.5 })).rejects.toThrow(/quantityInteger/);
    await expect(addToCart(db, owner, place.territory.id, { productId: "nope", quantity: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await addToCart(db, owner, place.territory.id, { productId, quantity: 2 });
    await expect(addToCart(db, owner, place.territory.id, { productId, quantity: 4 })).rejects.toMatchObject({ details: { reason: "notEnoughStock" } });
    await setCartQuantity(db, owner, place.territory.id, { productId, quantity: 5 });
    expect((await getCart(db, owner, place.territory.id)).itemCount).toBe(5);
    await setCartQuantity(db, owner, place.territory.id, { productId, quantity: 0 });
    expect((await getCart(db, owner, place.territory.id)).groups).toEqual([]);
  });

  it("recomputes prices from the catalog and flags lines that changed", async () => {
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId, quantity: 3 });
    await db.product.update({ where: { id: productId }, data: { priceCents: 3900, stock: 2 } });
    const cart = await getCart(db, owner, place.territory.id);
    expect(cart.groups[0]?.lines[0]).toMatchObject({ unitPriceCents: 3900, lineTotalCents: 11700, problem: "notEnoughStock" });
    expect(cart.hasProblems).toBe(true);
    await db.product.update({ where: { id: productId }, data: { priceCents: 3500, stock: 5 } });
  });

  it("merges a guest cart into the customer's cart on sign-in", async () => {
    const customer = await userActor(`m-${randomUUID()}@example.fr`);
    if (customer.kind !== "user") throw new Error("customer expected");
    const other = await db.product.create({ data: { shopId: shop.id, name: "Vase", priceCents: 1200, stock: null } });
    await addToCart(db, { userId: customer.userId }, place.territory.id, { productId, quantity: 1 });
    const guest = guestOwner();
    await addToCart(db, guest, place.territory.id, { productId, quantity: 2 });
    await addToCart(db, guest, place.territory.id, { productId: other.id, quantity: 1 });
    await mergeGuestCart(db, customer.userId, guest.guestToken);
    const merged = await getCart(db, { userId: customer.userId }, place.territory.id);
    expect(Object.fromEntries(merged.groups[0]?.lines.map((l) => [l.name, l.quantity]) ?? [])).toEqual({ Bouquet: 3, Vase: 1 });
    expect((await getCart(db, guest, place.territory.id)).groups).toEqual([]);
  });

  it("keeps one guest basket per town under the same cookie, and merges each into the customer's basket of that town", async () => {
    const elsewhere = await createTerritory(db);
    const { shop: otherShop, door: otherDoor } = await createShop(db, elsewhere);
    await openEveryDay(db, otherShop.id, otherDoor.id);
    const cheese = await db.product.create({ data: { shopId: otherShop.id, name: "Chabichou", priceCents: 450, stock: 10 } });
    const guest = guestOwner();
    await addToCart(db, guest, place.territory.id, { productId, quantity: 1 });
    await addToCart(db, guest, elsewhere.territory.id, { productId: cheese.id, quantity: 2 });
    // A product is refused in another town's basket.
    await expect(addToCart(db, guest, place.territory.id, { productId: cheese.id, quantity: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCart(db, guest, place.territory.id)).groups.flatMap((g) => g.lines.map((l) => l.name))).toEqual(["Bouquet"]);
    expect((await getCart(db, guest, elsewhere.territory.id)).groups.flatMap((g) => g.lines.map((l) => l.name))).toEqual(["Chabichou"]);

    const customer = await userActor(`towns-${randomUUID()}@example.fr`);
    if (customer.kind !== "user") throw new Error("customer expected");
    await mergeGuestCart(db, customer.userId, guest.guestToken);
    expect((await getCart(db, { userId: customer.userId }, elsewhere.territory.id)).groups.flatMap((g) => g.lines.map((l) => [l.name, l.quantity]))).toEqual([["Chabichou", 2]]);
    expect(await db.cart.count({ where: { guestToken: guest.guestToken } })).toBe(0);
  });
});
