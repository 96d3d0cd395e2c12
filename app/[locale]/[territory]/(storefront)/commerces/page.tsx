import { notFound } from "next/navigation";
import { TerritoryShops } from "@/components/catalog/TerritoryShops";
import { getTerritoryHome } from "@/lib/catalog/territory-home";
import { db } from "@/lib/db/prisma";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { toLocale } from "@/lib/i18n/locales";
import { now } from "@/lib/time/clock";

type Props = { params: Promise<{ locale: string; territory: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The shop list filtered by category, commune, "open now", "collect today": read per request (the filters are in the URL). */
export default async function FilteredShopsPage({ params, searchParams }: Props) {
  const { locale: rawLocale, territory: slug } = await params;
  const territory = await visibleTerritorySite(slug);
  const home = territory ? await getTerritoryHome(db(), territory.slug, await searchParams, now()) : null;
  if (!territory || !home) notFound();
  return <TerritoryShops home={home} locale={toLocale(rawLocale)} base={territory.base} />;
}
