import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TERRITORY_PARAM } from "@/lib/territory/request-header";
import { territoryHref } from "@/lib/territory/href";
import type { TerritorySite } from "@/lib/territory/site";

/** The footer: a town's contact and own pages (legal notice, accessibility, joining, open data), or the list of towns on a platform page. */
export async function SiteFooter({ territory }: { territory: TerritorySite | null }) {
  const t = await getTranslations("footer");
  const base = territory?.base ?? "";
  const openData = `/api/open-data/commerces?format=csv${territory ? `&${TERRITORY_PARAM}=${encodeURIComponent(territory.slug)}` : ""}`;
  return (
    <footer className="mt-16 border-t border-brand-100 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <p>{t("tagline")}</p>
          {territory && (territory.contactEmail || territory.contactPhone || territory.contactAddress) && (
            <address className="not-italic" data-testid="town-contact">
              <span className="font-medium text-gray-900">{t("contactOf", { name: territory.name })}</span>
              {territory.contactAddress && <span className="block">{territory.contactAddress}</span>}
              <span className="block">
                {territory.contactPhone && <a href={`tel:${territory.contactPhone.replace(/[^0-9+]/g, "")}`} className="underline">{territory.contactPhone}</a>}
                {territory.contactPhone && territory.contactEmail && " · "}
                {territory.contactEmail && <a href={`mailto:${territory.contactEmail}`} className="underline">{territory.contactEmail}</a>}
              </span>
            </address>
          )}
        </div>
        <nav aria-label={t("navLabel")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link href={territoryHref(base, "/inscription-commerce")} className="underline">
                {t("becomeShop")}
              </Link>
            </li>
            <li>
              <Link href={territoryHref(base, "/accessibilite")} className="underline">
                {t("accessibility")}
              </Link>
            </li>
            <li>
              <a href={openData} className="underline">
                {t("openData")}
              </a>
            </li>
            <li>
              <Link href={territoryHref(base, "/mentions-legales")} className="underline">
                {t("legal")}
              </Link>
            </li>
            <li>
              <Link href={territoryHref(base, "/confidentialite")} className="underline">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/villes" prefetch={false} className="underline">
                {t("towns")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
