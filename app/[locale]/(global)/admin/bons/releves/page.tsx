import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/dashboard/PrintButton";
import { MonthPicker } from "@/components/vouchers/MonthPicker";
import { VoucherStatementView } from "@/components/vouchers/VoucherStatementView";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatMonth, isMonth, monthOf, recentMonths } from "@/lib/time/month";
import { PARIS } from "@/lib/time/zoned";
import { getTownVoucherStatement } from "@/lib/vouchers/statements";
import { adminPage } from "../../_lib/guard";

type Props = { searchParams: Promise<{ mois?: string | string[] }> };

/** The town's monthly voucher statement (?mois=YYYY-MM), printable, with its CSV; each one shown is written in the audit log. */
export default async function TownVoucherStatementPage({ searchParams }: Props) {
  const { actor, territory } = await adminPage("/admin/bons/releves");
  const requested = (await searchParams).mois;
  const current = monthOf(new Date());
  const month = isMonth(requested) ? requested : current;
  const [statement, t, locale] = await Promise.all([
    getTownVoucherStatement(db(), { actor, territoryId: territory.id, month, format: "page" }),
    getTranslations("voucherStatements"),
    getLocale().then(toLocale),
  ]);
  const issued = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: PARIS }).format(new Date());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("townHeading", { month: formatMonth(month, locale), town: territory.name })}</h1>
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton label={t("print")} />
          <a href={`/api/admin/bons/releves?mois=${month}`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("csv")}</a>
        </div>
      </div>
      <p className="max-w-3xl">{t("townIntro", { town: territory.name })}</p>
      <p className="hidden text-sm print:block">{t("issuedAt", { date: issued })}</p>
      <MonthPicker month={month} months={recentMonths(current, 24)} locale={locale} label={t("month")} submitLabel={t("show")} />
      <VoucherStatementView statement={statement} locale={locale} scope="town" />
    </div>
  );
}
