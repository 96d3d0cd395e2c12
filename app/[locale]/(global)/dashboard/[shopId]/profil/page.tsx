import { getTranslations } from "next-intl/server";
import { inviteStaffAction, removeMemberAction, removeShopPhotoAction, updateShopDetailsAction, updateShopSettingsAction, uploadShopPhotoAction } from "@/app/actions/shop-profile";
import { ActionForm } from "@/components/ui/ActionForm";
import { PhotoManager } from "@/components/ui/PhotoManager";
import { db } from "@/lib/db/prisma";
import { getShopProfile } from "@/lib/shops/profile";
import { dashboardPage } from "../../_lib/guard";

const input = "min-h-11 w-full rounded-lg border border-gray-500 px-3";

export default async function ShopProfilePage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/profil`);
  const { shop, relayPoints, isOwner, myUserId } = await getShopProfile(db(), { actor, shopId });
  const [t, tShop] = await Promise.all([getTranslations("dashboard"), getTranslations("shop")]);
  const common = { pendingLabel: t("saving"), successLabel: t("savedShort") };
  const field = (name: string, label: string, value: string | number | null, type = "text") => (
    <div className="space-y-1">
      <label htmlFor={`profile-${name}`} className="block font-medium">{label}</label>
      <input id={`profile-${name}`} name={name} type={type} step={type === "number" ? "any" : undefined} defaultValue={value ?? ""} className={input} />
    </div>
  );
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">{t("profileHeading")}</h1>
      <section aria-labelledby="details-heading" className="rounded-xl bg-white p-4">
        <h2 id="details-heading" className="mb-3 text-xl font-semibold">{t("details")}</h2>
        <ActionForm action={updateShopDetailsAction} submitLabel={t("saveDetails")} {...common}>
          <input type="hidden" name="shopId" value={shopId} />
          <div className="space-y-1">
            <label htmlFor="profile-description" className="block font-medium">{t("description")}</label>
            <textarea id="profile-description" name="description" rows={4} maxLength={2000} defaultValue={shop.description} className="w-full rounded-lg border border-gray-500 px-3 py-2" />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            {field("phone", t("phone"), shop.phone, "tel")}
            {field("email", t("email"), shop.email, "email")}
            {field("website", t("website"), shop.website, "url")}
            {field("addressLine", t("address"), shop.addressLine)}
            {field("latitude", t("latitude"), shop.latitude, "number")}
            {field("longitude", t("longitude"), shop.longitude, "number")}
          </div>
          <fieldset className="space-y-2">
            <legend className="font-medium">{t("hoursHelp")}</legend>
            {shop.hoursText.map((value, index) => (
              <div key={index} className="flex flex-wrap items-center gap-2">
                <label htmlFor={`profile-hours-${index + 1}`} className="w-24">{t(`days.${index + 1}`)}</label>
                <input id={`profile-hours-${index + 1}`} name={`hours.${index + 1}`} defaultValue={value} className="min-h-11 flex-1 rounded-lg border border-gray-500 px-3" />
              </div>
            ))}
          </fieldset>
        </ActionForm>
      </section>
      <PhotoManager id="shop-photos" name={shop.name} photos={shop.photos} hidden={{ shopId }} upload={uploadShopPhotoAction} remove={removeShopPhotoAction} />
      <section aria-labelledby="settings-heading" className="rounded-xl bg-white p-4">
        <h2 id="settings-heading" className="mb-3 text-xl font-semibold">{t("settings")}</h2>
        {!isOwner && <p className="mb-2 text-muted">{t("settingsOwner")}</p>}
        <ActionForm action={updateShopSettingsAction} submitLabel={t("saveSettings")} {...common}>
          <input type="hidden" name="shopId" value={shopId} />
          <fieldset disabled={!isOwner} className="space-y-1">
            <legend className="font-medium">{t("paymentMethods")}</legend>
            {(["PAY_AT_PICKUP", "ONLINE"] as const).map((method) => (
              <label key={method} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="paymentMethods" value={method} defaultChecked={shop.paymentMethods.includes(method)} className="h-5 w-5" />
                {tShop(method)}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={!isOwner} className="space-y-1">
            <legend className="font-medium">{t("relayPoints")}</legend>
            {relayPoints.map((point) => (
              <label key={point.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="relayPointIds" value={point.id} defaultChecked={shop.relayPoints.some((r) => r.pickupPointId === point.id)} className="h-5 w-5" />
                {point.name} ({point.city})
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </section>
      <section aria-labelledby="team-heading" className="space-y-3 rounded-xl bg-white p-4">
        <h2 id="team-heading" className="text-xl font-semibold">{t("team")}</h2>
        <ul className="space-y-2">
          {shop.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>{m.user.name ?? m.user.email} — {m.user.email} ({t(m.role)})</span>
              {isOwner && m.user.id !== myUserId && (
                <ActionForm action={removeMemberAction} submitLabel={t("removeMemberLabel", { name: m.user.name ?? m.user.email })} pendingLabel={t("saving")} successLabel={t("savedShort")} danger className="flex items-center gap-2">
                  <input type="hidden" name="shopId" value={shopId} />
                  <input type="hidden" name="memberId" value={m.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
        {shop.invitations.length > 0 && (
          <p className="text-sm text-muted">{t("pending")} : {shop.invitations.map((i) => i.email).join(", ")}</p>
        )}
        {isOwner && (
          <ActionForm action={inviteStaffAction} submitLabel={t("sendInvite")} pendingLabel={t("saving")} successLabel={t("inviteSent")}>
            <input type="hidden" name="shopId" value={shopId} />
            <label htmlFor="invite-email" className="block font-medium">{t("invite")}</label>
            <input id="invite-email" name="email" type="email" required className={input} />
          </ActionForm>
        )}
      </section>
    </div>
  );
}
