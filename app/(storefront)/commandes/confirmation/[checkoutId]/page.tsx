import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PickupCode } from "@/components/orders/PickupCode";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getCheckoutOrders } from "@/lib/orders/get-order";
import { formatSlot } from "@/lib/time/format";

type Props = { params: Promise<{ checkoutId: string }>; searchParams: Promise<{ t?: string }> };

export default async function ConfirmationPage({ params, searchParams }: Props) {
  const [{ checkoutId }, { t: token }, actor] = await Promise.all([params, searchParams, getActor()]);
  const orders = await getCheckoutOrders(db(), { actor, checkoutId, token }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale().then(toLocale)]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{orders.length > 1 ? t("confirmedHeading") : t("confirmedOne")}</h1>
      <p role="status">{t("emailSent")}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {orders.map((order) => (
          <li key={order.id} className="space-y-3 rounded-xl bg-white p-5 shadow-sm" data-testid="confirmed-order">
            <h2 className="text-xl font-semibold">{order.shop.name}</h2>
            <p className="text-muted">{t("reference", { reference: order.reference })}</p>
            <PickupCode code={order.pickupCode} />
            <p>
              <span className="font-medium">{t("when")} :</span> {formatSlot(order.slotStartsAt, order.slotEndsAt, locale)}
            </p>
            <p>
              <span className="font-medium">{t("where")} :</span> {order.pickupPoint.name}, {order.pickupPoint.addressLine}, {order.pickupPoint.city}
            </p>
            <p>
              <span className="font-medium">{t("total")} :</span> {formatPrice(order.totalCents, locale)}
            </p>
            <Link href={`/commandes/${order.id}?t=${order.accessToken}`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
              {t("view", { reference: order.reference })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
