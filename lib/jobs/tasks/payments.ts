import { z } from "zod";
import { captureCheckout } from "@/lib/payments/capture";
import { moveMoneyOnce } from "@/lib/payments/ledger";
import { refundOrder } from "@/lib/payments/refunds";
import { transferToShop } from "@/lib/payments/transfers";
import type { TaskContext, TaskHandler } from "../context";

/**
 * The money movements of online payment. Each runs in its checkout's own queue
 * (one at a time), re-reads the facts, and moves money through the ledger under a
 * stable idempotency key: a retry after a provider failure never moves it twice.
 */
function gateway(context: TaskContext) {
  if (!context.payments) throw new Error("Online payment is not configured on this worker (STRIPE_SECRET_KEY)");
  return context.payments;
}

const checkoutPayload = z.object({ checkoutId: z.string().min(1), deadline: z.boolean().optional() });
const orderPayload = z.object({ orderId: z.string().min(1) });
const authorizationPayload = z.object({ checkoutId: z.string().min(1), paymentIntentId: z.string().min(1) });
const sessionPayload = z.object({ checkoutId: z.string().min(1), sessionId: z.string().min(1) });

export const capturePayment: TaskHandler = async (raw, _job, context) => {
  const { checkoutId, deadline } = checkoutPayload.parse(raw);
  await captureCheckout(context.db, gateway(context), { checkoutId, deadline, now: context.now() });
};

export const transferPayment: TaskHandler = async (raw, _job, context) => {
  await transferToShop(context.db, gateway(context), orderPayload.parse(raw));
};

export const refundPayment: TaskHandler = async (raw, _job, context) => {
  await refundOrder(context.db, gateway(context), orderPayload.parse(raw));
};

/**
 * An authorization no longer counted on (a payment that came too late, or one replaced by a
 * dearer substitute's new authorization) is lifted, and the ledger says so.
 */
export const cancelAuthorization: TaskHandler = async (raw, _job, context) => {
  const { checkoutId, paymentIntentId } = authorizationPayload.parse(raw);
  // Per authorization: a checkout whose substitute needed a new one cancels two.
  const key = `cancel-authorization:${checkoutId}:${paymentIntentId}`;
  await moveMoneyOnce(context.db, { checkoutId, kind: "RELEASE", amountCents: 0, idempotencyKey: key }, async () => {
    await gateway(context).cancelAuthorization(paymentIntentId, key);
    return paymentIntentId;
  });
};

/** The payment page of orders whose hold ended is closed, so nobody pays for them. */
export const expireSession: TaskHandler = async (raw, _job, context) => {
  const { sessionId } = sessionPayload.parse(raw);
  await gateway(context).expireCheckoutSession(sessionId);
};
