import type { PrismaClient } from "@/generated/prisma/client";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";
import type { PaymentGateway } from "./gateway";

/**
 * The payment page lives 31 minutes (Stripe's minimum is 30 minutes from its
 * creation); the orders' hold lasts longer (HOLD_MINUTES), so a customer
 * who pays on time always finds the goods still held.
 */
export const PAYMENT_PAGE_MINUTES = 31;

export type PaymentPage = { url: string; expiresAt: Date };

/** Back from the payment page to the checkout's town, at its own address. */
const pageUrls = (publicUrl: string, checkout: { id: string; accessToken: string }) => {
  const confirmation = `${publicUrl}/commandes/confirmation/${checkout.id}?t=${checkout.accessToken}`;
  return { successUrl: `${confirmation}&paiement=ok`, cancelUrl: `${confirmation}&paiement=annule` };
};

/**
 * After a checkout with online-paid orders: the provider's payment page for what
 * those orders may cost at most (weighed lines at their tolerance), created once
 * per checkout (the idempotency key is the checkout's id), or the same page again
 * while it is open. Null when nothing is left to pay.
 */
export async function startOnlinePayment(db: PrismaClient, gateway: PaymentGateway, request: { checkoutId: string; now: Date }): Promise<PaymentPage | null> {
  const checkout = await db.checkout.findUnique({
    where: { id: request.checkoutId },
    select: {
      id: true,
      accessToken: true,
      stripeSessionId: true,
      stripeSessionUrl: true,
      orders: { where: { paymentMethod: "ONLINE", status: "AWAITING_PAYMENT" }, select: { territoryId: true, reference: true, maxTotalCents: true, voucherCents: true, contactEmail: true, holdExpiresAt: true, shop: { select: { name: true } } } },
    },
  });
  const awaiting = checkout?.orders ?? [];
  if (!checkout || awaiting.length === 0) return null;
  const holdEnds = new Date(Math.min(...awaiting.map((o) => o.holdExpiresAt?.getTime() ?? request.now.getTime())));
  if (checkout.stripeSessionId) {
    const session = await gateway.getCheckoutSession(checkout.stripeSessionId);
    return session.status === "open" && session.url ? { url: session.url, expiresAt: holdEnds } : null;
  }
  const session = await gateway.createCheckoutSession({
    checkoutId: checkout.id,
    // The card pays only what the town's vouchers leave (placing made sure something is left).
    lines: awaiting.map((order) => ({ name: `${order.shop.name} — commande ${order.reference}${order.voucherCents ? " (bon de la ville déduit)" : ""}`, amountCents: order.maxTotalCents - order.voucherCents })),
    customerEmail: awaiting[0]?.contactEmail ?? null,
    ...pageUrls(await publicUrlOfTerritory(db, awaiting[0]?.territoryId ?? ""), checkout),
    expiresAt: new Date(request.now.getTime() + PAYMENT_PAGE_MINUTES * 60_000),
  });
  await db.checkout.updateMany({ where: { id: checkout.id, stripeSessionId: null }, data: { stripeSessionId: session.id, stripeSessionUrl: session.url, paymentStatus: "PENDING" } });
  return session.url ? { url: session.url, expiresAt: holdEnds } : null;
}
