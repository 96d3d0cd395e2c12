import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/notifications/app-url";
import { TERRITORY_PARAM } from "@/lib/territory/request-header";
import { cachedDirectory, requestTerritorySite } from "@/lib/territory/site";

export const dynamic = "force-dynamic";

/**
 * /robots.txt: the storefront is public; accounts, baskets, dashboards and APIs
 * are not for crawlers. At a town's own address: its sitemap; at the platform's:
 * the sitemap of every open town that lives there (root town and /<slug> towns).
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const [territory, directory] = await Promise.all([requestTerritorySite(), cachedDirectory()]);
  const platformTowns = Object.values(directory.territories).filter((town) => town.open && !town.domain);
  const sitemap = territory?.domain
    ? `${territory.publicUrl}/sitemap.xml`
    : platformTowns.map((town) => (town.slug === directory.rootSlug ? `${appUrl()}/sitemap.xml` : `${appUrl()}/sitemap.xml?${TERRITORY_PARAM}=${town.slug}`));
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/commande", "/commandes", "/compte", "/connexion", "/dashboard", "/admin", "/relais", "/telephone", "/invitation", "/dev/", "/recherche"] },
    sitemap,
  };
}
