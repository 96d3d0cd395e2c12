import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QuantityForm } from "@/components/cart/QuantityForm";
import { getCart } from "@/lib/cart/get-cart";
import { visitorCartOwner } from "@/lib/cart/visitor";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { territoryHref } from "@/lib/territory/href";
import { visibleTerritorySite } from "@/lib/territory/preview-request";

export default async function CartPage({ params, searchParams }: { params: Promise<{ territory: string }>; searchParams: Promise<{ refus?: string }> }) {
  const [{ owner, territoryId }, { refus }, territory] = await Promise.all([visitorCartOwner(), searchParams, params.then((p) => visibleTerritorySite(p.territory))]);
  const base = territory?.base ?? "";
  const [t, locale, cart] = await Promise.all([getTranslations("cart"), getLocale().then(toLocale), getCart(db(), owner, territoryId)]);
  // Back from "Ajouter au panier" without JavaScript, when the product could not be added.
  const refused = refus === "1" && <p role="alert" className="rounded-lg bg-red-50 p-4 font-medium text-red-900">{t("notAdded")}</p>;
  if (cart.groups.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
        {refused}
        <div className="rounded-xl bg-white p-8 text-center">
          <p className="text-lg text-muted">{t("empty")}</p>
          <Link href={territoryHref(base, "/")} className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            {t("browse")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      {refused}
      {cart.groups.map((group) => (
        <section key={group.shop.id} aria-labelledby={`cart-${group.shop.id}`} className="space-y-3 rounded-xl bg-white p-4" data-testid="cart-group">
          <h2 id={`cart-${group.shop.id}`} className="text-xl font-semibold">
            <Link href={territoryHref(base, `/boutiques/${group.shop.slug}`)} className="hover:underline">{group.shop.name}</Link>
          </h2>
          <ul className="divide-y divide-brand-100">
            {group.lines.map((line) => (
              <li key={line.lineId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">{line.name}</p>
                  <p className="text-sm text-muted">
                    {line.estimatedGrams
                      ? t("weighedLine", { price: formatPrice(line.unitPriceCents, locale), grams: line.estimatedGrams, max: formatPrice(line.maxLineTotalCents, locale) })
                      : t("unitPrice", { price: formatPrice(line.unitPriceCents, locale) })}
                  </p>
                  {line.problem === "unavailable" && <p className="text-sm font-medium text-red-800">{t("unavailable")}</p>}
                  {line.problem === "notEnoughStock" && <p className="text-sm font-medium text-red-800">{t("notEnoughStock", { count: line.stock ?? 0 })}</p>}
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <QuantityForm productId={line.productId} productName={line.name} quantity={line.quantity} max={line.stock} />
                  <span className="min-w-20 text-right font-semibold">{line.estimatedGrams ? "≈ " : ""}{formatPrice(line.lineTotalCents, locale)}</span>
                </div>
              </li>
            ))}
          </ul>
          <p className="text-right">
            {t("subtotal")} : <span className="font-semibold" data-testid="cart-subtotal">{formatPrice(group.subtotalCents, locale)}</span>
          </p>
        </section>
      ))}
      <div className="flex flex-col items-end gap-3">
        <p className="text-xl">
          {t("total")} : <span className="font-bold" data-testid="cart-total">{formatPrice(cart.totalCents, locale)}</span>
        </p>
        {cart.hasProblems ? null : (
          <Link href={territoryHref(base, "/commande")} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
            {t("checkout")}
          </Link>
        )}
      </div>
    </div>
  );
}
