import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HomeFilters } from "@/lib/catalog/territory-home";
import type { Locale } from "@/lib/i18n/locales";
import { territoryHref } from "@/lib/territory/href";

type Props = {
  filters: HomeFilters;
  categories: { slug: string; nameFr: string; nameEn: string }[];
  communes: { id: string; name: string }[];
  /** Communes some shop delivers to */
  deliveryCommunes: { id: string; name: string }[];
  locale: Locale;
  base: string;
};

/** A plain GET form: filters work without JavaScript and stay in the URL. */
export async function ShopFilters({ filters, categories, communes, deliveryCommunes, locale, base }: Props) {
  const t = await getTranslations("home");
  return (
    <form action={territoryHref(base, "/commerces")} className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4" aria-label={t("filtersHeading")}>
      <div className="w-full sm:w-auto">
        <label htmlFor="filter-category" className="block text-sm font-medium">{t("category")}</label>
        <select id="filter-category" name="categorie" defaultValue={filters.categorie ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
          <option value="">{t("allCategories")}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>{locale === "en" ? c.nameEn : c.nameFr}</option>
          ))}
        </select>
      </div>
      <div className="w-full sm:w-auto">
        <label htmlFor="filter-commune" className="block text-sm font-medium">{t("commune")}</label>
        <select id="filter-commune" name="commune" defaultValue={filters.commune ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
          <option value="">{t("allCommunes")}</option>
          {communes.map((c) => (
            <option key={c.id} value={c.name}>{c.name}</option>
          ))}
        </select>
      </div>
      {deliveryCommunes.length > 0 && (
        <div className="w-full sm:w-auto">
          <label htmlFor="filter-delivery" className="block text-sm font-medium">{t("deliversTo")}</label>
          <select id="filter-delivery" name="livraison" defaultValue={filters.livraison ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
            <option value="">{t("anyDelivery")}</option>
            {deliveryCommunes.map((c) => (
              <option key={c.id} value={c.name}>{c.name}</option>
            ))}
          </select>
        </div>
      )}
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="ouvert" value="1" defaultChecked={filters.ouvert === "1"} className="h-5 w-5" />
        {t("openNow")}
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="aujourdhui" value="1" defaultChecked={filters.aujourdhui === "1"} className="h-5 w-5" />
        {t("collectToday")}
      </label>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">{t("apply")}</button>
      <Link href={territoryHref(base, "/")} className="min-h-11 content-center underline">{t("reset")}</Link>
    </form>
  );
}
