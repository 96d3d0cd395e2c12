import type { Tx } from "@/lib/db/client";
import { formatPrice } from "@/lib/money/format";
import { amountDue, awaitsWeighing } from "@/lib/payments/amounts";
import { loadOrderForEmail, orderLink, queueCustomerEmail } from "./order-emails";

export type LineChangeForEmail = { productName: string; ordered: number; delivered: number; reason: string };

/**
 * "Votre commande a changé": which lines are short or missing and why, the new total,
 * and what it means for the money — less to pay at pickup, less taken from the card,
 * or the difference refunded when the card was already charged.
 */
export async function queueLinesChangedEmail(tx: Tx, orderId: string, changes: LineChangeForEmail[]): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  const money = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true, totalCents: true, maxTotalCents: true, voucherCents: true, capturedCents: true,
      lines: { select: { soldByWeight: true, actualGrams: true, deliveredQuantity: true } },
      shop: { select: { noShowFeeCents: true } },
      checkout: { select: { paymentStatus: true } },
    },
  });
  const due = amountDue(money);
  const unweighed = money.lines.some(awaitsWeighing);
  const euros = (cents: number) => formatPrice(cents, "fr");
  const paymentLine =
    order.paymentMethod !== "ONLINE"
      ? `À régler ${order.pickupPoint.kind === "DELIVERY" ? "à la livraison" : "au retrait"} : ${euros(Math.max(0, money.totalCents - money.voucherCents))}${unweighed ? " environ (selon la pesée)" : ""}.`
      : money.checkout.paymentStatus === "CAPTURED" && money.capturedCents > due
        ? `Vous avez été débité de ${euros(money.capturedCents)} : nous vous remboursons ${euros(money.capturedCents - due)} sur votre carte.`
        : `Seuls ${euros(due)} seront débités de votre carte.`;
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} modifiée : nouveau total ${euros(money.totalCents)} — ${order.shop.name}`,
    kind: "order-lines-changed",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `En préparant votre commande, ${order.shop.name} n’a pas pu tout vous réserver :`,
      ...changes.map((change) =>
        change.delivered === 0
          ? `- ${change.productName} : manquant (${change.reason}), non facturé`
          : `- ${change.productName} : ${change.delivered} au lieu de ${change.ordered} (${change.reason}), seuls ${change.delivered} facturés`,
      ),
      "",
      `Nouveau total : ${euros(money.totalCents)}${money.voucherCents > 0 ? `, dont ${euros(money.voucherCents)} payés par les bons d’achat de la ville` : ""}.`,
      paymentLine,
      "",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
  });
}
