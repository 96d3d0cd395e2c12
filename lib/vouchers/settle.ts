import type { Tx } from "@/lib/db/client";

type Use = { id: string; orderId: string; campaignId: string; voucherId: string | null; amountCents: number; campaign: { kind: "CODES" | "TOP_UP"; topUpBp: number | null } };

/**
 * Locks what a settlement will change in the order every checkout takes it: the
 * codes' rows, then the code campaigns, then the top-up campaigns, each by id.
 * Any other order could deadlock against a checkout using the same code or town.
 */
async function lockInCheckoutOrder(tx: Tx, uses: Use[]): Promise<void> {
  const vouchers = [...new Set(uses.flatMap((use) => (use.voucherId ? [use.voucherId] : [])))];
  const campaigns = [...new Set(uses.map((use) => use.campaignId))];
  if (vouchers.length) await tx.$queryRaw`SELECT "id" FROM "Voucher" WHERE "id" = ANY(${vouchers}) ORDER BY "id" FOR UPDATE`;
  if (campaigns.length) await tx.$queryRaw`SELECT "id" FROM "VoucherCampaign" WHERE "id" = ANY(${campaigns}) ORDER BY ("kind" = 'TOP_UP'), "id" FOR UPDATE`;
}

const committedUses = (tx: Tx, orderIds: string[]): Promise<Use[]> =>
  tx.voucherUse.findMany({
    where: { orderId: { in: orderIds }, status: "COMMITTED" },
    select: { id: true, orderId: true, campaignId: true, voucherId: true, amountCents: true, campaign: { select: { kind: true, topUpBp: true } } },
    orderBy: [{ orderId: "asc" }, { createdAt: "asc" }],
  });

async function giveBack(tx: Tx, use: Use, amount: number): Promise<void> {
  await tx.$executeRaw`UPDATE "VoucherCampaign" SET "committedCents" = "committedCents" - ${amount}, "updatedAt" = now() WHERE "id" = ${use.campaignId}`;
  if (use.voucherId) await tx.$executeRaw`UPDATE "Voucher" SET "balanceCents" = "balanceCents" + ${amount} WHERE "id" = ${use.voucherId}`;
}

/**
 * Orders that will not be collected (cancelled, not collected, their unpaid hold
 * expired) give their vouchers back: the campaigns' committed budget, and a code's
 * balance so the customer can use it again. Conditional on each use still being
 * committed, so running it twice gives back nothing more. Callers releasing
 * several orders call it once, after the orders' stock and slots.
 */
export async function releaseVoucherUses(tx: Tx, orderIds: string | string[], now: Date): Promise<void> {
  const uses = await committedUses(tx, typeof orderIds === "string" ? [orderIds] : orderIds);
  if (uses.length === 0) return;
  await lockInCheckoutOrder(tx, uses);
  for (const use of uses) {
    const released = await tx.voucherUse.updateMany({ where: { id: use.id, status: "COMMITTED" }, data: { status: "RELEASED", settledAt: now } });
    if (released.count === 1) await giveBack(tx, use, use.amountCents);
  }
  await tx.order.updateMany({ where: { id: { in: [...new Set(uses.map((use) => use.orderId))] } }, data: { voucherCents: 0 } });
}

/**
 * A collected order makes its vouchers spent: the town owes them to the shop.
 * Weighed goods can come to less than estimated: a top-up keeps its percentage
 * of the final goods, a code pays at most the goods, and the rest goes back to
 * the campaign (and to the code). The delivery fee is never the town's to pay.
 */
export async function spendVoucherUses(tx: Tx, orderId: string, now: Date): Promise<void> {
  const uses = await committedUses(tx, [orderId]);
  if (uses.length === 0) return;
  await lockInCheckoutOrder(tx, uses);
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, deliveryFeeCents: true } });
  const goodsCents = order.totalCents - order.deliveryFeeCents;
  let payable = goodsCents;
  let voucherCents = 0;
  for (const use of uses) {
    const share = use.campaign.kind === "TOP_UP" ? Math.floor((goodsCents * (use.campaign.topUpBp ?? 0)) / 10_000) : use.amountCents;
    const spent = Math.max(0, Math.min(use.amountCents, share, payable));
    payable -= spent;
    const updated = await tx.voucherUse.updateMany({ where: { id: use.id, status: "COMMITTED" }, data: spent > 0 ? { status: "SPENT", settledAt: now, amountCents: spent } : { status: "RELEASED", settledAt: now } });
    if (updated.count !== 1) continue;
    // One statement: the budget's CHECK holds after it, not between two updates.
    await tx.$executeRaw`UPDATE "VoucherCampaign" SET "committedCents" = "committedCents" - ${use.amountCents}, "spentCents" = "spentCents" + ${spent}, "updatedAt" = now() WHERE "id" = ${use.campaignId}`;
    if (use.voucherId && use.amountCents > spent) await tx.$executeRaw`UPDATE "Voucher" SET "balanceCents" = "balanceCents" + ${use.amountCents - spent} WHERE "id" = ${use.voucherId}`;
    voucherCents += spent;
  }
  await tx.order.update({ where: { id: orderId }, data: { voucherCents } });
}

/**
 * An order whose goods came down before it is collected (a line short or missing,
 * issue #24) keeps only the vouchers its goods still justify: a top-up its
 * percentage of the new goods, a code at most the goods. What no longer fits goes
 * back at once: to the campaign's budget (committed → free again) and to the code's
 * balance. The uses stay committed for what is left; handover spends them as usual.
 */
export async function fitVoucherUsesToGoods(tx: Tx, orderId: string, now: Date): Promise<{ releasedCents: number }> {
  const uses = await committedUses(tx, [orderId]);
  if (uses.length === 0) return { releasedCents: 0 };
  await lockInCheckoutOrder(tx, uses);
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, deliveryFeeCents: true } });
  const goodsCents = order.totalCents - order.deliveryFeeCents;
  let payable = goodsCents;
  let voucherCents = 0;
  let releasedCents = 0;
  for (const use of uses) {
    const share = use.campaign.kind === "TOP_UP" ? Math.floor((goodsCents * (use.campaign.topUpBp ?? 0)) / 10_000) : use.amountCents;
    const kept = Math.max(0, Math.min(use.amountCents, share, payable));
    payable -= kept;
    voucherCents += kept;
    if (kept === use.amountCents) continue;
    const updated = await tx.voucherUse.updateMany({
      where: { id: use.id, status: "COMMITTED", amountCents: use.amountCents },
      data: kept > 0 ? { amountCents: kept } : { status: "RELEASED", settledAt: now },
    });
    if (updated.count !== 1) continue;
    await giveBack(tx, use, use.amountCents - kept);
    releasedCents += use.amountCents - kept;
  }
  await tx.order.update({ where: { id: orderId }, data: { voucherCents } });
  return { releasedCents };
}
