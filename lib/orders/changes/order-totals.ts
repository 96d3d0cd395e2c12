import { includedVat } from "@/lib/catalog/line-pricing";
import type { Tx } from "@/lib/db/client";
import { deliveryFeeVatCents } from "@/lib/delivery/fee";

export type OrderTotals = { subtotalCents: number; totalCents: number; maxTotalCents: number; vatCents: number };

/**
 * An order's totals from its lines as they stand (weighed, short, missing), written
 * back: total, the most it can still cost, VAT by rate. The delivery fee stays what
 * it was at checkout; its VAT follows the goods' new shares.
 */
export async function recomputeOrderTotals(tx: Tx, order: { id: string; deliveryFeeCents: number }): Promise<OrderTotals> {
  const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, select: { lineTotalCents: true, maxLineTotalCents: true, vatRateBp: true } });
  const goods = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const totalCents = goods + order.deliveryFeeCents;
  const maxTotalCents = lines.reduce((sum, line) => sum + Math.max(line.maxLineTotalCents, line.lineTotalCents), 0) + order.deliveryFeeCents;
  const vatCents =
    lines.reduce((sum, line) => sum + includedVat(line.lineTotalCents, line.vatRateBp), 0) +
    deliveryFeeVatCents(order.deliveryFeeCents, lines.map((line) => ({ totalCents: line.lineTotalCents, vatRateBp: line.vatRateBp })));
  const totals = { subtotalCents: totalCents, totalCents, maxTotalCents, vatCents };
  await tx.order.update({ where: { id: order.id }, data: totals });
  return totals;
}
