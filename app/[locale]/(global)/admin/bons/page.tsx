import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { createCampaignAction } from "@/app/actions/vouchers";
import { ActionForm } from "@/components/ui/ActionForm";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { toLocal } from "@/lib/time/zoned";
import { campaignScopeChoices, listCampaigns } from "@/lib/vouchers/campaigns";
import { lastDay } from "@/lib/vouchers/issue-codes";
import { adminPage } from "../_lib/guard";

const box = "min-h-11 w-full rounded-lg border border-gray-500 px-3";

/** The town's voucher campaigns: what each holds and used, and a form to start one. */
export default async function CampaignsPage() {
  const { actor, territory } = await adminPage("/admin/bons");
  const [t, locale, campaigns, choices] = await Promise.all([getTranslations("campaigns"), getLocale().then(toLocale), listCampaigns(db(), { actor, territoryId: territory.id }), campaignScopeChoices(db(), { actor, territoryId: territory.id })]);
  const today = toLocal(new Date()).date;
  const euros = (cents: number) => formatPrice(cents, locale);
  const field = (name: string, label: string, options: { type?: string; help?: string; required?: boolean; defaultValue?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <div className="space-y-1">
      <label htmlFor={`campaign-${name}`} className="block text-sm font-medium">{label}</label>
      {options.help && <p id={`campaign-${name}-help`} className="text-sm text-muted">{options.help}</p>}
      <input id={`campaign-${name}`} name={name} type={options.type ?? "text"} inputMode={options.inputMode} required={options.required} defaultValue={options.defaultValue} aria-describedby={options.help ? `campaign-${name}-help` : undefined} className={box} />
    </div>
  );
  const checkboxes = (legend: string, name: string, items: { id: string; label: string }[]) => (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {items.map((item) => (
          <label key={item.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name={name} value={item.id} className="h-5 w-5" />
            {item.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading", { territory: territory.name })}</h1>
      <p className="text-muted">{t("intro")}</p>
      <p>
        <Link href="/admin/bons/releves" className="font-medium text-brand-700 underline">{t("statementsLink")}</Link>
      </p>
      <section aria-labelledby="campaigns-list" className="space-y-3">
        <h2 id="campaigns-list" className="text-xl font-semibold">{t("listHeading")}</h2>
        {campaigns.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-muted">{t("empty")}</p>
        ) : (
          <ul className="space-y-3">
            {campaigns.map((campaign) => (
              <li key={campaign.id} className="rounded-xl bg-white p-4" data-testid="campaign">
                <p className="text-lg font-semibold">
                  <Link href={`/admin/bons/${campaign.id}`} className="underline">{campaign.name}</Link>
                </p>
                <p className="text-sm text-muted">
                  {campaign.kind === "CODES" ? t("kindCodesShort", { value: euros(campaign.voucherValueCents ?? 0) }) : t("kindTopUpShort", { percent: (campaign.topUpBp ?? 0) / 100, cap: euros(campaign.topUpCapCents ?? 0) })}
                  {" · "}
                  {t("dates", { from: campaign.startsAt.toLocaleDateString(locale, { timeZone: "Europe/Paris", day: "numeric", month: "long" }), to: lastDay(campaign.endsAt, locale) })}
                </p>
                <p data-testid="campaign-budget">{t("budgetLine", { budget: euros(campaign.budgetCents), committed: euros(campaign.committedCents), spent: euros(campaign.spentCents), left: euros(campaign.budgetCents - campaign.committedCents - campaign.spentCents) })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="campaign-new" className="rounded-xl bg-white p-4">
        <h2 id="campaign-new" className="mb-3 text-xl font-semibold">{t("newHeading")}</h2>
        <ActionForm action={createCampaignAction} submitLabel={t("create")} pendingLabel={t("creating")} successLabel="">
          {field("name", t("name"), { required: true })}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("kind")}</legend>
            <label className="flex min-h-11 items-center gap-2"><input type="radio" name="kind" value="TOP_UP" defaultChecked className="h-5 w-5" />{t("kindTopUp")}</label>
            <label className="flex min-h-11 items-center gap-2"><input type="radio" name="kind" value="CODES" className="h-5 w-5" />{t("kindCodes")}</label>
          </fieldset>
          {field("budget", t("budget"), { required: true, inputMode: "decimal", help: t("budgetHelp") })}
          <div className="grid gap-3 sm:grid-cols-2">
            {field("startsOn", t("startsOn"), { type: "date", required: true, defaultValue: today })}
            {field("endsOn", t("endsOn"), { type: "date", required: true })}
          </div>
          <fieldset className="space-y-3 rounded-lg border border-brand-100 p-3">
            <legend className="px-1 text-sm font-semibold">{t("topUpRules")}</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              {field("topUpPercent", t("topUpPercent"), { inputMode: "numeric" })}
              {field("topUpCap", t("topUpCap"), { inputMode: "decimal" })}
              {field("minBasket", t("minBasket"), { inputMode: "decimal" })}
            </div>
          </fieldset>
          <fieldset className="space-y-3 rounded-lg border border-brand-100 p-3">
            <legend className="px-1 text-sm font-semibold">{t("codesRules")}</legend>
            {field("voucherValue", t("voucherValue"), { inputMode: "decimal", help: t("voucherValueHelp") })}
          </fieldset>
          <fieldset className="space-y-3 rounded-lg border border-brand-100 p-3">
            <legend className="px-1 text-sm font-semibold">{t("scope")}</legend>
            <div className="space-y-1">
              <label htmlFor="campaign-shopScope" className="block text-sm font-medium">{t("scopeKind")}</label>
              <select id="campaign-shopScope" name="shopScope" defaultValue="ALL" className={`${box} bg-white sm:w-auto`}>
                {(["ALL", "CATEGORIES", "COMMUNES", "SHOPS"] as const).map((scope) => <option key={scope} value={scope}>{t(`scope_${scope}`)}</option>)}
              </select>
            </div>
            {checkboxes(t("scope_CATEGORIES"), "categoryIds", choices.categories.map((c) => ({ id: c.id, label: locale === "en" ? c.nameEn : c.nameFr })))}
            {checkboxes(t("scope_COMMUNES"), "communeIds", choices.communes.map((c) => ({ id: c.id, label: c.name })))}
            {checkboxes(t("scope_SHOPS"), "shopIds", choices.shops.map((s) => ({ id: s.id, label: s.name })))}
          </fieldset>
        </ActionForm>
      </section>
    </div>
  );
}
