import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { handOverAction, handOverBasketAction } from "@/app/actions/relay";
import { ActionForm } from "@/components/ui/ActionForm";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getRelayDesk } from "@/lib/orders/handover/relay-handover";
import { formatSlot } from "@/lib/time/format";

type Props = { params: Promise<{ pointId: string }>; searchParams: Promise<{ remis?: string; attendu?: string }> };

const count = (value: string | undefined) => (value && /^\d{1,3}$/.test(value) ? Number(value) : null);

/** The relay desk: what customers can collect (a basket of several shops as one group, one code), and what shops are bringing. */
export default async function RelayDeskPage({ params, searchParams }: Props) {
  const [{ pointId }, query] = await Promise.all([params, searchParams]);
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/connexion?callbackUrl=/relais/${pointId}`);
  const desk = await getRelayDesk(db(), { actor, pickupPointId: pointId }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, tOrder, locale] = await Promise.all([getTranslations("relay"), getTranslations("order"), getLocale().then(toLocale)]);
  const handedOver = count(query.remis);
  const stillExpected = count(query.attendu) ?? 0;
  const orderLine = (o: (typeof desk.waiting)[number]["orders"][number]) => (
    <>
      <span className="font-medium">{o.reference} — {o.shop.name}</span>
      <span className="block text-sm text-muted">{formatSlot(o.slotStartsAt, o.slotEndsAt, locale)} · {formatPrice(o.totalCents, locale)}{o.paymentMethod === "PAY_AT_PICKUP" ? ` (${t("payAtPickup")})` : ""}</span>
    </>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("deskHeading", { point: desk.point.name })}</h1>
      {handedOver !== null && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-800" data-testid="basket-handed-over">
          {t("basketHandedOver", { count: handedOver, expected: stillExpected })}
        </p>
      )}
      <section aria-labelledby="waiting-heading" className="space-y-3">
        <h2 id="waiting-heading" className="text-xl font-semibold">{t("waiting")}</h2>
        {desk.waiting.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("nothingWaiting")}</p>
        ) : (
          <ul className="space-y-3">
            {desk.waiting.map((group) => {
              const first = group.orders[0];
              if (!first) return null;
              if (!group.basketId) {
                return (
                  <li key={first.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="relay-waiting">
                    <p className="font-semibold">{first.reference} — {first.contactName} — {first.shop.name}</p>
                    <p className="text-sm text-muted">{formatSlot(first.slotStartsAt, first.slotEndsAt, locale)} · {formatPrice(first.totalCents, locale)}{first.paymentMethod === "PAY_AT_PICKUP" ? ` (${t("payAtPickup")})` : ""}</p>
                    <ActionForm action={handOverAction} submitLabel={t("handOver", { reference: first.reference })} pendingLabel={t("working")} successLabel={t("done")} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="pickupPointId" value={desk.point.id} />
                      <input type="hidden" name="orderId" value={first.id} />
                      <div>
                        <label htmlFor={`code-${first.id}`} className="block text-sm font-medium">{t("code", { reference: first.reference })}</label>
                        <input id={`code-${first.id}`} name="pickupCode" required autoComplete="off" className="min-h-11 w-40 rounded-lg border border-gray-500 px-3 font-mono uppercase" />
                      </div>
                    </ActionForm>
                  </li>
                );
              }
              const arrived = group.orders.filter((o) => o.status === "AT_RELAY_POINT").length;
              return (
                <li key={group.basketId} className="space-y-3 rounded-xl bg-white p-4" data-testid="relay-basket">
                  <p className="font-semibold">{t("basketOf", { name: group.contactName, arrived, total: group.orders.length })}</p>
                  <ul className="space-y-2">
                    {group.orders.map((o) => (
                      <li key={o.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-brand-100 p-2" data-testid="relay-basket-order">
                        <span>{orderLine(o)}</span>
                        <span className={`rounded px-2 py-1 text-sm ${o.status === "AT_RELAY_POINT" ? "bg-brand-600 text-white" : "bg-amber-100 text-amber-950"}`}>{o.status === "AT_RELAY_POINT" ? t("arrived") : t("notYet", { status: tOrder(o.status) })}</span>
                      </li>
                    ))}
                  </ul>
                  <ActionForm action={handOverBasketAction} submitLabel={t("handOverBasket", { count: arrived, name: group.contactName })} pendingLabel={t("working")} successLabel={t("done")} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="pickupPointId" value={desk.point.id} />
                    <input type="hidden" name="basketId" value={group.basketId} />
                    <div>
                      <label htmlFor={`basket-${group.basketId}`} className="block text-sm font-medium">{t("basketCode", { name: group.contactName })}</label>
                      <input id={`basket-${group.basketId}`} name="code" required autoComplete="off" className="min-h-11 w-40 rounded-lg border border-gray-500 px-3 font-mono uppercase" />
                    </div>
                  </ActionForm>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="incoming-heading" className="space-y-2">
        <h2 id="incoming-heading" className="text-xl font-semibold">{t("incoming")}</h2>
        {desk.incoming.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("nothingIncoming")}</p>
        ) : (
          <ul className="divide-y divide-brand-100 rounded-xl bg-white">
            {desk.incoming.flatMap((group) =>
              group.orders.map((o) => (
                <li key={o.id} className="p-3">
                  {o.reference} — {o.shop.name} — {formatSlot(o.slotStartsAt, o.slotEndsAt, locale)} ({tOrder(o.status)}){group.basketId ? ` · ${t("inBasketOf", { name: group.contactName, total: group.orders.length })}` : ""}
                </li>
              )),
            )}
          </ul>
        )}
      </section>
    </div>
  );
}
