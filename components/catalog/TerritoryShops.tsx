import { getTranslations } from "next-intl/server";
import type { TerritoryHome } from "@/lib/catalog/territory-home";
import type { Locale } from "@/lib/i18n/locales";
import { CategoryList } from "./CategoryList";
import { HowToOrder } from "./HowToOrder";
import { ShopCard } from "./ShopCard";
import { ShopFilters } from "./ShopFilters";
import { OpenNowMarks } from "./OpenNowMarks";
import { ShopMap } from "./ShopMap";
import { DEFAULT_TILES, attributionHtml } from "@/lib/territory/map-tiles";
import { TERRITORY_PARAM } from "@/lib/territory/request-header";

/** The territory's directory: categories, filters, map, shop list, relay points. Shared by "/" (cached) and "/commerces" (filtered). */
export async function TerritoryShops({ home, locale, base }: { home: TerritoryHome; locale: Locale; base: string }) {
  const t = await getTranslations("home");
  const categoryNames = new Map(home.categories.map((c) => [c.id, locale === "en" ? c.nameEn : c.nameFr]));
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-heading" className="space-y-3">
        <h1 id="home-heading" className="text-3xl font-bold text-brand-800">
          {t("heading", { territory: home.territory.name })}
        </h1>
        <p className="max-w-3xl whitespace-pre-line text-lg text-muted">{home.territory.welcomeText ?? t("intro")}</p>
      </section>
      <CategoryList categories={home.categories} locale={locale} base={base} heading={t("categoriesHeading")} selected={home.filters.categorie} />
      <section aria-labelledby="shops-heading" className="space-y-4">
        <h2 id="shops-heading" className="text-2xl font-semibold">
          {t("shopsHeading")}
        </h2>
        <ShopFilters filters={home.filters} categories={home.categories} communes={home.communes} deliveryCommunes={home.deliveryCommunes} locale={locale} base={base} />
        <p role="status" className="font-medium" data-testid="shop-count">
          {t("resultCount", { count: home.shops.length })}
        </p>
        {home.shops.length > 0 && (
          <ShopMap
            shops={home.shops.map((s) => ({ slug: s.slug, name: s.name, latitude: s.latitude, longitude: s.longitude }))}
            base={base}
            tiles={{
              // Served by Comptoir for this town (its host, or the named town at the platform's address).
              url: `/api/tuiles/{z}/{x}/{y}?${TERRITORY_PARAM}=${encodeURIComponent(home.territory.slug)}`,
              attribution: attributionHtml(home.territory.mapTileUrl ? (home.territory.mapAttribution ?? "") : DEFAULT_TILES.attribution),
            }}
            labels={{ label: t("mapLabel", { territory: home.territory.name }), fallback: t("mapFallback"), show: t("mapShow"), hide: t("mapHide") }}
          />
        )}
        <OpenNowMarks key={JSON.stringify(home.filters)} />
        {home.shops.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-muted">{t("noMatch")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {home.shops.map((shop) => (
              <li key={shop.id}>
                <ShopCard shop={shop} base={base} categoryName={categoryNames.get(shop.categoryId) ?? ""} openLabel={t("open")} closedLabel={t("closed")} deliveryLabel={shop.delivers ? t("delivers") : null} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <HowToOrder />
      {home.relayPoints.length > 0 && (
        <section aria-labelledby="relay-heading" className="space-y-3">
          <h2 id="relay-heading" className="text-2xl font-semibold">
            {t("relayHeading")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {home.relayPoints.map((point) => (
              <li key={point.id} className="rounded-lg border border-brand-100 bg-white p-4">
                <p className="font-medium">{point.name}</p>
                <p className="text-muted">
                  {point.addressLine}, {point.city}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
