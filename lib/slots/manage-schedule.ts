import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, isDomainError, NotFoundError } from "@/lib/errors";
import { cancelOrderForClosure, proposeSlotMove, SHOP_CANCELLABLE_FOR_CLOSURE, SHOP_MOVABLE } from "@/lib/orders/changes/slot-moves";
import { HOLDS_STOCK } from "@/lib/orders/status";
import { readScheduleDefaults, suggestedRows } from "@/lib/territory/schedule-defaults";
import { toLocal } from "@/lib/time/zoned";
import { generateSlots, type ScheduleRule } from "./generate-slots";
import { closureInput, toScheduleRules, weeklyScheduleInput } from "./schedule-input";

export type AffectedOrder = { id: string; reference: string; contactName: string; slotStartsAt: Date };

/** Points the shop has slots at: its door, the relay points it serves, and its delivery rounds. */
async function shopPoints(db: PrismaClient, shopId: string) {
  return db.pickupPoint.findMany({
    where: { OR: [{ shopId }, { servedBy: { some: { shopId } } }, { deliveryShopId: shopId }] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true },
  });
}

/** The schedule editor's data: every pickup point with its weekly rules, and the shop's closures. */
export async function getScheduleEditor(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  const member = requireShopMember(request.actor, request.shopId);
  const [points, rules, closures, shop] = await Promise.all([
    shopPoints(db, request.shopId),
    db.pickupScheduleRule.findMany({ where: { shopId: request.shopId }, orderBy: [{ weekday: "asc" }, { opensAtMinute: "asc" }] }),
    db.pickupClosure.findMany({ where: { shopId: request.shopId, endsOn: { gte: new Date(`${toLocal(new Date()).date}T00:00:00Z`) } }, orderBy: { startsOn: "asc" } }),
    db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { territory: { select: { name: true, defaultSchedule: true } } } }),
  ]);
  return {
    canEdit: member.shopRole === "OWNER",
    // The town's suggested hours, offered where a point has no rule yet (saved only when the owner saves).
    suggested: { townName: shop.territory.name, rows: suggestedRows(readScheduleDefaults(shop.territory.defaultSchedule)) },
    points: points.map((p) => ({ ...p, rules: rules.filter((r) => r.pickupPointId === p.id) })),
    closures: closures.map((c) => ({ ...c, startsOn: c.startsOn.toISOString().slice(0, 10), endsOn: c.endsOn.toISOString().slice(0, 10) })),
  };
}

/** Booked orders at a point whose slot a new set of rules would no longer offer. */
async function ordersOutsideRules(db: PrismaClient, shopId: string, pickupPointId: string, rules: ScheduleRule[], now: Date): Promise<(AffectedOrder & { status: OrderStatus })[]> {
  const orders = await db.order.findMany({
    where: { shopId, pickupPointId, status: { in: HOLDS_STOCK }, slotStartsAt: { gte: now } },
    orderBy: { slotStartsAt: "asc" },
    select: { id: true, reference: true, contactName: true, slotStartsAt: true, status: true },
  });
  if (orders.length === 0) return [];
  const last = toLocal(orders.at(-1)?.slotStartsAt ?? now).date;
  // Match on the hours only: lead time, cut-off and horizon do not apply to orders already booked.
  const offered = generateSlots({ rules: rules.map((r) => ({ ...r, leadTimeMinutes: 0, sameDayCutoffMinute: null, horizonDays: 366 })), now, toDate: last });
  const starts = new Set(offered.map((s) => s.startsAt.getTime()));
  return orders.filter((o) => !starts.has(o.slotStartsAt.getTime()));
}

/**
 * The owner replaces a pickup point's weekly rules. Orders already booked in
 * slots the new rules drop are never touched silently: without a choice the
 * change is refused with the list of those orders; with one, the rules are saved
 * and those orders are offered the nearest slots the new rules keep, cancelled and
 * refunded, or kept (`acknowledgeAffected` alone means kept), as for a closure.
 */
export async function saveWeeklySchedule(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown; now?: Date }) {
  const owner = requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = weeklyScheduleInput.parse(request.input);
  const now = request.now ?? new Date();
  const points = await shopPoints(db, request.shopId);
  if (!points.some((p) => p.id === input.pickupPointId)) throw new NotFoundError("pickup point");
  const rules = toScheduleRules(input.rules);
  const affected = await ordersOutsideRules(db, request.shopId, input.pickupPointId, rules, now);
  if (affected.length > 0 && !input.acknowledgeAffected && !input.affectedAction) throw new DomainError("conflict", "booked orders fall outside the new schedule", { reason: "affectsOrders", affected });
  await db.$transaction([
    db.pickupScheduleRule.deleteMany({ where: { shopId: request.shopId, pickupPointId: input.pickupPointId } }),
    db.pickupScheduleRule.createMany({ data: rules.map((r) => ({ ...r, shopId: request.shopId, pickupPointId: input.pickupPointId })) }),
  ]);
  // After the rules are saved, so the slots offered instead are the new rules' own.
  const moved = await moveAffectedOrders(db, { orders: affected, action: input.affectedAction ?? "keep", reason: "nouveaux horaires de retrait", actorUserId: owner.userId, now });
  return { affected, ...moved };
}

/** The owner closes the shop (or one pickup point) on some dates, warned about orders booked then. */
export async function addClosure(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown; now?: Date }) {
  const owner = requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = closureInput.parse(request.input);
  if (input.pickupPointId && !(await shopPoints(db, request.shopId)).some((p) => p.id === input.pickupPointId)) throw new NotFoundError("pickup point");
  const now = request.now ?? new Date();
  const candidates = await db.order.findMany({
    where: { shopId: request.shopId, status: { in: HOLDS_STOCK }, slotStartsAt: { gte: now }, ...(input.pickupPointId ? { pickupPointId: input.pickupPointId } : {}) },
    select: { id: true, reference: true, contactName: true, slotStartsAt: true, status: true },
    orderBy: { slotStartsAt: "asc" },
  });
  const affected = candidates.filter((o) => {
    const day = toLocal(o.slotStartsAt).date;
    return input.startsOn <= day && day <= input.endsOn;
  });
  if (affected.length > 0 && !input.acknowledgeAffected && !input.affectedAction) throw new DomainError("conflict", "booked orders fall on these dates", { reason: "affectsOrders", affected });
  const closure = await db.pickupClosure.create({
    data: { shopId: request.shopId, pickupPointId: input.pickupPointId, startsOn: new Date(`${input.startsOn}T00:00:00Z`), endsOn: new Date(`${input.endsOn}T00:00:00Z`), reason: input.reason },
    select: { id: true },
  });
  const moved = await moveAffectedOrders(db, { orders: affected, action: input.affectedAction ?? "keep", reason: input.reason, actorUserId: owner.userId, now });
  return { closureId: closure.id, affected, ...moved };
}

export type ClosureOutcome = { proposed: number; cancelled: number; untouched: number };

/**
 * After the closure is saved (so the slots it closes are no longer offered): each
 * booked order, in its own transaction, is offered the nearest free slots or
 * cancelled and refunded, as the shop chose. An order that moved on meanwhile, or
 * that is past being moved (at a relay point, on a round), is left as it is.
 */
async function moveAffectedOrders(db: PrismaClient, request: { orders: (AffectedOrder & { status: OrderStatus })[]; action: "keep" | "propose" | "cancel"; reason: string; actorUserId: string; now: Date }): Promise<ClosureOutcome> {
  const outcome: ClosureOutcome = { proposed: 0, cancelled: 0, untouched: 0 };
  for (const order of request.orders) {
    try {
      if (request.action === "propose" && SHOP_MOVABLE.includes(order.status)) {
        const result = await proposeSlotMove(db, { orderId: order.id, reason: request.reason, actorUserId: request.actorUserId, now: request.now });
        outcome[result.outcome]++;
      } else if (request.action === "cancel" && SHOP_CANCELLABLE_FOR_CLOSURE.includes(order.status)) {
        await cancelOrderForClosure(db, { orderId: order.id, reason: request.reason, actorUserId: request.actorUserId, now: request.now });
        outcome.cancelled++;
      } else outcome.untouched++;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcome.untouched++;
    }
  }
  return outcome;
}

export async function removeClosure(db: PrismaClient, request: { actor: Actor; shopId: string; closureId: string }) {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const removed = await db.pickupClosure.deleteMany({ where: { id: request.closureId, shopId: request.shopId } });
  if (removed.count === 0) throw new NotFoundError("closure");
}
