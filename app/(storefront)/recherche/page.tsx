import { getLocale, getTranslations } from "next-intl/server";
import { searchTerritory } from "@/lib/catalog/search";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const result = await searchTerritory(db(), env().DEFAULT_TERRITORY, Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? ""));
  const [t, locale] = await Promise.all([getTranslations("search"), getLocale()]);
  const hasResults = result.shops.length + result.products.length > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{result.query ? t("resultsFor", { query: result.query }) : t("heading")}</h1>
      {!result.query && <p className="text-muted">{t("prompt")}</p>}
      {result.query && !hasResults && <p className="rounded-lg bg-white p-6 text-muted">{t("empty", { query: result.query })}</p>}
      {result.shops.length > 0 && (
        <section aria-labelledby="search-shops" className="space-y-2">
          <h2 id="search-shops" className="text-xl font-semibold">
            {t("shops")}
          </h2>
          <ul className="divide-y divide-brand-100 rounded-lg bg-white">
            {result.shops.map((shop) => (
              <li key={shop.id} className="p-3">
                <span className="font-medium">{shop.name}</span> <span className="text-muted">— {shop.city}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.products.length > 0 && (
        <section aria-labelledby="search-products" className="space-y-2">
          <h2 id="search-products" className="text-xl font-semibold">
            {t("products")}
          </h2>
          <ul className="divide-y divide-brand-100 rounded-lg bg-white">
            {result.products.map((product) => (
              <li key={product.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span>
                  <span className="font-medium">{product.name}</span>{" "}
                  <span className="text-muted">{t("soldBy", { shop: product.shop.name })}</span>
                </span>
                <span className="font-semibold">
                  {formatPrice(product.priceCents, toLocale(locale))} / {product.unit}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
