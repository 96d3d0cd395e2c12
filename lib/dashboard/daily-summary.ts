import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { localDayRange, requestedDay } from "@/lib/time/local-day";
import { addDays, isoWeekday, toLocal } from "@/lib/time/zoned";

const TO_PREPARE = ["CONFIRMED", "PREPARING"] as const;
const COUNTED = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY", "COLLECTED", "NO_SHOW"] as const;


/** The day's preparation list: per slot, the items to pick across orders still to prepare, then the day's totals. */
export async function getPreparationList(db: PrismaClient, request: { actor: Actor; shopId: string; day?: unknown; now?: Date }) {
  requireShopMember(request.actor, request.shopId);
  const day = requestedDay(request.day, request.now ?? new Date());
  const orders = await db.order.findMany({
    where: { shopId: request.shopId, status: { in: [...TO_PREPARE] }, slotStartsAt: localDayRange(day) },
    orderBy: { slotStartsAt: "asc" },
    select: { reference: true, contactName: true, slotStartsAt: true, slotEndsAt: true, pickupPoint: { select: { name: true } }, lines: { select: { productName: true, unit: true, quantity: true } } },
  });
  type Item = { name: string; unit: string; quantity: number };
  type SlotList = { startsAt: Date; endsAt: Date; orders: string[]; items: Map<string, Item> };
  const slots = new Map<number, SlotList>();
  const totals = new Map<string, Item>();
  for (const order of orders) {
    const key = order.slotStartsAt.getTime();
    const slot: SlotList = slots.get(key) ?? { startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, orders: [], items: new Map<string, Item>() };
    slot.orders.push(`${order.reference} — ${order.contactName} (${order.pickupPoint.name})`);
    for (const line of order.lines) {
      const itemKey = `${line.productName}|${line.unit}`;
      for (const bucket of [slot.items, totals]) {
        const item = bucket.get(itemKey) ?? { name: line.productName, unit: line.unit, quantity: 0 };
        item.quantity += line.quantity;
        bucket.set(itemKey, item);
      }
    }
    slots.set(key, slot);
  }
  const sorted = <T extends { name: string }>(items: Iterable<T>) => [...items].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { day, slots: [...slots.values()].map((s) => ({ ...s, items: sorted(s.items.values()) })), totals: sorted(totals.values()) };
}

/** Simple figures for the shop: orders today and this week, revenue, top products, orders per day. */
export async function getShopFigures(db: PrismaClient, request: { actor: Actor; shopId: string; now?: Date }) {
  requireShopMember(request.actor, request.shopId);
  const today = toLocal(request.now ?? new Date()).date;
  const monday = addDays(today, 1 - isoWeekday(today));
  const since = addDays(today, -13);
  const counted = { shopId: request.shopId, status: { in: [...COUNTED] } };
  const [todayCount, week, recent, top] = await Promise.all([
    db.order.count({ where: { ...counted, slotStartsAt: localDayRange(today) } }),
    db.order.aggregate({ where: { ...counted, slotStartsAt: { gte: localDayRange(monday).gte, lt: localDayRange(addDays(monday, 6)).lt } }, _count: { _all: true }, _sum: { totalCents: true } }),
    db.order.findMany({ where: { ...counted, slotStartsAt: { gte: localDayRange(since).gte, lt: localDayRange(today).lt } }, select: { slotStartsAt: true } }),
    db.orderLine.groupBy({
      by: ["productName"],
      where: { order: { ...counted, slotStartsAt: { gte: localDayRange(addDays(today, -29)).gte } } },
      _sum: { quantity: true, lineTotalCents: true },
      orderBy: { _sum: { quantity: "desc" } },
      take: 5,
    }),
  ]);
  const perDay = Array.from({ length: 14 }, (_, i) => ({ day: addDays(since, i), orders: 0 }));
  for (const order of recent) {
    const entry = perDay.find((d) => d.day === toLocal(order.slotStartsAt).date);
    if (entry) entry.orders++;
  }
  return {
    ordersToday: todayCount,
    ordersThisWeek: week._count._all,
    revenueThisWeekCents: week._sum.totalCents ?? 0,
    topProducts: top.map((t) => ({ name: t.productName, quantity: t._sum.quantity ?? 0, revenueCents: t._sum.lineTotalCents ?? 0 })),
    perDay,
  };
}
