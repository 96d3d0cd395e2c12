import type { Locale } from "@/lib/i18n/locales";
import { PARIS, fromLocal, toLocal } from "./zoned";

/** A local calendar month, "YYYY-MM" (Europe/Paris unless told otherwise). */
export type LocalMonth = string;

export const MONTH_PATTERN = /^(20\d{2})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is LocalMonth {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

/** The local month an instant falls in: 2026-11-30T23:30Z is "2026-12" in Paris. */
export function monthOf(instant: Date, timeZone = PARIS): LocalMonth {
  return toLocal(instant, timeZone).date.slice(0, 7);
}

export function addMonths(month: LocalMonth, months: number): LocalMonth {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The instants a local month runs between: from its first midnight to the next month's (midnight always exists in Paris). */
export function monthRange(month: LocalMonth, timeZone = PARIS): { from: Date; to: Date } {
  const from = fromLocal(`${month}-01`, 0, timeZone);
  const to = fromLocal(`${addMonths(month, 1)}-01`, 0, timeZone);
  if (!from || !to) throw new Error(`no midnight at the start of ${month}`);
  return { from, to };
}

/** The months from `last` back, newest first (`count` of them), for a month picker. */
export function recentMonths(last: LocalMonth, count: number): LocalMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, -i));
}

const labels = new Map<Locale, Intl.DateTimeFormat>();

/** "novembre 2026" (fr), "November 2026" (en). */
export function formatMonth(month: LocalMonth, locale: Locale): string {
  let format = labels.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: PARIS });
    labels.set(locale, format);
  }
  return format.format(fromLocal(`${month}-15`, 720) ?? new Date(`${month}-15T12:00:00Z`));
}
