import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";
import type { AuthorizationState, PaymentGateway } from "./gateway";
import { queuePaymentTooLateEmail } from "./payment-emails";
import { firstDelivery } from "./webhook-events";
import { transitionAll } from "@/lib/orders/lifecycle/transition";

export type SettleOutcome = "confirmed" | "expired" | "too-late" | "pending" | "unknown" | "already";

/** Capture at the latest 24 hours before the card authorization lapses. */
const CAPTURE_MARGIN_MS = 24 * 3_600_000;

type Event = { id: string; type: string };

/**
 * Brings a checkout in line with its payment page, as read from the provider (never
 * from a webhook's payload): paid → the orders are confirmed if their hold still
 * stands (else the authorization is cancelled and the customer told); expired →
 * the orders are cancelled and their holds released. Every change is a conditional
 * update on the order's status, so a webhook, its replays, the customer's return to
 * the site and the reconciliation sweep can all call it: one outcome.
 */
export async function settleCheckoutSession(db: PrismaClient, gateway: PaymentGateway, request: { sessionId: string; now: Date; event?: Event }): Promise<SettleOutcome> {
  const checkout = await db.checkout.findUnique({ where: { stripeSessionId: request.sessionId }, select: { id: true } });
  if (!checkout) return "unknown";
  const session = await gateway.getCheckoutSession(request.sessionId);
  if (session.status === "open") return "pending";
  if (session.status === "expired" || !session.paymentIntentId) return cancelUnpaid(db, checkout.id, request);
  const authorization = await gateway.getAuthorization(session.paymentIntentId);
  if (authorization.status !== "requires_capture") return cancelUnpaid(db, checkout.id, request);
  return confirmAuthorized(db, checkout.id, authorization, request);
}

async function confirmAuthorized(db: PrismaClient, checkoutId: string, authorization: AuthorizationState, request: { now: Date; event?: Event }): Promise<SettleOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, request.event))) return "already";
    // One settlement of a checkout at a time: a second one waits here, then sees the first's outcome.
    const [checkout] = await tx.$queryRaw<{ paymentStatus: string }[]>`SELECT "paymentStatus" FROM "Checkout" WHERE "id" = ${checkoutId} FOR UPDATE`;
    if (checkout?.paymentStatus !== "PENDING") return "already";
    const orders = await tx.order.findMany({ where: { checkoutId, paymentMethod: "ONLINE", status: "AWAITING_PAYMENT", holdExpiresAt: { gt: request.now } }, select: { id: true } });
    // Each confirmed on its own condition (its hold still stands); the hold's job dropped, the confirmation queued (the move's effects).
    const confirmed = await transitionAll(tx, "paymentAuthorized", orders.map((order) => ({ orderId: order.id, where: { holdExpiresAt: { gt: request.now } }, note: "paiement autorisé" })), request.now);
    if (confirmed.length === 0) {
      // The holds are gone (expired, stock sold to someone else): nothing will be charged.
      await tx.checkout.update({ where: { id: checkoutId }, data: { paymentStatus: "CANCELLED", stripePaymentIntentId: authorization.id } });
      await enqueue(tx, "cancel-authorization", { checkoutId, paymentIntentId: authorization.id }, { key: `cancel-authorization:${checkoutId}`, queue: `payments:${checkoutId}` });
      await queuePaymentTooLateEmail(tx, checkoutId);
      return "too-late";
    }
    await tx.checkout.update({
      where: { id: checkoutId },
      data: { paymentStatus: "AUTHORIZED", stripePaymentIntentId: authorization.id, stripeChargeId: authorization.chargeId, authorizedCents: authorization.amountCapturable, captureBefore: authorization.captureBefore },
    });
    await tx.payment.upsert({
      where: { idempotencyKey: `authorization:${checkoutId}` },
      create: { checkoutId, kind: "AUTHORIZATION", amountCents: authorization.amountCapturable, status: "SUCCEEDED", providerId: authorization.id, idempotencyKey: `authorization:${checkoutId}` },
      update: {},
    });
    if (authorization.captureBefore) {
      await enqueue(tx, "capture-payment", { checkoutId, deadline: true }, { key: `capture-deadline:${checkoutId}`, queue: `payments:${checkoutId}`, runAt: new Date(authorization.captureBefore.getTime() - CAPTURE_MARGIN_MS) });
    }
    return "confirmed";
  });
}

/** The payment page expired (or the payment failed): the unpaid orders are cancelled and their holds released. */
async function cancelUnpaid(db: PrismaClient, checkoutId: string, request: { now: Date; event?: Event }): Promise<SettleOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, request.event))) return "already";
    await tx.$queryRaw`SELECT 1 FROM "Checkout" WHERE "id" = ${checkoutId} FOR UPDATE`;
    const released = await releaseUnpaidOrders(tx, checkoutId, "paiement non effectué", request.now);
    await tx.checkout.updateMany({ where: { id: checkoutId, paymentStatus: "PENDING" }, data: { paymentStatus: "CANCELLED" } });
    return released > 0 ? "expired" : "already";
  });
}

/** Cancels a checkout's orders still awaiting payment, giving back their holds (all at once, in the lock order of placing); returns how many. */
export async function releaseUnpaidOrders(tx: Tx, checkoutId: string, note: string, now: Date): Promise<number> {
  const unpaid = await tx.order.findMany({ where: { checkoutId, status: "AWAITING_PAYMENT" }, select: { id: true } });
  const released = await transitionAll(tx, "paymentNotMade", unpaid.map((order) => ({ orderId: order.id, reason: "Paiement non reçu", note })), now);
  return released.length;
}
