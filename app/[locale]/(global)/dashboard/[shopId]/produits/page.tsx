import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BulkAvailability } from "@/components/dashboard/BulkAvailability";
import { StockForm } from "@/components/dashboard/StockForm";
import { listShopProducts } from "@/lib/catalog/manage-products";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { dashboardPage } from "../../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SHOW = ["all", "available", "unavailable", "low", "archived"] as const;
const SHOW_LABEL = { all: "showAll", available: "showAvailable", unavailable: "showUnavailable", low: "showLow", archived: "showArchived" } as const;

export default async function ProductsPage({ params, searchParams }: Props) {
  const { shopId } = await params;
  const { actor, shop } = await dashboardPage(shopId, `/dashboard/${shopId}/produits`);
  const { filters, products } = await listShopProducts(db(), { actor, shopId, filters: await searchParams });
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale().then(toLocale)]);
  const bulkForm = "bulk-availability";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{t("productsHeading", { shop: shop.name })}</h1>
        <Link href={`/dashboard/${shopId}/produits/nouveau`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white">{t("newProduct")}</Link>
      </div>
      <form className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-3">
        <div className="w-full sm:w-auto">
          <label htmlFor="products-q" className="block text-sm font-medium">{t("search")}</label>
          <input id="products-q" name="q" type="search" defaultValue={filters.q ?? ""} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
        </div>
        <div className="w-full sm:w-auto">
          <label htmlFor="products-show" className="block text-sm font-medium">{t("show")}</label>
          <select id="products-show" name="show" defaultValue={filters.show} className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-2">
            {SHOW.map((value) => (
              <option key={value} value={value}>{t(SHOW_LABEL[value])}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("apply")}</button>
      </form>
      {filters.show !== "archived" && <BulkAvailability shopId={shopId} formId={bulkForm} />}
      {products.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noProducts")}</p>
      ) : (
        <ul className="divide-y divide-brand-100 rounded-xl bg-white" data-testid="product-list">
          {products.map((product) => (
            <li key={product.id} className={`flex flex-wrap items-center justify-between gap-3 p-3 ${product.low ? "bg-amber-50" : ""}`} data-testid="product-row">
              <div className="flex items-start gap-3">
                {filters.show !== "archived" && (
                  <input type="checkbox" name="productIds" value={product.id} form={bulkForm} aria-label={t("select", { name: product.name })} className="mt-1 h-5 w-5" />
                )}
                <div>
                  <Link href={`/dashboard/${shopId}/produits/${product.id}`} className="font-semibold underline" aria-label={t("edit", { name: product.name })}>{product.name}</Link>
                  <span className="block text-sm text-muted">
                    {[product.sku, product.section, `${formatPrice(product.priceCents, locale)} / ${product.unit}`].filter(Boolean).join(" · ")}
                  </span>
                  <span className="flex gap-2 text-sm">
                    {!product.active && <span className="rounded bg-gray-200 px-2 text-gray-800">{t("unavailable")}</span>}
                    {product.low && <span className="rounded bg-amber-200 px-2 font-semibold text-amber-950">{t("lowStock")}</span>}
                  </span>
                </div>
              </div>
              {!product.archivedAt && <StockForm shopId={shopId} productId={product.id} name={product.name} stock={product.stock} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
