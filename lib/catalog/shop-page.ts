import type { PrismaClient } from "@/generated/prisma/client";
import { listAvailableSlots, type AvailableSlot } from "@/lib/slots/available-slots";
import { publishedShop } from "./published";
import { hoursOn, readOpeningHours } from "./opening-hours";

/**
 * Everything the shop page shows that does not depend on the clock: profile,
 * pickup points, catalog by section (today's hours and the next slot come from
 * getShopAvailability, so the page itself can be cached).
 */
export async function getShopPage(db: PrismaClient, territoryId: string, which: { slug: string } | { id: string }) {
  const shop = await db.shop.findFirst({
    where: { territoryId, ...which, ...publishedShop },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      addressLine: true,
      postalCode: true,
      city: true,
      phone: true,
      email: true,
      website: true,
      latitude: true,
      longitude: true,
      openingHours: true,
      paymentMethods: true,
      photos: true,
      category: { select: { nameFr: true, nameEn: true, slug: true } },
      doorPoint: { select: { id: true, name: true, addressLine: true, city: true } },
      relayPoints: { select: { pickupPoint: { select: { id: true, name: true, addressLine: true, city: true, active: true } } } },
      deliveryPoint: { select: { active: true } },
      deliveryMinimumCents: true,
      deliveryFreeFromCents: true,
      deliveryZones: { select: { feeCents: true, commune: { select: { name: true } } }, orderBy: { commune: { name: "asc" } } },
      products: {
        where: { active: true },
        orderBy: [{ section: "asc" }, { name: "asc" }],
        select: { id: true, name: true, description: true, section: true, priceCents: true, unit: true, stock: true, lowStockAlert: true, photos: true, soldByWeight: true, pieceGrams: true, weightToleranceBp: true },
      },
    },
  });
  if (!shop) return null;
  const points = [shop.doorPoint, ...shop.relayPoints.map((r) => r.pickupPoint).filter((p) => p.active)].filter((p) => p !== null);
  const sections = new Map<string, typeof shop.products>();
  for (const product of shop.products) {
    const key = product.section ?? "";
    sections.set(key, [...(sections.get(key) ?? []), product]);
  }
  return {
    ...shop,
    openingHours: readOpeningHours(shop.openingHours),
    pickupPoints: points.map((p) => ({ ...p, isDoor: p.id === shop.doorPoint?.id })),
    // Home delivery, when the shop offers it: where, for what fee.
    delivery: shop.deliveryPoint?.active
      ? { zones: shop.deliveryZones.map((z) => ({ commune: z.commune.name, feeCents: z.feeCents })), minimumCents: shop.deliveryMinimumCents, freeFromCents: shop.deliveryFreeFromCents }
      : null,
    sections: [...sections.entries()].map(([name, products]) => ({ name, products })),
  };
}

/** What changes with the clock and the bookings: today's opening hours and the first free pickup slot. */
export async function getShopAvailability(db: PrismaClient, territoryId: string, slug: string, now = new Date()) {
  const shop = await db.shop.findFirst({
    where: { territoryId, slug, ...publishedShop },
    select: { id: true, openingHours: true, doorPoint: { select: { id: true } }, relayPoints: { where: { pickupPoint: { active: true } }, select: { pickupPointId: true } } },
  });
  if (!shop) return null;
  const pointIds = [shop.doorPoint?.id, ...shop.relayPoints.map((r) => r.pickupPointId)].filter((id): id is string => Boolean(id));
  const firstSlots = await Promise.all(pointIds.map((pickupPointId) => listAvailableSlots(db, { shopId: shop.id, pickupPointId, now }).then((slots) => slots[0])));
  const nextSlot = firstSlots.filter((s): s is AvailableSlot => Boolean(s)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null;
  return { todayHours: hoursOn(readOpeningHours(shop.openingHours), now), nextSlot };
}

export type ShopPage = NonNullable<Awaited<ReturnType<typeof getShopPage>>>;

/** The published shop a slug names in a territory, or null. */
export async function getShopIdBySlug(db: PrismaClient, territoryId: string, slug: string): Promise<string | null> {
  const shop = await db.shop.findFirst({ where: { territoryId, slug, ...publishedShop }, select: { id: true } });
  return shop?.id ?? null;
}

/** One active product of a published shop, for its detail page. */
export async function getProductPage(db: PrismaClient, territoryId: string, shopId: string, productId: string) {
  return db.product.findFirst({
    where: { id: productId, shopId, active: true, shop: { territoryId, ...publishedShop } },
    select: { id: true, name: true, description: true, section: true, priceCents: true, unit: true, stock: true, lowStockAlert: true, vatRateBp: true, photos: true, soldByWeight: true, pieceGrams: true, weightToleranceBp: true, shop: { select: { name: true, slug: true } } },
  });
}
