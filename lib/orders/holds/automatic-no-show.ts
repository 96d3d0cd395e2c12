import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { readOpeningHours } from "@/lib/catalog/opening-hours";
import { noShowDeadline } from "../emails/follow-up-times";
import { transition } from "../lifecycle/transition";

/** Only a prepared order can be a customer's no-show (the state machine's rule). */
const WAITING_FOR_CUSTOMER: OrderStatus[] = ["READY", "AT_RELAY_POINT"];

export type NoShowOutcome = { outcome: "marked" } | { outcome: "not-yet"; deadline: Date } | { outcome: "not-applicable" };

/**
 * Closes an order its customer did not collect once the shop's grace period is
 * over: NO_SHOW, the slot place given back (the stock too when the shop says the
 * goods go back on the shelf), the customer and the owners emailed, the history
 * saying "automatique". The status update is conditional: a collection at the
 * same moment wins, and nothing happens twice.
 */
export async function markNoShowAutomatically(db: PrismaClient, request: { orderId: string; now: Date }): Promise<NoShowOutcome> {
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: {
      id: true, status: true, slotEndsAt: true,
      pickupPoint: { select: { kind: true } },
      shop: { select: { openingHours: true, noShowGraceHours: true } },
    },
  });
  if (!order || !WAITING_FOR_CUSTOMER.includes(order.status)) return { outcome: "not-applicable" };
  // A delivery is never the customer's no-show by the clock: a round not done is the shop's to settle, and
  // the driver who found nobody says so ("absent", with a note) — the same rule, applied by a person.
  if (order.pickupPoint.kind === "DELIVERY") return { outcome: "not-applicable" };
  const deadline = noShowDeadline(order.slotEndsAt, { openingHours: readOpeningHours(order.shop.openingHours), noShowGraceHours: order.shop.noShowGraceHours });
  if (request.now < deadline) return { outcome: "not-yet", deadline };
  return db.$transaction(async (tx) => {
    if (!(await transition(tx, "automaticNoShow", { orderId: order.id, from: order.status, note: "automatique" }, request.now))) return { outcome: "not-applicable" } as const;
    return { outcome: "marked" } as const;
  });
}
