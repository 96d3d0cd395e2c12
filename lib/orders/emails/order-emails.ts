import type { Tx } from "@/lib/db/client";
import { formatPrice } from "@/lib/money/format";
import { queueEmail } from "@/lib/notifications/outbox";
import { formatSlot } from "@/lib/time/format";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";

/**
 * Emails about an order, composed and queued inside the transaction that changed
 * the order (the outbox): they report exactly what committed, and are never lost
 * if the process dies right after.
 */
export async function loadOrderForEmail(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      territoryId: true,
      contactEmail: true,
      contactName: true,
      pickupCode: true,
      accessToken: true,
      slotStartsAt: true,
      slotEndsAt: true,
      rescheduleCount: true,
      calendarSequence: true,
      totalCents: true,
      voucherCents: true,
      paymentMethod: true,
      shop: { select: { id: true, name: true } },
      pickupPoint: { select: { kind: true, name: true, addressLine: true, postalCode: true, city: true } },
      deliveryAddress: true,
      deliveryInstructions: true,
      deliveryFeeCents: true,
      deliveryCommune: { select: { name: true, postalCode: true } },
      lines: { select: { productName: true, quantity: true, lineTotalCents: true } },
      relayBasket: { select: { code: true, _count: { select: { orders: true } } } },
    },
  });
  // Links go to the order's own town, at its own address.
  return order ? { ...order, publicUrl: await publicUrlOfTerritory(tx, order.territoryId) } : null;
}

export type OrderForEmail = NonNullable<Awaited<ReturnType<typeof loadOrderForEmail>>>;

export const orderLink = (order: { id: string; accessToken: string; publicUrl: string }) => `${order.publicUrl}/commandes/${order.id}?t=${order.accessToken}`;
export const placeLine = (order: OrderForEmail) =>
  isDelivery(order)
    ? `${order.deliveryAddress}, ${order.deliveryCommune?.postalCode ?? ""} ${order.deliveryCommune?.name ?? ""}`.trim()
    : `${order.pickupPoint.name}, ${order.pickupPoint.addressLine}, ${order.pickupPoint.postalCode} ${order.pickupPoint.city}`;

export const isDelivery = (order: OrderForEmail) => order.pickupPoint.kind === "DELIVERY";

/** Where and when, with the code: at a door or relay point, or at the customer's address (issue #15). */
export function handOverLines(order: OrderForEmail): string[] {
  if (!isDelivery(order)) return [`Retrait : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}`, `Où : ${placeLine(order)}`, `Code de retrait : ${order.pickupCode}`, ...basketLines(order)];
  return [
    `Livraison : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}`,
    `Adresse : ${placeLine(order)}`,
    ...(order.deliveryInstructions ? [`Indications : ${order.deliveryInstructions}`] : []),
    `Code à donner au livreur : ${order.pickupCode}`,
  ];
}

/** At a relay point, one code collects the checkout's orders from several shops (issue #12). */
export function basketLines(order: OrderForEmail): string[] {
  if (!order.relayBasket) return [];
  return [`Code du point relais pour vos ${order.relayBasket._count.orders} commandes : ${order.relayBasket.code} (un seul code au point relais pour tout ce qui y est arrivé)`];
}

/** Queues an email about the order to its customer (nothing when the order has no email). */
export async function queueCustomerEmail(tx: Tx, order: OrderForEmail, email: { subject: string; kind: string; lines: string[]; attachments?: { filename: string; contentType: string; content: string }[] }): Promise<void> {
  if (!order.contactEmail) return;
  await queueEmail(tx, { to: order.contactEmail, subject: email.subject, text: email.lines.join("\n"), kind: email.kind, orderId: order.id, territoryId: order.territoryId, attachments: email.attachments });
}

/** "Commande confirmée" for each order of a checkout. */
export async function queueOrderConfirmations(tx: Tx, orderIds: string[]): Promise<void> {
  for (const id of orderIds) {
    const order = await loadOrderForEmail(tx, id);
    if (!order) continue;
    await queueCustomerEmail(tx, order, {
      subject: `Commande ${order.reference} confirmée — ${order.shop.name}`,
      kind: "order-confirmed",
      lines: [
        `Bonjour ${order.contactName},`,
        "",
        `Votre commande ${order.reference} chez ${order.shop.name} est confirmée.`,
        "",
        ...order.lines.map((l) => `- ${l.quantity} × ${l.productName} : ${formatPrice(l.lineTotalCents, "fr")}`),
        ...(isDelivery(order) ? [`- Livraison : ${order.deliveryFeeCents > 0 ? formatPrice(order.deliveryFeeCents, "fr") : "offerte"}`] : []),
        `Total : ${formatPrice(order.totalCents, "fr")}${order.voucherCents > 0 ? "" : order.paymentMethod === "PAY_AT_PICKUP" ? (isDelivery(order) ? " (à payer à la livraison)" : " (à payer au retrait)") : ""}`,
        ...(order.voucherCents > 0
          ? [`Bons d’achat de la ville : −${formatPrice(order.voucherCents, "fr")} ; reste à payer ${formatPrice(Math.max(0, order.totalCents - order.voucherCents), "fr")}${order.paymentMethod === "PAY_AT_PICKUP" ? (isDelivery(order) ? " à la livraison" : " au retrait") : " (payé en ligne)"}`]
          : []),
        "",
        ...handOverLines(order),
        "",
        "Suivre ou annuler votre commande :",
        orderLink(order),
        "",
        "—",
        "Comptoir",
      ],
    });
  }
}

/** "Commande annulée", when the customer cancelled. */
export async function queueCancellationEmail(tx: Tx, orderId: string): Promise<void> {
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} annulée — ${order.shop.name}`,
    kind: "order-cancelled",
    lines: [`Bonjour ${order.contactName},`, "", `Votre commande ${order.reference} chez ${order.shop.name} est annulée. Rien ne vous sera demandé.`, "", orderLink(order), "", "—", "Comptoir"],
  });
}

const STATUS_MAIL: Partial<Record<string, { subject: string; body: string }>> = {
  READY: { subject: "prête à retirer", body: "Votre commande est prête : présentez votre code de retrait au créneau choisi." },
  AT_RELAY_POINT: { subject: "déposée au point relais", body: "Votre commande vous attend au point relais : présentez votre code de retrait." },
  CANCELLED: { subject: "annulée par le commerce", body: "Le commerce a dû annuler votre commande. Rien ne vous sera demandé." },
};

/** A delivered order's steps read differently; "ready" is the shop's own step before the round, not mailed. */
const DELIVERY_MAIL: Partial<Record<string, { subject: string; body: string } | null>> = {
  READY: null,
  OUT_FOR_DELIVERY: { subject: "en cours de livraison", body: "Votre commande est partie en livraison : donnez votre code au livreur à son arrivée." },
  COLLECTED: { subject: "livrée", body: "Votre commande vous a été livrée. Merci !" },
};

/** Tells the customer about a status the shop set (ready, at the relay point, cancelled). */
export async function queueStatusEmail(tx: Tx, orderId: string, status: string, reason?: string): Promise<void> {
  // Most steps (preparing…) mail nothing: no need to load the order for them.
  if (!STATUS_MAIL[status] && !DELIVERY_MAIL[status]) return;
  const order = await loadOrderForEmail(tx, orderId);
  if (!order) return;
  const mail = isDelivery(order) && status in DELIVERY_MAIL ? DELIVERY_MAIL[status] : STATUS_MAIL[status];
  if (!mail) return;
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} ${mail.subject} — ${order.shop.name}`,
    kind: `order-${status.toLowerCase()}`,
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `${order.shop.name} — commande ${order.reference} : ${mail.body}`,
      ...(reason ? [`Motif : ${reason}`] : []),
      ...(status === "CANCELLED" || status === "COLLECTED" ? [] : ["", ...handOverLines(order)]),
      "",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
  });
}
