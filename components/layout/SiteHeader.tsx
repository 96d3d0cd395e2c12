import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { territoryHref } from "@/lib/territory/href";
import { mediaUrl } from "@/lib/storage/media-store";
import { VisitorNav } from "./VisitorNav";

type Props = {
  /** The town whose page this is (null: a page of the platform, e.g. the account) */
  territory: { slug: string; name: string; base: string; logoKey?: string | null } | null;
  locale: Locale;
};

/** The site header: the same for every visitor (their own bits are in VisitorNav, read in the browser). */
export async function SiteHeader({ territory, locale }: Props) {
  const base = territory?.base ?? "";
  const t = await getTranslations("header");
  const otherLocale: Locale = locale === "fr" ? "en" : "fr";
  return (
    <header className="border-b border-brand-100 bg-white print:hidden">
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:gap-x-4 sm:gap-y-3 sm:py-3">
        <Link href={territoryHref(base, "/")} className="flex min-h-11 items-center gap-2 font-bold text-brand-800">
          {territory?.logoKey ? (
            // The town's logo, decorative: the link's text names the town. A plain <img>: next/image would
            // add its client code to every page of every town for a 32-pixel picture.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={mediaUrl(territory.logoKey)} alt="" width={32} height={32} className="h-8 w-8 rounded object-contain" />
          ) : (
            <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
              <rect width="32" height="32" rx="7" className="fill-brand-600" />
              <path d="M7 13h18l-2 12H9z" fill="#fbfaf7" />
            </svg>
          )}
          {/* The visible text stays in the accessible name (WCAG 2.5.3); on a phone the town goes under the name to keep one row. */}
          <span className="flex flex-col leading-tight sm:block">
            <span className="sr-only">{t("home")} </span>
            <span>Comptoir </span>
            {territory && (
              <span className="text-sm font-normal text-muted sm:text-base">
                <span aria-hidden="true" className="hidden sm:inline">· </span>
                {territory.name}
              </span>
            )}
          </span>
        </Link>
        {/* The search keeps a usable width: when the signed-in links need the room, they wrap below it. */}
        <form role="search" action={territoryHref(base, "/recherche")} className="order-last flex w-full gap-2 sm:order-none sm:w-auto sm:min-w-72 sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={t("searchPlaceholder")}
            className="min-h-11 w-full rounded-lg border border-gray-400 px-3 sm:max-w-md"
          />
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            {t("searchSubmit")}
          </button>
        </form>
        <nav aria-label={t("account")} className="ml-auto flex flex-wrap items-center justify-end gap-1 sm:gap-2">
          <VisitorNav
            locale={locale}
            labels={{
              dashboard: t("dashboard"),
              account: t("account"),
              signOut: t("signOut"),
              signingOut: t("signingOut"),
              signIn: t("signIn"),
              cart: t("cart"),
              cartItemOne: t("cartItemOne"),
              cartItemOther: t("cartItemOther"),
              menu: t("menu"),
            }}
          >
            <form action="/api/langue" method="post">
              <input type="hidden" name="locale" value={otherLocale} />
              <button type="submit" lang={otherLocale} aria-label={t("switchToLabel")} className="min-h-11 rounded-lg px-3 underline hover:bg-brand-50">
                {t("switchTo")}
              </button>
            </form>
          </VisitorNav>
        </nav>
      </div>
    </header>
  );
}
