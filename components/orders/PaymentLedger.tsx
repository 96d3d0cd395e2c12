import { getLocale, getTranslations } from "next-intl/server";
import { formatPrice } from "@/lib/money/format";
import { toLocale } from "@/lib/i18n/locales";

type Movement = { id: string; kind: string; amountCents: number; status: string; providerId: string | null; error: string | null; createdAt: Date };

/** Every money movement of an online-paid order, with the provider's id. */
export async function PaymentLedger({ movements }: { movements: Movement[] }) {
  if (movements.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale().then(toLocale)]);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <section aria-labelledby="payment-ledger" className="rounded-xl bg-white p-4">
      <h2 id="payment-ledger" className="text-xl font-semibold">{t("ledgerHeading")}</h2>
      <ul className="divide-y divide-brand-100" data-testid="payment-ledger">
        {movements.map((movement) => (
          <li key={movement.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              {date.format(movement.createdAt)} — {t(`kind_${movement.kind}`)} <span className="text-sm text-muted">({t(`status_${movement.status}`)}{movement.providerId ? ` · ${movement.providerId}` : ""})</span>
              {movement.error && <span className="block text-sm text-red-900">{movement.error}</span>}
            </span>
            <span className="font-medium">{formatPrice(movement.amountCents, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
