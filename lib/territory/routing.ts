/**
 * Which town a request is for (issue #12), decided by proxy.ts before any page
 * renders — the way the locale is — so that cached pages are keyed by territory
 * (the internal path carries it: /fr/niort/boutiques/x) and never read the request.
 *
 * Every territory has one canonical address:
 * - its own host name when it has one (commerces.niort.fr/boutiques/x);
 * - else the platform's address, unprefixed for the root territory
 *   (DEFAULT_TERRITORY: the town a one-town deployment always had), under
 *   /<slug> for the others (comptoir.example/niort/boutiques/x).
 * Other addresses of a territory redirect (308) to the canonical one.
 */

export type DirectoryTerritory = { slug: string; open: boolean; domain: string | null };

export type TerritoryDirectory = {
  /** Served unprefixed at the platform's address (null: "/" is the towns' chooser) */
  rootSlug: string | null;
  /** host name (lower case, no port) → territory slug */
  hosts: Record<string, string>;
  territories: Record<string, DirectoryTerritory>;
  /** The platform's own host names (its public URL's, plus localhost) */
  platformHosts: string[];
  /** Towns in preparation → ids of their live preview passes (proxy.ts only; lib/territory/preview-passes.ts) */
  livePreviewPasses?: Record<string, string[]>;
};

export type TerritoryRoute =
  /** A territory's page: served at /<locale>/<slug><path> */
  | { kind: "territory"; slug: string; path: string }
  /** A page belonging to no territory (account, sign-in, dashboards, admin, files, API) */
  | { kind: "global" }
  /** The list of towns (the platform's "/" when it has no root territory) */
  | { kind: "chooser" }
  /** A host name no territory uses */
  | { kind: "unknownHost" }
  | { kind: "redirect"; location: string };

/** First path segments that belong to a territory's storefront. */
export const STOREFRONT_SEGMENTS = new Set(["", "commerces", "boutiques", "recherche", "panier", "commande", "commandes", "mentions-legales", "accessibilite", "confidentialite", "inscription-commerce", "remplacements", "creneaux"]);

/** First path segments of pages and routes that belong to no territory; a territory slug may not be one of them. */
export const GLOBAL_SEGMENTS = new Set(["api", "_next", "compte", "connexion", "dashboard", "admin", "relais", "telephone", "invitation", "dev", "villes", "ville-inconnue", "fr", "en"]);

export function isReservedSlug(slug: string): boolean {
  return STOREFRONT_SEGMENTS.has(slug) || GLOBAL_SEGMENTS.has(slug);
}

/** "Commerces.Niort.fr:443" → "commerces.niort.fr" */
export function normalizeHost(host: string | null | undefined): string {
  return (host ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

function firstSegment(pathname: string): string {
  return pathname.split("/")[1] ?? "";
}

const isFile = (pathname: string) => /\.[a-z0-9]+$/i.test(pathname);

/**
 * The first segment as the router will read it: percent-decoded (twice-encoded too)
 * and lower case. Next.js decodes `[territory]` itself, so `/%6Eiort` and `/NIORT`
 * must be recognised here as Niort, never waved through as "no town".
 */
export function canonicalSegment(segment: string): string {
  let current = segment;
  for (let round = 0; round < 3 && current.includes("%"); round++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
  }
  return current.toLowerCase();
}

export function resolveTerritoryRoute(directory: TerritoryDirectory, rawHost: string | null | undefined, pathname: string, search = ""): TerritoryRoute {
  const host = normalizeHost(rawHost);
  const segment = firstSegment(pathname);
  // Another spelling of a town or of a reserved segment goes to the canonical address first, so one check decides.
  const canonical = canonicalSegment(segment);
  if (canonical !== segment && (directory.territories[canonical] || GLOBAL_SEGMENTS.has(canonical) || STOREFRONT_SEGMENTS.has(canonical))) {
    return { kind: "redirect", location: `/${canonical}${pathname.slice(segment.length + 1)}${search}` };
  }
  if (GLOBAL_SEGMENTS.has(segment) || isFile(pathname)) return { kind: "global" };

  const hostSlug = directory.hosts[host];
  if (hostSlug) return { kind: "territory", slug: hostSlug, path: pathname };
  if (!directory.platformHosts.includes(host)) return { kind: "unknownHost" };

  if (STOREFRONT_SEGMENTS.has(segment)) {
    const rootDomain = directory.rootSlug ? directory.territories[directory.rootSlug]?.domain : null;
    if (rootDomain) return { kind: "redirect", location: `https://${rootDomain}${pathname}${search}` };
    if (directory.rootSlug) return { kind: "territory", slug: directory.rootSlug, path: pathname };
    return pathname === "/" ? { kind: "chooser" } : { kind: "redirect", location: "/" };
  }
  const territory = directory.territories[segment];
  if (!territory) return { kind: "global" }; // an unknown address: the not-found page
  const rest = pathname.slice(segment.length + 1) || "/";
  if (territory.domain) return { kind: "redirect", location: `https://${territory.domain}${rest}${search}` };
  if (territory.slug === directory.rootSlug) return { kind: "redirect", location: `${rest}${search}` };
  return { kind: "territory", slug: territory.slug, path: rest };
}

/** The prefix of a territory's links on its canonical address ("" or "/<slug>"). */
export function territoryBase(directory: Pick<TerritoryDirectory, "rootSlug">, territory: { slug: string; domain: string | null }): string {
  return territory.domain || territory.slug === directory.rootSlug ? "" : `/${territory.slug}`;
}

/** A territory's public address for emails and sitemaps: its domain, or the platform's URL (+ /<slug>). */
export function territoryPublicUrl(platformUrl: string, directory: Pick<TerritoryDirectory, "rootSlug">, territory: { slug: string; domain: string | null }): string {
  if (territory.domain) return `https://${territory.domain}`;
  return `${platformUrl.replace(/\/$/, "")}${territoryBase(directory, territory)}`;
}
