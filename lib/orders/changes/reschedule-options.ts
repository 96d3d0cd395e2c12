import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { mayCancelAsCustomer } from "../order-access";

/** An order can move to another slot until the shop starts preparing it (issue #24, item 3). */
export const RESCHEDULABLE = ["CONFIRMED"] as const;

export type RescheduleChoice = { pickupPointId: string; pointName: string; slots: { startsAt: Date; endsAt: Date; remaining: number }[] };

/** The order's points that can take a collection: its shop's door and the relay points it serves (a delivery stays a delivery). */
export async function pointsForOrder(db: PrismaClient, order: { shopId: string; pickupPointKind: string; pickupPointId: string }) {
  if (order.pickupPointKind === "DELIVERY") return db.pickupPoint.findMany({ where: { id: order.pickupPointId, active: true }, select: { id: true, name: true, kind: true, capacityPerSlot: true } });
  return db.pickupPoint.findMany({
    where: { active: true, OR: [{ kind: "SHOP_DOOR", shopId: order.shopId }, { kind: "RELAY_POINT", servedBy: { some: { shopId: order.shopId } } }] },
    select: { id: true, name: true, kind: true, capacityPerSlot: true },
    orderBy: [{ kind: "desc" }, { name: "asc" }],
  });
}

/**
 * What the customer may move their order to: for each point of the shop, the free
 * slots within the shop's rules (lead time, cut-off, horizon, closures, capacity),
 * without the one it is in. Null when the order can no longer move (being
 * prepared, or the shop's number of changes used up) — or is not theirs to move.
 */
export async function rescheduleChoices(db: PrismaClient, request: { actor: Actor; orderId: string; token?: string | null; now: Date }): Promise<{ left: number; choices: RescheduleChoice[] } | null> {
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: { id: true, status: true, shopId: true, customerId: true, placedById: true, territoryId: true, accessToken: true, pickupPointId: true, slotStartsAt: true, rescheduleCount: true, pickupPoint: { select: { kind: true } }, shop: { select: { maxReschedules: true } } },
  });
  if (!order || !mayCancelAsCustomer(request.actor, order, request.token)) return null;
  const left = order.shop.maxReschedules - order.rescheduleCount;
  if (!(RESCHEDULABLE as readonly string[]).includes(order.status) || left <= 0) return null;
  const points = await pointsForOrder(db, { shopId: order.shopId, pickupPointKind: order.pickupPoint.kind, pickupPointId: order.pickupPointId });
  const choices = [];
  for (const point of points) {
    const slots = await listAvailableSlots(db, { shopId: order.shopId, pickupPointId: point.id, now: request.now });
    const others = slots.filter((slot) => !(point.id === order.pickupPointId && slot.startsAt.getTime() === order.slotStartsAt.getTime()));
    if (others.length) choices.push({ pickupPointId: point.id, pointName: point.name, slots: others.slice(0, 60).map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, remaining: s.remaining })) });
  }
  return { left, choices };
}
