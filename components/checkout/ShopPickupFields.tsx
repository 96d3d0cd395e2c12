"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { deliveryFeeCents } from "@/lib/delivery/fee";
import type { DeliveryOption, ShopOptions } from "@/lib/orders/checkout/checkout-options";

type Props = {
  options: ShopOptions;
  totalLabel: string;
  /** The basket's delivery commune, once chosen ("" before) */
  communeId: string;
  communeNames: Record<string, string>;
  onDeliveryChange: (shopId: string, delivering: boolean) => void;
};

/** What delivery costs here, as the server will compute it (it checks again when placing). */
export function feeFor(delivery: DeliveryOption, communeId: string, subtotalCents: number): number | null {
  const zone = delivery.zones.find((z) => z.communeId === communeId);
  return zone ? deliveryFeeCents({ zoneFeeCents: zone.feeCents, freeFromCents: delivery.freeFromCents }, subtotalCents) : null;
}

/** Pickup point (or delivery), slot and payment method for one shop of the checkout. */
export function ShopPickupFields({ options, totalLabel, communeId, communeNames, onDeliveryChange }: Props) {
  const t = useTranslations("checkout");
  const locale = toLocale(useLocale());
  const tShop = useTranslations("shop");
  const [pointId, setPointId] = useState(options.points[0]?.id ?? "");
  const point = options.points.find((p) => p.id === pointId);
  const choose = (id: string) => {
    setPointId(id);
    onDeliveryChange(options.shopId, options.points.find((p) => p.id === id)?.kind === "DELIVERY");
  };
  const delivering = point?.delivery ?? null;
  const fee = delivering && communeId ? feeFor(delivering, communeId, options.subtotalCents) : null;
  // What an online payment authorizes: the goods at their most (weighed lines at their tolerance), and the delivery.
  const maxLabel = formatPrice(options.maxSubtotalCents + (fee ?? 0), locale);
  const days = [...new Set(point?.slots.map((s) => s.day) ?? [])];
  const prefix = `shop.${options.shopId}`;
  return (
    <fieldset className="space-y-4 rounded-xl bg-white p-4" data-testid="checkout-shop">
      <legend className="px-1 text-xl font-semibold">{options.shopName}</legend>
      <input type="hidden" name="shopId" value={options.shopId} />
      <ul className="divide-y divide-brand-100" aria-label={t("itemsOf", { shop: options.shopName })} data-testid="checkout-lines">
        {options.lines.map((line, index) => (
          <li key={index} className="flex justify-between gap-4 py-1">
            <span>
              {line.quantity} × {line.name}
            </span>
            <span className="whitespace-nowrap">
              {line.estimated ? `${t("about")} ` : ""}
              {formatPrice(line.lineTotalCents, locale)}
            </span>
          </li>
        ))}
      </ul>
      <p className="font-medium">{totalLabel}</p>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{options.points.some((p) => p.kind === "DELIVERY") ? t("where") : t("pickupPoint")}</legend>
        {options.points.map((p) => (
          <label key={p.id} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-brand-100 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name={`${prefix}.pickupPointId`} value={p.id} checked={pointId === p.id} onChange={() => choose(p.id)} className="mt-1 h-5 w-5" />
            {p.delivery ? (
              <span>
                <span className="font-medium">{t("delivery")}</span>
                <span className="block text-sm text-muted">
                  {t("deliversTo", { communes: p.delivery.zones.map((z) => `${communeNames[z.communeId] ?? ""} (${formatPrice(z.feeCents, locale)})`).join(", ") })}
                  {p.delivery.freeFromCents !== null ? ` · ${t("deliveryFreeFrom", { amount: formatPrice(p.delivery.freeFromCents, locale) })}` : ""}
                  {p.delivery.minimumCents > 0 ? ` · ${t("deliveryMinimum", { amount: formatPrice(p.delivery.minimumCents, locale) })}` : ""}
                </span>
              </span>
            ) : (
              <span>
                <span className="font-medium">{p.kind === "SHOP_DOOR" ? tShop("door") : tShop("relay")} — {p.name}</span>
                <span className="block text-sm text-muted">{p.address}</span>
              </span>
            )}
          </label>
        ))}
        {/* Announced as it changes: the commune is chosen further down, in the address block. */}
        {options.points.some((p) => p.kind === "DELIVERY") && (
          <div role="status" aria-live="polite" className="space-y-1">
            {delivering && communeId && fee === null && <p className="font-medium text-red-800" data-testid="delivery-warning">{t("notDeliveringTo", { commune: communeNames[communeId] ?? "" })}</p>}
            {delivering && options.subtotalCents < delivering.minimumCents && <p className="font-medium text-red-800" data-testid="delivery-warning">{t("belowMinimum", { amount: formatPrice(delivering.minimumCents, locale) })}</p>}
            {fee !== null && <p className="font-medium" data-testid="delivery-fee">{options.shopName} — {fee > 0 ? t("deliveryFee", { fee: formatPrice(fee, locale) }) : t("deliveryFree")}</p>}
          </div>
        )}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${prefix}.slot`} className="block font-semibold">
          {delivering ? t("deliverySlot") : t("slot")}
        </label>
        {point && point.slots.length > 0 ? (
          <select id={`${prefix}.slot`} name={`${prefix}.slotStartsAt`} required defaultValue="" key={pointId} className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-3 sm:w-auto">
            <option value="" disabled>
              {t("chooseSlot")}
            </option>
            {days.map((day) => (
              <optgroup key={day} label={day}>
                {point.slots
                  .filter((s) => s.day === day)
                  .map((s) => (
                    <option key={s.value} value={s.value}>
                      {day} · {s.label} ({t("remaining", { count: s.remaining })})
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        ) : (
          <p id={`${prefix}.slot`} className="text-red-800">{t("noSlots")}</p>
        )}
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("payment")}</legend>
        {options.paymentMethods.includes("ONLINE") && (
          <label className="flex min-h-11 items-start gap-3 py-2">
            <input type="radio" name={`${prefix}.paymentMethod`} value="ONLINE" className="mt-1 h-5 w-5" aria-describedby={`${prefix}.online-help`} />
            <span>
              {tShop("ONLINE")}
              <span id={`${prefix}.online-help`} className="block text-sm text-muted">
                {options.hasWeighedLines ? t("onlineWeighedHelp", { max: maxLabel }) : t("onlineHelp", { amount: maxLabel })}
                {options.noShowFeeCents ? ` ${t("noShowFee", { fee: formatPrice(options.noShowFeeCents, locale) })}` : ""}
              </span>
            </span>
          </label>
        )}
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name={`${prefix}.paymentMethod`} value="PAY_AT_PICKUP" defaultChecked className="h-5 w-5" />
          {delivering ? t("payOnDelivery") : tShop("PAY_AT_PICKUP")}
        </label>
      </fieldset>
      <label className="flex min-h-11 items-start gap-3 py-2">
        <input type="checkbox" name={`${prefix}.acceptSubstitutes`} className="mt-1 h-5 w-5" />
        <span>{t("acceptSubstitutes")}</span>
      </label>
    </fieldset>
  );
}
