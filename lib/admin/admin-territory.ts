import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { isSuperAdmin, requireAdmin } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";

/** The territory an admin works on: the one they chose (or the deployment's default) if theirs, else their first. */
export async function resolveAdminTerritory(db: PrismaClient, actor: Actor, preferredSlug: string) {
  if (actor.kind !== "user") throw new NotFoundError("page");
  const preferred = await db.territory.findUnique({ where: { slug: preferredSlug }, select: { id: true, name: true, slug: true, status: true } });
  if (preferred && (isSuperAdmin(actor) || actor.roles.some((r) => r.role === "ADMIN" && r.territoryId === preferred.id))) return preferred;
  const own = actor.roles.find((r) => r.role === "ADMIN" && r.territoryId)?.territoryId;
  if (!own) throw new NotFoundError("page");
  requireAdmin(actor, own);
  return db.territory.findUniqueOrThrow({ where: { id: own }, select: { id: true, name: true, slug: true, status: true } });
}

/** The territories an actor may administer (every one for a super-admin), for the console's switch. */
export async function listAdministeredTerritories(db: PrismaClient, actor: Actor) {
  if (actor.kind !== "user") return [];
  const where = isSuperAdmin(actor) ? {} : { id: { in: actor.roles.filter((r) => r.role === "ADMIN" && r.territoryId).map((r) => r.territoryId as string) } };
  return db.territory.findMany({ where, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, status: true } });
}
