import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/catalog/sitemap";
import { db } from "@/lib/db/prisma";
import { appUrl } from "@/lib/notifications/app-url";
import { getDefaultTerritory } from "@/lib/territory/default";

// Read when asked (crawlers ask rarely); the catalog changes all day.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the territory's public pages at the site's public address. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const territory = await getDefaultTerritory();
  if (!territory) return [];
  const base = appUrl();
  return (await listSitemapEntries(db(), territory.id)).map((entry) => ({ url: `${base}${entry.path}`, lastModified: entry.lastModified }));
}
