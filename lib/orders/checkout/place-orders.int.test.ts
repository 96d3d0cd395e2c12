import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { getCart } from "@/lib/cart/get-cart";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { CheckoutError } from "./checkout-error";
import { placeOrders } from "./place-orders";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;

beforeAll(async () => {
  place = await createTerritory(db);
});

const contact = { name: "Camille Martin", email: "camille@example.fr", phone: "06 12 34 56 78" };

async function shopWithSlots(options: { capacityPerSlot?: number } = {}) {
  const { shop, door } = await createShop(db, place);
  await openEveryDay(db, shop.id, door.id, options);
  // The second slot: the first may start within the test's run time and fall out of the schedule.
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  if (!slot) throw new Error("fixture has no slot");
  return { shop, door, slot };
}

async function guestWith(productId: string, quantity: number) {
  const owner = guestOwner();
  await addToCart(db, owner, place.territory.id, { productId, quantity });
  return owner;
}

function checkout(shopId: string, pickupPointId: string, slotStartsAt: Date, key = randomUUID()) {
  return { idempotencyKey: key, contact, shops: [{ shopId, pickupPointId, slotStartsAt: slotStartsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] };
}

describe("placeOrders", () => {
  it("creates one order per shop with server prices, takes stock and a slot place, and empties the cart", async () => {
    const a = await shopWithSlots();
    const b = await shopWithSlots();
    const bread = await db.product.create({ data: { shopId: a.shop.id, name: "Baguette", priceCents: 130, vatRateBp: 550, stock: 10 } });
    const book = await db.product.create({ data: { shopId: b.shop.id, name: "Roman", priceCents: 2190, vatRateBp: 550, stock: null } });
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId: bread.id, quantity: 3 });
    await addToCart(db, owner, place.territory.id, { productId: book.id, quantity: 1 });

    const result = await placeOrders(db, { now: new Date(),
      actor: anonymous,
      owner,
      territoryId: place.territory.id,
      input: {
        idempotencyKey: randomUUID(),
        contact,
        shops: [
          { shopId: a.shop.id, pickupPointId: a.door.id, slotStartsAt: a.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" },
          { shopId: b.shop.id, pickupPointId: b.door.id, slotStartsAt: b.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" },
        ],
      },
    });
    expect(result.orders).toHaveLength(2);
    const orders = await db.order.findMany({ where: { checkoutId: result.checkoutId }, include: { lines: true, events: true } });
    const breadOrder = orders.find((o) => o.shopId === a.shop.id);
    expect(breadOrder).toMatchObject({ status: "CONFIRMED", totalCents: 390, subtotalCents: 390, vatCents: 20, contactEmail: "camille@example.fr" });
    expect(breadOrder?.lines[0]).toMatchObject({ productName: "Baguette", unitPriceCents: 130, quantity: 3, lineTotalCents: 390 });
    expect(breadOrder?.events.map((e) => e.toStatus)).toEqual(["CONFIRMED"]);
    expect(breadOrder?.pickupCode).toMatch(/^[2-9A-Z]{6}$/);
    expect((await db.product.findUniqueOrThrow({ where: { id: bread.id } })).stock).toBe(7);
    expect((await db.product.findUniqueOrThrow({ where: { id: book.id } })).stock).toBeNull();
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: a.shop.id } })).booked).toBe(1);
    expect((await getCart(db, owner, place.territory.id)).groups).toHaveLength(0);
  });

  it("sells the last 5 items to exactly 5 of 50 customers racing for them", async () => {
    const { shop, door, slot } = await shopWithSlots({ capacityPerSlot: 100 });
    const product = await db.product.create({ data: { shopId: shop.id, name: "Galette des rois", priceCents: 1800, stock: 5 } });
    const owners = await Promise.all(Array.from({ length: 50 }, () => guestWith(product.id, 1)));
    const results = await Promise.allSettled(
      owners.map((owner) => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input: checkout(shop.id, door.id, slot.startsAt) })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(5);
    expect(lost.every((r) => r.reason instanceof CheckoutError && r.reason.problems.some((p) => p.kind === "stock" && p.available === 0))).toBe(true);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(5);
    // The losers keep their cart to fix it.
    expect((await getCart(db, owners[0] ?? guestOwner(), place.territory.id)).itemCount + (await getCart(db, owners[49] ?? guestOwner(), place.territory.id)).itemCount).toBeGreaterThan(0);
  });

  it("books a slot of capacity 3 exactly 3 times out of 30 concurrent checkouts", async () => {
    const { shop, door, slot } = await shopWithSlots({ capacityPerSlot: 3 });
    const product = await db.product.create({ data: { shopId: shop.id, name: "Révision vélo", priceCents: 4500, stock: null } });
    const owners = await Promise.all(Array.from({ length: 30 }, () => guestWith(product.id, 1)));
    const results = await Promise.allSettled(
      owners.map((owner) => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input: checkout(shop.id, door.id, slot.startsAt) })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const counter = await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.id, startsAt: slot.startsAt } });
    expect(counter).toMatchObject({ booked: 3, capacity: 3 });
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(3);
    const full = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    expect(full.some((s) => s.startsAt.getTime() === slot.startsAt.getTime())).toBe(false);
  });

  it("creates the orders once when the same checkout is submitted again, even simultaneously", async () => {
    const { shop, door, slot } = await shopWithSlots();
    const product = await db.product.create({ data: { shopId: shop.id, name: "Fleurs", priceCents: 3500, stock: 10 } });
    const owner = await guestWith(product.id, 2);
    const input = checkout(shop.id, door.id, slot.startsAt);
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input })));
    expect(new Set(results.map((r) => r.checkoutId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input });
    expect(again).toMatchObject({ checkoutId: results[0]?.checkoutId, created: false });
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
  });

  it("hands an existing checkout back only to whoever submitted it: another visitor with the key gets nothing", async () => {
    const { shop, door, slot } = await shopWithSlots();
    const product = await db.product.create({ data: { shopId: shop.id, name: "Tarte", priceCents: 1800, stock: 10 } });
    const owner = await guestWith(product.id, 1);
    const input = checkout(shop.id, door.id, slot.startsAt);
    const placed = await placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input });

    const intruder = await guestWith(product.id, 1);
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner: intruder, territoryId: place.territory.id, input })).rejects.toMatchObject({ details: { reason: "checkoutKeyUsed" } });
    const signedIn: Actor = { kind: "user", userId: "someone-else", email: "x@example.fr", name: null, roles: [], memberships: [] };
    await expect(placeOrders(db, { now: new Date(), actor: signedIn, owner: { userId: "someone-else" }, territoryId: place.territory.id, input })).rejects.toMatchObject({ details: { reason: "checkoutKeyUsed" } });
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner: { guestToken: null }, territoryId: place.territory.id, input })).rejects.toMatchObject({ details: { reason: "checkoutKeyUsed" } });

    expect(await placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input })).toMatchObject({ checkoutId: placed.checkoutId, created: false });
    expect(await db.order.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await db.cartLine.count({ where: { productId: product.id } })).toBe(1); // the intruder's cart is untouched
  });

  it("answers copies of a submission that raced the original with the original's orders, never \"slot full\"", async () => {
    for (let round = 0; round < 6; round++) {
      const { shop, door, slot } = await shopWithSlots({ capacityPerSlot: 1 });
      const product = await db.product.create({ data: { shopId: shop.id, name: "Gâteau", priceCents: 2500, stock: 1 } });
      const owner = await guestWith(product.id, 1);
      const input = checkout(shop.id, door.id, slot.startsAt);
      // Copies arrive a few milliseconds apart: some while the original is committing.
      const submit = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay)).then(() => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input }));
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => submit(i * 4)));
      const refused = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(refused).toEqual([]);
      expect(new Set(results.map((r) => (r.status === "fulfilled" ? r.value.checkoutId : ""))).size).toBe(1);
      expect(await db.order.count({ where: { shopId: shop.id } })).toBe(1);
    }
  });

  it("refuses bad input and writes nothing", async () => {
    const { shop, door, slot } = await shopWithSlots();
    const other = await shopWithSlots();
    const product = await db.product.create({ data: { shopId: shop.id, name: "Pain", priceCents: 200, stock: 10 } });
    const owner = await guestWith(product.id, 1);
    const attempt = (input: unknown) => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, input });
    const before = await db.order.count();

    await expect(attempt({ ...checkout(shop.id, door.id, slot.startsAt), contact: { ...contact, phone: "abc" } })).rejects.toThrow(/phoneInvalid/);
    await expect(attempt(checkout(shop.id, other.door.id, slot.startsAt))).rejects.toMatchObject({ problems: [{ kind: "pickupPointInvalid" }] });
    await expect(attempt(checkout(shop.id, door.id, new Date(Date.now() - 3_600_000)))).rejects.toMatchObject({ problems: [{ kind: "slotInvalid" }] });
    await expect(attempt(checkout(shop.id, door.id, new Date(Date.now() + 60 * 86_400_000)))).rejects.toMatchObject({ problems: [{ kind: "slotInvalid" }] });
    await expect(attempt(checkout(other.shop.id, other.door.id, other.slot.startsAt))).rejects.toMatchObject({ problems: [{ kind: "shopMismatch" }] });
    const online = { ...checkout(shop.id, door.id, slot.startsAt), shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot.startsAt.toISOString(), paymentMethod: "ONLINE" }] };
    await expect(attempt(online)).rejects.toMatchObject({ problems: [{ kind: "paymentMethodInvalid" }] });
    await db.shop.update({ where: { id: shop.id }, data: { status: "SUSPENDED" } });
    await expect(attempt(checkout(shop.id, door.id, slot.startsAt))).rejects.toMatchObject({ problems: [{ kind: "unavailableProduct" }] });
    await db.shop.update({ where: { id: shop.id }, data: { status: "ACTIVE" } });

    expect(await db.order.count()).toBe(before);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);
  });
});
