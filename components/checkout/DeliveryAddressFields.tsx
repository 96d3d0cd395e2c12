"use client";

import { useTranslations } from "next-intl";

export type CommuneChoice = { id: string; label: string };

/** The one delivery address of the basket, asked only once a shop's delivery is chosen (checked on the server). */
export function DeliveryAddressFields({ communes, communeId, onCommuneChange, fieldError, defaultAddressLine = "" }: { communes: CommuneChoice[]; communeId: string; onCommuneChange: (id: string) => void; fieldError: (name: string) => string | null; defaultAddressLine?: string }) {
  const t = useTranslations("checkout");
  const field = (name: string, label: string, control: React.ReactNode, help?: string) => {
    const error = fieldError(`delivery.${name}`);
    return (
      <div className="space-y-1">
        <label htmlFor={`delivery-${name}`} className="block font-medium">{label}</label>
        {help && <p id={`delivery-${name}-help`} className="text-sm text-muted">{help}</p>}
        {control}
        {error && <p id={`delivery-${name}-error`} className="text-sm font-medium text-red-800">{error}</p>}
      </div>
    );
  };
  const described = (name: string, help?: boolean) => [help ? `delivery-${name}-help` : "", fieldError(`delivery.${name}`) ? `delivery-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-3 rounded-xl bg-white p-4" data-testid="delivery-address">
      <legend className="px-1 text-xl font-semibold">{t("deliveryAddress")}</legend>
      {field(
        "communeId",
        t("deliveryCommune"),
        <select id="delivery-communeId" name="delivery.communeId" required value={communeId} onChange={(e) => onCommuneChange(e.target.value)} aria-describedby={described("communeId")} className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-3 sm:max-w-md">
          <option value="">{t("chooseCommune")}</option>
          {communes.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>,
      )}
      {field(
        "addressLine",
        t("deliveryStreet"),
        <input id="delivery-addressLine" name="delivery.addressLine" defaultValue={defaultAddressLine} required autoComplete="street-address" maxLength={200} aria-describedby={described("addressLine")} className="min-h-11 w-full rounded-lg border border-gray-500 px-3 sm:max-w-md" />,
      )}
      {field(
        "instructions",
        t("deliveryInstructions"),
        <textarea id="delivery-instructions" name="delivery.instructions" maxLength={300} rows={2} aria-describedby={described("instructions", true)} className="w-full rounded-lg border border-gray-500 px-3 py-2 sm:max-w-md" />,
        t("deliveryInstructionsHelp"),
      )}
      <p className="text-sm text-muted">{t("deliveryPhoneHelp")}</p>
    </fieldset>
  );
}
