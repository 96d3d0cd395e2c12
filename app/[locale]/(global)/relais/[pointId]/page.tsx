import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { handOverAction } from "@/app/actions/relay";
import { ActionForm } from "@/components/ui/ActionForm";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { getRelayDesk } from "@/lib/orders/relay-handover";
import { formatSlot } from "@/lib/time/format";

export default async function RelayDeskPage({ params }: { params: Promise<{ pointId: string }> }) {
  const { pointId } = await params;
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/connexion?callbackUrl=/relais/${pointId}`);
  const desk = await getRelayDesk(db(), { actor, pickupPointId: pointId }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, tOrder, locale] = await Promise.all([getTranslations("relay"), getTranslations("order"), getLocale().then(toLocale)]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("deskHeading", { point: desk.point.name })}</h1>
      <section aria-labelledby="waiting-heading" className="space-y-3">
        <h2 id="waiting-heading" className="text-xl font-semibold">{t("waiting")}</h2>
        {desk.waiting.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("nothingWaiting")}</p>
        ) : (
          <ul className="space-y-3">
            {desk.waiting.map((o) => (
              <li key={o.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="relay-waiting">
                <p className="font-semibold">{o.reference} — {o.contactName} — {o.shop.name}</p>
                <p className="text-sm text-muted">{formatSlot(o.slotStartsAt, o.slotEndsAt, locale)} · {formatPrice(o.totalCents, locale)}{o.paymentMethod === "PAY_AT_PICKUP" ? ` (${t("payAtPickup")})` : ""}</p>
                <ActionForm action={handOverAction} submitLabel={t("handOver", { reference: o.reference })} pendingLabel={t("working")} successLabel={t("done")} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="pickupPointId" value={desk.point.id} />
                  <input type="hidden" name="orderId" value={o.id} />
                  <div>
                    <label htmlFor={`code-${o.id}`} className="block text-sm font-medium">{t("code", { reference: o.reference })}</label>
                    <input id={`code-${o.id}`} name="pickupCode" required autoComplete="off" className="min-h-11 w-40 rounded-lg border border-gray-500 px-3 font-mono uppercase" />
                  </div>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="incoming-heading" className="space-y-2">
        <h2 id="incoming-heading" className="text-xl font-semibold">{t("incoming")}</h2>
        {desk.incoming.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("nothingIncoming")}</p>
        ) : (
          <ul className="divide-y divide-brand-100 rounded-xl bg-white">
            {desk.incoming.map((o) => (
              <li key={o.id} className="p-3">{o.reference} — {o.shop.name} — {formatSlot(o.slotStartsAt, o.slotEndsAt, locale)} ({tOrder(o.status)})</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
