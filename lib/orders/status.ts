import type { OrderStatus } from "@/generated/prisma/enums";

export { canTransition, TRANSITIONS } from "./lifecycle/moves";

/** A customer may cancel until the shop starts preparing. */
export const CUSTOMER_CANCELLABLE: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED"];

/** Statuses in which the order still holds stock and a slot place. */
export const HOLDS_STOCK: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY"];

/** Confirmed (paid or to pay at handover) and not yet handed over: the shop owes the customer this order. */
export const AWAITING_HANDOVER: OrderStatus[] = HOLDS_STOCK.filter((status) => status !== "AWAITING_PAYMENT");
