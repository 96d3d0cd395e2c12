import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales";

/**
 * The locale is the `[locale]` path segment (proxy.ts writes it from the language
 * switch's cookie), given by setRequestLocale so cached pages never read the
 * request. Pages that do not set it (the per-visitor ones) fall back to the cookie,
 * which is what the proxy used. French by default.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const fromSegment = await requestLocale;
  const locale = fromSegment === "fr" || fromSegment === "en" ? fromSegment : toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`../../messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default, timeZone: "Europe/Paris" };
});
