import type { PrismaClient } from "@/generated/prisma/client";
import { publishedShop } from "./published";

export type TerritoryHome = NonNullable<Awaited<ReturnType<typeof getTerritoryHome>>>;

/** What the territory home page shows: categories with shop counts, published shops, relay points. */
export async function getTerritoryHome(db: PrismaClient, slug: string) {
  const territory = await db.territory.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, status: true },
  });
  if (!territory || territory.status !== "LIVE") return null;
  const [categories, shops, relayPoints] = await Promise.all([
    db.category.findMany({
      where: { territoryId: territory.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        slug: true,
        nameFr: true,
        nameEn: true,
        icon: true,
        _count: { select: { shops: { where: publishedShop } } },
      },
    }),
    db.shop.findMany({
      where: { territoryId: territory.id, ...publishedShop },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        city: true,
        categoryId: true,
      },
    }),
    db.pickupPoint.findMany({
      where: { territoryId: territory.id, kind: "RELAY_POINT", active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, addressLine: true, city: true },
    }),
  ]);
  return { territory, categories, shops, relayPoints };
}
