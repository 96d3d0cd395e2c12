import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { updateAutomationSettings } from "@/lib/shops/automation-settings";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { tampered } from "@/tests/helpers/tamper";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "@/tests/helpers/fixtures";
import { person } from "@/tests/helpers/voucher-orders";
import { rescheduleChoices } from "./reschedule-options";
import { rescheduleOrder } from "./reschedule";

const db = testDb();

async function bakery(capacityPerSlot = 10) {
  const place = await createTerritory(db);
  const { shop, door } = await createShop(db, place);
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot });
  const bread = await db.product.create({ data: { shopId: shop.id, name: "Baguette", priceCents: 120, stock: 10_000 } });
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  return { place, shop, door, bread, slots, staff: await shopMemberActor(db, shop.id, "STAFF") };
}

type Bakery = Awaited<ReturnType<typeof bakery>>;

async function orderIn(b: Bakery, slotIndex: number) {
  const owner = guestOwner();
  await addToCart(db, owner, b.place.territory.id, { productId: b.bread.id, quantity: 1 });
  const placed = await placeOrders(db, {
    now: new Date(), actor: anonymous, owner, territoryId: b.place.territory.id,
    input: { idempotencyKey: randomUUID(), contact: person(), shops: [{ shopId: b.shop.id, pickupPointId: b.door.id, slotStartsAt: b.slots[slotIndex]!.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
  });
  return db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId } });
}

const booked = async (b: Bakery, slotIndex: number) =>
  (await db.slotCounter.findUnique({ where: { shopId_pickupPointId_startsAt: { shopId: b.shop.id, pickupPointId: b.door.id, startsAt: b.slots[slotIndex]!.startsAt } } }))?.booked ?? 0;

const jobRunAt = async (key: string) => (await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${key}`)[0]?.run_at ?? null;

const move = (b: Bakery, order: { id: string; accessToken: string }, slotIndex: number, extra: Record<string, unknown> = {}) =>
  rescheduleOrder(db, { now: new Date(), actor: anonymous, input: { orderId: order.id, token: order.accessToken, pickupPointId: b.door.id, slotStartsAt: b.slots[slotIndex]!.startsAt.toISOString(), ...extra } });

describe("the customer reschedules (issue #24, item 3)", () => {
  it("moves the order to another slot from the emailed link: places moved, jobs moved, history, and a calendar file that replaces the old one", async () => {
    const b = await bakery();
    const order = await orderIn(b, 3);
    const reminderBefore = await jobRunAt(`reminder:${order.id}`);
    const noShowBefore = await jobRunAt(`no-show:${order.id}`);
    const choices = await rescheduleChoices(db, { actor: anonymous, orderId: order.id, token: order.accessToken, now: new Date() });
    expect(choices?.left).toBe(2);
    expect(choices?.choices[0]?.slots.some((s) => s.startsAt.getTime() === b.slots[3]!.startsAt.getTime())).toBe(false);

    expect(await move(b, order, 20)).toEqual({ slotStartsAt: b.slots[20]!.startsAt, rescheduleCount: 1 });
    expect([await booked(b, 3), await booked(b, 20)]).toEqual([0, 1]);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", slotStartsAt: b.slots[20]!.startsAt, slotEndsAt: b.slots[20]!.endsAt, rescheduleCount: 1 });
    // The reminder and the no-show check follow the slot (17 hours later), under the same keys.
    const reminderAfter = await jobRunAt(`reminder:${order.id}`);
    if (reminderBefore) expect(reminderAfter!.getTime()).toBeGreaterThan(reminderBefore.getTime());
    if (reminderAfter) expect(reminderAfter.getTime()).toBeLessThan(b.slots[20]!.startsAt.getTime());
    expect((await jobRunAt(`no-show:${order.id}`))!.getTime()).toBeGreaterThan(noShowBefore!.getTime());
    expect((await jobRunAt(`no-show:${order.id}`))!.getTime()).toBeGreaterThanOrEqual(b.slots[20]!.endsAt.getTime());
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`no-show:${order.id}`}`).toEqual([{ n: 1n }]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, change: "RESCHEDULED" } });
    expect(event.details).toEqual({ byShop: false, before: { pickupPointId: b.door.id, slotStartsAt: b.slots[3]!.startsAt.toISOString() }, after: { pickupPointId: b.door.id, slotStartsAt: b.slots[20]!.startsAt.toISOString() } });
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "order-rescheduled" } });
    const ics = (email.attachments as { content: string }[])[0]!.content;
    expect(ics).toContain(`UID:${order.id}@comptoir\r\n`);
    expect(ics).toContain("SEQUENCE:1\r\n");

    // Twice allowed by default: the third is refused, nothing moves.
    await move(b, order, 21);
    await expect(move(b, order, 22)).rejects.toMatchObject({ details: { reason: "rescheduleLimit", max: 2 } });
    expect(await rescheduleChoices(db, { actor: anonymous, orderId: order.id, token: order.accessToken, now: new Date() })).toBeNull();
    expect([await booked(b, 20), await booked(b, 21), await booked(b, 22)]).toEqual([0, 1, 0]);
  });

  it("refuses with its reason and changes nothing: a tampered or another order's link, a full slot, the same slot, a time the shop does not offer, an order being prepared", async () => {
    const b = await bakery(1);
    const order = await orderIn(b, 2);
    const other = await orderIn(b, 5);
    await expect(move(b, { id: order.id, accessToken: tampered(order.accessToken) }, 8)).rejects.toMatchObject({ code: "notFound" });
    await expect(move(b, { id: order.id, accessToken: other.accessToken }, 8)).rejects.toMatchObject({ code: "notFound" });
    await expect(move(b, order, 5)).rejects.toMatchObject({ details: { reason: "slotFull" } });
    await expect(move(b, order, 2)).rejects.toMatchObject({ details: { reason: "sameSlot" } });
    await expect(move(b, order, 8, { slotStartsAt: new Date(b.slots[8]!.startsAt.getTime() + 7 * 60_000).toISOString() })).rejects.toMatchObject({ details: { reason: "slotInvalid" } });
    await expect(move(b, order, 8, { slotStartsAt: "demain" })).rejects.toThrow(/slotInvalid/);
    const elsewhere = await bakery();
    await expect(move(b, order, 8, { pickupPointId: elsewhere.door.id })).rejects.toMatchObject({ details: { reason: "pickupPointInvalid" } });
    await transitionOrderByShop(db, { now: new Date(), actor: b.staff, input: { orderId: order.id, action: "startPreparing" } });
    await expect(move(b, order, 8)).rejects.toMatchObject({ details: { reason: "notReschedulable" } });
    expect([await booked(b, 2), await booked(b, 5), await booked(b, 8)]).toEqual([1, 1, 0]);
    expect(await db.orderEvent.count({ where: { orderId: order.id, change: "RESCHEDULED" } })).toBe(0);
  });

  it("follows the shop's setting: an owner who allows no change gets none", async () => {
    const b = await bakery();
    const owner = await shopMemberActor(db, b.shop.id, "OWNER");
    await updateAutomationSettings(db, { actor: owner, shopId: b.shop.id, input: { noShowGrace: "next", noShowRestock: true, morningDigest: false, maxReschedules: "0" } });
    await expect(updateAutomationSettings(db, { actor: owner, shopId: b.shop.id, input: { noShowGrace: "next", noShowRestock: true, morningDigest: false, maxReschedules: "11" } })).rejects.toThrow(/maxReschedulesInvalid/);
    const order = await orderIn(b, 2);
    await expect(move(b, order, 4)).rejects.toMatchObject({ details: { reason: "rescheduleLimit", max: 0 } });
    expect(await rescheduleChoices(db, { actor: anonymous, orderId: order.id, token: order.accessToken, now: new Date() })).toBeNull();
  });

  it("two customers racing for a slot's last place: one moves, the other is told it is full — 20 rounds, counters exact", async () => {
    const b = await bakery(1);
    for (let round = 0; round < 20; round++) {
      const [x, y, target] = [round * 3, round * 3 + 1, round * 3 + 2];
      const first = await orderIn(b, x);
      const second = await orderIn(b, y);
      const outcomes = await Promise.allSettled([move(b, first, target), move(b, second, target)]);
      expect(outcomes.filter((o) => o.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ details: { reason: "slotFull" } });
      const firstMoved = outcomes[0]!.status === "fulfilled";
      expect([await booked(b, x), await booked(b, y), await booked(b, target)]).toEqual(firstMoved ? [0, 1, 1] : [1, 0, 1]);
    }
  });

  it("a reschedule racing the shop's start of preparation: one outcome each, the order counted in exactly one slot — 20 rounds", async () => {
    const b = await bakery();
    for (let round = 0; round < 20; round++) {
      const order = await orderIn(b, round);
      const [moved, prepared] = await Promise.allSettled([move(b, order, 40 + round), transitionOrderByShop(db, { now: new Date(), actor: b.staff, input: { orderId: order.id, action: "startPreparing" } })]);
      expect(prepared.status, `round ${round}`).toBe("fulfilled");
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(after.status).toBe("PREPARING");
      if (moved.status === "rejected") expect(["notReschedulable", "orderChanged"]).toContain((moved.reason as { details?: { reason?: string } }).details?.reason);
      const inNew = moved.status === "fulfilled";
      expect(after.slotStartsAt.getTime()).toBe(b.slots[inNew ? 40 + round : round]!.startsAt.getTime());
      expect([await booked(b, round), await booked(b, 40 + round)]).toEqual(inNew ? [0, 1] : [1, 0]);
    }
  });
});
