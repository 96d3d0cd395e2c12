import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { searchTerritory } from "@/lib/catalog/search";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";

type Props = { params: Promise<{ territory: string }>; searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function SearchPage({ params: routeParams, searchParams }: Props) {
  const params = await searchParams;
  const territory = await visibleTerritorySite((await routeParams).territory);
  const base = territory?.base ?? "";
  const result = await searchTerritory(db(), territory?.id ?? "", { query: first(params.q), page: first(params.page) || 1 });
  const [t, locale] = await Promise.all([getTranslations("search"), getLocale().then(toLocale)]);
  const hasResults = result.shops.length + result.products.length > 0;
  const pageLink = (page: number) => `${territoryHref(base, "/recherche")}?q=${encodeURIComponent(result.query)}&page=${page}`;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{result.query ? t("resultsFor", { query: result.query }) : t("heading")}</h1>
      {!result.query && <p className="text-muted">{t("prompt")}</p>}
      {result.query && !hasResults && <p className="rounded-lg bg-white p-6 text-muted">{t("empty", { query: result.query })}</p>}
      {result.shops.length > 0 && (
        <section aria-labelledby="search-shops" className="space-y-2">
          <h2 id="search-shops" className="text-xl font-semibold">{t("shops")}</h2>
          <ul className="divide-y divide-brand-100 rounded-lg bg-white">
            {result.shops.map((shop) => (
              <li key={shop.id} className="p-3">
                <Link href={territoryHref(base, `/boutiques/${shop.slug}`)} className="font-medium underline">{shop.name}</Link> <span className="text-muted">— {shop.city}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.products.length > 0 && (
        <section aria-labelledby="search-products" className="space-y-2">
          <h2 id="search-products" className="text-xl font-semibold">
            {t("products")} <span className="text-base font-normal text-muted">({t("resultCount", { count: result.totalProducts })})</span>
          </h2>
          <ul className="divide-y divide-brand-100 rounded-lg bg-white">
            {result.products.map((product) => (
              <li key={product.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span>
                  <Link href={territoryHref(base, `/boutiques/${product.shopSlug}/produits/${product.id}`)} className="font-medium underline">{product.name}</Link>{" "}
                  <span className="text-muted">{t("soldBy", { shop: product.shopName })}</span>
                </span>
                <span className="font-semibold">
                  {formatPrice(product.priceCents, locale)} / {product.unit}
                </span>
              </li>
            ))}
          </ul>
          {result.pageCount > 1 && (
            <nav aria-label={t("pageOf", { page: result.page, count: result.pageCount })} className="flex items-center justify-between gap-2">
              {result.page > 1 ? <Link href={pageLink(result.page - 1)} className="min-h-11 content-center underline">{t("previous")}</Link> : <span />}
              <span>{t("pageOf", { page: result.page, count: result.pageCount })}</span>
              {result.page < result.pageCount ? <Link href={pageLink(result.page + 1)} className="min-h-11 content-center underline">{t("next")}</Link> : <span />}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
