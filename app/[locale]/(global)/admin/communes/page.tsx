import { getTranslations } from "next-intl/server";
import { addCommuneAction } from "@/app/actions/directory";
import { ActionForm } from "@/components/ui/ActionForm";
import { getApplicationOptions } from "@/lib/onboarding/application-options";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function CommunesPage() {
  const { territory } = await adminPage("/admin/communes");
  const [options, t] = await Promise.all([getApplicationOptions(db(), territory.slug), getTranslations("admin")]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("communes")}</h1>
      <ul className="divide-y divide-brand-100 rounded-xl bg-white" data-testid="commune-list">
        {options?.communes.map((c) => <li key={c.id} className="p-3">{c.name} ({c.postalCode})</li>)}
      </ul>
      <section aria-labelledby="new-commune" className="rounded-xl bg-white p-4">
        <h2 id="new-commune" className="mb-3 text-xl font-semibold">{t("newCommune")}</h2>
        <ActionForm action={addCommuneAction} submitLabel={t("addCommune")} pendingLabel={t("working")} successLabel={t("saved")} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="commune-name" className="block text-sm font-medium">{t("communeName")}</label>
            <input id="commune-name" name="name" required className="min-h-11 rounded-lg border border-gray-500 px-3" />
          </div>
          <div>
            <label htmlFor="commune-postal" className="block text-sm font-medium">{t("communePostalCode")}</label>
            <input id="commune-postal" name="postalCode" required inputMode="numeric" className="min-h-11 w-28 rounded-lg border border-gray-500 px-3" />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
