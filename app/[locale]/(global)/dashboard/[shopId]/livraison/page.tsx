import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeliverySettingsForm } from "@/components/dashboard/DeliverySettingsForm";
import { db } from "@/lib/db/prisma";
import { getDeliverySettings } from "@/lib/delivery/settings";
import { dashboardPage } from "../../_lib/guard";
import { euroInputValue } from "@/lib/money/format";

const euros = (cents: number | null) => (cents === null ? "" : euroInputValue(cents));

export default async function DeliverySettingsPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/livraison`);
  const [settings, t] = await Promise.all([getDeliverySettings(db(), { actor, shopId }), getTranslations("dashboard")]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("deliverySettingsHeading")}</h1>
      <p>{t("deliverySettingsHelp")}</p>
      {!settings.canEdit && <p role="note" className="rounded-lg bg-amber-100 p-3 text-amber-950">{t("ownerOnly")}</p>}
      <section aria-labelledby="delivery-terms" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="delivery-terms" className="text-xl font-semibold">{t("deliveryTerms")}</h2>
        <DeliverySettingsForm
          shopId={shopId}
          canEdit={settings.canEdit}
          settings={{ enabled: settings.enabled, minimum: settings.minimumCents > 0 ? euros(settings.minimumCents) : "", freeFrom: euros(settings.freeFromCents), communes: settings.communes.map((c) => ({ id: c.id, name: c.name, postalCode: c.postalCode, fee: c.feeCents === null ? null : euros(c.feeCents) })) }}
        />
      </section>
      <section aria-labelledby="delivery-slots" className="space-y-2 rounded-xl bg-white p-4">
        <h2 id="delivery-slots" className="text-xl font-semibold">{t("deliverySlotsHeading")}</h2>
        <p>{settings.pointId ? t("deliverySlotsHelp") : t("deliverySlotsAfterSaving")}</p>
        {settings.pointId && <Link href={`/dashboard/${shopId}/retraits#point-${settings.pointId}`} className="inline-flex min-h-11 items-center underline">{t("deliverySlotsLink")}</Link>}
      </section>
      <Link href={`/dashboard/${shopId}/tournees`} className="inline-flex min-h-11 items-center underline">{t("roundsLink")}</Link>
    </div>
  );
}
