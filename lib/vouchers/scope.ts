import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

export type ScopedCampaign = { id: string; territoryId: string; shopScope: "ALL" | "CATEGORIES" | "COMMUNES" | "SHOPS" | string; scopeIds: string[] };

type ShopPlace = { id: string; territoryId: string; categoryId: string; communeId: string | null };

/** Whether a shop is in a campaign's scope (before it may decline). */
export function inScope(campaign: ScopedCampaign, shop: ShopPlace): boolean {
  if (shop.territoryId !== campaign.territoryId) return false;
  if (campaign.shopScope === "CATEGORIES") return campaign.scopeIds.includes(shop.categoryId);
  if (campaign.shopScope === "COMMUNES") return shop.communeId !== null && campaign.scopeIds.includes(shop.communeId);
  if (campaign.shopScope === "SHOPS") return campaign.scopeIds.includes(shop.id);
  return true;
}

/** Of these shops, those taking part in the campaign: in its scope, and not having declined it. */
export async function participatingShopIds(db: Tx | PrismaClient, campaign: ScopedCampaign, shopIds: string[]): Promise<Set<string>> {
  // One after the other: inside a transaction both would share its one connection anyway.
  const shops = await db.shop.findMany({ where: { id: { in: shopIds } }, select: { id: true, territoryId: true, categoryId: true, communeId: true } });
  const declines = await db.voucherCampaignDecline.findMany({ where: { campaignId: campaign.id, shopId: { in: shopIds } }, select: { shopId: true } });
  const declined = new Set(declines.map((d) => d.shopId));
  return new Set(shops.filter((shop) => inScope(campaign, shop) && !declined.has(shop.id)).map((shop) => shop.id));
}
