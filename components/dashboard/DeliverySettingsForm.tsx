"use client";

import { useTranslations } from "next-intl";
import { saveDeliverySettingsAction } from "@/app/actions/delivery";
import { ActionForm } from "@/components/ui/ActionForm";

type Props = {
  shopId: string;
  canEdit: boolean;
  settings: { enabled: boolean; minimum: string; freeFrom: string; communes: { id: string; name: string; postalCode: string; fee: string | null }[] };
};

/** Delivery on or off, its thresholds, and the communes delivered with their fee. */
export function DeliverySettingsForm({ shopId, canEdit, settings }: Props) {
  const t = useTranslations("dashboard");
  const fields = (
    <fieldset disabled={!canEdit} className="space-y-4">
      <input type="hidden" name="shopId" value={shopId} />
      <label className="flex min-h-11 items-center gap-2 font-medium">
        <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="h-5 w-5" />
        {t("deliveryEnabled")}
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        {([["minimum", t("deliveryMinimumLabel"), settings.minimum], ["freeFrom", t("deliveryFreeFromLabel"), settings.freeFrom]] as const).map(([name, label, value]) => (
          <div key={name} className="space-y-1">
            <label htmlFor={`delivery-${name}`} className="block font-medium">{label}</label>
            <input id={`delivery-${name}`} name={name} defaultValue={value} inputMode="decimal" aria-describedby={`delivery-${name}-help`} className="min-h-11 w-32 rounded-lg border border-gray-500 px-3" />
            <p id={`delivery-${name}-help`} className="text-sm text-muted">{name === "minimum" ? t("deliveryMinimumHelp") : t("deliveryFreeFromHelp")}</p>
          </div>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("deliveryZone")}</legend>
        <p className="text-sm text-muted">{t("deliveryZoneHelp")}</p>
        {settings.communes.length === 0 ? (
          <p>{t("deliveryNoCommunes")}</p>
        ) : (
          <ul className="divide-y divide-brand-100 rounded-lg border border-brand-100">
            {settings.communes.map((commune) => (
              <li key={commune.id} className="flex flex-wrap items-center justify-between gap-3 p-2">
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="zone" value={commune.id} defaultChecked={commune.fee !== null} className="h-5 w-5" />
                  {commune.name} ({commune.postalCode})
                </label>
                <span className="flex items-center gap-2">
                  <label htmlFor={`fee-${commune.id}`} className="text-sm">{t("deliveryFeeFor", { commune: commune.name })}</label>
                  <input id={`fee-${commune.id}`} name={`fee.${commune.id}`} defaultValue={commune.fee ?? ""} inputMode="decimal" placeholder="0" className="min-h-11 w-24 rounded-lg border border-gray-500 px-3" />
                  <span aria-hidden="true">€</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </fieldset>
  );
  return canEdit ? (
    <ActionForm action={saveDeliverySettingsAction} submitLabel={t("save")} pendingLabel={t("saving")} successLabel={t("deliverySaved")}>
      {fields}
    </ActionForm>
  ) : (
    fields
  );
}
