import { z } from "zod";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { queueNoShowEmails } from "../emails/follow-up-emails";
import { queueStatusEmail } from "../emails/order-emails";
import { verifyPickupCode } from "./pickup-code-check";
import { spendVoucherUses } from "@/lib/vouchers/settle";
import { awaitsWeighing } from "@/lib/payments/amounts";
import { refuseWhileSubstitutePending } from "../changes/substitutes";
import { releaseHolds } from "../holds/release-holds";
import { canTransition, TRANSITIONS } from "../status";
import { moveOrder } from "../lifecycle/move-order";

export const SHOP_ACTIONS = ["startPreparing", "markReady", "markAtRelayPoint", "markCollected", "startDelivery", "markDelivered", "markAbsent", "cancel", "markNoShow"] as const;
export type ShopAction = (typeof SHOP_ACTIONS)[number];

export const shopTransitionInput = z.object({
  orderId: z.string().min(1).max(64),
  action: z.enum(SHOP_ACTIONS),
  pickupCode: z.string().trim().toUpperCase().max(12).optional(),
  reason: z.string().trim().max(300).optional(),
});

const TARGET: Record<ShopAction, OrderStatus> = {
  startPreparing: "PREPARING",
  markReady: "READY",
  markAtRelayPoint: "AT_RELAY_POINT",
  markCollected: "COLLECTED",
  startDelivery: "OUT_FOR_DELIVERY",
  markDelivered: "COLLECTED",
  markAbsent: "NO_SHOW",
  cancel: "CANCELLED",
  markNoShow: "NO_SHOW",
};

/** Statuses from which each action is legal, read from the state machine. */
function legalSources(to: OrderStatus): OrderStatus[] {
  return (Object.keys(TRANSITIONS) as OrderStatus[]).filter((from) => canTransition(from, to));
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
 * Cancel and no-show give back stock and the slot place, and the customer's email
 * is queued, in the same transaction.
 */
export async function transitionOrderByShop(
  db: PrismaClient,
  request: { actor: Actor; input: unknown; now: Date },
): Promise<{ orderId: string; from: OrderStatus; to: OrderStatus }> {
  const input = shopTransitionInput.parse(request.input);
  const now = request.now;
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, shopId: true, checkoutId: true, paymentMethod: true, status: true, pickupCode: true, pickupPointId: true, slotStartsAt: true, slotEndsAt: true, pickupPoint: { select: { kind: true } }, shop: { select: { noShowRestock: true } }, lines: { select: { productId: true, quantity: true, deliveredQuantity: true, soldByWeight: true, actualGrams: true } } },
  });
  if (!order) throw new NotFoundError("order");
  const member = requireShopMember(request.actor, order.shopId);
  const to = TARGET[input.action];
  if (!legalSources(to).includes(order.status)) throw new DomainError("conflict", `cannot go from ${order.status} to ${to}`, { reason: "illegalTransition", from: order.status });
  if (!fitsFulfilment(input.action, order.pickupPoint.kind, order.status)) {
    throw new DomainError("conflict", `${input.action} does not fit a ${order.pickupPoint.kind} order in ${order.status}`, { reason: WRONG_FULFILMENT[input.action] ?? "illegalTransition" });
  }
  if ((input.action === "markReady" || input.action === "markAtRelayPoint") && order.lines.some(awaitsWeighing)) {
    throw new DomainError("conflict", "weigh the lines sold by weight first", { reason: "weighFirst" });
  }
  if (input.action === "markNoShow" && order.slotEndsAt.getTime() > now.getTime()) {
    throw new DomainError("conflict", "the slot has not ended", { reason: "slotNotEnded" });
  }
  if ((input.action === "cancel" || input.action === "markAbsent") && !input.reason) throw new DomainError("invalidInput", "a reason is required", { reason: "reasonRequired" });
  if (input.action === "markCollected" || input.action === "markDelivered") await verifyPickupCode(db, { orderId: order.id, userId: member.userId, expected: order.pickupCode, given: input.pickupCode });

  await db.$transaction(async (tx) => {
    const moved = await moveOrder(tx, { orderId: order.id, from: order.status, to, actorUserId: member.userId, note: input.reason ?? "", data: to === "CANCELLED" ? { cancelReason: input.reason } : {} });
    if (!moved) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
    if (to === "READY" || to === "AT_RELAY_POINT") await refuseWhileSubstitutePending(tx, order.id);
    if (to === "CANCELLED") await releaseHolds(tx, order, { now });
    // A no-show gives the stock back only when the shop says the goods go back on the shelf.
    if (to === "NO_SHOW") await releaseHolds(tx, order, { now, restock: order.shop.noShowRestock });
    // Collected: the town's vouchers on it are spent, owed to the shop.
    if (to === "COLLECTED") await spendVoucherUses(tx, order.id, now);
    if (to === "NO_SHOW") await queueNoShowEmails(tx, order.id, false, input.action === "markAbsent" ? input.reason : undefined);
    else await queueStatusEmail(tx, order.id, to, input.reason);
    await queuePaymentFollowUp(tx, { id: order.id, checkoutId: order.checkoutId, paymentMethod: order.paymentMethod, status: to });
  });
  return { orderId: order.id, from: order.status, to };
}

/** The actions the counter can offer for an order, from the same rules the use case enforces. */
export function availableShopActions(order: { status: OrderStatus; pickupPointKind: PointKind; slotEndsAt: Date }, now: Date): ShopAction[] {
  return SHOP_ACTIONS.filter((action) => {
    if (!legalSources(TARGET[action]).includes(order.status)) return false;
    if (!fitsFulfilment(action, order.pickupPointKind, order.status)) return false;
    if (action === "markNoShow") return order.slotEndsAt.getTime() <= now.getTime();
    return true;
  });
}
