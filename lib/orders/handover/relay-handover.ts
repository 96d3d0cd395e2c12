import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireOperator, requireUser } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { matchPickupCode, verifyPickupCode } from "./pickup-code-check";
import { HOLDS_STOCK } from "../status";
import { transition } from "../lifecycle/transition";

async function relayPoint(db: PrismaClient, actor: Actor, pickupPointId: string) {
  const point = await db.pickupPoint.findFirst({ where: { id: pickupPointId, kind: "RELAY_POINT" }, select: { id: true, name: true, territoryId: true } });
  if (!point) throw new NotFoundError("relay point");
  // The territory's staff (admins and operators) run its relay points.
  requireOperator(actor, point.territoryId);
  return point;
}

/** Relay points the actor runs. */
export async function listMyRelayPoints(db: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") return [];
  const territoryIds = actor.roles.filter((r) => r.role === "ADMIN" || r.role === "OPERATOR").flatMap((r) => (r.territoryId ? [r.territoryId] : []));
  return db.pickupPoint.findMany({ where: { kind: "RELAY_POINT", territoryId: { in: territoryIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } });
}

const deskOrder = {
  id: true, reference: true, status: true, contactName: true, slotStartsAt: true, slotEndsAt: true, totalCents: true, paymentMethod: true, relayBasketId: true,
  shop: { select: { name: true } }, _count: { select: { lines: true } },
} as const;

/**
 * What the relay point holds for customers, and what shops are bringing. A
 * customer's orders from several shops (a basket, one code) form one group with
 * each order's state, so the desk sees which shops have dropped theirs.
 */
export async function getRelayDesk(db: PrismaClient, request: { actor: Actor; pickupPointId: string }) {
  const point = await relayPoint(db, request.actor, request.pickupPointId);
  const orders = await db.order.findMany({
    where: { pickupPointId: point.id, status: { in: ["AT_RELAY_POINT", "READY", "PREPARING", "CONFIRMED"] } },
    orderBy: [{ slotStartsAt: "asc" }],
    take: 300,
    select: deskOrder,
  });
  const groups = new Map<string, { basketId: string | null; contactName: string; orders: typeof orders }>();
  for (const order of orders) {
    const key = order.relayBasketId ?? order.id;
    const group = groups.get(key) ?? { basketId: order.relayBasketId, contactName: order.contactName, orders: [] };
    group.orders.push(order);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const hasArrived = (group: (typeof all)[number]) => group.orders.some((o) => o.status === "AT_RELAY_POINT");
  return { point, waiting: all.filter(hasArrived), incoming: all.filter((group) => !hasArrived(group)) };
}

const handOverInput = z.object({ orderId: z.string().min(1).max(64), pickupCode: z.string().trim().toUpperCase().min(1, "pickupCodeRequired").max(12) });

/** Relay point staff hand an order over against its pickup code. */
export async function handOverAtRelay(db: PrismaClient, request: { actor: Actor; pickupPointId: string; input: unknown; now: Date }) {
  const point = await relayPoint(db, request.actor, request.pickupPointId);
  const input = handOverInput.parse(request.input);
  const order = await db.order.findFirst({ where: { id: input.orderId, pickupPointId: point.id }, select: { id: true, status: true, pickupCode: true } });
  if (!order) throw new NotFoundError("order");
  if (order.status !== "AT_RELAY_POINT") throw new DomainError("conflict", "not at the relay point", { reason: "illegalTransition" });
  await verifyPickupCode(db, { orderId: order.id, userId: requireUser(request.actor).userId, expected: order.pickupCode, given: input.pickupCode });
  await db.$transaction(async (tx) => {
    const moved = await transition(tx, "relayHandsOver", { orderId: order.id, actorUserId: request.actor.kind === "user" ? request.actor.userId : null, note: `remise au point relais ${point.name}` }, request.now);
    if (!moved) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
  });
}

const basketInput = z.object({ basketId: z.string().min(1).max(64), code: z.string().trim().toUpperCase().min(1, "pickupCodeRequired").max(12) });

/**
 * Relay point staff hand over a customer's basket: with the basket's code, every
 * order of it already dropped at the point (the others stay expected); with one
 * order's own code, that order. Each order's collection is its own conditional
 * update, event and payment follow-up, in one transaction.
 */
export async function handOverBasketAtRelay(db: PrismaClient, request: { actor: Actor; pickupPointId: string; input: unknown; now: Date }): Promise<{ handedOver: string[]; stillExpected: number }> {
  const point = await relayPoint(db, request.actor, request.pickupPointId);
  const input = basketInput.parse(request.input);
  const basket = await db.relayBasket.findFirst({
    where: { id: input.basketId, pickupPointId: point.id },
    select: { id: true, code: true, orders: { select: { id: true, status: true, pickupCode: true } } },
  });
  if (!basket) throw new NotFoundError("basket");
  const present = basket.orders.filter((o) => o.status === "AT_RELAY_POINT");
  if (present.length === 0) throw new DomainError("conflict", "nothing dropped yet", { reason: "nothingAtRelay" });
  const matched = await matchPickupCode(db, { subject: basket.id, userId: requireUser(request.actor).userId, candidates: [basket.code, ...present.map((o) => o.pickupCode)], given: input.code });
  const toHandOver = matched === 0 ? present : present.slice(matched - 1, matched);
  const handedOver = await db.$transaction(async (tx) => {
    const done: string[] = [];
    for (const order of toHandOver) {
      const note = `remise au point relais ${point.name}${matched === 0 ? " (code du panier)" : ""}`;
      if (!(await transition(tx, "relayHandsOver", { orderId: order.id, actorUserId: request.actor.kind === "user" ? request.actor.userId : null, note }, request.now))) continue; // handed over meanwhile by another desk
      done.push(order.id);
    }
    if (done.length === 0) throw new DomainError("conflict", "the orders changed meanwhile", { reason: "orderChanged" });
    return done;
  });
  const stillExpected = basket.orders.filter((o) => HOLDS_STOCK.includes(o.status) && o.status !== "AT_RELAY_POINT").length;
  return { handedOver, stillExpected };
}
