import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";

/** Static: rendered once per language, never from the request. */
export const revalidate = false;

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

export default async function LegalPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale(toLocale((await params).locale));
  const t = await getTranslations("legal");
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("publisher")}</p>
      <p>{t("hosting")}</p>
      <p>{t("data")}</p>
      <p>{t("cookies")}</p>
    </article>
  );
}
