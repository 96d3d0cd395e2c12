import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { canTransition } from "./moves";

export type OrderMove = {
  orderId: string;
  /** The status the order was read in, or the statuses it may be in (the update is conditional on it) */
  from: OrderStatus | readonly OrderStatus[];
  to: OrderStatus;
  /** Who moved it (null: the platform itself — a job, a webhook) */
  actorUserId?: string | null;
  /** What the history says */
  note?: string;
  /** Further conditions the order must still meet (a hold not yet expired…) */
  where?: Prisma.OrderWhereInput;
  /** Fields that change with the status (the cancellation's reason) */
  data?: { cancelReason?: string | null };
};

/**
 * The one writer of an order's status (issue #24, item 0). The move must be in the
 * table (lib/orders/lifecycle/moves.ts); the update is conditional on the status
 * the caller read, so of two people (or jobs) moving the same order at once exactly
 * one wins; the move is written to the order's history in the same transaction.
 * Returns false when the order was no longer in `from` (the caller says why).
 * The effects of a move (stock, slot, vouchers, emails, payment) stay with the use
 * case that asks for it, in the same transaction.
 */
export async function moveOrder(tx: Tx, move: OrderMove): Promise<boolean> {
  const sources = typeof move.from === "string" ? [move.from] : [...move.from];
  const illegal = sources.filter((from) => !canTransition(from, move.to));
  if (illegal.length) throw new Error(`Order move not in the table: ${illegal.join(", ")} → ${move.to}`);
  const updated = await tx.order.updateMany({ where: { ...move.where, id: move.orderId, status: { in: sources } }, data: { ...move.data, status: move.to } });
  if (updated.count === 0) return false;
  await tx.orderEvent.create({
    data: { orderId: move.orderId, fromStatus: sources.length === 1 ? sources[0] : null, toStatus: move.to, actorUserId: move.actorUserId ?? null, note: move.note ?? "" },
  });
  return true;
}

/**
 * An online order the town's vouchers pay (almost) entirely, at the checkout that
 * creates it: it needs no payment page, so it starts confirmed, to pay the rest at
 * pickup. Its creation event says so (one entry in its history, not two).
 */
export async function confirmAtCheckout(tx: Tx, orderId: string): Promise<void> {
  await tx.order.updateMany({ where: { id: orderId, status: "AWAITING_PAYMENT" }, data: { status: "CONFIRMED", paymentMethod: "PAY_AT_PICKUP", holdExpiresAt: null } });
  await tx.orderEvent.updateMany({ where: { orderId }, data: { toStatus: "CONFIRMED" } });
}
