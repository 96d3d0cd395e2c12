import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/dashboard/AutoRefresh";
import { FailedEmailsNotice } from "@/components/dashboard/FailedEmailsNotice";
import { listFailedShopEmails } from "@/lib/dashboard/failed-emails";
import { getOrdersBoard } from "@/lib/dashboard/orders-board";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatSlot } from "@/lib/time/format";
import { dashboardPage } from "../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_ORDER = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "READY", "AT_RELAY_POINT", "OUT_FOR_DELIVERY", "COLLECTED", "CANCELLED", "NO_SHOW"] as const;

export default async function OrdersBoardPage({ params, searchParams }: Props) {
  const { shopId } = await params;
  const { actor, shop } = await dashboardPage(shopId, `/dashboard/${shopId}`);
  const [board, failedEmails] = await Promise.all([getOrdersBoard(db(), { actor, shopId, filters: await searchParams }), listFailedShopEmails(db(), { actor, shopId })]);
  const [t, tOrder, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("order"), getLocale().then(toLocale)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{t("ordersHeading", { shop: shop.name })}</h1>
      <FailedEmailsNotice shopId={shopId} emails={failedEmails} />
      {board.leftOpen.length > 0 && (
        <section aria-labelledby="left-open-heading" className="space-y-2 rounded-xl border-2 border-amber-600 bg-amber-50 p-4" data-testid="left-open">
          <h2 id="left-open-heading" className="text-lg font-semibold">{t("leftOpenHeading", { count: board.leftOpen.length })}</h2>
          <p>{t("leftOpenHelp")}</p>
          <ul className="list-inside list-disc">
            {board.leftOpen.map((order) => (
              <li key={order.id}>
                <Link href={`/dashboard/${shopId}/commandes/${order.id}`} className="underline">{order.reference}</Link> — {order.contactName}, {formatSlot(order.slotStartsAt, order.slotEndsAt, locale)} — {tOrder(statusLabelKey(order.status, order.pickupPoint.kind))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AutoRefresh latest={board.latestOrderAt?.toISOString() ?? null} seconds={15} newLabel={t("newOrders")} idleLabel={t("refreshing")} />
      <section aria-labelledby="counts-heading" className="rounded-xl bg-white p-4">
        <h2 id="counts-heading" className="sr-only">{t("counts")}</h2>
        <ul className="flex flex-wrap gap-2" data-testid="status-counts">
          {STATUS_ORDER.filter((s) => board.counts[s]).map((status) => (
            <li key={status} className="rounded-full bg-brand-50 px-3 py-1 text-sm">
              {tOrder(status)} : <strong>{board.counts[status]}</strong>
            </li>
          ))}
        </ul>
      </section>
      <form className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4">
        <div className="w-full sm:w-auto">
          <label htmlFor="board-status" className="block text-sm font-medium">{t("filterStatus")}</label>
          <select id="board-status" name="status" defaultValue={board.filters.status ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
            <option value="">{t("allStatuses")}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>{tOrder(s)}</option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-auto">
          <label htmlFor="board-point" className="block text-sm font-medium">{t("filterPoint")}</label>
          <select id="board-point" name="point" defaultValue={board.filters.point ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
            <option value="">{t("allPoints")}</option>
            {board.points.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white">{t("apply")}</button>
      </form>
      <a href={`/api/dashboard/${shopId}/changements`} className="inline-flex min-h-11 items-center text-sm underline">{t("exportChanges")}</a>
      {board.slots.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("empty")}</p>
      ) : (
        board.slots.map((slot) => (
          <section key={slot.startsAt.toISOString()} aria-labelledby={`slot-${slot.startsAt.getTime()}`} className="space-y-2" data-testid="board-slot">
            <h2 id={`slot-${slot.startsAt.getTime()}`} className="text-lg font-semibold">{t("slot", { slot: formatSlot(slot.startsAt, slot.endsAt, locale) })}</h2>
            <ul className="divide-y divide-brand-100 rounded-xl bg-white">
              {slot.orders.map((order) => (
                <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <div>
                    <Link href={`/dashboard/${shopId}/commandes/${order.id}`} className="font-semibold underline" aria-label={t("open", { reference: order.reference })}>
                      {order.reference}
                    </Link>{" "}
                    — {order.contactName}
                    <span className="block text-sm text-muted">
                      {t("items", { count: order._count.lines })} · {order.pickupPoint.kind === "RELAY_POINT" ? `${t("relayPoint")} : ` : ""}
                      {order.pickupPoint.kind === "DELIVERY" ? t("deliveryTo", { commune: order.deliveryCommune?.name ?? "" }) : order.pickupPoint.name}
                    </span>
                  </div>
                  <p className="flex items-center gap-3">
                    <span className="rounded bg-brand-50 px-2 py-1 text-sm font-medium" data-testid="board-status">{tOrder(statusLabelKey(order.status, order.pickupPoint.kind))}</span>
                    {order.rescheduleCount > 0 && <span className="rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-900" data-testid="board-rescheduled">{tOrder("rescheduledBadge")}</span>}
                    <span className="font-semibold">{formatPrice(order.totalCents, locale)}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
