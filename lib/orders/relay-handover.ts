import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireOperator, requireUser } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { verifyPickupCode } from "./pickup-code-check";

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

/** What the relay point holds for customers, and what shops are bringing. */
export async function getRelayDesk(db: PrismaClient, request: { actor: Actor; pickupPointId: string }) {
  const point = await relayPoint(db, request.actor, request.pickupPointId);
  const orders = await db.order.findMany({
    where: { pickupPointId: point.id, status: { in: ["AT_RELAY_POINT", "PREPARING", "CONFIRMED"] } },
    orderBy: [{ slotStartsAt: "asc" }],
    take: 300,
    select: { id: true, reference: true, status: true, contactName: true, slotStartsAt: true, slotEndsAt: true, totalCents: true, paymentMethod: true, shop: { select: { name: true } }, _count: { select: { lines: true } } },
  });
  return { point, waiting: orders.filter((o) => o.status === "AT_RELAY_POINT"), incoming: orders.filter((o) => o.status !== "AT_RELAY_POINT") };
}

const handOverInput = z.object({ orderId: z.string().min(1).max(64), pickupCode: z.string().trim().toUpperCase().min(1, "pickupCodeRequired").max(12) });

/** Relay point staff hand an order over against its pickup code. */
export async function handOverAtRelay(db: PrismaClient, request: { actor: Actor; pickupPointId: string; input: unknown }) {
  const point = await relayPoint(db, request.actor, request.pickupPointId);
  const input = handOverInput.parse(request.input);
  const order = await db.order.findFirst({ where: { id: input.orderId, pickupPointId: point.id }, select: { id: true, checkoutId: true, paymentMethod: true, status: true, pickupCode: true } });
  if (!order) throw new NotFoundError("order");
  if (order.status !== "AT_RELAY_POINT") throw new DomainError("conflict", "not at the relay point", { reason: "illegalTransition" });
  await verifyPickupCode(db, { orderId: order.id, userId: requireUser(request.actor).userId, expected: order.pickupCode, given: input.pickupCode });
  await db.$transaction(async (tx) => {
    const updated = await tx.order.updateMany({ where: { id: order.id, status: "AT_RELAY_POINT" }, data: { status: "COLLECTED" } });
    if (updated.count === 0) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: "AT_RELAY_POINT", toStatus: "COLLECTED", actorUserId: request.actor.kind === "user" ? request.actor.userId : null, note: `remise au point relais ${point.name}` } });
    await queuePaymentFollowUp(tx, { id: order.id, checkoutId: order.checkoutId, paymentMethod: order.paymentMethod, status: "COLLECTED" });
  });
}
