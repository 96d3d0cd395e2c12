import type { OrderStatus } from "@/generated/prisma/enums";

/**
 * The order's life: which status may follow which. lib/orders/lifecycle/move-order.ts
 * is the only code that changes an order's status, and it refuses any move this
 * table does not list (docs/decisions/0015).
 */
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
