import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queuePaymentFollowUp } from "@/lib/payments/follow-up";
import { boundedText, wholeNumber } from "@/lib/validation/fields";
import { fitVoucherUsesToGoods } from "@/lib/vouchers/settle";
import { queueLinesChangedEmail } from "../emails/change-emails";
import { recomputeOrderTotals } from "./order-totals";
import { lockOrderRow } from "../lifecycle/lock-order";

/** While the shop prepares an order, its lines may still change (issue #24). */
export const CHANGEABLE: OrderStatus[] = ["CONFIRMED", "PREPARING"];

const shortLineInput = z.object({
  orderId: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
  deliveredQuantity: wholeNumber(0, 10_000, "quantityInvalid"),
  reason: boundedText(200, "reasonTooLong").transform((value) => value.trim()).pipe(z.string().min(3, "shortReasonRequired")),
  /** A short line's pieces not handed over go back on the shelf (the shop's choice; never for a missing line: it is not there) */
  restock: z.boolean().default(false),
});

export type ShortLineResult = { totalCents: number; voucherReleasedCents: number };

/**
 * The shop hands over fewer than ordered on a line (0 = missing), with a reason
 * the customer reads. The line, the order's totals and VAT are recomputed on the
 * server, the town's vouchers fitted to the goods left (what no longer fits goes
 * back to the budget and the code), the customer is emailed, and an online payment
 * is captured on the new total (or refunded the difference if already captured).
 * Conditional on the order's status and on the line as read: of two staff editing
 * the same line at once, exactly one wins and the other is told it changed.
 */
export async function shortOrderLine(db: PrismaClient, request: { actor: Actor; input: unknown; now: Date }): Promise<ShortLineResult> {
  const input = shortLineInput.parse(request.input);
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true, shopId: true, checkoutId: true, paymentMethod: true, status: true, deliveryFeeCents: true, totalCents: true,
      lines: { select: { id: true, productId: true, productName: true, quantity: true, deliveredQuantity: true, unitPriceCents: true, soldByWeight: true } },
    },
  });
  if (!order) throw new NotFoundError("order");
  const staff = requireShopMember(request.actor, order.shopId);
  if (!CHANGEABLE.includes(order.status)) throw new DomainError("conflict", "lines change while preparing", { reason: "notBeingPrepared" });
  const line = order.lines.find((l) => l.id === input.lineId);
  if (!line) throw new DomainError("invalidInput", "not a line of this order", { reason: "lineNotInOrder" });
  const current = line.deliveredQuantity ?? line.quantity;
  if (input.deliveredQuantity >= current) throw new DomainError("invalidInput", "only fewer than what is handed over now", { reason: "quantityNotBelow", max: current - 1 });
  if (line.soldByWeight && input.deliveredQuantity > 0) throw new DomainError("invalidInput", "a weighed line is weighed, or missing", { reason: "weighInstead" });
  const othersLeft = order.lines.some((l) => l.id !== line.id && (l.deliveredQuantity ?? l.quantity) > 0);
  if (input.deliveredQuantity === 0 && !othersLeft) throw new DomainError("invalidInput", "nothing left to hand over: cancel the order", { reason: "allLinesMissing" });

  return db.$transaction(async (tx) => {
    await lockChangeableOrder(tx, order.id, request.now);
    return applyShortfall(tx, { order, line, delivered: input.deliveredQuantity, reason: input.reason, restock: input.restock, actorUserId: staff.userId, now: request.now });
  });
}

/** The order row first, as every change of a placed order does (two changes of one order queue up here). */
export async function lockChangeableOrder(tx: Tx, orderId: string, now: Date): Promise<void> {
  if (!(await lockOrderRow(tx, orderId, CHANGEABLE, now))) throw new DomainError("conflict", "the order changed meanwhile", { reason: "orderChanged" });
}

type ShortfallOrder = { id: string; checkoutId: string; paymentMethod: "ONLINE" | "PAY_AT_PICKUP"; deliveryFeeCents: number; totalCents: number };
type ShortfallLine = { id: string; productId: string; productName: string; quantity: number; deliveredQuantity: number | null; unitPriceCents: number; soldByWeight: boolean };

/**
 * Inside the caller's transaction, after lockChangeableOrder: the line handed over
 * with `delivered` (0 = missing), conditional on the line as it was read; totals,
 * vouchers, history, email and payment follow. Shared by the shop's "short or
 * missing" and by a substitute refused or left unanswered.
 */
export async function applyShortfall(
  tx: Tx,
  change: { order: ShortfallOrder; line: ShortfallLine; delivered: number; reason: string; restock: boolean; actorUserId: string | null; now: Date; emailed?: boolean },
): Promise<ShortLineResult> {
  const { order, line, delivered } = change;
  const current = line.deliveredQuantity ?? line.quantity;
  const lineTotal = line.soldByWeight ? 0 : line.unitPriceCents * delivered;
  const changed = await tx.orderLine.updateMany({
    where: { id: line.id, deliveredQuantity: line.deliveredQuantity },
    data: { deliveredQuantity: delivered, shortReason: change.reason, lineTotalCents: lineTotal, maxLineTotalCents: lineTotal },
  });
  if (changed.count === 0) throw new DomainError("conflict", "someone changed this line meanwhile", { reason: "lineChanged" });
  if (delivered > 0 && change.restock) {
    await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" + ${current - delivered}, "updatedAt" = now() WHERE "id" = ${line.productId} AND "stock" IS NOT NULL`;
  }
  const totals = await recomputeOrderTotals(tx, order);
  const { releasedCents } = await fitVoucherUsesToGoods(tx, order.id, change.now);
  const status = (await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
  await tx.orderEvent.create({
    data: {
      orderId: order.id, fromStatus: status, toStatus: status, actorUserId: change.actorUserId,
      change: delivered === 0 ? "LINE_MISSING" : "LINE_SHORT",
      note: delivered === 0 ? `${line.productName} manquant : ${change.reason}` : `${line.productName} : ${delivered} au lieu de ${current} — ${change.reason}`,
      details: {
        lineId: line.id, productId: line.productId, productName: line.productName, ordered: line.quantity, before: current, after: delivered,
        reason: change.reason, restocked: delivered > 0 && change.restock ? current - delivered : 0,
        totalBefore: order.totalCents, totalAfter: totals.totalCents, voucherReleasedCents: releasedCents,
      },
    },
  });
  if (change.emailed !== false) await queueLinesChangedEmail(tx, order.id, [{ productName: line.productName, ordered: current, delivered, reason: change.reason }]);
  await queuePaymentFollowUp(tx, { id: order.id, checkoutId: order.checkoutId, paymentMethod: order.paymentMethod, status }, { amountChanged: true });
  return { totalCents: totals.totalCents, voucherReleasedCents: releasedCents };
}
