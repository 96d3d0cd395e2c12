import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { assertCheckoutAccess, getOrder } from "@/lib/orders/get-order";
import type { PaymentGateway } from "./gateway";
import { settleCheckoutSession } from "./settle-session";
import { startOnlinePayment, type PaymentPage } from "./start-online-payment";

/** The customer (by the checkout's link, or signed in) goes back to the payment page of orders still awaiting payment. */
export async function resumeCheckoutPayment(db: PrismaClient, gateway: PaymentGateway, request: { actor: Actor; checkoutId: string; token?: string | null; now: Date }): Promise<PaymentPage> {
  await assertCheckoutAccess(db, request);
  const page = await startOnlinePayment(db, gateway, { checkoutId: request.checkoutId, now: request.now });
  if (!page) throw new DomainError("conflict", "nothing left to pay", { reason: "nothingToPay" });
  return page;
}

/** The same, from one order's page (by the order's link, or signed in). */
export async function resumeOrderPayment(db: PrismaClient, gateway: PaymentGateway, request: { actor: Actor; orderId: string; token?: string | null; now: Date }): Promise<PaymentPage> {
  const order = await getOrder(db, request);
  const page = await startOnlinePayment(db, gateway, { checkoutId: order.checkoutId, now: request.now });
  if (!page) throw new DomainError("conflict", "nothing left to pay", { reason: "nothingToPay" });
  return page;
}

/**
 * Back from the payment page: the checkout is settled now from the provider's own
 * state, so the customer sees the outcome at once even if the webhook comes later.
 */
export async function refreshCheckoutPayment(db: PrismaClient, gateway: PaymentGateway, request: { actor: Actor; checkoutId: string; token?: string | null; now: Date }): Promise<void> {
  await assertCheckoutAccess(db, request);
  const checkout = await db.checkout.findUniqueOrThrow({ where: { id: request.checkoutId }, select: { paymentStatus: true, stripeSessionId: true } });
  if (checkout.paymentStatus === "PENDING" && checkout.stripeSessionId) await settleCheckoutSession(db, gateway, { sessionId: checkout.stripeSessionId, now: request.now });
}
