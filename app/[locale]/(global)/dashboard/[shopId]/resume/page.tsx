import { getLocale, getTranslations } from "next-intl/server";
import { OrdersChart } from "@/components/dashboard/OrdersChart";
import { PrintButton } from "@/components/dashboard/PrintButton";
import { getPreparationList, getShopFigures } from "@/lib/dashboard/daily-summary";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { formatDay, formatSlot } from "@/lib/time/format";
import { fromLocal } from "@/lib/time/zoned";
import { dashboardPage } from "../../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<{ jour?: string }> };

export default async function DailySummaryPage({ params, searchParams }: Props) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/resume`);
  const [list, figures, t, locale] = await Promise.all([
    getPreparationList(db(), { actor, shopId, day: (await searchParams).jour }),
    getShopFigures(db(), { actor, shopId }),
    getTranslations("dashboard"),
    getLocale().then(toLocale),
  ]);
  const dayName = (day: string) => formatDay(fromLocal(day, 720) ?? new Date(), locale);
  return (
    <div className="space-y-8">
      <section aria-labelledby="prep-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 id="prep-heading" className="text-3xl font-bold text-brand-800">{t("summaryHeading", { day: dayName(list.day) })}</h1>
          <PrintButton label={t("print")} />
        </div>
        <form className="flex items-end gap-2 print:hidden">
          <div>
            <label htmlFor="summary-day" className="block text-sm font-medium">{t("day")}</label>
            <input id="summary-day" name="jour" type="date" defaultValue={list.day} className="min-h-11 rounded-lg border border-gray-500 px-2" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("show")}</button>
        </form>
        {list.slots.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-muted">{t("nothingToPrepare")}</p>
        ) : (
          <>
            {list.slots.map((slot) => (
              <section key={slot.startsAt.toISOString()} className="rounded-xl bg-white p-4 break-inside-avoid" data-testid="prep-slot">
                <h2 className="text-lg font-semibold">{formatSlot(slot.startsAt, slot.endsAt, locale)}</h2>
                <ul className="list-inside list-disc">
                  {slot.items.map((item) => <li key={`${item.name}|${item.unit}`}><strong>{item.quantity}</strong> × {item.name} ({item.unit})</li>)}
                </ul>
                <p className="mt-1 text-sm text-muted">{slot.orders.join(" · ")}</p>
              </section>
            ))}
            <section className="rounded-xl bg-brand-50 p-4" data-testid="prep-totals">
              <h2 className="text-lg font-semibold">{t("totalToPick")}</h2>
              <ul className="list-inside list-disc">
                {list.totals.map((item) => <li key={`${item.name}|${item.unit}`}><strong>{item.quantity}</strong> × {item.name} ({item.unit})</li>)}
              </ul>
            </section>
          </>
        )}
      </section>
      <section aria-labelledby="figures-heading" className="space-y-4 print:hidden">
        <h2 id="figures-heading" className="text-2xl font-semibold">{t("figures")}</h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          {[[t("ordersToday"), String(figures.ordersToday)], [t("ordersWeek"), String(figures.ordersThisWeek)], [t("revenueWeek"), formatPrice(figures.revenueThisWeekCents, locale)]].map(([label, value]) => (
            <div key={label} className="rounded-xl bg-white p-4">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-2xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="text-lg font-semibold">{t("perDay")}</h3>
        <OrdersChart
          data={figures.perDay}
          dayLabel={dayName}
          label={t("chartLabel", { from: dayName(figures.perDay[0]?.day ?? list.day), to: dayName(figures.perDay.at(-1)?.day ?? list.day), max: Math.max(0, ...figures.perDay.map((d) => d.orders)) })}
        />
        <h3 className="text-lg font-semibold">{t("topProducts")}</h3>
        {figures.topProducts.length === 0 ? (
          <p className="text-muted">{t("noTop")}</p>
        ) : (
          <ol className="list-inside list-decimal">
            {figures.topProducts.map((p) => <li key={p.name}>{p.name} — {p.quantity} ({formatPrice(p.revenueCents, locale)})</li>)}
          </ol>
        )}
      </section>
    </div>
  );
}
