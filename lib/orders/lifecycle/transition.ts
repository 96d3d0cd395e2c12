import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { MOVED_ORDER_SELECT, type MovedOrder, runEffects } from "./effects";
import { MOVES, type Move, type MoveName } from "./moves";

export type OrderTransition = {
  orderId: string;
  /** The status the caller read, or the statuses it accepts (a subset of the move's); the move's own by default */
  from?: OrderStatus | readonly OrderStatus[];
  /** Who moved it (null: the platform itself — a job, a webhook) */
  actorUserId?: string | null;
  /** What the order's history says */
  note?: string;
  /** Why (a cancellation's reason, an absence's note): kept on a cancelled order and told to the customer */
  reason?: string;
  /** Further conditions the order must still meet (a hold not yet expired…) */
  where?: Prisma.OrderWhereInput;
};

/**
 * The one writer of an order's status (issue #24, item 0). The move is one of the table's
 * (lib/orders/lifecycle/moves.ts); the update is conditional on the status the caller read,
 * so of two people (or jobs) moving the same order at once exactly one wins; the history
 * entry and the move's effects (stock and places, vouchers, emails, payment, jobs) are
 * written in the caller's transaction. Returns false when the order was no longer there.
 */
export async function transition(tx: Tx, name: MoveName, order: OrderTransition, now: Date): Promise<boolean> {
  return (await transitionAll(tx, name, [order], now)).length === 1;
}

/**
 * The same move for several orders (a checkout's): each moved on its own condition, then the
 * effects run once for those that moved (holds released together, in the lock order of placing).
 * Returns the ids that moved.
 */
export async function transitionAll(tx: Tx, name: MoveName, orders: OrderTransition[], now: Date): Promise<string[]> {
  const move: Move = MOVES[name];
  const moved: string[] = [];
  const reasons: Record<string, string | undefined> = {};
  for (const order of orders) {
    const sources = sourcesOf(name, move, order.from);
    const cancelReason = move.to === "CANCELLED" ? { cancelReason: order.reason ?? null } : {};
    const updated = await tx.order.updateMany({ where: { ...order.where, id: order.orderId, status: { in: sources } }, data: { ...cancelReason, status: move.to } });
    if (updated.count === 0) continue;
    await tx.orderEvent.create({
      data: { orderId: order.orderId, fromStatus: sources.length === 1 ? sources[0] : null, toStatus: move.to, actorUserId: order.actorUserId ?? null, note: order.note ?? "" },
    });
    moved.push(order.orderId);
    reasons[order.orderId] = order.reason;
  }
  if (moved.length === 0) return moved;
  const rows: MovedOrder[] = await tx.order.findMany({ where: { id: { in: moved } }, select: MOVED_ORDER_SELECT });
  const inOrder = moved.map((id) => rows.find((row) => row.id === id)).filter((row): row is MovedOrder => row !== undefined);
  await runEffects(tx, move.effects, inOrder, { to: move.to, now, reasons });
  return moved;
}

function sourcesOf(name: MoveName, move: Move, from: OrderTransition["from"]): OrderStatus[] {
  const sources = from === undefined ? [...move.from] : typeof from === "string" ? [from] : [...from];
  const illegal = sources.filter((status) => !move.from.includes(status));
  if (illegal.length) throw new Error(`Order move ${name} does not start from ${illegal.join(", ")}`);
  return sources;
}

/**
 * An online order the town's vouchers pay (almost) entirely, at the checkout that
 * creates it: it needs no payment page, so it starts confirmed, to pay the rest at
 * pickup. Its creation event says so (one entry in its history, not two). No effect:
 * the checkout itself holds the stock and queues the confirmation.
 */
export async function confirmAtCheckout(tx: Tx, orderId: string): Promise<void> {
  await tx.order.updateMany({ where: { id: orderId, status: "AWAITING_PAYMENT" }, data: { status: "CONFIRMED", paymentMethod: "PAY_AT_PICKUP", holdExpiresAt: null } });
  await tx.orderEvent.updateMany({ where: { orderId }, data: { toStatus: "CONFIRMED" } });
}
