import type { OrderStatus, PaymentMethod } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { cancelJob, enqueue } from "@/lib/jobs/queue";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { spendVoucherUses } from "@/lib/vouchers/settle";
import { queueHoldExpiredEmail, queueNoShowEmails } from "../emails/follow-up-emails";
import { queueCancellationEmail, queueOrderConfirmations, queueStatusEmail } from "../emails/order-emails";
import { releaseHoldsOfOrders } from "../holds/release-holds";
import type { Effect } from "./moves";

/** What the effects need of an order that just moved, read in the move's transaction. */
export type MovedOrder = {
  id: string;
  shopId: string;
  checkoutId: string;
  paymentMethod: PaymentMethod;
  pickupPointId: string;
  slotStartsAt: Date;
  lines: { productId: string; quantity: number; deliveredQuantity: number | null }[];
  shop: { noShowRestock: boolean };
  checkout: { stripeSessionId: string | null };
};

export const MOVED_ORDER_SELECT = {
  id: true, shopId: true, checkoutId: true, paymentMethod: true, pickupPointId: true, slotStartsAt: true,
  lines: { select: { productId: true, quantity: true, deliveredQuantity: true } },
  shop: { select: { noShowRestock: true } },
  checkout: { select: { stripeSessionId: true } },
} as const;

/** `reasons`: each order's reason for the move (a cancellation's, an absence's note), by id */
export type EffectContext = { to: OrderStatus; now: Date; reasons: Record<string, string | undefined> };

type Runner = (tx: Tx, orders: MovedOrder[], context: EffectContext) => Promise<void>;

const eachOrder = (run: (tx: Tx, order: MovedOrder, context: EffectContext) => Promise<void>): Runner => async (tx, orders, context) => {
  for (const order of orders) await run(tx, order, context);
};

/** One runner per effect (the compiler refuses an effect of the table without one). */
const RUNNERS: Record<Effect, Runner> = {
  // What is handed over is not known yet. Runs after the move locked the order's row, so a proposal made meanwhile is seen.
  noSubstituteAwaitingAnswer: eachOrder(async (tx, order) => {
    const pending = await tx.substitution.count({ where: { orderId: order.id, status: "PROPOSED" } });
    if (pending > 0) throw new DomainError("conflict", "a substitute waits for the customer's answer", { reason: "substituteAwaitingAnswer" });
  }),
  // Several orders at once in the lock order of placing (a checkout whose payment never came).
  releaseHolds: (tx, orders, { now }) => releaseHoldsOfOrders(tx, orders, { now }),
  releasePlaces: async (tx, orders, { now }) => {
    await releaseHoldsOfOrders(tx, orders.filter((order) => order.shop.noShowRestock), { now });
    await releaseHoldsOfOrders(tx, orders.filter((order) => !order.shop.noShowRestock), { now, restock: false });
  },
  closeOpenQuestions: async (tx, orders, { now }) => {
    const orderIds = orders.map((order) => order.id);
    const substitutions = await tx.substitution.findMany({ where: { orderId: { in: orderIds }, status: "PROPOSED" }, select: { id: true } });
    const slotMoves = await tx.slotMove.findMany({ where: { orderId: { in: orderIds }, status: "PROPOSED" }, select: { id: true } });
    if (substitutions.length) await tx.substitution.updateMany({ where: { id: { in: substitutions.map((s) => s.id) }, status: "PROPOSED" }, data: { status: "EXPIRED", decidedAt: now } });
    if (slotMoves.length) await tx.slotMove.updateMany({ where: { id: { in: slotMoves.map((m) => m.id) }, status: "PROPOSED" }, data: { status: "CANCELLED", decidedAt: now } });
    for (const { id } of substitutions) await cancelJob(tx, `substitution:${id}`);
    for (const { id } of slotMoves) await cancelJob(tx, `slot-move:${id}`);
  },
  spendVouchers: eachOrder((tx, order, { now }) => spendVoucherUses(tx, order.id, now)),
  cancelHoldJob: eachOrder((tx, order) => cancelJob(tx, `hold:${order.id}`)),
  closePaymentPage: eachOrder(async (tx, order) => {
    const sessionId = order.checkout.stripeSessionId;
    if (sessionId) await enqueue(tx, "expire-session", { checkoutId: order.checkoutId, sessionId }, { key: `expire-session:${order.checkoutId}` });
  }),
  paymentFollowUp: eachOrder((tx, order, { to }) => queuePaymentFollowUp(tx, { id: order.id, checkoutId: order.checkoutId, paymentMethod: order.paymentMethod, status: to })),
  emailConfirmed: (tx, orders) => queueOrderConfirmations(tx, orders.map((order) => order.id)),
  emailStatus: eachOrder((tx, order, { to, reasons }) => queueStatusEmail(tx, order.id, to, reasons[order.id])),
  emailCancelled: eachOrder((tx, order) => queueCancellationEmail(tx, order.id)),
  emailHoldExpired: eachOrder((tx, order) => queueHoldExpiredEmail(tx, order.id)),
  emailNoShow: eachOrder((tx, order) => queueNoShowEmails(tx, order.id, false)),
  emailAbsent: eachOrder((tx, order, { reasons }) => queueNoShowEmails(tx, order.id, false, reasons[order.id])),
  emailNoShowAutomatic: eachOrder((tx, order) => queueNoShowEmails(tx, order.id, true)),
};

/** Runs a move's effects, in the table's order, for the orders that moved. */
export async function runEffects(tx: Tx, effects: readonly Effect[], orders: MovedOrder[], context: EffectContext): Promise<void> {
  if (orders.length === 0) return;
  for (const effect of effects) await RUNNERS[effect](tx, orders, context);
}
