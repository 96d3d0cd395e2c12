import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { changeCampaignAction, endCampaignAction, issueVoucherCodesAction } from "@/app/actions/vouchers";
import { ActionForm } from "@/components/ui/ActionForm";
import { CampaignFigures } from "@/components/vouchers/CampaignFigures";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { euroInputValue, formatPrice } from "@/lib/money/format";
import { toLocal } from "@/lib/time/zoned";
import { getCampaign } from "@/lib/vouchers/campaigns";
import { lastDay } from "@/lib/vouchers/issue-codes";
import { adminPage } from "../../_lib/guard";

const box = "min-h-11 w-full rounded-lg border border-gray-500 px-3";

/** One campaign: its rules, its budget (changeable, never below what is used), its codes, its figures. */
export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  const { actor, territory } = await adminPage(`/admin/bons/${campaignId}`);
  const campaign = await getCampaign(db(), { actor, territoryId: territory.id, campaignId }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("campaigns"), getLocale().then(toLocale)]);
  const euros = (cents: number) => formatPrice(cents, locale);
  const left = campaign.budgetCents - campaign.committedCents - campaign.spentCents;
  const lastDate = toLocal(new Date(campaign.endsAt.getTime() - 1)).date;
  return (
    <div className="max-w-4xl space-y-6">
      <p><Link href="/admin/bons" className="font-medium text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="text-3xl font-bold text-brand-800">{campaign.name}</h1>
      <section aria-labelledby="campaign-rules" className="space-y-1 rounded-xl bg-white p-4">
        <h2 id="campaign-rules" className="text-xl font-semibold">{t("rules")}</h2>
        <p>{campaign.kind === "CODES" ? t("kindCodesShort", { value: euros(campaign.voucherValueCents ?? 0) }) : t("kindTopUpLong", { percent: (campaign.topUpBp ?? 0) / 100, cap: euros(campaign.topUpCapCents ?? 0), minimum: euros(campaign.minBasketCents) })}</p>
        <p>{t("dates", { from: campaign.startsAt.toLocaleDateString(locale, { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" }), to: lastDay(campaign.endsAt, locale) })}</p>
        <p>{t(`scope_${campaign.shopScope}`)}{campaign.declines.length > 0 && ` — ${t("declined", { shops: campaign.declines.map((d) => d.shop.name).join(", ") })}`}</p>
        {campaign.endsAt > new Date() ? (
          <ActionForm action={endCampaignAction} submitLabel={t("endNow")} pendingLabel={t("saving")} successLabel={t("ended")} danger>
            <input type="hidden" name="campaignId" value={campaign.id} />
            <p className="text-sm text-muted">{t("endNowHelp")}</p>
          </ActionForm>
        ) : (
          <p className="font-medium" data-testid="campaign-over">{t("over")}</p>
        )}
      </section>
      <section aria-labelledby="campaign-budget" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="campaign-budget" className="text-xl font-semibold">{t("budgetHeading")}</h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="campaign-money">
          {([["budget", campaign.budgetCents], ["committed", campaign.committedCents], ["spent", campaign.spentCents], ["left", left]] as const).map(([key, cents]) => (
            <div key={key} className="rounded-lg bg-brand-50 p-3">
              <dt className="text-sm text-muted">{t(`money_${key}`)}</dt>
              <dd className="text-xl font-semibold" data-testid={`campaign-${key}`}>{euros(cents)}</dd>
            </div>
          ))}
        </dl>
        <ActionForm action={changeCampaignAction} submitLabel={t("save")} pendingLabel={t("saving")} successLabel={t("saved")}>
          <input type="hidden" name="campaignId" value={campaign.id} />
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="space-y-1">
              <label htmlFor="change-name" className="block text-sm font-medium">{t("name")}</label>
              <input id="change-name" name="name" required defaultValue={campaign.name} className={box} />
            </div>
            <div className="space-y-1">
              <label htmlFor="change-budget" className="block text-sm font-medium">{t("budget")}</label>
              <input id="change-budget" name="budget" inputMode="decimal" required defaultValue={euroInputValue(campaign.budgetCents)} className={box} />
            </div>
            <div className="space-y-1">
              <label htmlFor="change-endsOn" className="block text-sm font-medium">{t("endsOn")}</label>
              <input id="change-endsOn" name="endsOn" type="date" required defaultValue={lastDate} className={box} />
            </div>
          </div>
        </ActionForm>
      </section>
      <CampaignFigures campaignId={campaign.id} territoryId={territory.id} />
      {campaign.kind === "CODES" && (
        <section aria-labelledby="campaign-codes" className="space-y-3 rounded-xl bg-white p-4">
          <h2 id="campaign-codes" className="text-xl font-semibold">{t("codesHeading")}</h2>
          <p data-testid="codes-issued">{t("codesIssued", { count: campaign._count.vouchers, value: euros(campaign.issuedValueCents), unused: euros(campaign.unusedBalanceCents) })}</p>
          {campaign._count.vouchers > 0 && (
            <p className="flex flex-wrap gap-3">
              <Link href={`/admin/bons/${campaign.id}/planche`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("printSheet")}</Link>
              <a href={`/api/admin/bons/${campaign.id}/codes`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("codesCsv")}</a>
            </p>
          )}
          <ActionForm action={issueVoucherCodesAction} submitLabel={t("issue")} pendingLabel={t("issuing")} successLabel={t("issued")}>
            <input type="hidden" name="campaignId" value={campaign.id} />
            <div className="space-y-1">
              <label htmlFor="issue-count" className="block text-sm font-medium">{t("issueCount")}</label>
              <input id="issue-count" name="count" inputMode="numeric" defaultValue="" className={`${box} sm:max-w-40`} />
            </div>
            <div className="space-y-1">
              <label htmlFor="issue-emails" className="block text-sm font-medium">{t("issueEmails")}</label>
              <p id="issue-emails-help" className="text-sm text-muted">{t("issueEmailsHelp")}</p>
              <textarea id="issue-emails" name="emails" rows={4} aria-describedby="issue-emails-help" className="w-full rounded-lg border border-gray-500 px-3 py-2" />
            </div>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
