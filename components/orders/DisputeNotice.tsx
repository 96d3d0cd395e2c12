import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import type { DisputeView } from "@/lib/payments/disputes";
import { formatDay } from "@/lib/time/format";

type Props = { disputes: (DisputeView & { orders?: { id: string; reference: string }[] })[]; orderHref?: (orderId: string) => string };

/** Chargebacks on an order's card payment: opened when, how much, why, and what it means for the shop's money. */
export async function DisputeNotice({ disputes, orderHref }: Props) {
  if (disputes.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale().then(toLocale)]);
  return (
    <section aria-labelledby="disputes-heading" className="space-y-2 rounded-xl border-2 border-red-800 bg-white p-4" data-testid="disputes">
      <h2 id="disputes-heading" className="text-xl font-semibold">{t("disputesHeading")}</h2>
      <ul className="space-y-1">
        {disputes.map((d) => (
          <li key={d.id}>
            {t(`dispute_${d.status}`, { amount: formatPrice(d.amountCents, locale), day: formatDay(d.openedAt, locale), reason: d.reason })}
            {d.orders && d.orders.length > 0 && (
              <span className="block text-sm">
                {d.orders.map((o, index) => (
                  <span key={o.id}>
                    {index > 0 && ", "}
                    {orderHref ? <Link className="underline" href={orderHref(o.id)}>{o.reference}</Link> : o.reference}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
