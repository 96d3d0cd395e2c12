import "server-only";
import { unstable_cache } from "next/cache";
import { catalogTag } from "@/lib/catalog/cache-tags";
import { cachedTerritory } from "@/lib/catalog/cached";
import { db } from "@/lib/db/prisma";
import { appUrl } from "@/lib/notifications/app-url";
import { readDirectory } from "./read-directory";
import { requestTerritorySlug } from "./request";
import { territoryBase, territoryPublicUrl, type TerritoryDirectory } from "./routing";

/** The directory as pages see it: cached like the catalog, dropped when a territory or domain changes. */
export function cachedDirectory(): Promise<TerritoryDirectory> {
  return unstable_cache(async () => (await readDirectory(db())).directory, ["territory-directory"], {
    tags: [catalogTag.territories],
    revalidate: false,
  })();
}

export type TownIdentity = {
  logoKey: string | null;
  primaryColor: string | null;
  welcomeText: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  legalPublisher: string | null;
  publicationDirector: string | null;
  mapTileUrl: string | null;
  mapAttribution: string | null;
  /** Months after an order ends before a guest's contact details are erased (the privacy notice says it) */
  guestRetentionMonths: number;
};

export type TerritorySite = { id: string; slug: string; name: string; status: "PREPARATION" | "LIVE"; domain: string | null; base: string; publicUrl: string } & TownIdentity;

/** A territory as its pages need it: identity, the prefix of its links, its public address. */
export async function territorySite(slug: string): Promise<TerritorySite | null> {
  const [territory, directory] = await Promise.all([cachedTerritory(slug), cachedDirectory()]);
  if (!territory) return null;
  const domain = directory.territories[slug]?.domain ?? null;
  return { ...territory, domain, base: territoryBase(directory, { slug, domain }), publicUrl: territoryPublicUrl(appUrl(), directory, { slug, domain }) };
}

/** The request's town (route handlers, actions), with its links' prefix and public address. */
export async function requestTerritorySite(): Promise<TerritorySite | null> {
  return territorySite(await requestTerritorySlug());
}
