import { useTranslations } from "next-intl";
import { priceLine } from "@/lib/catalog/line-pricing";
import type { Locale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";

type Product = { priceCents: number; soldByWeight: boolean; pieceGrams: number | null; weightToleranceBp: number };

/** "About 250 g, ≈ 7,90 €, at most 9,09 €" for a product sold by weight (its price is per kg). */
export function WeightPrice({ product, locale }: { product: Product; locale: Locale }) {
  const t = useTranslations("shop");
  if (!product.soldByWeight || !product.pieceGrams) return null;
  const piece = priceLine(product, 1);
  return (
    <span className="block text-sm text-muted" data-testid="weight-price">
      {t("byWeight", { grams: product.pieceGrams, estimate: formatPrice(piece.totalCents, locale), max: formatPrice(piece.maxTotalCents, locale) })}
    </span>
  );
}
