import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { addTerritoryDomainAction, createTerritoryAction, removeTerritoryDomainAction, setTerritoryLiveAction } from "@/app/actions/directory";
import { ActionForm } from "@/components/ui/ActionForm";
import { listTerritories } from "@/lib/admin/territories";
import { isSuperAdmin } from "@/lib/auth/guards";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function TerritoriesPage() {
  const { actor } = await adminPage("/admin/territoires");
  if (!isSuperAdmin(actor)) notFound();
  const [territories, t] = await Promise.all([listTerritories(db(), actor), getTranslations("admin")]);
  const box = "w-full rounded-lg border border-gray-500 px-3 py-2";
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("territories")}</h1>
      <ul className="space-y-2">
        {territories.map((territory) => (
          <li key={territory.id} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3" data-testid="territory-row">
            <span>
              <strong>{territory.name}</strong> ({territory.slug}) — {t(territory.status)} · {territory._count.communes} {t("communes").toLowerCase()}
            </span>
            <div className="w-full space-y-2" data-testid="territory-domains">
              <p className="text-sm text-muted">{territory.domains.length ? t("domainsOf", { name: territory.name }) : t("noDomain", { slug: territory.slug })}</p>
              <ul className="flex flex-wrap gap-2">
                {territory.domains.map((domain) => (
                  <li key={domain.host} className="flex items-center gap-2 rounded-lg border border-brand-100 px-2">
                    <span>{domain.host}</span>
                    <ActionForm action={removeTerritoryDomainAction} submitLabel={t("removeDomain", { host: domain.host })} pendingLabel={t("working")} successLabel="">
                      <input type="hidden" name="territoryId" value={territory.id} />
                      <input type="hidden" name="host" value={domain.host} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
              <ActionForm action={addTerritoryDomainAction} submitLabel={t("addDomain")} pendingLabel={t("working")} successLabel={t("saved")}>
                <input type="hidden" name="territoryId" value={territory.id} />
                <label htmlFor={`domain-${territory.id}`} className="block text-sm font-medium">{t("domainHost", { name: territory.name })}</label>
                <input id={`domain-${territory.id}`} name="host" required placeholder="commerces.exemple.fr" className={`min-h-11 ${box}`} />
              </ActionForm>
            </div>
            <form method="post" action="/api/admin/territoire">
              <input type="hidden" name="territoire" value={territory.slug} />
              <input type="hidden" name="suite" value="/admin/equipe" />
              <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("administer", { name: territory.name })}</button>
            </form>
            <ActionForm action={setTerritoryLiveAction} submitLabel={territory.status === "LIVE" ? t("closeTerritory", { name: territory.name }) : t("openTerritory", { name: territory.name })} pendingLabel={t("working")} successLabel="">
              <input type="hidden" name="territoryId" value={territory.id} />
              <input type="hidden" name="live" value={territory.status === "LIVE" ? "false" : "true"} />
            </ActionForm>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-territory" className="rounded-xl bg-white p-4">
        <h2 id="new-territory" className="mb-3 text-xl font-semibold">{t("newTerritory")}</h2>
        <ActionForm action={createTerritoryAction} submitLabel={t("createTerritory")} pendingLabel={t("working")} successLabel={t("saved")}>
          {([["slug", t("territorySlug")], ["name", t("territoryName")]] as const).map(([name, label]) => (
            <div key={name} className="space-y-1">
              <label htmlFor={`territory-${name}`} className="block text-sm font-medium">{label}</label>
              <input id={`territory-${name}`} name={name} required className={`min-h-11 ${box}`} />
            </div>
          ))}
          {([["communes", t("territoryCommunes")], ["admins", t("territoryAdmins")]] as const).map(([name, label]) => (
            <div key={name} className="space-y-1">
              <label htmlFor={`territory-${name}`} className="block text-sm font-medium">{label}</label>
              <textarea id={`territory-${name}`} name={name} rows={3} className={box} />
            </div>
          ))}
        </ActionForm>
      </section>
    </div>
  );
}
