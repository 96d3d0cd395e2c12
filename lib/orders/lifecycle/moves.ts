import { OrderStatus } from "@/generated/prisma/enums";

/**
 * What a move does besides changing the status, in the move's own transaction and in
 * the order listed (lib/orders/lifecycle/effects.ts runs them; docs/decisions/0015).
 */
export type Effect =
  /** A guard: the whole move is refused while a substitute waits for the customer's answer. */
  | "noSubstituteAwaitingAnswer"
  /** Stock, the slot's and the relay point's places, and the town's vouchers given back. */
  | "releaseHolds"
  /** A no-show: the places and the vouchers given back; the stock only when the shop puts such goods back on the shelf. */
  | "releasePlaces"
  /** An ended order asks its customer nothing more: open substitute and slot proposals closed, their deadline jobs dropped. */
  | "closeOpenQuestions"
  /** The town's vouchers on it are spent, owed to the shop. */
  | "spendVouchers"
  /** The unpaid hold's deadline job (key `hold:<orderId>`) is dropped. */
  | "cancelHoldJob"
  /** The checkout's payment page is expired at the provider (job key `expire-session:<checkoutId>`). */
  | "closePaymentPage"
  /** Online payment: the capture reconsidered (`capture:<checkoutId>`), the shop paid (`transfer:<orderId>`), a refund (`refund:<orderId>`). */
  | "paymentFollowUp"
  /** Emails to the customer (through the outbox, in the same transaction). */
  | "emailConfirmed"
  | "emailStatus"
  | "emailCancelled"
  | "emailHoldExpired"
  | "emailNoShow"
  | "emailAbsent"
  | "emailNoShowAutomatic";

export type Move = { from: readonly OrderStatus[]; to: OrderStatus; effects: readonly Effect[] };

const NOT_FINAL: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY"];

/**
 * Every way an order's status may change, by name: where from, where to, and what else happens.
 * lib/orders/lifecycle/transition.ts is the only code that changes an order's status, and only
 * through one of these.
 */
export const MOVES = {
  // The payment page (lib/payments/settle-session.ts) and the unpaid hold's job (holds/unpaid-holds.ts)
  paymentAuthorized: { from: ["AWAITING_PAYMENT"], to: "CONFIRMED", effects: ["cancelHoldJob", "emailConfirmed"] },
  paymentNotMade: { from: ["AWAITING_PAYMENT"], to: "CANCELLED", effects: ["releaseHolds", "closeOpenQuestions", "cancelHoldJob", "emailHoldExpired"] },
  holdExpired: { from: ["AWAITING_PAYMENT"], to: "CANCELLED", effects: ["releaseHolds", "closeOpenQuestions", "emailHoldExpired", "closePaymentPage"] },

  // The shop's team (handover/shop-transitions.ts); `from` is every status the table lets reach `to`
  startPreparing: { from: ["CONFIRMED"], to: "PREPARING", effects: ["paymentFollowUp"] },
  markReady: { from: ["PREPARING"], to: "READY", effects: ["noSubstituteAwaitingAnswer", "emailStatus", "paymentFollowUp"] },
  markAtRelayPoint: { from: ["PREPARING"], to: "AT_RELAY_POINT", effects: ["noSubstituteAwaitingAnswer", "emailStatus", "paymentFollowUp"] },
  startDelivery: { from: ["READY"], to: "OUT_FOR_DELIVERY", effects: ["emailStatus", "paymentFollowUp"] },
  markCollected: { from: ["READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY"], to: "COLLECTED", effects: ["spendVouchers", "closeOpenQuestions", "emailStatus", "paymentFollowUp"] },
  markDelivered: { from: ["OUT_FOR_DELIVERY"], to: "COLLECTED", effects: ["spendVouchers", "closeOpenQuestions", "emailStatus", "paymentFollowUp"] },
  markNoShow: { from: ["READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY"], to: "NO_SHOW", effects: ["releasePlaces", "closeOpenQuestions", "emailNoShow", "paymentFollowUp"] },
  markAbsent: { from: ["OUT_FOR_DELIVERY"], to: "NO_SHOW", effects: ["releasePlaces", "closeOpenQuestions", "emailAbsent", "paymentFollowUp"] },
  shopCancels: { from: NOT_FINAL, to: "CANCELLED", effects: ["releaseHolds", "closeOpenQuestions", "emailStatus", "paymentFollowUp"] },

  // The relay point's desk (handover/relay-handover.ts): the point, not the shop, hands over
  relayHandsOver: { from: ["AT_RELAY_POINT"], to: "COLLECTED", effects: ["spendVouchers", "closeOpenQuestions", "paymentFollowUp"] },

  // The platform's clock (holds/automatic-no-show.ts)
  automaticNoShow: { from: ["READY", "AT_RELAY_POINT"], to: "NO_SHOW", effects: ["releasePlaces", "closeOpenQuestions", "emailNoShowAutomatic", "paymentFollowUp"] },

  // The customer (changes/cancel-order.ts), and the changes that leave nothing to hand over
  // (a closure with no other slot, the customer's choice after one, the last line refused: changes/)
  customerCancels: { from: ["AWAITING_PAYMENT", "CONFIRMED"], to: "CANCELLED", effects: ["releaseHolds", "closeOpenQuestions", "emailCancelled", "paymentFollowUp"] },
  cancelledByChange: { from: ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY"], to: "CANCELLED", effects: ["releaseHolds", "closeOpenQuestions", "emailCancelled", "paymentFollowUp"] },
} as const satisfies Record<string, Move>;

export type MoveName = keyof typeof MOVES;

/** For each status, the statuses that may follow it (read from MOVES; the screens and tests use it). */
export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = Object.fromEntries(
  Object.values(OrderStatus).map((from) => [from, [...new Set(Object.values(MOVES as Record<string, Move>).filter((move) => move.from.includes(from)).map((move) => move.to))]]),
) as Record<OrderStatus, OrderStatus[]>;

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
