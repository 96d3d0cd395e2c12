import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

type Category = { id: string; slug: string; nameFr: string; nameEn: string; _count: { shops: number } };

export async function CategoryList({ categories, locale, heading }: { categories: Category[]; locale: Locale; heading: string }) {
  const t = await getTranslations("home");
  return (
    <section aria-labelledby="categories-heading" className="space-y-4">
      <h2 id="categories-heading" className="text-2xl font-semibold">
        {heading}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {categories.map((category) => (
          <li key={category.id} className="rounded-xl border border-brand-100 bg-white p-4" data-testid={`category-${category.slug}`}>
            <p className="font-semibold text-brand-800">{locale === "en" ? category.nameEn : category.nameFr}</p>
            <p className="text-sm text-muted">{t("shopCount", { count: category._count.shops })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
