import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/AddToCartForm";
import { StockBadge } from "@/components/catalog/StockBadge";
import { getShopPage } from "@/lib/catalog/shop-page";
import { hoursOn } from "@/lib/catalog/opening-hours";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { WeightPrice } from "@/components/catalog/WeightPrice";
import { mediaUrl } from "@/lib/storage/media-store";
import { getDefaultTerritory } from "@/lib/territory/default";
import { formatSlot } from "@/lib/time/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const territory = await getDefaultTerritory();
  const shop = territory ? await db().shop.findFirst({ where: { territoryId: territory.id, slug: (await params).slug }, select: { name: true } }) : null;
  return { title: shop ? `${shop.name} — Comptoir` : "Comptoir" };
}

export default async function ShopPage({ params }: Props) {
  const territory = await getDefaultTerritory();
  const shop = territory ? await getShopPage(db(), territory.id, (await params).slug) : null;
  if (!shop) notFound();
  const [t, locale] = await Promise.all([getTranslations("shop"), getLocale().then(toLocale)]);
  const today = hoursOn(shop.openingHours, new Date());
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{locale === "en" ? shop.category.nameEn : shop.category.nameFr}</p>
        <h1 className="text-3xl font-bold text-brand-800">{shop.name}</h1>
        <p className="max-w-3xl text-lg">{shop.description}</p>
        {shop.photos[0] && <Image src={mediaUrl(shop.photos[0])} alt={shop.name} width={960} height={320} unoptimized priority className="h-48 w-full max-w-4xl rounded-xl object-cover sm:h-64" />}
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="shop-hours" className="rounded-xl bg-white p-4">
          <h2 id="shop-hours" className="font-semibold">{t("todayHours")}</h2>
          <p>{today.length ? today.map((h) => `${h.opens}–${h.closes}`).join(", ") : t("closedToday")}</p>
          <h2 className="mt-3 font-semibold">{t("nextSlot")}</h2>
          <p data-testid="next-slot">{shop.nextSlot ? formatSlot(shop.nextSlot.startsAt, shop.nextSlot.endsAt, locale) : t("noSlot")}</p>
        </section>
        <section aria-labelledby="shop-pickup" className="rounded-xl bg-white p-4">
          <h2 id="shop-pickup" className="font-semibold">{t("pickupOptions")}</h2>
          <ul className="space-y-1">
            {shop.pickupPoints.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.isDoor ? t("door") : t("relay")}</span> — {p.name}, {p.addressLine}, {p.city}
              </li>
            ))}
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
                    <Link href={`/boutiques/${shop.slug}/produits/${product.id}`} className="hover:underline">{product.name}</Link>
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
  );
}
