import type { PrismaClient } from "@/generated/prisma/client";

/** What a town's pages, footer and emails show of it (issue #12): set by its admins. */
export const TOWN_IDENTITY = { logoKey: true, primaryColor: true, welcomeText: true, contactEmail: true, contactPhone: true, contactAddress: true, legalPublisher: true, publicationDirector: true, mapTileUrl: true, mapAttribution: true, guestRetentionMonths: true } as const;

/** A territory by its slug with its identity, or null when it does not exist. */
export async function findTerritoryBySlug(db: PrismaClient, slug: string) {
  return db.territory.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, status: true, ...TOWN_IDENTITY } });
}
