import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/AddToCartForm";
import { StockBadge } from "@/components/catalog/StockBadge";
import { getProductPage } from "@/lib/catalog/shop-page";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { WeightPrice } from "@/components/catalog/WeightPrice";
import { mediaUrl } from "@/lib/storage/media-store";
import { getDefaultTerritory } from "@/lib/territory/default";

type Props = { params: Promise<{ slug: string; productId: string }> };

export default async function ProductPage({ params }: Props) {
  const { slug, productId } = await params;
  const territory = await getDefaultTerritory();
  const product = territory ? await getProductPage(db(), territory.id, slug, productId) : null;
  if (!product) notFound();
  const [t, locale] = await Promise.all([getTranslations("shop"), getLocale().then(toLocale)]);
  return (
    <article className="max-w-2xl space-y-4">
      <Link href={`/boutiques/${product.shop.slug}`} className="underline">← {t("back", { shop: product.shop.name })}</Link>
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
      <AddToCartForm productId={product.id} productName={product.name} max={product.stock} />
    </article>
  );
}
