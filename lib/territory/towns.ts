import type { PrismaClient } from "@/generated/prisma/client";
import { publishedShop } from "@/lib/catalog/published";
import { territoryPublicUrl, type TerritoryDirectory } from "./routing";

export type Town = { slug: string; name: string; description: string | null; shopCount: number; url: string };

/** The open towns with their number of shops online and their address: the platform's chooser. */
export async function listOpenTowns(db: PrismaClient, directory: TerritoryDirectory, platformUrl: string): Promise<Town[]> {
  const territories = await db.territory.findMany({
    where: { status: "LIVE" },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, description: true, _count: { select: { shops: { where: publishedShop } } } },
  });
  return territories.map((territory) => ({
    slug: territory.slug,
    name: territory.name,
    description: territory.description,
    shopCount: territory._count.shops,
    url: territoryPublicUrl(platformUrl, directory, { slug: territory.slug, domain: directory.territories[territory.slug]?.domain ?? null }),
  }));
}
