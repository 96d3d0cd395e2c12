import { notFound } from "next/navigation";
import { TerritoryShops } from "@/components/catalog/TerritoryShops";
import { getTerritoryHome } from "@/lib/catalog/territory-home";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/locales";
import { now } from "@/lib/time/clock";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The shop list filtered by category, commune, "open now", "collect today": read per request (the filters are in the URL). */
export default async function FilteredShopsPage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale);
  const home = await getTerritoryHome(db(), env().DEFAULT_TERRITORY, await searchParams, now());
  if (!home) notFound();
  return <TerritoryShops home={home} locale={locale} />;
}
