import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RescheduleForm } from "@/components/orders/RescheduleForm";
import { rescheduleChoices } from "@/lib/orders/changes/reschedule-options";
import { substitutionsOfOrder } from "@/lib/orders/changes/substitution-views";
import { SubstituteAnswer } from "@/components/orders/SubstituteAnswer";
import { refreshSubstitutePayments } from "@/lib/orders/changes/substitute-payment";
import { configuredGateway } from "@/lib/payments/configured";
import { SlotMoveAnswer } from "@/components/orders/SlotMoveAnswer";
import { openSlotMoveOfOrder } from "@/lib/orders/changes/slot-moves";
import { CancelOrderForm } from "@/components/orders/CancelOrderForm";
import { OrderHistory } from "@/components/orders/OrderHistory";
import { PaymentLedger } from "@/components/orders/PaymentLedger";
import { PickupCode } from "@/components/orders/PickupCode";
import { ResumePaymentForm } from "@/components/orders/ResumePaymentForm";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getOrder } from "@/lib/orders/get-order";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatSlot, formatTime } from "@/lib/time/format";
import { VoucherShare } from "@/components/orders/VoucherShare";

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<{ t?: string; paiement?: string }> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderId }, { t: token, paiement }, actor] = await Promise.all([params, searchParams, getActor()]);
  const load = () => getOrder(db(), { actor, orderId, token }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  let order = await load();
  const gateway = configuredGateway();
  // Back from a substitute's new authorization: settled now (the webhook may come later), then read again.
  if (gateway && paiement === "ok") {
    await refreshSubstitutePayments(db(), gateway, { orderId: order.id, now: new Date() }).catch(() => undefined);
    order = await load();
  }
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale().then(toLocale)]);
  const delivery = order.pickupPoint.kind === "DELIVERY";
  const active = order.status !== "CANCELLED" && order.status !== "COLLECTED" && order.status !== "NO_SHOW";
  const now = new Date();
  const [reschedule, proposals, slotMove] = await Promise.all([active ? rescheduleChoices(db(), { actor, orderId, token, now }) : null, substitutionsOfOrder(db(), order.id), openSlotMoveOfOrder(db(), order.id)]);
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-800">{t("reference", { reference: order.reference })}</h1>
        <p className="text-lg">{order.shop.name}</p>
        <p>
          {t("status")} : <strong data-testid="order-status">{t(statusLabelKey(order.status, order.pickupPoint.kind))}</strong>
        </p>
      </header>
      {active && <PickupCode code={order.pickupCode} delivery={delivery} />}
      {active && order.relayBasket && order.status !== "AWAITING_PAYMENT" && (
        <section aria-label={t("relayCode")} className="space-y-2 rounded-xl border-2 border-brand-600 bg-white p-4" data-testid="relay-basket-code">
          <PickupCode code={order.relayBasket.code} relay />
          <p>{t("relayCodeHelp", { point: order.pickupPoint.name, count: order.relayBasket.orders.length, shops: order.relayBasket.orders.map((o) => o.shop.name).join(", ") })}</p>
        </section>
      )}
      <section aria-labelledby="order-pickup" className="space-y-1 rounded-xl bg-white p-4">
        <h2 id="order-pickup" className="text-xl font-semibold">{t("where")}</h2>
        {delivery ? (
          <>
            <p className="font-medium">{t("deliveredTo")}</p>
            <p data-testid="delivery-address">{order.deliveryAddress}, {order.deliveryCommune?.postalCode} {order.deliveryCommune?.name}</p>
            {order.deliveryInstructions && <p className="text-muted">{t("instructions")} : {order.deliveryInstructions}</p>}
          </>
        ) : (
          <>
            <p className="font-medium">{order.pickupPoint.name}</p>
            <p>
              {order.pickupPoint.addressLine}, {order.pickupPoint.postalCode} {order.pickupPoint.city}
            </p>
            {order.pickupPoint.instructions && <p className="text-muted">{t("instructions")} : {order.pickupPoint.instructions}</p>}
          </>
        )}
        <h2 className="pt-2 text-xl font-semibold">{t("when")}</h2>
        <p>{formatSlot(order.slotStartsAt, order.slotEndsAt, locale)}</p>
        {active && order.linkToken && (
          <a href={`/api/commandes/${order.id}/calendrier?t=${order.linkToken}`} className="inline-flex min-h-11 items-center underline">
            {t("addToCalendar")}
          </a>
        )}
      </section>
      {reschedule && reschedule.choices.length > 0 && (
        <section aria-labelledby="order-reschedule" className="space-y-2 rounded-xl bg-white p-4" data-testid="reschedule">
          <h2 id="order-reschedule" className="text-xl font-semibold">{t("rescheduleHeading")}</h2>
          <RescheduleForm
            orderId={order.id}
            token={token ?? undefined}
            left={reschedule.left}
            options={reschedule.choices.map((choice) => ({ pointName: choice.pointName, slots: choice.slots.map((slot) => ({ value: `${choice.pickupPointId}|${slot.startsAt.toISOString()}`, label: formatSlot(slot.startsAt, slot.endsAt, locale) })) }))}
          />
        </section>
      )}
      {slotMove && <SlotMoveAnswer move={slotMove} token={token ?? undefined} now={now} />}
      {proposals.filter((proposal) => proposal.status === "PROPOSED").map((proposal) => (
        <SubstituteAnswer key={proposal.id} proposal={proposal} token={token ?? undefined} now={now} />
      ))}
      <section aria-labelledby="order-lines" className="rounded-xl bg-white p-4">
        <h2 id="order-lines" className="text-xl font-semibold">{t("lines")}</h2>
        <ul className="divide-y divide-brand-100">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-2 py-2">
              <span>
                {line.deliveredQuantity ?? line.quantity} × {line.productName}
                {line.deliveredQuantity !== null && (
                  <span className="block text-sm font-medium text-amber-800" data-testid="line-change">
                    {line.deliveredQuantity === 0 ? t("lineMissing") : t("lineShort", { delivered: line.deliveredQuantity, ordered: line.quantity })} — {line.shortReason}
                  </span>
                )}
                {line.soldByWeight && line.deliveredQuantity !== 0 && <span className="block text-sm text-muted">{line.actualGrams ? t("weighed", { grams: line.actualGrams }) : t("aboutGrams", { grams: line.estimatedGrams ?? 0 })}</span>}
              </span>
              <span>{formatPrice(line.lineTotalCents, locale)}</span>
            </li>
          ))}
          {delivery && (
            <li className="flex justify-between gap-2 py-2" data-testid="delivery-fee-line">
              <span>{t("deliveryFee")}</span>
              <span>{order.deliveryFeeCents > 0 ? formatPrice(order.deliveryFeeCents, locale) : t("deliveryFree")}</span>
            </li>
          )}
        </ul>
        <p className="pt-2 text-right text-lg">
          {t("total")} : <strong>{formatPrice(order.totalCents, locale)}</strong>
          {order.maxTotalCents > order.totalCents && order.lines.some((l) => l.soldByWeight && !l.actualGrams && l.deliveredQuantity !== 0) && <span className="block text-sm text-muted">{t("atMost", { amount: formatPrice(order.maxTotalCents, locale) })}</span>}
          {order.paymentMethod === "PAY_AT_PICKUP" && <span className="block text-sm text-muted">{t(delivery ? "payOnDelivery" : "payAtPickup")}</span>}
          {order.paymentMethod === "ONLINE" && <span className="block text-sm text-muted">{t("paidOnlineDetail", { status: t(`payment_${order.paymentStatus}`) })}</span>}
        </p>
        <div className="text-right"><VoucherShare order={order} /></div>
      </section>
      {order.status === "AWAITING_PAYMENT" && (
        <section aria-labelledby="payment-heading" className="space-y-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-5" data-testid="awaiting-payment">
          <h2 id="payment-heading" className="text-xl font-semibold">{t("paymentToFinish")}</h2>
          <p>{t("heldUntil", { time: order.holdExpiresAt ? formatTime(order.holdExpiresAt, locale) : "" })}</p>
          <ResumePaymentForm orderId={order.id} token={token ?? null} label={t("payNow")} />
        </section>
      )}
      <PaymentLedger movements={[...order.checkout.payments, ...order.payments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())} />
      <OrderHistory events={order.events} pointKind={order.pickupPoint.kind} />
      {order.canCancel && <CancelOrderForm orderId={order.id} token={token ?? null} />}
    </article>
  );
}
