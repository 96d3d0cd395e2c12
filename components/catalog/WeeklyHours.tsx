import type { OpeningHours } from "@/lib/catalog/open-now";
import type { Locale } from "@/lib/i18n/locales";
import { formatClockRange } from "@/lib/time/format";

/** Monday 1 January 2024, to name weekdays 1–7 in the visitor's language. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/** The week's opening hours: does not move with the clock, so it can sit in a cached page. */
export function WeeklyHours({ hours, locale, heading, closed }: { hours: OpeningHours; locale: Locale; heading: string; closed: string }) {
  const dayName = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { weekday: "long", timeZone: "UTC" });
  return (
    <details className="mt-3">
      <summary className="min-h-11 cursor-pointer content-center font-medium underline">{heading}</summary>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const periods = hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
          return (
            <div key={weekday} className="contents">
              <dt className="capitalize">{dayName.format(A_MONDAY + (weekday - 1) * 86_400_000)}</dt>
              <dd>{periods.length ? periods.map((h) => formatClockRange(h.opens, h.closes, locale)).join(", ") : closed}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
