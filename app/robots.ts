import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/notifications/app-url";

export const dynamic = "force-dynamic";

/** /robots.txt: the storefront is public; accounts, baskets, dashboards and APIs are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/panier", "/commande", "/commandes", "/compte", "/connexion", "/dashboard", "/admin", "/relais", "/invitation", "/dev/", "/recherche"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
