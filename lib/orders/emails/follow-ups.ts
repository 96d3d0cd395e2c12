import type { Tx } from "@/lib/db/client";
import { readOpeningHours } from "@/lib/catalog/opening-hours";
import { enqueue } from "@/lib/jobs/queue";
import { noShowDeadline, reminderTime } from "./follow-up-times";

/**
 * Schedules, in the transaction that created the orders, what must happen to them
 * later: the pickup reminder, the automatic no-show check, and for an unpaid order
 * the end of its hold. Each job re-reads the order when it runs, so a cancelled or
 * collected order is left alone whatever is still queued.
 */
export async function scheduleFollowUps(tx: Tx, orderIds: string[], now: Date): Promise<void> {
  const orders = await tx.order.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, status: true, slotStartsAt: true, slotEndsAt: true, holdExpiresAt: true, shop: { select: { openingHours: true, noShowGraceHours: true } } },
  });
  for (const order of orders) {
    const remindAt = reminderTime(order.slotStartsAt, now);
    if (remindAt) await enqueue(tx, "send-reminder", { orderId: order.id, slotStartsAt: order.slotStartsAt.toISOString() }, { runAt: remindAt, key: `reminder:${order.id}` });
    const deadline = noShowDeadline(order.slotEndsAt, { openingHours: readOpeningHours(order.shop.openingHours), noShowGraceHours: order.shop.noShowGraceHours });
    await enqueue(tx, "no-show", { orderId: order.id }, { runAt: deadline, key: `no-show:${order.id}` });
    if (order.status === "AWAITING_PAYMENT" && order.holdExpiresAt) {
      await enqueue(tx, "release-hold", { orderId: order.id }, { runAt: order.holdExpiresAt, key: `hold:${order.id}` });
    }
  }
}
