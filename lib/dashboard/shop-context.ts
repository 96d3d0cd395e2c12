import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";

/** The shop a dashboard page is about, once the actor is checked as its member. */
export async function getDashboardShop(db: PrismaClient, actor: Actor, shopId: string) {
  const member = requireShopMember(actor, shopId);
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { id: true, name: true, slug: true, status: true } });
  if (!shop) throw new Error("membership of a missing shop");
  return { shop, role: member.shopRole };
}

/** The shops the actor works in, for the dashboard's entry page. */
export async function listMyShops(db: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") return [];
  return db.shop.findMany({ where: { id: { in: actor.memberships.map((m) => m.shopId) } }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } });
}
