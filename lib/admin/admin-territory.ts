import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { isSuperAdmin, requireAdmin } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";

/** The territory an admin works on: the deployment's default one if theirs, else their first. */
export async function resolveAdminTerritory(db: PrismaClient, actor: Actor, preferredSlug: string) {
  if (actor.kind !== "user") throw new NotFoundError("page");
  const preferred = await db.territory.findUnique({ where: { slug: preferredSlug }, select: { id: true, name: true, slug: true } });
  if (preferred && (isSuperAdmin(actor) || actor.roles.some((r) => r.role === "ADMIN" && r.territoryId === preferred.id))) return preferred;
  const own = actor.roles.find((r) => r.role === "ADMIN" && r.territoryId)?.territoryId;
  if (!own) throw new NotFoundError("page");
  requireAdmin(actor, own);
  return db.territory.findUniqueOrThrow({ where: { id: own }, select: { id: true, name: true, slug: true } });
}
