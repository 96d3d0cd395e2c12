import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { toCsv, type CsvCell } from "@/lib/catalog/csv-format";
import { NotFoundError } from "@/lib/errors";

/**
 * How a campaign's money works (issue #14). Two kinds of supported orders:
 * - collected: their voucher use is SPENT (the town owes it to the shop); their
 *   totals are final. The leverage and the per-shop, per-category and per-commune
 *   "sales supported" count these only.
 * - pending: their use is still COMMITTED (placed, not collected yet); their
 *   totals are estimates until collection (weighed goods).
 * Uses given back (RELEASED: cancelled, not collected, unpaid hold expired) count
 * nowhere. "Sales supported" is the orders' whole total, the voucher included.
 */
export type FigureGroup = {
  key: string;
  name: string;
  /** Category names in both languages (the other groups have one name) */
  nameEn?: string;
  orders: number;
  voucherCents: number;
  salesCents: number;
  pendingOrders: number;
  pendingVoucherCents: number;
  pendingSalesCents: number;
};

export type CampaignFigures = {
  campaign: { id: string; name: string; kind: "CODES" | "TOP_UP"; startsAt: Date; endsAt: Date };
  budgetCents: number;
  committedCents: number;
  spentCents: number;
  leftCents: number;
  collected: { orders: number; voucherCents: number; salesCents: number };
  pending: { orders: number; voucherCents: number; salesCents: number };
  /** Collected sales per euro of voucher spent (3.2 = 3,20 € of sales for each euro); null before any is spent */
  leverage: number | null;
  perShop: FigureGroup[];
  perCategory: FigureGroup[];
  perCommune: FigureGroup[];
};

type ShopSums = { shopId: string; status: "COMMITTED" | "SPENT"; orders: number; voucher: bigint | number; sales: bigint | number };

export function leverageOf(salesCents: number, voucherCents: number): number | null {
  return voucherCents > 0 ? Math.round((salesCents / voucherCents) * 10) / 10 : null;
}

/** The figures of one campaign of the admin's town. */
export async function getCampaignFigures(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string }): Promise<CampaignFigures> {
  requireAdmin(request.actor, request.territoryId);
  const campaign = await db.voucherCampaign.findFirst({
    where: { id: request.campaignId, territoryId: request.territoryId },
    select: { id: true, name: true, kind: true, startsAt: true, endsAt: true, budgetCents: true, committedCents: true, spentCents: true },
  });
  if (!campaign) throw new NotFoundError("campaign");
  // One set-based query: per shop and status, the uses, their amounts and their orders' totals.
  const sums = await db.$queryRaw<ShopSums[]>`
    SELECT u."shopId", u."status"::text AS "status", COUNT(*)::int AS "orders", SUM(u."amountCents")::bigint AS "voucher", SUM(o."totalCents")::bigint AS "sales"
    FROM "VoucherUse" u JOIN "Order" o ON o."id" = u."orderId"
    WHERE u."campaignId" = ${campaign.id} AND u."status" IN ('COMMITTED', 'SPENT')
    GROUP BY u."shopId", u."status"`;
  const shops = await db.shop.findMany({
    where: { id: { in: [...new Set(sums.map((s) => s.shopId))] } },
    select: { id: true, name: true, category: { select: { id: true, nameFr: true, nameEn: true } }, commune: { select: { id: true, name: true } } },
  });
  const shopById = new Map(shops.map((shop) => [shop.id, shop]));
  const groups = { shop: new Map<string, FigureGroup>(), category: new Map<string, FigureGroup>(), commune: new Map<string, FigureGroup>() };
  const collected = { orders: 0, voucherCents: 0, salesCents: 0 };
  const pending = { orders: 0, voucherCents: 0, salesCents: 0 };
  const add = (map: Map<string, FigureGroup>, key: string, name: string, row: ShopSums, nameEn?: string) => {
    const group = map.get(key) ?? { key, name, ...(nameEn ? { nameEn } : {}), orders: 0, voucherCents: 0, salesCents: 0, pendingOrders: 0, pendingVoucherCents: 0, pendingSalesCents: 0 };
    if (row.status === "SPENT") {
      group.orders += row.orders;
      group.voucherCents += Number(row.voucher);
      group.salesCents += Number(row.sales);
    } else {
      group.pendingOrders += row.orders;
      group.pendingVoucherCents += Number(row.voucher);
      group.pendingSalesCents += Number(row.sales);
    }
    map.set(key, group);
  };
  for (const row of sums) {
    const shop = shopById.get(row.shopId);
    if (!shop) continue;
    const into = row.status === "SPENT" ? collected : pending;
    into.orders += row.orders;
    into.voucherCents += Number(row.voucher);
    into.salesCents += Number(row.sales);
    add(groups.shop, shop.id, shop.name, row);
    add(groups.category, shop.category.id, shop.category.nameFr, row, shop.category.nameEn);
    add(groups.commune, shop.commune.id, shop.commune.name, row);
  }
  const sorted = (map: Map<string, FigureGroup>) =>
    [...map.values()].sort((a, b) => b.salesCents - a.salesCents || b.pendingSalesCents - a.pendingSalesCents || a.name.localeCompare(b.name, "fr"));
  return {
    campaign: { id: campaign.id, name: campaign.name, kind: campaign.kind, startsAt: campaign.startsAt, endsAt: campaign.endsAt },
    budgetCents: campaign.budgetCents,
    committedCents: campaign.committedCents,
    spentCents: campaign.spentCents,
    leftCents: campaign.budgetCents - campaign.committedCents - campaign.spentCents,
    collected,
    pending,
    leverage: leverageOf(collected.salesCents, collected.voucherCents),
    perShop: sorted(groups.shop),
    perCategory: sorted(groups.category),
    perCommune: sorted(groups.commune),
  };
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * The figures as CSV, one table: the campaign's row (with its budget, committed,
 * spent and left), then one row per shop, category and commune (the first column
 * says which). Amounts in euros with a point.
 */
export function campaignFiguresCsv(figures: CampaignFigures): string {
  const header = ["section", "nom", "commandes_retirees", "bons_depenses_euros", "ventes_soutenues_euros", "effet_levier", "commandes_en_cours", "bons_engages_euros", "ventes_en_cours_euros", "budget_euros", "engage_euros", "depense_euros", "reste_euros"];
  const row = (section: string, name: string, collected: { orders: number; voucherCents: number; salesCents: number }, pending: { orders: number; voucherCents: number; salesCents: number }): CsvCell[] => [
    section, name, collected.orders, euros(collected.voucherCents), euros(collected.salesCents), leverageOf(collected.salesCents, collected.voucherCents)?.toFixed(1) ?? "", pending.orders, euros(pending.voucherCents), euros(pending.salesCents),
  ];
  const groups = (section: string, list: FigureGroup[]) =>
    list.map((g) => [...row(section, g.name, g, { orders: g.pendingOrders, voucherCents: g.pendingVoucherCents, salesCents: g.pendingSalesCents }), "", "", "", ""]);
  return toCsv([
    header,
    [...row("campagne", figures.campaign.name, figures.collected, figures.pending), euros(figures.budgetCents), euros(figures.committedCents), euros(figures.spentCents), euros(figures.leftCents)],
    ...groups("commerce", figures.perShop),
    ...groups("categorie", figures.perCategory),
    ...groups("commune", figures.perCommune),
  ]);
}
