import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { mayCancelAsCustomer } from "../order-access";
import { CUSTOMER_CANCELLABLE } from "../status";
import type { MoveName } from "../lifecycle/moves";
import { transition } from "../lifecycle/transition";

export const cancelOrderInput = z.object({
  orderId: z.string().min(1).max(64),
  token: z.string().max(200).optional(),
  reason: z.string().trim().max(300).optional(),
});

/**
 * The customer cancels an order the shop has not started preparing. Status,
 * stock, slot place, history and the email change in one transaction; the status update
 * is conditional, so a shop starting preparation at the same moment wins cleanly.
 */
export async function cancelOrderByCustomer(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<{ orderId: string }> {
  const input = cancelOrderInput.parse(request.input);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, shopId: true, territoryId: true, customerId: true, placedById: true, accessToken: true },
  });
  if (!order || !mayCancelAsCustomer(request.actor, order, input.token)) throw new NotFoundError("order");
  await db.$transaction(async (tx) => {
    await cancelInTransaction(tx, order, { move: "customerCancels", from: CUSTOMER_CANCELLABLE, reason: input.reason || "Annulée par le client", note: input.reason ?? "", actorUserId: request.actor.kind === "user" ? request.actor.userId : null, now: request.now });
  });
  return { orderId: order.id };
}

/** How an order is cancelled: by its customer, or because a change left nothing to hand over (lib/orders/lifecycle/moves.ts). */
type CancelMove = Extract<MoveName, "customerCancels" | "cancelledByChange">;

/**
 * Inside the caller's transaction: the order cancelled if still in one of `from` —
 * stock and slot place given back, the customer emailed, an online payment refunded
 * or released (the move's effects). Refused ("notCancellable") when the order moved on meanwhile.
 */
export async function cancelInTransaction(tx: Tx, order: { id: string }, cancel: { move: CancelMove; from: readonly OrderStatus[]; reason: string; note: string; actorUserId: string | null; now: Date }): Promise<void> {
  const moved = await transition(tx, cancel.move, { orderId: order.id, from: cancel.from, reason: cancel.reason, actorUserId: cancel.actorUserId, note: cancel.note }, cancel.now);
  if (!moved) throw new DomainError("conflict", "order can no longer be cancelled", { reason: "notCancellable" });
}
