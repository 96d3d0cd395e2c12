import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { normaliseVoucherCode, voucherPersonKeys } from "./codes";
import { participatingShopIds, type ScopedCampaign } from "./scope";
import { splitInProportion } from "./split";

export type OrderToDiscount = { id: string; shopId: string; totalCents: number };
export type AppliedVoucher = { campaignId: string; campaignName: string; kind: "CODES" | "TOP_UP"; amountCents: number; perOrder: Record<string, number> };

type CampaignRow = ScopedCampaign & {
  name: string; kind: "CODES" | "TOP_UP"; budgetCents: number; committedCents: number; spentCents: number; startsAt: Date; endsAt: Date;
  topUpBp: number | null; topUpCapCents: number | null; minBasketCents: number;
};

const refuse = (reason: string, details: Record<string, unknown> = {}) => new DomainError("invalidInput", reason, { reason, field: "voucherCode", ...details });

/** Locks the campaign's row: budget checks of concurrent checkouts queue behind it, like stock. */
async function lockCampaign(tx: Tx, id: string): Promise<CampaignRow | null> {
  const rows = await tx.$queryRaw<CampaignRow[]>`
    SELECT "id", "territoryId", "name", "kind"::text AS "kind", "budgetCents", "committedCents", "spentCents", "startsAt", "endsAt", "shopScope"::text AS "shopScope", "scopeIds", "topUpBp", "topUpCapCents", "minBasketCents"
    FROM "VoucherCampaign" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Commits `amount` of the campaign's budget; the conditional update (and the table's CHECK) make overspending impossible. */
async function commitBudget(tx: Tx, campaignId: string, amount: number): Promise<boolean> {
  const taken = await tx.$executeRaw`
    UPDATE "VoucherCampaign" SET "committedCents" = "committedCents" + ${amount}, "updatedAt" = now()
    WHERE "id" = ${campaignId} AND "committedCents" + "spentCents" + ${amount} <= "budgetCents"`;
  return taken === 1;
}

async function recordUses(tx: Tx, campaign: CampaignRow, orders: OrderToDiscount[], parts: number[], extra: { voucherId?: string; emailKey: string | null; phoneKey: string | null }): Promise<Record<string, number>> {
  const perOrder: Record<string, number> = {};
  for (const [index, order] of orders.entries()) {
    const amount = parts[index] ?? 0;
    if (amount <= 0) continue;
    perOrder[order.id] = amount;
    await tx.voucherUse.create({ data: { campaignId: campaign.id, orderId: order.id, shopId: order.shopId, voucherId: extra.voucherId ?? null, emailKey: extra.emailKey, phoneKey: extra.phoneKey, amountCents: amount } });
    await tx.order.update({ where: { id: order.id }, data: { voucherCents: { increment: amount } } });
  }
  return perOrder;
}

const isRunning = (campaign: { startsAt: Date; endsAt: Date }, now: Date) => campaign.startsAt <= now && now < campaign.endsAt;

/** A code typed at checkout: its balance pays the participating shops' orders, up to their total. */
async function applyCode(tx: Tx, request: { territoryId: string; now: Date; code: string; orders: OrderToDiscount[]; persons: ReturnType<typeof voucherPersonKeys> }): Promise<AppliedVoucher> {
  const code = normaliseVoucherCode(request.code);
  if (!code) throw refuse("voucherUnknown");
  const vouchers = await tx.$queryRaw<{ id: string; campaignId: string; balanceCents: number }[]>`SELECT "id", "campaignId", "balanceCents" FROM "Voucher" WHERE "code" = ${code} FOR UPDATE`;
  const voucher = vouchers[0];
  if (!voucher) throw refuse("voucherUnknown");
  const campaign = await lockCampaign(tx, voucher.campaignId);
  if (!campaign || campaign.kind !== "CODES") throw refuse("voucherUnknown");
  if (campaign.territoryId !== request.territoryId) throw refuse("voucherOtherTown");
  if (request.now >= campaign.endsAt) throw refuse("voucherExpired");
  if (request.now < campaign.startsAt) throw refuse("voucherNotYet");
  if (voucher.balanceCents <= 0) throw refuse("voucherSpent");
  const eligible = await participating(tx, campaign, request.orders);
  if (eligible.length === 0) throw refuse("voucherNoShop", { campaign: campaign.name });
  const amount = Math.min(voucher.balanceCents, eligible.reduce((sum, order) => sum + order.totalCents, 0));
  if (!(await commitBudget(tx, campaign.id, amount))) throw refuse("voucherBudgetSpent", { campaign: campaign.name });
  const balance = await tx.$executeRaw`UPDATE "Voucher" SET "balanceCents" = "balanceCents" - ${amount} WHERE "id" = ${voucher.id} AND "balanceCents" >= ${amount}`;
  if (balance !== 1) throw refuse("voucherSpent");
  const perOrder = await recordUses(tx, campaign, eligible, splitInProportion(amount, eligible.map((o) => o.totalCents)), { voucherId: voucher.id, ...request.persons });
  return { campaignId: campaign.id, campaignName: campaign.name, kind: "CODES", amountCents: amount, perOrder };
}

async function participating(tx: Tx, campaign: ScopedCampaign, orders: OrderToDiscount[]): Promise<OrderToDiscount[]> {
  const shops = await participatingShopIds(tx, campaign, orders.map((order) => order.shopId));
  return orders.filter((order) => shops.has(order.shopId) && order.totalCents > 0);
}

/**
 * The town's top-up: a share of the participating orders, up to what is left of
 * the person's cap and of the budget. The person's earlier uses are counted under
 * an advisory lock on their keys, so two checkouts of one person cannot both take
 * the whole cap.
 */
async function applyTopUp(tx: Tx, campaign: CampaignRow, request: { orders: OrderToDiscount[]; persons: ReturnType<typeof voucherPersonKeys> }): Promise<AppliedVoucher | null> {
  const eligible = await participating(tx, campaign, request.orders);
  const basket = eligible.reduce((sum, order) => sum + order.totalCents, 0);
  if (basket === 0 || basket < campaign.minBasketCents) return null;
  const { emailKey, phoneKey } = request.persons;
  const keys = [emailKey, phoneKey].filter((key): key is string => key !== null).sort();
  // Nobody to count the cap against (a phone order without email or phone): no top-up.
  if (keys.length === 0) return null;
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${campaign.id}|${key}`}, 0))`;
  const used = await tx.voucherUse.aggregate({ where: { campaignId: campaign.id, status: { not: "RELEASED" }, OR: [...(emailKey ? [{ emailKey }] : []), ...(phoneKey ? [{ phoneKey }] : [])] }, _sum: { amountCents: true } });
  const allowance = (campaign.topUpCapCents ?? 0) - (used._sum.amountCents ?? 0);
  const budgetLeft = campaign.budgetCents - campaign.committedCents - campaign.spentCents;
  const amount = Math.min(Math.floor((basket * (campaign.topUpBp ?? 0)) / 10_000), allowance, budgetLeft, basket);
  if (amount <= 0 || !(await commitBudget(tx, campaign.id, amount))) return null;
  const perOrder = await recordUses(tx, campaign, eligible, splitInProportion(amount, eligible.map((o) => o.totalCents)), request.persons);
  return { campaignId: campaign.id, campaignName: campaign.name, kind: "TOP_UP", amountCents: amount, perOrder };
}

/**
 * Applies the town's vouchers to a checkout's new orders, inside the transaction
 * that places them: a code typed by the customer, then the running top-up
 * campaign on what is left. Each campaign's budget is taken there, so a refused
 * checkout takes nothing and a placed one cannot overspend. Returns what was
 * applied, per campaign and per order.
 */
export async function applyVouchers(
  tx: Tx,
  request: { territoryId: string; now: Date; orders: OrderToDiscount[]; code?: string | null; contact: { email?: string | null; phone?: string | null }; accountEmail?: string | null },
): Promise<AppliedVoucher[]> {
  const persons = voucherPersonKeys({ email: request.contact.email, phone: request.contact.phone, accountEmail: request.accountEmail });
  const applied: AppliedVoucher[] = [];
  const remaining = new Map(request.orders.map((order) => [order.id, order.totalCents]));
  const left = () => request.orders.map((order) => ({ ...order, totalCents: remaining.get(order.id) ?? 0 }));
  const take = (voucher: AppliedVoucher) => {
    applied.push(voucher);
    for (const [orderId, amount] of Object.entries(voucher.perOrder)) remaining.set(orderId, (remaining.get(orderId) ?? 0) - amount);
  };
  if (request.code?.trim()) take(await applyCode(tx, { territoryId: request.territoryId, now: request.now, code: request.code, orders: left(), persons }));
  const running = await tx.voucherCampaign.findFirst({ where: { territoryId: request.territoryId, kind: "TOP_UP", startsAt: { lte: request.now }, endsAt: { gt: request.now } }, orderBy: { startsAt: "asc" }, select: { id: true } });
  const campaign = running ? await lockCampaign(tx, running.id) : null;
  if (campaign && isRunning(campaign, request.now)) {
    const topUp = await applyTopUp(tx, campaign, { orders: left(), persons });
    if (topUp) take(topUp);
  }
  return applied;
}
