import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/dashboard/PrintButton";
import { MonthPicker } from "@/components/vouchers/MonthPicker";
import { ParticipationForm } from "@/components/vouchers/ParticipationForm";
import { VoucherStatementView } from "@/components/vouchers/VoucherStatementView";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { formatMonth, isMonth, monthOf, recentMonths } from "@/lib/time/month";
import { PARIS } from "@/lib/time/zoned";
import { listShopCampaigns, type ShopCampaign } from "@/lib/vouchers/participation";
import { getShopVoucherStatement } from "@/lib/vouchers/statements";
import { dashboardPage } from "../../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<{ mois?: string | string[] }> };

/** The town's voucher campaigns the shop is in (take part or not: the owner), and its monthly reimbursement statement. */
export default async function ShopVouchersPage({ params, searchParams }: Props) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/bons`);
  const requested = (await searchParams).mois;
  const current = monthOf(new Date());
  const month = isMonth(requested) ? requested : current;
  const [{ campaigns, canChange }, statement, t, tStatement, locale] = await Promise.all([
    listShopCampaigns(db(), { actor, shopId }),
    getShopVoucherStatement(db(), { actor, shopId, month }),
    getTranslations("shopVouchers"),
    getTranslations("voucherStatements"),
    getLocale().then(toLocale),
  ]);
  const day = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: PARIS });
  const terms = (c: ShopCampaign) =>
    c.kind === "TOP_UP"
      ? t("topUpTerms", { percent: (c.topUpBp ?? 0) / 100, cap: formatPrice(c.topUpCapCents ?? 0, locale), min: c.minBasketCents > 0 ? formatPrice(c.minBasketCents, locale) : "none" })
      : t("codeTerms", { value: formatPrice(c.voucherValueCents ?? 0, locale) });
  const monthLabel = formatMonth(month, locale);
  return (
    <div className="space-y-8">
      <section aria-labelledby="shop-campaigns-heading" className="space-y-4 print:hidden">
        <h1 id="shop-campaigns-heading" className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
        <p className="max-w-3xl">{t("intro", { town: statement.territory.name })}</p>
        {campaigns.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-muted">{t("none")}</p>
        ) : (
          <ul className="space-y-3">
            {campaigns.map((c) => (
              <li key={c.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="shop-campaign">
                <h2 className="text-xl font-semibold">{c.name} <span className="text-base font-normal text-muted">— {c.running ? t("running") : t("upcoming")}</span></h2>
                <p>{terms(c)}</p>
                <p className="text-sm text-muted">{t("dates", { from: day.format(c.startsAt), to: day.format(new Date(c.endsAt.getTime() - 1)) })}</p>
                {(c.committedCents > 0 || c.spentCents > 0) && <p className="text-sm">{t("amounts", { committed: formatPrice(c.committedCents, locale), spent: formatPrice(c.spentCents, locale) })}</p>}
                <p className="font-medium" data-testid="participation">{c.declinedAt ? t("declined", { date: day.format(c.declinedAt) }) : t("participating")}</p>
                {canChange ? (
                  <>
                    {!c.declinedAt && <p className="text-sm text-muted">{t("declineHelp")}</p>}
                    <ParticipationForm
                      shopId={shopId}
                      campaignId={c.id}
                      participate={Boolean(c.declinedAt)}
                      labels={{ submit: c.declinedAt ? t("rejoin") : t("decline"), pending: t("saving"), done: t("saved") }}
                    />
                  </>
                ) : (
                  <p className="text-sm text-muted">{t("ownerOnly")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="shop-statement-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="shop-statement-heading" className="text-2xl font-bold text-brand-800 print:text-3xl">{tStatement("shopHeading", { month: monthLabel })}</h2>
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton label={tStatement("print")} />
            <a href={`/api/dashboard/${encodeURIComponent(shopId)}/bons?mois=${month}`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{tStatement("csv")}</a>
          </div>
        </div>
        <p className="max-w-3xl">{tStatement("shopIntro", { town: statement.territory.name })}</p>
        <MonthPicker month={month} months={recentMonths(current, 24)} locale={locale} label={tStatement("month")} submitLabel={tStatement("show")} />
        <VoucherStatementView statement={statement} locale={locale} scope="shop" />
      </section>
    </div>
  );
}
