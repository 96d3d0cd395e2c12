import Image from "next/image";
import { getTranslations } from "next-intl/server";
import { removeTerritoryLogoAction, updateTerritoryIdentityAction, uploadTerritoryLogoAction } from "@/app/actions/identity";
import { ActionForm } from "@/components/ui/ActionForm";
import { getTerritoryIdentity } from "@/lib/admin/territory-identity";
import { db } from "@/lib/db/prisma";
import { mediaUrl } from "@/lib/storage/media-store";
import { adminPage } from "../_lib/guard";

const box = "w-full rounded-lg border border-gray-500 px-3 py-2";

/** The town's identity: name, logo, colour, welcome text, contact, legal notice — what its pages, footer and emails show. */
export default async function IdentityPage() {
  const { actor, territory } = await adminPage("/admin/identite");
  const [identity, t] = await Promise.all([getTerritoryIdentity(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  const text = (name: "name" | "contactEmail" | "contactPhone" | "contactAddress" | "legalPublisher" | "publicationDirector" | "mapTileUrl" | "mapAttribution", options: { type?: string; required?: boolean; help?: string; autoComplete?: string } = {}) => (
    <div className="space-y-1">
      <label htmlFor={`identity-${name}`} className="block text-sm font-medium">{t(`identity_${name}`)}</label>
      {options.help && <p id={`identity-${name}-help`} className="text-sm text-muted">{options.help}</p>}
      <input id={`identity-${name}`} name={name} type={options.type ?? "text"} required={options.required} autoComplete={options.autoComplete ?? "off"} defaultValue={identity[name] ?? ""} aria-describedby={options.help ? `identity-${name}-help` : undefined} className={`min-h-11 ${box}`} />
    </div>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("identityHeading", { territory: territory.name })}</h1>
      <p className="text-muted">{t("identityIntro")}</p>

      <section aria-labelledby="identity-logo" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="identity-logo" className="text-xl font-semibold">{t("identityLogo")}</h2>
        {identity.logoKey ? (
          <div className="flex flex-wrap items-center gap-4">
            <Image src={mediaUrl(identity.logoKey)} alt={t("identityLogoAlt", { name: identity.name })} width={96} height={96} unoptimized className="h-24 w-24 rounded border border-brand-100 object-contain" data-testid="identity-logo" />
            <ActionForm action={removeTerritoryLogoAction} submitLabel={t("identityLogoRemove")} pendingLabel={t("working")} successLabel="" danger>
              <span />
            </ActionForm>
          </div>
        ) : (
          <p className="text-muted">{t("identityNoLogo")}</p>
        )}
        <ActionForm action={uploadTerritoryLogoAction} submitLabel={t("identityLogoUpload")} pendingLabel={t("identityLogoUploading")} successLabel={t("saved")}>
          <label htmlFor="identity-logo-file" className="block text-sm font-medium">{t("identityLogoFile")}</label>
          <input id="identity-logo-file" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required className="block min-h-11" />
        </ActionForm>
      </section>

      <section aria-labelledby="identity-details" className="rounded-xl bg-white p-4">
        <h2 id="identity-details" className="mb-3 text-xl font-semibold">{t("identityDetails")}</h2>
        <ActionForm action={updateTerritoryIdentityAction} submitLabel={t("identitySave")} pendingLabel={t("working")} successLabel={t("saved")}>
          {text("name", { required: true })}
          <div className="space-y-1">
            <label htmlFor="identity-welcomeText" className="block text-sm font-medium">{t("identity_welcomeText")}</label>
            <textarea id="identity-welcomeText" name="welcomeText" rows={3} maxLength={600} defaultValue={identity.welcomeText ?? ""} className={box} />
          </div>
          <div className="space-y-1">
            <label htmlFor="identity-primaryColor" className="block text-sm font-medium">{t("identity_primaryColor")}</label>
            <p id="identity-primaryColor-help" className="text-sm text-muted">{t("identityColourHelp")}</p>
            <input id="identity-primaryColor" name="primaryColor" type="text" inputMode="text" pattern="#[0-9a-fA-F]{6}" placeholder="#1d6b3c" defaultValue={identity.primaryColor ?? ""} aria-describedby="identity-primaryColor-help" className={`min-h-11 max-w-40 ${box}`} />
          </div>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("identityContact")}</legend>
            {text("contactEmail", { type: "email" })}
            {text("contactPhone", { type: "tel", help: t("identityPhoneHelp") })}
            {text("contactAddress")}
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("identityLegal")}</legend>
            {text("legalPublisher", { help: t("identityPublisherHelp") })}
            {text("publicationDirector")}
            <div className="space-y-1">
              <label htmlFor="identity-guestRetentionMonths" className="block text-sm font-medium">{t("identity_guestRetentionMonths")}</label>
              <p id="identity-guestRetentionMonths-help" className="text-sm text-muted">{t("identityRetentionHelp")}</p>
              <input id="identity-guestRetentionMonths" name="guestRetentionMonths" type="number" inputMode="numeric" min={1} max={120} step={1} required defaultValue={identity.guestRetentionMonths} aria-describedby="identity-guestRetentionMonths-help" className={`min-h-11 max-w-32 ${box}`} />
            </div>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("identityMap")}</legend>
            {text("mapTileUrl", { type: "url", help: t("identityTilesHelp") })}
            {text("mapAttribution", { help: t("identityAttributionHelp") })}
          </fieldset>
        </ActionForm>
      </section>
    </div>
  );
}
