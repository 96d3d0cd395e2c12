import { randomUUID } from "node:crypto";
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
      lines: { select: { soldByWeight: true, actualGrams: true, deliveredQuantity: true } },
      shop: { select: { noShowFeeCents: true } },
      territory: { select: { commissionBp: true } },
      checkout: { select: { paymentStatus: true, stripePaymentIntentId: true } },
    },
  });
  if (!order || !paymentIntentId || order.paymentMethod !== "ONLINE" || order.checkout.paymentStatus !== "CAPTURED") return 0;
  const owed = Math.min(order.capturedCents, amountDue(order));
  const target = order.capturedCents - owed;
  if (target <= order.refundedCents) return 0;
  // Money a dashboard refund already gave back on this payment, not yet counted against an order, pays this refund first.
  const refundedBefore = order.refundedCents + (await takeUnattributedRefunds(db, { checkoutId: order.checkoutId, orderId: order.id, upToCents: target - order.refundedCents }));
  if (target <= refundedBefore) return 0;
  const key = `refund:${order.id}:${target}`;
  const { amountCents } = await moveMoneyOnce(db, { checkoutId: order.checkoutId, orderId: order.id, kind: "REFUND", amountCents: target - refundedBefore, idempotencyKey: key }, async (amount) => (await gateway.refund(paymentIntentId, amount, key)).id);
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

type UnattributedRefund = { id: string; amountCents: number; providerId: string | null; idempotencyKey: string };

/**
 * A refund made outside Comptoir on a payment that covered several shops' orders
 * is recorded unattributed (lib/payments/outside-refunds.ts). When one of those
 * orders is refunded, that money counts for it first, up to what it is owed: the
 * unattributed row gives the part to a row of the order's own (same Stripe refund
 * id). Rows are locked, so two orders refunded at once cannot both count the same
 * euros; what Stripe gives back never exceeds what it captured.
 */
async function takeUnattributedRefunds(db: PrismaClient, request: { checkoutId: string; orderId: string; upToCents: number }): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<UnattributedRefund[]>`
      SELECT "id", "amountCents", "providerId", "idempotencyKey" FROM "Payment"
      WHERE "checkoutId" = ${request.checkoutId} AND "orderId" IS NULL AND "kind" = 'REFUND' AND "status" = 'SUCCEEDED'
        AND "amountCents" > 0 AND "idempotencyKey" LIKE 'outside-refund:%'
      ORDER BY "createdAt", "id" FOR UPDATE`;
    let taken = 0;
    for (const row of rows) {
      if (taken >= request.upToCents) break;
      const part = Math.min(row.amountCents, request.upToCents - taken);
      await tx.payment.update({ where: { id: row.id }, data: { amountCents: row.amountCents - part } });
      await tx.payment.create({
        data: { checkoutId: request.checkoutId, orderId: request.orderId, kind: "REFUND", amountCents: part, status: "SUCCEEDED", providerId: row.providerId, idempotencyKey: `${row.idempotencyKey}:${request.orderId}:${randomUUID()}` },
      });
      taken += part;
    }
    if (taken > 0) await tx.order.update({ where: { id: request.orderId }, data: { refundedCents: { increment: taken } } });
    return taken;
  });
}
