import type { Locale } from "@/lib/i18n/locales";

const formatters = new Map<Locale, Intl.NumberFormat>();

/** 1250 → "12,50 €" (fr) or "€12.50" (en). */
export function formatPrice(cents: number, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" });
    formatters.set(locale, formatter);
  }
  return formatter.format(cents / 100);
}

/** 1250 → "12,50": an amount as typed back into a form field (the forms read "12,50" and "12.50"). */
export function euroInputValue(cents: number): string {
  return (cents / 100).toFixed(2).replace(".", ",");
}
