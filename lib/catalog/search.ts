import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { publishedShop } from "./published";

export const searchQuerySchema = z.string().trim().max(100).catch("");

/**
 * Case-insensitive search of a territory's published shops and active products
 * by name. (French full-text ranking arrives with the customer-journey work.)
 */
export async function searchTerritory(db: PrismaClient, territorySlug: string, rawQuery: string) {
  const query = searchQuerySchema.parse(rawQuery);
  if (query.length < 2) return { query, shops: [], products: [] };
  const shopWhere = { territory: { slug: territorySlug }, ...publishedShop };
  const [shops, products] = await Promise.all([
    db.shop.findMany({
      where: { ...shopWhere, name: { contains: query, mode: "insensitive" } },
      orderBy: { name: "asc" },
      take: 20,
      select: { id: true, slug: true, name: true, city: true },
    }),
    db.product.findMany({
      where: { active: true, shop: shopWhere, name: { contains: query, mode: "insensitive" } },
      orderBy: { name: "asc" },
      take: 40,
      select: { id: true, name: true, priceCents: true, unit: true, shop: { select: { slug: true, name: true } } },
    }),
  ]);
  return { query, shops, products };
}
