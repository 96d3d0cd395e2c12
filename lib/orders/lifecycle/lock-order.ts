import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";

/**
 * The order's row locked for a change that is not a move of its status (its lines, its slot):
 * while it is still in one of `statuses` (and meets `where`), two changes of one order queue up
 * here, and a move racing them (ready, cancelled) waits or wins cleanly. The status is only a
 * condition, never written. False when the order moved on meanwhile.
 */
export async function lockOrderRow(tx: Tx, orderId: string, statuses: OrderStatus | readonly OrderStatus[], now: Date, where: Prisma.OrderWhereInput = {}): Promise<boolean> {
  const inStatuses = typeof statuses === "string" ? [statuses] : [...statuses];
  const locked = await tx.order.updateMany({ where: { ...where, id: orderId, status: { in: inStatuses } }, data: { updatedAt: now } });
  return locked.count === 1;
}
