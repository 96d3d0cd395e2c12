import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { addClosure } from "@/lib/slots/manage-schedule";
import { toLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "@/tests/helpers/fixtures";
import { tampered } from "@/tests/helpers/tamper";
import { person } from "@/tests/helpers/voucher-orders";
import { answerSlotMove, expireSlotMove, proposeSlotMove, slotMoveForLink, type SlotOption } from "./slot-moves";

const db = testDb();

async function bakery(capacityPerSlot = 10) {
  const place = await createTerritory(db);
  const { shop, door } = await createShop(db, place);
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot });
  const bread = await db.product.create({ data: { shopId: shop.id, name: "Baguette", priceCents: 120, stock: 1000 } });
  const now = new Date();
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id, now });
  // The closed day: tomorrow in Paris, whatever the hour of the run.
  const today = toLocal(now).date;
  const closedDay = slots.map((s) => toLocal(s.startsAt).date).find((day) => day > today)!;
  const owner = await shopMemberActor(db, shop.id, "OWNER");
  return { place, shop, door, bread, slots, now, closedDay, owner, onClosedDay: slots.filter((s) => toLocal(s.startsAt).date === closedDay) };
}
type Bakery = Awaited<ReturnType<typeof bakery>>;

async function orderAt(b: Bakery, startsAt: Date, quantity = 1) {
  const owner = guestOwner();
  await addToCart(db, owner, b.place.territory.id, { productId: b.bread.id, quantity });
  const placed = await placeOrders(db, {
    now: b.now, actor: anonymous, owner, territoryId: b.place.territory.id,
    input: { idempotencyKey: randomUUID(), contact: person(), shops: [{ shopId: b.shop.id, pickupPointId: b.door.id, slotStartsAt: startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
  });
  return db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId } });
}

const booked = async (b: Bakery, startsAt: Date) =>
  (await db.slotCounter.findUnique({ where: { shopId_pickupPointId_startsAt: { shopId: b.shop.id, pickupPointId: b.door.id, startsAt } } }))?.booked ?? 0;

async function emailedLink(orderId: string) {
  const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId, kind: "slot-move-proposed" }, orderBy: { createdAt: "desc" } });
  const match = /\/creneaux\/([a-z0-9]+)\?s=([A-Za-z0-9_%-]+)/.exec(email.text);
  if (!match) throw new Error(`no link in ${email.text}`);
  return { slotMoveId: match[1]!, secret: decodeURIComponent(match[2]!), email };
}

const close = (b: Bakery, affectedAction?: "keep" | "propose" | "cancel") =>
  addClosure(db, { actor: b.owner, shopId: b.shop.id, now: b.now, input: { startsOn: b.closedDay, endsOn: b.closedDay, reason: "Obsèques", affectedAction } });

describe("the shop closes a slot that has orders (issue #24, item 4)", () => {
  it("refuses to save silently; 'propose' offers each customer the nearest free slots, and the one they choose is taken — counters exact", async () => {
    const b = await bakery();
    const order = await orderAt(b, b.onClosedDay[2]!.startsAt);
    await expect(close(b)).rejects.toMatchObject({ details: { reason: "affectsOrders", affected: [expect.objectContaining({ id: order.id })] } });
    expect(await db.pickupClosure.count({ where: { shopId: b.shop.id } })).toBe(0);

    const saved = await close(b, "propose");
    expect(saved).toMatchObject({ proposed: 1, cancelled: 0, untouched: 0 });
    const link = await emailedLink(order.id);
    expect(link.email.subject).toContain("votre créneau est fermé");
    expect(link.email.text).toContain("(Obsèques)");
    const view = await slotMoveForLink(db, link);
    expect(view.options).toHaveLength(3);
    // None on the closed day, nearest first.
    expect(view.options.every((o) => toLocal(o.startsAt).date !== b.closedDay)).toBe(true);
    expect(view.options.map((o) => o.startsAt.getTime())).toEqual([...view.options.map((o) => o.startsAt.getTime())].sort((x, y) => x - y));
    expect(view.expiresAt.getTime()).toBeGreaterThan(b.now.getTime());

    const chosen = view.options[1]!;
    expect(await answerSlotMove(db, { now: b.now, actor: anonymous, input: { ...link, choice: "1" } })).toEqual({ outcome: "moved", slotStartsAt: chosen.startsAt });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    // The shop's move is not one of the customer's reschedules, but the calendar event's SEQUENCE goes up.
    expect(after).toMatchObject({ status: "CONFIRMED", slotStartsAt: chosen.startsAt, rescheduleCount: 0, calendarSequence: 1 });
    expect([await booked(b, b.onClosedDay[2]!.startsAt), await booked(b, chosen.startsAt)]).toEqual([0, 1]);
    const rescheduled = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "order-rescheduled" } });
    expect(rescheduled.attachments).toBeTruthy();
    expect(rescheduled.text).not.toContain("Sans réponse");
    expect(JSON.stringify(rescheduled.attachments)).toContain("SEQUENCE:1");
    // Once only, the job has nothing left to do.
    await expect(answerSlotMove(db, { now: b.now, actor: anonymous, input: { ...link, choice: "cancel" } })).rejects.toMatchObject({ details: { reason: "slotMoveDecided" } });
    expect(await expireSlotMove(db, { slotMoveId: link.slotMoveId, now: new Date(view.expiresAt.getTime() + 1) })).toEqual({ outcome: "decided" });
  });

  it("unanswered: the deadline moves the order to the first slot offered that is still free — a full one is passed over", async () => {
    const b = await bakery(1);
    const order = await orderAt(b, b.onClosedDay[3]!.startsAt);
    await close(b, "propose");
    const link = await emailedLink(order.id);
    const view = await slotMoveForLink(db, link);
    // Someone else takes the first slot offered meanwhile.
    await orderAt(b, view.options[0]!.startsAt);
    const later = new Date(view.expiresAt.getTime() + 1000);
    await expect(answerSlotMove(db, { now: later, actor: anonymous, input: { ...link, choice: "0" } })).rejects.toMatchObject({ details: { reason: "slotMoveExpired" } });
    expect(await expireSlotMove(db, { slotMoveId: link.slotMoveId, now: later })).toEqual({ outcome: "moved" });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.slotStartsAt).toEqual(view.options[1]!.startsAt);
    // Told why: the move is not one they made.
    expect((await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "order-rescheduled" } })).text).toContain("Sans réponse de votre part avant l’échéance");
    expect([await booked(b, view.options[0]!.startsAt), await booked(b, view.options[1]!.startsAt)]).toEqual([1, 1]);
    expect(await db.slotMove.findUniqueOrThrow({ where: { id: link.slotMoveId } })).toMatchObject({ status: "MOVED", answered: false });
  });

  it("the customer may cancel instead; 'cancel and refund' cancels at once; 'keep' leaves the orders — stock and places given back", async () => {
    const b = await bakery();
    const asking = await orderAt(b, b.onClosedDay[1]!.startsAt, 3);
    const other = await orderAt(b, b.onClosedDay[4]!.startsAt, 2);
    await close(b, "propose");
    const link = await emailedLink(asking.id);
    expect(await answerSlotMove(db, { now: b.now, actor: anonymous, input: { slotMoveId: link.slotMoveId, token: asking.accessToken, choice: "cancel" } })).toEqual({ outcome: "cancelled" });
    expect(await db.order.findUniqueOrThrow({ where: { id: asking.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await booked(b, b.onClosedDay[1]!.startsAt)).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: b.bread.id } })).stock).toBe(1000 - 2);
    expect(await db.slotMove.count({ where: { orderId: other.id, status: "PROPOSED" } })).toBe(1);

    const c = await bakery();
    const cancelled = await orderAt(c, c.onClosedDay[1]!.startsAt, 4);
    expect(await close(c, "cancel")).toMatchObject({ proposed: 0, cancelled: 1 });
    expect(await db.order.findUniqueOrThrow({ where: { id: cancelled.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Fermeture exceptionnelle du commerce : Obsèques" });
    expect((await db.product.findUniqueOrThrow({ where: { id: c.bread.id } })).stock).toBe(1000);
    expect(await db.outgoingEmail.count({ where: { orderId: cancelled.id, kind: { contains: "cancel" } } })).toBeGreaterThan(0);

    const k = await bakery();
    const kept = await orderAt(k, k.onClosedDay[1]!.startsAt);
    expect(await close(k, "keep")).toMatchObject({ proposed: 0, cancelled: 0, untouched: 1 });
    expect(await db.order.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "CONFIRMED", slotStartsAt: kept.slotStartsAt });
  });

  it("links: tampered, foreign, or answered by the shop — a 404 and nothing changed; a choice outside the offer is refused", async () => {
    const b = await bakery();
    const order = await orderAt(b, b.onClosedDay[1]!.startsAt);
    const other = await orderAt(b, b.onClosedDay[2]!.startsAt);
    await close(b, "propose");
    const link = await emailedLink(order.id);
    const foreign = await emailedLink(other.id);
    await expect(slotMoveForLink(db, { slotMoveId: link.slotMoveId, secret: tampered(link.secret) })).rejects.toMatchObject({ code: "notFound" });
    await expect(slotMoveForLink(db, { slotMoveId: link.slotMoveId, secret: foreign.secret })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSlotMove(db, { now: b.now, actor: anonymous, input: { slotMoveId: link.slotMoveId, secret: foreign.secret, choice: "0" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSlotMove(db, { now: b.now, actor: anonymous, input: { slotMoveId: link.slotMoveId, token: other.accessToken, choice: "0" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSlotMove(db, { now: b.now, actor: b.owner, input: { slotMoveId: link.slotMoveId, choice: "0" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSlotMove(db, { now: b.now, actor: anonymous, input: { ...link, choice: "7" } })).rejects.toThrow(/choiceInvalid/);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CONFIRMED", slotStartsAt: order.slotStartsAt });
    expect(await slotMoveForLink(db, link)).toMatchObject({ status: "PROPOSED" });
  });

  it("two customers choosing the last place of an offered slot: one moves, the other is told it is full and can choose again — 20 rounds, counters exact", async () => {
    const b = await bakery(1);
    const target = b.slots.find((s) => toLocal(s.startsAt).date > b.closedDay)!;
    let round = 0;
    for (const slot of b.slots.filter((s) => s.startsAt.getTime() < target.startsAt.getTime()).slice(0, 40)) {
      if (round >= 20) break;
      const pair = [await orderAt(b, slot.startsAt), await orderAt(b, b.slots[b.slots.indexOf(slot) + 40]!.startsAt)];
      // Both are offered the same free slot (the test's own offer, as a closure would make it).
      const free = (await listAvailableSlots(db, { shopId: b.shop.id, pickupPointId: b.door.id, now: b.now })).filter((s) => s.remaining > 0 && s.startsAt > target.startsAt).at(-1)!;
      const offer: SlotOption = { pickupPointId: b.door.id, startsAt: free.startsAt.toISOString(), endsAt: free.endsAt.toISOString() };
      const moves = [];
      for (const order of pair) {
        const made = await proposeSlotMove(db, { orderId: order.id, reason: "", actorUserId: null, now: b.now });
        if (made.outcome !== "proposed") throw new Error("nothing offered");
        await db.slotMove.update({ where: { id: made.slotMoveId }, data: { options: [offer] } });
        moves.push({ ...(await emailedLink(order.id)), order });
      }
      const outcomes = await Promise.allSettled(moves.map((m) => answerSlotMove(db, { now: b.now, actor: anonymous, input: { slotMoveId: m.slotMoveId, secret: m.secret, choice: "0" } })));
      expect(outcomes.filter((o) => o.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ details: { reason: "slotFull" } });
      expect(await booked(b, free.startsAt)).toBe(1);
      const loser = moves[outcomes[0]!.status === "fulfilled" ? 1 : 0]!;
      expect(await slotMoveForLink(db, loser)).toMatchObject({ status: "PROPOSED" });
      expect((await db.order.findUniqueOrThrow({ where: { id: loser.order.id } })).slotStartsAt).toEqual(loser.order.slotStartsAt);
      round++;
    }
    expect(round).toBe(20);
  });
});
