import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/AddToCartForm";
import { AddToCartLabelsProvider } from "@/components/cart/AddToCartLabels";
import { addToCartLabels } from "@/lib/i18n/add-to-cart-labels";
import { ShopAvailability } from "@/components/catalog/ShopAvailability";
import { StockBadge } from "@/components/catalog/StockBadge";
import { WeeklyHours } from "@/components/catalog/WeeklyHours";
import { cachedShopId, cachedShopPage } from "@/lib/catalog/cached";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { WeightPrice } from "@/components/catalog/WeightPrice";
import { mediaUrl } from "@/lib/storage/media-store";

type Props = { params: Promise<{ locale: string; territory: string; slug: string }> };

/** Cached (no time limit) until the shop, its products or its pickup points change (lib/catalog/cached.ts). */
export const revalidate = false;

async function loadShop(territorySlug: string, slug: string) {
  const territory = await visibleTerritorySite(territorySlug);
  const shopId = territory ? await cachedShopId(territory.id, slug) : null;
  const shop = territory && shopId ? await cachedShopPage(territory.id, shopId) : null;
  return territory && shop ? { territory, shop } : null;
}

export async function generateMetadata({ params }: Props) {
  const { territory, slug } = await params;
  const loaded = await loadShop(territory, slug);
  return { title: loaded ? `${loaded.shop.name} — Comptoir` : "Comptoir" };
}

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

export default async function ShopPage({ params }: Props) {
  const { locale: rawLocale, territory: territorySlug, slug } = await params;
  const locale = toLocale(rawLocale);
  setRequestLocale(locale);
  const loaded = await loadShop(territorySlug, slug);
  if (!loaded) notFound();
  const { shop, territory } = loaded;
  const t = await getTranslations("shop");
  return (
    <AddToCartLabelsProvider labels={await addToCartLabels()}>
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{locale === "en" ? shop.category.nameEn : shop.category.nameFr}</p>
        <h1 className="text-3xl font-bold text-brand-800">{shop.name}</h1>
        <p className="max-w-3xl text-lg">{shop.description}</p>
        {shop.photos[0] && <Image src={mediaUrl(shop.photos[0])} alt={shop.name} width={960} height={320} unoptimized priority className="h-48 w-full max-w-4xl rounded-xl object-cover sm:h-64" />}
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="shop-hours" className="rounded-xl bg-white p-4">
          <ShopAvailability
            slug={shop.slug}
            territorySlug={territory.slug}
            locale={locale}
            labels={{ todayHours: t("todayHours"), nextSlot: t("nextSlot"), closedToday: t("closedToday"), noSlot: t("noSlot"), unavailable: t("availabilityUnavailable") }}
          />
          <WeeklyHours hours={shop.openingHours} locale={locale} heading={t("weeklyHours")} closed={t("closedDay")} />
        </section>
        <section aria-labelledby="shop-pickup" className="rounded-xl bg-white p-4">
          <h2 id="shop-pickup" className="font-semibold">{t("pickupOptions")}</h2>
          <ul className="space-y-1">
            {shop.pickupPoints.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.isDoor ? t("door") : t("relay")}</span> — {p.name}, {p.addressLine}, {p.city}
              </li>
            ))}
            {shop.delivery && (
              <li data-testid="shop-delivery">
                <span className="font-medium">{t("delivery")}</span> — {shop.delivery.zones.map((z) => `${z.commune} (${z.feeCents > 0 ? formatPrice(z.feeCents, locale) : t("deliveryFree")})`).join(", ")}
                {shop.delivery.freeFromCents !== null && <span className="block text-sm text-muted">{t("deliveryFreeFrom", { amount: formatPrice(shop.delivery.freeFromCents, locale) })}</span>}
                {shop.delivery.minimumCents > 0 && <span className="block text-sm text-muted">{t("deliveryMinimum", { amount: formatPrice(shop.delivery.minimumCents, locale) })}</span>}
              </li>
            )}
          </ul>
          <h2 className="mt-3 font-semibold">{t("payment")}</h2>
          <p>{shop.paymentMethods.map((m) => t(m)).join(" · ")}</p>
        </section>
        <section aria-labelledby="shop-contact" className="rounded-xl bg-white p-4">
          <h2 id="shop-contact" className="font-semibold">{t("address")}</h2>
          <p>
            {shop.addressLine}, {shop.postalCode} {shop.city}
          </p>
          {shop.phone && (
            <p className="mt-2">
              {t("contact")} : <a href={`tel:${shop.phone.replace(/\s/g, "")}`} className="underline">{shop.phone}</a>
            </p>
          )}
        </section>
      </div>
      <section aria-labelledby="catalog-heading" className="space-y-6">
        <h2 id="catalog-heading" className="text-2xl font-semibold">{t("catalog")}</h2>
        {shop.sections.length === 0 && <p className="rounded-lg bg-white p-6 text-muted">{t("emptyCatalog")}</p>}
        {shop.sections.map((section, index) => (
          <section key={section.name} aria-labelledby={`section-${index}`} className="space-y-3">
            <h3 id={`section-${index}`} className="text-xl font-semibold text-brand-800">{section.name || t("otherSection")}</h3>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {section.products.map((product) => (
                <li key={product.id} className="flex flex-col gap-2 rounded-xl border border-brand-100 bg-white p-4" data-testid="product-card">
                  {product.photos[0] && <Image src={mediaUrl(product.photos[0])} alt="" width={320} height={200} unoptimized className="h-40 w-full rounded-lg object-cover" />}
                  <h4 className="font-semibold">
                    <Link href={territoryHref(territory.base, `/boutiques/${shop.slug}/produits/${product.id}`)} className="hover:underline">{product.name}</Link>
                  </h4>
                  <p className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-lg font-bold">
                      {formatPrice(product.priceCents, locale)} <span className="text-sm font-normal text-muted">{t("perUnit", { unit: product.unit })}</span>
                      <WeightPrice product={product} locale={locale} />
                    </span>
                    <StockBadge stock={product.stock} lowStockAlert={product.lowStockAlert} />
                  </p>
                  <AddToCartForm productId={product.id} productName={product.name} max={product.stock} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
    </AddToCartLabelsProvider>
  );
}
