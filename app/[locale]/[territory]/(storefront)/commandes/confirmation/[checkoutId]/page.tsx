import Link from "next/link";
import { VoucherShare } from "@/components/orders/VoucherShare";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PickupCode } from "@/components/orders/PickupCode";
import { ResumePaymentForm } from "@/components/orders/ResumePaymentForm";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getCheckoutOrders } from "@/lib/orders/get-order";
import { refreshCheckoutPayment } from "@/lib/payments/checkout-payment";
import { configuredGateway } from "@/lib/payments/configured";
import { now } from "@/lib/time/clock";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatSlot, formatTime } from "@/lib/time/format";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";

type Props = { params: Promise<{ checkoutId: string; territory: string }>; searchParams: Promise<{ t?: string; paiement?: string }> };

export default async function ConfirmationPage({ params, searchParams }: Props) {
  const [{ checkoutId, territory: territorySlug }, { t: token, paiement }, actor] = await Promise.all([params, searchParams, getActor()]);
  const base = (await visibleTerritorySite(territorySlug))?.base ?? "";
  const gateway = configuredGateway();
  const request = { actor, checkoutId, token: typeof token === "string" ? token : null };
  // Back from the payment page: settle now from the provider's state (the webhook may come later).
  if (gateway && paiement === "ok") await refreshCheckoutPayment(db(), gateway, { ...request, now: now() }).catch(() => undefined);
  const view = await getCheckoutOrders(db(), request).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale().then(toLocale)]);
  const awaiting = view.payment.awaiting > 0;
  const live = view.orders.filter((o) => o.status !== "CANCELLED");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{awaiting ? t("awaitingPaymentHeading") : live.length === 0 ? t("notPaidHeading") : live.length > 1 ? t("confirmedHeading") : t("confirmedOne")}</h1>
      {awaiting ? (
        <section aria-labelledby="payment-heading" className="space-y-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-5" data-testid="awaiting-payment">
          <h2 id="payment-heading" className="text-xl font-semibold">{t("paymentToFinish")}</h2>
          {paiement === "annule" && <p role="status">{t("paymentNotFinished")}</p>}
          {paiement === "indisponible" && <p role="alert">{t("paymentUnavailable")}</p>}
          <p>{t("heldUntil", { time: view.payment.holdEndsAt ? formatTime(view.payment.holdEndsAt, locale) : "" })}</p>
          <p>{t("toAuthorize", { amount: formatPrice(view.payment.maxCents, locale) })}</p>
          <ResumePaymentForm checkoutId={checkoutId} token={request.token} label={t("payNow")} />
        </section>
      ) : (
        live.length > 0 && <p role="status">{t("emailSent")}</p>
      )}
      {!awaiting &&
        live.length > 0 &&
        view.relayBaskets.map((basket) => (
          <section key={basket.id} aria-label={t("relayCode")} className="space-y-2 rounded-xl border-2 border-brand-600 bg-white p-5" data-testid="relay-basket-code">
            <PickupCode code={basket.code} relay />
            <p>{t("relayCodeHelp", { point: basket.pickupPoint.name, count: basket.orders.length, shops: basket.orders.map((o) => o.shop.name).join(", ") })}</p>
          </section>
        ))}
      <ul className="grid gap-4 md:grid-cols-2">
        {view.orders.map((order) => (
          <li key={order.id} className="space-y-3 rounded-xl bg-white p-5 shadow-sm" data-testid="confirmed-order">
            <h2 className="text-xl font-semibold">{order.shop.name}</h2>
            <p className="text-muted">{t("reference", { reference: order.reference })} — <span data-testid="order-status">{t(statusLabelKey(order.status, order.pickupPoint.kind))}</span></p>
            {order.status === "CANCELLED" ? (
              <p>{t("cancelledUnpaid")}</p>
            ) : (
              <>
                {order.status !== "AWAITING_PAYMENT" && <PickupCode code={order.pickupCode} delivery={order.pickupPoint.kind === "DELIVERY"} />}
                <p>
                  <span className="font-medium">{t("when")} :</span> {formatSlot(order.slotStartsAt, order.slotEndsAt, locale)}
                </p>
                <p>
                  <span className="font-medium">{t("where")} :</span>{" "}
                  {order.pickupPoint.kind === "DELIVERY" ? t("deliveredAt", { address: `${order.deliveryAddress}, ${order.deliveryCommune?.name ?? ""}` }) : `${order.pickupPoint.name}, ${order.pickupPoint.addressLine}, ${order.pickupPoint.city}`}
                </p>
                <p>
                  <span className="font-medium">{t("total")} :</span> {formatPrice(order.totalCents, locale)}
                  {order.maxTotalCents > order.totalCents && ` (${t("atMost", { amount: formatPrice(order.maxTotalCents, locale) })})`}
                  {" — "}
                  {order.paymentMethod === "ONLINE" ? t("paidOnline") : t("payAtPickupShort")}
                </p>
                <VoucherShare order={order} />
              </>
            )}
            <Link href={territoryHref(base, `/commandes/${order.id}?t=${order.accessToken}`)} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
              {t("view", { reference: order.reference })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
