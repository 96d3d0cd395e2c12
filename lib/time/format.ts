import type { Locale } from "@/lib/i18n/locales";
import { PARIS } from "./zoned";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: PARIS, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "10 h 00" (fr) or "10:00" (en), Paris time. */
export function formatTime(instant: Date, locale: Locale): string {
  const text = formatter(locale, { hour: "2-digit", minute: "2-digit" }).format(instant);
  return locale === "fr" ? text.replace(":", " h ") : text;
}

/** "mardi 24 novembre" (fr) or "Tuesday 24 November" (en), Paris time. */
export function formatDay(instant: Date, locale: Locale): string {
  return formatter(locale, { weekday: "long", day: "numeric", month: "long" }).format(instant);
}

/** "mardi 24 novembre, 10 h 00 – 10 h 30" */
export function formatSlot(startsAt: Date, endsAt: Date, locale: Locale): string {
  return `${formatDay(startsAt, locale)}, ${formatTime(startsAt, locale)} – ${formatTime(endsAt, locale)}`;
}
