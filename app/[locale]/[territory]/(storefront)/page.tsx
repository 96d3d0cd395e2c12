import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { TerritoryShops } from "@/components/catalog/TerritoryShops";
import { cachedTerritoryHome } from "@/lib/catalog/cached";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string; territory: string }> };

/** Cached (no time limit) until the territory's directory changes (lib/catalog/cached.ts); filters go to /commerces. */
export const revalidate = false;

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

export default async function TerritoryHomePage({ params }: Props) {
  const { locale: rawLocale, territory: slug } = await params;
  const locale = toLocale(rawLocale);
  setRequestLocale(locale);
  const territory = await visibleTerritorySite(slug);
  const home = territory ? await cachedTerritoryHome(territory) : null;
  if (!territory || !home) notFound();
  return <TerritoryShops home={home} locale={locale} base={territory.base} />;
}
