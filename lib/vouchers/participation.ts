import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { inScope } from "./scope";

/**
 * A shop and the town's voucher campaigns (issue #14): the campaigns it is in the
 * scope of, and its choice to take part or not. Declining is read by each new
 * checkout (lib/vouchers/apply.ts), so orders that already used the campaign keep
 * their voucher, and the town still owes it once they are collected.
 */

export type ShopCampaign = {
  id: string; name: string; kind: "CODES" | "TOP_UP"; startsAt: Date; endsAt: Date;
  voucherValueCents: number | null; topUpBp: number | null; topUpCapCents: number | null; minBasketCents: number;
  running: boolean; declinedAt: Date | null;
  /** This shop's orders on the campaign: held by orders not collected yet, and spent */
  committedCents: number; spentCents: number;
};

/** The running and future campaigns of the shop's town that the shop is in the scope of, soonest first. */
export async function listShopCampaigns(db: PrismaClient, request: { actor: Actor; shopId: string; now?: Date }) {
  const member = requireShopMember(request.actor, request.shopId);
  const now = request.now ?? new Date();
  const shop = await db.shop.findUnique({ where: { id: request.shopId }, select: { id: true, territoryId: true, categoryId: true, communeId: true } });
  if (!shop) throw new NotFoundError("shop");
  const candidates = await db.voucherCampaign.findMany({
    where: { territoryId: shop.territoryId, endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { name: "asc" }],
    select: {
      id: true, territoryId: true, name: true, kind: true, startsAt: true, endsAt: true, shopScope: true, scopeIds: true,
      voucherValueCents: true, topUpBp: true, topUpCapCents: true, minBasketCents: true,
      declines: { where: { shopId: shop.id }, select: { declinedAt: true } },
    },
  });
  const campaigns = candidates.filter((campaign) => inScope(campaign, shop));
  const sums = campaigns.length
    ? await db.voucherUse.groupBy({ by: ["campaignId", "status"], where: { shopId: shop.id, campaignId: { in: campaigns.map((c) => c.id) }, status: { in: ["COMMITTED", "SPENT"] } }, _sum: { amountCents: true } })
    : [];
  const sum = (campaignId: string, status: "COMMITTED" | "SPENT") => sums.find((s) => s.campaignId === campaignId && s.status === status)?._sum.amountCents ?? 0;
  return {
    canChange: member.shopRole === "OWNER",
    campaigns: campaigns.map((c): ShopCampaign => ({
      id: c.id, name: c.name, kind: c.kind, startsAt: c.startsAt, endsAt: c.endsAt,
      voucherValueCents: c.voucherValueCents, topUpBp: c.topUpBp, topUpCapCents: c.topUpCapCents, minBasketCents: c.minBasketCents,
      running: c.startsAt <= now, declinedAt: c.declines[0]?.declinedAt ?? null,
      committedCents: sum(c.id, "COMMITTED"), spentCents: sum(c.id, "SPENT"),
    })),
  };
}

export const participationInput = z.object({
  campaignId: z.string().trim().min(1).max(64),
  /** true to take part, false to decline (a form sends "true" / "false") */
  participate: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

/**
 * The shop's owner declines a campaign, or takes part again (audited). Only
 * campaigns of the shop's town, in its scope and not over, can be changed; the
 * same choice twice changes nothing and writes nothing.
 */
export async function setCampaignParticipation(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown; now?: Date }): Promise<{ participating: boolean; changed: boolean }> {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = participationInput.parse(request.input);
  const now = request.now ?? new Date();
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: request.shopId }, select: { id: true, territoryId: true, categoryId: true, communeId: true } });
    if (!shop) throw new NotFoundError("shop");
    const campaign = await tx.voucherCampaign.findFirst({ where: { id: input.campaignId, territoryId: shop.territoryId }, select: { id: true, territoryId: true, name: true, shopScope: true, scopeIds: true, endsAt: true } });
    if (!campaign || !inScope(campaign, shop)) throw new NotFoundError("campaign");
    if (campaign.endsAt <= now) throw new DomainError("conflict", "the campaign is over");
    const changed = input.participate
      ? (await tx.voucherCampaignDecline.deleteMany({ where: { campaignId: campaign.id, shopId: shop.id } })).count > 0
      : (await tx.voucherCampaignDecline.createMany({ data: [{ campaignId: campaign.id, shopId: shop.id, declinedAt: now }], skipDuplicates: true })).count > 0;
    if (changed) {
      await audit(tx, {
        actor: request.actor, territoryId: shop.territoryId,
        action: input.participate ? "voucher.campaign.rejoin" : "voucher.campaign.decline",
        entityType: "VoucherCampaign", entityId: campaign.id,
        before: { shopId: shop.id, participating: !input.participate },
        after: { shopId: shop.id, campaign: campaign.name, participating: input.participate },
      });
    }
    return { participating: input.participate, changed };
  });
}
