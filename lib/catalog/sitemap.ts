import type { PrismaClient } from "@/generated/prisma/client";
import { publishedShop } from "./published";

/** One sitemap file holds at most 50,000 addresses (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = { path: string; lastModified: Date };

/**
 * The public pages of one territory for search engines: its home, directory and
 * legal pages, every published shop and each of their products on sale, newest
 * changes first so a cut at the limit drops the stalest.
 */
export async function listSitemapEntries(db: PrismaClient, territoryId: string, limit = SITEMAP_LIMIT): Promise<SitemapEntry[]> {
  const shops = await db.shop.findMany({
    where: { territoryId, ...publishedShop },
    orderBy: { updatedAt: "desc" },
    select: { slug: true, updatedAt: true },
  });
  const fixed: SitemapEntry[] = ["/", "/commerces", "/mentions-legales", "/accessibilite", "/confidentialite"].map((path) => ({ path, lastModified: shops[0]?.updatedAt ?? new Date(0) }));
  const room = Math.max(0, limit - fixed.length - shops.length);
  const products = room
    ? await db.product.findMany({
        where: { active: true, shop: { territoryId, ...publishedShop } },
        orderBy: { updatedAt: "desc" },
        take: room,
        select: { id: true, updatedAt: true, shop: { select: { slug: true } } },
      })
    : [];
  return [
    ...fixed,
    ...shops.map((shop) => ({ path: `/boutiques/${shop.slug}`, lastModified: shop.updatedAt })),
    ...products.map((product) => ({ path: `/boutiques/${product.shop.slug}/produits/${product.id}`, lastModified: product.updatedAt })),
  ].slice(0, limit);
}
