import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderActions } from "@/components/dashboard/OrderActions";
import { ShortLineForm } from "@/components/dashboard/ShortLineForm";
import { SubstituteForm } from "@/components/dashboard/SubstituteForm";
import { substituteChoices } from "@/lib/orders/changes/substitute-choices";
import { substitutionsOfOrder } from "@/lib/orders/changes/substitution-views";
import { WeighLinesForm } from "@/components/dashboard/WeighLinesForm";
import { DisputeNotice } from "@/components/orders/DisputeNotice";
import { OrderHistory } from "@/components/orders/OrderHistory";
import { disputesOfCheckout } from "@/lib/payments/disputes";
import { PaymentLedger } from "@/components/orders/PaymentLedger";
import { maxGramsFor } from "@/lib/catalog/line-pricing";
import { getShopOrder } from "@/lib/dashboard/orders-board";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { CHANGEABLE } from "@/lib/orders/changes/short-line";
import { availableShopActions } from "@/lib/orders/handover/shop-transitions";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatSlot, formatTime } from "@/lib/time/format";
import { dashboardPage } from "../../../_lib/guard";
import { VoucherShare } from "@/components/orders/VoucherShare";

type Props = { params: Promise<{ shopId: string; orderId: string }> };

export default async function ShopOrderPage({ params }: Props) {
  const { shopId, orderId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/commandes/${orderId}`);
  const order = await getShopOrder(db(), { actor, shopId, orderId });
  if (!order) notFound();
  const [t, tOrder, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("order"), getLocale().then(toLocale)]);
  const actions = availableShopActions({ status: order.status, pickupPointKind: order.pickupPoint.kind, slotEndsAt: order.slotEndsAt }, new Date());
  const preparing = CHANGEABLE.includes(order.status);
  const [choices, proposals, disputes] = await Promise.all([preparing ? substituteChoices(db(), { actor, shopId }) : [], substitutionsOfOrder(db(), order.id), disputesOfCheckout(db(), order.checkoutId)]);
  const weighed = order.lines.filter((line) => line.soldByWeight && line.estimatedGrams && line.deliveredQuantity !== 0);
  const canWeigh = weighed.length > 0 && preparing;
  return (
    <article className="max-w-3xl space-y-6">
      <Link href={`/dashboard/${shopId}`} className="underline">← {t("back")}</Link>
      <header>
        <h1 className="text-3xl font-bold text-brand-800">{tOrder("reference", { reference: order.reference })}</h1>
        <p>
          {tOrder("status")} : <strong data-testid="shop-order-status">{tOrder(statusLabelKey(order.status, order.pickupPoint.kind))}</strong>
          {order.placedById && <span className="ml-2 text-sm text-muted">({t("placedByPhone")})</span>}
        </p>
        <p>{formatSlot(order.slotStartsAt, order.slotEndsAt, locale)} — {order.pickupPoint.kind === "DELIVERY" ? t("deliveryTo", { commune: order.deliveryCommune?.name ?? "" }) : order.pickupPoint.name}</p>
      </header>
      {canWeigh && (
        <section aria-labelledby="order-weights" className="space-y-2 rounded-xl border-2 border-brand-600 bg-white p-4">
          <h2 id="order-weights" className="text-xl font-semibold">{t("weighHeading")}</h2>
          <p className="text-muted">{t("weighHelp")}</p>
          <WeighLinesForm
            orderId={order.id}
            lines={weighed.map((line) => ({ id: line.id, productName: line.productName, estimatedGrams: line.estimatedGrams ?? 0, maxGrams: maxGramsFor(line.estimatedGrams ?? 0, line.product.weightToleranceBp), actualGrams: line.actualGrams }))}
          />
        </section>
      )}
      {actions.length > 0 && (
        <section aria-labelledby="order-actions">
          <h2 id="order-actions" className="mb-2 text-xl font-semibold">{t("actions")}</h2>
          <OrderActions orderId={order.id} actions={actions} delivery={order.pickupPoint.kind === "DELIVERY"} />
        </section>
      )}
      <section aria-labelledby="order-lines" className="rounded-xl bg-white p-4">
        <h2 id="order-lines" className="text-xl font-semibold">{t("lines")}</h2>
        <ul className="divide-y divide-brand-100">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-2 py-2">
              <span>
                <strong>{line.deliveredQuantity ?? line.quantity}</strong> × {line.productName} <span className="text-sm text-muted">({line.unit})</span>
                {line.deliveredQuantity !== null && (
                  <span className="block text-sm font-medium text-amber-800" data-testid="line-change">
                    {line.deliveredQuantity === 0 ? tOrder("lineMissing") : tOrder("lineShort", { delivered: line.deliveredQuantity, ordered: line.quantity })} — {line.shortReason}
                  </span>
                )}
                {line.soldByWeight && line.deliveredQuantity !== 0 && (
                  <span className="block text-sm text-muted">{line.actualGrams ? t("weighedAt", { grams: line.actualGrams }) : t("estimatedAt", { grams: line.estimatedGrams ?? 0 })}</span>
                )}
                {proposals
                  .filter((proposal) => proposal.status === "PROPOSED" && proposal.lineId === line.id)
                  .map((proposal) => (
                    <span key={proposal.id} className="block text-sm font-medium text-amber-800" data-testid="substitute-pending">
                      {t("substitutePending", { name: proposal.productName, quantity: proposal.quantity, time: formatTime(proposal.expiresAt, locale) })}
                    </span>
                  ))}
                {preparing && (line.deliveredQuantity ?? line.quantity) > 0 && (
                  <ShortLineForm orderId={order.id} line={{ id: line.id, productName: line.productName, handedOver: line.deliveredQuantity ?? line.quantity, soldByWeight: line.soldByWeight }} />
                )}
                {preparing && line.deliveredQuantity === null && !proposals.some((proposal) => proposal.status === "PROPOSED" && proposal.lineId === line.id) && (
                  <SubstituteForm orderId={order.id} line={{ id: line.id, productId: line.productId, productName: line.productName, quantity: line.quantity }} choices={choices} />
                )}
              </span>
              <span>{formatPrice(line.lineTotalCents, locale)}</span>
            </li>
          ))}
          {order.pickupPoint.kind === "DELIVERY" && (
            <li className="flex justify-between gap-2 py-2">
              <span>{t("deliveryFee")}</span>
              <span>{formatPrice(order.deliveryFeeCents, locale)}</span>
            </li>
          )}
        </ul>
        <p className="pt-2 text-right">
          {tOrder("total")} : <strong data-testid="shop-order-total">{formatPrice(order.totalCents, locale)}</strong>
          <span className="block text-sm text-muted">{order.paymentMethod === "ONLINE" ? t("paidOnlineStatus", { status: tOrder(`payment_${order.paymentStatus}`) }) : t("toCollectAtCounter")}</span>
        </p>
        <div className="text-right"><VoucherShare order={order} /></div>
      </section>
      <section aria-labelledby="order-customer" className="rounded-xl bg-white p-4">
        <h2 id="order-customer" className="text-xl font-semibold">{t("customer")}</h2>
        <p>{order.contactName}</p>
        {order.contactPhone && <p>{t("phone")} : <a className="underline" href={`tel:${order.contactPhone.replace(/\s/g, "")}`}>{order.contactPhone}</a></p>}
        {order.contactEmail && <p>{t("email")} : {order.contactEmail}</p>}
        {order.deliveryAddress && (
          <p className="mt-2" data-testid="shop-order-address">
            {t("deliveryAddress")} : {order.deliveryAddress}, {order.deliveryCommune?.postalCode} {order.deliveryCommune?.name}
            {order.deliveryInstructions && <span className="block text-muted">{t("deliveryInstructions")} : {order.deliveryInstructions}</span>}
          </p>
        )}
        {order.note && <p className="mt-2">{t("note")} : « {order.note} »</p>}
      </section>
      <DisputeNotice disputes={disputes} />
      <PaymentLedger movements={[...order.checkout.payments, ...order.payments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())} />
      <OrderHistory events={order.events} showActors pointKind={order.pickupPoint.kind} />
    </article>
  );
}
