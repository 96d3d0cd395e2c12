import type { Tx } from "@/lib/db/client";
import { formatPrice } from "@/lib/money/format";
import { queueEmail } from "@/lib/notifications/outbox";

/** A payment that came after the hold ended: the customer learns nothing was charged. */
export async function queuePaymentTooLateEmail(tx: Tx, checkoutId: string): Promise<void> {
  const orders = await tx.order.findMany({ where: { checkoutId, paymentMethod: "ONLINE" }, select: { id: true, reference: true, contactName: true, contactEmail: true, territoryId: true, shop: { select: { name: true } } } });
  const first = orders[0];
  if (!first?.contactEmail) return;
  await queueEmail(tx, {
    to: first.contactEmail,
    subject: "Votre paiement est arrivé trop tard : rien n'a été débité",
    text: [
      `Bonjour ${first.contactName},`,
      "",
      "Votre paiement nous est parvenu après la fin de la réservation de vos articles :",
      ...orders.map((o) => `- ${o.shop.name}, commande ${o.reference}`),
      "Ces commandes sont annulées et l'autorisation sur votre carte est levée : rien n'a été débité.",
      "Vous pouvez repasser commande sur Comptoir.",
      "",
      "—",
      "Comptoir",
    ].join("\n"),
    kind: "payment-too-late",
    orderId: first.id,
    territoryId: first.territoryId,
  });
}

/** The final amount of an order whose weighed lines were entered by the shop. */
export async function queueFinalAmountEmail(tx: Tx, orderId: string): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, reference: true, contactName: true, contactEmail: true, territoryId: true, totalCents: true, maxTotalCents: true, voucherCents: true, paymentMethod: true, shop: { select: { name: true } }, lines: { where: { soldByWeight: true, OR: [{ deliveredQuantity: null }, { deliveredQuantity: { gt: 0 } }] }, select: { productName: true, actualGrams: true, lineTotalCents: true } } },
  });
  if (!order?.contactEmail) return;
  await queueEmail(tx, {
    to: order.contactEmail,
    subject: `Commande ${order.reference} : montant final ${formatPrice(order.totalCents, "fr")} — ${order.shop.name}`,
    text: [
      `Bonjour ${order.contactName},`,
      "",
      `${order.shop.name} a pesé vos articles :`,
      ...order.lines.map((l) => `- ${l.productName} : ${l.actualGrams} g, ${formatPrice(l.lineTotalCents, "fr")}`),
      "",
      `Montant final : ${formatPrice(order.totalCents, "fr")}${order.voucherCents > 0 ? `, dont ${formatPrice(order.voucherCents, "fr")} payés par les bons d’achat de la ville` : ""}${order.paymentMethod === "ONLINE" ? ` (seuls ${formatPrice(Math.max(0, order.totalCents - order.voucherCents), "fr")} sont prélevés sur les ${formatPrice(Math.max(0, order.maxTotalCents - order.voucherCents), "fr")} réservés)` : ` (${formatPrice(Math.max(0, order.totalCents - order.voucherCents), "fr")} à payer au retrait)`}.`,
      "",
      "—",
      "Comptoir",
    ].join("\n"),
    kind: "order-final-amount",
    orderId: order.id,
    territoryId: order.territoryId,
  });
}
