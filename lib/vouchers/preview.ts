import type { PrismaClient } from "@/generated/prisma/client";
import { participatingShopIds } from "./scope";
import { splitInProportion } from "./split";

export type TopUpPreview = { campaignName: string; bp: number; capCents: number; minBasketCents: number; estimateCents: number; perShop: Record<string, number> };

/**
 * What the town's running top-up would add to this basket, shown before the
 * customer confirms. An estimate: the person's earlier top-ups and the budget
 * left are counted when the order is placed.
 */
export async function previewTopUp(db: PrismaClient, request: { territoryId: string; now: Date; shops: { shopId: string; subtotalCents: number }[] }): Promise<TopUpPreview | null> {
  const campaign = await db.voucherCampaign.findFirst({
    where: { territoryId: request.territoryId, kind: "TOP_UP", startsAt: { lte: request.now }, endsAt: { gt: request.now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, territoryId: true, name: true, shopScope: true, scopeIds: true, topUpBp: true, topUpCapCents: true, minBasketCents: true, budgetCents: true, committedCents: true, spentCents: true },
  });
  if (!campaign?.topUpBp || !campaign.topUpCapCents) return null;
  const taking = await participatingShopIds(db, campaign, request.shops.map((s) => s.shopId));
  const eligible = request.shops.filter((shop) => taking.has(shop.shopId));
  const basket = eligible.reduce((sum, shop) => sum + shop.subtotalCents, 0);
  const left = campaign.budgetCents - campaign.committedCents - campaign.spentCents;
  const estimate = basket >= campaign.minBasketCents ? Math.max(0, Math.min(Math.floor((basket * campaign.topUpBp) / 10_000), campaign.topUpCapCents, left, basket)) : 0;
  const parts = splitInProportion(estimate, eligible.map((shop) => shop.subtotalCents));
  return {
    campaignName: campaign.name, bp: campaign.topUpBp, capCents: campaign.topUpCapCents, minBasketCents: campaign.minBasketCents, estimateCents: estimate,
    perShop: Object.fromEntries(eligible.map((shop, index) => [shop.shopId, parts[index] ?? 0])),
  };
}
