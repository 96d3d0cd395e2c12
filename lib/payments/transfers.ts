import type { PrismaClient } from "@/generated/prisma/client";
import { commissionOf } from "./amounts";
import type { PaymentGateway } from "./gateway";
import { moveMoneyOnce } from "./ledger";

/**
 * Pays a shop its share of a collected online order: what was captured for it,
 * less what was refunded, less the territory's commission; one transfer per order
 * (key transfer:<order>), drawn on the checkout's charge.
 */
export async function transferToShop(db: PrismaClient, gateway: PaymentGateway, request: { orderId: string }): Promise<number> {
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: {
      id: true, checkoutId: true, status: true, capturedCents: true, refundedCents: true, paymentMethod: true,
      territory: { select: { commissionBp: true } },
      shop: { select: { stripeAccountId: true, name: true } },
      checkout: { select: { paymentStatus: true, stripeChargeId: true } },
    },
  });
  if (!order || order.paymentMethod !== "ONLINE" || order.status !== "COLLECTED" || order.checkout.paymentStatus !== "CAPTURED" || !order.checkout.stripeChargeId) return 0;
  const net = order.capturedCents - order.refundedCents;
  const amount = net - commissionOf(net, order.territory.commissionBp);
  if (amount <= 0) return 0;
  const destination = order.shop.stripeAccountId;
  if (!destination) throw new Error(`${order.shop.name} has no Stripe account to receive its payment`);
  const chargeId = order.checkout.stripeChargeId;
  const key = `transfer:${order.id}`;
  const { amountCents } = await moveMoneyOnce(db, { checkoutId: order.checkoutId, orderId: order.id, kind: "TRANSFER", amountCents: amount, idempotencyKey: key }, async (cents) => (await gateway.transfer({ amountCents: cents, destination, chargeId, group: order.checkoutId, idempotencyKey: key })).id);
  return amountCents;
}
