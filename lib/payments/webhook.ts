import type { PrismaClient } from "@/generated/prisma/client";
import { queueEmail } from "@/lib/notifications/outbox";
import { AWAITING_HANDOVER } from "@/lib/orders/status";
import type { PaymentGateway, WebhookEvent } from "./gateway";
import { settleSubstitutePayment } from "@/lib/orders/changes/substitute-payment";
import { settleCheckoutSession } from "./settle-session";
import { recordDispute } from "./disputes";
import { recordOutsideRefunds } from "./outside-refunds";
import { refreshShopAccount } from "./shop-accounts";
import { firstDelivery } from "./webhook-events";

/**
 * Handles one verified Stripe event. The event only says what to look at: the
 * state is re-read from the API. The event's id is recorded in the transaction of
 * its effect, so a replay or a duplicate changes nothing. Unknown events are
 * recorded and ignored.
 */
export async function handleStripeEvent(db: PrismaClient, gateway: PaymentGateway, event: WebhookEvent, now: Date): Promise<string> {
  if (await db.processedWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return "already";
  const record = { id: event.id, type: event.type };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const outcome = await settleCheckoutSession(db, gateway, { sessionId: event.objectId, now, event: record });
      // Not a checkout's page: the new authorization for a dearer substitute, perhaps.
      if (outcome !== "unknown") return outcome;
      const substitute = await settleSubstitutePayment(db, gateway, { sessionId: event.objectId, now, event: record });
      if (substitute !== "unknown") return substitute;
      break;
    }
    case "payment_intent.amount_capturable_updated": {
      const checkoutId = typeof event.object.metadata === "object" && event.object.metadata ? String((event.object.metadata as Record<string, unknown>).checkoutId ?? "") : "";
      const checkout = checkoutId ? await db.checkout.findUnique({ where: { id: checkoutId }, select: { stripeSessionId: true } }) : null;
      if (checkout?.stripeSessionId) return settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId, now, event: record });
      break;
    }
    case "payment_intent.canceled":
      return authorizationLost(db, gateway, event.objectId, record);
    case "charge.refunded": {
      const paymentIntentId = typeof event.object.payment_intent === "string" ? event.object.payment_intent : "";
      if (paymentIntentId) return recordOutsideRefunds(db, gateway, { paymentIntentId, event: record });
      break;
    }
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed":
      return recordDispute(db, gateway, { disputeId: event.objectId, event: record, now });
    case "account.updated":
      await refreshShopAccount(db, gateway, event.objectId);
      break;
    default:
      break;
  }
  await db.$transaction((tx) => firstDelivery(tx, record));
  return "recorded";
}

/**
 * Stripe cancelled an authorization we still counted on (it lapsed, or was cancelled
 * from Stripe's dashboard): the orders not collected are to be paid at pickup, and the
 * customer is told. A cancellation we asked for ourselves finds the checkout no
 * longer AUTHORIZED and changes nothing.
 */
async function authorizationLost(db: PrismaClient, gateway: PaymentGateway, paymentIntentId: string, event: { id: string; type: string }): Promise<string> {
  const checkout = await db.checkout.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select: { id: true, paymentStatus: true } });
  if (!checkout || checkout.paymentStatus !== "AUTHORIZED") {
    await db.$transaction((tx) => firstDelivery(tx, event));
    return "already";
  }
  const authorization = await gateway.getAuthorization(paymentIntentId);
  if (authorization.status !== "canceled") return "ignored";
  return db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, event))) return "already";
    const updated = await tx.checkout.updateMany({ where: { id: checkout.id, paymentStatus: "AUTHORIZED" }, data: { paymentStatus: "CANCELLED" } });
    if (updated.count === 0) return "already";
    const orders = await tx.order.findMany({ where: { checkoutId: checkout.id, paymentMethod: "ONLINE", status: { in: AWAITING_HANDOVER } }, select: { id: true, reference: true, contactEmail: true, contactName: true, territoryId: true, shop: { select: { name: true } }, pickupPoint: { select: { kind: true } } } });
    for (const order of orders) {
      const handover = order.pickupPoint.kind === "DELIVERY" ? "à la livraison" : "au retrait";
      await tx.order.update({ where: { id: order.id }, data: { paymentMethod: "PAY_AT_PICKUP" } });
      await tx.orderEvent.create({ data: { orderId: order.id, toStatus: (await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status, note: `paiement en ligne annulé par la banque : à régler ${handover}` } });
      if (order.contactEmail) {
        await queueEmail(tx, {
          to: order.contactEmail,
          subject: `Commande ${order.reference} : à régler ${handover} — ${order.shop.name}`,
          text: [`Bonjour ${order.contactName},`, "", `L'autorisation de paiement de votre commande ${order.reference} a expiré auprès de votre banque : rien n'a été débité.`, `Votre commande reste réservée : vous la réglerez ${handover}.`, "", "—", "Comptoir"].join("\n"),
          kind: "payment-authorization-lost",
          orderId: order.id,
          territoryId: order.territoryId,
        });
      }
    }
    return "converted";
  });
}
