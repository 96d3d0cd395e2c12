import type { PrismaClient } from "@/generated/prisma/client";
import { formatPrice } from "@/lib/money/format";
import { emailTownAdmins } from "./admin-alerts";
import type { PaymentGateway } from "./gateway";
import { firstDelivery } from "./webhook-events";

/**
 * `charge.refunded`: our own refunds are already in the ledger (they carry their
 * key in metadata). A refund made elsewhere — Stripe's dashboard, a support agent —
 * is written down as it is, read from the API: one ledger row per Stripe refund
 * (key outside-refund:<id>), counted against the order when the payment covered
 * only one, so later refunds never give the same money back twice. Also run
 * before each of our own refunds, whose webhook may not have come yet.
 */
export async function recordOutsideRefunds(db: PrismaClient, gateway: PaymentGateway, request: { paymentIntentId: string; event?: { id: string; type: string } }): Promise<string> {
  const checkout = await db.checkout.findUnique({
    where: { stripePaymentIntentId: request.paymentIntentId },
    select: { id: true, orders: { where: { paymentMethod: "ONLINE" }, select: { id: true, reference: true, territoryId: true, shop: { select: { name: true } } } } },
  });
  const refunds = checkout ? (await gateway.listRefunds(request.paymentIntentId)).filter((r) => r.comptoirKey === null && r.status === "succeeded") : [];
  return db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, request.event))) return "already";
    if (!checkout) return "ignored";
    const orderId = checkout.orders.length === 1 ? (checkout.orders[0]?.id ?? null) : null;
    let recorded = 0;
    for (const refund of refunds) {
      const { count } = await tx.payment.createMany({
        data: [{ checkoutId: checkout.id, orderId, kind: "REFUND", amountCents: refund.amountCents, status: "SUCCEEDED", providerId: refund.id, idempotencyKey: `outside-refund:${refund.id}` }],
        skipDuplicates: true,
      });
      if (count === 1 && orderId) await tx.order.update({ where: { id: orderId }, data: { refundedCents: { increment: refund.amountCents } } });
      // One payment for several shops: which order it was for is not known — support is asked (later refunds stay capped by what was captured).
      if (count === 1 && !orderId && checkout.orders[0]) {
        await emailTownAdmins(tx, checkout.orders[0].territoryId, {
          kind: "payment-outside-refund",
          subject: `Remboursement fait hors Comptoir à attribuer — ${formatPrice(refund.amountCents, "fr")}`,
          lines: [
            "Bonjour,",
            "",
            `Un remboursement de ${formatPrice(refund.amountCents, "fr")} a été fait depuis Stripe sur un paiement qui couvre plusieurs commandes :`,
            ...checkout.orders.map((o) => `- ${o.reference} (${o.shop.name})`),
            "Comptoir ne sait pas à quelle commande il correspond : voyez avec les commerces. Les remboursements suivants ne dépasseront jamais ce qui reste encaissé.",
            "",
            "—",
            "Comptoir",
          ],
        });
      }
      recorded += count;
    }
    return recorded > 0 ? "recorded" : "nothing";
  });
}
