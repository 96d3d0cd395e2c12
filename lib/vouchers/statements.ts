import { z } from "zod";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin, requireShopMember } from "@/lib/auth/guards";
import { toCsv, type CsvCell } from "@/lib/catalog/csv-format";
import type { Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { MONTH_PATTERN, monthRange, type LocalMonth } from "@/lib/time/month";
import { formatClock, toLocal } from "@/lib/time/zoned";

/**
 * Reimbursement statements (issue #14): what the town owes its shops for the
 * vouchers used on orders collected in a month (Europe/Paris calendar month).
 * A voucher use becomes SPENT, with the instant it was collected as settledAt,
 * when its order is collected (lib/vouchers/settle.ts); the statement is those
 * uses, per shop and per campaign within the shop. Every month's statements
 * together equal each campaign's spentCents to the cent.
 */

export const statementMonth = z.string().regex(MONTH_PATTERN, "monthInvalid");

export type StatementLine = { orderId: string; reference: string; collectedAt: Date; orderTotalCents: number; amountCents: number };
export type StatementCampaign = { campaignId: string; name: string; orders: number; amountCents: number; lines: StatementLine[] };
export type StatementShop = {
  shopId: string; name: string; siret: string | null; address: string;
  orders: number; amountCents: number; campaigns: StatementCampaign[];
};
export type VoucherStatement = {
  month: LocalMonth;
  from: Date;
  to: Date;
  territory: { id: string; name: string };
  shops: StatementShop[];
  campaigns: { campaignId: string; name: string; orders: number; amountCents: number }[];
  totals: { shops: number; orders: number; amountCents: number };
};

const useSelect = {
  orderId: true, amountCents: true, settledAt: true, campaignId: true,
  campaign: { select: { name: true } },
  order: { select: { reference: true, totalCents: true } },
  shop: { select: { id: true, name: true, siret: true, addressLine: true, postalCode: true, city: true } },
} satisfies Prisma.VoucherUseSelect;

type UseRow = Prisma.VoucherUseGetPayload<{ select: typeof useSelect }>;

async function spentUses(db: Tx | PrismaClient, where: Prisma.VoucherUseWhereInput, month: LocalMonth): Promise<{ from: Date; to: Date; uses: UseRow[] }> {
  const { from, to } = monthRange(month);
  const uses = await db.voucherUse.findMany({
    where: { ...where, status: "SPENT", settledAt: { gte: from, lt: to } },
    orderBy: [{ settledAt: "asc" }, { orderId: "asc" }],
    select: useSelect,
  });
  return { from, to, uses };
}

/** Shops by name, campaigns by name within each shop, lines by collection time. */
function buildStatement(month: LocalMonth, range: { from: Date; to: Date }, territory: { id: string; name: string }, uses: UseRow[]): VoucherStatement {
  const shops = new Map<string, StatementShop & { orderIds: Set<string> }>();
  const campaigns = new Map<string, { campaignId: string; name: string; orders: number; amountCents: number }>();
  for (const use of uses) {
    const shop = shops.get(use.shop.id) ?? {
      shopId: use.shop.id, name: use.shop.name, siret: use.shop.siret, address: `${use.shop.addressLine}, ${use.shop.postalCode} ${use.shop.city}`,
      orders: 0, amountCents: 0, campaigns: [], orderIds: new Set<string>(),
    };
    shops.set(use.shop.id, shop);
    let campaign = shop.campaigns.find((c) => c.campaignId === use.campaignId);
    if (!campaign) {
      campaign = { campaignId: use.campaignId, name: use.campaign.name, orders: 0, amountCents: 0, lines: [] };
      shop.campaigns.push(campaign);
    }
    // One use per order and campaign: a line is an order.
    campaign.lines.push({ orderId: use.orderId, reference: use.order.reference, collectedAt: use.settledAt ?? range.from, orderTotalCents: use.order.totalCents, amountCents: use.amountCents });
    campaign.orders++;
    campaign.amountCents += use.amountCents;
    shop.orderIds.add(use.orderId);
    shop.amountCents += use.amountCents;
    const total = campaigns.get(use.campaignId) ?? { campaignId: use.campaignId, name: use.campaign.name, orders: 0, amountCents: 0 };
    total.orders++;
    total.amountCents += use.amountCents;
    campaigns.set(use.campaignId, total);
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "fr");
  const shopList = [...shops.values()].map(({ orderIds, ...shop }) => ({ ...shop, orders: orderIds.size, campaigns: shop.campaigns.sort(byName) })).sort(byName);
  return {
    month, ...range, territory, shops: shopList,
    campaigns: [...campaigns.values()].sort(byName),
    totals: { shops: shopList.length, orders: shopList.reduce((sum, s) => sum + s.orders, 0), amountCents: shopList.reduce((sum, s) => sum + s.amountCents, 0) },
  };
}

/**
 * The town's statement for a month, for its admins: every shop the town owes for
 * vouchers on orders collected that month. Generating it (page or CSV) is a
 * reimbursement statement, written in the audit log with its month and total.
 */
export async function getTownVoucherStatement(db: PrismaClient, request: { actor: Actor; territoryId: string; month: unknown; format: "page" | "csv" }): Promise<VoucherStatement> {
  requireAdmin(request.actor, request.territoryId);
  const month = statementMonth.parse(request.month);
  return db.$transaction(async (tx) => {
    const territory = await tx.territory.findUnique({ where: { id: request.territoryId }, select: { id: true, name: true } });
    if (!territory) throw new NotFoundError("territory");
    const { from, to, uses } = await spentUses(tx, { campaign: { territoryId: territory.id } }, month);
    const statement = buildStatement(month, { from, to }, territory, uses);
    await audit(tx, {
      actor: request.actor, territoryId: territory.id, action: "voucher.statement", entityType: "VoucherStatement", entityId: month,
      after: { month, format: request.format, totalCents: statement.totals.amountCents, shops: statement.totals.shops, orders: statement.totals.orders },
    });
    return statement;
  });
}

/** One shop's statement for a month, for its members (owner or staff): what the town owes the shop. */
export async function getShopVoucherStatement(db: PrismaClient, request: { actor: Actor; shopId: string; month: unknown }): Promise<VoucherStatement> {
  requireShopMember(request.actor, request.shopId);
  const month = statementMonth.parse(request.month);
  const shop = await db.shop.findUnique({ where: { id: request.shopId }, select: { territory: { select: { id: true, name: true } } } });
  if (!shop) throw new NotFoundError("shop");
  const { from, to, uses } = await spentUses(db, { shopId: request.shopId, campaign: { territoryId: shop.territory.id } }, month);
  return buildStatement(month, { from, to }, shop.territory, uses);
}

const euros = (cents: number) => (cents / 100).toFixed(2);

function localStamp(instant: Date): string {
  const local = toLocal(instant);
  return `${local.date} ${formatClock(local.minute)}`;
}

/**
 * The statement as CSV for the town's or the shop's accounts: one line per order
 * and campaign, then a subtotal per shop and the grand total (the first column
 * says which). Amounts in euros with a point, times in Paris.
 */
export function statementCsv(statement: VoucherStatement): string {
  const rows: CsvCell[][] = [["type", "mois", "commerce", "siret", "campagne", "commande", "retiree_le", "total_commande_euros", "bon_euros", "nb_commandes"]];
  for (const shop of statement.shops) {
    for (const campaign of shop.campaigns) {
      for (const line of campaign.lines) {
        rows.push(["ligne", statement.month, shop.name, shop.siret ?? "", campaign.name, line.reference, localStamp(line.collectedAt), euros(line.orderTotalCents), euros(line.amountCents), ""]);
      }
    }
    rows.push(["total_commerce", statement.month, shop.name, shop.siret ?? "", "", "", "", "", euros(shop.amountCents), shop.orders]);
  }
  rows.push(["total", statement.month, statement.territory.name, "", "", "", "", "", euros(statement.totals.amountCents), statement.totals.orders]);
  return toCsv(rows);
}
