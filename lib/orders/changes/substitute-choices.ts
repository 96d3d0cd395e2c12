import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";

export type SubstituteChoice = { id: string; name: string; unit: string; priceCents: number; soldByWeight: boolean; stock: number | null };

/** What staff may offer instead of a line: the shop's products on sale and in stock, by name. */
export async function substituteChoices(db: PrismaClient, request: { actor: Actor; shopId: string }): Promise<SubstituteChoice[]> {
  requireShopMember(request.actor, request.shopId);
  return db.product.findMany({
    where: { shopId: request.shopId, active: true, OR: [{ stock: null }, { stock: { gt: 0 } }] },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, unit: true, priceCents: true, soldByWeight: true, stock: true },
  });
}
