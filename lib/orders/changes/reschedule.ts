import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus, PickupPointKind as PointKind } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { toLocal } from "@/lib/time/zoned";
import { queueRescheduledEmail } from "../emails/follow-up-emails";
import { scheduleFollowUps } from "../emails/follow-ups";
import { mayCancelAsCustomer } from "../order-access";
import { pointsForOrder, RESCHEDULABLE } from "./reschedule-options";

const rescheduleInput = z.object({
  orderId: z.string().min(1).max(64),
  token: z.string().max(200).optional(),
  pickupPointId: z.string().min(1).max(64),
  slotStartsAt: z.iso.datetime({ offset: true, message: "slotInvalid" }),
});

type Counter = { kind: "shop" | "relay"; pickupPointId: string; startsAt: Date; endsAt: Date; capacity: number; change: 1 | -1 };

/**
 * Takes a place in the new slot and gives one back in the old, in one order for
 * everyone (point, then start): two customers swapping slots wait for each other
 * instead of deadlocking. A full new slot refuses, and the caller's transaction
 * rolls back whole.
 */
async function moveCounters(tx: Tx, shopId: string, counters: Counter[]): Promise<void> {
  const ordered = [...counters].sort((a, b) => `${a.kind}|${a.pickupPointId}|${a.startsAt.toISOString()}`.localeCompare(`${b.kind}|${b.pickupPointId}|${b.startsAt.toISOString()}`));
  for (const c of ordered) {
    if (c.kind === "shop" && c.change === 1) {
      const booked = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "SlotCounter" ("id", "shopId", "pickupPointId", "startsAt", "endsAt", "capacity", "booked")
        VALUES (${randomUUID()}, ${shopId}, ${c.pickupPointId}, ${c.startsAt}, ${c.endsAt}, ${c.capacity}, 1)
        ON CONFLICT ("shopId", "pickupPointId", "startsAt")
        DO UPDATE SET "booked" = "SlotCounter"."booked" + 1, "capacity" = EXCLUDED."capacity"
        WHERE "SlotCounter"."booked" < EXCLUDED."capacity"
        RETURNING "id"`;
      if (booked.length === 0) throw new DomainError("conflict", "the slot is full", { reason: "slotFull" });
    } else if (c.kind === "relay" && c.change === 1) {
      const booked = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "RelayPointSlotCounter" ("id", "pickupPointId", "startsAt", "endsAt", "capacity", "booked")
        VALUES (${randomUUID()}, ${c.pickupPointId}, ${c.startsAt}, ${c.endsAt}, ${c.capacity}, 1)
        ON CONFLICT ("pickupPointId", "startsAt")
        DO UPDATE SET "booked" = "RelayPointSlotCounter"."booked" + 1, "capacity" = EXCLUDED."capacity"
        WHERE "RelayPointSlotCounter"."booked" < EXCLUDED."capacity"
        RETURNING "id"`;
      if (booked.length === 0) throw new DomainError("conflict", "the relay point is full then", { reason: "slotFull" });
    } else if (c.kind === "shop") {
      await tx.$executeRaw`UPDATE "SlotCounter" SET "booked" = "booked" - 1 WHERE "shopId" = ${shopId} AND "pickupPointId" = ${c.pickupPointId} AND "startsAt" = ${c.startsAt} AND "booked" > 0`;
    } else {
      await tx.$executeRaw`UPDATE "RelayPointSlotCounter" SET "booked" = "booked" - 1 WHERE "pickupPointId" = ${c.pickupPointId} AND "startsAt" = ${c.startsAt} AND "booked" > 0`;
    }
  }
}

/**
 * The customer moves their order to another slot — or another pickup point of the
 * same shop — until the shop starts preparing it, within the shop's rules and at
 * most `maxReschedules` times. One transaction: the new place taken (refused if
 * full, nothing changed), the old one freed, reminder and no-show jobs moved to
 * the new slot (same job keys), the change in the history, and an email with the
 * calendar file replacing the old one (same UID, higher SEQUENCE). Conditional on
 * the order as read: racing "start preparing" or another change, one wins.
 */
export async function rescheduleOrder(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<{ slotStartsAt: Date; rescheduleCount: number }> {
  const input = rescheduleInput.parse(request.input);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true, status: true, shopId: true, customerId: true, placedById: true, territoryId: true, accessToken: true, pickupPointId: true, slotStartsAt: true, slotEndsAt: true, rescheduleCount: true, relayBasketId: true,
      pickupPoint: { select: { kind: true, capacityPerSlot: true } }, shop: { select: { maxReschedules: true } },
    },
  });
  if (!order || !mayCancelAsCustomer(request.actor, order, input.token)) throw new NotFoundError("order");
  if (!(RESCHEDULABLE as readonly string[]).includes(order.status)) throw new DomainError("conflict", "being prepared already", { reason: "notReschedulable" });
  if (order.rescheduleCount >= order.shop.maxReschedules) throw new DomainError("conflict", "no change left", { reason: "rescheduleLimit", max: order.shop.maxReschedules });
  const point = (await pointsForOrder(db, { shopId: order.shopId, pickupPointKind: order.pickupPoint.kind, pickupPointId: order.pickupPointId })).find((p) => p.id === input.pickupPointId);
  if (!point) throw new DomainError("invalidInput", "not a point of this shop", { reason: "pickupPointInvalid" });
  const wanted = new Date(input.slotStartsAt);
  if (point.id === order.pickupPointId && wanted.getTime() === order.slotStartsAt.getTime()) throw new DomainError("invalidInput", "the same slot", { reason: "sameSlot" });
  const day = toLocal(wanted).date;
  const slot = (await listAvailableSlots(db, { shopId: order.shopId, pickupPointId: point.id, now: request.now, fromDate: day, toDate: day, includeFull: true })).find((s) => s.startsAt.getTime() === wanted.getTime());
  if (!slot) throw new DomainError("invalidInput", "not a slot the shop offers now", { reason: "slotInvalid" });
  if (slot.remaining <= 0) throw new DomainError("conflict", "the slot is full", { reason: "slotFull" });

  return db.$transaction(async (tx) => {
    await moveOrderToSlot(tx, {
      order, point, slot, now: request.now, byCustomer: true,
      actorUserId: request.actor.kind === "user" ? request.actor.userId : null, note: "créneau changé par le client",
    });
    return { slotStartsAt: slot.startsAt, rescheduleCount: order.rescheduleCount + 1 };
  });
}

export type OrderToMove = {
  id: string; status: OrderStatus; shopId: string; pickupPointId: string; slotStartsAt: Date; slotEndsAt: Date; rescheduleCount: number;
  pickupPoint: { kind: PointKind; capacityPerSlot: number | null };
};
export type SlotTarget = { point: { id: string; kind: PointKind; capacityPerSlot: number | null }; slot: { startsAt: Date; endsAt: Date; capacity: number } };

/**
 * Inside the caller's transaction: the order to another slot (and point), conditional
 * on the order as read — the new place taken (a full slot refuses and the caller's
 * transaction rolls back), the old one freed, reminder and no-show jobs moved (same
 * keys), the change in the history, and the email with the calendar file replacing
 * the old event (its SEQUENCE counts every move). The customer's own moves count
 * against the shop's limit; a move the shop caused (a closure) does not.
 */
export async function moveOrderToSlot(tx: Tx, move: SlotTarget & { order: OrderToMove; now: Date; byCustomer: boolean; actorUserId: string | null; note: string; statuses?: readonly OrderStatus[];
  /** Said to the customer when the move is not theirs (a deadline passed unanswered) */
  emailWhy?: string;
}): Promise<void> {
  const { order, point, slot } = move;
  const moved = await tx.order.updateMany({
    where: { id: order.id, status: { in: [...(move.statuses ?? RESCHEDULABLE)] }, slotStartsAt: order.slotStartsAt, pickupPointId: order.pickupPointId, rescheduleCount: order.rescheduleCount },
    data: {
      slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, pickupPointId: point.id, calendarSequence: { increment: 1 }, reminderSentAt: null,
      ...(move.byCustomer ? { rescheduleCount: { increment: 1 } } : {}),
      // A relay basket is one checkout's orders at one point: an order leaving the point leaves the basket (its own code still works).
      ...(point.id !== order.pickupPointId ? { relayBasketId: null } : {}),
    },
  });
  if (moved.count === 0) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
  const counters: Counter[] = [
    { kind: "shop", pickupPointId: point.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity, change: 1 },
    { kind: "shop", pickupPointId: order.pickupPointId, startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, capacity: 0, change: -1 },
  ];
  if (point.kind === "RELAY_POINT" && point.capacityPerSlot !== null) counters.push({ kind: "relay", pickupPointId: point.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: point.capacityPerSlot, change: 1 });
  if (order.pickupPoint.kind === "RELAY_POINT" && order.pickupPoint.capacityPerSlot !== null) counters.push({ kind: "relay", pickupPointId: order.pickupPointId, startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, capacity: 0, change: -1 });
  await moveCounters(tx, order.shopId, counters);
  await tx.orderEvent.create({
    data: {
      orderId: order.id, fromStatus: order.status, toStatus: order.status, actorUserId: move.actorUserId, change: "RESCHEDULED", note: move.note,
      details: { byShop: !move.byCustomer, before: { pickupPointId: order.pickupPointId, slotStartsAt: order.slotStartsAt.toISOString() }, after: { pickupPointId: point.id, slotStartsAt: slot.startsAt.toISOString() } },
    },
  });
  // Same job keys: the reminder and the no-show check move to the new slot.
  await scheduleFollowUps(tx, [order.id], move.now);
  await queueRescheduledEmail(tx, order.id, move.emailWhy);
}
