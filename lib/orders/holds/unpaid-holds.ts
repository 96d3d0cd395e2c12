import type { PrismaClient } from "@/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { queueHoldExpiredEmail } from "../emails/follow-up-emails";
import { releaseHolds } from "./release-holds";
import { moveOrder } from "../lifecycle/move-order";

/**
 * An unpaid order (AWAITING_PAYMENT) holds stock and a slot place until its hold
 * expires. Two things can end the wait — the payment arriving, or the hold running
 * out — and both are conditional updates on the status: whichever commits first
 * wins, the other changes nothing (lib/payments/settle-session.ts confirms; the
 * queue calls releaseExpiredHold). A released order's payment page is closed too.
 */
export async function releaseExpiredHold(db: PrismaClient, request: { orderId: string; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const expired = await moveOrder(tx, {
      orderId: request.orderId, from: "AWAITING_PAYMENT", to: "CANCELLED", where: { holdExpiresAt: { lte: request.now } },
      data: { cancelReason: "Paiement non reçu à temps" }, note: "paiement non reçu à temps (automatique)",
    });
    if (!expired) return false;
    const order = await tx.order.findUniqueOrThrow({ where: { id: request.orderId }, select: { id: true, shopId: true, checkoutId: true, pickupPointId: true, slotStartsAt: true, checkout: { select: { stripeSessionId: true } }, lines: { select: { productId: true, quantity: true, deliveredQuantity: true } } } });
    await releaseHolds(tx, order, { now: request.now });
    await queueHoldExpiredEmail(tx, order.id);
    if (order.checkout.stripeSessionId) await enqueue(tx, "expire-session", { checkoutId: order.checkoutId, sessionId: order.checkout.stripeSessionId }, { key: `expire-session:${order.checkoutId}` });
    return true;
  });
}
