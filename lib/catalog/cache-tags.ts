/**
 * Names of the cache tags of the storefront's reads. The database triggers of
 * migration *_catalog_cache_notify send exactly these strings: keep them in step.
 */
export const catalogTag = {
  /** A shop's own page and its products' pages: the shop row, its products, its pickup points, its category's name. */
  shop: (shopId: string) => `shop:${shopId}`,
  /** Which shop a slug names in a territory. */
  shopSlug: (territoryId: string, slug: string) => `shop-slug:${territoryId}:${slug}`,
  /** A territory's directory: shop list, categories, communes, relay points. */
  territory: (territoryId: string) => `territory:${territoryId}`,
  /** Any territory row (name, status, slug). */
  territories: "territories",
} as const;
