import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { PARIS } from "@/lib/time/zoned";
import type { VoucherStatement } from "@/lib/vouchers/statements";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/**
 * A voucher statement, printable: the totals, the totals per campaign, then per
 * shop its orders by campaign with subtotals, and the grand total.
 */
export async function VoucherStatementView({ statement, locale, scope }: { statement: VoucherStatement; locale: Locale; scope: "town" | "shop" }) {
  const t = await getTranslations("voucherStatements");
  const money = (cents: number) => formatPrice(cents, locale);
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: PARIS });
  const cell = "px-2 py-1";
  const amount = `${cell} text-right tabular-nums`;
  if (statement.shops.length === 0) return <p className="rounded-lg bg-white p-6 text-muted" data-testid="statement-empty">{t("empty")}</p>;
  return (
    <div className="space-y-6" data-testid="voucher-statement">
      <dl className={`grid gap-3 ${scope === "town" ? "sm:grid-cols-3" : "sm:grid-cols-2"}`} aria-label={t("summaryLabel")}>
        <div className="rounded-xl bg-white p-4 print:border print:border-gray-400">
          <dt className="text-sm text-muted">{t("grandTotal")}</dt>
          <dd className="text-2xl font-bold" data-testid="statement-total">{money(statement.totals.amountCents)}</dd>
        </div>
        {scope === "town" && (
          <div className="rounded-xl bg-white p-4 print:border print:border-gray-400">
            <dt className="text-sm text-muted">{t("shops")}</dt>
            <dd className="text-2xl font-bold">{statement.totals.shops}</dd>
          </div>
        )}
        <div className="rounded-xl bg-white p-4 print:border print:border-gray-400">
          <dt className="text-sm text-muted">{t("orders")}</dt>
          <dd className="text-2xl font-bold">{statement.totals.orders}</dd>
        </div>
      </dl>
      {statement.campaigns.length > 1 && (
        <section className="rounded-xl bg-white p-4 break-inside-avoid">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-lg font-semibold">{t("perCampaign")}</caption>
            <thead><tr><th scope="col" className={cell}>{t("campaign")}</th><th scope="col" className={amount}>{t("orders")}</th><th scope="col" className={amount}>{t("voucher")}</th></tr></thead>
            <tbody>
              {statement.campaigns.map((c) => (
                <tr key={c.campaignId} className="border-t border-brand-100"><th scope="row" className={`${cell} font-normal`}>{c.name}</th><td className={amount}>{c.orders}</td><td className={amount}>{money(c.amountCents)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {statement.shops.map((shop) => (
        <section key={shop.shopId} aria-labelledby={`statement-shop-${shop.shopId}`} className="rounded-xl bg-white p-4 print:break-inside-avoid" data-testid="statement-shop">
          <h2 id={`statement-shop-${shop.shopId}`} className="text-xl font-semibold">{shop.name}</h2>
          <p className="text-sm text-muted">{shop.address}{shop.siret ? ` — ${t("siret", { siret: shop.siret })}` : ""}</p>
          <ScrollRegion labelledBy={`statement-shop-${shop.shopId}`} className="mt-2">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("shopCaption", { shop: shop.name })}</caption>
              <thead>
                <tr>
                  <th scope="col" className={cell}>{t("campaign")}</th>
                  <th scope="col" className={cell}>{t("order")}</th>
                  <th scope="col" className={cell}>{t("collectedOn")}</th>
                  <th scope="col" className={amount}>{t("orderTotal")}</th>
                  <th scope="col" className={amount}>{t("voucher")}</th>
                </tr>
              </thead>
              {shop.campaigns.map((campaign) => (
                <tbody key={campaign.campaignId}>
                  {campaign.lines.map((line) => (
                    <tr key={line.orderId} className="border-t border-brand-100">
                      <td className={cell}>{campaign.name}</td>
                      <td className={`${cell} font-mono`}>{line.reference}</td>
                      <td className={cell}>{when.format(line.collectedAt)}</td>
                      <td className={amount}>{money(line.orderTotalCents)}</td>
                      <td className={amount}>{money(line.amountCents)}</td>
                    </tr>
                  ))}
                  {shop.campaigns.length > 1 && (
                    <tr className="border-t border-brand-100 bg-brand-50">
                      <th scope="row" colSpan={4} className={`${cell} text-right font-medium`}>{t("subtotal", { campaign: campaign.name, count: campaign.orders })}</th>
                      <td className={`${amount} font-medium`}>{money(campaign.amountCents)}</td>
                    </tr>
                  )}
                </tbody>
              ))}
              <tfoot>
                <tr className="border-t-2 border-brand-600">
                  <th scope="row" colSpan={4} className={`${cell} text-right`}>{t("shopTotal", { shop: shop.name, count: shop.orders })}</th>
                  <td className={`${amount} font-bold`} data-testid="statement-shop-total">{money(shop.amountCents)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </section>
      ))}
      <p className="rounded-xl bg-brand-50 p-4 text-lg font-semibold print:border print:border-gray-400">
        {t("grandTotalLine", { count: statement.totals.orders, total: money(statement.totals.amountCents) })}
      </p>
    </div>
  );
}
