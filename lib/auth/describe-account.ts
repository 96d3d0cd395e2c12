import type { PrismaClient } from "@/generated/prisma/client";
import type { UserActor } from "./actor";

/** Names of the territories and shops behind the actor's roles, for the account page. */
export async function describeAccount(db: PrismaClient, actor: UserActor) {
  const territoryIds = actor.roles.flatMap((grant) => (grant.territoryId ? [grant.territoryId] : []));
  const [territories, shops] = await Promise.all([
    db.territory.findMany({ where: { id: { in: territoryIds } }, select: { id: true, name: true } }),
    db.shop.findMany({ where: { id: { in: actor.memberships.map((m) => m.shopId) } }, select: { id: true, name: true } }),
  ]);
  const territoryNames = new Map(territories.map((t) => [t.id, t.name]));
  return {
    roles: actor.roles.map((grant) => ({ role: grant.role, territoryName: grant.territoryId ? (territoryNames.get(grant.territoryId) ?? null) : null })),
    shops: shops.map((shop) => ({ ...shop, role: actor.memberships.find((m) => m.shopId === shop.id)?.role ?? "STAFF" })),
  };
}
