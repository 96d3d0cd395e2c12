import type { OrderStatus } from "@/generated/prisma/enums";

/** The order's life: which status may follow which. */
export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  AWAITING_PAYMENT: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["PREPARING", "CANCELLED"],
  PREPARING: ["READY", "AT_RELAY_POINT", "CANCELLED"],
  READY: ["COLLECTED", "OUT_FOR_DELIVERY", "NO_SHOW", "CANCELLED"],
  AT_RELAY_POINT: ["COLLECTED", "NO_SHOW", "CANCELLED"],
  // On the round: delivered against the customer's code (COLLECTED), or nobody there (NO_SHOW).
  OUT_FOR_DELIVERY: ["COLLECTED", "NO_SHOW", "CANCELLED"],
  COLLECTED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A customer may cancel until the shop starts preparing. */
export const CUSTOMER_CANCELLABLE: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED"];

/** Statuses in which the order still holds stock and a slot place. */
export const HOLDS_STOCK: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY"];

/** Confirmed (paid or to pay at handover) and not yet handed over: the shop owes the customer this order. */
export const AWAITING_HANDOVER: OrderStatus[] = HOLDS_STOCK.filter((status) => status !== "AWAITING_PAYMENT");
