import type { PrismaClient } from "@/generated/prisma/client";
import { amountDue, commissionOf } from "./amounts";
import type { PaymentGateway } from "./gateway";
import { moveMoneyOnce } from "./ledger";
import { recordOutsideRefunds } from "./outside-refunds";

/**
 * After the capture, gives an online-paid order back what it no longer owes:
 * everything when cancelled, all but the shop's fee for a no-show, the difference
 * when a weighed line came out lighter than captured. The key names the refunded
 * total reached (refund:<order>:<cents>), so each step is one refund however often
 * it runs; a shop already paid for the order gives back what it was paid beyond
 * its share of what the customer still owes.
 */
export async function refundOrder(db: PrismaClient, gateway: PaymentGateway, request: { orderId: string }): Promise<number> {
  const paymentIntentId = (await db.order.findUnique({ where: { id: request.orderId }, select: { checkout: { select: { stripePaymentIntentId: true } } } }))?.checkout.stripePaymentIntentId;
  // Refunds made from Stripe's dashboard count first: never give the same money back twice.
  if (paymentIntentId) await recordOutsideRefunds(db, gateway, { paymentIntentId });
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: {
      id: true, checkoutId: true, status: true, totalCents: true, maxTotalCents: true, voucherCents: true, capturedCents: true, refundedCents: true, paymentMethod: true,
      lines: { select: { soldByWeight: true, actualGrams: true } },
      shop: { select: { noShowFeeCents: true } },
      territory: { select: { commissionBp: true } },
      checkout: { select: { paymentStatus: true, stripePaymentIntentId: true } },
    },
  });
  if (!order || !paymentIntentId || order.paymentMethod !== "ONLINE" || order.checkout.paymentStatus !== "CAPTURED") return 0;
  const owed = Math.min(order.capturedCents, amountDue(order));
  const target = order.capturedCents - owed;
  if (target <= order.refundedCents) return 0;
  const key = `refund:${order.id}:${target}`;
  const { amountCents } = await moveMoneyOnce(db, { checkoutId: order.checkoutId, orderId: order.id, kind: "REFUND", amountCents: target - order.refundedCents, idempotencyKey: key }, async (amount) => (await gateway.refund(paymentIntentId, amount, key)).id);
  await db.order.updateMany({ where: { id: order.id, refundedCents: { lt: target } }, data: { refundedCents: target, ...(target === order.capturedCents ? { paymentStatus: "REFUNDED" } : {}) } });
  const shopShare = owed - commissionOf(owed, order.territory.commissionBp);
  await reverseShopTransfer(db, gateway, { orderId: order.id, checkoutId: order.checkoutId, target, shopShare });
  return amountCents;
}

/** A shop paid for an order later refunded keeps only its share of what remains (the key names the refund step). */
async function reverseShopTransfer(db: PrismaClient, gateway: PaymentGateway, request: { orderId: string; checkoutId: string; target: number; shopShare: number }): Promise<void> {
  const transfer = await db.payment.findUnique({ where: { idempotencyKey: `transfer:${request.orderId}` }, select: { status: true, providerId: true, amountCents: true } });
  if (transfer?.status !== "SUCCEEDED" || !transfer.providerId) return;
  const reversed = await db.payment.aggregate({ where: { orderId: request.orderId, kind: "TRANSFER_REVERSAL", status: "SUCCEEDED" }, _sum: { amountCents: true } });
  const amount = transfer.amountCents - (reversed._sum.amountCents ?? 0) - request.shopShare;
  if (amount <= 0) return;
  const transferId = transfer.providerId;
  const key = `reversal:${request.orderId}:${request.target}`;
  await moveMoneyOnce(db, { checkoutId: request.checkoutId, orderId: request.orderId, kind: "TRANSFER_REVERSAL", amountCents: amount, idempotencyKey: key }, async (cents) => (await gateway.reverseTransfer(transferId, cents, key)).id);
}
