/** A storefront path on its town's address: "/panier" → "/saintes/panier" when the town lives under /saintes. */
export function territoryHref(base: string, path: string): string {
  if (!base) return path;
  return path === "/" ? base : `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
