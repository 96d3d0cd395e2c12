import { z } from "zod";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { verifyPickupCode } from "./pickup-code-check";
import { awaitsWeighing } from "@/lib/payments/amounts";
import { canTransition, MOVES, type MoveName } from "../lifecycle/moves";
import { transition } from "../lifecycle/transition";

export const SHOP_ACTIONS = ["startPreparing", "markReady", "markAtRelayPoint", "markCollected", "startDelivery", "markDelivered", "markAbsent", "cancel", "markNoShow"] as const;
export type ShopAction = (typeof SHOP_ACTIONS)[number];

export const shopTransitionInput = z.object({
  orderId: z.string().min(1).max(64),
  action: z.enum(SHOP_ACTIONS),
  pickupCode: z.string().trim().toUpperCase().max(12).optional(),
  reason: z.string().trim().max(300).optional(),
});

/** The table's move each action asks for (lib/orders/lifecycle/moves.ts): its statuses, target and effects. */
const MOVE_OF: Record<ShopAction, MoveName> = {
  startPreparing: "startPreparing",
  markReady: "markReady",
  markAtRelayPoint: "markAtRelayPoint",
  markCollected: "markCollected",
  startDelivery: "startDelivery",
  markDelivered: "markDelivered",
  markAbsent: "markAbsent",
  cancel: "shopCancels",
  markNoShow: "markNoShow",
};

/** Statuses from which each action is legal, read from the table. */
function legalSources(action: ShopAction): readonly OrderStatus[] {
  return MOVES[MOVE_OF[action]].from;
}

type PointKind = "SHOP_DOOR" | "RELAY_POINT" | "DELIVERY";

/**
 * Which actions fit how the order reaches its customer: the door hands over at the counter, a relay point's
 * orders are dropped there, a delivery goes out on its round and is handed over (or found absent) at the address.
 */
function fitsFulfilment(action: ShopAction, kind: PointKind, from: OrderStatus): boolean {
  switch (action) {
    case "markReady": return kind !== "RELAY_POINT";
    case "markAtRelayPoint": return kind === "RELAY_POINT";
    case "markCollected": case "markNoShow": return kind !== "DELIVERY";
    case "startDelivery": return kind === "DELIVERY";
    case "markDelivered": case "markAbsent": return kind === "DELIVERY" && from === "OUT_FOR_DELIVERY";
    default: return true;
  }
}

const WRONG_FULFILMENT: Partial<Record<ShopAction, string>> = {
  markReady: "useRelayDrop",
  markAtRelayPoint: "notRelayOrder",
  markCollected: "useDelivered",
  markNoShow: "useAbsent",
  startDelivery: "notDeliveryOrder",
  markDelivered: "notOutForDelivery",
  markAbsent: "notOutForDelivery",
};

/**
 * A shop member moves one of the shop's orders along its life. The state
 * machine decides what is legal (not the UI); the status update is conditional
 * on the status read, so two people at the counter cannot both apply a change.
 * What else the move does (cancel and no-show give back stock and the slot place, the
 * customer's email, the payment's follow-up) is the table's, in the same transaction.
 */
export async function transitionOrderByShop(
  db: PrismaClient,
  request: { actor: Actor; input: unknown; now: Date },
): Promise<{ orderId: string; from: OrderStatus; to: OrderStatus }> {
  const input = shopTransitionInput.parse(request.input);
  const now = request.now;
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, shopId: true, status: true, pickupCode: true, slotEndsAt: true, pickupPoint: { select: { kind: true } }, lines: { select: { productId: true, quantity: true, deliveredQuantity: true, soldByWeight: true, actualGrams: true } } },
  });
  if (!order) throw new NotFoundError("order");
  const member = requireShopMember(request.actor, order.shopId);
  const to = MOVES[MOVE_OF[input.action]].to;
  // Nothing in the table reaches `to` from here: illegal; something does, but not this action (a delivery's step on a counter order): say which.
  if (!canTransition(order.status, to)) throw new DomainError("conflict", `cannot go from ${order.status} to ${to}`, { reason: "illegalTransition", from: order.status });
  if (!fitsFulfilment(input.action, order.pickupPoint.kind, order.status)) {
    throw new DomainError("conflict", `${input.action} does not fit a ${order.pickupPoint.kind} order in ${order.status}`, { reason: WRONG_FULFILMENT[input.action] ?? "illegalTransition" });
  }
  if (!legalSources(input.action).includes(order.status)) throw new DomainError("conflict", `cannot ${input.action} from ${order.status}`, { reason: "illegalTransition", from: order.status });
  if ((input.action === "markReady" || input.action === "markAtRelayPoint") && order.lines.some(awaitsWeighing)) {
    throw new DomainError("conflict", "weigh the lines sold by weight first", { reason: "weighFirst" });
  }
  if (input.action === "markNoShow" && order.slotEndsAt.getTime() > now.getTime()) {
    throw new DomainError("conflict", "the slot has not ended", { reason: "slotNotEnded" });
  }
  if ((input.action === "cancel" || input.action === "markAbsent") && !input.reason) throw new DomainError("invalidInput", "a reason is required", { reason: "reasonRequired" });
  if (input.action === "markCollected" || input.action === "markDelivered") await verifyPickupCode(db, { orderId: order.id, userId: member.userId, expected: order.pickupCode, given: input.pickupCode });

  // The move's effects (stock and places, vouchers, the customer's email, the payment) are the table's.
  await db.$transaction(async (tx) => {
    const moved = await transition(tx, MOVE_OF[input.action], { orderId: order.id, from: order.status, actorUserId: member.userId, note: input.reason ?? "", reason: input.reason }, now);
    if (!moved) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
  });
  return { orderId: order.id, from: order.status, to };
}

/** The actions the counter can offer for an order, from the same rules the use case enforces. */
export function availableShopActions(order: { status: OrderStatus; pickupPointKind: PointKind; slotEndsAt: Date }, now: Date): ShopAction[] {
  return SHOP_ACTIONS.filter((action) => {
    if (!legalSources(action).includes(order.status)) return false;
    if (!fitsFulfilment(action, order.pickupPointKind, order.status)) return false;
    if (action === "markNoShow") return order.slotEndsAt.getTime() <= now.getTime();
    return true;
  });
}
