import { getTranslations } from "next-intl/server";
import { saveRelayPointAction } from "@/app/actions/directory";
import { ActionForm } from "@/components/ui/ActionForm";

type Point = {
  id: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  instructions: string;
  capacityPerSlot: number | null;
  active: boolean;
  hoursText: string[];
  shopIds: string[];
};

const empty: Point = { id: "", name: "", addressLine: "", postalCode: "", city: "", latitude: 46.58, longitude: 0.34, instructions: "", capacityPerSlot: null, active: true, hoursText: ["", "", "", "", "", "", ""], shopIds: [] };

/** Create (no point) or edit a relay point. Field ids are prefixed so several forms can share a page. */
export async function RelayPointForm({ point, shops }: { point?: Point; shops: { id: string; name: string }[] }) {
  const t = await getTranslations("admin");
  const tDash = await getTranslations("dashboard");
  const value = point ?? empty;
  const prefix = `relay-${value.id || "new"}`;
  const field = (name: keyof Point, label: string, type = "text") => (
    <div className="space-y-1">
      <label htmlFor={`${prefix}-${name}`} className="block text-sm font-medium">{label}</label>
      <input id={`${prefix}-${name}`} name={name} type={type} step={type === "number" ? "any" : undefined} defaultValue={String(value[name] ?? "")} className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
    </div>
  );
  return (
    <ActionForm action={saveRelayPointAction} submitLabel={point ? t("saveRelay", { name: point.name }) : t("createRelay")} pendingLabel={t("working")} successLabel={t("saved")}>
      {point && <input type="hidden" name="id" value={point.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        {field("name", t("relayName"))}
        {field("addressLine", t("relayAddress"))}
        {field("postalCode", t("relayPostalCode"))}
        {field("city", t("relayCity"))}
        {field("latitude", t("relayLatitude"), "number")}
        {field("longitude", t("relayLongitude"), "number")}
        {field("capacityPerSlot", t("relayCapacity"), "number")}
        {field("instructions", t("relayInstructions"))}
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="active" defaultChecked={value.active} className="h-5 w-5" />
        {t("relayActive")}
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("hoursHelp")}</legend>
        {value.hoursText.map((hours, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${prefix}-hours-${index + 1}`} className="w-24">{tDash(`days.${index + 1}`)}</label>
            <input id={`${prefix}-hours-${index + 1}`} name={`hours.${index + 1}`} defaultValue={hours} className="min-h-11 flex-1 rounded-lg border border-gray-500 px-3" />
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("relayShops")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {shops.map((shop) => (
            <label key={shop.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="shopIds" value={shop.id} defaultChecked={value.shopIds.includes(shop.id)} className="h-5 w-5" />
              {shop.name}
            </label>
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}
