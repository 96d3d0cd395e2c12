import type { PrismaClient } from "@/generated/prisma/client";
import { cancelJob } from "@/lib/jobs/queue";
import { queueHoldExpiredEmail } from "./follow-up-emails";
import { queueOrderConfirmations } from "./order-emails";
import { releaseHolds } from "./release-holds";

/**
 * An unpaid order (AWAITING_PAYMENT) holds stock and a slot place until its hold
 * expires. Two things can end the wait — the payment arriving, or the hold running
 * out — and both are conditional updates on the status: whichever commits first
 * wins, the other changes nothing. The payment work (Stripe) calls
 * confirmOrderPayment; the queue calls releaseExpiredHold.
 */
export async function releaseExpiredHold(db: PrismaClient, request: { orderId: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const expired = await tx.order.updateMany({
      where: { id: request.orderId, status: "AWAITING_PAYMENT", holdExpiresAt: { lte: request.now } },
      data: { status: "CANCELLED", cancelReason: "Paiement non reçu à temps" },
    });
    if (expired.count === 0) return false;
    const order = await tx.order.findUniqueOrThrow({ where: { id: request.orderId }, select: { id: true, shopId: true, pickupPointId: true, slotStartsAt: true, lines: { select: { productId: true, quantity: true } } } });
    await releaseHolds(tx, order);
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: "AWAITING_PAYMENT", toStatus: "CANCELLED", note: "paiement non reçu à temps (automatique)" } });
    await queueHoldExpiredEmail(tx, order.id);
    return true;
  });
}

/** The payment arrived while the hold still stood: the order is confirmed (and its confirmation emailed). */
export async function confirmOrderPayment(db: PrismaClient, request: { orderId: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const confirmed = await tx.order.updateMany({
      where: { id: request.orderId, status: "AWAITING_PAYMENT", holdExpiresAt: { gt: request.now } },
      data: { status: "CONFIRMED", paymentStatus: "PAID" },
    });
    if (confirmed.count === 0) return false;
    await tx.orderEvent.create({ data: { orderId: request.orderId, fromStatus: "AWAITING_PAYMENT", toStatus: "CONFIRMED", note: "paiement reçu" } });
    await cancelJob(tx, `hold:${request.orderId}`);
    await queueOrderConfirmations(tx, [request.orderId]);
    return true;
  });
}
