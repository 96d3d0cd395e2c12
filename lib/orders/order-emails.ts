import type { PrismaClient } from "@/generated/prisma/client";
import { formatPrice } from "@/lib/money/format";
import { appUrl } from "@/lib/notifications/app-url";
import { sendEmail } from "@/lib/notifications/mailer";
import { formatSlot } from "@/lib/time/format";

async function loadForEmail(db: PrismaClient, orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      contactEmail: true,
      contactName: true,
      pickupCode: true,
      accessToken: true,
      slotStartsAt: true,
      slotEndsAt: true,
      totalCents: true,
      paymentMethod: true,
      shop: { select: { name: true } },
      pickupPoint: { select: { name: true, addressLine: true, postalCode: true, city: true } },
      lines: { select: { productName: true, quantity: true, lineTotalCents: true } },
    },
  });
}

const orderLink = (order: { id: string; accessToken: string }) => `${appUrl()}/commandes/${order.id}?t=${order.accessToken}`;

/** "Commande confirmée" email for each order (after the transaction committed). */
export async function sendOrderConfirmations(db: PrismaClient, orderIds: string[]): Promise<void> {
  for (const id of orderIds) {
    const order = await loadForEmail(db, id);
    if (!order?.contactEmail) continue;
    const text = [
      `Bonjour ${order.contactName},`,
      "",
      `Votre commande ${order.reference} chez ${order.shop.name} est confirmée.`,
      "",
      ...order.lines.map((l) => `- ${l.quantity} × ${l.productName} : ${formatPrice(l.lineTotalCents, "fr")}`),
      `Total : ${formatPrice(order.totalCents, "fr")}${order.paymentMethod === "PAY_AT_PICKUP" ? " (à payer au retrait)" : ""}`,
      "",
      `Retrait : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}`,
      `Où : ${order.pickupPoint.name}, ${order.pickupPoint.addressLine}, ${order.pickupPoint.postalCode} ${order.pickupPoint.city}`,
      `Code de retrait : ${order.pickupCode}`,
      "",
      "Suivre ou annuler votre commande :",
      orderLink(order),
      "",
      "—",
      `Order ${order.reference} confirmed. Pickup code ${order.pickupCode}. Follow it with the link above.`,
    ].join("\n");
    await sendEmail(db, { to: order.contactEmail, subject: `Commande ${order.reference} confirmée — ${order.shop.name}`, text, kind: "order-confirmed", orderId: order.id });
  }
}

/** "Commande annulée" email. */
export async function sendCancellationEmail(db: PrismaClient, orderId: string): Promise<void> {
  const order = await loadForEmail(db, orderId);
  if (!order?.contactEmail) return;
  const text = [
    `Bonjour ${order.contactName},`,
    "",
    `Votre commande ${order.reference} chez ${order.shop.name} est annulée. Rien ne vous sera demandé.`,
    "",
    orderLink(order),
    "",
    "—",
    `Order ${order.reference} is cancelled.`,
  ].join("\n");
  await sendEmail(db, { to: order.contactEmail, subject: `Commande ${order.reference} annulée — ${order.shop.name}`, text, kind: "order-cancelled", orderId: order.id });
}

const STATUS_MAIL: Partial<Record<string, { subject: string; body: string; english: string }>> = {
  READY: { subject: "prête à retirer", body: "Votre commande est prête : présentez votre code de retrait au créneau choisi.", english: "is ready for pickup" },
  AT_RELAY_POINT: { subject: "déposée au point relais", body: "Votre commande vous attend au point relais : présentez votre code de retrait.", english: "is waiting at the relay point" },
  CANCELLED: { subject: "annulée par le commerce", body: "Le commerce a dû annuler votre commande. Rien ne vous sera demandé.", english: "was cancelled by the shop" },
};

/** Tells the customer about a status the shop set (ready, at the relay point, cancelled). */
export async function sendStatusEmail(db: PrismaClient, orderId: string, status: string, reason?: string): Promise<void> {
  const mail = STATUS_MAIL[status];
  if (!mail) return;
  const order = await loadForEmail(db, orderId);
  if (!order?.contactEmail) return;
  const text = [
    `Bonjour ${order.contactName},`,
    "",
    `${order.shop.name} — commande ${order.reference} : ${mail.body}`,
    ...(reason ? [`Motif : ${reason}`] : []),
    ...(status === "CANCELLED" ? [] : ["", `Code de retrait : ${order.pickupCode}`, `Où : ${order.pickupPoint.name}, ${order.pickupPoint.addressLine}, ${order.pickupPoint.city}`, `Quand : ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}`]),
    "",
    orderLink(order),
    "",
    "—",
    `Order ${order.reference} ${mail.english}.`,
  ].join("\n");
  await sendEmail(db, { to: order.contactEmail, subject: `Commande ${order.reference} ${mail.subject} — ${order.shop.name}`, text, kind: `order-${status.toLowerCase()}`, orderId: order.id });
}
