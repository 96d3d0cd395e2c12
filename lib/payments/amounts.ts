import type { OrderStatus } from "@/generated/prisma/enums";

/** Statuses in which an order's amount is known for good (prepared, or over). */
export const SETTLED_FOR_CAPTURE: OrderStatus[] = ["READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY", "COLLECTED", "CANCELLED", "NO_SHOW"];

export type WeighableLine = { soldByWeight: boolean; actualGrams: number | null; deliveredQuantity: number | null };

/** A line sold by weight still waiting for its real weight (a missing line waits for nothing). */
export const awaitsWeighing = (line: WeighableLine) => line.soldByWeight && line.actualGrams === null && line.deliveredQuantity !== 0;

export type OrderForAmount = {
  status: OrderStatus;
  totalCents: number;
  maxTotalCents: number;
  /** Paid by the town's vouchers: never charged to the card */
  voucherCents: number;
  lines: WeighableLine[];
  shop: { noShowFeeCents: number | null };
};

/**
 * What the customer owes for an online-paid order now: nothing once cancelled; the
 * shop's no-show fee (if it keeps one) for a no-show; the maximum while a weighed
 * line has no real weight yet (a capture at the deadline takes that, the difference
 * is refunded once weighed); else the order's total — less what the town's
 * vouchers pay (a no-show loses them: they go back to the campaign).
 */
export function amountDue(order: OrderForAmount): number {
  if (order.status === "CANCELLED") return 0;
  if (order.status === "NO_SHOW") return Math.min(order.shop.noShowFeeCents ?? 0, order.totalCents);
  const unweighed = order.lines.some(awaitsWeighing);
  return Math.max(0, (unweighed ? order.maxTotalCents : order.totalCents) - order.voucherCents);
}

/** The platform's commission on an amount, in basis points, rounded to the cent. */
export const commissionOf = (amountCents: number, commissionBp: number) => Math.round((amountCents * commissionBp) / 10_000);
