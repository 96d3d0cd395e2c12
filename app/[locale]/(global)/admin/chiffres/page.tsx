import { getLocale, getTranslations } from "next-intl/server";
import { OrdersChart } from "@/components/dashboard/OrdersChart";
import { getPlatformFigures } from "@/lib/admin/figures";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { formatDay } from "@/lib/time/format";
import { fromLocal } from "@/lib/time/zoned";
import { adminPage } from "../_lib/guard";

export default async function FiguresPage() {
  const { actor, territory } = await adminPage("/admin/chiffres");
  const [figures, t, tDash, locale] = await Promise.all([getPlatformFigures(db(), { actor, territoryId: territory.id }), getTranslations("admin"), getTranslations("dashboard"), getLocale().then(toLocale)]);
  const table = (title: string, rows: { name: string; value: number }[]) => (
    <section className="rounded-xl bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <table className="w-full text-left text-sm">
        <thead><tr><th scope="col" className="p-1">{t("name")}</th><th scope="col" className="p-1 text-right">{t("count")}</th></tr></thead>
        <tbody>{rows.map((r) => <tr key={r.name} className="border-t border-brand-100"><td className="p-1">{r.name}</td><td className="p-1 text-right">{r.value}</td></tr>)}</tbody>
      </table>
    </section>
  );
  const money = (title: string, rows: { name: string; orders: number; revenueCents: number }[]) => (
    <section className="rounded-xl bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <table className="w-full text-left text-sm">
        <thead><tr><th scope="col" className="p-1">{t("name")}</th><th scope="col" className="p-1 text-right">{t("orders")}</th><th scope="col" className="p-1 text-right">{t("revenue")}</th></tr></thead>
        <tbody>{rows.map((r) => <tr key={r.name} className="border-t border-brand-100"><td className="p-1">{r.name}</td><td className="p-1 text-right">{r.orders}</td><td className="p-1 text-right">{formatPrice(r.revenueCents, locale)}</td></tr>)}</tbody>
      </table>
    </section>
  );
  const slotName = (key: string) => {
    const [weekday, hour] = key.split("|");
    return `${tDash(`days.${weekday}`)} ${hour}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("figuresHeading")}</h1>
        <a href="/api/admin/chiffres" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("exportCsv")}</a>
      </div>
      <section className="rounded-xl bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("ordersPerDay")}</h2>
        <OrdersChart data={figures.perDay} dayLabel={(day) => formatDay(fromLocal(day, 720) ?? new Date(), locale)} label={t("chart", { max: Math.max(0, ...figures.perDay.map((d) => d.orders)) })} />
      </section>
      <section className="rounded-xl bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("outcomes")}</h2>
        <dl className="grid grid-cols-3 gap-3" data-testid="outcomes">
          {(["collected", "cancelled", "noShow"] as const).map((k) => (
            <div key={k}><dt className="text-sm text-muted">{t(k)}</dt><dd className="text-2xl font-bold">{figures.outcomes[k]}</dd></div>
          ))}
        </dl>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        {table(t("shopsByCategory"), figures.shopsByCategory)}
        {table(t("shopsByCommune"), figures.shopsByCommune)}
        {money(t("perShop"), figures.perShop)}
        {money(t("perCategory"), figures.perCategory)}
        {table(t("productsPerShop"), figures.productsPerShop)}
        {table(t("busiest"), figures.busiestSlots.map((s) => ({ name: slotName(s.name), value: s.value })))}
      </div>
    </div>
  );
}
