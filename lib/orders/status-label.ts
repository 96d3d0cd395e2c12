import type { OrderStatus } from "@/generated/prisma/enums";

/** Statuses a delivery names differently: ready for the round, handed over at home, nobody there. */
const DELIVERY_WORDING: ReadonlySet<OrderStatus> = new Set(["READY", "COLLECTED", "NO_SHOW"]);

/** The message key (namespace "order") naming a status for this kind of order. */
export function statusLabelKey(status: OrderStatus, pointKind: string | undefined): string {
  return pointKind === "DELIVERY" && DELIVERY_WORDING.has(status) ? `delivery_${status}` : status;
}
