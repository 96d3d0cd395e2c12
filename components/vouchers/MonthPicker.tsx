import { formatMonth, type LocalMonth } from "@/lib/time/month";
import type { Locale } from "@/lib/i18n/locales";

/** A month picker that needs no script: a GET form with a list of months (?mois=YYYY-MM). */
export function MonthPicker({ month, months, locale, label, submitLabel, id = "statement-month" }: { month: LocalMonth; months: LocalMonth[]; locale: Locale; label: string; submitLabel: string; id?: string }) {
  const options = months.includes(month) ? months : [month, ...months];
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 print:hidden">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">{label}</label>
        <select id={id} name="mois" defaultValue={month} className="min-h-11 rounded-lg border border-gray-500 bg-white px-2">
          {options.map((m) => <option key={m} value={m}>{formatMonth(m, locale)}</option>)}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700">{submitLabel}</button>
    </form>
  );
}
