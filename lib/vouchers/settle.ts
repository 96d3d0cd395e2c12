import type { Tx } from "@/lib/db/client";

/**
 * An order that will not be collected (cancelled, not collected, its unpaid hold
 * expired) gives its vouchers back: the campaign's committed budget, and a code's
 * balance so the customer can use it again. Conditional on the use still being
 * committed, so running it twice gives back nothing more.
 */
export async function releaseVoucherUses(tx: Tx, orderId: string, now: Date): Promise<void> {
  const uses = await tx.voucherUse.findMany({ where: { orderId, status: "COMMITTED" }, select: { id: true, campaignId: true, voucherId: true, amountCents: true }, orderBy: { campaignId: "asc" } });
  for (const use of uses) {
    const released = await tx.voucherUse.updateMany({ where: { id: use.id, status: "COMMITTED" }, data: { status: "RELEASED", settledAt: now } });
    if (released.count !== 1) continue;
    await tx.$executeRaw`UPDATE "VoucherCampaign" SET "committedCents" = "committedCents" - ${use.amountCents}, "updatedAt" = now() WHERE "id" = ${use.campaignId}`;
    if (use.voucherId) await tx.$executeRaw`UPDATE "Voucher" SET "balanceCents" = "balanceCents" + ${use.amountCents} WHERE "id" = ${use.voucherId}`;
  }
  if (uses.length) await tx.order.update({ where: { id: orderId }, data: { voucherCents: 0 } });
}

/**
 * A collected order makes its vouchers spent: the town owes them to the shop.
 * Weighed goods can come to less than the voucher: only the order's total is
 * spent, the rest goes back to the campaign (and to the code).
 */
export async function spendVoucherUses(tx: Tx, orderId: string, now: Date): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true } });
  const uses = await tx.voucherUse.findMany({ where: { orderId, status: "COMMITTED" }, select: { id: true, campaignId: true, voucherId: true, amountCents: true }, orderBy: { createdAt: "asc" } });
  let payable = order.totalCents;
  let voucherCents = 0;
  for (const use of uses) {
    const spent = Math.min(use.amountCents, payable);
    payable -= spent;
    const surplus = use.amountCents - spent;
    const updated = await tx.voucherUse.updateMany({ where: { id: use.id, status: "COMMITTED" }, data: spent > 0 ? { status: "SPENT", settledAt: now, amountCents: spent } : { status: "RELEASED", settledAt: now } });
    if (updated.count !== 1) continue;
    await tx.$executeRaw`UPDATE "VoucherCampaign" SET "committedCents" = "committedCents" - ${use.amountCents}, "spentCents" = "spentCents" + ${spent}, "updatedAt" = now() WHERE "id" = ${use.campaignId}`;
    if (use.voucherId && surplus > 0) await tx.$executeRaw`UPDATE "Voucher" SET "balanceCents" = "balanceCents" + ${surplus} WHERE "id" = ${use.voucherId}`;
    voucherCents += spent;
  }
  if (uses.length) await tx.order.update({ where: { id: orderId }, data: { voucherCents } });
}
