import { isReservedSlug } from "@/lib/territory/routing";

/**
 * Pages rendered once and served from the shared cache to everyone (no nonce can
 * be put in them: scripts/server.ts gives them a hash-based policy instead).
 */
const CACHED_PAGES = /^\/(?:$|boutiques\/[^/]+(?:\/produits\/[^/]+)?\/?$|mentions-legales\/?$|accessibilite\/?$|confidentialite\/?$)/;

/** The same pages of a town served under /<slug> at the platform's address count too. */
export function isCachedPage(pathname: string): boolean {
  if (CACHED_PAGES.test(pathname)) return true;
  const [, first = "", ...rest] = pathname.split("/");
  return first !== "" && !isReservedSlug(first) && CACHED_PAGES.test(`/${rest.join("/")}`);
}

/** Filters of the territory's shop list, which used to live on "/" and now live on /commerces (cached "/" has none). */
const HOME_FILTERS = ["categorie", "commune", "ouvert", "aujourdhui"];

export function legacyHomeFilterRedirect(pathname: string, search: URLSearchParams): string | null {
  if (pathname !== "/" || !HOME_FILTERS.some((name) => search.has(name))) return null;
  return `/commerces?${search.toString()}`;
}

/** Route handlers and files are not pages: they are not moved under a locale. */
export function isLocalizedPage(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
}


