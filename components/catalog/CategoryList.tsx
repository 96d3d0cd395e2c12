import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { territoryHref } from "@/lib/territory/href";

type Category = { id: string; slug: string; nameFr: string; nameEn: string; _count: { shops: number } };

export async function CategoryList({ categories, locale, base, heading, selected }: { categories: Category[]; locale: Locale; base: string; heading: string; selected?: string }) {
  const t = await getTranslations("home");
  return (
    <section aria-labelledby="categories-heading" className="space-y-4">
      <h2 id="categories-heading" className="text-2xl font-semibold">
        {heading}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {categories.map((category) => (
          <li key={category.id} data-testid={`category-${category.slug}`}>
            <Link
              href={`${territoryHref(base, "/commerces")}?categorie=${category.slug}`}
              // A filtered list is rendered per request: prefetching five of them on every home visit cost the server five renders and the phone ~15 KB.
              prefetch={false}
              aria-current={selected === category.slug ? "true" : undefined}
              className="block h-full rounded-xl border border-brand-100 bg-white p-4 hover:border-brand-600 aria-[current]:border-2 aria-[current]:border-brand-600"
            >
              <span className="block font-semibold text-brand-800">{locale === "en" ? category.nameEn : category.nameFr}</span>
              <span className="block text-sm text-muted">{t("shopCount", { count: category._count.shops })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
