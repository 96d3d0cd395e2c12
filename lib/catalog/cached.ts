import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/prisma";
import { findTerritoryBySlug } from "@/lib/territory/current";
import { catalogTag } from "./cache-tags";
import { getProductPage, getShopIdBySlug, getShopPage } from "./shop-page";
import { getTerritoryHome } from "./territory-home";

/**
 * The storefront's catalog reads, cached across requests and instances (see
 * docs/decisions/0007). Each read is tagged with what it depends on; database
 * triggers announce every change of those rows on the `comptoir_cache` channel
 * (prisma/migrations/*_catalog_cache_notify) and lib/cache/shared-cache-handler.cjs
 * drops what they name, on every instance. The territory is always an explicit
 * argument, never read from the request inside a cached scope.
 *
 * No time-based expiry (every render then follows a miss, which dates the entry
 * correctly); a lost listener connection empties the cache instead. Values go
 * through JSON: the reads return no Date.
 */

export function cachedTerritory(slug: string) {
  return unstable_cache(() => findTerritoryBySlug(db(), slug), ["territory", slug], { tags: [catalogTag.territories], revalidate: false })();
}

/** The territory home without filters (the filtered list at /commerces is read per request). */
export function cachedTerritoryHome(territory: { id: string; slug: string }) {
  return unstable_cache(() => getTerritoryHome(db(), territory.slug), ["territory-home", territory.id], {
    tags: [catalogTag.territory(territory.id), catalogTag.territories],
    revalidate: false,
  })();
}

export function cachedShopId(territoryId: string, slug: string) {
  return unstable_cache(() => getShopIdBySlug(db(), territoryId, slug), ["shop-id", territoryId, slug], { tags: [catalogTag.shopSlug(territoryId, slug)], revalidate: false })();
}

export function cachedShopPage(territoryId: string, shopId: string) {
  return unstable_cache(() => getShopPage(db(), territoryId, { id: shopId }), ["shop-page", territoryId, shopId], { tags: [catalogTag.shop(shopId)], revalidate: false })();
}

export function cachedProductPage(territoryId: string, shopId: string, productId: string) {
  return unstable_cache(() => getProductPage(db(), territoryId, shopId, productId), ["product-page", territoryId, shopId, productId], {
    tags: [catalogTag.shop(shopId)],
    revalidate: false,
  })();
}
