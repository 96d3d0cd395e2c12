import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { maxGramsFor, priceForGrams } from "@/lib/catalog/line-pricing";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { awaitsWeighing } from "@/lib/payments/amounts";
import { fitVoucherUsesToGoods } from "@/lib/vouchers/settle";
import { queueFinalAmountEmail } from "@/lib/payments/payment-emails";
import { wholeNumber } from "@/lib/validation/fields";
import { recomputeOrderTotals } from "./order-totals";
import { lockOrderRow } from "../lifecycle/lock-order";

const weighInput = z.object({
  orderId: z.string().min(1).max(64),
  weights: z.array(z.object({ lineId: z.string().min(1).max(64), grams: wholeNumber(1, 100_000, "weightInvalid") })).min(1, "weightInvalid").max(100),
});

/**
 * The shop enters the real weight of an order's lines sold by weight, while
 * preparing it. A weight above the line's tolerance is refused (the difference is
 * settled at the counter); the lines, the order's total and VAT follow, the
 * customer is emailed the final amount once every weighed line has its weight, and
 * an online payment is captured (or refunded) on the real total.
 */
export async function weighOrderLines(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<{ totalCents: number }> {
  const input = weighInput.parse(request.input);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true, shopId: true, checkoutId: true, paymentMethod: true, status: true, deliveryFeeCents: true,
      lines: { select: { id: true, soldByWeight: true, estimatedGrams: true, unitPriceCents: true, vatRateBp: true, lineTotalCents: true, actualGrams: true, deliveredQuantity: true, product: { select: { weightToleranceBp: true } } } },
    },
  });
  if (!order) throw new NotFoundError("order");
  requireShopMember(request.actor, order.shopId);
  if (order.status !== "CONFIRMED" && order.status !== "PREPARING") throw new DomainError("conflict", "weights are entered while preparing", { reason: "illegalTransition" });
  const changes = input.weights.map((weight) => {
    const line = order.lines.find((l) => l.id === weight.lineId);
    if (!line?.soldByWeight || !line.estimatedGrams) throw new DomainError("invalidInput", "not a weighed line", { reason: "notWeighedLine" });
    if (line.deliveredQuantity === 0) throw new DomainError("invalidInput", "a missing line is not weighed", { reason: "lineMissing" });
    const max = maxGramsFor(line.estimatedGrams, line.product.weightToleranceBp);
    if (weight.grams > max) throw new DomainError("invalidInput", "above the tolerance", { reason: "weightAboveTolerance", max, lineId: line.id });
    return { id: line.id, grams: weight.grams, total: priceForGrams(line.unitPriceCents, weight.grams) };
  });
  return db.$transaction(async (tx) => {
    if (!(await lockOrderRow(tx, order.id, order.status, request.now))) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
    for (const change of changes) {
      // Not a line marked missing meanwhile (lib/orders/changes/short-line.ts).
      const weighed = await tx.orderLine.updateMany({ where: { id: change.id, deliveredQuantity: null }, data: { actualGrams: change.grams, lineTotalCents: change.total } });
      if (weighed.count === 0) throw new DomainError("conflict", "the line changed meanwhile", { reason: "lineChanged" });
    }
    const { totalCents: total } = await recomputeOrderTotals(tx, order);
    // Lighter than estimated: the town's share follows the goods now, not at handover — a card captured
    // in between (the authorization's deadline) would otherwise be short of what the customer owes.
    await fitVoucherUsesToGoods(tx, order.id, request.now);
    const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, select: { soldByWeight: true, actualGrams: true, deliveredQuantity: true } });
    await tx.orderEvent.create({ data: { orderId: order.id, fromStatus: order.status, toStatus: order.status, actorUserId: request.actor.kind === "user" ? request.actor.userId : null, change: "WEIGHED", note: `pesée : ${changes.map((c) => `${c.grams} g`).join(", ")}`, details: { weights: changes.map((c) => ({ lineId: c.id, grams: c.grams, totalCents: c.total })) } } });
    if (!lines.some(awaitsWeighing)) await queueFinalAmountEmail(tx, order.id);
    await queuePaymentFollowUp(tx, { id: order.id, checkoutId: order.checkoutId, paymentMethod: order.paymentMethod, status: order.status }, { amountChanged: true });
    return { totalCents: total };
  });
}
