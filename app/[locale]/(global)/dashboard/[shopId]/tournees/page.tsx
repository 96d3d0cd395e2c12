import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderActions } from "@/components/dashboard/OrderActions";
import { PrintButton } from "@/components/dashboard/PrintButton";
import { StartRoundForm } from "@/components/dashboard/StartRoundForm";
import { db } from "@/lib/db/prisma";
import { getDeliveryRounds } from "@/lib/delivery/round";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { availableShopActions } from "@/lib/orders/handover/shop-transitions";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatDay, formatSlot } from "@/lib/time/format";
import { fromLocal } from "@/lib/time/zoned";
import { dashboardPage } from "../../_lib/guard";

type Props = { params: Promise<{ shopId: string }>; searchParams: Promise<{ jour?: string }> };

/** The day's delivery rounds: a sheet to print or to carry on a phone, and the round's actions. */
export default async function DeliveryRoundsPage({ params, searchParams }: Props) {
  const [{ shopId }, { jour }] = await Promise.all([params, searchParams]);
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/tournees`);
  const [{ day, enabled, rounds, unsettled }, t, tOrder, locale] = await Promise.all([
    getDeliveryRounds(db(), { actor, shopId, day: jour }),
    getTranslations("dashboard"),
    getTranslations("order"),
    getLocale().then(toLocale),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("roundsHeading", { day: formatDay(fromLocal(day, 720) ?? now, locale) })}</h1>
        <PrintButton label={t("print")} />
      </div>
      <div className="flex flex-wrap items-end gap-4 print:hidden">
        <form className="flex items-end gap-2">
          <div>
            <label htmlFor="rounds-day" className="block text-sm font-medium">{t("day")}</label>
            <input id="rounds-day" name="jour" type="date" defaultValue={day} className="min-h-11 rounded-lg border border-gray-500 px-2" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("show")}</button>
        </form>
        <Link href={`/dashboard/${shopId}/livraison`} className="inline-flex min-h-11 items-center underline">{t("deliverySettingsLink")}</Link>
      </div>
      {!enabled && <p role="note" className="rounded-lg bg-amber-100 p-3 text-amber-950 print:hidden">{t("deliveryOff")}</p>}
      {unsettled.length > 0 && (
        <section aria-labelledby="unsettled-heading" className="space-y-2 rounded-xl border-2 border-amber-600 bg-amber-50 p-4 print:hidden" data-testid="unsettled-deliveries">
          <h2 id="unsettled-heading" className="text-xl font-semibold">{t("unsettledHeading", { count: unsettled.length })}</h2>
          <p>{t("unsettledHelp")}</p>
          <ul className="list-inside list-disc">
            {unsettled.map((order) => (
              <li key={order.id}>
                <Link href={`/dashboard/${shopId}/commandes/${order.id}`} className="underline">{order.reference}</Link> — {order.contactName}, {formatSlot(order.slotStartsAt, order.slotEndsAt, locale)} — {tOrder(statusLabelKey(order.status, "DELIVERY"))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {rounds.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noRounds")}</p>
      ) : (
        rounds.map((round) => {
          const headingId = `round-${round.startsAt.getTime()}`;
          const count = round.communes.reduce((n, c) => n + c.orders.length, 0);
          return (
            <section key={headingId} aria-labelledby={headingId} className="space-y-3 break-inside-avoid" data-testid="delivery-round">
              <h2 id={headingId} className="text-2xl font-semibold">{t("roundHeading", { slot: formatSlot(round.startsAt, round.endsAt, locale), count })}</h2>
              {round.toPrepare > 0 && <p className="text-amber-900">{t("roundToPrepare", { count: round.toPrepare })}</p>}
              <StartRoundForm shopId={shopId} slotStartsAt={round.startsAt.toISOString()} ready={round.ready} />
              {round.communes.map((commune) => (
                <section key={commune.name} aria-label={`${commune.name} (${commune.postalCode})`} className="space-y-2">
                  <h3 className="text-xl font-semibold">{commune.name} <span className="font-normal text-muted">({commune.postalCode})</span></h3>
                  <ol className="space-y-3">
                    {commune.orders.map((order) => {
                      const actions = availableShopActions({ status: order.status, pickupPointKind: "DELIVERY", slotEndsAt: round.endsAt }, now).filter((a) => a === "markDelivered" || a === "markAbsent");
                      return (
                        <li key={order.id} className="space-y-2 rounded-xl border border-brand-100 bg-white p-4 break-inside-avoid" data-testid="round-order">
                          <p className="flex flex-wrap items-baseline justify-between gap-2">
                            <span className="text-lg font-semibold">{order.address}</span>
                            <span className="rounded bg-brand-50 px-2 py-1 text-sm font-medium" data-testid="round-status">{tOrder(statusLabelKey(order.status, "DELIVERY"))}</span>
                          </p>
                          <p>
                            {order.contactName}
                            {order.contactPhone && <> — <a className="underline" href={`tel:${order.contactPhone.replace(/\s/g, "")}`}>{order.contactPhone}</a></>}
                            {" — "}
                            <Link href={`/dashboard/${shopId}/commandes/${order.id}`} className="underline">{order.reference}</Link>
                          </p>
                          {order.instructions && <p><span className="font-medium">{t("deliveryInstructions")} :</span> {order.instructions}</p>}
                          {order.note && <p className="text-muted">« {order.note} »</p>}
                          <p className="text-sm">{order.lines.map((l) => `${l.quantity} × ${l.productName}`).join(", ")}</p>
                          <p className="font-semibold" data-testid="round-to-collect">
                            {order.paidOnline ? t("roundPaidOnline") : order.toCollectCents > 0 ? t("roundToCollect", { amount: formatPrice(order.toCollectCents, locale) }) : t("roundNothingToCollect")}
                          </p>
                          {actions.length > 0 && <div className="print:hidden"><OrderActions orderId={order.id} actions={actions} delivery /></div>}
                        </li>
                      );
                    })}
                  </ol>
                </section>
              ))}
            </section>
          );
        })
      )}
    </div>
  );
}
