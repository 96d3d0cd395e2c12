import type { Tx } from "@/lib/db/client";
import { appUrl } from "@/lib/notifications/app-url";
import { pickupEventIcs } from "@/lib/notifications/ics";
import { queueEmail } from "@/lib/notifications/outbox";
import { formatSlot } from "@/lib/time/format";
import { handOverLines, isDelivery, loadOrderForEmail, orderLink, type OrderForEmail, placeLine, queueCustomerEmail } from "./order-emails";

/** The order's slot as a calendar event: one UID per order, its SEQUENCE the times it moved. */
function calendarOf(order: OrderForEmail): string {
  return pickupEventIcs({
    uid: `${order.id}@comptoir`,
    sequence: order.calendarSequence,
    startsAt: order.slotStartsAt,
    endsAt: order.slotEndsAt,
    summary: `${isDelivery(order) ? "Livraison" : "Retrait"} Comptoir — ${order.shop.name}`,
    location: placeLine(order),
    description: `Commande ${order.reference} — code ${isDelivery(order) ? "à donner au livreur" : "de retrait"} ${order.pickupCode}`,
    url: orderLink(order),
  });
}

/** The customer moved their order (issue #24, item 3): the new slot, and a calendar file that replaces the old event. */
export async function queueRescheduledEmail(tx: Tx, orderId: string, why?: string): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  await queueCustomerEmail(tx, order, {
    subject: `Nouveau créneau pour votre commande ${order.reference} — ${order.shop.name}`,
    kind: "order-rescheduled",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `Votre commande ${order.reference} chez ${order.shop.name} a changé de créneau :`,
      "",
      ...handOverLines(order),
      "",
      ...(why ? [why, ""] : []),
      "Le fichier calendrier joint remplace le précédent dans votre agenda. Suivre votre commande :",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
    attachments: [{ filename: `retrait-${order.reference}.ics`, contentType: "text/calendar; charset=utf-8", content: calendarOf(order) }],
  });
}

/** The pickup reminder: code, place, slot, and the slot as a calendar file. */
export async function queueReminderEmail(tx: Tx, orderId: string): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  const calendar = calendarOf(order);
  await queueCustomerEmail(tx, order, {
    subject: `Rappel : ${isDelivery(order) ? "livraison" : "retrait"} de votre commande ${order.reference} — ${order.shop.name}`,
    kind: "order-reminder",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      isDelivery(order) ? `Petit rappel : votre commande ${order.reference} chez ${order.shop.name} vous sera livrée.` : `Petit rappel : votre commande ${order.reference} chez ${order.shop.name} vous attend.`,
      "",
      ...handOverLines(order),
      "",
      "Le créneau est dans le fichier calendrier joint. Suivre ou annuler votre commande :",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
    attachments: [{ filename: `retrait-${order.reference}.ics`, contentType: "text/calendar; charset=utf-8", content: calendar }],
  });
}

/** An order not collected in time: the customer and the shop's owners are told. */
export async function queueNoShowEmails(tx: Tx, orderId: string, automatic: boolean, absentNote?: string): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  const delivered = isDelivery(order);
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} ${delivered ? "non livrée" : "non retirée"} — ${order.shop.name}`,
    kind: "order-no-show",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      delivered
        ? `Votre commande ${order.reference} chez ${order.shop.name} n'a pas pu vous être livrée (créneau : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}) : personne à l'adresse. Elle est close.`
        : `Votre commande ${order.reference} chez ${order.shop.name} n'a pas été retirée (créneau : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}). Elle est close.`,
      ...(absentNote ? [`Note du livreur : ${absentNote}`] : []),
      "Si c'est une erreur, contactez le commerce.",
      "",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
  });
  if (!automatic) return;
  const owners = await tx.shopMember.findMany({ where: { shopId: order.shop.id, role: "OWNER" }, select: { user: { select: { email: true } } } });
  for (const owner of owners) {
    await queueEmail(tx, {
      to: owner.user.email,
      subject: `Commande ${order.reference} passée en « non retirée »`,
      text: [
        "Bonjour,",
        "",
        `La commande ${order.reference} de ${order.contactName} (${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}) n'a pas été retirée dans le délai prévu : elle est passée automatiquement en « non retirée ».`,
        "Sa place de créneau est libérée (et son stock remis en vente si vous l'avez choisi dans vos réglages de retrait).",
        "",
        `${appUrl()}/dashboard/${order.shop.id}/commandes/${order.id}`,
      ].join("\n"),
      kind: "shop-no-show",
      orderId: order.id,
      territoryId: order.territoryId,
    });
  }
}

/** An unpaid order whose hold ran out: nothing was charged, nothing is kept. */
export async function queueHoldExpiredEmail(tx: Tx, orderId: string): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} non payée — ${order.shop.name}`,
    kind: "order-hold-expired",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `Le paiement de votre commande ${order.reference} chez ${order.shop.name} n'a pas abouti à temps : elle est annulée et rien ne vous a été débité.`,
      "Vous pouvez repasser commande sur Comptoir.",
      "",
      "—",
      "Comptoir",
    ],
  });
}
