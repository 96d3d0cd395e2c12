import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/AddToCartForm";
import { AddToCartLabelsProvider } from "@/components/cart/AddToCartLabels";
import { addToCartLabels } from "@/lib/i18n/add-to-cart-labels";
import { StockBadge } from "@/components/catalog/StockBadge";
import { cachedProductPage, cachedShopId } from "@/lib/catalog/cached";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { WeightPrice } from "@/components/catalog/WeightPrice";
import { mediaUrl } from "@/lib/storage/media-store";

type Props = { params: Promise<{ locale: string; territory: string; slug: string; productId: string }> };

/** Cached (no time limit) until the shop's catalog changes (lib/catalog/cached.ts). */
export const revalidate = false;

async function loadProduct(territorySlug: string, slug: string, productId: string) {
  const territory = await visibleTerritorySite(territorySlug);
  const shopId = territory && productId.length <= 64 ? await cachedShopId(territory.id, slug) : null;
  const product = territory && shopId ? await cachedProductPage(territory.id, shopId, productId) : null;
  return territory && product ? { territory, product } : null;
}

export async function generateMetadata({ params }: Props) {
  const { territory, slug, productId } = await params;
  const loaded = await loadProduct(territory, slug, productId);
  return { title: loaded ? `${loaded.product.name} — ${loaded.product.shop.name}` : "Comptoir" };
}

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

export default async function ProductPage({ params }: Props) {
  const { locale: rawLocale, territory: territorySlug, slug, productId } = await params;
  const locale = toLocale(rawLocale);
  setRequestLocale(locale);
  const loaded = await loadProduct(territorySlug, slug, productId);
  if (!loaded) notFound();
  const { product, territory } = loaded;
  const t = await getTranslations("shop");
  return (
    <article className="max-w-2xl space-y-4">
      <Link href={territoryHref(territory.base, `/boutiques/${product.shop.slug}`)} className="underline">← {t("back", { shop: product.shop.name })}</Link>
      <h1 className="text-3xl font-bold text-brand-800">{product.name}</h1>
      {product.section && <p className="text-muted">{product.section}</p>}
      {product.photos.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {product.photos.map((key, index) => (
            <li key={key}>
              <Image src={mediaUrl(key)} alt={index === 0 ? product.name : ""} width={400} height={400} unoptimized className="aspect-square w-full rounded-xl object-cover" />
            </li>
          ))}
        </ul>
      )}
      <p className="text-2xl font-bold">
        {formatPrice(product.priceCents, locale)} <span className="text-base font-normal text-muted">{t("perUnit", { unit: product.unit })}</span>
      </p>
      <WeightPrice product={product} locale={locale} />
      <p className="text-sm text-muted">{t("vat", { rate: (product.vatRateBp / 100).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB") })}</p>
      <StockBadge stock={product.stock} lowStockAlert={product.lowStockAlert} />
      <p>{product.description}</p>
      <AddToCartLabelsProvider labels={await addToCartLabels()}>
        <AddToCartForm productId={product.id} productName={product.name} max={product.stock} />
      </AddToCartLabelsProvider>
    </article>
  );
}
