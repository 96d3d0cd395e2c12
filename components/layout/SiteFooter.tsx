import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t border-brand-100 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>{t("tagline")}</p>
        <nav aria-label={t("navLabel")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link href="/inscription-commerce" className="underline">
                {t("becomeShop")}
              </Link>
            </li>
            <li>
              <Link href="/accessibilite" className="underline">
                {t("accessibility")}
              </Link>
            </li>
            <li>
              <a href="/api/open-data/commerces?format=csv" className="underline">
                {t("openData")}
              </a>
            </li>
            <li>
              <Link href="/mentions-legales" className="underline">
                {t("legal")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
