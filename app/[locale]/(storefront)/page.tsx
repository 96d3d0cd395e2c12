import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { TerritoryShops } from "@/components/catalog/TerritoryShops";
import { cachedTerritory, cachedTerritoryHome } from "@/lib/catalog/cached";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string }> };

/** Cached (no time limit) until the territory's directory changes (lib/catalog/cached.ts); filters go to /commerces. */
export const revalidate = false;

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

export default async function TerritoryHomePage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const territory = await cachedTerritory(env().DEFAULT_TERRITORY);
  const home = territory?.status === "LIVE" ? await cachedTerritoryHome(territory) : null;
  if (!home) notFound();
  return <TerritoryShops home={home} locale={locale} />;
}
