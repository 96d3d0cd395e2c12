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

const NBSP = "\u00a0";

/**
 * A time of day as people read it: "9 h 00" in French (no leading zero, no-break
 * spaces so it never splits across two lines), "09:00" in English. `clock` is
 * "HH:MM" as shops' hours are stored.
 */
export function formatClockLabel(clock: string, locale: Locale): string {
  const [hours = "0", minutes = "00"] = clock.split(":");
  return locale === "fr" ? `${Number(hours)}${NBSP}h${NBSP}${minutes}` : `${hours.padStart(2, "0")}:${minutes}`;
}

/** An opening period: "9 h 00 – 12 h 30" (fr), "09:00–12:30" (en). */
export function formatClockRange(opens: string, closes: string, locale: Locale): string {
  return locale === "fr" ? `${formatClockLabel(opens, locale)}${NBSP}– ${formatClockLabel(closes, locale)}` : `${opens}–${closes}`;
}

/** "10 h 00" (fr) or "10:00" (en), Paris time. */
export function formatTime(instant: Date, locale: Locale): string {
  return formatClockLabel(formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant), locale);
}

/** "mardi 24 novembre" (fr) or "Tuesday 24 November" (en), Paris time. */
export function formatDay(instant: Date, locale: Locale): string {
  return formatter(locale, { weekday: "long", day: "numeric", month: "long" }).format(instant);
}

/** "mardi 24 novembre, 10 h 00 – 10 h 30" */
export function formatSlot(startsAt: Date, endsAt: Date, locale: Locale): string {
  return `${formatDay(startsAt, locale)}, ${formatTime(startsAt, locale)} – ${formatTime(endsAt, locale)}`;
}
