import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { visibleTerritorySite } from "@/lib/territory/preview-request";

/** Static: rendered once per town and language, dropped when the town's identity changes. */
export const revalidate = false;

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

/** The town's legal notice: the town hall publishes its platform (its admins fill the publisher and director). */
export default async function LegalPage({ params }: { params: Promise<{ locale: string; territory: string }> }) {
  const { locale, territory: slug } = await params;
  setRequestLocale(toLocale(locale));
  const [t, territory] = await Promise.all([getTranslations("legal"), visibleTerritorySite(slug)]);
  if (!territory) notFound();
  const contact = [territory.contactAddress, territory.contactPhone, territory.contactEmail].filter(Boolean).join(" · ");
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("headingOf", { name: territory.name })}</h1>
      <section aria-labelledby="legal-publisher" className="space-y-1">
        <h2 id="legal-publisher" className="text-xl font-semibold">{t("publisherHeading")}</h2>
        <p data-testid="legal-publisher">{territory.legalPublisher ?? t("publisher")}</p>
        {territory.publicationDirector && <p>{t("director", { name: territory.publicationDirector })}</p>}
        {contact && <p>{t("contact", { contact })}</p>}
      </section>
      <section aria-labelledby="legal-hosting" className="space-y-1">
        <h2 id="legal-hosting" className="text-xl font-semibold">{t("hostingHeading")}</h2>
        <p>{t("hosting")}</p>
      </section>
      <section aria-labelledby="legal-data" className="space-y-1">
        <h2 id="legal-data" className="text-xl font-semibold">{t("dataHeading")}</h2>
        <p>{t("data")}</p>
        <p>{t("cookies")}</p>
      </section>
    </article>
  );
}
