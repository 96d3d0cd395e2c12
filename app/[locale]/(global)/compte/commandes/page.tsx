import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { listCustomerOrders } from "@/lib/orders/get-order";
import { statusLabelKey } from "@/lib/orders/status-label";
import { formatSlot } from "@/lib/time/format";

export default async function MyOrdersPage() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/connexion?callbackUrl=/compte/commandes");
  const [t, locale, orders] = await Promise.all([getTranslations("order"), getLocale().then(toLocale), listCustomerOrders(db(), actor.userId)]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("myOrders")}</h1>
      {orders.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noOrders")}</p>
      ) : (
        <ul className="space-y-3">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4">
              <div>
                <p className="font-semibold">
                  <Link href={`/commandes/${order.id}`} className="hover:underline">{order.shop.name} — {order.reference}</Link>
                </p>
                <p className="text-sm text-muted">{formatSlot(order.slotStartsAt, order.slotEndsAt, locale)}</p>
              </div>
              <p>
                <span className="mr-3 rounded bg-brand-50 px-2 py-1 text-sm font-medium">{t(statusLabelKey(order.status, order.pickupPoint.kind))}</span>
                {formatPrice(order.totalCents, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
