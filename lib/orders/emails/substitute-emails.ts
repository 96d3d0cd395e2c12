import type { Tx } from "@/lib/db/client";
import { formatPrice } from "@/lib/money/format";
import { formatDay, formatTime } from "@/lib/time/format";
import { loadOrderForEmail, orderLink, queueCustomerEmail } from "./order-emails";

const euros = (cents: number) => formatPrice(cents, "fr");

/** The page that answers a proposal: its own id and one-use secret (the order's link would open the whole order). */
export const substitutionLink = (publicUrl: string, substitutionId: string, secret: string) => `${publicUrl}/remplacements/${substitutionId}?s=${encodeURIComponent(secret)}`;

/**
 * "Un remplacement vous est proposé" (with the link to accept or refuse, and what
 * happens without an answer), or "… remplacé par …" once applied (accepted, or
 * at once under the customer's standing consent), with the new total.
 */
export async function queueSubstituteEmail(tx: Tx, email: { substitutionId: string; kind: "proposed"; secret: string } | { substitutionId: string; kind: "applied" }): Promise<void> {
  const s = await tx.substitution.findUniqueOrThrow({ where: { id: email.substitutionId } });
  const order = await loadOrderForEmail(tx, s.orderId);
  if (!order) return;
  const substitute = `${s.quantity} × ${s.productName}${s.soldByWeight ? " (au poids)" : ""}`;
  const price = s.maxLineTotalCents > s.lineTotalCents ? `${euros(s.lineTotalCents)} environ, ${euros(s.maxLineTotalCents)} au plus` : euros(s.lineTotalCents);
  if (email.kind === "proposed") {
    const link = substitutionLink(order.publicUrl, s.id, email.secret);
    await queueCustomerEmail(tx, order, {
      subject: `Commande ${order.reference} : un remplacement vous est proposé — ${order.shop.name}`,
      kind: "substitute-proposed",
      lines: [
        `Bonjour ${order.contactName},`,
        "",
        `${order.shop.name} ne peut pas vous remettre ${s.originalQuantity} × ${s.originalName} (${euros(s.originalTotalCents)}) : ${s.reason}.`,
        `À la place, la boutique vous propose : ${substitute}, pour ${price}.`,
        ...(s.reauthorizeCents ? [`Ce remplacement coûte plus que ce que votre carte garantit : l’accepter vous demandera d’autoriser ${euros(s.reauthorizeCents)} sur votre carte à la place de l’autorisation actuelle, qui sera libérée (vous n’êtes débité qu’une fois, à la fin).`] : []),
        "",
        `Accepter ou refuser : ${link}`,
        "",
        `Sans réponse avant ${formatDay(s.expiresAt, "fr")} à ${formatTime(s.expiresAt, "fr")}, ${s.originalName} sera simplement retiré de votre commande et ne vous sera pas facturé.`,
        "Ce lien ne sert qu’une fois ; ne le transférez pas.",
        "",
        "—",
        "Comptoir",
      ],
    });
    return;
  }
  const totals = await tx.order.findUniqueOrThrow({ where: { id: s.orderId }, select: { totalCents: true, voucherCents: true, paymentMethod: true } });
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} : ${s.originalName} remplacé par ${s.productName} — nouveau total ${euros(totals.totalCents)}`,
    kind: "substitute-applied",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `${s.originalName} n’étant plus disponible (${s.reason}), ${order.shop.name} vous remet ${substitute} pour ${price}${s.automatic ? ", comme vous l’aviez accepté en commandant (remplacements raisonnables)" : ", comme vous l’avez accepté"}.`,
      "",
      `Nouveau total : ${euros(totals.totalCents)}${totals.voucherCents > 0 ? `, dont ${euros(totals.voucherCents)} payés par les bons d’achat de la ville` : ""}.`,
      totals.paymentMethod === "ONLINE" ? "Seul le nouveau total sera débité de votre carte." : "Vous réglerez le nouveau total au retrait.",
      "",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
  });
}
