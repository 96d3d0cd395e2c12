import { z } from "zod";
import { sendMorningDigests } from "@/lib/dashboard/morning-digest";
import { markNoShowAutomatically } from "@/lib/orders/holds/automatic-no-show";
import { releaseExpiredHold } from "@/lib/orders/holds/unpaid-holds";
import { anonymiseExpiredGuestOrders, deleteExpiredEmails } from "@/lib/privacy/guest-retention";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { PAYMENT_PAGE_MINUTES } from "@/lib/payments/start-online-payment";
import { enqueue } from "../queue";
import type { TaskContext, TaskHandler } from "../context";
import { log } from "@/lib/log/logger";

/** The recurring sweeps, each run by graphile-worker's cron on exactly one instance per tick. */
const payload = z.object({ sweep: z.enum(["holds", "no-shows", "digests", "purge", "payments", "guests"]) });

const BATCH = 200;

/** Safety net behind each order's own job: every expired hold is released within the minute. */
async function sweepExpiredHolds({ db, now }: TaskContext): Promise<void> {
  const expired = await db.order.findMany({ where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lte: now() } }, select: { id: true }, take: BATCH });
  for (const order of expired) await releaseExpiredHold(db, { orderId: order.id, now: now() });
}

/** Safety net for orders placed before a grace change or before this feature: each is checked against its deadline. */
async function sweepNoShows({ db, now }: TaskContext): Promise<void> {
  const overdue = await db.order.findMany({
    // Deliveries are closed by the driver, never by the clock: left out, they cannot crowd the batch forever.
    where: { status: { in: ["READY", "AT_RELAY_POINT"] }, slotEndsAt: { lte: new Date(now().getTime() - 3_600_000) }, pickupPoint: { kind: { not: "DELIVERY" } } },
    select: { id: true },
    orderBy: { slotEndsAt: "asc" },
    take: BATCH,
  });
  for (const order of overdue) await markNoShowAutomatically(db, { orderId: order.id, now: now() });
}

/**
 * Reconciliation: a lost webhook or a closed browser never leaves an order awaiting
 * payment; a money movement left pending (a crash, a provider outage) is asked again
 * under its own idempotency key.
 */
async function reconcilePayments({ db, now, payments }: TaskContext): Promise<void> {
  if (!payments) return;
  const staleSessions = await db.checkout.findMany({
    where: { paymentStatus: "PENDING", stripeSessionId: { not: null }, createdAt: { lt: new Date(now().getTime() - (PAYMENT_PAGE_MINUTES + 1) * 60_000) } },
    select: { stripeSessionId: true },
    take: BATCH,
  });
  for (const checkout of staleSessions) {
    await settleCheckoutSession(db, payments, { sessionId: checkout.stripeSessionId ?? "", now: now() }).catch((error: unknown) => log().warn({ err: error, kind: "job", task: "maintenance" }, "reconciliation of a payment page failed"));
  }
  const pending = await db.payment.findMany({ where: { status: "PENDING", updatedAt: { lt: new Date(now().getTime() - 5 * 60_000) } }, select: { kind: true, checkoutId: true, orderId: true }, take: BATCH });
  for (const movement of pending) {
    const queue = `payments:${movement.checkoutId}`;
    if ((movement.kind === "REFUND" || movement.kind === "TRANSFER_REVERSAL") && movement.orderId) await enqueue(db, "refund-order", { orderId: movement.orderId }, { key: `refund:${movement.orderId}`, queue });
    else if (movement.kind === "TRANSFER" && movement.orderId) await enqueue(db, "transfer-to-shop", { orderId: movement.orderId }, { key: `transfer:${movement.orderId}`, queue });
    else await enqueue(db, "capture-payment", { checkoutId: movement.checkoutId }, { key: `capture:${movement.checkoutId}`, queue });
  }
}

/** Old counters and sessions that can no longer matter. */
async function purge({ db, now }: TaskContext): Promise<void> {
  const dayAgo = new Date(now().getTime() - 86_400_000);
  await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: dayAgo } } });
  await db.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { revokedAt: { lt: dayAgo } }] } });
  await db.workerHeartbeat.deleteMany({ where: { lastSeenAt: { lt: dayAgo } } });
}

export const maintenance: TaskHandler = async (raw, _job, context) => {
  const { sweep } = payload.parse(raw);
  if (sweep === "holds") await sweepExpiredHolds(context);
  else if (sweep === "no-shows") await sweepNoShows(context);
  else if (sweep === "digests") await sendMorningDigests(context.db, context.now());
  else if (sweep === "payments") await reconcilePayments(context);
  else if (sweep === "guests") {
    await anonymiseExpiredGuestOrders(context.db, { now: context.now() });
    await deleteExpiredEmails(context.db, { now: context.now() });
  }
  else await purge(context);
};

/** graphile-worker crontab: minute hour day month weekday task ?options payload */
export const CRONTAB = [
  `* * * * * maintenance ?id=sweep-holds&max=1 {"sweep":"holds"}`,
  `*/10 * * * * maintenance ?id=sweep-no-shows&max=1 {"sweep":"no-shows"}`,
  `*/15 * * * * maintenance ?id=morning-digests&max=1 {"sweep":"digests"}`,
  `17 * * * * maintenance ?id=purge&max=1 {"sweep":"purge"}`,
  `*/5 * * * * maintenance ?id=reconcile-payments&max=1 {"sweep":"payments"}`,
  // RGPD: guests' contact details erased after their town's retention period, once a night.
  `43 2 * * * maintenance ?id=anonymise-guests&max=1 {"sweep":"guests"}`,
].join("\n");
