import { z } from "zod";
import { boundedText, wholeNumber } from "@/lib/validation/fields";
import type { PrismaClient } from "@/generated/prisma/client";

export const SEARCH_PAGE_SIZE = 20;

const searchInput = z.object({
  query: boundedText(100).trim().catch(""),
  page: wholeNumber(1, 50, "pageInvalid").catch(1),
});

export type ProductHit = { id: string; name: string; priceCents: number; unit: string; stock: number | null; shopSlug: string; shopName: string };
export type ShopHit = { id: string; slug: string; name: string; city: string };

/**
 * French full-text search of a territory's published shops and active products:
 * stemmed ("pains" finds "pain"), accent-insensitive ("cafe" finds "café"),
 * ranked (name matches first), products paginated.
 */
export async function searchTerritory(db: PrismaClient, territoryId: string, raw: { query: string; page?: number | string }) {
  const { query, page } = searchInput.parse(raw);
  if (query.length < 2) return { query, page: 1, shops: [] as ShopHit[], products: [] as ProductHit[], totalProducts: 0, pageCount: 0 };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // The catalog lives in memory: with the default random_page_cost (4, spinning disks) the
  // planner scans all products rather than follow the index for a word matching a few
  // percent of them — 5× slower on 100,000 products (docs/decisions/0006).
  const [, shops, products, total] = await db.$transaction([
    db.$executeRaw`SET LOCAL random_page_cost = 1.1`,
    db.$queryRaw<ShopHit[]>`
      SELECT s."id", s."slug", s."name", s."city"
      FROM "Shop" s, websearch_to_tsquery('french', public.comptoir_unaccent(${query})) q
      WHERE s."territoryId" = ${territoryId} AND s."status" = 'ACTIVE' AND s."publishedAt" IS NOT NULL
        AND s."searchVector" @@ q
      ORDER BY ts_rank(s."searchVector", q) DESC, s."name"
      LIMIT 10`,
    db.$queryRaw<ProductHit[]>`
      SELECT p."id", p."name", p."priceCents", p."unit", p."stock", s."slug" AS "shopSlug", s."name" AS "shopName"
      FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId", websearch_to_tsquery('french', public.comptoir_unaccent(${query})) q
      WHERE s."territoryId" = ${territoryId} AND s."status" = 'ACTIVE' AND s."publishedAt" IS NOT NULL AND p."active"
        AND p."searchVector" @@ q
      ORDER BY ts_rank(p."searchVector", q) DESC, p."name", p."id"
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS "count"
      FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId", websearch_to_tsquery('french', public.comptoir_unaccent(${query})) q
      WHERE s."territoryId" = ${territoryId} AND s."status" = 'ACTIVE' AND s."publishedAt" IS NOT NULL AND p."active"
        AND p."searchVector" @@ q`,
  ]);
  const totalProducts = Number(total[0]?.count ?? 0);
  return { query, page, shops, products, totalProducts, pageCount: Math.ceil(totalProducts / SEARCH_PAGE_SIZE) };
}
