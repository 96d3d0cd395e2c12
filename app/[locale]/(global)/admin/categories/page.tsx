import { getTranslations } from "next-intl/server";
import { createCategoryAction, moveCategoryAction } from "@/app/actions/directory";
import { ActionForm } from "@/components/ui/ActionForm";
import { ICONS, listCategories } from "@/lib/admin/categories";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function AdminCategoriesPage() {
  const { actor, territory } = await adminPage("/admin/categories");
  const [categories, t] = await Promise.all([listCategories(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("categories")}</h1>
      <ol className="space-y-2" data-testid="category-list">
        {categories.map((c, index) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3">
            <span>
              <strong>{c.nameFr}</strong> / {c.nameEn} <span className="text-sm text-muted">({c.icon}, {t("shopCount", { count: c._count.shops })})</span>
            </span>
            <span className="flex gap-2">
              {index > 0 && (
                <ActionForm action={moveCategoryAction} submitLabel={t("moveUp", { name: c.nameFr })} pendingLabel="…" successLabel="" className="flex">
                  <input type="hidden" name="categoryId" value={c.id} />
                  <input type="hidden" name="direction" value="up" />
                </ActionForm>
              )}
              {index < categories.length - 1 && (
                <ActionForm action={moveCategoryAction} submitLabel={t("moveDown", { name: c.nameFr })} pendingLabel="…" successLabel="" className="flex">
                  <input type="hidden" name="categoryId" value={c.id} />
                  <input type="hidden" name="direction" value="down" />
                </ActionForm>
              )}
            </span>
          </li>
        ))}
      </ol>
      <section aria-labelledby="new-category" className="rounded-xl bg-white p-4">
        <h2 id="new-category" className="mb-3 text-xl font-semibold">{t("newCategory")}</h2>
        <ActionForm action={createCategoryAction} submitLabel={t("addCategory")} pendingLabel={t("working")} successLabel={t("saved")}>
          <div className="grid gap-3 sm:grid-cols-3">
            {(["nameFr", "nameEn"] as const).map((name) => (
              <div key={name} className="space-y-1">
                <label htmlFor={`category-${name}`} className="block text-sm font-medium">{t(name)}</label>
                <input id={`category-${name}`} name={name} required className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
              </div>
            ))}
            <div className="space-y-1">
              <label htmlFor="category-icon" className="block text-sm font-medium">{t("icon")}</label>
              <select id="category-icon" name="icon" className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-2">
                {ICONS.map((icon) => <option key={icon} value={icon}>{icon}</option>)}
              </select>
            </div>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
