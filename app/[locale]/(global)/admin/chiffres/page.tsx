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
  const cell = "p-1 text-right";
  const colHead = (label: string, right = true) => <th scope="col" className={right ? cell : "p-1"}>{label}</th>;
  // Empty state when no delivery order falls in the period.
  const hasDeliveries = figures.deliveriesPerCommune.length > 0;
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
      <section className="space-y-4 rounded-xl bg-white p-4" data-testid="delivery-figures">
        <h2 className="text-lg font-semibold">{t("deliveryHeading")}</h2>
        {hasDeliveries ? (
          <>
            <p className="text-sm text-muted">{t("deliveryHelp")}</p>
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-semibold">{t("deliveryPerCommune")}</caption>
              <thead><tr>{colHead(t("deliveryCommune"), false)}{colHead(t("deliveryPostalCode"), false)}{colHead(t("deliveryOrders"))}{colHead(t("deliveryDelivered"))}{colHead(t("deliveryNotDelivered"))}{colHead(t("deliveryFees"))}</tr></thead>
              <tbody>
                {figures.deliveriesPerCommune.map((r) => (
                  <tr key={r.key} className="border-t border-brand-100">
                    <th scope="row" className="p-1 font-normal">{r.name ?? t("deliveryDeletedCommune")}</th>
                    <td className="p-1">{r.postalCode}</td>
                    <td className={cell}>{r.orders}</td>
                    <td className={cell}>{r.delivered}</td>
                    <td className={cell}>{r.notDelivered}</td>
                    <td className={cell}>{formatPrice(r.feesCents, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-semibold">{t("deliveryPerShop")}</caption>
              <thead><tr>{colHead(t("deliveryShop"), false)}{colHead(t("deliveryOrders"))}{colHead(t("deliveryDelivered"))}{colHead(t("deliveryNotDelivered"))}{colHead(t("deliveryShare"))}{colHead(t("deliveryFees"))}</tr></thead>
              <tbody>
                {figures.deliveriesPerShop.map((r) => (
                  <tr key={r.key} className="border-t border-brand-100">
                    <th scope="row" className="p-1 font-normal">{r.name}</th>
                    <td className={cell}>{r.orders}</td>
                    <td className={cell}>{r.delivered}</td>
                    <td className={cell}>{r.notDelivered}</td>
                    <td className={cell}>{t("deliverySharePercent", { percent: r.sharePercent })}</td>
                    <td className={cell}>{formatPrice(r.feesCents, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="text-sm text-muted">{t("deliveryNone")}</p>
        )}
      </section>
      <section aria-labelledby="changes-heading" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="changes-heading" className="text-xl font-semibold">{t("changesHeading")}</h2>
        <p className="text-sm text-muted">{t("changesHelp")}</p>
        {figures.changesPerShop.length > 0 ? (
          <table className="w-full text-left text-sm" data-testid="changes-per-shop">
            <caption className="sr-only">{t("changesHeading")}</caption>
            <thead><tr>{colHead(t("deliveryShop"), false)}{colHead(t("changesLines"))}{colHead(t("changesMissing"))}{colHead(t("changesShort"))}{colHead(t("changesSubstituted"))}{colHead(t("changesRescheduled"))}</tr></thead>
            <tbody>
              {figures.changesPerShop.map((r) => (
                <tr key={r.key} className="border-t border-brand-100">
                  <th scope="row" className="p-1 font-normal">{r.name}</th>
                  <td className={cell}>{r.lines}</td>
                  <td className={cell}>{t("changesRate", { count: r.missingLines, percent: r.missingPercent })}</td>
                  <td className={cell}>{t("changesRate", { count: r.shortLines, percent: r.shortPercent })}</td>
                  <td className={cell}>{t("changesRate", { count: r.substitutedLines, percent: r.substitutedPercent })}</td>
                  <td className={cell}>{t("changesRescheduledOf", { count: r.rescheduledOrders, orders: r.orders })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">{t("changesNone")}</p>
        )}
      </section>
    </div>
  );
}
