import { NextResponse, type NextRequest } from "next/server";
import { isWellFormedActionRequest } from "@/lib/http/action-request";
import { isCachedPage, isLocalizedPage, legacyHomeFilterRedirect } from "@/lib/http/locale-routing";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/http/security-headers";
import { proxyDirectory, proxyDirectoryFresh } from "@/lib/territory/proxy-directory";
import { TERRITORY_HEADER, TERRITORY_PARAM } from "@/lib/territory/request-header";
import { PREVIEW_COOKIE_PREFIX, previewAllows, previewCookieName, readPreviewPass } from "@/lib/territory/preview";
import { normalizeHost, resolveTerritoryRoute, type TerritoryDirectory, type TerritoryRoute } from "@/lib/territory/routing";
import { unknownTownPage } from "@/lib/territory/unknown-town";

const badRequest = () => new NextResponse("Requête invalide / Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Runs before every page and route:
 * - refuses server-action bodies Next.js could not decode with 400 (scripts/server.ts
 *   already refused malformed URLs);
 * - decides which town the request is for, from the host name or a /<slug> prefix
 *   (lib/territory/routing.ts), and redirects other addresses of a town to its own;
 * - serves each page under its locale and town segments (/boutiques/x →
 *   /fr/grand-poitiers/boutiques/x, the locale from the language cookie), so pages
 *   never read the request and can be cached per town; route handlers and actions
 *   get the town in the x-comptoir-territory header (any sent by the client is dropped);
 * - gives per-visitor pages a Content-Security-Policy with a fresh nonce; cached
 *   pages get theirs, built from the hashes of their inline scripts, from
 *   scripts/server.ts (a nonce in a shared page would be the same for everyone).
 * Never used for authorization: every page and action checks.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !(await isWellFormedActionRequest(request))) return badRequest();
  const { pathname, searchParams, search } = request.nextUrl;
  const legacy = legacyHomeFilterRedirect(pathname, searchParams);
  if (legacy) return NextResponse.redirect(new URL(legacy, request.url), 308);
  const directory = await directoryFor(request);
  const host = request.headers.get("host");
  const route = resolveTerritoryRoute(directory, host, pathname, search);
  if (route.kind === "redirect") return NextResponse.redirect(new URL(route.location, request.url), 308);
  if (route.kind === "unknownHost") return new NextResponse(unknownTownPage(process.env.NEXTAUTH_URL ?? ""), { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  if (!isServedHost(directory, host) && !HOST_FREE.test(pathname)) return misdirected();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(TERRITORY_HEADER);
  const visible = isVisible(directory, route, request);
  // A hidden town is named to no action or route (the use cases also refuse a town that is not open).
  const territory = route.kind === "territory" ? (visible ? route.slug : null) : pathname.startsWith("/api/") || PER_TOWN_FILES.has(pathname) ? apiTerritory(directory, host, searchParams, (slug) => mayShowTown(directory, slug, request)) : null;
  if (territory) requestHeaders.set(TERRITORY_HEADER, territory);
  const localized = isLocalizedPage(pathname);
  let csp: string | null = null;
  if (!(localized && isCachedPage(pathname))) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const locale = toLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const target = !visible
    ? `/${locale}/${HIDDEN_TOWN_PAGE}`
    : route.kind === "territory" && localized
      ? `/${locale}/${route.slug}${route.path === "/" ? "" : route.path}`
      : route.kind === "chooser"
        ? `/${locale}/villes`
        : localized
          ? `/${locale}${pathname === "/" ? "" : pathname}`
          : null;
  const response = target ? NextResponse.rewrite(new URL(`${target}${search}`, request.url), { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(pathname));
  return response;
}

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to this server
 * (or to a developer's 127.0.0.1) must not read anything through the visitor's
 * browser. Only the platform's host names (its public URL's, localhost, 127.0.0.1)
 * and the towns' domains are answered; any other Host gets 421 on platform paths
 * (a storefront path gets the unknown-town page above).
 */
function isServedHost(directory: TerritoryDirectory, rawHost: string | null): boolean {
  const host = normalizeHost(rawHost);
  return directory.platformHosts.includes(host) || Boolean(directory.hosts[host]);
}

/** Health checks come from load balancers that address the instance by its IP: they reveal nothing. */
const HOST_FREE = /^\/api\/health(\/|$)/;

const misdirected = () => new NextResponse("Hôte inconnu / Misdirected request", { status: 421, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A reserved slug that is no town: the town layout answers it with the not-found page. */
const HIDDEN_TOWN_PAGE = "ville-inconnue";

/**
 * A town in preparation is shown only to holders of its preview pass (its team);
 * to anyone else it does not exist — except its shop application form, so that
 * its first shops can apply before it opens (the admins send them the link).
 */
function isVisible(directory: TerritoryDirectory, route: TerritoryRoute, request: NextRequest): boolean {
  if (route.kind !== "territory" || OPEN_BEFORE_OPENING.test(route.path)) return true;
  return mayShowTown(directory, route.slug, request);
}

const OPEN_BEFORE_OPENING = /^\/inscription-commerce(\/|$)/;

function mayShowTown(directory: TerritoryDirectory, slug: string, request: NextRequest): boolean {
  if (directory.territories[slug]?.open) return true;
  return previewAllows(request.cookies.get(previewCookieName(slug))?.value, slug, process.env.NEXTAUTH_SECRET, directory.livePreviewPasses?.[slug] ?? []);
}

/** The directory, read again first when the request carries a pass we signed that it does not list yet (just issued). */
async function directoryFor(request: NextRequest): Promise<TerritoryDirectory> {
  const directory = await proxyDirectory();
  const secret = process.env.NEXTAUTH_SECRET;
  for (const cookie of request.cookies.getAll()) {
    if (!cookie.name.startsWith(PREVIEW_COOKIE_PREFIX)) continue;
    const claim = readPreviewPass(cookie.value, secret);
    if (claim && !directory.territories[claim.slug]?.open && !directory.livePreviewPasses?.[claim.slug]?.includes(claim.passId)) return proxyDirectoryFresh(claim.passId);
  }
  return directory;
}

/** Files whose content depends on the town (served at the platform's address as /sitemap.xml?territoire=<slug>). */
const PER_TOWN_FILES = new Set(["/sitemap.xml", "/robots.txt"]);

/** An API call's town: its host's, else the one it names (?territoire=, a town in preparation only with its preview pass), else the root town. */
function apiTerritory(directory: TerritoryDirectory, host: string | null, params: URLSearchParams, mayShow: (slug: string) => boolean): string | null {
  const byHost = directory.hosts[normalizeHost(host)];
  if (byHost) return byHost;
  const named = params.get(TERRITORY_PARAM);
  if (named && directory.territories[named] && mayShow(named)) return named;
  return directory.rootSlug;
}

export const config = {
  // Static files need no nonce; they get the fixed headers from next.config.js.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
