import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/generated/prisma/client";

export type CardRoom = {
  /** The checkout's card authorization: AUTHORIZED can be replaced by a new one; CAPTURED (at its deadline) cannot */
  paymentStatus: string;
  authorizedCents: number;
  /** What the card would have to cover at most, with the change: every online order's maximum, less the town's vouchers */
  neededCents: number;
};

/**
 * Whether a line's new maximum still fits the card's authorization. The authorization is the
 * checkout's (one card for every shop of the basket), so room left by a missing line elsewhere
 * counts: the capture takes the sum of what each order owes, never more than this.
 */
export async function cardRoomWith(db: Tx | PrismaClient, change: { orderId: string; lineMaxBefore: number; lineMaxAfter: number }): Promise<CardRoom> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: change.orderId },
    select: { checkout: { select: { paymentStatus: true, authorizedCents: true, orders: { where: { paymentMethod: "ONLINE", status: { not: "CANCELLED" } }, select: { id: true, maxTotalCents: true, voucherCents: true } } } } },
  });
  const { checkout } = order;
  const neededCents = checkout.orders.reduce((sum, o) => {
    const max = o.id === change.orderId ? o.maxTotalCents - change.lineMaxBefore + change.lineMaxAfter : o.maxTotalCents;
    return sum + Math.max(0, max - o.voucherCents);
  }, 0);
  return { paymentStatus: checkout.paymentStatus, authorizedCents: checkout.authorizedCents, neededCents };
}
