import { NextResponse, type NextRequest } from "next/server";
import { isWellFormedActionRequest } from "@/lib/http/action-request";
import { isCachedPage, isLocalizedPage, legacyHomeFilterRedirect } from "@/lib/http/locale-routing";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/http/security-headers";

const badRequest = () => new NextResponse("Requête invalide / Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Runs before every page and route:
 * - refuses server-action bodies Next.js could not decode with 400 (scripts/server.ts
 *   already refused malformed URLs);
 * - serves each page under its locale segment (/boutiques/x → /fr/boutiques/x,
 *   from the language cookie), so pages never read the cookie and can be cached;
 * - gives per-visitor pages a Content-Security-Policy with a fresh nonce; cached
 *   pages get theirs, built from the hashes of their inline scripts, from
 *   scripts/server.ts (a nonce in a shared page would be the same for everyone).
 * Never used for authorization: every page and action checks.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !(await isWellFormedActionRequest(request))) return badRequest();
  const { pathname, searchParams } = request.nextUrl;
  const legacy = legacyHomeFilterRedirect(pathname, searchParams);
  if (legacy) return NextResponse.redirect(new URL(legacy, request.url), 308);
  const localized = isLocalizedPage(pathname);
  const requestHeaders = new Headers(request.headers);
  let csp: string | null = null;
  if (!(localized && isCachedPage(pathname))) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const response = localized
    ? NextResponse.rewrite(new URL(`/${toLocale(request.cookies.get(LOCALE_COOKIE)?.value)}${pathname === "/" ? "" : pathname}${request.nextUrl.search}`, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(pathname));
  return response;
}

export const config = {
  // Static files need no nonce; they get the fixed headers from next.config.js.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
