import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { accessibilityAudit, auditRows } from "@/lib/accessibility/audit";
import { toLocale } from "@/lib/i18n/locales";
import { visibleTerritorySite } from "@/lib/territory/preview-request";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Static: rendered once per town and language, dropped when the town's identity changes. */
export const revalidate = false;

/** Rendered on the first visit (the build has no database), then served from the cache. */
export function generateStaticParams() {
  return [];
}

const DEFENSEUR_FORM = "https://formulaire.defenseurdesdroits.fr/";
const DEFENSEUR_DELEGATES = "https://www.defenseurdesdroits.fr/saisir/delegues";

/**
 * The town's accessibility statement, in the structure the RGAA 4.1 asks for:
 * commitment, conformity status, test results (the automated ones the test suite
 * measured, lib/accessibility/audit.ts), content not accessible, how the statement
 * was made, feedback and contact (including ordering by phone), legal recourse.
 */
export default async function AccessibilityPage({ params }: { params: Promise<{ locale: string; territory: string }> }) {
  const { locale: rawLocale, territory: slug } = await params;
  const locale = toLocale(rawLocale);
  setRequestLocale(locale);
  const [t, territory] = await Promise.all([getTranslations("a11y"), visibleTerritorySite(slug)]);
  if (!territory) notFound();
  const audit = accessibilityAudit();
  const rows = auditRows(audit);
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "Europe/Paris" });
  const measured = (run: typeof audit.axe) => (run ? t("toolRun", { tool: run.tool, browser: run.browser, date: date.format(new Date(run.measuredAt)), pages: run.pages.length }) : t("toolNotRun"));
  const errors = rows.reduce((sum, row) => sum + (row.axe ?? 0) + (row.pa11y ?? 0), 0);
  const section = "space-y-2";
  const h2 = "text-xl font-semibold";
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p>{t("commitment", { name: territory.name })}</p>
      <p>{t("scope", { name: territory.name, url: territory.publicUrl })}</p>

      <section aria-labelledby="a11y-status" className={section}>
        <h2 id="a11y-status" className={h2}>{t("statusHeading")}</h2>
        <p data-testid="a11y-status"><strong>{t("statusValue")}</strong> {t("statusWhy")}</p>
      </section>

      <section aria-labelledby="a11y-results" className={section}>
        <h2 id="a11y-results" className={h2}>{t("resultsHeading")}</h2>
        <p>{t("resultsIntro")}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>{measured(audit.axe)}</li>
          <li>{measured(audit.pa11y)}</li>
        </ul>
        <p>{errors === 0 ? t("resultsNone", { pages: rows.length }) : t("resultsSome", { errors, pages: rows.length })}</p>
        {rows.length > 0 && (
          <ScrollRegion label={t("tableCaption")}>
            <table className="w-full border-collapse bg-white text-sm" data-testid="a11y-results">
              <caption className="sr-only">{t("tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b border-brand-100 p-2 text-left">{t("colPage")}</th>
                  <th scope="col" className="border-b border-brand-100 p-2 text-right">{t("colAxe")}</th>
                  <th scope="col" className="border-b border-brand-100 p-2 text-right">{t("colPa11y")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.page}>
                    <th scope="row" className="break-all border-b border-brand-100 p-2 text-left font-mono font-normal">{row.page}</th>
                    <td className="border-b border-brand-100 p-2 text-right">{row.axe ?? t("notMeasured")}</td>
                    <td className="border-b border-brand-100 p-2 text-right">{row.pa11y ?? t("notMeasured")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="a11y-known" className={section}>
        <h2 id="a11y-known" className={h2}>{t("knownHeading")}</h2>
        <h3 className="font-semibold">{t("nonConformHeading")}</h3>
        <ul className="list-disc space-y-1 pl-6">
          {(["map", "qr", "audit", "camera"] as const).map((key) => <li key={key}>{t(`known_${key}`)}</li>)}
        </ul>
        <h3 className="font-semibold">{t("exemptHeading")}</h3>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("exempt_payment")}</li>
          <li>{t("exempt_tiles")}</li>
        </ul>
      </section>

      <section aria-labelledby="a11y-method" className={section}>
        <h2 id="a11y-method" className={h2}>{t("methodHeading")}</h2>
        <p>{t("methodTechnologies")}</p>
        <p>{t("methodEnvironment")}</p>
        <p>{t("methodPages")}</p>
      </section>

      <section aria-labelledby="a11y-contact" className={section}>
        <h2 id="a11y-contact" className={h2}>{t("contactHeading")}</h2>
        <p>{t("contactIntro", { name: territory.name })}</p>
        <ul className="list-disc space-y-1 pl-6" data-testid="a11y-contact">
          {territory.contactPhone && (
            <li>
              {t("contactPhone")} <a href={`tel:${territory.contactPhone.replace(/[^0-9+]/g, "")}`} className="underline">{territory.contactPhone}</a>
            </li>
          )}
          {territory.contactEmail && (
            <li>
              {t("contactEmail")} <a href={`mailto:${territory.contactEmail}`} className="underline">{territory.contactEmail}</a>
            </li>
          )}
          {territory.contactAddress && <li>{t("contactPost", { address: territory.contactAddress })}</li>}
          {!territory.contactPhone && !territory.contactEmail && <li>{t("contactFallback")}</li>}
        </ul>
        <p>{t("phoneOrdering")}</p>
      </section>

      <section aria-labelledby="a11y-recourse" className={section}>
        <h2 id="a11y-recourse" className={h2}>{t("recourseHeading")}</h2>
        <p>{t("recourseIntro")}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href={DEFENSEUR_FORM} className="underline">{t("recourseForm")}</a>
          </li>
          <li>
            <a href={DEFENSEUR_DELEGATES} className="underline">{t("recourseDelegate")}</a>
          </li>
          <li>{t("recoursePhone")}</li>
          <li>{t("recoursePost")}</li>
        </ul>
      </section>
    </article>
  );
}
