"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addClosureAction, removeClosureAction } from "@/app/actions/schedule";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import type { AffectedOrder } from "@/lib/slots/manage-schedule";
import { useErrorText } from "@/components/ui/useErrorText";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";

type Closure = { id: string; startsOn: string; endsOn: string; reason: string; pickupPointId: string | null };

function RemoveClosure({ shopId, closure }: { shopId: string; closure: Closure }) {
  const t = useTranslations("dashboard");
  const [, formAction, pending] = useActionState<ActionResult, FormData>(removeClosureAction, idleResult);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="closureId" value={closure.id} />
      <button type="submit" disabled={pending} className="min-h-11 px-2 text-sm text-red-800 underline">{t("removeClosure", { from: closure.startsOn, to: closure.endsOn })}</button>
    </form>
  );
}

export function ClosuresForm({ shopId, points, closures, canEdit }: { shopId: string; points: { id: string; name: string }[]; closures: Closure[]; canEdit: boolean }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(addClosureAction, idleResult);
  const affected = (!state.ok && (state.details?.affected as AffectedOrder[] | undefined)) || [];
  return (
    <section aria-labelledby="closures-heading" className="space-y-3 rounded-xl bg-white p-4">
      <h2 id="closures-heading" className="text-xl font-semibold">{t("closures")}</h2>
      {closures.length === 0 ? (
        <p className="text-muted">{t("noClosures")}</p>
      ) : (
        <ul className="space-y-1">
          {closures.map((c) => (
            <li key={c.id}>
              {c.startsOn} → {c.endsOn} — {points.find((p) => p.id === c.pickupPointId)?.name ?? t("allPoints")} {c.reason && `(${c.reason})`}
              {canEdit && <RemoveClosure shopId={shopId} closure={c} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="shopId" value={shopId} />
          <div>
            <label htmlFor="closure-from" className="block text-sm font-medium">{t("closureFrom")}</label>
            <input id="closure-from" name="startsOn" type="date" required className="min-h-11 rounded-lg border border-gray-500 px-2" />
          </div>
          <div>
            <label htmlFor="closure-to" className="block text-sm font-medium">{t("closureTo")}</label>
            <input id="closure-to" name="endsOn" type="date" required className="min-h-11 rounded-lg border border-gray-500 px-2" />
          </div>
          <div className="w-full sm:w-auto">
            <label htmlFor="closure-point" className="block text-sm font-medium">{t("closurePoint")}</label>
            <select id="closure-point" name="pickupPointId" className="min-h-11 w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
              <option value="">{t("allPoints")}</option>
              {points.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </div>
          <div className="w-full sm:w-auto">
            <label htmlFor="closure-reason" className="block text-sm font-medium">{t("closureReason")}</label>
            <input id="closure-reason" name="reason" maxLength={200} className="min-h-11 w-full rounded-lg border border-gray-500 px-2" />
          </div>
          <button type="submit" disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">
            {affected.length > 0 ? t("confirmAnyway") : t("addClosure")}
          </button>
          <div role="status" aria-live="polite" className="w-full">
            {state.ok && <p className="font-medium text-brand-700">{state.message ?? t("closureSaved")}</p>}
            {!state.ok && state.error && affected.length === 0 && <p className="font-medium text-red-800">{errorText(Object.values(state.fieldErrors ?? {})[0] ?? state.error)}</p>}
            {affected.length > 0 && (
              <div className="rounded-lg border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
                <p className="font-semibold">{t("affectedHeading")}</p>
                <ul className="list-inside list-disc">{affected.map((o) => <li key={o.id}>{o.reference} — {o.contactName}</li>)}</ul>
                <fieldset className="mt-2 space-y-1">
                  <legend className="font-semibold">{t("affectedChoice")}</legend>
                  {(["propose", "cancel", "keep"] as const).map((action) => (
                    <label key={action} className="flex min-h-11 items-start gap-2">
                      <input type="radio" name="affectedAction" value={action} defaultChecked={action === "propose"} required className="mt-1 h-5 w-5" />
                      <span>{t(`affected_${action}`)}</span>
                    </label>
                  ))}
                </fieldset>
              </div>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
