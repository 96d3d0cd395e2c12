import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/catalog/sitemap";
import { db } from "@/lib/db/prisma";
import { requestTerritorySite } from "@/lib/territory/site";

// Read when asked (crawlers ask rarely); the catalog changes all day.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the public pages of the town at this address, on its own public address. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const territory = await requestTerritorySite();
  if (!territory || territory.status !== "LIVE") return [];
  return (await listSitemapEntries(db(), territory.id)).map((entry) => ({ url: entry.path === "/" ? territory.publicUrl : `${territory.publicUrl}${entry.path}`, lastModified: entry.lastModified }));
}
