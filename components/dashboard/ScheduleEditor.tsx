"use client";

import { useMemo, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { type AffectedChoice, saveScheduleAction } from "@/app/actions/schedule";
import type { ActionResult } from "@/lib/actions/action-result";
import { toLocale } from "@/lib/i18n/locales";
import { generateSlots, type ScheduleRule } from "@/lib/slots/generate-slots";
import type { AffectedOrder } from "@/lib/slots/manage-schedule";
import { formatDay, formatTime } from "@/lib/time/format";
import { addDays, parseClock, toLocal } from "@/lib/time/zoned";
import type { RuleRow } from "@/lib/slots/rule-rows";
import { useErrorText } from "@/components/ui/useErrorText";

/** The same slot engine customers see, run on the rows being edited. */
function previewSlots(rows: RuleRow[]) {
  const rules: ScheduleRule[] = [];
  for (const row of rows) {
    try {
      rules.push({ weekday: row.weekday, opensAtMinute: parseClock(row.opens), closesAtMinute: parseClock(row.closes), slotMinutes: Math.max(5, row.slotMinutes), capacityPerSlot: row.capacityPerSlot, leadTimeMinutes: row.leadTimeMinutes, sameDayCutoffMinute: row.sameDayCutoff ? parseClock(row.sameDayCutoff) : null, horizonDays: row.horizonDays });
    } catch {
      // A half-typed time: left out of the preview until it is valid.
    }
  }
  const now = new Date();
  return generateSlots({ rules, now, toDate: addDays(toLocal(now).date, 6) });
}

export function ScheduleEditor({ shopId, point, initialRows, canEdit, suggestedBy }: { shopId: string; point: { id: string; name: string }; initialRows: RuleRow[]; canEdit: boolean; /** The town whose suggested hours fill a point without rules (not saved yet) */ suggestedBy?: string }) {
  const t = useTranslations("dashboard");
  const locale = toLocale(useLocale());
  const errorText = useErrorText();
  const [rows, setRows] = useState<RuleRow[]>(initialRows);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const preview = useMemo(() => previewSlots(rows), [rows]);
  const days = [...new Set(preview.map((s) => s.date))];
  const affected = (!result?.ok && (result?.details?.affected as AffectedOrder[] | undefined)) || [];
  const update = (index: number, patch: Partial<RuleRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const [choice, setChoice] = useState<Exclude<AffectedChoice, "none">>("propose");
  const save = (affectedChoice: AffectedChoice) =>
    startTransition(async () => {
      setResult(await saveScheduleAction(shopId, point.id, rows, affectedChoice));
    });
  const fieldId = (index: number, name: string) => `rule-${point.id}-${index}-${name}`;
  const input = (index: number, name: keyof RuleRow, label: string, type: "time" | "number") => (
    <div>
      <label htmlFor={fieldId(index, name)} className="block text-sm font-medium">{label}</label>
      <input
        id={fieldId(index, name)}
        type={type}
        value={rows[index]?.[name] ?? ""}
        disabled={!canEdit}
        onChange={(e) => update(index, { [name]: type === "number" ? Number(e.target.value) : e.target.value })}
        className="min-h-11 w-full rounded-lg border border-gray-500 px-2"
      />
    </div>
  );
  return (
    <section aria-labelledby={`point-${point.id}`} className="space-y-4 rounded-xl bg-white p-4" data-testid="schedule-editor">
      <h2 id={`point-${point.id}`} className="text-xl font-semibold">{point.name}</h2>
      {suggestedBy && <p role="note" className="rounded-lg bg-sky-100 p-3 text-sky-950" data-testid="suggested-hours">{t("suggestedHours", { town: suggestedBy })}</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => (
          <li key={index} className="grid grid-cols-2 gap-2 rounded-lg border border-brand-100 p-3 sm:grid-cols-4 lg:grid-cols-9">
            <div>
              <label htmlFor={fieldId(index, "weekday")} className="block text-sm font-medium">{t("weekday")}</label>
              <select id={fieldId(index, "weekday")} value={row.weekday} disabled={!canEdit} onChange={(e) => update(index, { weekday: Number(e.target.value) })} className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-1">
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>{t(`days.${d}`)}</option>
                ))}
              </select>
            </div>
            {input(index, "opens", t("opens"), "time")}
            {input(index, "closes", t("closes"), "time")}
            {input(index, "slotMinutes", t("slotMinutes"), "number")}
            {input(index, "capacityPerSlot", t("capacity"), "number")}
            {input(index, "leadTimeMinutes", t("lead"), "number")}
            {input(index, "sameDayCutoff", t("cutoff"), "time")}
            {input(index, "horizonDays", t("horizon"), "number")}
            {canEdit && (
              <button type="button" onClick={() => setRows((current) => current.filter((_, i) => i !== index))} className="min-h-11 self-end rounded-lg px-2 text-sm text-red-800 underline">
                {t("removeRow")}
              </button>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setRows((current) => [...current, current.at(-1) ?? { weekday: 2, opens: "09:00", closes: "12:00", slotMinutes: 30, capacityPerSlot: 4, leadTimeMinutes: 60, sameDayCutoff: "", horizonDays: 14 }])}
            className="min-h-11 rounded-lg border border-brand-600 px-3 font-medium text-brand-700"
          >
            {t("addRow")}
          </button>
          <button type="button" onClick={() => save("none")} disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">
            {pending ? t("saving") : t("saveSchedule", { point: point.name })}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {result?.ok && <p className="font-medium text-brand-700">{result.message ?? t("scheduleSaved")}</p>}
        {result && !result.ok && affected.length === 0 && <p className="font-medium text-red-800">{errorText(Object.values(result.fieldErrors ?? {})[0] ?? result.error)}</p>}
      </div>
      {affected.length > 0 && (
        <div role="alert" className="space-y-2 rounded-lg border-2 border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="affected-orders">
          <p className="font-semibold">{t("affectedHeading")}</p>
          <ul className="list-inside list-disc">
            {affected.map((o) => (
              <li key={o.id}>{o.reference} — {o.contactName} — {formatDay(new Date(o.slotStartsAt), locale)}, {formatTime(new Date(o.slotStartsAt), locale)}</li>
            ))}
          </ul>
          <fieldset className="space-y-1">
            <legend className="font-semibold">{t("affectedChoice")}</legend>
            {(["propose", "cancel", "keep"] as const).map((action) => (
              <label key={action} className="flex min-h-11 items-start gap-2">
                <input type="radio" name={`affected-${point.id}`} value={action} checked={choice === action} onChange={() => setChoice(action)} className="mt-1 h-5 w-5" />
                <span>{t(`affected_${action}`)}</span>
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={() => save(choice)} disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg bg-amber-800 px-4 font-semibold text-white disabled:opacity-60">{pending ? t("saving") : t("confirmAnyway")}</button>
        </div>
      )}
      <details open>
        <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("preview")}</summary>
        {days.length === 0 ? (
          <p className="text-muted">{t("previewEmpty")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="schedule-preview">
            {days.map((day) => {
              const slots = preview.filter((s) => s.date === day);
              return (
                <li key={day}>
                  <strong>{formatDay(slots[0]?.startsAt ?? new Date(), locale)}</strong> : {slots.map((s) => formatTime(s.startsAt, locale)).join(", ")}
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </section>
  );
}
