import type { PrismaClient } from "@/generated/prisma/client";
import { toCsv } from "@/lib/catalog/csv-format";
import { toLocal } from "@/lib/time/zoned";

/**
 * A town's voucher campaigns as open data (issue #14): aggregates only, no order,
 * shop or person. "Orders supported" and "sales supported" count the collected
 * orders (their voucher spent), the voucher included in the sales. Campaigns
 * appear once they have started.
 */
export type OpenCampaign = {
  name: string;
  kind: "CODES" | "TOP_UP";
  /** First and last day, in the town's time */
  startsOn: string;
  endsOn: string;
  budgetCents: number;
  committedCents: number;
  spentCents: number;
  ordersSupported: number;
  salesSupportedCents: number;
};

export async function publicVoucherCampaigns(db: PrismaClient, territorySlug: string, now = new Date()): Promise<OpenCampaign[]> {
  const campaigns = await db.voucherCampaign.findMany({
    where: { territory: { slug: territorySlug }, startsAt: { lte: now } },
    orderBy: [{ startsAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, startsAt: true, endsAt: true, budgetCents: true, committedCents: true, spentCents: true },
  });
  if (campaigns.length === 0) return [];
  const ids = campaigns.map((c) => c.id);
  const sums = await db.$queryRaw<{ campaignId: string; orders: number; sales: bigint | number }[]>`
    SELECT u."campaignId", COUNT(*)::int AS "orders", SUM(o."totalCents")::bigint AS "sales"
    FROM "VoucherUse" u JOIN "Order" o ON o."id" = u."orderId"
    WHERE u."campaignId" = ANY(${ids}) AND u."status" = 'SPENT'
    GROUP BY u."campaignId"`;
  const byCampaign = new Map(sums.map((s) => [s.campaignId, s]));
  return campaigns.map((c) => ({
    name: c.name,
    kind: c.kind,
    startsOn: toLocal(c.startsAt).date,
    // endsAt is the midnight after the last day
    endsOn: toLocal(new Date(c.endsAt.getTime() - 1)).date,
    budgetCents: c.budgetCents,
    committedCents: c.committedCents,
    spentCents: c.spentCents,
    ordersSupported: byCampaign.get(c.id)?.orders ?? 0,
    salesSupportedCents: Number(byCampaign.get(c.id)?.sales ?? 0),
  }));
}

const euros = (cents: number) => (cents / 100).toFixed(2);

export function voucherCampaignsCsv(campaigns: OpenCampaign[]): string {
  return toCsv([
    ["nom", "type", "debut", "fin", "budget_euros", "engage_euros", "depense_euros", "commandes_soutenues", "ventes_soutenues_euros"],
    ...campaigns.map((c) => [c.name, c.kind === "CODES" ? "bons" : "abondement", c.startsOn, c.endsOn, euros(c.budgetCents), euros(c.committedCents), euros(c.spentCents), c.ordersSupported, euros(c.salesSupportedCents)]),
  ]);
}
