import { useTranslations } from "next-intl";

/** Stock state of a product card; synchronous, so a 200-product list renders without 200 awaits. */
export function StockBadge({ stock, lowStockAlert }: { stock: number | null; lowStockAlert: number }) {
  const t = useTranslations("shop");
  if (stock === null) return <span className="text-sm text-muted">{t("unlimited")}</span>;
  if (stock === 0) return <span className="rounded bg-gray-200 px-2 py-0.5 text-sm font-semibold text-gray-800">{t("soldOut")}</span>;
  if (stock <= lowStockAlert) return <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">{t("stockLeft", { count: stock })}</span>;
  return <span className="text-sm text-brand-700">{t("inStock")}</span>;
}
