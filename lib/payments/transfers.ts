import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { amountDue, commissionOf } from "./amounts";
import { transfersHeld } from "./disputes";
import type { PaymentGateway } from "./gateway";
import { moveMoneyOnce } from "./ledger";

const PAID_OUT: OrderStatus[] = ["COLLECTED", "NO_SHOW"];

/**
 * Pays a shop its share of a collected online order (or the fee it keeps from a
 * no-show): what was captured for it, less what was refunded — never more than the
 * order is due, whether or not its refund has run yet — less the territory's
 * commission; one transfer per order (key transfer:<order>), drawn on the checkout's charge.
 * Held (0) while a dispute on the payment is open or was lost.
 */
export async function transferToShop(db: PrismaClient, gateway: PaymentGateway, request: { orderId: string }): Promise<number> {
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: {
      id: true, checkoutId: true, status: true, totalCents: true, maxTotalCents: true, voucherCents: true, capturedCents: true, refundedCents: true, paymentMethod: true,
      lines: { select: { soldByWeight: true, actualGrams: true, deliveredQuantity: true } },
      territory: { select: { commissionBp: true } },
      shop: { select: { stripeAccountId: true, name: true, noShowFeeCents: true } },
      checkout: { select: { paymentStatus: true, stripeChargeId: true } },
    },
  });
  if (!order || order.paymentMethod !== "ONLINE" || !PAID_OUT.includes(order.status) || order.checkout.paymentStatus !== "CAPTURED" || !order.checkout.stripeChargeId) return 0;
  // A chargeback on the payment: nothing goes to the shop until the bank decides (queued again if won).
  if (await transfersHeld(db, order.checkoutId)) return 0;
  const net = Math.min(order.capturedCents - order.refundedCents, amountDue(order));
  const amount = net - commissionOf(net, order.territory.commissionBp);
  if (amount <= 0) return 0;
  const destination = order.shop.stripeAccountId;
  if (!destination) throw new Error(`${order.shop.name} has no Stripe account to receive its payment`);
  const chargeId = order.checkout.stripeChargeId;
  const key = `transfer:${order.id}`;
  const { amountCents } = await moveMoneyOnce(db, { checkoutId: order.checkoutId, orderId: order.id, kind: "TRANSFER", amountCents: amount, idempotencyKey: key }, async (cents) => (await gateway.transfer({ amountCents: cents, destination, chargeId, group: order.checkoutId, idempotencyKey: key })).id);
  return amountCents;
}
