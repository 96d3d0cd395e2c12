import type { OrderStatus, PaymentMethod } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";

/**
 * What an online-paid order's change means for its money, queued in the same
 * transaction as the change: the checkout's capture is reconsidered, a collected
 * order's shop is paid, a cancelled, no-show, re-weighed or shortened order is refunded what it
 * no longer owes. Each job re-reads the facts and does nothing when nothing is due.
 */
export async function queuePaymentFollowUp(tx: Tx, order: { id: string; checkoutId: string; paymentMethod: PaymentMethod; status: OrderStatus }, options: { amountChanged?: boolean } = {}): Promise<void> {
  if (order.paymentMethod !== "ONLINE") return;
  await enqueue(tx, "capture-payment", { checkoutId: order.checkoutId }, { key: `capture:${order.checkoutId}`, queue: `payments:${order.checkoutId}` });
  if (order.status === "COLLECTED" || order.status === "NO_SHOW") await enqueue(tx, "transfer-to-shop", { orderId: order.id }, { key: `transfer:${order.id}`, queue: `payments:${order.checkoutId}` });
  if (order.status === "CANCELLED" || order.status === "NO_SHOW" || options.amountChanged) await enqueue(tx, "refund-order", { orderId: order.id }, { key: `refund:${order.id}`, queue: `payments:${order.checkoutId}` });
}
