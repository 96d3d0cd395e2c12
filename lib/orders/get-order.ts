import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { audit } from "@/lib/admin/audit";
import { isOperatorOf, mayCancelAsCustomer, orderViewer, sameSecret } from "./order-access";
import { CUSTOMER_CANCELLABLE } from "./status";

const orderDetail = {
  id: true,
  reference: true,
  status: true,
  shopId: true,
  territoryId: true,
  customerId: true,
  placedById: true,
  accessToken: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  slotStartsAt: true,
  slotEndsAt: true,
  rescheduleCount: true,
  pickupCode: true,
  paymentMethod: true,
  paymentStatus: true,
  checkoutId: true,
  holdExpiresAt: true,
  totalCents: true,
  maxTotalCents: true,
  voucherCents: true,
  refundedCents: true,
  vatCents: true,
  note: true,
  cancelReason: true,
  createdAt: true,
  shop: { select: { name: true, slug: true, phone: true } },
  pickupPoint: { select: { kind: true, name: true, addressLine: true, postalCode: true, city: true, instructions: true, openingHours: true } },
  lines: { select: { id: true, productName: true, unit: true, quantity: true, deliveredQuantity: true, shortReason: true, unitPriceCents: true, lineTotalCents: true, soldByWeight: true, estimatedGrams: true, actualGrams: true }, orderBy: { productName: "asc" } },
  // What the customer sees of the money: their card's authorization, charge and refunds (payouts to shops are not theirs).
  payments: { where: { kind: "REFUND" }, select: { id: true, kind: true, amountCents: true, status: true, providerId: true, error: true, createdAt: true } },
  checkout: { select: { payments: { where: { orderId: null }, select: { id: true, kind: true, amountCents: true, status: true, providerId: true, error: true, createdAt: true } } } },
  events: { select: { id: true, toStatus: true, createdAt: true, note: true }, orderBy: { createdAt: "asc" } },
  deliveryAddress: true,
  deliveryInstructions: true,
  deliveryFeeCents: true,
  deliveryCommune: { select: { name: true, postalCode: true } },
  relayBasket: { select: { code: true, orders: { select: { shop: { select: { name: true } } }, orderBy: { shop: { name: "asc" } } } } },
} as const;

/** Whether the operator has placed an order for this order's caller (same phone, same town): they serve that caller. */
async function operatorServesCaller(db: PrismaClient, actor: Actor, order: { territoryId: string; contactPhone: string | null }): Promise<boolean> {
  if (actor.kind !== "user" || !order.contactPhone || !isOperatorOf(actor, order.territoryId)) return false;
  return (await db.order.count({ where: { territoryId: order.territoryId, placedById: actor.userId, contactPhone: order.contactPhone } })) > 0;
}

/**
 * One order as its customer (or shop, or the town's staff) sees it; not found for
 * anyone else. A staff read of another person's order is written to the audit log.
 */
export async function getOrder(db: PrismaClient, request: { actor: Actor; orderId: string; token?: string | null }) {
  const order = await db.order.findUnique({ where: { id: request.orderId }, select: orderDetail });
  if (!order) throw new NotFoundError("order");
  const viewer = orderViewer(request.actor, order, request.token, await operatorServesCaller(db, request.actor, order));
  if (!viewer) throw new NotFoundError("order");
  if (viewer === "staff") await db.$transaction((tx) => audit(tx, { actor: request.actor, territoryId: order.territoryId, action: "order.read", entityType: "Order", entityId: order.id }));
  const { accessToken, relayBasket, ...visible } = order;
  const asCustomer = mayCancelAsCustomer(request.actor, order, request.token);
  return {
    ...visible,
    // The relay basket's code also collects the other shops' orders: the customer's only, never a shop's staff.
    relayBasket: asCustomer ? relayBasket : null,
    canCancel: CUSTOMER_CANCELLABLE.includes(order.status) && asCustomer,
    linkToken: asCustomer ? accessToken : null,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;

/** Whether the actor may see a checkout: by its secret (the guest's link) or as its customer. */
export async function assertCheckoutAccess(db: PrismaClient, request: { actor: Actor; checkoutId: string; token?: string | null }): Promise<void> {
  const checkout = await db.checkout.findUnique({ where: { id: request.checkoutId }, select: { accessToken: true, userId: true } });
  const allowed = checkout && ((request.token && sameSecret(request.token, checkout.accessToken)) || (request.actor.kind === "user" && checkout.userId === request.actor.userId));
  if (!allowed) throw new NotFoundError("checkout");
}

/** A checkout for its confirmation page: its orders and where its online payment stands. */
export async function getCheckoutOrders(db: PrismaClient, request: { actor: Actor; checkoutId: string; token?: string | null }) {
  await assertCheckoutAccess(db, request);
  const checkout = await db.checkout.findUniqueOrThrow({
    where: { id: request.checkoutId },
    select: {
      paymentStatus: true,
      relayBaskets: { select: { id: true, code: true, pickupPoint: { select: { name: true } }, orders: { select: { shop: { select: { name: true } } }, orderBy: { shop: { name: "asc" } } } } },
      orders: {
        select: {
          id: true, reference: true, status: true, pickupCode: true, accessToken: true, slotStartsAt: true, slotEndsAt: true, totalCents: true, maxTotalCents: true, voucherCents: true, paymentMethod: true, holdExpiresAt: true,
          shop: { select: { name: true } }, pickupPoint: { select: { kind: true, name: true, addressLine: true, city: true } },
          deliveryAddress: true, deliveryCommune: { select: { name: true } },
        },
        orderBy: { slotStartsAt: "asc" },
      },
    },
  });
  const awaiting = checkout.orders.filter((o) => o.status === "AWAITING_PAYMENT");
  return {
    orders: checkout.orders,
    relayBaskets: checkout.relayBaskets,
    payment: {
      status: checkout.paymentStatus,
      awaiting: awaiting.length,
      holdEndsAt: firstHoldEnd(awaiting),
      maxCents: awaiting.reduce((sum, o) => sum + o.maxTotalCents, 0),
    },
  };
}

/** A customer's orders, newest first. */
export async function listCustomerOrders(db: PrismaClient, userId: string) {
  return db.order.findMany({
    where: { customerId: userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, reference: true, status: true, slotStartsAt: true, slotEndsAt: true, totalCents: true, shop: { select: { name: true } }, pickupPoint: { select: { kind: true } } },
  });
}

/** When the first of the unpaid orders' holds ends (an order without a hold does not count). */
function firstHoldEnd(orders: { holdExpiresAt: Date | null }[]): Date | null {
  const ends = orders.flatMap((order) => (order.holdExpiresAt ? [order.holdExpiresAt.getTime()] : []));
  return ends.length ? new Date(Math.min(...ends)) : null;
}
