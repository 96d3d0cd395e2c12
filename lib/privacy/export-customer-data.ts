import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { UnauthenticatedError } from "@/lib/errors";
import { ownOrders } from "./scope";

/**
 * Everything Comptoir holds about a signed-in customer (RGPD, right of access and
 * portability): the account, its roles, baskets, orders with their lines and
 * history, the emails sent to them and their sign-in sessions — as plain JSON.
 */
export async function exportCustomerData(db: PrismaClient, input: { actor: Actor; now: Date }) {
  const { actor } = input;
  if (actor.kind !== "user") throw new UnauthenticatedError();
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      id: true, email: true, name: true, phone: true, locale: true, emailVerified: true, createdAt: true,
      roles: { select: { role: true, territory: { select: { name: true } } } },
      memberships: { select: { role: true, shop: { select: { name: true } } } },
      sessions: { select: { createdAt: true, expiresAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } },
      carts: { select: { territory: { select: { name: true } }, lines: { select: { quantity: true, addedAt: true, product: { select: { name: true, shop: { select: { name: true } } } } } } } },
    },
  });
  if (!user) throw new UnauthenticatedError();
  const [orders, emails, vouchers] = await Promise.all([
    db.order.findMany({
      where: ownOrders(user),
      orderBy: { createdAt: "asc" },
      select: {
        reference: true, status: true, createdAt: true, slotStartsAt: true, slotEndsAt: true, paymentMethod: true, paymentStatus: true,
        subtotalCents: true, vatCents: true, totalCents: true, voucherCents: true, refundedCents: true, contactName: true, contactEmail: true, contactPhone: true, note: true, cancelReason: true,
        territory: { select: { name: true } }, shop: { select: { name: true } }, pickupPoint: { select: { name: true, addressLine: true } }, deliveryAddress: true, deliveryInstructions: true, deliveryFeeCents: true, deliveryCommune: { select: { name: true, postalCode: true } },
        lines: { select: { productName: true, unit: true, quantity: true, unitPriceCents: true, vatRateBp: true, lineTotalCents: true, actualGrams: true } },
        events: { select: { fromStatus: true, toStatus: true, note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    }),
    db.outgoingEmail.findMany({ where: { toAddress: { equals: user.email, mode: "insensitive" } }, orderBy: { createdAt: "asc" }, select: { subject: true, kind: true, status: true, createdAt: true, sentAt: true, text: true } }),
    db.voucher.findMany({ where: { recipientEmail: { equals: user.email, mode: "insensitive" } }, orderBy: { createdAt: "asc" }, select: { code: true, valueCents: true, balanceCents: true, createdAt: true, campaign: { select: { name: true } } } }),
  ]);
  return {
    exportedAt: input.now.toISOString(),
    about: "Données personnelles détenues par Comptoir sur votre compte (RGPD, articles 15 et 20). Montants en centimes d’euro.",
    account: {
      email: user.email, name: user.name, phone: user.phone, language: user.locale, emailVerifiedAt: user.emailVerified?.toISOString() ?? null, createdAt: user.createdAt.toISOString(),
      roles: user.roles.map((grant) => ({ role: grant.role, territory: grant.territory?.name ?? null })),
      shops: user.memberships.map((membership) => ({ shop: membership.shop.name, role: membership.role })),
    },
    baskets: user.carts.map((cart) => ({ town: cart.territory.name, lines: cart.lines.map((line) => ({ product: line.product.name, shop: line.product.shop.name, quantity: line.quantity, addedAt: line.addedAt.toISOString() })) })),
    orders: orders.map((order) => ({
      reference: order.reference, town: order.territory.name, shop: order.shop.name, status: order.status, placedAt: order.createdAt.toISOString(),
      pickup: { place: order.pickupPoint.name, address: order.pickupPoint.addressLine, from: order.slotStartsAt.toISOString(), to: order.slotEndsAt.toISOString() },
      payment: { method: order.paymentMethod, status: order.paymentStatus, subtotalCents: order.subtotalCents, vatCents: order.vatCents, totalCents: order.totalCents, townVoucherCents: order.voucherCents, refundedCents: order.refundedCents },
      delivery: order.deliveryCommune || order.deliveryAddress ? { address: order.deliveryAddress, commune: order.deliveryCommune?.name ?? null, postalCode: order.deliveryCommune?.postalCode ?? null, instructions: order.deliveryInstructions, feeCents: order.deliveryFeeCents } : null,
      contact: { name: order.contactName, email: order.contactEmail, phone: order.contactPhone }, note: order.note, cancelReason: order.cancelReason,
      lines: order.lines.map((line) => ({ product: line.productName, unit: line.unit, quantity: line.quantity, unitPriceCents: line.unitPriceCents, vatRateBp: line.vatRateBp, totalCents: line.lineTotalCents, weighedGrams: line.actualGrams })),
      history: order.events.map((event) => ({ from: event.fromStatus, to: event.toStatus, at: event.createdAt.toISOString(), note: event.note })),
    })),
    vouchersReceived: vouchers.map((voucher) => ({ campaign: voucher.campaign.name, code: voucher.code, valueCents: voucher.valueCents, balanceCents: voucher.balanceCents, receivedAt: voucher.createdAt.toISOString() })),
    emails: emails.map((email) => ({ subject: email.subject, kind: email.kind, status: email.status, queuedAt: email.createdAt.toISOString(), sentAt: email.sentAt?.toISOString() ?? null, text: email.text })),
    sessions: user.sessions.map((session) => ({ signedInAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString(), signedOutAt: session.revokedAt?.toISOString() ?? null })),
  };
}

export type CustomerDataExport = Awaited<ReturnType<typeof exportCustomerData>>;
