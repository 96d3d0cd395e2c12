import { getTranslations } from "next-intl/server";
import { listAuditLog } from "@/lib/admin/publish-shop";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

export default async function AuditLogPage() {
  const { actor, territory } = await adminPage("/admin/journal");
  const [entries, t] = await Promise.all([listAuditLog(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("journal")}</h1>
      {entries.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noLog")}</p>
      ) : (
        <ScrollRegion label={t("journal")} className="rounded-xl bg-white">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("who")}</th>
                <th scope="col" className="p-2">{t("what")}</th>
                <th scope="col" className="p-2">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-t border-brand-100">
                  <td className="p-2">{date.format(e.createdAt)}</td>
                  <td className="p-2">{e.actor?.name ?? e.actor?.email ?? "—"}</td>
                  <td className="p-2">{e.action} ({e.entityType})</td>
                  <td className="p-2 font-mono text-xs">{JSON.stringify(e.before)} → {JSON.stringify(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
