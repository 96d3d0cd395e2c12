"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { placeOrdersAction } from "@/app/actions/checkout";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import type { CheckoutProblem } from "@/lib/orders/checkout/checkout-error";
import type { ShopOptions } from "@/lib/orders/checkout/checkout-options";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";
import { useErrorText } from "@/components/ui/useErrorText";
import { DeliveryAddressFields, type CommuneChoice } from "./DeliveryAddressFields";
import { feeFor, ShopPickupFields } from "./ShopPickupFields";

type Props = {
  idempotencyKey: string;
  shops: ShopOptions[];
  totals: Record<string, string>;
  contact: { name: string; email: string; phone: string };
  forCaller: boolean;
  /** The town's running top-up on this basket, already in words (null: none running) */
  topUp: { headline: string; lines: { shopId: string; text: string }[]; summary: string } | null;
  /** Communes some shop of the basket delivers to, for the delivery address */
  deliveryCommunes: CommuneChoice[];
  /** The caller's commune and address from the phone line, offered for the delivery (phone orders) */
  callerAddress: { communeId: string; addressLine: string } | null;
};

export function CheckoutForm({ idempotencyKey, shops, totals, contact, forCaller, topUp, deliveryCommunes, callerAddress }: Props) {
  const t = useTranslations("checkout");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult<{ next: string }>>(placeOrdersAction, idleResult);
  const router = useRouter();
  const next = state.ok ? state.data.next : null;
  useEffect(() => {
    if (!next) return;
    // Our confirmation page by client navigation; the payment provider's page by a full one.
    if (next.startsWith("/")) router.push(next);
    else window.location.assign(next);
  }, [next, router]);
  const failure = state.ok ? null : state.error ? state : null;
  const locale = toLocale(useLocale());
  // Which shops deliver (the address block shows for them) and where to.
  const [delivering, setDelivering] = useState<Record<string, boolean>>(() => Object.fromEntries(shops.map((s) => [s.shopId, s.points[0]?.kind === "DELIVERY"])));
  const [communeId, setCommuneId] = useState(callerAddress && deliveryCommunes.some((c) => c.id === callerAddress.communeId) ? callerAddress.communeId : "");
  const communeNames = Object.fromEntries(deliveryCommunes.map((c) => [c.id, c.label]));
  const feesCents = shops.reduce((sum, shop) => {
    const option = delivering[shop.shopId] ? shop.points.find((p) => p.kind === "DELIVERY")?.delivery : null;
    return sum + (option && communeId ? (feeFor(option, communeId, shop.subtotalCents) ?? 0) : 0);
  }, 0);
  // The whole basket once more before the button: what the customer commits to.
  const grandTotalCents = shops.reduce((sum, shop) => sum + shop.subtotalCents, 0) + feesCents;
  const itemCount = shops.reduce((sum, shop) => sum + shop.itemCount, 0);
  const hasEstimates = shops.some((shop) => shop.hasWeighedLines);
  const shopName = (id: string) => shops.find((s) => s.shopId === id)?.shopName ?? "";
  const problems = (failure?.details?.problems as CheckoutProblem[] | undefined) ?? [];
  const problemText = (p: CheckoutProblem) => {
    switch (p.kind) {
      case "stock": return errorText("problemStock", { name: p.name, available: p.available });
      case "unavailableProduct": return errorText("problemUnavailable", { name: p.name });
      case "slotFull": return errorText("problemSlotFull", { shop: shopName(p.shopId) });
      case "slotInvalid": return errorText("problemSlotInvalid", { shop: shopName(p.shopId) });
      case "pickupPointInvalid": return errorText("problemPickupPoint", { shop: shopName(p.shopId) });
      case "paymentMethodInvalid": return errorText("problemPayment", { shop: shopName(p.shopId) });
      case "deliveryAddressMissing": return errorText("problemDeliveryAddress", { shop: shopName(p.shopId) });
      case "deliveryOutsideZone": return errorText("problemDeliveryZone", { shop: shopName(p.shopId) });
      case "deliveryBelowMinimum": return errorText("problemDeliveryMinimum", { shop: shopName(p.shopId), minimum: formatPrice(p.minimumCents, locale) });
      case "shopMismatch": return errorText("problemShopMismatch");
    }
  };
  const fieldError = (name: string) => (failure?.fieldErrors?.[name] ? errorText(failure.fieldErrors[name]) : null);
  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {forCaller && <input type="hidden" name="onBehalfOfCaller" value="1" />}
      {failure && (
        <div role="alert" className="rounded-xl border-2 border-red-800 bg-red-50 p-4 text-red-900" data-testid="checkout-error">
          {problems.length > 0 ? (
            <>
              <p className="font-semibold">{errorText("checkoutRefused")}</p>
              <ul className="mt-2 list-inside list-disc">
                {problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}
              </ul>
            </>
          ) : (
            <p className="font-semibold">{errorText(failure.error, failure.details)}</p>
          )}
        </div>
      )}
      {shops.map((shop) => (
        <ShopPickupFields
          key={shop.shopId}
          options={shop}
          totalLabel={totals[shop.shopId] ?? ""}
          communeId={communeId}
          communeNames={communeNames}
          onDeliveryChange={(shopId, on) => setDelivering((current) => ({ ...current, [shopId]: on }))}
        />
      ))}
      {Object.values(delivering).some(Boolean) && <DeliveryAddressFields communes={deliveryCommunes} communeId={communeId} onCommuneChange={setCommuneId} fieldError={fieldError} defaultAddressLine={callerAddress?.addressLine ?? ""} />}
      <fieldset className="space-y-3 rounded-xl bg-white p-4">
        <legend className="px-1 text-xl font-semibold">{forCaller ? t("callerHeading") : t("contact")}</legend>
        {forCaller && <p className="text-muted">{t("callerHelp")}</p>}
        {([
          ["name", t("name"), "text", "name", contact.name],
          ["email", t("email"), "email", "email", contact.email],
          ["phone", t("phone"), "tel", "tel", contact.phone],
        ] as const).map(([name, label, type, autoComplete, value]) => {
          const key = `contact.${name}`;
          const error = fieldError(key);
          return (
            <div key={name} className="space-y-1">
              <label htmlFor={`checkout-${name}`} className="block font-medium">{label}</label>
              <input
                id={`checkout-${name}`}
                name={name}
                type={type}
                autoComplete={forCaller ? "off" : autoComplete}
                defaultValue={value}
                required={name !== "email" || !forCaller}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `checkout-${name}-error` : name === "email" ? "checkout-email-help" : undefined}
                className="min-h-11 w-full rounded-lg border border-gray-500 px-3 sm:max-w-md"
              />
              {name === "email" && <p id="checkout-email-help" className="text-sm text-muted">{t("emailHelp")}</p>}
              {error && <p id={`checkout-${name}-error`} className="text-sm font-medium text-red-800">{error}</p>}
            </div>
          );
        })}
        <div className="space-y-1">
          <label htmlFor="checkout-note" className="block font-medium">{t("note")}</label>
          <textarea id="checkout-note" name="note" maxLength={500} rows={2} className="w-full rounded-lg border border-gray-500 px-3 py-2 sm:max-w-md" />
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-xl bg-white p-4" data-testid="checkout-vouchers">
        <legend className="px-1 text-xl font-semibold">{t("voucherHeading")}</legend>
        {topUp && (
          <div className="space-y-1 rounded-lg bg-brand-50 p-3" data-testid="checkout-topup">
            <p className="font-medium">{topUp.headline}</p>
            {topUp.lines.length > 0 && <ul className="list-inside list-disc">{topUp.lines.map((line) => <li key={line.shopId}>{line.text}</li>)}</ul>}
            <p>{topUp.summary}</p>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor="checkout-voucherCode" className="block font-medium">{t("voucherCode")}</label>
          <p id="checkout-voucherCode-help" className="text-sm text-muted">{t("voucherCodeHelp")}</p>
          <input
            id="checkout-voucherCode"
            name="voucherCode"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-invalid={failure?.details?.field === "voucherCode" ? true : undefined}
            aria-describedby="checkout-voucherCode-help"
            className="min-h-11 w-full rounded-lg border border-gray-500 px-3 font-mono uppercase sm:max-w-xs"
          />
        </div>
      </fieldset>
      <p className="rounded-xl bg-brand-50 p-4 text-lg" data-testid="checkout-total">
        <span className="font-semibold">{t("grandTotal", { total: formatPrice(grandTotalCents, locale), count: itemCount, shops: shops.length })}</span>
        {feesCents > 0 && <span className="block">{t("deliveryTotal", { fee: formatPrice(feesCents, locale) })}</span>}
        {hasEstimates && <span className="block text-sm text-muted">{t("grandTotalEstimated")}</span>}
      </p>
      <div className="sm:max-w-xs">
        <SubmitButton pending={pending || next !== null} pendingLabel={t("placing")}>{t("place")}</SubmitButton>
      </div>
    </form>
  );
}
