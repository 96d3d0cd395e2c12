import type { PrismaClient } from "@/generated/prisma/client";

/** The territory a deployment shows at "/" (DEFAULT_TERRITORY), or null when it does not exist. */
export async function findTerritoryBySlug(db: PrismaClient, slug: string) {
  return db.territory.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, status: true } });
}
