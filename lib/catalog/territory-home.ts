import { z } from "zod";
import { boundedText } from "@/lib/validation/fields";
import type { PrismaClient } from "@/generated/prisma/client";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { toLocal } from "@/lib/time/zoned";
import { isOpenAt, readOpeningHours } from "./opening-hours";
import { publishedShop } from "./published";

export type TerritoryHome = NonNullable<Awaited<ReturnType<typeof getTerritoryHome>>>;

export const homeFiltersSchema = z.object({
  categorie: boundedText(60).optional().catch(undefined),
  commune: boundedText(60).optional().catch(undefined),
  /** A commune the shop delivers to (issue #15) */
  livraison: boundedText(60).optional().catch(undefined),
  ouvert: z.literal("1").optional().catch(undefined),
  aujourdhui: z.literal("1").optional().catch(undefined),
});

export type HomeFilters = z.infer<typeof homeFiltersSchema>;

/** Whether a shop can still hand over an order today (a free slot today at one of its pickup points). */
async function collectableToday(db: PrismaClient, shopId: string, pointIds: string[], now: Date): Promise<boolean> {
  const today = toLocal(now).date;
  for (const pickupPointId of pointIds) {
    if ((await listAvailableSlots(db, { shopId, pickupPointId, now, toDate: today })).length > 0) return true;
  }
  return false;
}

/**
 * What the territory home page shows: categories with shop counts, the published
 * shops matching the filters (category, commune, delivers to, open now, collect today), relay points.
 */
export async function getTerritoryHome(db: PrismaClient, slug: string, rawFilters: unknown = {}, now = new Date()) {
  const filters = homeFiltersSchema.parse(rawFilters);
  const territory = await db.territory.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, status: true, welcomeText: true, mapTileUrl: true, mapAttribution: true },
  });
  // A town in preparation has a home too: proxy.ts shows it only to its team (preview pass).
  if (!territory) return null;
  const delivers = { deliveryPoint: { active: true } } as const;
  const [categories, communes, deliveryCommunes, shops, relayPoints] = await Promise.all([
    db.category.findMany({
      where: { territoryId: territory.id },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, nameFr: true, nameEn: true, icon: true, _count: { select: { shops: { where: publishedShop } } } },
    }),
    db.commune.findMany({ where: { territoryId: territory.id, shops: { some: publishedShop } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.commune.findMany({ where: { territoryId: territory.id, deliveryZones: { some: { shop: { ...publishedShop, ...delivers } } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.shop.findMany({
      where: {
        territoryId: territory.id,
        ...publishedShop,
        ...(filters.categorie ? { category: { slug: filters.categorie } } : {}),
        ...(filters.commune ? { commune: { name: filters.commune } } : {}),
        ...(filters.livraison ? { ...delivers, deliveryZones: { some: { commune: { name: filters.livraison } } } } : {}),
      },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        city: true,
        categoryId: true,
        latitude: true,
        longitude: true,
        openingHours: true,
        doorPoint: { select: { id: true } },
        relayPoints: { select: { pickupPointId: true } },
        deliveryPoint: { select: { active: true } },
      },
    }),
    db.pickupPoint.findMany({
      where: { territoryId: territory.id, kind: "RELAY_POINT", active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, addressLine: true, city: true },
    }),
  ]);
  let visible = filters.ouvert ? shops.filter((shop) => isOpenAt(readOpeningHours(shop.openingHours), now)) : shops;
  if (filters.aujourdhui) {
    const keep = await Promise.all(
      visible.map((shop) => collectableToday(db, shop.id, [shop.doorPoint?.id, ...shop.relayPoints.map((r) => r.pickupPointId)].filter((id): id is string => Boolean(id)), now)),
    );
    visible = visible.filter((_, index) => keep[index]);
  }
  return {
    territory,
    filters,
    categories,
    communes,
    deliveryCommunes,
    relayPoints,
    shops: visible.map((shop) => ({
      id: shop.id,
      slug: shop.slug,
      name: shop.name,
      description: shop.description,
      city: shop.city,
      categoryId: shop.categoryId,
      latitude: shop.latitude,
      longitude: shop.longitude,
      openingHours: readOpeningHours(shop.openingHours),
      openNow: isOpenAt(readOpeningHours(shop.openingHours), now),
      delivers: shop.deliveryPoint?.active === true,
    })),
  };
}
