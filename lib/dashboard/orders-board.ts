import { z } from "zod";
import { boundedText, wholeNumber } from "@/lib/validation/fields";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { addDays, fromLocal, toLocal } from "@/lib/time/zoned";
import { AWAITING_HANDOVER } from "@/lib/orders/status";

const STATUSES = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY", "COLLECTED", "CANCELLED", "NO_SHOW"] as const;

export const boardFilters = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  point: boundedText(64).optional().catch(undefined),
  days: wholeNumber(1, 31, "daysInvalid").catch(7),
});

/**
 * The shop's orders board: today's and upcoming orders grouped by pickup slot,
 * with counts per status and the shop's pickup points for filtering.
 */
export async function getOrdersBoard(db: PrismaClient, request: { actor: Actor; shopId: string; filters?: unknown; now?: Date }) {
  requireShopMember(request.actor, request.shopId);
  const filters = boardFilters.parse(request.filters ?? {});
  const now = request.now ?? new Date();
  const today = toLocal(now).date;
  const from = fromLocal(today, 0) ?? now;
  const to = fromLocal(addDays(today, filters.days), 0) ?? now;
  const where = { shopId: request.shopId, slotStartsAt: { gte: from, lt: to } };
  const [orders, counts, points, newest, leftOpen] = await Promise.all([
    db.order.findMany({
      where: { ...where, ...(filters.status ? { status: filters.status } : {}), ...(filters.point ? { pickupPointId: filters.point } : {}) },
      orderBy: [{ slotStartsAt: "asc" }, { createdAt: "asc" }],
      take: 500,
      select: {
        id: true,
        reference: true,
        status: true,
        contactName: true,
        totalCents: true,
        rescheduleCount: true,
        slotStartsAt: true,
        slotEndsAt: true,
        pickupPoint: { select: { id: true, name: true, kind: true } },
        deliveryCommune: { select: { name: true } },
        _count: { select: { lines: true } },
      },
    }),
    db.order.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.pickupPoint.findMany({
      where: { OR: [{ shopId: request.shopId }, { servedBy: { some: { shopId: request.shopId } } }, { deliveryShopId: request.shopId }] },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
    db.order.findFirst({ where: { shopId: request.shopId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    // Orders of past days never closed: they hold stock, a place and the town's vouchers until the shop closes them.
    db.order.findMany({
      where: { shopId: request.shopId, slotEndsAt: { lt: from }, status: { in: AWAITING_HANDOVER } },
      orderBy: { slotStartsAt: "asc" },
      take: 50,
      select: { id: true, reference: true, status: true, contactName: true, slotStartsAt: true, slotEndsAt: true, pickupPoint: { select: { kind: true } } },
    }),
  ]);
  const slots = new Map<number, { startsAt: Date; endsAt: Date; orders: typeof orders }>();
  for (const order of orders) {
    const key = order.slotStartsAt.getTime();
    const slot = slots.get(key) ?? { startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, orders: [] };
    slot.orders.push(order);
    slots.set(key, slot);
  }
  return {
    filters,
    slots: [...slots.values()],
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<OrderStatus, number>>,
    points,
    latestOrderAt: newest?.createdAt ?? null,
    leftOpen,
  };
}

const movementColumns = { id: true, kind: true, amountCents: true, status: true, providerId: true, error: true, createdAt: true } as const;

/** One order of the shop with everything the counter needs. */
export async function getShopOrder(db: PrismaClient, request: { actor: Actor; shopId: string; orderId: string }) {
  requireShopMember(request.actor, request.shopId);
  const order = await findShopOrder(db, request);
  if (!order) return null;
  // One card payment may cover several shops: a shop sees its own share, never another shop's amounts.
  const checkoutMovements = order.checkout.payments.filter((movement) => SHARED_KINDS.includes(movement.kind)).map((movement) => ({ ...movement, amountCents: shareOf(order, movement.kind, movement.amountCents) }));
  return { ...order, checkout: { payments: checkoutMovements } };
}

const SHARED_KINDS: string[] = ["AUTHORIZATION", "CAPTURE", "RELEASE"];

function shareOf(order: { maxTotalCents: number; capturedCents: number }, kind: string, amountCents: number): number {
  if (kind === "AUTHORIZATION") return order.maxTotalCents;
  if (kind === "CAPTURE") return order.capturedCents;
  return kind === "RELEASE" ? 0 : amountCents;
}

function findShopOrder(db: PrismaClient, request: { shopId: string; orderId: string }) {
  return db.order.findFirst({
    where: { id: request.orderId, shopId: request.shopId },
    select: {
      id: true,
      checkoutId: true,
      reference: true,
      status: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      note: true,
      totalCents: true,
      maxTotalCents: true,
      voucherCents: true,
      capturedCents: true,
      refundedCents: true,
      paymentMethod: true,
      paymentStatus: true,
      slotStartsAt: true,
      slotEndsAt: true,
      cancelReason: true,
      placedById: true,
      pickupPoint: { select: { name: true, kind: true, addressLine: true, city: true } },
      deliveryAddress: true,
      deliveryInstructions: true,
      deliveryFeeCents: true,
      deliveryCommune: { select: { name: true, postalCode: true } },
      lines: {
        select: { id: true, productName: true, unit: true, quantity: true, deliveredQuantity: true, shortReason: true, unitPriceCents: true, lineTotalCents: true, soldByWeight: true, estimatedGrams: true, actualGrams: true, productId: true, product: { select: { weightToleranceBp: true } } },
        orderBy: { productName: "asc" },
      },
      payments: { select: movementColumns, orderBy: { createdAt: "asc" } },
      // The checkout's own movements (authorization, capture) concern this order too.
      checkout: { select: { payments: { where: { orderId: null }, select: movementColumns, orderBy: { createdAt: "asc" } } } },
      events: { select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}
