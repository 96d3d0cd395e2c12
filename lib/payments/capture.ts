import type { PrismaClient } from "@/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { amountDue, SETTLED_FOR_CAPTURE } from "./amounts";
import type { PaymentGateway } from "./gateway";
import { moveMoneyOnce } from "./ledger";

export type CaptureOutcome = "captured" | "released" | "waiting" | "nothing";

const CAPTURE_MARGIN_MS = 24 * 3_600_000;

const orderSelect = {
  id: true, status: true, totalCents: true, maxTotalCents: true, voucherCents: true, capturedCents: true,
  lines: { select: { soldByWeight: true, actualGrams: true, deliveredQuantity: true } },
  shop: { select: { noShowFeeCents: true } },
} as const;

/**
 * Captures a checkout's authorization once, for what is due: when every online
 * order is prepared or over, or at the latest 24 hours before the authorization
 * lapses (a slot more than six days ahead), whichever comes first. Each order's
 * share is written before the provider is asked (with the key capture:<checkout>),
 * so a retry after a failure captures the same amount. Nothing due → the
 * authorization is released, free of charge.
 */
export async function captureCheckout(db: PrismaClient, gateway: PaymentGateway, request: { checkoutId: string; now: Date; deadline?: boolean }): Promise<CaptureOutcome> {
  const checkout = await db.checkout.findUnique({
    where: { id: request.checkoutId },
    select: { paymentStatus: true, stripePaymentIntentId: true, captureBefore: true, orders: { where: { paymentMethod: "ONLINE" }, select: orderSelect } },
  });
  if (!checkout || checkout.paymentStatus !== "AUTHORIZED" || !checkout.stripePaymentIntentId) return "nothing";
  const paymentIntentId = checkout.stripePaymentIntentId;
  const pending = await db.payment.findUnique({ where: { idempotencyKey: `capture:${request.checkoutId}` }, select: { id: true } });
  if (!pending) {
    const settled = checkout.orders.every((order) => SETTLED_FOR_CAPTURE.includes(order.status));
    const atDeadline = request.deadline === true || (checkout.captureBefore !== null && request.now.getTime() >= checkout.captureBefore.getTime() - CAPTURE_MARGIN_MS);
    if (!settled && !atDeadline) return "waiting";
    const shares = checkout.orders.map((order) => ({ id: order.id, cents: amountDue(order) }));
    const total = shares.reduce((sum, share) => sum + share.cents, 0);
    if (total === 0) {
      await moveMoneyOnce(db, { checkoutId: request.checkoutId, kind: "RELEASE", amountCents: 0, idempotencyKey: `release:${request.checkoutId}` }, async () => {
        await gateway.cancelAuthorization(paymentIntentId, `release:${request.checkoutId}`);
        return paymentIntentId;
      });
      await db.checkout.updateMany({ where: { id: request.checkoutId, paymentStatus: "AUTHORIZED" }, data: { paymentStatus: "CANCELLED" } });
      return "released";
    }
    // The decision first: the amount and each order's share, in one transaction.
    await db.$transaction(async (tx) => {
      await tx.payment.create({ data: { checkoutId: request.checkoutId, kind: "CAPTURE", amountCents: total, idempotencyKey: `capture:${request.checkoutId}` } });
      for (const share of shares) await tx.order.update({ where: { id: share.id }, data: { capturedCents: share.cents } });
    });
  }
  const { amountCents } = await moveMoneyOnce(db, { checkoutId: request.checkoutId, kind: "CAPTURE", amountCents: 0, idempotencyKey: `capture:${request.checkoutId}` }, async (amount) => {
    await gateway.capture(paymentIntentId, amount, `capture:${request.checkoutId}`);
    return paymentIntentId;
  });
  await db.$transaction(async (tx) => {
    const updated = await tx.checkout.updateMany({ where: { id: request.checkoutId, paymentStatus: "AUTHORIZED" }, data: { paymentStatus: "CAPTURED", capturedCents: amountCents } });
    if (updated.count === 0) return;
    const orders = await tx.order.findMany({ where: { checkoutId: request.checkoutId, paymentMethod: "ONLINE" }, select: { id: true, status: true, capturedCents: true } });
    for (const order of orders) {
      if (order.capturedCents > 0) await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "PAID" } });
      if (order.status === "COLLECTED" || order.status === "NO_SHOW") await enqueue(tx, "transfer-to-shop", { orderId: order.id }, { key: `transfer:${order.id}`, queue: `payments:${request.checkoutId}` });
      // An order that changed since its share was decided (cancelled, weighed) is refunded the difference.
      await enqueue(tx, "refund-order", { orderId: order.id }, { key: `refund:${order.id}`, queue: `payments:${request.checkoutId}` });
    }
  });
  return "captured";
}
