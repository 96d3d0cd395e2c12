import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { localDayRange, requestedDay } from "@/lib/time/local-day";
import { toLocal, type LocalDate } from "@/lib/time/zoned";

/** On the round sheet: every delivery the shop owes that day, and those already settled (for the record). */
const ON_THE_SHEET: OrderStatus[] = ["CONFIRMED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "COLLECTED", "NO_SHOW"];

export type RoundOrder = {
  id: string;
  reference: string;
  status: OrderStatus;
  contactName: string;
  contactPhone: string | null;
  address: string;
  instructions: string;
  note: string;
  lines: { productName: string; quantity: number; unit: string }[];
  /** What the driver collects at the door (pay on delivery, vouchers deducted); 0 when paid online */
  toCollectCents: number;
  paidOnline: boolean;
};

export type Unsettled = { id: string; reference: string; status: OrderStatus; contactName: string; slotStartsAt: Date; slotEndsAt: Date };

export type Round = {
  startsAt: Date;
  endsAt: Date;
  /** Orders by commune, communes by name: the order the driver goes through them */
  communes: { name: string; postalCode: string; orders: RoundOrder[] }[];
  ready: number;
  toPrepare: number;
};

/**
 * The shop's delivery rounds of a day, one per delivery slot: orders grouped by commune with the address, phone,
 * instructions, what to bring and what to collect. The customer's code is not on the sheet: the customer gives it.
 */
export async function getDeliveryRounds(db: PrismaClient, request: { actor: Actor; shopId: string; day?: unknown; now?: Date }): Promise<{ day: LocalDate; enabled: boolean; rounds: Round[]; unsettled: Unsettled[] }> {
  requireShopMember(request.actor, request.shopId);
  const now = request.now ?? new Date();
  const day = requestedDay(request.day, now);
  const point = await db.pickupPoint.findUnique({ where: { deliveryShopId: request.shopId }, select: { id: true, active: true } });
  if (!point) return { day, enabled: false, rounds: [], unsettled: [] };
  // Rounds of past days left open: the clock never closes a delivery, the shop must (delivered, absent or cancelled).
  const unsettledQuery = db.order.findMany({
    where: { shopId: request.shopId, pickupPointId: point.id, status: { in: ["READY", "OUT_FOR_DELIVERY"] }, slotEndsAt: { lt: localDayRange(toLocal(now).date).gte } },
    orderBy: { slotStartsAt: "asc" },
    take: 100,
    select: { id: true, reference: true, status: true, contactName: true, slotStartsAt: true, slotEndsAt: true },
  });
  const ordersQuery = db.order.findMany({
    where: { shopId: request.shopId, pickupPointId: point.id, status: { in: ON_THE_SHEET }, slotStartsAt: localDayRange(day) },
    orderBy: [{ slotStartsAt: "asc" }, { deliveryAddress: "asc" }],
    select: {
      id: true, reference: true, status: true, contactName: true, contactPhone: true, note: true, slotStartsAt: true, slotEndsAt: true,
      deliveryAddress: true, deliveryInstructions: true, totalCents: true, voucherCents: true, paymentMethod: true,
      deliveryCommune: { select: { name: true, postalCode: true } },
      lines: { select: { productName: true, quantity: true, unit: true }, orderBy: { productName: "asc" } },
    },
    take: 500,
  });
  const [unsettled, orders] = await Promise.all([unsettledQuery, ordersQuery]);
  const rounds = new Map<number, Round>();
  for (const order of orders) {
    const round: Round = rounds.get(order.slotStartsAt.getTime()) ?? { startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, communes: [], ready: 0, toPrepare: 0 };
    rounds.set(order.slotStartsAt.getTime(), round);
    const communeName = order.deliveryCommune?.name ?? "—";
    let commune = round.communes.find((c) => c.name === communeName);
    if (!commune) {
      commune = { name: communeName, postalCode: order.deliveryCommune?.postalCode ?? "", orders: [] };
      round.communes.push(commune);
    }
    if (order.status === "READY") round.ready += 1;
    if (order.status === "CONFIRMED" || order.status === "PREPARING") round.toPrepare += 1;
    const paidOnline = order.paymentMethod === "ONLINE";
    commune.orders.push({
      id: order.id,
      reference: order.reference,
      status: order.status,
      contactName: order.contactName,
      contactPhone: order.contactPhone,
      address: order.deliveryAddress ?? "",
      instructions: order.deliveryInstructions,
      note: order.note,
      lines: order.lines,
      toCollectCents: paidOnline ? 0 : Math.max(0, order.totalCents - order.voucherCents),
      paidOnline,
    });
  }
  for (const round of rounds.values()) round.communes.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { day, enabled: point.active, rounds: [...rounds.values()], unsettled };
}

const startRoundInput = z.object({ shopId: z.string().min(1).max(64), slotStartsAt: z.iso.datetime({ offset: true }) });

/**
 * The driver leaves: every order of the round that is ready goes out for delivery (each through the state
 * machine, each customer emailed). Orders still being prepared stay behind and are counted, not moved.
 */
export async function startDeliveryRound(db: PrismaClient, request: { actor: Actor; input: unknown }): Promise<{ started: number; leftBehind: number }> {
  const input = startRoundInput.parse(request.input);
  requireShopMember(request.actor, input.shopId);
  const point = await db.pickupPoint.findUnique({ where: { deliveryShopId: input.shopId }, select: { id: true } });
  if (!point) throw new NotFoundError("delivery point");
  const slotStartsAt = new Date(input.slotStartsAt);
  const orders = await db.order.findMany({ where: { shopId: input.shopId, pickupPointId: point.id, slotStartsAt, status: { in: ["CONFIRMED", "PREPARING", "READY"] } }, select: { id: true, status: true } });
  const ready = orders.filter((o) => o.status === "READY");
  if (ready.length === 0) throw new DomainError("conflict", "nothing ready in this round", { reason: "roundNothingReady" });
  let started = 0;
  for (const order of ready) {
    // One order changed meanwhile (cancelled, already out) does not stop the others.
    const moved = await transitionOrderByShop(db, { now: new Date(), actor: request.actor, input: { orderId: order.id, action: "startDelivery" } }).then(() => true, (error: unknown) => {
      if (error instanceof DomainError && error.code === "conflict") return false;
      throw error;
    });
    if (moved) started += 1;
  }
  return { started, leftBehind: orders.length - ready.length };
}
