import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";
import { formatPrice } from "@/lib/money/format";
import { emailTownAdmins } from "./admin-alerts";
import type { PaymentGateway } from "./gateway";
import { firstDelivery } from "./webhook-events";

const STATUS_OF: Record<string, "OPEN" | "WON" | "LOST"> = { won: "WON", lost: "LOST" };

/**
 * A chargeback opened or decided by the cardholder's bank (charge.dispute.*): the
 * dispute as Stripe has it now is written on the checkout, once per event. While it
 * is open the shops' transfers not yet made wait (transferToShop checks); won, they
 * are queued again; lost, they stay held and the town's admins settle it with the
 * shops. Every order of the checkout gets a line in its history, and the town's
 * admins an email (their outgoing emails list shows it).
 */
export async function recordDispute(db: PrismaClient, gateway: PaymentGateway, request: { disputeId: string; event: { id: string; type: string }; now: Date }): Promise<string> {
  const dispute = await gateway.getDispute(request.disputeId);
  const checkout = dispute.paymentIntentId ? await db.checkout.findUnique({ where: { stripePaymentIntentId: dispute.paymentIntentId }, select: { id: true, orders: { select: { territoryId: true }, take: 1 } } }) : null;
  if (!checkout || checkout.orders.length === 0) {
    await db.$transaction((tx) => firstDelivery(tx, request.event));
    return "ignored";
  }
  const status = STATUS_OF[dispute.status] ?? "OPEN";
  return db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, request.event))) return "already";
    const before = await tx.paymentDispute.findUnique({ where: { stripeDisputeId: dispute.id }, select: { status: true } });
    if (before && before.status !== "OPEN") return "already";
    await tx.paymentDispute.upsert({
      where: { stripeDisputeId: dispute.id },
      create: { checkoutId: checkout.id, stripeDisputeId: dispute.id, amountCents: dispute.amountCents, reason: dispute.reason, status, openedAt: request.now, closedAt: status === "OPEN" ? null : request.now },
      update: { amountCents: dispute.amountCents, reason: dispute.reason, status, closedAt: status === "OPEN" ? null : request.now },
    });
    if (before && status === "OPEN") return "updated";
    const orders = await tx.order.findMany({ where: { checkoutId: checkout.id, paymentMethod: "ONLINE" }, select: { id: true, status: true, reference: true, checkoutId: true } });
    const amount = formatPrice(dispute.amountCents, "fr");
    const note = status === "OPEN" ? `litige bancaire ouvert (${dispute.reason}) : ${amount} retenus, virements au commerce suspendus` : status === "WON" ? `litige bancaire gagné : ${amount} rendus, virements repris` : `litige bancaire perdu : ${amount} rendus au porteur de la carte`;
    for (const order of orders) await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, note } });
    // Won: the transfers held meanwhile go out (each job re-reads the facts and pays what is due, once).
    if (status === "WON") for (const order of orders) await enqueue(tx, "transfer-to-shop", { orderId: order.id }, { key: `transfer:${order.id}`, queue: `payments:${order.checkoutId}` });
    await emailTownAdmins(tx, checkout.orders[0]!.territoryId, {
      kind: "payment-dispute",
      subject: `Litige bancaire ${status === "OPEN" ? "ouvert" : status === "WON" ? "gagné" : "perdu"} — commandes ${orders.map((o) => o.reference).join(", ")}`,
      lines: [
        "Bonjour,",
        "",
        `La banque d’un client ${status === "OPEN" ? "conteste" : "a tranché la contestation de"} un paiement en ligne de ${amount} (motif : ${dispute.reason}).`,
        `Commandes concernées : ${orders.map((o) => o.reference).join(", ")}.`,
        status === "OPEN"
          ? "Les virements aux commerces qui n’ont pas encore eu lieu sont suspendus jusqu’à la décision. Répondez à la contestation depuis le tableau de bord Stripe."
          : status === "WON"
            ? "Les virements suspendus reprennent."
            : "Le montant reste au porteur de la carte ; les virements suspendus restent bloqués : voyez avec les commerces concernés.",
        "",
        "—",
        "Comptoir",
      ],
    });
    return status === "OPEN" ? "opened" : "closed";
  });
}

/** Is a transfer for this checkout to wait? Yes while a dispute is open, and after one was lost (support settles it). */
export async function transfersHeld(db: PrismaClient | Tx, checkoutId: string): Promise<boolean> {
  return (await db.paymentDispute.count({ where: { checkoutId, status: { in: ["OPEN", "LOST"] } } })) > 0;
}

export type DisputeView = { id: string; amountCents: number; reason: string; status: "OPEN" | "WON" | "LOST"; openedAt: Date; closedAt: Date | null };

/** The disputes of a checkout (order pages; the caller has checked who may see the order). */
export async function disputesOfCheckout(db: PrismaClient, checkoutId: string): Promise<DisputeView[]> {
  return db.paymentDispute.findMany({ where: { checkoutId }, orderBy: { openedAt: "desc" }, select: { id: true, amountCents: true, reason: true, status: true, openedAt: true, closedAt: true } });
}
