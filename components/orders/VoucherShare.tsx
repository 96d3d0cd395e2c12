import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";

/**
 * What the town's vouchers pay of an order, and what is left for the customer —
 * the same words for the customer, the shop and the relay desk. Nothing when no
 * voucher paid any of it.
 */
export async function VoucherShare({ order }: { order: { totalCents: number; voucherCents: number } }) {
  if (order.voucherCents <= 0) return null;
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale().then(toLocale)]);
  return (
    <p data-testid="voucher-share">
      <span className="font-medium">{t("voucherPaid", { amount: formatPrice(order.voucherCents, locale) })}</span>
      {" · "}
      <span data-testid="left-to-pay">{t("leftToPay", { amount: formatPrice(Math.max(0, order.totalCents - order.voucherCents), locale) })}</span>
    </p>
  );
}
