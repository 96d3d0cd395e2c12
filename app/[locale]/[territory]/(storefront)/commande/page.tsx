import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckoutForm } from "@/components/checkout/CheckoutForm";
import { getActor } from "@/lib/auth/session";
import { getCart } from "@/lib/cart/get-cart";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { deliveryCommunesOf } from "@/lib/delivery/checkout";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getCheckoutOptions } from "@/lib/orders/checkout/checkout-options";
import { describeContact } from "@/lib/orders/checkout/checkout-contact";
import { callerOnTheLineIn } from "@/lib/phone-line/caller";
import { onlinePaymentEnabled } from "@/lib/payments/configured";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { previewTopUp } from "@/lib/vouchers/preview";

export default async function CheckoutPage({ params }: { params: Promise<{ territory: string }> }) {
  const territory = await visibleTerritorySite((await params).territory);
  const [{ owner, territoryId }, actor, locale] = await Promise.all([visitorCartOwner(), getActor(), getLocale().then(toLocale)]);
  const cart = await getCart(db(), owner, territoryId);
  if (cart.groups.length === 0 || cart.hasProblems) redirect(territoryHref(territory?.base ?? "", "/panier"));
  const caller = await callerOnTheLineIn(territoryId);
  const [t, shops, contact] = await Promise.all([getTranslations("checkout"), getCheckoutOptions(db(), cart, locale, new Date(), { onlinePayment: onlinePaymentEnabled() }), describeContact(db(), actor, territoryId, { callerOnTheLine: caller !== null })]);
  const totals = Object.fromEntries(shops.map((s) => [s.shopId, t("summary", { count: s.itemCount, total: formatPrice(s.subtotalCents, locale) })]));
  // The town's top-up, shown before confirming (checked again, for this person and the budget left, when placing).
  const topUp = await previewTopUp(db(), { territoryId, now: new Date(), shops });
  const deliveryCommunes = await deliveryCommunesOf(db(), territoryId, shops);
  const grandTotal = shops.reduce((sum, shop) => sum + shop.subtotalCents, 0);
  const topUpView = topUp && {
    headline: t("topUpHeadline", { campaign: topUp.campaignName, percent: topUp.bp / 100, cap: formatPrice(topUp.capCents, locale) }),
    lines: shops.filter((shop) => topUp.perShop[shop.shopId]).map((shop) => ({ shopId: shop.shopId, text: t("topUpLine", { shop: shop.shopName, amount: formatPrice(topUp.perShop[shop.shopId] ?? 0, locale) }) })),
    summary: topUp.estimateCents > 0
      ? t("topUpSummary", { amount: formatPrice(topUp.estimateCents, locale), rest: formatPrice(grandTotal - topUp.estimateCents, locale) })
      : t("topUpBelowMinimum", { minimum: formatPrice(topUp.minBasketCents, locale) }),
  };
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <CheckoutForm idempotencyKey={randomUUID()} shops={shops} totals={totals} contact={contact.defaults} forCaller={contact.forCaller} topUp={topUpView} deliveryCommunes={deliveryCommunes} callerAddress={contact.forCaller && caller ? { communeId: caller.communeId, addressLine: caller.addressLine } : null} />
    </div>
  );
}
