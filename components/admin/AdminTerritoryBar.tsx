import { getTranslations } from "next-intl/server";
import { territorySite } from "@/lib/territory/site";

type Territory = { slug: string; name: string; status: "PREPARATION" | "LIVE" };

/**
 * Above the console: which territory it shows (a switch for admins of several
 * and for the super-admin, a plain form that works without JavaScript) and the
 * way to its public pages — a preview pass while the town is in preparation.
 */
export async function AdminTerritoryBar({ current, territories }: { current: Territory; territories: Territory[] }) {
  const [t, site] = await Promise.all([getTranslations("admin"), territorySite(current.slug)]);
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 rounded-xl bg-white p-3">
      {territories.length > 1 ? (
        <form method="post" action="/api/admin/territoire" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="admin-territory" className="block text-sm font-medium">{t("territorySwitch")}</label>
            <select id="admin-territory" name="territoire" defaultValue={current.slug} className="min-h-11 rounded-lg border border-gray-500 bg-white px-2">
              {territories.map((territory) => (
                <option key={territory.slug} value={territory.slug}>{territory.name}{territory.status === "PREPARATION" ? ` (${t("PREPARATION").toLowerCase()})` : ""}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("territorySwitchSubmit")}</button>
        </form>
      ) : (
        <p className="font-medium">{current.name} — {t(current.status)}</p>
      )}
      {current.status === "PREPARATION" ? (
        <form method="post" action="/api/admin/apercu">
          <input type="hidden" name="territoire" value={current.slug} />
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white">{t("previewTown", { name: current.name })}</button>
        </form>
      ) : site ? (
        <a href={`${site.publicUrl}/`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("visitTown", { name: current.name })}</a>
      ) : null}
    </div>
  );
}
