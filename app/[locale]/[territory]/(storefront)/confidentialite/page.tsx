import Link from "next/link";
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

const SECTIONS = ["data", "purposes", "recipients", "retention", "rights", "complaint"] as const;

/**
 * The town's privacy notice (RGPD articles 13 and 14): the town hall is the
 * controller; what is kept, why, for how long — the guests' retention is the
 * town's own setting —, and how to use one's rights from "Mon compte".
 */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string; territory: string }> }) {
  const { locale, territory: slug } = await params;
  setRequestLocale(toLocale(locale));
  const [t, territory] = await Promise.all([getTranslations("privacy"), visibleTerritorySite(slug)]);
  if (!territory) notFound();
  const contact = [territory.contactEmail, territory.contactPhone, territory.contactAddress].filter(Boolean).join(" · ") || t("contactFallback");
  const values = { town: territory.name, publisher: territory.legalPublisher ?? t("publisherFallback", { town: territory.name }), contact, months: territory.guestRetentionMonths };
  return (
    <article className="max-w-3xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("intro", values)}</p>
      <section aria-labelledby="privacy-controller" className="space-y-1">
        <h2 id="privacy-controller" className="text-xl font-semibold">{t("controllerHeading")}</h2>
        <p data-testid="privacy-controller">{t("controller", values)}</p>
      </section>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`} className="space-y-1">
          <h2 id={`privacy-${section}`} className="text-xl font-semibold">{t(`${section}Heading`)}</h2>
          <ul className="list-disc space-y-1 pl-5" data-testid={`privacy-${section}`}>
            {t(`${section}Items`, values).split("\n").map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <Link href="/compte" prefetch={false} className="font-medium text-brand-700 underline">
          {t("accountLink")}
        </Link>
      </p>
    </article>
  );
}
