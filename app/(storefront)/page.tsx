import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getTerritoryHome } from "@/lib/catalog/territory-home";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { CategoryList } from "@/components/catalog/CategoryList";
import { ShopCard } from "@/components/catalog/ShopCard";
import { HowToOrder } from "@/components/catalog/HowToOrder";

export default async function TerritoryHomePage() {
  const home = await getTerritoryHome(db(), env().DEFAULT_TERRITORY);
  if (!home) notFound();
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  const categoryNames = new Map(home.categories.map((c) => [c.id, locale === "en" ? c.nameEn : c.nameFr]));
  return (
    <div className="space-y-12">
      <section aria-labelledby="home-heading" className="space-y-3">
        <h1 id="home-heading" className="text-3xl font-bold text-brand-800">
          {t("heading", { territory: home.territory.name })}
        </h1>
        <p className="max-w-3xl text-lg text-muted">{t("intro")}</p>
      </section>
      <CategoryList categories={home.categories} locale={locale === "en" ? "en" : "fr"} heading={t("categoriesHeading")} />
      <section aria-labelledby="shops-heading" className="space-y-4">
        <h2 id="shops-heading" className="text-2xl font-semibold">
          {t("shopsHeading")}
        </h2>
        {home.shops.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-muted">{t("noShops")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {home.shops.map((shop) => (
              <li key={shop.id}>
                <ShopCard shop={shop} categoryName={categoryNames.get(shop.categoryId) ?? ""} />
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
