import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getCampaignFigures, leverageOf, type CampaignFigures as Figures, type FigureGroup } from "@/lib/vouchers/figures";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

const ROW = 34;
const LABEL = 210;
const BAR = 300;

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Sales supported per shop as horizontal bars, the dark part being the vouchers
 * spent. The chart is an image with a title and description; the same numbers
 * are in the table that follows it (its text alternative).
 */
function ShopChart({ groups, locale, labels }: { groups: FigureGroup[]; locale: Locale; labels: { title: string; desc: string; sales: string; voucher: string } }) {
  const max = Math.max(1, ...groups.map((g) => g.salesCents));
  const height = groups.length * ROW + 30;
  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby="campaign-chart-title campaign-chart-desc" viewBox={`0 0 ${LABEL + BAR + 110} ${height}`} className="w-full max-w-3xl" data-testid="campaign-chart">
        <title id="campaign-chart-title">{labels.title}</title>
        <desc id="campaign-chart-desc">{labels.desc}</desc>
        <g fontSize="12" fill="#1f2937">
          <rect x="0" y="4" width="14" height="12" fill="#fff" stroke="#1d6b3c" strokeWidth="2" />
          <text x="20" y="14">{labels.sales}</text>
          <rect x="180" y="4" width="14" height="12" fill="#1d6b3c" />
          <text x="200" y="14">{labels.voucher}</text>
        </g>
        {groups.map((g, i) => {
          const y = 30 + i * ROW;
          const sales = (g.salesCents / max) * BAR;
          const voucher = (g.voucherCents / max) * BAR;
          return (
            <g key={g.key} fontSize="12" fill="#1f2937">
              <text x="0" y={y + 16}>{truncate(g.name, 30)}</text>
              <rect x={LABEL} y={y + 4} width={Math.max(sales, 1)} height="18" fill="#fff" stroke="#1d6b3c" strokeWidth="2" />
              <rect x={LABEL} y={y + 4} width={voucher} height="18" fill="#1d6b3c" />
              <text x={LABEL + Math.max(sales, 1) + 6} y={y + 17}>{formatPrice(g.salesCents, locale)}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/**
 * A campaign's figures for its town's admins (issue #14): budget, committed,
 * spent and left; orders and sales supported (collected, and still pending);
 * the leverage; per shop (with a chart), per category and per commune; a CSV.
 * Checks the admin itself: render it on any admin page with the campaign's town.
 */
export async function CampaignFigures({ campaignId, territoryId }: { campaignId: string; territoryId: string }) {
  let figures: Figures;
  try {
    figures = await getCampaignFigures(db(), { actor: await getActor(), territoryId, campaignId });
  } catch (error) {
    if (isDomainError(error)) notFound();
    throw error;
  }
  const [t, locale] = await Promise.all([getTranslations("voucherFigures"), getLocale().then(toLocale)]);
  const money = (cents: number) => formatPrice(cents, locale);
  const decimal = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const leverage = (value: number | null) => (value === null ? "—" : decimal.format(value));
  const cell = "px-2 py-1";
  const num = `${cell} text-right tabular-nums`;
  const table = (id: string, caption: string, groups: FigureGroup[]) => (
    <section aria-labelledby={id} className="space-y-2 rounded-xl bg-white p-4">
      <h3 id={id} className="text-lg font-semibold">{caption}</h3>
      <ScrollRegion labelledBy={id}>
        <table className="w-full text-left text-sm" data-testid={id}>
          <thead>
            <tr>
              <th scope="col" className={cell}>{t("name")}</th>
              <th scope="col" className={num}>{t("orders")}</th>
              <th scope="col" className={num}>{t("voucher")}</th>
              <th scope="col" className={num}>{t("sales")}</th>
              <th scope="col" className={num}>{t("leverage")}</th>
              <th scope="col" className={num}>{t("pendingOrders")}</th>
              <th scope="col" className={num}>{t("pendingVoucher")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} className="border-t border-brand-100">
                <th scope="row" className={`${cell} font-normal`}>{locale === "en" && g.nameEn ? g.nameEn : g.name}</th>
                <td className={num}>{g.orders}</td>
                <td className={num}>{money(g.voucherCents)}</td>
                <td className={num}>{money(g.salesCents)}</td>
                <td className={num}>{leverage(leverageOf(g.salesCents, g.voucherCents))}</td>
                <td className={num}>{g.pendingOrders}</td>
                <td className={num}>{money(g.pendingVoucherCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
  const budget: [string, string, string][] = [
    ["budget", t("budget"), money(figures.budgetCents)],
    ["committed", t("committed"), money(figures.committedCents)],
    ["spent", t("spent"), money(figures.spentCents)],
    ["left", t("left"), money(figures.leftCents)],
  ];
  const supported: [string, string, string][] = [
    ["orders", t("collectedOrders"), String(figures.collected.orders)],
    ["sales", t("salesSupported"), money(figures.collected.salesCents)],
    ["leverage", t("leverage"), figures.leverage === null ? t("noLeverage") : t("leverageValue", { value: decimal.format(figures.leverage) })],
    ["pending", t("pending"), t("pendingValue", { count: figures.pending.orders, voucher: money(figures.pending.voucherCents), sales: money(figures.pending.salesCents) })],
  ];
  return (
    <section aria-labelledby="campaign-figures" className="space-y-4" data-testid="campaign-figures">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="campaign-figures" className="text-2xl font-semibold">{t("heading")}</h2>
        <a href={`/api/admin/bons/${encodeURIComponent(figures.campaign.id)}/chiffres`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700" download>{t("csv")}</a>
      </div>
      {[budget, supported].map((items, index) => (
        <dl key={index} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {items.map(([key, label, value]) => (
            <div key={key} className="rounded-xl bg-white p-4" data-testid={`figure-${key}`}>
              <dt className="text-sm text-muted">{label}</dt>
              <dd className={key === "pending" ? "font-semibold" : "text-xl font-bold"}>{value}</dd>
            </div>
          ))}
        </dl>
      ))}
      <p className="text-sm text-muted">{t("explainer")}</p>
      {figures.perShop.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="campaign-chart-heading" className="space-y-2 rounded-xl bg-white p-4">
            <h3 id="campaign-chart-heading" className="text-lg font-semibold">{t("chartHeading")}</h3>
            <ShopChart groups={figures.perShop} locale={locale} labels={{ title: t("chartTitle"), desc: t("chartDesc"), sales: t("sales"), voucher: t("legendVoucher") }} />
          </section>
          {table("campaign-per-shop", t("perShop"), figures.perShop)}
          {table("campaign-per-category", t("perCategory"), figures.perCategory)}
          {table("campaign-per-commune", t("perCommune"), figures.perCommune)}
        </>
      )}
    </section>
  );
}
