import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listApplications } from "@/lib/admin/review-application";
import { db } from "@/lib/db/prisma";
import { adminPage } from "./_lib/guard";

const STATUSES = ["SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REJECTED"] as const;

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ statut?: string }> }) {
  const { actor, territory } = await adminPage("/admin");
  const status = (await searchParams).statut;
  const [applications, t, tApply] = await Promise.all([listApplications(db(), { actor, territoryId: territory.id, status }), getTranslations("admin"), getTranslations("apply")]);
  const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading", { territory: territory.name })}</h1>
      <form className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="admin-status" className="block text-sm font-medium">{t("filter")}</label>
          <select id="admin-status" name="statut" defaultValue={status ?? ""} className="min-h-11 rounded-lg border border-gray-500 bg-white px-2">
            <option value="">{t("all")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{tApply(s)}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{t("apply")}</button>
      </form>
      {applications.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noApplications")}</p>
      ) : (
        <ul className="divide-y divide-brand-100 rounded-xl bg-white">
          {applications.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <Link href={`/admin/demandes/${a.id}`} className="font-semibold underline" aria-label={t("open", { name: a.shopName })}>{a.shopName}</Link>
                <span className="block text-sm text-muted">{a.category.nameFr} · {a.commune.name} · {a.contactName} · {date.format(a.createdAt)}</span>
              </div>
              <span className="rounded bg-brand-50 px-2 py-1 text-sm">{tApply(a.status)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
